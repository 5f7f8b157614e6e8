import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../lib/sync/canonical-json';
import { mergeAnnotations, mergeSources, pickWinner } from '../../../lib/sync/merge';
import { makeAnnotation, makeRating } from '../support/store-fixtures';
import type { Source } from '../../../lib/model';

const base = makeAnnotation();
const mine = { ...base, note: 'mine', updatedAt: '2024-05-02T10:00:00.000Z' };
const theirs = { ...base, note: 'theirs', updatedAt: '2024-05-02T11:00:00.000Z' };

describe('pickWinner', () => {
  it.each([
    ['later updatedAt wins', { updatedAt: 'b', x: 1 }, { updatedAt: 'a', x: 2 }, 'first'],
    ['later updatedAt wins, other side', { updatedAt: 'a', x: 1 }, { updatedAt: 'b', x: 2 }, 'second'],
    ['a tie goes to the greater canonical JSON', { updatedAt: 'a', x: 1 }, { updatedAt: 'a', x: 2 }, 'second'],
    ['identical content is the same', { updatedAt: 'a', x: 1 }, { x: 1, updatedAt: 'a' }, 'same'],
  ] as [string, { updatedAt: string; x: number }, { updatedAt: string; x: number }, string][])('%s', (_name, a, b, expected) => {
    expect(pickWinner(a, b, (v) => v)).toBe(expected);
  });
});

describe('mergeAnnotations', () => {
  it('keeps the newer edit and puts the older one in history', () => {
    const merged = mergeAnnotations(mine, theirs);
    expect(merged.note).toBe('theirs');
    expect(merged.history).toEqual([{ reason: 'conflict', replacedAt: theirs.updatedAt, annotation: mine }]);
  });

  it('gives the same result on both sides', () => {
    expect(canonicalJson(mergeAnnotations(mine, theirs))).toBe(canonicalJson(mergeAnnotations(theirs, mine)));
  });

  it('breaks a tie in updatedAt the same way on both sides, keeping the loser', () => {
    const a = { ...mine, updatedAt: theirs.updatedAt };
    const one = mergeAnnotations(a, theirs);
    const other = mergeAnnotations(theirs, a);
    expect(canonicalJson(one)).toBe(canonicalJson(other));
    expect(one.history).toHaveLength(1);
    expect([one.note, one.history?.[0]?.annotation.note].sort()).toEqual(['mine', 'theirs']);
  });

  it('adds no history when both sides hold the same edit', () => {
    expect(mergeAnnotations(mine, { ...mine })).toEqual(mine);
  });

  it('unites both histories without duplicates, oldest first', () => {
    const once = mergeAnnotations(mine, theirs);
    const third = { ...base, note: 'third', updatedAt: '2024-05-03T09:00:00.000Z' };
    const twice = mergeAnnotations(third, once);
    expect(twice.note).toBe('third');
    expect(twice.history?.map((v) => v.annotation.note)).toEqual(['mine', 'theirs']);
    expect(mergeAnnotations(twice, once).history).toEqual(twice.history);
  });

  it('treats a deletion like any edit: a later edit beats an earlier deletion', () => {
    const deleted = { ...mine, deletedAt: mine.updatedAt };
    const merged = mergeAnnotations(deleted, theirs);
    expect(merged.deletedAt).toBeUndefined();
    expect(merged.history?.[0]?.annotation.deletedAt).toBe(mine.updatedAt);
  });

  it('is symmetric and keeps every version, for any pair of edits', () => {
    const edit = fc.record({ note: fc.string({ maxLength: 8 }), updatedAt: fc.constantFrom('2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', '2024-01-03T00:00:00.000Z') });
    fc.assert(
      fc.property(edit, edit, (x, y) => {
        const a = { ...base, ...x };
        const b = { ...base, ...y };
        const ab = mergeAnnotations(a, b);
        expect(canonicalJson(ab)).toBe(canonicalJson(mergeAnnotations(b, a)));
        const kept = [ab, ...(ab.history ?? []).map((v) => v.annotation)].map((v) => canonicalJson({ ...v, history: undefined }));
        expect(kept).toContain(canonicalJson(a));
        expect(kept).toContain(canonicalJson(b));
      }),
    );
  });
});

describe('mergeSources', () => {
  const kcna = (rating: ReturnType<typeof makeRating>, updatedAt: string): Source => ({ id: 'kcna', name: 'KCNA', aliases: [], type: 'state-media', builtin: true, rating, updatedAt });
  const low = makeRating({ tier: 'propaganda', ratedAt: '2024-05-01T00:00:00.000Z' });
  const mid = makeRating({ tier: 'unreliable', ratedAt: '2024-05-02T00:00:00.000Z' });

  it('keeps the newer rating and the losing one in ratingHistory, the same on both sides', () => {
    const a = kcna(low, '2024-05-01T00:00:00.000Z');
    const b = kcna(mid, '2024-05-02T00:00:00.000Z');
    const ab = mergeSources(a, '', b, '');
    expect(ab?.rating?.tier).toBe('unreliable');
    expect(ab?.ratingHistory).toEqual([low]);
    expect(canonicalJson(mergeSources(b, '', a, ''))).toBe(canonicalJson(ab));
  });

  it('lets a later removal win over an earlier edit, and a later edit over a removal', () => {
    const a = kcna(low, '2024-05-01T00:00:00.000Z');
    expect(mergeSources(a, '', null, '2024-05-03T00:00:00.000Z')).toBeNull();
    expect(mergeSources(a, '', null, '2024-04-01T00:00:00.000Z')?.rating).toEqual(low);
  });
});
