import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteOf, siteOf, sourceKeyOf } from '../../../lib/library/index-fields';
import type { PlanLimits } from '../../../lib/library/plan';
import { dayRange, DEFAULT_QUERY, type LibraryFilters, type LibraryQuery } from '../../../lib/library/query';
import { indexWords, searchTerms } from '../../../lib/library/words';
import type { Annotation, CredibilityTier } from '../../../lib/model';
import { facetRowsOf } from '../../../lib/library/facets';
import { allAnnotations, deleteAnnotations, putAnnotations, restoreAnnotations, retagAnnotations, saveAnnotation } from '../../../lib/store/annotations';
import type { SourcemarkDb } from '../../../lib/store/db';
import { loadLibraryFacets, openLibraryQuery, tierLookup } from '../../../lib/store/library';
import { compactWordIndexIfStale, rebuildLibrary, staleWordCount } from '../../../lib/store/library-index';
import { sampleAnnotations } from '../support/library-sample';
import { makeAnnotation, makeRating, makeSource, openTestDb } from '../support/store-fixtures';

const N = 400;
const TIERS: ReadonlyMap<string, CredibilityTier> = new Map([
  ['kcna', 'propaganda'],
  ['tass', 'propaganda'],
  ['yonhap', 'reliable'],
]);

let db: SourcemarkDb;
let sample: Annotation[];
let deleted: Set<string>;

beforeAll(async () => {
  db = openTestDb();
  sample = sampleAnnotations(N);
  await putAnnotations(db, sample);
  // Every 13th is deleted: tombstones must never show.
  deleted = new Set(await deleteAnnotations(db, sample.filter((_, i) => i % 13 === 0).map((a) => a.id), new Date('2025-01-01T00:00:00Z')));
});
afterAll(async () => {
  await db.delete();
});

