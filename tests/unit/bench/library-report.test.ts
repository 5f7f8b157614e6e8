import { describe, expect, it } from 'vitest';
import { LIBRARY_ROW_PREFIXES, markdownSection, replaceSection, targetLines, type ResultRow } from '../../../bench/library-report';
import { mergeRows } from '../../../bench/results-file';

const row = (name: string, medianMs: number, extra: Record<string, unknown> = {}): ResultRow => ({ name, medianMs, size: 100_000, minMs: medianMs, maxMs: medianMs, runs: 9, ...extra });

describe('mergeRows (with the library benchmark\'s own prefixes)', () => {
  it('replaces rows of the same name in place, keeps the others and appends new ones', () => {
    const existing = [row('floor:extract-regex-ranges', 1.5), row('sourcemark:popup-open', 179), row('sourcemark:scan-highlight', 21)];
    const merged = mergeRows(existing, [row('sourcemark:popup-open', 80), row('sourcemark:library-first-page', 98)], LIBRARY_ROW_PREFIXES);
    expect(merged.map((r) => [r.name, r.medianMs])).toEqual([
      ['floor:extract-regex-ranges', 1.5],
      ['sourcemark:popup-open', 80],
      ['sourcemark:scan-highlight', 21],
      ['sourcemark:library-first-page', 98],
    ]);
  });

  it('drops its own rows that this run no longer has (a search query since removed)', () => {
    const existing = [row('sourcemark:library-search:old query', 50), row('peer:markjs-keywords', 6.8)];
    expect(mergeRows(existing, [row('sourcemark:library-search', 40)], LIBRARY_ROW_PREFIXES).map((r) => r.name)).toEqual(['peer:markjs-keywords', 'sourcemark:library-search']);
  });

  it('without prefixes (exchange, sync), keeps every row the run does not have', () => {
    const existing = [row('sourcemark:export-100k-json', 900), row('sourcemark:library-search:old query', 50)];
    expect(mergeRows(existing, [row('sourcemark:sync-push-10k', 40)]).map((r) => r.name)).toEqual([
      'sourcemark:export-100k-json',
      'sourcemark:library-search:old query',
      'sourcemark:sync-push-10k',
    ]);
  });
});

describe('replaceSection', () => {
  it('puts the section before the given marker the first time, and replaces it afterwards', () => {
    const readme = 'intro\n<!-- latest:start -->\ntable\n<!-- latest:end -->\nrest\n';
    const once = replaceSection(readme, 'first', '<!-- latest:end -->');
    expect(once).toBe('intro\n<!-- latest:start -->\ntable\n<!-- library:start -->\nfirst\n<!-- library:end -->\n<!-- latest:end -->\nrest\n');
    const twice = replaceSection(once, 'second', '<!-- latest:end -->');
    expect(twice).toBe(once.replace('first', 'second'));
  });

  it('appends the section when there is no marker', () => {
    expect(replaceSection('# Results\n', 'figures')).toBe('# Results\n\n<!-- library:start -->\nfigures\n<!-- library:end -->\n');
  });
});

describe('targetLines', () => {
  it('checks each target of the issue and names the slowest search', () => {
    const lines = targetLines([
      row('sourcemark:library-first-page', 98),
      row('sourcemark:library-search:kcna', 40),
      row('sourcemark:library-search:kremlin drone', 180),
      row('sourcemark:library-search', 60),
      row('sourcemark:popup-open', 120),
    ]);
    expect(lines).toEqual([
      'PASS library first page under 300 ms: 98 ms (median)',
      'PASS library search or filter change under 150 ms: 60 ms (median)',
      'MISS every search query under 150 ms: slowest "kremlin drone" 180 ms (median)',
      'MISS popup open (first screen painted, 50 annotations on the page) under 100 ms: 120 ms (median)',
    ]);
  });
});

describe('markdownSection', () => {
  it('has a row per figure, its ratio to the Dexie floor, and the targets', () => {
    const md = markdownSection([row('floor:dexie-indexed-query', 0.5), row('sourcemark:library-first-page', 100)], 'Measured now.');
    expect(md).toContain('| sourcemark:library-first-page | 100000 | 100 | 100 | 100 | 9 | 200× |');
    expect(md).toContain('| floor:dexie-indexed-query | 100000 | 0.5 | 0.5 | 0.5 | 9 |  |');
    expect(md).toContain('- PASS library first page under 300 ms');
  });
});
