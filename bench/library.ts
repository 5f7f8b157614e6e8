/**
 * The library at scale, in Chromium with the built extension: a profile filled with 100,000
 * realistic annotations, then
 *
 * - `sourcemark:library-first-page`: library.html opened → its first rows in the DOM (from the
 *   navigation's start, so page load, db open, query and render are all in it);
 * - `sourcemark:library-search`: a query put in the search box → its rows in the DOM (several
 *   queries, rare to very common words; `…:<query>` entries give each one);
 * - `sourcemark:library-search-typing`: a query typed one key at a time without pause → the last
 *   key's rows in the DOM (what the "latest input only" runner saves);
 * - `sourcemark:popup-open`: popup.html for a tab whose page has 157 claims, 50 of them annotated →
 *   the first screen painted: claim cards (with their saved state) fill the popup's body, and
 *   the frame after that is out. Extra fields: `firstScreenDomMedianMs` (those cards in the DOM,
 *   before style, layout and paint), `allCardsDomMedianMs` and `allCardsPaintedMedianMs` (every
 *   claim card in the DOM and the 50 marked annotated; the popup renders cards out of view in
 *   steps after the first paint; until 2026-11-27 `popup-open` was `allCardsDomMedianMs`), and
 *   `firstScreenCpuMedianMs`: the popup's main-thread CPU time until its first screen is painted,
 *   from traced runs (what the wall time would be on an idle machine, less waits on other
 *   processes: the content script's answer, IndexedDB);
 * - `floor:dexie-indexed-query`: the plainest indexed read of one page of rows,
 *   `db.annotations.orderBy('updatedAt').reverse().limit(50).toArray()`, in the same page;
 *   `floor:dexie-library-index` is the same page through the library's own index (50 keys of
 *   `libraryIndex`, then `bulkGet` of their annotations): the least the library's first page costs.
 *
 * Times are taken in the page (`performance.now()` and a MutationObserver), not across the
 * DevTools protocol. Results are `{ name, size, medianMs, minMs, maxMs, runs }`, size being the
 * number of annotations in the profile.
 *
 * Run it (after `npx wxt build`): `npx tsx bench/library.ts [--n 100000] [--profile DIR] [--out FILE] [--cases library,popup] [--runs 9] [--merge]`.
 * A `--profile` directory is filled once and reused by later runs. `--merge` puts the figures in
 * bench/results/latest.json and latest.md (see library-report.ts); `npm run bench` does that.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { startTrace } from './trace';
import { detectClaims } from '../lib/detect/index';
import { queryKey, DEFAULT_QUERY } from '../lib/library/query';
import type { PageSnapshot, Result } from '../lib/messages';
import type { Annotation, DetectedClaim, VerdictRating } from '../lib/model';
import { buildAnnotation } from '../lib/popup/build-annotation';
import { extensionId, launchWithExtension, tabIdOf } from '../scripts/chromium';
import { startStaticServer } from '../scripts/static-server';
import { generateParagraphs, seededRandom } from './generate-article';
import { argValue, runWhenEntry } from './cli';
import { bundleForPage } from './page-bundle';
import { mergeIntoLatest, RESULTS_MD, targetLines } from './library-report';
import { LATEST_JSON } from './results-file';
import { summarise, type BenchResult } from './stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export type { BenchResult } from './stats';

/* ------------------------------------------------------------------------------------------ */
/* The generator                                                                                */
/* ------------------------------------------------------------------------------------------ */

