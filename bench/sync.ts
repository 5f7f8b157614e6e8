/**
 * Team sync at scale, in Node against the same CouchDB-protocol server the tests use
 * (express-pouchdb over in-memory PouchDB, tests/support/couch-server.ts), each beside its floor:
 *
 * - `sourcemark:sync-push-10k`: the first push of 10,000 annotations: `runSync` on a fresh
 *   device whose outbox holds them (read outbox + rows from Dexie, `_bulk_docs` in batches of
 *   `PUSH_BATCH_SIZE`, confirm each batch: revisions stored, entries removed).
 * - `floor:bulk-docs-10k`: the same documents POSTed to `_bulk_docs` straight from Node, in the
 *   same batch size, one batch after another: the least a push costs on this server.
 * - `sourcemark:sync-pull-10k`: a fresh device pulling those 10,000 (`_changes` pages of
 *   `PULL_BATCH_SIZE`, each checked, applied to Dexie with the library index, checkpointed).
 * - `floor:changes-10k`: the same `_changes` pages fetched and parsed, nothing else.
 *
 * The server runs in a child process (this file with `--serve`), as a real server would be
 * apart from the browser: the measuring process does only the client's work. Dexie runs on
 * fake-indexeddb here (Node has no IndexedDB), which is slower than the browser's and runs on
 * the client's own thread; the sync rows carry that cost, so they overstate the extension's time.
 * Each run uses a new database on the server. Rows are merged into bench/results/latest.json.
 *
 * Run it: `npx tsx bench/sync.ts [--n 10000] [--runs 5]`.
 */
import 'fake-indexeddb/auto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Annotation } from '../lib/model';
import { putAnnotations } from '../lib/store/annotations';
import { openDb } from '../lib/store/db';
import { PULL_BATCH_SIZE, PUSH_BATCH_SIZE, chunk } from '../lib/sync/batches';
import { createCouchClient } from '../lib/sync/couch-client';
import { annotationDoc } from '../lib/sync/docs';
import { runSync } from '../lib/sync/run-sync';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../lib/sync/settings';
import { startCouchServer } from '../tests/support/couch-server';
import { seededRandom } from './generate-article';
import { mergeResults, type ResultRow } from './results-file';
import { summarise } from './stats';

const { values } = parseArgs({ options: { n: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' }, serve: { type: 'boolean', default: false } } });
const N = Number(values.n);
const RUNS = Number(values.runs);

const WORDS = ['ministry', 'said', 'agency', 'reported', 'officials', 'claimed', 'according', 'statement', 'Tuesday', 'sources', 'border', 'talks'];

/** `n` realistic annotations, the same on every run. */
function annotations(n: number): Annotation[] {
  const rnd = seededRandom(7);
  const words = (k: number) => Array.from({ length: k }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
  const stamp = '2026-01-01T00:00:00.000Z';
  return Array.from({ length: n }, (_, i) => {
    const exact = `${words(14)}.`;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url: `https://news${i % 40}.example/story-${i % 900}`,
      pageTitle: words(6),
      target: { selectors: [{ type: 'TextQuoteSelector', exact, prefix: words(4).slice(0, 32), suffix: words(4).slice(0, 32) }, { type: 'TextPositionSelector', start: i, end: i + exact.length }] },
      kind: 'claim',
      attributions: [{ source: { id: 'kcna', name: 'KCNA', type: 'state-media' }, label: 'KCNA', type: 'state-media', sourceText: 'KCNA', speaker: null, cue: 'said', cueStance: 'neutral', start: 3, end: 7, reportedBy: null, carriedOver: false }],
      note: rnd() < 0.5 ? words(10) : '',
      tags: rnd() < 0.3 ? ['korea'] : [],
      origin: 'confirmed',
      createdAt: stamp,
      updatedAt: stamp,
      shared: true,
    } satisfies Annotation;
  });
}

/** The server as the benchmark sees it: an address, and a way to make databases. */
type BenchServer = { url: string; createDatabase(name: string): Promise<void>; close(): Promise<void> };

/** Start the server in a child process (`--serve`), which prints its URL on its first line. */
async function startServerProcess(): Promise<BenchServer> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child: ChildProcess = spawn(process.execPath, ['--import', tsx, fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^(http:\/\/\S+)\n/.exec(out);
      if (line?.[1]) resolve(line[1]);
    });
    child.once('exit', (code) => reject(new Error(`The server process ended (${code}) before it listened.`)));
  });
  return {
    url,
    async createDatabase(name) {
      const response = await fetch(`${url}/${name}`, { method: 'PUT' });
      if (!response.ok) throw new Error(`Could not create ${name}: ${response.status}`);
    },
    async close() {
      child.kill();
    },
  };
}

