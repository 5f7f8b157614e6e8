/**
 * `npm run bench`: Sourcemark in a real browser, side by side with the floor of the same job and
 * a peer, all in one run. Headless Debian Chromium through playwright-core, pages served from
 * 127.0.0.1. See bench/README.md for what each figure means.
 *
 *   npx wxt build && npx tsx bench/browser.ts
 *
 * Pages: bench/generate-page.ts at ~2.6 KB, ~260 KB and ~2.6 MB of article text. Every run is a
 * fresh page load (a new tab); one untimed warm-up of each case comes first. The cases of one
 * size are interleaved run by run (floor, peer, Sourcemark, Sourcemark traced), so drift in the
 * machine's speed hits them alike.
 *
 * Two browsers: a plain one for the floors and peers (no extension), and one with the built
 * extension (.output/chrome-mv3, `launchWithExtension`) for Sourcemark's content script.
 *
 * Writes bench/results/latest.json (`{ name, size, medianMs, minMs, maxMs, runs, … }`),
 * bench/results/latest.md (the table, with the date and Chromium version) and the figures
 * section of bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTrace, type TraceEvent } from './trace';
import { FLOOR_CUE } from '../lib/eval/score';
import { EXTENSION_DIR, findChromium, launchWithExtension, NO_CHROMIUM_MESSAGE } from '../scripts/chromium';
import { startStaticServer } from '../scripts/static-server';
import type { BenchResult } from './detect';
import { generatePage, type ArticlePage } from './generate-page';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length);
const RESULTS_JSON = resolve(OUT ?? resolve(ROOT, 'bench/results'), 'latest.json');
const RESULTS_MD = resolve(OUT ?? resolve(ROOT, 'bench/results'), 'latest.md');
/** The README's figures are rewritten only by a full run to bench/results. */
const README = OUT ? '' : resolve(ROOT, 'bench/README.md');
const MARK_JS = resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js');

/**
 * The page sizes (characters of article text asked of the generator) and timed runs of each.
 * Paragraphs come whole, so the pages get 2,520, 260,281 and 2,600,070 characters.
 */
const ALL_SIZES = [
  { target: 2_500, runs: 11 },
  { target: 260_000, runs: 9 },
  { target: 2_600_000, runs: 7 },
] as const;

/**
 * Options for quicker experiments (the defaults are the full benchmark):
 *   --sizes=2600000,260000   only these page sizes (targets above)
 *   --runs=N                 N timed runs of each size (and of re-anchoring)
 *   --no-reanchor            skip the re-anchoring cases
 *   --out=DIR                write latest.json and latest.md to DIR, and leave bench/README.md alone
 *   --keep-traces=DIR        save each traced scan's events as JSON in DIR (for profiling)
 */
const ARGS = new Map(
  process.argv.slice(2).map((arg) => {
    const [key = '', value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value] as const;
  }),
);
const RUNS_ARG = ARGS.has('runs') ? Number(ARGS.get('runs')) : null;
const SIZES_ARG = ARGS.get('sizes')?.split(',').map(Number) ?? null;
const SIZES = ALL_SIZES.filter((s) => !SIZES_ARG || SIZES_ARG.includes(s.target)).map((s) => ({ target: s.target, runs: RUNS_ARG ?? s.runs }));
const TRACE_DIR = ARGS.get('keep-traces') ?? null;
/** Re-anchoring runs on the 260 KB page, and how many quotes. */
const REANCHOR_RUNS_DEFAULT = 9;
const REANCHOR_QUOTES = 50;
/** The update of the `-moved` re-anchoring cases: a paragraph added at the top, so every stored position is stale. */
const EDITORS_NOTE = 'Editor’s note: this article was updated on 12 June 2025 to add comment from the foreign ministry.';
/** mark.js's keywords (the brief's peer). */
const MARK_KEYWORDS = ['KCNA', 'Yonhap', 'TASS', 'Telegram', 'Reuters'];
/** How long a traced run keeps recording after the scan, to catch the work it leaves behind. */
const AFTER_SCAN_MS = 2000;
/** Name of the content script's performance measure (lib/page/run-page.ts `SCAN_MEASURE`). */
const SCAN_MEASURE = 'sourcemark:scan';
/** Its measure of the frame that shows the first highlights (lib/page/run-page.ts `FIRST_PAINT_MEASURE`). */
const FIRST_PAINT_MEASURE = 'sourcemark:first-paint';
/** The content script's bundle, as the trace names it. */
const CONTENT_SCRIPT_PATH = '/content-scripts/claims.js';