const SECTIONS = ['world', 'politics', 'business', 'asia', 'europe', 'security', 'tech', 'news', 'live'];
const SITE_WORDS = ['daily', 'herald', 'times', 'wire', 'post', 'courier', 'tribune', 'monitor', 'gazette', 'news', 'observer', 'report'];
const TLDS = ['com', 'co.uk', 'de', 'fr', 'org', 'net', 'kr', 'jp', 'ua', 'ru', 'in', 'com.au'];
const NOTES = [
  'Check against the {x} readout',
  'Second source needed before we use this',
  'Contradicts what {x} said last week',
  'No date given for this; ask the press office',
  'Figures differ from the {x} statement',
  'Same wording as the state agency dispatch',
  'Translation checked by the desk',
  'Follow up with {x}',
  'Satellite images do not show this',
  'Repeated without attribution elsewhere',
];
const NOTE_SUBJECTS = ['Russian', 'Ukrainian', 'South Korean', 'Chinese', 'ministry', 'Pentagon', 'Kremlin', 'UN', 'IAEA', 'regional'];
const TAGS = [
  'korea', 'russia', 'ukraine', 'china', 'sanctions', 'missiles', 'drones', 'energy', 'elections', 'follow up',
  'disinformation', 'economy', 'weather', 'health', 'nuclear', 'shipping', 'grain', 'cyber', 'protests', 'courts',
  'to verify', 'verified', 'for the weekly', 'explainer', 'state media', 'anonymous sourcing', 'numbers', 'quotes',
];
const VERDICTS: VerdictRating[] = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'unverifiable', 'not-a-claim'];

/** Claims of generated news text, detected by Sourcemark's own detector: real attributions. */
function claimPool(seed: number, chars: number): { claim: DetectedClaim; text: string }[] {
  const pool: { claim: DetectedClaim; text: string }[] = [];
  for (let part = 0; part < 4; part++) {
    const text = generateParagraphs(chars / 4, seed + part).join('\n\n');
    for (const claim of detectClaims(text)) if (claim.attributions.length > 0 && claim.text.length < 600) pool.push({ claim, text });
  }
  return pool;
}

