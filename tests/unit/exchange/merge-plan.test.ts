/** planMerge: newer updatedAt wins, equal is unchanged, re-import adds nothing; reasons for skips. */
import { describe, expect, it } from 'vitest';
import { countPlan, describeSkip, planImport, planMerge, recordsToWrite, sameJson } from '../../../lib/exchange/merge-plan';
import { makeAnnotation, makeSource } from '../support/store-fixtures';

const at = (updatedAt: string, note = '') => makeAnnotation({ updatedAt, note });

describe('planMerge', () => {
  it('adds what is not stored, updates what is newer, leaves what is the same, skips what is older', () => {
    const stored = new Map([
      ['same', { ...at('2024-05-01T10:00:00.000Z'), id: 'same' }],
      ['newer-in-file', { ...at('2024-05-01T10:00:00.000Z', 'old'), id: 'newer-in-file' }],
      ['older-in-file', { ...at('2024-05-03T10:00:00.000Z', 'mine'), id: 'older-in-file' }],
    ]);
    const incoming = [
      { ...at('2024-05-01T10:00:00.000Z'), id: 'new' },
      { ...at('2024-05-01T10:00:00.000Z'), id: 'same' },
      { ...at('2024-05-02T10:00:00.000Z', 'new'), id: 'newer-in-file' },
      { ...at('2024-05-02T10:00:00.000Z', 'theirs'), id: 'older-in-file' },
    ];
    const plan = planMerge(incoming, stored);
    expect(plan.added.map((a) => a.id)).toEqual(['new']);
    expect(plan.updated.map((u) => [u.incoming.note, u.existing.note])).toEqual([['new', 'old']]);
    expect(plan.unchanged.map((a) => a.id)).toEqual(['same']);
    expect(plan.skipped).toEqual([
      { record: incoming[3], reason: { kind: 'older', incomingUpdatedAt: '2024-05-02T10:00:00.000Z', existingUpdatedAt: '2024-05-03T10:00:00.000Z' } },
    ]);
    expect(countPlan(plan)).toEqual({ added: 1, updated: 1, unchanged: 1, skipped: 1 });
    expect(recordsToWrite(plan).map((a) => a.id)).toEqual(['new', 'newer-in-file']);
  });

  it('compares times, not strings: the same moment with and without milliseconds or in another zone is the same', () => {
    const stored = new Map([['x', { ...at('2024-05-01T10:00:00.000Z'), id: 'x' }]]);
    expect(planMerge([{ ...at('2024-05-01T12:00:00+02:00'), id: 'x' }], stored).skipped[0]?.reason.kind).toBe('same-time-different-content');
    expect(planMerge([{ ...at('2024-05-01T09:59:59.999Z'), id: 'x' }], stored).skipped[0]?.reason.kind).toBe('older');
  });

  it('the same time with other content keeps the stored record and says why', () => {
    const stored = new Map([['x', { ...at('2024-05-01T10:00:00.000Z', 'mine'), id: 'x' }]]);
    const plan = planMerge([{ ...at('2024-05-01T10:00:00.000Z', 'theirs'), id: 'x' }], stored);
    expect(plan.skipped[0]?.reason).toEqual({ kind: 'same-time-different-content', updatedAt: '2024-05-01T10:00:00.000Z' });
    expect(recordsToWrite(plan)).toEqual([]);
  });

  it('records equal but for key order are unchanged', () => {
    const stored = makeAnnotation();
    const reordered = Object.fromEntries(Object.entries(stored).reverse()) as typeof stored;
    expect(planMerge([reordered], new Map([[stored.id, stored]])).unchanged).toHaveLength(1);
  });

  it('an incoming tombstone that is newer deletes; an older live copy does not resurrect a deleted one', () => {
    const live = makeAnnotation({ updatedAt: '2024-05-01T10:00:00.000Z' });
    const deleted = makeAnnotation({ updatedAt: '2024-05-02T10:00:00.000Z', deletedAt: '2024-05-02T10:00:00.000Z' });
    expect(planMerge([deleted], new Map([[live.id, live]])).updated).toHaveLength(1);
    expect(planMerge([live], new Map([[deleted.id, deleted]])).skipped).toHaveLength(1);
  });

  it('a source without updatedAt (an untouched built-in) loses to a stored one that has it', () => {
    const stored = makeSource({ id: 'kcna', updatedAt: '2024-05-01T10:00:00.000Z' });
    const { updatedAt: _none, ...incoming } = makeSource({ id: 'kcna', name: 'Other' });
    expect(planImport({ annotations: [], sources: [incoming] }, { annotations: new Map(), sources: new Map([['kcna', stored]]) }).sources.skipped[0]?.reason).toEqual({
      kind: 'older',
      incomingUpdatedAt: null,
      existingUpdatedAt: '2024-05-01T10:00:00.000Z',
    });
  });
});

describe('describeSkip', () => {
  it('says which copy is newer, in UTC', () => {
    expect(describeSkip({ kind: 'older', incomingUpdatedAt: '2024-05-02T10:00:00.000Z', existingUpdatedAt: '2024-05-03T10:00:00.000Z' })).toBe(
      "the stored copy was changed later (2024-05-03 10:00:00 UTC) than the file's (2024-05-02 10:00:00 UTC)",
    );
    expect(describeSkip({ kind: 'same-time-different-content', updatedAt: null })).toContain('no date');
  });
});

describe('sameJson', () => {
  it.each([
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: [] }, { a: {} }, false],
    [{ a: '1' }, { a: 1 }, false],
    [{ a: { b: 1 } }, { a: { b: 1, c: 2 } }, false],
    [null, null, true],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(sameJson(a, b)).toBe(expected);
    expect(sameJson(b, a)).toBe(expected);
  });
});