function settingsFor(server: BenchServer, database: string): SyncSettings {
  return { ...DEFAULT_SYNC_SETTINGS, enabled: true, serverUrl: server.url, database, auth: { kind: 'session-cookie' }, share: 'everything' };
}

function summary(name: string, times: number[], extra: Record<string, unknown>): ResultRow {
  return { ...summarise(name, N, times), ...extra };
}

async function main() {
  const server = await startServerProcess();
  const data = annotations(N);
  const docs = data.map((a) => annotationDoc(a));
  const times = { push: [] as number[], bulk: [] as number[], pull: [] as number[], changes: [] as number[] };
  try {
    // One warm-up round, not recorded: module loading and the server's first requests.
    for (let run = -1; run < RUNS; run++) {
      // Floor: the same documents, the same batches, straight to _bulk_docs.
      const floorDb = `floor-${run + 1}`;
      await server.createDatabase(floorDb);
      let t = performance.now();
      for (const batch of chunk(docs, PUSH_BATCH_SIZE)) {
        const response = await fetch(`${server.url}/${floorDb}/_bulk_docs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ docs: batch }) });
        const results = (await response.json()) as { ok?: boolean }[];
        if (!response.ok || results.length !== batch.length || !results.every((r) => r.ok)) throw new Error(`floor push failed: ${response.status}`);
      }
      const bulkMs = performance.now() - t;

      // Sourcemark: a device whose outbox holds the annotations (written by the repository, untimed).
      const pushDb = `push-${run + 1}`;
      await server.createDatabase(pushDb);
      const device = openDb(`bench-push-${run + 1}`);
      await putAnnotations(device, data);
      const settings = settingsFor(server, pushDb);
      t = performance.now();
      const pushed = await runSync({ db: device, settings, client: createCouchClient(settings) });
      const pushMs = performance.now() - t;
      if (!pushed.ok || pushed.pushed !== N || (await device.outbox.count()) !== 0) throw new Error(`push run failed: ${JSON.stringify(pushed)}`);
      await device.delete();

      // Floor: page through _changes of the pushed database.
      t = performance.now();
      let since = '0';
      let seen = 0;
      for (;;) {
        const response = await fetch(`${server.url}/${pushDb}/_changes?include_docs=true&limit=${PULL_BATCH_SIZE}&since=${encodeURIComponent(since)}`);
        const page = (await response.json()) as { results: unknown[]; last_seq: string | number };
        seen += page.results.length;
        since = String(page.last_seq);
        if (page.results.length < PULL_BATCH_SIZE) break;
      }
      const changesMs = performance.now() - t;
      if (seen !== N) throw new Error(`floor pull saw ${seen}`);

      // Sourcemark: a fresh device pulls them.
      const reader = openDb(`bench-pull-${run + 1}`);
      await reader.open();
      t = performance.now();
      const pulled = await runSync({ db: reader, settings, client: createCouchClient(settings) });
      const pullMs = performance.now() - t;
      if (!pulled.ok || pulled.pulled !== N || (await reader.annotations.count()) !== N) throw new Error(`pull run failed: ${JSON.stringify(pulled)}`);
      await reader.delete();

      console.log(`run ${run + 1}: push ${pushMs.toFixed(0)} ms (floor ${bulkMs.toFixed(0)}), pull ${pullMs.toFixed(0)} ms (floor ${changesMs.toFixed(0)})${run < 0 ? ' [warm-up]' : ''}`);
      if (run < 0) continue;
      times.push.push(pushMs);
      times.bulk.push(bulkMs);
      times.pull.push(pullMs);
      times.changes.push(changesMs);
    }
  } finally {
    await server.close();
  }
  const floorPush = summary('floor:bulk-docs-10k', times.bulk, { batchSize: PUSH_BATCH_SIZE });
  const floorPull = summary('floor:changes-10k', times.changes, { batchSize: PULL_BATCH_SIZE });
  const push = summary('sourcemark:sync-push-10k', times.push, { batchSize: PUSH_BATCH_SIZE, ratioToFloor: Math.round(((summary('', times.push, {}).medianMs as number) / (floorPush.medianMs as number)) * 100) / 100, dexie: 'fake-indexeddb' });
  const pull = summary('sourcemark:sync-pull-10k', times.pull, { batchSize: PULL_BATCH_SIZE, ratioToFloor: Math.round(((summary('', times.pull, {}).medianMs as number) / (floorPull.medianMs as number)) * 100) / 100, dexie: 'fake-indexeddb' });
  const rows = [floorPush, push, floorPull, pull];
  mergeResults(rows);
  for (const row of rows) console.log(`${row.name.padEnd(26)} median ${String(row.medianMs).padStart(8)} ms${row.ratioToFloor ? `  (${row.ratioToFloor}× floor)` : ''}`);
}

if (values.serve) {
  const server = await startCouchServer();
  process.stdout.write(`${server.url}\n`);
} else {
  await main();
}
