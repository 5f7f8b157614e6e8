import { describe, expect, it } from 'vitest';
import { HIGH, indexRowOf, recencyOfMs, SEP } from '../../../lib/library/index-fields';
import {
  choosePlan,
  compileQuery,
  driversFor,
  facetKeysFor,
  isReversed,
  matchesQuery,
  PROBE_LIMIT,
  residualAfter,
  SMALL_DRIVER,
  walkWorthIt,
  type CompiledQuery,
  type TierLookup,
} from '../../../lib/library/plan';
import { DEFAULT_QUERY, type LibraryFilters, type LibraryQuery } from '../../../lib/library/query';
import type { CredibilityTier } from '../../../lib/model';
import { makeAnnotation } from '../support/store-fixtures';

const TIERS: TierLookup = new Map<string, CredibilityTier>([
  ['kcna', 'propaganda'],
  ['tass', 'propaganda'],
  ['yonhap', 'reliable'],
]);

function compiled(text: string, filters: LibraryFilters = {}, sort: LibraryQuery['sort'] = 'date', direction?: LibraryQuery['direction']): CompiledQuery {
  const c = compileQuery({ ...DEFAULT_QUERY, text, filters, sort, direction: direction ?? (sort === 'date' ? 'desc' : 'asc') }, TIERS);
  if (!c) throw new Error('impossible query');
  return c;
}

describe('compileQuery', () => {
  it.each<[string, LibraryFilters]>([
    ['from after to', { from: '2024-02-01', to: '2024-01-01' }],
    ['a tier no source has', { tier: 'mixed' }],
  ])('knows no row can match %s', (_case, filters) => {
    expect(compileQuery({ ...DEFAULT_QUERY, filters }, TIERS)).toBeNull();
  });

  it('lists the constraints a query sets', () => {
    expect(compiled('kim j', { site: 's', from: '2024-01-01', tier: 'unrated' }).constraints).toEqual(['text', 'tier', 'site', 'date']);
    expect(compiled('').constraints).toEqual([]);
  });
});

describe('driversFor', () => {
  it('makes one prefix range per search term on the words index, counted by no counter', () => {
    const drivers = driversFor(compiled('kremlin miss'));
    expect(drivers.map((d) => [d.index, d.ranges, d.facets])).toEqual([
      ['words', [{ lower: 'kremlin', upper: `kremlin${HIGH}` }], null],
      ['words', [{ lower: 'miss', upper: `miss${HIGH}` }], null],
    ]);
    // Neither term alone covers the search; a single term does.
    expect(drivers.map((d) => d.covers)).toEqual([[], []]);
    expect(driversFor(compiled('kremlin'))[0]?.covers).toEqual(['text']);
  });

  it('turns each filter into its value’s range of a date-ordered index, within the date filter', () => {
    const c = compiled('', { site: 'a.example', source: 'kcna', to: '2024-01-31' });
    const newest = recencyOfMs(c.toMs);
    const [site, source, date] = driversFor(c);
    expect(site).toEqual({
      label: 'site = a.example',
      index: 'bySite',
      ranges: [{ lower: `a.example${SEP}${newest}`, upper: `a.example${SEP}${HIGH}` }],
      covers: ['site', 'date'],
      facets: ['site:a.example'],
      dateOrdered: true,
    });
    expect(source).toMatchObject({ index: 'bySource', ranges: [{ lower: `kcna${SEP}${newest}`, upper: `kcna${SEP}${HIGH}` }] });
    expect(date).toMatchObject({ index: 'key', ranges: [{ lower: newest, upper: HIGH }], facets: null, dateOrdered: true });
  });

  it('joins a tier through the sources rated so, counted by their counters; the unrated tier has no driver', () => {
    const [tier] = driversFor(compiled('', { tier: 'propaganda' }));
    expect(tier).toMatchObject({
      index: 'bySource',
      ranges: [
        { lower: `kcna${SEP}`, upper: `kcna${SEP}${HIGH}` },
        { lower: `tass${SEP}`, upper: `tass${SEP}${HIGH}` },
      ],
      covers: ['tier'],
      facets: ['source:kcna', 'source:tass'],
      dateOrdered: false,
    });
    expect(driversFor(compiled('', { tier: 'unrated' }))).toEqual([]);
  });

  it.each<[keyof LibraryFilters, string, string, string]>([
    ['sourceType', 'state-media', 'byType', 'type:state-media'],
    ['verdict', 'none', 'byVerdict', 'verdict:none'],
    ['origin', 'manual', 'byOrigin', 'origin:manual'],
    ['tag', 'Korea', 'byTag', 'tag:Korea'],
  ])('filters %s with its value’s range of %s', (key, value, index, facet) => {
    expect(driversFor(compiled('', { [key]: value }))).toEqual([
      expect.objectContaining({ index, ranges: [{ lower: `${value}${SEP}`, upper: `${value}${SEP}${HIGH}` }], covers: [key], facets: [facet] }),
    ]);
  });

  it('asks for the total and every driver’s counters', () => {
    expect(facetKeysFor(driversFor(compiled('x', { site: 's', tier: 'propaganda' })))).toEqual(['all', 'site:s', 'source:kcna', 'source:tass']);
  });
});

