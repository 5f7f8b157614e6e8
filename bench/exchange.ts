/**
 * Export and import at scale, in headless Chromium with the built extension, in an extension page
 * (options.html; the export and import code runs in extension pages, as in the product):
 *
 * - `sourcemark:export-100k-json`: `exportToBlob(db, { kind: 'all' }, 'json')`: every annotation
 *   read in pages by primary key, each page serialised, the Blob built from the pieces (what the
 *   library's Export does before handing the blob: URL to the downloads API).
 * - `floor:read-all-stringify-100k`: `db.annotations.toArray()` then `JSON.stringify(rows)` of the
 *   same rows: the least any JSON export must do (one giant string, no indentation, no paging).
 * - `sourcemark:import-100k-json`: the exported file (the Blob above) read as a File is, validated,
 *   compared with the store (`planImport`) and written (`applyImportPlan`: one all-or-nothing
 *   transaction, the annotations and a pending row per 10,000), into an empty database: until the
 *   import is stored and the user is told so.
 * - `sourcemark:import-100k-json-indexed`: the same, until the library has indexed it and queued it
 *   for sync (`drainPendingIndex`, which the background runs right after an import: library rows,
 *   word postings, counters and outbox entries, a transaction per 10,000).
 * - `floor:bulkput-100k`: `db.annotations.bulkPut(rows)` of the same rows (already objects in the
 *   page) into an empty database: the raw write.
 * - `floor:bulkput-with-library-100k`: what an import must write besides: the same rows, their
 *   library index rows, word postings and counters (computed before the clock starts), `bulkPut`
 *   into the four tables in one transaction: what the indexing after an import writes (besides
 *   the sync outbox, which this leaves out).
 *
 * Times are taken in the page with `performance.now()`. The cases run interleaved, run by run;
 * the import and its floor take turns going first.
 * Rows `{ name, size, medianMs, minMs, maxMs, runs }` (size: annotations) are printed and merged
 * into bench/results/latest.json (bench/results-file.ts).
 *
 * Run it (after `npx wxt build`): `npx tsx bench/exchange.ts [--n 100000] [--runs 3] [--profile DIR] [--no-write]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionId, launchWithExtension } from '../scripts/chromium';
import { argValue, runWhenEntry } from './cli';
import { bundleForPage } from './page-bundle';
import { fillLibrary, formatResults } from './library';
import { mergeResults } from './results-file';
import { summarise, type BenchResult } from './stats';

/** The database imports go into, emptied before each run. */
const TARGET_DB = 'sourcemark-bench-import';

/** What the bench bundle puts on the page's `globalThis.__exchangeBench`; each returns its time in ms. */
type ExchangeHooks = {
  count(): Promise<number>;
  exportJson(): Promise<{ ms: number; bytes: number; annotations: number }>;
  floorExport(): Promise<{ ms: number; bytes: number }>;
  importJson(): Promise<{ ms: number; indexedMs: number; written: number }>;
  floorImport(): Promise<{ ms: number; written: number }>;
  floorImportLibrary(): Promise<{ ms: number; written: number }>;
};