/** The reference: every live sample annotation checked field by field, sorted by the query's order. */
function expected(query: LibraryQuery): string[] {
  const terms = searchTerms(query.text);
  const f = query.filters;
  const range = dayRange(f);
  const rows = sample.filter((a) => {
    if (deleted.has(a.id) || !range) return false;
    const words = indexWords(quoteOf(a), a.note, ...a.tags);
    const created = Date.parse(a.createdAt);
    return (
      terms.every((t) => words.some((w) => w.startsWith(t))) &&
      (f.source === undefined || sourceKeyOf(a) === f.source) &&
      (f.sourceType === undefined || (a.attributions[0]?.type ?? 'other') === f.sourceType) &&
      (f.tier === undefined || (TIERS.get(sourceKeyOf(a)) ?? 'unrated') === f.tier) &&
      (f.verdict === undefined || (a.verdict?.rating ?? 'none') === f.verdict) &&
      (f.origin === undefined || a.origin === f.origin) &&
      (f.tag === undefined || a.tags.includes(f.tag)) &&
      (f.site === undefined || siteOf(a.url) === f.site) &&
      created >= range.fromMs &&
      created <= range.toMs
    );
  });
  const field = (a: Annotation) => (query.sort === 'site' ? siteOf(a.url) : query.sort === 'source' ? sourceKeyOf(a) : '');
  // Natural order: field A→Z, then newest first, then id; the other direction reverses all of it.
  rows.sort((a, b) => {
    const byField = field(a) < field(b) ? -1 : field(a) > field(b) ? 1 : 0;
    return byField || Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const natural = query.sort === 'date' ? 'desc' : 'asc';
  if (query.direction !== natural) rows.reverse();
  return rows.map((a) => a.id);
}

/** Every id the cursor gives, read `pageSize` at a time. */
async function readAll(query: LibraryQuery, pageSize: number, limits?: PlanLimits): Promise<{ ids: string[]; total: number | null }> {
  const cursor = await openLibraryQuery(db, query, TIERS, limits);
  const ids: string[] = [];
  for (let guard = 0; guard < 1000 && !cursor.done; guard++) {
    const page = await cursor.next(pageSize);
    if (page.length === 0) break;
    ids.push(...page.map((a) => a.id));
  }
  return { ids, total: cursor.total };
}

const q = (text: string, filters: LibraryFilters = {}, sort: LibraryQuery['sort'] = 'date', direction?: LibraryQuery['direction']): LibraryQuery => ({
  text,
  filters,
  sort,
  direction: direction ?? (sort === 'date' ? 'desc' : 'asc'),
});

const QUERIES: [string, LibraryQuery][] = [
  ['everything, newest first', DEFAULT_QUERY],
  ['everything, oldest first', q('', {}, 'date', 'asc')],
  ['a word prefix', q('missile')],
  ['a whole word that is also a prefix of nothing else', q('missiles')],
  ['two words, the last a prefix being typed', q('kcna miss')],
  ['an accented word typed without accents', q('elect')],
  ['a word of another source’s label', q('societe')],
  ['a one-letter prefix while typing', q('k')],
  ['a word of a note', q('figures')],
  ['a tag’s word', q('follow')],
  ['no match', q('zzzz')],
  ['a resolved source', q('', { source: 'kcna' })],
  ['an unresolved source', q('', { source: 'american-authorities' })],
  ['no source', q('', { source: '(unattributed)' })],
  ['a source type', q('', { sourceType: 'state-media' })],
  ['a tier held by two sources', q('', { tier: 'propaganda' })],
  ['the unrated tier', q('', { tier: 'unrated' })],
  ['a tier nobody has', q('', { tier: 'mixed' })],
  ['a verdict', q('', { verdict: 'false' })],
  ['no verdict', q('', { verdict: 'none' })],
  ['an origin', q('', { origin: 'manual' })],
  ['a tag, case and all', q('', { tag: 'Korea' })],
  ['a site', q('', { site: 'wire.example' })],
  ['a date range', q('', { from: '2024-02-01', to: '2024-03-15' })],
  ['an open-ended date range', q('', { from: '2024-04-01' })],
  ['dates that exclude each other', q('', { from: '2024-04-01', to: '2024-03-01' })],
  ['search, site and verdict', q('report', { site: 'news.example', verdict: 'none' })],
  ['a search within dates (checked on the keys)', q('talks', { from: '2024-02-01', to: '2024-04-01' })],
  ['a search, a tag and the unrated tier', q('day', { tag: 'korea', tier: 'unrated' })],
  ['source and date, sorted by source', q('', { source: 'yonhap', to: '2024-03-01' }, 'source')],
  ['site filter, oldest first', q('', { site: 'daily.example' }, 'date', 'asc')],
  ['by site A to Z', q('', {}, 'site')],
  ['by site Z to A', q('', {}, 'site', 'desc')],
  ['by source A to Z, searching', q('talks', {}, 'source')],
  ['by source Z to A with a tier', q('', { tier: 'propaganda' }, 'source', 'desc')],
];

describe('openLibraryQuery', () => {
  it('has a sample with every kind of row', () => {
    expect(expected(DEFAULT_QUERY).length).toBe(N - deleted.size);
    expect(deleted.size).toBeGreaterThan(20);
  });

  // The default limits probe every driver of this small sample; the lower ones leave some
  // probes incomplete, so walks with checks and candidate checks run too.
  describe.each<[string, number, PlanLimits | undefined]>([
    ['default limits, 7 at a time', 7, undefined],
    ['default limits, 50 at a time', 50, undefined],
    ['probes of 10 keys, walks of 20 rows, deep probes of 40, 7 at a time', 7, { probe: 10, small: 0, walkSample: 20, walkBudget: 60, deep: 40 }],
    ['probes of 10 keys, no deep probe, 7 at a time', 7, { probe: 10, small: 0, walkSample: 20, walkBudget: 60, deep: 5 }],
    ['probes of 60 keys, 50 at a time', 50, { probe: 60, small: 5, walkSample: 64, walkBudget: 100, deep: 200 }],
    ['small drivers alone, 7 at a time', 7, { probe: 400, small: 120, walkSample: 320, walkBudget: 4096, deep: 400 }],
  ])('with %s', (_label, pageSize, limits) => {
    it.each(QUERIES)('returns %s, in order, page after page', async (_name, query) => {
      const want = expected(query);
      const { ids, total } = await readAll(query, pageSize, limits);
      expect(ids).toEqual(want);
      // Once everything is read the total is known.
      expect(total).toBe(want.length);
    });
  });

  it('while deletions have left stale word postings, checks those keys on their rows: a search is still exact, total included', async () => {
    expect(await staleWordCount(db)).toBe(deleted.size);
    for (const text of ['kcna', 'harv', 'kcna harv']) {
      const cursor = await openLibraryQuery(db, q(text), TIERS);
      const want = expected(q(text));
      if (text !== 'kcna harv') expect(cursor.total).toBe(want.length);
      const ids: string[] = [];
      while (!cursor.done) ids.push(...(await cursor.next(50)).map((a) => a.id));
      expect(ids).toEqual(want);
    }
  });

  // Compaction rewrites the postings: a word's postings are its rows again, and every query
  // gives the same answer as before.
  describe('after compacting the word postings', () => {
    beforeAll(async () => {
      expect(await compactWordIndexIfStale(db, { share: 0, floor: 1 })).toBe(true);
      expect(await staleWordCount(db)).toBe(0);
    });
    describe.each<[string, PlanLimits | undefined]>([
      ['default limits', undefined],
      ['probes of 10 keys, walks of 20 rows, deep probes of 40', { probe: 10, small: 0, walkSample: 20, walkBudget: 60, deep: 40 }],
    ])('with %s', (_label, limits) => {
      it.each(QUERIES)('returns %s, in order, page after page', async (_name, query) => {
        const want = expected(query);
        const { ids, total } = await readAll(query, 7, limits);
        expect(ids).toEqual(want);
        expect(total).toBe(want.length);
      });
    });
    it('knows a one-word search’s total before reading it', async () => {
      const cursor = await openLibraryQuery(db, q('kcna'), TIERS);
      expect(cursor.total).toBe(expected(q('kcna')).length);
    });
  });

  it('knows the total of the unfiltered library before reading past the first page, and walks the keys', async () => {
    const cursor = await openLibraryQuery(db, DEFAULT_QUERY, TIERS);
    await cursor.next(50);
    expect(cursor.total).toBe(N - deleted.size);
    expect(cursor.plan).toMatchObject({ kind: 'plan', probe: [], walk: { index: 'key', keysOnly: true, reverse: false } });
  });

  it('probes the words of a search and intersects their keys', async () => {
    const cursor = await openLibraryQuery(db, q('kcna harv'), TIERS);
    expect(cursor.plan.kind).toBe('plan');
    if (cursor.plan.kind !== 'plan') return;
    expect(cursor.plan.probe.map((d) => d.label).sort()).toEqual(['word "harv*"', 'word "kcna*"']);
    expect(cursor.total).toBe(expected(q('kcna harv')).length);
  });

  it('walks a broad site filter’s own range, already in date order, keys only', async () => {
    const cursor = await openLibraryQuery(db, q('', { site: 'blog.example' }), TIERS);
    expect(cursor.plan).toMatchObject({ kind: 'plan', walk: { index: 'bySite', label: 'site = blog.example', keysOnly: true } });
  });

  it('answers an impossible query with an empty plan and no reads', async () => {
    const cursor = await openLibraryQuery(db, q('', { tier: 'mixed' }), TIERS);
    expect(cursor.plan.kind).toBe('empty');
    expect(await cursor.next(50)).toEqual([]);
    expect(cursor.total).toBe(0);
  });

  it('keeps the counters equal to a recount of the annotations after every kind of write', async () => {
    expect(await db.libraryFacets.toArray()).toEqual(facetRowsOf(await allAnnotations(db)));
    expect(await db.libraryIndex.count()).toBe(N - deleted.size);
  });
});

describe('bulk changes', () => {
  it('retags, deletes and restores live annotations, and the library follows each', async () => {
    const local = openTestDb();
    try {
      const rows = sampleAnnotations(20, 3);
      await putAnnotations(local, rows);
      const ids = rows.slice(0, 4).map((a) => a.id);
      const at = new Date('2025-02-01T00:00:00Z');

      expect(await retagAnnotations(local, ids, { add: 'to check' }, at)).toEqual(ids);
      expect(await retagAnnotations(local, ids, { add: 'to check' }, at)).toEqual([]);
      const tagged = await readAllFrom(local, q('', { tag: 'to check' }));
      expect(tagged.sort()).toEqual([...ids].sort());
      expect(await readAllFrom(local, q('to che'))).toEqual(expect.arrayContaining(ids));
      expect((await local.annotations.get(ids[0]!))?.updatedAt).toBe(at.toISOString());

      expect(await deleteAnnotations(local, [...ids, 'unknown'], at)).toEqual(ids);
      expect(await readAllFrom(local, q('', { tag: 'to check' }))).toEqual([]);
      expect(await readAllFrom(local, q('to che'))).toEqual([]);

      const later = new Date('2025-02-02T00:00:00Z');
      expect(await restoreAnnotations(local, ids, later)).toEqual(ids);
      expect(await restoreAnnotations(local, ids, later)).toEqual([]);
      const restored = await local.annotations.get(ids[0]!);
      expect(restored).not.toHaveProperty('deletedAt');
      expect(restored?.updatedAt).toBe(later.toISOString());
      expect(restored?.createdAt).toBe(rows[0]!.createdAt);
      expect((await readAllFrom(local, q('', { tag: 'to check' }))).sort()).toEqual([...ids].sort());

      expect((await readAllFrom(local, q('to che'))).sort()).toEqual([...ids].sort());
      expect(await retagAnnotations(local, ids, { remove: 'to check' }, later)).toEqual(ids);
      expect(await readAllFrom(local, q('', { tag: 'to check' }))).toEqual([]);
      // Their postings under "to" and "check" are stale now: the search checks them on the rows.
      expect(await readAllFrom(local, q('to che'))).toEqual([]);
      expect((await readAllFrom(local, q('moved'))).length).toBe(0);
      // An import that changes the creation time moves the index row; the counters follow every change.
      await putAnnotations(local, [{ ...rows[5]!, createdAt: '2030-01-01T00:00:00.000Z', note: 'moved' }]);
      await saveAnnotation(local, { ...rows[6]!, verdict: { rating: 'false', rationale: '', ratedAt: '' } }, later);
      expect((await readAllFrom(local, DEFAULT_QUERY))[0]).toBe(rows[5]!.id);
      expect(await readAllFrom(local, q('moved'))).toEqual([rows[5]!.id]);
      expect(await local.libraryIndex.count()).toBe(20);
      expect(await local.libraryFacets.toArray()).toEqual(facetRowsOf(await allAnnotations(local)));
    } finally {
      await local.delete();
    }
  });

  it('keeps tombstones out of retags', async () => {
    const local = openTestDb();
    try {
      const saved = await saveAnnotation(local, makeAnnotation({ id: 'x', deletedAt: '2024-06-01T00:00:00.000Z' }));
      expect(await retagAnnotations(local, [saved.id], { add: 'a' })).toEqual([]);
    } finally {
      await local.delete();
    }
  });
});

async function readAllFrom(local: SourcemarkDb, query: LibraryQuery): Promise<string[]> {
  const cursor = await openLibraryQuery(local, query, new Map());
  return (await cursor.next(1000)).map((a) => a.id);
}

describe('rebuildLibrary', () => {
  it('rebuilds the index and counters from the annotations, after writes that went around the repository', async () => {
    const local = openTestDb();
    try {
      const rows = sampleAnnotations(30, 11);
      await putAnnotations(local, rows.slice(0, 20));
      // Written around the repository: the library doesn't know these.
      await local.annotations.bulkPut(rows.slice(20));
      await local.annotations.update(rows[0]!.id, { deletedAt: '2025-01-01T00:00:00.000Z' });
      expect(await local.libraryIndex.count()).toBe(20);

      await rebuildLibrary(local);
      const all = await allAnnotations(local);
      expect(await local.libraryIndex.count()).toBe(29);
      expect(await local.libraryFacets.toArray()).toEqual(facetRowsOf(all));
      expect((await readAllFrom(local, DEFAULT_QUERY)).length).toBe(29);
    } finally {
      await local.delete();
    }
  });
});

describe('loadLibraryFacets', () => {
  it('counts each source’s live annotations, sites and verdicts from the indexes, and lists sites and tags', async () => {
    const facets = await loadLibraryFacets(db, [makeSource({ id: 'kcna', name: 'KCNA (mine)', type: 'state-media', rating: makeRating() })]);
    const live = sample.filter((a) => !deleted.has(a.id));
    expect(facets.total).toBe(live.length);
    expect(facets.sources.reduce((n, s) => n + s.count, 0)).toBe(live.length);
    for (const stat of facets.sources) {
      const mine = live.filter((a) => sourceKeyOf(a) === stat.key);
      expect(stat.count).toBe(mine.length);
      expect(stat.sites).toBe(new Set(mine.map((a) => siteOf(a.url))).size);
      expect(stat.verdicts.false).toBe(mine.filter((a) => a.verdict?.rating === 'false').length);
      expect(stat.verdicts.none).toBe(mine.filter((a) => !a.verdict).length);
    }
    expect(facets.sources.map((s) => s.count)).toEqual([...facets.sources.map((s) => s.count)].sort((a, b) => b - a));
    const labels = Object.fromEntries(facets.sources.map((s) => [s.key, s.label]));
    expect(labels).toMatchObject({
      kcna: 'KCNA (mine)',
      yonhap: 'Yonhap',
      'american-authorities': 'American authorities',
      'societe-generale-analysts': 'Société Générale analysts',
      '(unattributed)': 'No source found',
    });
    expect(facets.sites).toEqual(['blog.example', 'daily.example', 'news.example', 'wire.example']);
    expect(facets.tags).toEqual(['follow up', 'korea', 'Korea', 'russia']);
  });

  it('reads an empty library', async () => {
    const local = openTestDb();
    try {
      expect(await loadLibraryFacets(local)).toEqual({ sources: [], sites: [], tags: [], total: 0 });
    } finally {
      await local.delete();
    }
  });
});

describe('tierLookup', () => {
  it('maps each rated stored source to its tier, leaving the unrated out', () => {
    const lookup = tierLookup([makeSource({ id: 'a', rating: makeRating({ tier: 'mixed' }) }), makeSource({ id: 'b' })]);
    expect([...lookup]).toEqual([['a', 'mixed']]);
  });
});
