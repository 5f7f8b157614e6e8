/**
 * bench/results/latest.json is shared by several benchmarks: `bench/browser.ts` writes it whole,
 * later steps of `npm run bench` (bench/library.ts through bench/library-report.ts,
 * bench/exchange.ts, bench/sync.ts) merge their rows into it. This helper is that merge: read the
 * file (missing or empty: no rows), put each new row in place of the row of the same name, append
 * the rest, write it back.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared results file. */
export const LATEST_JSON = resolve(dirname(fileURLToPath(import.meta.url)), 'results/latest.json');

/** A result row: `name` is its identity; the rest is the benchmark's (`size`, `medianMs`, …). */
export type ResultRow = { name: string } & Record<string, unknown>;

/** How a benchmark merges its rows. */
export type MergeOptions = {
  /** The JSON file to merge into (default: bench/results/latest.json). */
  file?: string;
  /**
   * Name prefixes of the rows this benchmark owns: an existing row under one of them that is not
   * among the new rows is dropped (a case since removed). Default: none, every other row stays.
   */
  ownPrefixes?: readonly string[];
};

/**
 * `existing` with each row of `fresh` in place of the row of the same name, new ones appended,
 * and rows under `ownPrefixes` that `fresh` does not have dropped.
 */
export function mergeRows(existing: readonly ResultRow[], fresh: readonly ResultRow[], ownPrefixes: readonly string[] = []): ResultRow[] {
  const byName = new Map(fresh.map((row) => [row.name, row]));
  const merged: ResultRow[] = [];
  for (const row of existing) {
    const replacement = byName.get(row.name);
    if (replacement) {
      merged.push(replacement);
      byName.delete(row.name);
    } else if (!ownPrefixes.some((prefix) => row.name.startsWith(prefix))) {
      merged.push(row);
    }
  }
  return [...merged, ...byName.values()];
}

/**
 * Merge `rows` into the JSON array in the results file (see `mergeRows`), creating the file and
 * its folder when missing. Rows of other benchmarks stay as they were. Returns the rows written.
 */
export function mergeResults(rows: readonly ResultRow[], { file = LATEST_JSON, ownPrefixes = [] }: MergeOptions = {}): ResultRow[] {
  const text = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  const existing: unknown = text === '' ? [] : JSON.parse(text);
  if (!Array.isArray(existing)) throw new Error(`${file} does not hold a JSON array of results.`);
  const merged = mergeRows(existing as ResultRow[], rows, ownPrefixes);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}
