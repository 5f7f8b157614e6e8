/**
 * The figures of one timed case, shared by the benchmarks that merge rows into
 * bench/results/latest.json (library, exchange, sync): median, min and max to 0.1 ms.
 */

/** One timed case (the shape of bench/results/*.json), with extra figures of some cases. */
export type BenchResult = { name: string; size: number; medianMs: number; minMs: number; maxMs: number; runs: number; [extra: string]: number | string };

/** The median of `values` (the mean of the middle two for an even count; 0 for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median, min and max of a case's times in ms, rounded to 0.1 ms; `size` is the case's input size. */
export function summarise(name: string, size: number, ms: readonly number[]): BenchResult {
  const round = (x: number) => Math.round(x * 10) / 10;
  const sorted = [...ms].sort((a, b) => a - b);
  return { name, size, medianMs: round(median(sorted)), minMs: round(sorted[0] ?? 0), maxMs: round(sorted[sorted.length - 1] ?? 0), runs: ms.length };
}