/** A UUID v4 from the seeded generator (same data on every run). */
function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * `n` realistic annotations, deterministic: claims detected in generated news text (quote,
 * selectors and attributions as the popup saves them), about five per page on 800 sites of
 * very unequal size, made over three years (a page's annotations minutes apart); a quarter with
 * a note, a fifth with tags, one in seven with a verdict; mostly confirmed by the user.
 */
export function generateLibraryAnnotations(n: number, seed = 20250110): Annotation[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const pool = claimPool(seed, Math.min(2.4e6, Math.max(2e5, n * 30)));
  const sites = Array.from({ length: 800 }, (_, i) => `${pick(SITE_WORDS)}-${pick(SITE_WORDS)}${i}.${pick(TLDS)}`);
  // Zipf-like: a few sites hold most annotations.
  const siteAt = () => sites[Math.min(sites.length - 1, Math.floor(sites.length * next() ** 3))] as string;
  const start = Date.UTC(2023, 0, 1);
  const span = 3 * 365 * 86_400_000;
  const out: Annotation[] = [];
  while (out.length < n) {
    const site = siteAt();
    const url = `https://www.${site}/${pick(SECTIONS)}/${Math.floor(next() * 1e9).toString(36)}`;
    const title = `${pick(['Live', 'Analysis', 'Report', 'Explainer', 'Exclusive'])}: story ${out.length}`;
    const pageTime = start + Math.floor(next() * span);
    const onPage = 1 + Math.floor(next() * 9);
    for (let k = 0; k < onPage && out.length < n; k++) {
      const { claim, text } = pick(pool);
      const created = new Date(pageTime + k * 60_000 + Math.floor(next() * 50_000)).toISOString();
      const edited = next() < 0.2 ? new Date(Date.parse(created) + Math.floor(next() * 30 * 86_400_000)).toISOString() : created;
      const noted = next() < 0.25;
      const tagged = next() < 0.2;
      const rated = next() < 0.15;
      const r = next();
      const annotation: Annotation = {
        id: uuid(next),
        url,
        pageTitle: title,
        target: {
          selectors: [
            { type: 'TextQuoteSelector', exact: claim.text, prefix: text.slice(Math.max(0, claim.start - 32), claim.start), suffix: text.slice(claim.end, claim.end + 32) },
            { type: 'TextPositionSelector', start: claim.start, end: claim.end },
          ],
        },
        kind: 'claim',
        attributions: claim.attributions,
        note: noted ? pick(NOTES).replace('{x}', pick(NOTE_SUBJECTS)) : '',
        tags: tagged ? [...new Set([pick(TAGS), ...(next() < 0.4 ? [pick(TAGS)] : [])])] : [],
        origin: r < 0.8 ? 'confirmed' : r < 0.95 ? 'detected' : 'manual',
        createdAt: created,
        updatedAt: edited,
      };
      if (rated) annotation.verdict = { rating: pick(VERDICTS), rationale: '', ratedAt: edited };
      out.push(annotation);
    }
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* In the extension page                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** What the bench bundle puts on an extension page's `globalThis.__sourcemarkBench`. */
type BenchHooks = {
  put(rows: Annotation[]): Promise<void>;
  count(): Promise<number>;
  floor(): Promise<number>;
  floorLibrary(): Promise<number>;
};

let bundle: Promise<string> | undefined;

/**
 * The store's write path (`putAnnotations`: index fields computed as on every write) and the
 * floor queries, bundled for an extension page. Evaluated over the DevTools protocol, so the
 * page's CSP (no inline scripts) does not apply.
 */
function benchBundle(): Promise<string> {
  bundle ??= bundleForPage(`
        import { idOfKey } from './lib/library/index-fields';
        import { putAnnotations } from './lib/store/annotations';
        import { openDb } from './lib/store/db';
        const db = openDb();
        globalThis.__sourcemarkBench = {
          put: (rows) => putAnnotations(db, rows),
          count: () => db.annotations.count(),
          floor: async () => (await db.annotations.orderBy('updatedAt').reverse().limit(50).toArray()).length,
          floorLibrary: async () => (await db.annotations.bulkGet((await db.libraryIndex.orderBy('key').limit(50).primaryKeys()).map(idOfKey))).length,
        };
  `);
  return bundle;
}

/**
 * tsx compiles this file with esbuild's `keepNames`, which wraps named inner functions in
 * `__name(…)`; functions passed to `page.evaluate` run in the page, where `__name` must exist.
 */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

/** A new page of `context` where evaluated functions can run (see `NAME_SHIM`). */
async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(NAME_SHIM);
  return page;
}

async function installHooks(page: Page): Promise<void> {
  await page.evaluate(NAME_SHIM);
  const installed = await page.evaluate(() => '__sourcemarkBench' in globalThis);
  if (!installed) await page.evaluate(await benchBundle());
}

const hooks = (page: Page) => ({
  put: (rows: Annotation[]) => page.evaluate((r) => (globalThis as unknown as { __sourcemarkBench: BenchHooks }).__sourcemarkBench.put(r), rows),
  count: () => page.evaluate(() => (globalThis as unknown as { __sourcemarkBench: BenchHooks }).__sourcemarkBench.count()),
});

/**
 * Fill the profile behind `page` (an extension page, e.g. library.html) with `n` generated
 * annotations, written through the repository's `putAnnotations` in chunks. Returns the number
 * of rows in the database afterwards and the time it took.
 */
export async function fillLibrary(page: Page, n: number, { seed = 20250110, chunk = 5000 } = {}): Promise<{ count: number; ms: number }> {
  const t0 = performance.now();
  await installHooks(page);
  const rows = generateLibraryAnnotations(n, seed);
  for (let i = 0; i < rows.length; i += chunk) await hooks(page).put(rows.slice(i, i + chunk));
  return { count: await hooks(page).count(), ms: performance.now() - t0 };
}

/* ------------------------------------------------------------------------------------------ */
/* Timing                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/**
 * Installed before a page's own scripts: records `performance.now()` (ms since the navigation
 * started) the first time `selector` matches `minCount` elements.
 */
function watchFor(selector: string, minCount: number): string {
  return `(() => {
    const check = () => document.querySelectorAll(${JSON.stringify(selector)}).length >= ${minCount};
    const observer = new MutationObserver(() => {
      if (check()) { globalThis.__sourcemarkSeenAt = performance.now(); observer.disconnect(); }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  })();`;
}

/** Load `url` in `page` `runs` times (after one warm-up) and time it until `selector` × `minCount` appears. */
async function timeLoads(page: Page, url: string, selector: string, minCount: number, runs: number): Promise<number[]> {
  await page.addInitScript(watchFor(selector, minCount));
  const ms: number[] = [];
  for (let i = 0; i <= runs; i++) {
    await page.goto(url);
    const seen = await page.waitForFunction(() => (globalThis as unknown as { __sourcemarkSeenAt?: number }).__sourcemarkSeenAt, undefined, { timeout: 30_000 });
    const at = (await seen.jsonValue()) as number;
    if (i > 0) ms.push(at);
  }
  return ms;
}

/**
 * Installed before popup.html's scripts: records (in `__sourcemarkPopup`, ms since navigation
 * start) when the first screen is in the DOM — claim cards fill the popup's scrolling body, or
 * every claim is there — and when every claim card is there with `annotated` of them marked
 * saved; each followed by the first frame painted after it (`…Painted`: a timeout queued from
 * the next animation frame runs once that frame is out).
 */
function watchPopup(annotated: number): string {
  return `(() => {
    const t = globalThis.__sourcemarkPopup = {};
    const painted = (key) => requestAnimationFrame(() => setTimeout(() => { t[key] = performance.now(); }, 0));
    const check = () => {
      const now = performance.now();
      const claims = document.querySelectorAll('[data-testid="claim"]').length;
      if (claims === 0) return;
      const total = Number.parseInt(document.querySelector('[data-testid="page-counts"]')?.textContent ?? '', 10);
      if (t.first === undefined) {
        const body = document.querySelector('.page-body');
        if (claims === total || (body && body.scrollHeight > body.clientHeight)) {
          t.first = now;
          requestAnimationFrame(() => setTimeout(() => {
            t.firstPainted = performance.now();
            // For the traced runs: navigation start → first screen painted, in trace time.
            performance.measure('sourcemark-bench:first-screen', { start: 0, end: t.firstPainted });
          }, 0));
        }
      }
      if (t.all === undefined && claims === total && document.querySelectorAll('[data-testid="claim-annotated"]').length >= ${annotated}) {
        t.all = now; painted('allPainted');
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  })();`;
}

/** What `watchPopup` records for one load. */
type PopupTimes = { first: number; firstPainted: number; all: number; allPainted: number };

/**
 * Open the popup at `url` `runs` times (after one warm-up), each time in a fresh page as the
 * browser opens a popup (reloading one page would count tearing down the previous popup's
 * document in the next one's time), and collect `watchPopup`'s times.
 */
async function timePopupLoads(context: BrowserContext, url: string, annotated: number, runs: number): Promise<PopupTimes[]> {
  const times: PopupTimes[] = [];
  for (let i = 0; i <= runs; i++) {
    const page = await newPage(context);
    await page.addInitScript(watchPopup(annotated));
    await page.goto(url);
    const done = await page.waitForFunction(
      () => {
        const t = (globalThis as unknown as { __sourcemarkPopup?: Partial<PopupTimes> }).__sourcemarkPopup;
        return t?.firstPainted !== undefined && t.allPainted !== undefined ? t : null;
      },
      undefined,
      { timeout: 30_000 },
    );
    const t = (await done.jsonValue()) as PopupTimes;
    await page.close();
    if (i > 0) times.push(t);
  }
  return times;
}

/**
 * Open the popup at `url` `runs` times (after one warm-up) with a trace running, and return per
 * run the main thread's CPU time (thread time, not wall time) in tasks from the navigation's
 * start to the first screen painted. Other processes on the machine stretch wall times; they
 * barely change this, so it says what the popup costs on a quiet machine.
 */
async function tracePopupCpu(context: BrowserContext, page: Page, url: string, runs: number): Promise<number[]> {
  const cpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const stop = await startTrace(context, page);
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as unknown as { __sourcemarkPopup?: { firstPainted?: number } }).__sourcemarkPopup?.firstPainted, undefined, { timeout: 30_000 });
    const events = await stop();
    const measure = events.filter((e) => e.cat.includes('blink.user_timing') && e.name === 'sourcemark-bench:first-screen');
    const begin = measure.find((e) => e.ph === 'b' || e.ph === 'B');
    const end = measure.find((e) => e.ph === 'e' || e.ph === 'E');
    if (!begin || !end) throw new Error('The popup trace has no first-screen measure.');
    // performance.measure() ran on the page's main thread: its events carry that thread.
    const { pid, tid } = end;
    let total = 0;
    let lastEnd = 0;
    for (const task of events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ph === 'X').sort((a, b) => a.ts - b.ts)) {
      if (task.ts < begin.ts || task.ts > end.ts || task.ts < lastEnd) continue; // outside, or nested in the previous task
      lastEnd = task.ts + (task.dur ?? 0);
      total += (task.tdur ?? task.dur ?? 0) / 1000;
    }
    if (i > 0) cpu.push(total);
  }
  return cpu;
}