describe('choosePlan', () => {
  const LIVE = 100_000;
  const counts = (entries: Record<string, number>) => new Map([['all', LIVE], ...Object.entries(entries)]);
  it.each<[string, LibraryQuery, Record<string, number>, { probe: string[]; walk: string; keysOnly: boolean; total: number | null }]>([
    ['everything: the first keys of the primary key, total from the counter', DEFAULT_QUERY, {}, { probe: [], walk: 'all by date', keysOnly: true, total: LIVE }],
    ['a search probes its words, and walks by date if they are common', { ...DEFAULT_QUERY, text: 'kremlin drone' }, {}, { probe: ['word "kremlin*"', 'word "drone*"'], walk: 'all by date', keysOnly: false, total: null }],
    ['a broad filter is walked in its own range, keys only, its counter the total', { ...DEFAULT_QUERY, filters: { verdict: 'none' } }, { 'verdict:none': 90_000 }, { probe: [], walk: 'verdict = none', keysOnly: true, total: 90_000 }],
    ['a mid-size filter is probed, and walked if the probe says so', { ...DEFAULT_QUERY, filters: { site: 'a.example' } }, { 'site:a.example': 900 }, { probe: ['site = a.example'], walk: 'site = a.example', keysOnly: true, total: 900 }],
    ['a small filter is probed alone, even with a search', { ...DEFAULT_QUERY, text: 'said', filters: { site: 'a.example' } }, { 'site:a.example': SMALL_DRIVER }, { probe: ['site = a.example'], walk: 'site = a.example', keysOnly: false, total: null }],
    ['the most selective ordered range is walked', { ...DEFAULT_QUERY, filters: { site: 'a.example', verdict: 'none' } }, { 'site:a.example': 30_000, 'verdict:none': 90_000 }, { probe: [], walk: 'site = a.example', keysOnly: false, total: null }],
    ['a date filter is walked on the primary key; no counter knows its total', { ...DEFAULT_QUERY, filters: { from: '2024-01-01' } }, {}, { probe: [], walk: 'date 2024-01-01 to …', keysOnly: true, total: null }],
    ['by site: the site index, reading rows', { ...DEFAULT_QUERY, sort: 'site', direction: 'asc' }, {}, { probe: [], walk: 'all by site', keysOnly: false, total: LIVE }],
    ['by source with a source filter: its range, keys only', { ...DEFAULT_QUERY, sort: 'source', direction: 'desc', filters: { source: 'kcna' } }, { 'source:kcna': 5000 }, { probe: [], walk: 'source = kcna', keysOnly: true, total: 5000 }],
    ['a tier of two sources is probed, its counters summed', { ...DEFAULT_QUERY, filters: { tier: 'propaganda' } }, { 'source:kcna': 700, 'source:tass': 800 }, { probe: ['tier = propaganda (2 sources)'], walk: 'all by date', keysOnly: false, total: 1500 }],
  ])('%s', (_case, query, entries, want) => {
    const c = compileQuery(query, TIERS);
    if (!c) throw new Error('impossible');
    const plan = choosePlan(c, driversFor(c), counts(entries));
    expect(plan.kind).toBe('plan');
    if (plan.kind !== 'plan') return;
    expect({ probe: plan.probe.map((d) => d.label), walk: plan.walk.label, keysOnly: plan.walk.keysOnly, total: plan.total }).toEqual(want);
  });

  it('probes again deeper, if the walk finds matches sparse: the words and the filters under the deep limit, never the dates', () => {
    const c = compiled('kremlin drone', { tag: 'korea', verdict: 'none', from: '2024-01-01' });
    const plan = choosePlan(c, driversFor(c), counts({ 'tag:korea': 6000, 'verdict:none': 90_000 }));
    expect(plan).toMatchObject({ kind: 'plan' });
    if (plan.kind !== 'plan') return;
    expect(plan.probe.map((d) => d.label)).toEqual(['word "kremlin*"', 'word "drone*"']);
    expect(plan.deep.map((d) => d.label)).toEqual(['word "kremlin*"', 'word "drone*"', 'tag = korea']);
  });

  it('reverses the walk against the index’s natural order', () => {
    const c = compiled('', {}, 'date', 'asc');
    expect(choosePlan(c, driversFor(c), counts({}))).toMatchObject({ walk: { reverse: true } });
  });

  it('is empty when a counter says nothing matches, or the library is empty', () => {
    const c = compiled('', { site: 'nowhere.example' });
    expect(choosePlan(c, driversFor(c), counts({}))).toEqual({ kind: 'empty', reason: 'no annotation has site = nowhere.example' });
    expect(choosePlan(compiled(''), [], new Map())).toEqual({ kind: 'empty', reason: 'the library is empty' });
  });

  it('leaves a filter above the probe limit to the walk', () => {
    const c = compiled('', { tag: 'korea', origin: 'manual' });
    const plan = choosePlan(c, driversFor(c), counts({ 'tag:korea': PROBE_LIMIT + 1, 'origin:manual': 400 }));
    expect(plan).toMatchObject({ probe: [{ label: 'origin = manual' }], walk: { label: 'origin = manual', keysOnly: false } });
  });
});