/** The exchange code and the floors, bundled for the page (evaluated over CDP, so the page's CSP does not apply). */
function benchBundle(): Promise<string> {
  return bundleForPage(`
        import { Dexie } from 'dexie';
        import { openDb } from './lib/store/db';
        import { exportToBlob } from './lib/store/exchange-export';
        import { applyImportPlan, planImport } from './lib/store/exchange';
        import { readImportFile } from './lib/store/exchange-formats';
        import { libraryTablesOf } from './lib/store/library-index';
        import { drainPendingIndex } from './lib/store/library-pending';
        const db = openDb();
        let exported = null;
        const emptyTarget = async () => {
          await Dexie.delete(${JSON.stringify(TARGET_DB)});
          const target = openDb(${JSON.stringify(TARGET_DB)});
          await target.open();
          return target;
        };
        globalThis.__exchangeBench = {
          count: () => db.annotations.count(),
          exportJson: async () => {
            exported = null;
            const t0 = performance.now();
            const file = await exportToBlob(db, { kind: 'all' }, 'json', { version: 'bench', now: new Date() });
            const ms = performance.now() - t0;
            exported = file.blob;
            return { ms, bytes: file.blob.size, annotations: file.annotationCount };
          },
          floorExport: async () => {
            const t0 = performance.now();
            const rows = await db.annotations.toArray();
            const text = JSON.stringify(rows);
            return { ms: performance.now() - t0, bytes: text.length };
          },
          importJson: async () => {
            if (!exported) throw new Error('Run exportJson first: the import reads its file.');
            const file = new File([exported], 'sourcemark-export.json', { type: 'application/json' });
            const target = await emptyTarget();
            const t0 = performance.now();
            const read = await readImportFile(file);
            if (!read.ok) throw new Error(read.error);
            const plan = await planImport(target, read.value);
            const result = await applyImportPlan(target, plan);
            const ms = performance.now() - t0;
            // What the background does next: the library rows and the sync outbox entries.
            const indexed = await drainPendingIndex(target);
            const indexedMs = performance.now() - t0;
            target.close();
            if (indexed !== result.annotationsWritten) throw new Error(\`Indexed \${indexed} of \${result.annotationsWritten} imported annotations.\`);
            return { ms, indexedMs, written: result.annotationsWritten };
          },
          floorImport: async () => {
            const rows = await db.annotations.toArray();
            const target = await emptyTarget();
            const t0 = performance.now();
            await target.annotations.bulkPut(rows);
            const ms = performance.now() - t0;
            target.close();
            return { ms, written: rows.length };
          },
          floorImportLibrary: async () => {
            const rows = await db.annotations.toArray();
            const { index, words, facets } = libraryTablesOf(rows);
            const target = await emptyTarget();
            const t0 = performance.now();
            await target.transaction('rw', target.annotations, target.libraryIndex, target.libraryWords, target.libraryFacets, async () => {
              await target.annotations.bulkPut(rows);
              await target.libraryIndex.bulkPut(index);
              await target.libraryWords.bulkPut(words);
              await target.libraryFacets.bulkPut(facets);
            });
            const ms = performance.now() - t0;
            target.close();
            return { ms, written: rows.length };
          },
        };
  `);
}

/** Call one hook in the page. */
function call<K extends keyof ExchangeHooks>(page: Page, hook: K): ReturnType<ExchangeHooks[K]> {
  const run = (name: string) => (globalThis as unknown as { __exchangeBench: Record<string, () => Promise<unknown>> }).__exchangeBench[name]?.();
  return page.evaluate(run, hook as string) as ReturnType<ExchangeHooks[K]>;
}

/** Options of `runExchangeBench`. */
export type ExchangeBenchOptions = {
  /** Annotations in the profile (filled when it holds fewer). */
  n?: number;
  /** Timed runs per case (at least 3). */
  runs?: number;
  /** Progress lines. */
  log?: (line: string) => void;
};

