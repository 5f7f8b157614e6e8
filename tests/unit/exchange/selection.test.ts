/** Export selections: page, dates, source, ids, tombstones. */
import { describe, expect, it } from 'vitest';
import { selectAnnotations, selectionPredicate } from '../../../lib/exchange/selection';
import { makeAnnotation } from '../support/store-fixtures';

const a = makeAnnotation({ id: 'a', url: 'https://one.example/p', createdAt: '2024-05-01T10:00:00.000Z' });
const b = makeAnnotation({ id: 'b', url: 'https://two.example/q', createdAt: '2024-05-02T00:00:00.000Z', attributions: [] });
const gone = makeAnnotation({ id: 'gone', deletedAt: '2024-05-03T00:00:00.000Z' });
const all = [a, b, gone];
const ids = (selection: Parameters<typeof selectionPredicate>[0]) => all.filter(selectionPredicate(selection)).map((x) => x.id);

describe('selectionPredicate', () => {
  it.each([
    [{}, ['a', 'b']],
    [{ includeDeleted: true }, ['a', 'b', 'gone']],
    [{ url: 'https://two.example/q' }, ['b']],
    [{ from: '2024-05-02T00:00:00.000Z' }, ['b']],
    [{ to: '2024-05-02T00:00:00.000Z' }, ['a']],
    [{ from: '2024-05-01', to: '2024-05-02' }, ['a']],
    [{ sourceId: 'kcna' }, ['a']],
    [{ ids: ['b', 'gone', 'unknown'] }, ['b']],
    [{ ids: [] }, []],
  ])('%j selects %j', (selection, expected) => {
    expect(ids(selection)).toEqual(expected);
  });

  it('matches a source anywhere in a chain', () => {
    const [kcna] = a.attributions;
    if (!kcna) throw new Error('the fixture has an attribution');
    const chain = makeAnnotation({
      attributions: [
        { ...kcna, source: { id: 'yonhap', name: 'Yonhap', type: 'news-agency' } },
        { ...kcna, source: { id: 'nis', name: 'NIS', type: 'government' }, reportedBy: 0 },
      ],
    });
    expect(selectionPredicate({ sourceId: 'nis' })(chain)).toBe(true);
  });

  it('refuses a date that is not one, with a message', () => {
    expect(() => selectionPredicate({ from: 'last week' })).toThrow('The start date "last week" is not an ISO 8601 date.');
  });
});

describe('selectAnnotations', () => {
  it('filters an async stream lazily', async () => {
    async function* rows() {
      yield* all;
    }
    const out: string[] = [];
    for await (const x of selectAnnotations(rows(), { url: 'https://one.example/p' })) out.push(x.id);
    expect(out).toEqual(['a']);
  });
});
