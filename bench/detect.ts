/**
 * `npm run bench:detect`: how fast `detectClaims` runs, next to the floor of any cue detector, a
 * single pass of one plain cue regex over the same text.
 *
 *   npx tsx bench/detect.ts
 *
 * Inputs: the reference article (tests/fixtures/seed-article.txt, 2.6 KB) and a generated 2.6 MB
 * news article (bench/generate-article.ts, fixed seed). Each case is warmed up, then timed over
 * many runs; the table gives median/min/max ms, throughput and the sourcemark/floor ratio, and
 * bench/results/detect.json keeps the figures as `{ name, size, medianMs, minMs, maxMs, runs }`
 * (size in characters). Takes well under a minute.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectClaims } from '../lib/detect/index';
import { FLOOR_CUE } from '../lib/eval/score';
import { generateArticle } from './generate-article';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = resolve(ROOT, 'bench/results/detect.json');

/** One timed case, as written to the results file. */
export type BenchResult = {
  /** What ran: `sourcemark:detect` or `floor:cue-regex`. */
  name: string;
  /** Input size in characters. */
  size: number;
  /** Median wall time of one run, ms. */
  medianMs: number;
  /** Fastest run, ms. */
  minMs: number;
  /** Slowest run, ms. */
  maxMs: number;
  /** Timed runs (after the warm-up). */
  runs: number;
};

/**
 * The floor: the eval's cue regex (the same words as its floor detector), global, one pass
 * counting matches. No sentence splitting, no sources: what any cue detector must at least pay.
 */
const FLOOR_CUE_GLOBAL = new RegExp(FLOOR_CUE.source, 'gi');

function floorCount(text: string): number {
  FLOOR_CUE_GLOBAL.lastIndex = 0;
  let n = 0;
  while (FLOOR_CUE_GLOBAL.exec(text) !== null) n += 1;
  return n;
}

/** A result the optimiser cannot drop, so the timed work is really done. */
let sink = 0;

/** Time `fn(text)`: `warmup` untimed runs, then `runs` timed ones. */
function time(name: string, text: string, fn: (text: string) => number, warmup: number, runs: number): BenchResult {
  for (let i = 0; i < warmup; i += 1) sink += fn(text);
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    sink += fn(text);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const mid = ms.length >> 1;
  const median = ms.length % 2 === 1 ? (ms[mid] ?? 0) : ((ms[mid - 1] ?? 0) + (ms[mid] ?? 0)) / 2;
  return { name, size: text.length, medianMs: median, minMs: ms[0] ?? 0, maxMs: ms[ms.length - 1] ?? 0, runs };
}

/** Throughput in millions of characters per second. */
function mbPerSecond(r: BenchResult): number {
  return r.size / 1e6 / (r.medianMs / 1000);
}

function formatSize(chars: number): string {
  return chars >= 1e6 ? `${(chars / 1e6).toFixed(1)} MB` : `${(chars / 1e3).toFixed(1)} KB`;
}

function main(): void {
  const seed = readFileSync(resolve(ROOT, 'tests/fixtures/seed-article.txt'), 'utf8');
  const big = generateArticle(2.6e6);
  const cases = [
    { label: 'seed article', text: seed, warmup: 50, runs: 200 },
    { label: 'generated article', text: big, warmup: 5, runs: 21 },
  ];
  const results: BenchResult[] = [];
  const rows: string[][] = [];
  for (const c of cases) {
    const detect = time('sourcemark:detect', c.text, (t) => detectClaims(t).length, c.warmup, c.runs);
    const floor = time('floor:cue-regex', c.text, floorCount, c.warmup, c.runs);
    results.push(detect, floor);
    const ratio = detect.medianMs / floor.medianMs;
    for (const r of [detect, floor]) {
      rows.push([
        r.name,
        `${c.label} (${formatSize(r.size)})`,
        String(r.runs),
        r.medianMs.toFixed(3),
        r.minMs.toFixed(3),
        r.maxMs.toFixed(3),
        mbPerSecond(r).toFixed(1),
        r === detect ? `${ratio.toFixed(1)}×` : '',
      ]);
    }
    const claims = detectClaims(c.text).length;
    const cues = floorCount(c.text);
    rows.push(['', `  ${claims} claims detected, ${cues} cue-regex matches`, '', '', '', '', '', '']);
  }
  const header = ['name', 'input', 'runs', 'median ms', 'min ms', 'max ms', 'MB/s', 'vs floor'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i <= 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('(MB/s: millions of characters per second; vs floor: sourcemark median / floor median)');
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${relative(process.cwd(), RESULTS)}`);
  if (sink < 0) console.log(sink);
}

main();