/** Put `text` in the library's search box (one input event, or one per character) and time until its rows are in the DOM. */
async function timeSearch(page: Page, text: string, typing: boolean): Promise<number> {
  const key = queryKey({ ...DEFAULT_QUERY, text });
  return page.evaluate(
    ({ text, key, typing }) =>
      new Promise<number>((resolvePromise, reject) => {
        const results = document.querySelector('[data-testid="results"]');
        const input = document.querySelector<HTMLInputElement>('[data-testid="library-search"]');
        if (!results || !input) throw new Error('The library page has no results or search box.');
        let t0 = 0;
        const done = () =>
          results.getAttribute('data-query-key') === key &&
          results.getAttribute('data-state') === 'ready' &&
          (results.querySelector('[data-testid="annotation-row"]') !== null || results.querySelector('[data-testid="results-empty"]') !== null);
        const timer = setTimeout(() => reject(new Error(`No results for "${text}" within 20 s`)), 20_000);
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolvePromise(performance.now() - t0);
        });
        observer.observe(results, { attributes: true, childList: true, subtree: true });
        const type = (value: string) => {
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        };
        if (typing) {
          // One key per task, as a fast typist's keys arrive; the clock starts at the last key.
          let i = 1;
          const step = () => {
            if (i === text.length) t0 = performance.now();
            type(text.slice(0, i));
            i += 1;
            if (i <= text.length) setTimeout(step, 0);
          };
          step();
        } else {
          t0 = performance.now();
          type(text);
        }
      }),
    { text, key, typing },
  );
}