/** Fill the profile to `n` annotations and time the four cases, interleaved. */
export async function runExchangeBench(page: Page, { n = 100_000, runs = 3, log = () => {} }: ExchangeBenchOptions = {}): Promise<BenchResult[]> {
  await page.evaluate('globalThis.__name = globalThis.__name || ((fn) => fn);');
  // Filling nothing installs the store's hooks and counts what the profile holds.
  let count = (await fillLibrary(page, 0)).count;
  if (count < n) {
    log(`filling the profile with ${n - count} annotations…`);
    const more = await fillLibrary(page, n - count);
    count = more.count;
    log(`  ${count} annotations in ${(more.ms / 1000).toFixed(1)} s`);
  }
  await page.evaluate(await benchBundle());
  const size = await call(page, 'count');
  const times = { exportJson: [] as number[], floorExport: [] as number[], importJson: [] as number[], importIndexed: [] as number[], floorImport: [] as number[], floorImportLibrary: [] as number[] };
  const label = (k: number) => (k / 1000).toFixed(size >= 10_000 ? 0 : 1);
  const sizeTag = size % 1000 === 0 ? `${label(size)}k` : String(size);

  log('warm-up…');
  await call(page, 'floorExport');
  await call(page, 'exportJson');
  for (let i = 0; i < runs; i++) {
    log(`run ${i + 1} of ${runs}…`);
    const floorExport = await call(page, 'floorExport');
    const exportJson = await call(page, 'exportJson');
    if (exportJson.annotations !== size) throw new Error(`The export wrote ${exportJson.annotations} annotations of ${size}.`);
    // The import and its floor take turns going first, right after the exports (reads only); the
    // library floor comes last. Each write leaves the browser's storage engine work to do (its
    // compaction, the emptied database's files) that slows whatever writes next: run always
    // after the 35 s library floor, the import was measured 1.0-2.2x its floor from run to run.
    const importFirst = i % 2 === 1;
    const early = importFirst ? await call(page, 'importJson') : null;
    const floorImport = await call(page, 'floorImport');
    const importJson = early ?? (await call(page, 'importJson'));
    const floorImportLibrary = await call(page, 'floorImportLibrary');
    if (importJson.written !== size) throw new Error(`The import wrote ${importJson.written} annotations of ${size}.`);
    times.floorExport.push(floorExport.ms);
    times.exportJson.push(exportJson.ms);
    times.floorImport.push(floorImport.ms);
    times.importJson.push(importJson.ms);
    times.importIndexed.push(importJson.indexedMs);
    times.floorImportLibrary.push(floorImportLibrary.ms);
    log(
      `  export ${exportJson.ms.toFixed(0)} ms (${(exportJson.bytes / 1e6).toFixed(1)} MB) vs floor ${floorExport.ms.toFixed(0)} ms; import ${importJson.ms.toFixed(0)} ms (indexed ${importJson.indexedMs.toFixed(0)} ms) vs floor ${floorImport.ms.toFixed(0)} ms (with the library's tables ${floorImportLibrary.ms.toFixed(0)} ms)`,
    );
  }
  return [
    summarise(`sourcemark:export-${sizeTag}-json`, size, times.exportJson),
    summarise(`floor:read-all-stringify-${sizeTag}`, size, times.floorExport),
    summarise(`sourcemark:import-${sizeTag}-json`, size, times.importJson),
    summarise(`sourcemark:import-${sizeTag}-json-indexed`, size, times.importIndexed),
    summarise(`floor:bulkput-${sizeTag}`, size, times.floorImport),
    summarise(`floor:bulkput-with-library-${sizeTag}`, size, times.floorImportLibrary),
  ];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => argValue(args, name);
  const n = Number(arg('--n') ?? 100_000);
  const runs = Math.max(3, Number(arg('--runs') ?? 3));
  const profileDir = arg('--profile') ?? (await mkdtemp(join(tmpdir(), 'sourcemark-bench-exchange-')));
  const context = await launchWithExtension({ profileDir, headless: true });
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${await extensionId(context)}/options.html`);
    const results = await runExchangeBench(page, { n, runs, log: (line) => console.log(line) });
    console.log(formatResults(results));
    const ratio = (a: BenchResult | undefined, b: BenchResult | undefined) => (a && b ? (a.medianMs / b.medianMs).toFixed(2) : '?');
    console.log(
      `export vs floor: ${ratio(results[0], results[1])}× (target ≤ 2×); import vs floor: ${ratio(results[2], results[4])}× (target ≤ 1.5×); import and library indexing vs floor: ${ratio(results[3], results[4])}×, vs the write of the same rows and library tables: ${ratio(results[3], results[5])}×`,
    );
    if (!args.includes('--no-write')) mergeResults(results);
  } finally {
    await context.close();
    if (!arg('--profile')) await rm(profileDir, { recursive: true, force: true });
  }
}

runWhenEntry(import.meta.url, main);