/** One figure, as written to latest.json: `BenchResult` plus fields particular to the case. */
type Entry = BenchResult & Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function entry(name: string, size: number, ms: readonly number[], extra: Record<string, unknown> = {}): Entry {
  return {
    name,
    size,
    medianMs: round(median(ms)),
    minMs: round(Math.min(...ms)),
    maxMs: round(Math.max(...ms)),
    runs: ms.length,
    ...extra,
  };
}

function formatSize(chars: number): string {
  if (chars >= 1e6) return `${(chars / 1e6).toFixed(1)} MB`;
  if (chars >= 1e4) return `${Math.round(chars / 1e3)} KB`;
  return `${(chars / 1e3).toFixed(1)} KB`;
}

function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

// ---------------------------------------------------------------------------------------------
// Page-side code

/** Bundle a page-side module (bench/page/*.ts) into a classic script for `addScriptTag`. */
async function bundlePageScript(entryPoint: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(ROOT, entryPoint)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entryPoint}`);
  return file.text;
}

/**
 * Runs in every page of the extension browser before anything else: the Long Tasks observer the
 * brief asks for (buffered, registered before the content script), and a promise that settles
 * when the content script's scan measure appears.
 */
const INIT_SCRIPT = `(() => {
  const w = window;
  w.__longTasks = [];
  const keep = (list) => { for (const e of list) w.__longTasks.push({ start: e.startTime, duration: e.duration }); };
  try {
    w.__longTaskObserver = new PerformanceObserver((l) => keep(l.getEntries()));
    w.__longTaskObserver.observe({ type: 'longtask', buffered: true });
  } catch (e) { w.__longTaskError = String(e); }
  w.__flushLongTasks = () => { if (w.__longTaskObserver) keep(w.__longTaskObserver.takeRecords()); return w.__longTasks; };
  w.__scanDone = new Promise((resolve) => {
    const found = () => performance.getEntriesByName(${JSON.stringify(SCAN_MEASURE)}, 'measure')[0];
    const observer = new PerformanceObserver(() => {
      const m = found();
      if (m) { observer.disconnect(); resolve(true); }
    });
    observer.observe({ type: 'measure', buffered: true });
  });
})();`;

/** What a scan left on the page, read after it is done. */
type ScanInfo = {
  startTime: number;
  duration: number;
  detail: { characters?: number; claims?: number; marks?: number; extractMs?: number; detectMs?: number; drawMs?: number } | null;
  highlighted: number;
  tags: number;
  /** From the scan's start to the end of the frame that showed its first highlights (null: none shown). */
  firstPaint: number | null;
};

const READ_SCAN = `(() => {
  const m = performance.getEntriesByName(${JSON.stringify(SCAN_MEASURE)}, 'measure')[0];
  const first = performance.getEntriesByName(${JSON.stringify(FIRST_PAINT_MEASURE)}, 'measure')[0];
  const host = document.getElementById('sourcemark-root');
  let highlighted = 0;
  for (const [name, h] of CSS.highlights) if (name.startsWith('sourcemark')) highlighted += h.size;
  return {
    startTime: m.startTime,
    duration: m.duration,
    detail: m.detail ?? null,
    highlighted,
    tags: host && host.shadowRoot ? host.shadowRoot.querySelectorAll('.sm-tag').length : 0,
    firstPaint: first ? first.duration : null,
  };
})()`;

/** Wait for the content script's scan, with a clear error if it never comes. */
async function waitForScan(page: Page, timeoutMs = 120_000): Promise<void> {
  const done = page.evaluate(`window.__scanDone ?? Promise.reject(new Error('The init script did not run on ' + location.href))`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No ${SCAN_MEASURE} measure on ${page.url()} after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Traces: the main thread's real tasks

/** What one traced scan shows about the renderer's main thread. */
type TraceFigures = {
  /** Longest main-thread task from the content script's first task to `AFTER_SCAN_MS` after the scan, ms. */
  longestTaskMs: number;
  /** Most main-thread CPU time of one task in that window, ms (`tdur`; `dur` counts time the thread waited for a core too). */
  longestTaskCpuMs: number;
  /** Tasks of 50 ms or more in that window. */
  tasksOver50: number;
  /** From the start of the task that evaluates the content script to the end of the scan measure, ms. */
  startToDoneMs: number;
  /** Main-thread time spent in tasks that start after the scan measure ends (within `AFTER_SCAN_MS`), ms. */
  afterScanBusyMs: number;
  /** The window in performance.now() time, to match Long Tasks API entries against. */
  windowStart: number;
  windowEnd: number;
};

/** The figures of one traced scan (see `TraceFigures`). */
function analyseTrace(events: readonly TraceEvent[]): TraceFigures {
  const scanBegin = events.find((e) => e.cat === 'blink.user_timing' && e.name === SCAN_MEASURE && (e.ph === 'b' || e.ph === 'B'));
  const scanEnd = events.find((e) => e.cat === 'blink.user_timing' && e.name === SCAN_MEASURE && (e.ph === 'e' || e.ph === 'E'));
  if (!scanBegin || !scanEnd || typeof scanBegin.args?.startTime !== 'number') {
    throw new Error(`The trace has no ${SCAN_MEASURE} measure`);
  }
  const { pid, tid } = scanBegin;
  // Trace clock (µs) → performance.now() (ms) of the page.
  const toPageMs = (ts: number) => (scanBegin.args?.startTime as number) + (ts - scanBegin.ts) / 1000;
  const evaluate = events.find(
    (e) => e.pid === pid && e.tid === tid && e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').endsWith(CONTENT_SCRIPT_PATH),
  );
  // Top-level tasks of that main thread, in order.
  const tasks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts);
  const topLevel: TraceEvent[] = [];
  for (const task of tasks) {
    const last = topLevel[topLevel.length - 1];
    if (last && task.ts < last.ts + (last.dur ?? 0)) continue; // nested in the previous one
    topLevel.push(task);
  }
  const containing = (ts: number) => topLevel.find((t) => t.ts <= ts && ts < t.ts + (t.dur ?? 0));
  // The content script's first task: the one evaluating its bundle (else the scan's own task).
  const first = (evaluate && containing(evaluate.ts)) ?? containing(scanBegin.ts) ?? scanBegin;
  const from = first.ts;
  const until = scanEnd.ts + AFTER_SCAN_MS * 1000;
  const inWindow = topLevel.filter((t) => t.ts + (t.dur ?? 0) > from && t.ts < until);
  const durations = inWindow.map((t) => (t.dur ?? 0) / 1000);
  const after = inWindow.filter((t) => t.ts >= scanEnd.ts);
  return {
    longestTaskMs: Math.max(0, ...durations),
    longestTaskCpuMs: Math.max(0, ...inWindow.map((t) => (t.tdur ?? 0) / 1000)),
    tasksOver50: durations.filter((d) => d >= 50).length,
    startToDoneMs: (scanEnd.ts - from) / 1000,
    afterScanBusyMs: after.reduce((sum, t) => sum + (t.dur ?? 0) / 1000, 0),
    windowStart: toPageMs(from),
    windowEnd: toPageMs(until),
  };
}

// ---------------------------------------------------------------------------------------------
// Cases

type Pages = { plain: BrowserContext; extension: BrowserContext };
type Bundles = { floor: string; sourcemark: string; peer: string };

/** Floor scan: extract, one cue regex pass, ranges, CSS.highlights.set (and the next frame, untimed in medianMs). */
async function floorScanRun(contexts: Pages, bundles: Bundles, url: string) {
  const page = await contexts.plain.newPage();
  try {
    await page.goto(url);
    await page.addScriptTag({ content: bundles.floor });
    return await page.evaluate<{ ms: number; paintedMs: number; sentences: number; characters: number }>(
      `window.__bench.floorScanPainted(${JSON.stringify(FLOOR_CUE.source)})`,
    );
  } finally {
    await page.close();
  }
}

/** Name of the measure that marks the highlight change in `highlightFrameRun`. */
const HIGHLIGHT_SET_MEASURE = 'bench:highlight-set';

/**
 * The least any highlighter's longest task can be on this page: after the page has rendered, one
 * range (the article's first paragraph) goes into a `Highlight` styled by a stylesheet added
 * beforehand, and the trace gives the longest main-thread task from then to 1 s later: the frame
 * that repaints the page for it (a change of `CSS.highlights` repaints the whole page in Chromium).
 */
async function highlightFrameRun(contexts: Pages, url: string): Promise<{ ms: number; cpuMs: number }> {
  const page = await contexts.plain.newPage();
  try {
    await page.goto(url);
    // The stylesheet first, and the page's own rendering done: neither is part of the change.
    await page.evaluate(`new Promise((resolve) => {
      const style = document.createElement('style');
      style.textContent = '::highlight(bench-one) { background-color: rgba(255, 213, 79, 0.42); }';
      document.head.append(style);
      requestAnimationFrame(() => setTimeout(resolve, 200));
    })`);
    const stop = await startTrace(contexts.plain, page);
    await page.evaluate(`new Promise((resolve) => {
      const t0 = performance.now();
      const p = document.querySelector('.article-body p') ?? document.querySelector('p');
      const range = document.createRange();
      range.selectNodeContents(p);
      CSS.highlights.set('bench-one', new Highlight(range));
      performance.measure(${JSON.stringify(HIGHLIGHT_SET_MEASURE)}, { start: t0, end: performance.now() });
      requestAnimationFrame(() => setTimeout(resolve, 1000));
    })`);
    const events = await stop();
    const set = events.find((e) => e.cat === 'blink.user_timing' && e.name === HIGHLIGHT_SET_MEASURE);
    if (!set) throw new Error(`The trace has no ${HIGHLIGHT_SET_MEASURE} measure`);
    const tasks = events.filter(
      (e) => e.pid === set.pid && e.tid === set.tid && e.name === 'RunTask' && e.ph === 'X' && typeof e.dur === 'number' && e.ts + (e.dur ?? 0) >= set.ts && e.ts < set.ts + 1_000_000,
    );
    return { ms: Math.max(0, ...tasks.map((t) => (t.dur ?? 0) / 1000)), cpuMs: Math.max(0, ...tasks.map((t) => (t.tdur ?? 0) / 1000)) };
  } finally {
    await page.close();
  }
}

/** mark.js 8.11.1 on the <article>, from `new Mark` to its `done` callback. */
async function markjsRun(contexts: Pages, url: string) {
  const page = await contexts.plain.newPage();
  try {
    await page.goto(url);
    await page.addScriptTag({ path: MARK_JS });
    return await page.evaluate<{ ms: number; marks: number }>(`new Promise((resolve) => {
      const t0 = performance.now();
      new Mark(document.querySelector('article')).mark(${JSON.stringify(MARK_KEYWORDS)}, {
        done: (marks) => resolve({ ms: performance.now() - t0, marks }),
      });
    })`);
  } finally {
    await page.close();
  }
}

/** Sourcemark's content script on a fresh load: its scan measure and what it drew. */
async function scanRun(contexts: Pages, url: string): Promise<ScanInfo> {
  const page = await contexts.extension.newPage();
  try {
    await page.goto(url);
    await waitForScan(page);
    return await page.evaluate<ScanInfo>(READ_SCAN);
  } finally {
    await page.close();
  }
}

/** The same, traced: the main thread's tasks around the scan, and what the Long Tasks API saw. */
async function tracedScanRun(contexts: Pages, url: string) {
  const page = await contexts.extension.newPage();
  try {
    const stop = await startTrace(contexts.extension, page);
    await page.goto(url);
    await waitForScan(page);
    await page.waitForTimeout(AFTER_SCAN_MS + 200);
    const scan = await page.evaluate<ScanInfo>(READ_SCAN);
    const longTasks = await page.evaluate<{ start: number; duration: number }[]>('window.__flushLongTasks()');
    const events = await stop();
    if (TRACE_DIR) {
      mkdirSync(TRACE_DIR, { recursive: true });
      writeFileSync(join(TRACE_DIR, `trace-${Date.now()}.json`), JSON.stringify(events));
    }
    const figures = analyseTrace(events);
    const seen = longTasks.filter((t) => t.start + t.duration > figures.windowStart && t.start < figures.windowEnd);
    return {
      scan,
      figures,
      longTaskApiMaxMs: Math.max(0, ...seen.map((t) => t.duration)),
      longTaskApiEntries: seen.length,
    };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Re-anchoring targets

/** A sentence to re-anchor: offsets in `.article-body`'s textContent (page/truth.ts). */
type Target = { start: number; end: number; text: string };

/** Sentence-like spans of the article, in `.article-body` textContent offsets. */
function sentencesOf(page: ArticlePage): Target[] {
  const out: Target[] = [];
  let base = 0;
  for (const paragraph of page.paragraphs) {
    const boundary = /[.!?][”"')]?\s+(?=[“"A-Z])/g;
    let from = 0;
    const push = (to: number) => {
      const text = paragraph.slice(from, to).trim();
      if (text.length >= 25) {
        const start = base + paragraph.indexOf(text, from);
        out.push({ start, end: start + text.length, text });
      }
    };
    for (let m = boundary.exec(paragraph); m; m = boundary.exec(paragraph)) {
      const end = m.index + m[0].trimEnd().length;
      push(end);
      from = m.index + m[0].length;
    }
    push(paragraph.length);
    base += paragraph.length;
  }
  return out;
}

/** `count` sentences spread evenly through the page. */
function spreadTargets(page: ArticlePage, count: number): Target[] {
  const all = sentencesOf(page);
  if (all.length < count) throw new Error(`Only ${all.length} sentences to pick ${count} from`);
  return Array.from({ length: count }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / count)] as Target);
}

/** How many times `needle` occurs in `text`. */
function occurrencesOf(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) n++;
  return n;
}

/** One timed re-anchoring in a fresh page: `call` returns `{ ms }`; then the ranges are checked. */
async function reanchorRun(contexts: Pages, url: string, script: string, call: string, targets: Target[]) {
  const page = await contexts.plain.newPage();
  try {
    await page.goto(url);
    await page.addScriptTag({ content: script });
    const timed = await page.evaluate<{ ms: number; statuses?: Record<string, number> }>(call);
    const correct = await page.evaluate<number>(`window.__bench.countCorrect(${JSON.stringify(targets)})`);
    return { ...timed, correct };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting

/** The entry each figure is compared with (the "ratio to floor" column). */
function floorOf(results: readonly Entry[], e: Entry): Entry | undefined {
  if (e.name === 'sourcemark:scan-highlight' || e.name === 'peer:markjs-keywords') {
    return results.find((r) => r.name === 'floor:extract-regex-ranges' && r.size === e.size);
  }
  const reanchor = /^(?:sourcemark:reanchor-50|peer:dom-anchor-text-quote-50)(-moved)?$/.exec(e.name);
  if (reanchor) return results.find((r) => r.name === `floor:reanchor-50${reanchor[1] ?? ''}` && r.size === e.size);
  return undefined;
}

function tableRows(results: readonly Entry[]): string[][] {
  return results.map((e) => {
    const floor = floorOf(results, e);
    const correct = typeof e.correct === 'number' ? ` (${e.correct}/${REANCHOR_QUOTES} correct)` : '';
    return [
      e.name + correct,
      formatSize(e.size),
      formatMs(e.medianMs),
      formatMs(e.minMs),
      formatMs(e.maxMs),
      String(e.runs),
      floor ? `${(e.medianMs / floor.medianMs).toFixed(1)}×` : '',
    ];
  });
}

const HEADER = ['name', 'size', 'median ms', 'min ms', 'max ms', 'runs', 'vs floor'];

function textTable(results: readonly Entry[]): string {
  const rows = tableRows(results);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(results: readonly Entry[]): string {
  const rows = tableRows(results);
  return [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The targets, each with its figures and PASS/MISS. */
function targetLines(results: readonly Entry[]): string[] {
  const find = (name: string, size?: number) => results.find((r) => r.name === name && (size === undefined || r.size === size));
  const lines: string[] = [];
  const sizes = [...new Set(results.filter((r) => r.name === 'sourcemark:scan-highlight').map((r) => r.size))];
  for (const size of sizes) {
    const scan = find('sourcemark:scan-highlight', size);
    const floor = find('floor:extract-regex-ranges', size);
    const mark = find('peer:markjs-keywords', size);
    if (!scan || !floor || !mark) continue;
    const vsFloor = scan.medianMs / floor.medianMs;
    const vsMark = mark.medianMs / scan.medianMs;
    lines.push(
      `${vsFloor <= 2 ? 'PASS' : 'MISS'} scan-highlight within 2× of its floor at ${formatSize(size)}: ${vsFloor.toFixed(1)}× (${formatMs(scan.medianMs)} vs ${formatMs(floor.medianMs)} ms)`,
      `${vsMark >= 10 ? 'PASS' : 'MISS'} scan-highlight ≥10× faster than mark.js at ${formatSize(size)}: ${vsMark.toFixed(2)}× (${formatMs(scan.medianMs)} vs ${formatMs(mark.medianMs)} ms)`,
    );
    if (typeof scan.firstHighlightsPaintedMedianMs === 'number' && typeof floor.paintedMedianMs === 'number') {
      // Not a target: when the reader sees highlights (the viewport's claims), beside the floor's painted frame.
      lines.push(
        `(info) first highlights on screen at ${formatSize(size)}: ${formatMs(scan.firstHighlightsPaintedMedianMs)} ms after the scan starts; the floor's highlights ${formatMs(floor.paintedMedianMs)} ms`,
      );
    }
  }
  const reanchor = find('sourcemark:reanchor-50');
  const reanchorFloor = find('floor:reanchor-50');
  if (reanchor && reanchorFloor) {
    const ratio = reanchor.medianMs / reanchorFloor.medianMs;
    lines.push(
      `${ratio <= 2 && reanchor.correct === REANCHOR_QUOTES ? 'PASS' : 'MISS'} reanchor-50 within 2× of its floor with ${REANCHOR_QUOTES}/${REANCHOR_QUOTES} correct: ${ratio.toFixed(1)}×, ${String(reanchor.correct)}/${REANCHOR_QUOTES} correct`,
    );
  }
  const longest = results.filter((r) => r.name === 'sourcemark:longest-task').sort((a, b) => b.size - a.size)[0];
  if (longest) {
    const frame = find('floor:highlight-frame', longest.size);
    const cpu = (e: Entry) => (typeof e.cpuMedianMs === 'number' ? `, ${formatMs(e.cpuMedianMs)} ms of CPU` : '');
    lines.push(
      `${longest.medianMs < 50 ? 'PASS' : 'MISS'} longest task under 50 ms at ${formatSize(longest.size)}: ${formatMs(longest.medianMs)} ms${cpu(longest)}` +
        (frame ? ` (the frame that repaints this page for one highlighted range: ${formatMs(frame.medianMs)} ms${cpu(frame)})` : ''),
    );
  }
  return lines;
}