describe('walkWorthIt', () => {
  it.each<[number, number, boolean]>([
    [50, 300, true],
    [0, 320, false],
    [10, 320, true],
    [3, 320, false],
  ])('%i matches in %i rows: go on walking is %s (budget 4096 rows for 50)', (matched, read, go) => {
    expect(walkWorthIt(matched, read, 50, { walkBudget: 4096 })).toBe(go);
  });
});

describe('residualAfter', () => {
  it('leaves what the fully read drivers do not cover', () => {
    const c = compiled('kim jong', { site: 's', verdict: 'none' });
    const [kim, jong, site, verdict] = driversFor(c);
    expect(residualAfter(c, [site!])).toEqual(['text', 'verdict']);
    expect(residualAfter(c, [kim!, site!])).toEqual(['text', 'verdict']);
    expect(residualAfter(c, [kim!, jong!, site!, verdict!])).toEqual([]);
  });
});

describe('matchesQuery', () => {
  const row = indexRowOf(
    makeAnnotation({ note: 'Compare with Yonhap', tags: ['Korea'], verdict: { rating: 'false', rationale: '', ratedAt: '2024-05-01T10:00:00.000Z' } }),
  )!;
  it.each<[string, string, LibraryFilters, boolean]>([
    ['everything', '', {}, true],
    ['a word prefix of the quote', 'wedn', {}, true],
    ['a word of the note', 'yonhap', {}, true],
    ['all terms', 'kcna yon', {}, true],
    ['a missing term', 'kcna tass', {}, false],
    ['its source', '', { source: 'kcna' }, true],
    ['another source', '', { source: 'tass' }, false],
    ['its tier (joined)', '', { tier: 'propaganda' }, true],
    ['unrated', '', { tier: 'unrated' }, false],
    ['its verdict', '', { verdict: 'false' }, true],
    ['no verdict', '', { verdict: 'none' }, false],
    ['its tag', '', { tag: 'Korea' }, true],
    ['a tag in another case', '', { tag: 'korea' }, false],
    ['its site', '', { site: 'news.example' }, true],
    ['its day', '', { from: '2024-05-01', to: '2024-05-01' }, true],
    ['the day after', '', { from: '2024-05-02' }, false],
    ['its origin and type', '', { origin: 'detected', sourceType: 'state-media' }, true],
  ])('%s: %s', (_case, text, filters, matches) => {
    expect(matchesQuery(row, compiled(text, filters))).toBe(matches);
  });
});

describe('isReversed', () => {
  it.each<[LibraryQuery['sort'], LibraryQuery['direction'], boolean]>([
    ['date', 'desc', false],
    ['date', 'asc', true],
    ['site', 'asc', false],
    ['source', 'desc', true],
  ])('%s %s → %s', (sort, direction, reversed) => {
    expect(isReversed({ sort, direction })).toBe(reversed);
  });
});
