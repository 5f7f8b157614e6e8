/**
 * bench/results/latest.json is shared by several benchmarks: `bench/browser.ts` writes it whole,
 * later steps of `npm run bench` (bench/exchange.ts, …) merge their rows into it. This helper is
 * that merge: read the file (missing or empty: no rows), replace the rows that have the same
 * name as a new one, append the rest, write it back.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared results file. */
export const LATEST_JSON = resolve(dirname(fileURLToPath(import.meta.url)), 'results/latest.json');

/** A result row: `name` is its identity; the rest is the benchmark's (`size`, `medianMs`, …). */
export type ResultRow = { name: string } & Record<string, unknown>;

/**
 * Merge `rows` into the JSON array in `file`: every existing row whose name is among the new
 * rows' names is dropped, the new rows are appended in order. Rows of other benchmarks stay as
 * they were. Returns the rows written.
 */
export function mergeResults(rows: readonly ResultRow[], file: string = LATEST_JSON): ResultRow[] {
  const text = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  const existing: unknown = text === '' ? [] : JSON.parse(text);
  if (!Array.isArray(existing)) throw new Error(`${file} does not hold a JSON array of results.`);
  const names = new Set(rows.map((row) => row.name));
  const kept = (existing as ResultRow[]).filter((row) => !names.has(row.name));
  const merged = [...kept, ...rows];
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}
