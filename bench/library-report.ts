/**
 * The library benchmark's figures in the shared results: its rows merged into
 * bench/results/latest.json (bench/results-file.ts: rows of the same name replaced, the browser
 * benchmark's kept, the library's own rows of removed cases dropped), and
 * its own section in bench/results/latest.md and in the "Latest figures" block of
 * bench/README.md, between `<!-- library:start -->` and `<!-- library:end -->`. `npm run bench`
 * runs bench/browser.ts first (which rewrites those files), then this.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeResults } from './results-file';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_MD = resolve(ROOT, 'bench/results/latest.md');
export const README = resolve(ROOT, 'bench/README.md');

const SECTION_START = '<!-- library:start -->';
const SECTION_END = '<!-- library:end -->';
/** The block of bench/README.md that bench/browser.ts rewrites; the section goes at its end. */
const README_BLOCK_END = '<!-- latest:end -->';

/** A row of latest.json: a name and a median at least; other fields vary by case. */
export type ResultRow = { name: string; medianMs: number; [field: string]: unknown };

/** Rows this benchmark owns: a row of an earlier run under one of these prefixes and not in this run is dropped (a query since removed). */
export const LIBRARY_ROW_PREFIXES = ['sourcemark:library-', 'sourcemark:popup-', 'floor:dexie-'];

/** Replace the text between `start` and `end` markers in `text`, or put the marked section before `before` (or at the end). */
export function replaceSection(text: string, section: string, before?: string): string {
  const marked = `${SECTION_START}\n${section.trimEnd()}\n${SECTION_END}`;
  const start = text.indexOf(SECTION_START);
  const end = text.indexOf(SECTION_END);
  if (start !== -1 && end > start) return `${text.slice(0, start)}${marked}${text.slice(end + SECTION_END.length)}`;
  const at = before === undefined ? -1 : text.indexOf(before);
  if (at === -1) return `${text.trimEnd()}\n\n${marked}\n`;
  return `${text.slice(0, at)}${marked}\n${text.slice(at)}`;
}

/** The targets of issue #5, checked against the rows: "PASS …" or "MISS …" lines. */
export function targetLines(rows: readonly ResultRow[]): string[] {
  const median = (name: string) => rows.find((r) => r.name === name)?.medianMs;
  const lines: string[] = [];
  const check = (name: string, limit: number, what: string) => {
    const ms = median(name);
    if (ms === undefined) return;
    lines.push(`${ms < limit ? 'PASS' : 'MISS'} ${what} under ${limit} ms: ${ms} ms (median)`);
  };
  check('sourcemark:library-first-page', 300, 'library first page');
  check('sourcemark:library-search', 150, 'library search or filter change');
  const perQuery = rows.filter((r) => r.name.startsWith('sourcemark:library-search:'));
  if (perQuery.length > 0) {
    const slowest = perQuery.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
    lines.push(`${slowest.medianMs < 150 ? 'PASS' : 'MISS'} every search query under 150 ms: slowest "${slowest.name.slice('sourcemark:library-search:'.length)}" ${slowest.medianMs} ms (median)`);
  }
  check('sourcemark:popup-open', 100, 'popup open (first screen painted, 50 annotations on the page)');
  return lines;
}

/** The markdown section: heading, environment line, table, targets. */
export function markdownSection(rows: readonly ResultRow[], environment: string): string {
  const floor = rows.find((r) => r.name === 'floor:dexie-indexed-query')?.medianMs;
  const fmt = (x: unknown) => (typeof x === 'number' ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '');
  const lines = [
    '### The library and the popup at 100,000 annotations (`bench/library.ts`)',
    '',
    environment,
    '',
    '| name | annotations | median ms | min ms | max ms | runs | vs floor |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => {
      // Only the first page does the floor's job (one page of rows, newest first, shown).
      const ratio = floor && r.name === 'sourcemark:library-first-page' ? `${(r.medianMs / floor).toFixed(0)}×` : '';
      return `| ${r.name} | ${String(r.size ?? '')} | ${fmt(r.medianMs)} | ${fmt(r.minMs)} | ${fmt(r.maxMs)} | ${String(r.runs ?? '')} | ${ratio} |`;
    }),
  ];
  const popup = rows.find((r) => r.name === 'sourcemark:popup-open');
  if (popup) {
    lines.push(
      '',
      `Popup: ${String(popup.claims)} claims on the page, ${String(popup.annotated)} annotated. First screen in the DOM ${fmt(popup.firstScreenDomMedianMs)} ms, painted ${fmt(popup.medianMs)} ms (the figure above); every card in the DOM ${fmt(popup.allCardsDomMedianMs)} ms, painted ${fmt(popup.allCardsPaintedMedianMs)} ms. CPU time of the popup's main thread until the first screen is painted (traced runs; what other processes on the machine barely change): ${fmt(popup.firstScreenCpuMedianMs)} ms.`,
    );
  }
  lines.push('', ...targetLines(rows).map((l) => `- ${l}`), '');
  return lines.join('\n');
}

/**
 * Merge `rows` into latest.json and put their section in latest.md and bench/README.md. Files
 * that do not exist yet are created (latest.json, latest.md) or left alone (the README).
 */
export function mergeIntoLatest(rows: readonly ResultRow[], environment: string): void {
  mergeResults(rows, { ownPrefixes: LIBRARY_ROW_PREFIXES });
  const section = markdownSection(rows, environment);
  const md = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '# Latest browser benchmark\n';
  writeFileSync(RESULTS_MD, replaceSection(md, section));
  if (existsSync(README)) {
    const readme = readFileSync(README, 'utf8');
    if (readme.includes(README_BLOCK_END)) writeFileSync(README, replaceSection(readme, section, README_BLOCK_END));
  }
}
