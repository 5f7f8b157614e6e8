import { describe, expect, it } from 'vitest';
import { applyFacetDelta, facetDeltas, facetRowsOf } from '../../../lib/library/facets';
import { idOfKey, indexKeyOf, indexRowOf, recencyKey, recencyOfMs, SEP, siteOf, sourceKeyOf, sourceLabelOf, timeOfKey } from '../../../lib/library/index-fields';
import { createLatestRunner, type RunOutcome } from '../../../lib/library/latest';
import { localDay, ROW_TEXT_MAX, rowTier, toLibraryRow, verdictLabel } from '../../../lib/library/rows';
import { summariseFacets } from '../../../lib/library/stats';
import { applyTagChange, MAX_TAG_LENGTH, normaliseTag } from '../../../lib/library/tags';
import { fragmentStart, textFragmentUrl } from '../../../lib/library/text-fragment';
import { makeAnnotation, makeSource } from '../support/store-fixtures';

describe('indexRowOf', () => {
  it('derives the key, words and filter entries of a live annotation', () => {
    const annotation = makeAnnotation({ note: 'Société', tags: ['Korea', 'Korea'], url: 'https://www.news.example/x' });
    const key = indexKeyOf(annotation);
    expect(key).toBe(`${recencyKey(annotation.createdAt)}:${annotation.id}`);
    expect(indexRowOf(annotation)).toEqual({
      key,
      id: annotation.id,
      words: ['state', 'agency', 'kcna', 'said', 'on', 'wednesday', 'societe', 'korea'],
      tags: ['Korea'],
      site: 'news.example',
      source: 'kcna',
      sourceType: 'state-media',
      verdict: 'none',
      origin: 'detected',
      bySite: `news.example${SEP}${key}`,
      bySource: `kcna${SEP}${key}`,
      byType: `state-media${SEP}${key}`,
      byVerdict: `none${SEP}${key}`,
      byOrigin: `detected${SEP}${key}`,
      byTag: [`Korea${SEP}${key}`],
    });
    expect(idOfKey(key)).toBe(annotation.id);
    expect(timeOfKey(key)).toBe(Date.parse(annotation.createdAt));
  });

  it('has keys that sort newest first, and clamps dates it cannot hold', () => {
    const older = recencyKey('2024-01-01T00:00:00.000Z');
    const newer = recencyKey('2024-01-01T00:00:00.001Z');
    expect(newer < older).toBe(true);
    expect(recencyKey('not a date')).toBe(recencyOfMs(0));
    expect(recencyKey('1950-01-01T00:00:00.000Z')).toBe(recencyOfMs(0));
    expect(recencyOfMs(0)).toBe('9999999999999');
  });

  it('has nothing for a tombstone', () => {
    expect(indexRowOf(makeAnnotation({ deletedAt: '2024-01-01T00:00:00.000Z' }))).toBeUndefined();
  });

  it('files an unresolved source under the slug of its label, and no source under "(unattributed)"', () => {
    const base = makeAnnotation();
    const unresolved = makeAnnotation({ attributions: [{ ...base.attributions[0]!, source: null, label: 'American authorities' }] });
    expect(sourceKeyOf(unresolved)).toBe('american-authorities');
    expect(sourceLabelOf(unresolved)).toBe('American authorities');
    expect(sourceKeyOf(makeAnnotation({ attributions: [] }))).toBe('(unattributed)');
    expect(indexRowOf(makeAnnotation({ attributions: [] }))?.sourceType).toBe('other');
  });

  it.each([
    ['https://www.example.com/a', 'example.com'],
    ['https://News.Example:8080/x', 'news.example'],
    ['not a url', ''],
  ])('siteOf(%s) is %j', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});

describe('facets', () => {
  const kcna = makeAnnotation({ id: 'a', tags: ['korea'], verdict: { rating: 'false', rationale: '', ratedAt: '' } });
  const kcnaElsewhere = makeAnnotation({ id: 'b', url: 'https://other.example/x' });

  it('counts each filter value, the total, and per source its verdicts and sites', () => {
    expect(facetRowsOf([kcna, kcnaElsewhere, makeAnnotation({ id: 'c', deletedAt: '2024-01-01T00:00:00.000Z' })])).toEqual([
      { key: 'all', count: 2 },
      { key: 'origin:detected', count: 2 },
      { key: 'site:news.example', count: 1 },
      { key: 'site:other.example', count: 1 },
      { key: 'source:kcna', count: 2, label: 'KCNA', type: 'state-media', verdicts: { false: 1, none: 1 }, sites: { 'news.example': 1, 'other.example': 1 } },
      { key: 'tag:korea', count: 1 },
      { key: 'type:state-media', count: 2 },
      { key: 'verdict:false', count: 1 },
      { key: 'verdict:none', count: 1 },
    ]);
  });

  it('moves counts when an annotation changes, and drops rows that reach zero', () => {
    const deltas = facetDeltas([[kcna, { ...kcna, tags: [], verdict: undefined }]]);
    expect(deltas.get('all')).toEqual({ count: 0 });
    expect(deltas.get('tag:korea')).toEqual({ count: -1 });
    expect(deltas.get('source:kcna')).toMatchObject({ count: 0, verdicts: { false: -1, none: 1 } });
    expect(applyFacetDelta('tag:korea', { key: 'tag:korea', count: 1 }, { count: -1 })).toBeNull();
    expect(
      applyFacetDelta('source:kcna', { key: 'source:kcna', count: 2, verdicts: { false: 1, none: 1 }, sites: { a: 2 } }, { count: -1, verdicts: { false: -1 }, sites: { a: -1 } }),
    ).toEqual({ key: 'source:kcna', count: 1, verdicts: { none: 1 }, sites: { a: 1 } });
    expect(facetDeltas([[undefined, kcna], [kcna, undefined]]).get('all')).toEqual({ count: 0 });
  });

  it('summarises counters for the page: sources most quoted first, a stored source’s own name winning', () => {
    const rows = facetRowsOf([kcna, kcnaElsewhere, makeAnnotation({ id: 'd', attributions: [] })]);
    const summary = summariseFacets(rows, [makeSource({ id: 'kcna', name: 'KCNA (mine)' })]);
    expect(summary.total).toBe(3);
    expect(summary.sites).toEqual(['news.example', 'other.example']);
    expect(summary.tags).toEqual(['korea']);
    expect(summary.sources.map((s) => [s.key, s.label, s.count, s.sites])).toEqual([
      ['kcna', 'KCNA (mine)', 2, 2],
      ['(unattributed)', 'No source found', 1, 1],
    ]);
    expect(summary.sources[0]?.verdicts).toMatchObject({ false: 1, none: 1, true: 0 });
  });
});

describe('text fragments', () => {
  it.each([
    ['a short quote whole', 'KCNA said on Wednesday.', 'KCNA said on Wednesday.'],
    ['white space collapsed', '  KCNA\n said  ', 'KCNA said'],
    ['a long quote cut at a word boundary', `${'word '.repeat(30)}end`, `${'word '.repeat(16).trim()}`],
  ])('fragmentStart keeps %s', (_case, quote, start) => {
    expect(fragmentStart(quote)).toBe(start);
    expect(fragmentStart(quote).length).toBeLessThanOrEqual(80);
  });

  it.each([
    ['https://news.example/a', 'Kim-Jong said, “yes” & more', 'https://news.example/a#:~:text=Kim%2DJong%20said%2C%20%E2%80%9Cyes%E2%80%9D%20%26%20more'],
    ['https://news.example/a#top', 'Hello', 'https://news.example/a#top:~:text=Hello'],
    ['https://news.example/a', '   ', 'https://news.example/a'],
  ])('textFragmentUrl(%s, %j)', (url, quote, href) => {
    expect(textFragmentUrl(url, quote)).toBe(href);
  });
});

describe('toLibraryRow', () => {
  it('keeps what the list shows, with a link to the quote', () => {
    const row = toLibraryRow(makeAnnotation({ note: 'n'.repeat(1000), tags: ['a'], verdict: { rating: 'mixed', rationale: '', ratedAt: '' } }));
    expect(row).toMatchObject({
      quote: 'state agency KCNA said on Wednesday.',
      sourceKey: 'kcna',
      sourceLabel: 'KCNA',
      sourceType: 'state-media',
      verdict: 'mixed',
      tags: ['a'],
      site: 'news.example',
      href: 'https://news.example/korea-russia#:~:text=state%20agency%20KCNA%20said%20on%20Wednesday.',
    });
    expect(row.note.length).toBe(ROW_TEXT_MAX);
    expect(row.note.endsWith('…')).toBe(true);
    expect(toLibraryRow(makeAnnotation({ attributions: [] })).sourceLabel).toBe('');
  });

  it('words verdicts and tiers, and days', () => {
    expect(verdictLabel('none')).toBe('No verdict');
    expect(verdictLabel('mostly-false')).toBe('Mostly false');
    expect(rowTier({ sourceKey: 'kcna' }, new Map([['kcna', 'propaganda']]))).toEqual({
      tier: 'propaganda',
      label: 'State-controlled or propaganda outlet',
    });
    expect(rowTier({ sourceKey: 'x' }, new Map())).toEqual({ tier: 'unrated', label: 'Unrated' });
    const local = new Date(2024, 4, 1, 23, 30).toISOString();
    expect(localDay(local)).toBe('2024-05-01');
    expect(localDay('nonsense')).toBe('');
  });
});

describe('tags', () => {
  it('normalises a typed tag and refuses an empty or long one', () => {
    expect(normaliseTag('  follow \n up ')).toBe('follow up');
    expect(() => normaliseTag('   ')).toThrow('Type a tag first.');
    expect(() => normaliseTag('x'.repeat(MAX_TAG_LENGTH + 1))).toThrow(/at most 60/);
  });

  it.each<[string[], Parameters<typeof applyTagChange>[1], string[] | null]>([
    [['a'], { add: 'b' }, ['a', 'b']],
    [['a'], { add: 'a' }, null],
    [['a', 'b'], { remove: 'a' }, ['b']],
    [['a'], { remove: 'c' }, null],
  ])('applyTagChange(%j, %j) → %j', (tags, change, result) => {
    expect(applyTagChange(tags, change)).toEqual(result);
  });
});

describe('createLatestRunner', () => {
  /** Work whose answers the test releases by hand. */
  function controlled() {
    const calls: { input: string; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
    const work = (input: string) => new Promise<string>((resolve, reject) => calls.push({ input, resolve, reject }));
    const delivered: [string, RunOutcome<string>][] = [];
    const runner = createLatestRunner(work, (input, outcome) => delivered.push([input, outcome]));
    return { calls, delivered, runner };
  }
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('runs the first input at once, queues only the latest of a burst, and delivers only the latest answer', async () => {
    const { calls, delivered, runner } = controlled();
    runner.run('k');
    runner.run('kr');
    runner.run('kre');
    expect(calls.map((c) => c.input)).toEqual(['k']);
    calls[0]?.resolve('answer k');
    await flush();
    // "k" is stale: not delivered; "kre" starts, "kr" never runs.
    expect(delivered).toEqual([]);
    expect(calls.map((c) => c.input)).toEqual(['k', 'kre']);
    calls[1]?.resolve('answer kre');
    await flush();
    expect(delivered).toEqual([['kre', { ok: true, value: 'answer kre' }]]);
  });

  it('delivers a failure of the latest input, and nothing after dispose', async () => {
    const { calls, delivered, runner } = controlled();
    runner.run('a');
    calls[0]?.reject(new Error('closed'));
    await flush();
    expect(delivered).toEqual([['a', { ok: false, error: new Error('closed') }]]);
    runner.run('b');
    runner.dispose();
    calls[1]?.resolve('late');
    await flush();
    expect(delivered).toHaveLength(1);
  });

  it('runs the same input again when asked while it is in flight (the data changed)', async () => {
    const { calls, delivered, runner } = controlled();
    runner.run('a');
    runner.run('a');
    calls[0]?.resolve('old');
    await flush();
    expect(delivered).toEqual([]);
    calls[1]?.resolve('new');
    await flush();
    expect(delivered).toEqual([['a', { ok: true, value: 'new' }]]);
  });
});
