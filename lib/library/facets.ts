/**
 * The library's counters: how many live annotations have each filter value, and per source its
 * verdicts and sites. Pure. The store keeps them as rows of the `libraryFacets` table and updates
 * them in the same transaction as every annotation write, so the filter bar, the per-source
 * figures and the query planner read exact counts without counting index ranges (IndexedDB
 * counts a range by walking it: a second for 100,000 entries).
 */
import type { Annotation, SourceType } from '../model';
import { indexRowOf, sourceLabelOf, type IndexRowChange, type LibraryIndexRow, type VerdictKey } from './index-fields';

/** The kinds of counted values, and the facet key of the library's total. */
export type FacetKind = 'source' | 'site' | 'tag' | 'verdict' | 'origin' | 'type';
export const FACET_ALL = 'all';

/** The key of a counter row: `kind:value`, or `all`. */
export function facetKey(kind: FacetKind, value: string): string {
  return `${kind}:${value}`;
}

/** A counter row. Source rows also hold the source's name, type, verdict counts and sites. */
export type FacetRow = {
  key: string;
  /** Live annotations with this value. */
  count: number;
  /** Source rows: the source's name as last seen on an annotation. */
  label?: string;
  /** Source rows: the source's type. */
  type?: SourceType;
  /** Source rows: annotations per verdict. */
  verdicts?: Partial<Record<VerdictKey, number>>;
  /** Source rows: annotations per site. */
  sites?: Record<string, number>;
};

/** A change to one counter row. */
export type FacetDelta = {
  count: number;
  label?: string;
  type?: SourceType;
  verdicts?: Partial<Record<VerdictKey, number>>;
  sites?: Record<string, number>;
};

function add(record: Record<string, number>, key: string, by: number): void {
  record[key] = (record[key] ?? 0) + by;
}

/** Add what one index row counts for (`sign` +1) or no longer counts for (−1) to `deltas`. */
function contribute(deltas: Map<string, FacetDelta>, row: LibraryIndexRow, sign: 1 | -1, label?: string): void {
  const bump = (key: string): FacetDelta => {
    let delta = deltas.get(key);
    if (!delta) {
      delta = { count: 0 };
      deltas.set(key, delta);
    }
    delta.count += sign;
    return delta;
  };
  bump(FACET_ALL);
  const source = bump(facetKey('source', row.source));
  add((source.verdicts ??= {}) as Record<string, number>, row.verdict, sign);
  add((source.sites ??= {}), row.site, sign);
  if (sign > 0) {
    source.label = label || 'No source found';
    source.type = row.sourceType;
  }
  bump(facetKey('site', row.site));
  bump(facetKey('type', row.sourceType));
  bump(facetKey('verdict', row.verdict));
  bump(facetKey('origin', row.origin));
  for (const tag of row.tags) bump(facetKey('tag', tag));
}

/** The counter changes of replacing index rows (a row absent on one side is counted only on the other). */
export function facetDeltasOfRows(changes: Iterable<IndexRowChange>): Map<string, FacetDelta> {
  const deltas = new Map<string, FacetDelta>();
  for (const { before, after, label } of changes) {
    if (before) contribute(deltas, before, -1);
    if (after) contribute(deltas, after, 1, label);
  }
  return deltas;
}

/**
 * The counter changes of replacing annotations: each pair is the stored version before (or
 * undefined) and the one written (or undefined for a removal). Tombstones count for nothing.
 */
export function facetDeltas(changes: Iterable<readonly [Annotation | undefined, Annotation | undefined]>): Map<string, FacetDelta> {
  const rows: IndexRowChange[] = [];
  for (const [before, after] of changes) {
    rows.push({ before: before && indexRowOf(before), after: after && indexRowOf(after), label: after && sourceLabelOf(after) });
  }
  return facetDeltasOfRows(rows);
}

/** A counter row after a change; null when nothing is left to count (the row is deleted). */
export function applyFacetDelta(key: string, row: FacetRow | undefined, delta: FacetDelta): FacetRow | null {
  const count = (row?.count ?? 0) + delta.count;
  if (count <= 0) return null;
  const next: FacetRow = { ...row, key, count };
  if (delta.label !== undefined) next.label = delta.label;
  if (delta.type !== undefined) next.type = delta.type;
  if (delta.verdicts) {
    const verdicts: Record<string, number> = { ...next.verdicts };
    for (const [k, n] of Object.entries(delta.verdicts)) add(verdicts, k, n ?? 0);
    next.verdicts = prune(verdicts);
  }
  if (delta.sites) {
    const sites: Record<string, number> = { ...next.sites };
    for (const [k, n] of Object.entries(delta.sites)) add(sites, k, n);
    next.sites = prune(sites);
  }
  return next;
}

function prune<T extends Record<string, number>>(record: T): T {
  for (const key of Object.keys(record)) if ((record[key] ?? 0) <= 0) delete record[key];
  return record;
}

/** The counter rows of a whole library, computed from its annotations (a rebuild, or a test's reference). */
export function facetRowsOf(annotations: Iterable<Annotation>): FacetRow[] {
  const deltas = facetDeltas([...annotations].map((a) => [undefined, a] as const));
  const rows: FacetRow[] = [];
  for (const [key, delta] of deltas) {
    const row = applyFacetDelta(key, undefined, delta);
    if (row) rows.push(row);
  }
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