/** Wait until the library shows the unfiltered view, ready. */
async function resetSearch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="library-search"]');
    if (input && input.value !== '') {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await page.waitForFunction(() => {
    const results = document.querySelector('[data-testid="results"]');
    return results?.getAttribute('data-query-key') === '' && results.getAttribute('data-state') === 'ready';
  });
}

/** The search queries timed: a rare surname, a source, a common verb, two words, prefixes being typed. */
export const SEARCH_QUERIES = ['kozhemyako', 'kcna', 'said', 'missile test', 'sanct', 'kremlin drone', 'according to', 'tel', 'zzzz'];

/** An article page with more than 50 claims, for the popup. */
function articleHtml(): string {
  const paragraphs = generateParagraphs(40_000, 4242);
  const body = paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated article with many claims</title></head><body><article><h1>Generated article</h1>${body}</article></body></html>`;
}

/** A generated article open in a tab, 50 of its claims annotated, and the popup URL for that tab. */
export type AnnotatedArticle = {
  /** `popup.html?tabId=…` for the article's tab. */
  popupUrl: string;
  /** Claims the article's content script detected. */
  claimCount: number;
  /** Close the tab and its server. */
  close(): Promise<void>;
};

/**
 * Serve `articleHtml()`, open it, wait for the content script, and save 50 of its claims as the
 * popup would (same ids on every run, so a rerun on the same profile replaces them). `extensionPage`
 * is any open extension page (for `chrome.tabs` and the bench hooks).
 */
export async function openAnnotatedArticle(context: BrowserContext, extensionPage: Page): Promise<AnnotatedArticle> {
  const id = await extensionId(context);
  await installHooks(extensionPage);
  const dir = await mkdtemp(join(tmpdir(), 'sourcemark-bench-article-'));
  await writeFile(join(dir, 'article.html'), articleHtml());
  const server = await startStaticServer(dir);
  const close = async () => {
    server.server.closeAllConnections();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const article = await newPage(context);
    await article.goto(`${server.origin}/article.html`);
    await article.waitForSelector('#sourcemark-root', { state: 'attached', timeout: 30_000 });
    const tabId = await tabIdOf(context, article);
    const snapshot = (await extensionPage.evaluate(
      (tab) => (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } } }).chrome.tabs.sendMessage(tab, { type: 'page:claims' }),
      tabId,
    )) as Result<PageSnapshot>;
    if (!snapshot.ok) throw new Error(`The article's content script did not answer: ${snapshot.error}`);
    const claims = snapshot.value.claims;
    if (claims.length < 50) throw new Error(`The generated article has ${claims.length} claims; the popup case needs 50.`);
    const now = new Date();
    const annotations = claims.slice(0, 50).map((claim, i) =>
      buildAnnotation({
        claim,
        existing: undefined,
        note: i % 3 === 0 ? 'Checked' : '',
        verdict: i % 5 === 0 ? 'mixed' : null,
        page: { url: snapshot.value.url, title: snapshot.value.title },
        now,
        newId: () => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      }),
    );
    await hooks(extensionPage).put(annotations);
    return {
      popupUrl: `chrome-extension://${id}/popup.html?tabId=${tabId}`,
      claimCount: claims.length,
      close: async () => {
        await article.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Options for `runLibraryBench`. */
export type LibraryBenchOptions = {
  /** Annotations in the profile (filled when it holds fewer). */
  n?: number;
  /** Timed runs per case. */
  runs?: number;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Which cases to time: the library's (first page, search, floors) and/or the popup's. Both by default. */
  cases?: readonly BenchCase[];
};

/** The groups of cases `runLibraryBench` can time. */
export type BenchCase = 'library' | 'popup';

/**
 * Fill the context's profile to `n` annotations (if it holds fewer) and time the cases above.
 * The context must have the built extension loaded (`launchWithExtension`).
 */
export async function runLibraryBench(context: BrowserContext, { n = 100_000, runs = 9, log = () => {}, cases = ['library', 'popup'] }: LibraryBenchOptions = {}): Promise<BenchResult[]> {
  const id = await extensionId(context);
  const libraryUrl = `chrome-extension://${id}/library.html`;
  // Filled from the options page: the library page would redraw after every chunk.
  const filler = await newPage(context);
  await filler.goto(`chrome-extension://${id}/options.html`);
  await installHooks(filler);
  let count = await hooks(filler).count();
  if (count < n) {
    log(`filling the profile with ${n - count} annotations…`);
    const filled = await fillLibrary(filler, n - count);
    count = filled.count;
    log(`  ${count} annotations in ${(filled.ms / 1000).toFixed(1)} s`);
  }
  await filler.close();
  const library = await newPage(context);
  await library.goto(libraryUrl);
  await installHooks(library);
  const results: BenchResult[] = [];
  const record = (result: BenchResult) => {
    results.push(result);
    log(`  ${result.name}: median ${result.medianMs} ms (${result.minMs}–${result.maxMs}, ${result.runs} runs)`);
  };

  if (cases.includes('library')) {
    log('library first page…');
    const firstPage = await newPage(context);
    record(summarise('sourcemark:library-first-page', count, await timeLoads(firstPage, libraryUrl, '[data-testid="annotation-row"]', 1, runs)));
    await firstPage.close();

    log('library search…');
    await library.goto(libraryUrl);
    await resetSearch(library);
    const all: number[] = [];
    for (const text of SEARCH_QUERIES) {
      const ms: number[] = [];
      for (let i = 0; i <= Math.max(3, Math.floor(runs / 2)); i++) {
        await resetSearch(library);
        const t = await timeSearch(library, text, false);
        if (i > 0) ms.push(t);
      }
      all.push(...ms);
      record(summarise(`sourcemark:library-search:${text}`, count, ms));
    }
    record(summarise('sourcemark:library-search', count, all));
    const typed: number[] = [];
    for (const text of ['kremlin drone', 'missile test', 'according to']) {
      await resetSearch(library);
      typed.push(await timeSearch(library, text, true));
    }
    record(summarise('sourcemark:library-search-typing', count, typed));

    log('floor…');
    await installHooks(library);
    for (const [name, fn] of [
      ['floor:dexie-indexed-query', 'floor'],
      ['floor:dexie-library-index', 'floorLibrary'],
    ] as const) {
      const ms = await library.evaluate(
        async ({ fn, runs }) => {
          const api = (globalThis as unknown as { __sourcemarkBench: BenchHooks }).__sourcemarkBench;
          const times: number[] = [];
          for (let i = 0; i <= runs; i++) {
            const t0 = performance.now();
            await api[fn]();
            if (i > 0) times.push(performance.now() - t0);
          }
          return times;
        },
        { fn, runs: runs * 2 },
      );
      record(summarise(name, count, ms));
    }
  }

  if (cases.includes('popup')) {
    log('popup with 50 annotations…');
    const article = await openAnnotatedArticle(context, library);
    try {
      const times = await timePopupLoads(context, article.popupUrl, 50, runs);
      const popup = await newPage(context);
      await popup.addInitScript(watchPopup(50));
      const median = (key: keyof PopupTimes) => summarise(key, count, times.map((t) => t[key])).medianMs;
      record({
        ...summarise('sourcemark:popup-open', count, times.map((t) => t.firstPainted)),
        claims: article.claimCount,
        annotated: 50,
        firstScreenDomMedianMs: median('first'),
        allCardsDomMedianMs: median('all'),
        allCardsPaintedMedianMs: median('allPainted'),
        firstScreenCpuMedianMs: summarise('cpu', count, await tracePopupCpu(context, popup, article.popupUrl, Math.min(runs, 5))).medianMs,
      });
      log(`  (the page has ${article.claimCount} claims, 50 annotated)`);
      await popup.close();
    } finally {
      await article.close();
    }
  }
  await library.close();
  return results;
}

/** Print results as a table. */
export function formatResults(results: readonly BenchResult[]): string {
  const header = ['name', 'annotations', 'runs', 'median ms', 'min ms', 'max ms'];
  const rows = results.map((r) => [r.name, String(r.size), String(r.runs), r.medianMs.toFixed(1), r.minMs.toFixed(1), r.maxMs.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** One line on where and when the figures were taken, and how busy the machine was. */
function environmentLine(chromium: string, loadAtStart: number, loadAtEnd: number): string {
  let commit = '?';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout (a tarball): the date still says when.
  }
  const cpu = cpus();
  const busy = loadAtStart > 1 || loadAtEnd > cpu.length + 1;
  return (
    `Measured ${new Date().toISOString()} · Chromium ${chromium} (headless) · Node ${process.version} · ${cpu[0]?.model.split(' ').slice(0, 2).join(' ') ?? '?'} × ${cpu.length} · ${commit}. ` +
    `Load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end` +
    (busy ? ': other work competed with the benchmark, so these times are inflated.' : '.')
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => argValue(args, name);
  const n = Number(arg('--n') ?? 100_000);
  const profileDir = arg('--profile') ?? (await mkdtemp(join(tmpdir(), 'sourcemark-bench-library-')));
  const loadAtStart = loadavg()[0] ?? 0;
  const context = await launchWithExtension({ profileDir, headless: true });
  try {
    const cases = (arg('--cases') ?? 'library,popup').split(',').filter((c): c is BenchCase => c === 'library' || c === 'popup');
    const runs = Number(arg('--runs') ?? 9);
    const results = await runLibraryBench(context, { n, cases, runs, log: (line) => console.log(line) });
    console.log(formatResults(results));
    const probe = await context.newPage();
    const cdp = await context.newCDPSession(probe);
    const { product } = await cdp.send('Browser.getVersion');
    const chromium = /\/([\d.]+)/.exec(product)?.[1] ?? product;
    await probe.close();
    const environment = environmentLine(chromium, loadAtStart, loadavg()[0] ?? 0);
    console.log(`\n${targetLines(results).join('\n')}\n\n${environment}`);
    const out = arg('--out');
    if (out) await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
    if (args.includes('--merge')) {
      mergeIntoLatest(results, environment);
      console.log(`merged into ${relative(process.cwd(), LATEST_JSON)} and ${relative(process.cwd(), RESULTS_MD)}`);
    }
  } finally {
    await context.close();
    if (!arg('--profile')) await rm(profileDir, { recursive: true, force: true });
  }
}

runWhenEntry(import.meta.url, main);