/** The machine and code the figures come from. */
function environment(browserVersion: string): Record<string, string> {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  const dirty = git('status', '--porcelain', '--', 'lib', 'entrypoints', 'components') !== '';
  return {
    date: new Date().toISOString(),
    chromium: browserVersion,
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    load: loadavg()[0]?.toFixed(1) ?? '?',
    commit: `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes in lib/, entrypoints/ or components/' : ''}`,
  };
}

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

const README_START = '<!-- latest:start -->';
const README_END = '<!-- latest:end -->';

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const built = newestMtime(EXTENSION_DIR);
  if (built === 0) throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npx wxt build\` (npm run bench does).`);
  const sources = Math.max(...['lib', 'entrypoints', 'components'].map((d) => newestMtime(resolve(ROOT, d))));
  if (sources > built) console.warn('warning: lib/, entrypoints/ or components/ changed after the last build; run `npx wxt build` (npm run bench does).');

  const pagesDir = await mkdtemp(join(tmpdir(), 'sourcemark-bench-pages-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'sourcemark-bench-profile-'));
  const server = await startStaticServer(pagesDir);
  let plainBrowser: Browser | null = null;
  let extension: BrowserContext | null = null;
  try {
    const pages = SIZES.map(({ target, runs }) => ({ page: generatePage(target), runs, file: `article-${target}.html` }));
    for (const { page, file } of pages) await writeFile(join(pagesDir, file), page.html);
    const [floor, sourcemark, peer] = await Promise.all(
      ['bench/page/floor.ts', 'bench/page/sourcemark-anchor.ts', 'bench/page/peer-anchor.ts'].map(bundlePageScript),
    );
    const bundles: Bundles = { floor: floor as string, sourcemark: sourcemark as string, peer: peer as string };

    plainBrowser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
    extension = await launchWithExtension({ profileDir, headless: true });
    await extension.addInitScript({ content: INIT_SCRIPT });
    const contexts: Pages = { plain, extension };
    const env = environment(plainBrowser.version());
    console.log(`Chromium ${env.chromium}, ${env.cpu}, Node ${env.node}, ${env.commit}, load average ${env.load}`);

    // The generator's promise: Sourcemark's extraction reads exactly the article text.
    for (const { page, file } of pages) {
      const tab = await plain.newPage();
      await tab.goto(`${server.origin}/${file}`);
      await tab.addScriptTag({ content: bundles.sourcemark });
      const extracted = await tab.evaluate<string>('window.__bench.sourcemarkText()');
      await tab.close();
      if (extracted !== page.text) {
        throw new Error(`${file}: extractText reads ${extracted.length} characters, the article has ${page.text.length}`);
      }
    }

    const results: Entry[] = [];
    for (const { page, runs, file } of pages) {
      const url = `${server.origin}/${file}`;
      const size = page.text.length;
      process.stdout.write(`${formatSize(size)} page (${page.inlineElements} inline elements): warm-up`);
      await floorScanRun(contexts, bundles, url);
      await highlightFrameRun(contexts, url);
      await markjsRun(contexts, url);
      await scanRun(contexts, url);
      await tracedScanRun(contexts, url);
      const floorRuns: Awaited<ReturnType<typeof floorScanRun>>[] = [];
      const frameRuns: { ms: number; cpuMs: number }[] = [];
      const markRuns: Awaited<ReturnType<typeof markjsRun>>[] = [];
      const scanRuns: ScanInfo[] = [];
      const traced: Awaited<ReturnType<typeof tracedScanRun>>[] = [];
      for (let i = 0; i < runs; i++) {
        process.stdout.write(` ${i + 1}`);
        floorRuns.push(await floorScanRun(contexts, bundles, url));
        frameRuns.push(await highlightFrameRun(contexts, url));
        markRuns.push(await markjsRun(contexts, url));
        scanRuns.push(await scanRun(contexts, url));
        traced.push(await tracedScanRun(contexts, url));
      }
      process.stdout.write('\n');
      for (const scan of scanRuns) {
        if (scan.detail?.characters !== undefined && scan.detail.characters !== size) {
          throw new Error(`The content script read ${scan.detail.characters} characters, the article has ${size}`);
        }
      }
      const pick = (key: keyof NonNullable<ScanInfo['detail']>) =>
        round(median(scanRuns.map((s) => Number(s.detail?.[key] ?? NaN))));
      results.push(
        entry('floor:extract-regex-ranges', size, floorRuns.map((r) => r.ms), {
          sentences: floorRuns[0]?.sentences,
          paintedMedianMs: round(median(floorRuns.map((r) => r.paintedMs))),
        }),
        entry('peer:markjs-keywords', size, markRuns.map((r) => r.ms), { marks: markRuns[0]?.marks }),
        entry('sourcemark:scan-highlight', size, scanRuns.map((s) => s.duration), {
          claims: scanRuns[0]?.detail?.claims,
          highlighted: scanRuns[0]?.highlighted,
          tags: scanRuns[0]?.tags,
          extractMedianMs: pick('extractMs'),
          detectMedianMs: pick('detectMs'),
          drawMedianMs: pick('drawMs'),
          firstHighlightsPaintedMedianMs: round(median(scanRuns.map((s) => s.firstPaint ?? NaN))),
          tracedRuns: traced.length,
          tracedScanMedianMs: round(median(traced.map((t) => t.scan.duration))),
          startToDoneMedianMs: round(median(traced.map((t) => t.figures.startToDoneMs))),
          afterScanBusyMedianMs: round(median(traced.map((t) => t.figures.afterScanBusyMs))),
        }),
        entry('floor:highlight-frame', size, frameRuns.map((r) => r.ms), {
          source: 'trace RunTask, renderer main thread',
          cpuMedianMs: round(median(frameRuns.map((r) => r.cpuMs))),
        }),
        entry('sourcemark:longest-task', size, traced.map((t) => t.figures.longestTaskMs), {
          source: 'trace RunTask, renderer main thread',
          cpuMedianMs: round(median(traced.map((t) => t.figures.longestTaskCpuMs))),
          tasksOver50Median: median(traced.map((t) => t.figures.tasksOver50)),
          longTaskApiMaxMedianMs: round(median(traced.map((t) => t.longTaskApiMaxMs))),
          longTaskApiEntriesMedian: median(traced.map((t) => t.longTaskApiEntries)),
        }),
      );
    }

    // Re-anchoring 50 stored quotes on the 260 KB page, as saved (`-50`) and after an update that
    // added a paragraph at the top (`-50-moved`: every stored position is stale, the quotes moved).
    const medium = pages.find((p) => p.file === `article-${ALL_SIZES[1].target}.html`);
    if (!medium && !ARGS.has('no-reanchor')) throw new Error('No 260 KB page: pass --no-reanchor, or include --sizes=260000');
    if (medium && !ARGS.has('no-reanchor')) {
      const url = `${server.origin}/${medium.file}`;
      const updated = generatePage(ALL_SIZES[1].target, undefined, { leadParagraph: EDITORS_NOTE });
      await writeFile(join(pagesDir, 'article-updated.html'), updated.html);
      const updatedUrl = `${server.origin}/article-updated.html`;
      const targets = spreadTargets(medium.page, REANCHOR_QUOTES);
      const movedTargets = targets.map((t) => ({ ...t, start: t.start + EDITORS_NOTE.length, end: t.end + EDITORS_NOTE.length }));
      const article = medium.page.paragraphs.join('');
      const repeated = targets.filter((t) => occurrencesOf(article, t.text) > 1).length;
      // The selectors each tool would have stored on the page as first published.
      const setup = await plain.newPage();
      await setup.goto(url);
      await setup.addScriptTag({ content: bundles.sourcemark });
      await setup.addScriptTag({ content: bundles.peer });
      if ((await setup.evaluate<number>(`window.__bench.truthCheck(${JSON.stringify(targets)})`)) !== targets.length) {
        throw new Error('The ground truth of the re-anchoring targets does not hold');
      }
      const smSelectors = await setup.evaluate<unknown[]>(`window.__bench.sourcemarkSelectors(${JSON.stringify(targets)})`);
      const peerSelectors = await setup.evaluate<unknown[]>(`window.__bench.peerSelectors(${JSON.stringify(targets)})`);
      await setup.goto(updatedUrl);
      await setup.addScriptTag({ content: bundles.sourcemark });
      if ((await setup.evaluate<number>(`window.__bench.truthCheck(${JSON.stringify(movedTargets)})`)) !== targets.length) {
        throw new Error('The ground truth of the moved re-anchoring targets does not hold');
      }
      await setup.close();
      const exacts = targets.map((t) => t.text);
      const calls = [
        { tool: 'floor:reanchor-50', script: bundles.floor, call: `window.__bench.floorReanchor(${JSON.stringify(exacts)})` },
        { tool: 'peer:dom-anchor-text-quote-50', script: bundles.peer, call: `window.__bench.peerReanchor(${JSON.stringify(peerSelectors)})` },
        { tool: 'sourcemark:reanchor-50', script: bundles.sourcemark, call: `window.__bench.sourcemarkReanchor(${JSON.stringify(smSelectors)})` },
      ];
      const cases = [
        ...calls.map((c) => ({ ...c, name: c.tool, url, targets })),
        ...calls.map((c) => ({ ...c, name: `${c.tool}-moved`, url: updatedUrl, targets: movedTargets })),
      ];
      process.stdout.write(`re-anchoring ${REANCHOR_QUOTES} quotes on the ${formatSize(medium.page.text.length)} page: warm-up`);
      for (const c of cases) await reanchorRun(contexts, c.url, c.script, c.call, c.targets);
      const runsOf = new Map<string, Awaited<ReturnType<typeof reanchorRun>>[]>(cases.map((c) => [c.name, []]));
      for (let i = 0; i < (RUNS_ARG ?? REANCHOR_RUNS_DEFAULT); i++) {
        process.stdout.write(` ${i + 1}`);
        for (const c of cases) runsOf.get(c.name)?.push(await reanchorRun(contexts, c.url, c.script, c.call, c.targets));
      }
      process.stdout.write('\n');
      for (const c of cases) {
        const runs = runsOf.get(c.name) ?? [];
        const correct = runs.map((r) => r.correct);
        results.push(
          entry(c.name, c.url === url ? medium.page.text.length : updated.text.length, runs.map((r) => r.ms), {
            correct: Math.min(...correct),
            ...(Math.max(...correct) !== Math.min(...correct) && { correctMax: Math.max(...correct) }),
            ...(runs[0]?.statuses && { statuses: runs[0].statuses }),
            quotesRepeatedOnPage: repeated,
          }),
        );
      }

    }

    // Report.
    const table = textTable(results);
    const targetsMet = targetLines(results);
    const loadAtEnd = loadavg()[0] ?? 0;
    // The benchmark itself keeps one to two cores busy: only load beyond that is someone else's.
    const busy = Number(env.load) > 1 || loadAtEnd > cpus().length + 1;
    const loadNote = `Load average (1 min) ${env.load} at the start, ${loadAtEnd.toFixed(1)} at the end` +
      (busy ? `: other work competed with the benchmark and absolute times are inflated; ratios within a size suffer less (runs are interleaved).` : '.');
    console.log(`\n${table}\n\n${targetsMet.join('\n')}\n\n${loadNote}`);
    mkdirSync(dirname(RESULTS_JSON), { recursive: true });
    writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
    const markdown = [
      `Measured ${env.date} · Chromium ${env.chromium} (headless) · Node ${env.node} · ${env.cpu} · ${env.commit}`,
      '',
      loadNote,
      '',
      markdownTable(results),
      '',
      ...targetsMet.map((l) => `- ${l}`),
      '',
    ].join('\n');
    writeFileSync(RESULTS_MD, `# Latest browser benchmark\n\n${markdown}`);
    if (README && existsSync(README)) {
      const readme = readFileSync(README, 'utf8');
      const start = readme.indexOf(README_START);
      const end = readme.indexOf(README_END);
      if (start !== -1 && end > start) {
        writeFileSync(README, `${readme.slice(0, start + README_START.length)}\n${markdown}${readme.slice(end)}`);
      }
    }
    console.log(
      `\nwrote ${relative(process.cwd(), RESULTS_JSON)}, ${relative(process.cwd(), RESULTS_MD)}` +
        ` (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  } finally {
    await extension?.close().catch(() => undefined);
    await plainBrowser?.close().catch(() => undefined);
    await server.close();
    await rm(pagesDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
