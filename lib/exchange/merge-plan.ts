/**
 * What an import would change, decided before anything is written: for each incoming record,
 * add it (new id), update (it is newer than ours), leave it (the same), or skip it (ours is
 * newer, or the two differ at the same time), with the reason. The caller shows the summary,
 * then writes `toWrite` in one transaction. Re-importing a file is all `unchanged`: no
 * duplicates, ids are the key. Pure.
 */
import type { Annotation, Source } from '../model';

/** Why an incoming record is not written. */
export type SkipReason =
  /** The stored record was changed later than the file's. */
  | { kind: 'older'; incomingUpdatedAt: string | null; existingUpdatedAt: string }
  /** Both changed at the same moment but differ: the stored one is kept, so nothing is overwritten on a guess. */
  | { kind: 'same-time-different-content'; updatedAt: string | null };

/** A record the import would overwrite, with the version it replaces (for the summary). */
export type PlannedUpdate<T> = { incoming: T; existing: T };

/** The plan for one kind of record. */
export type MergePlan<T> = {
  /** Not stored yet: written as new records. */
  added: T[];
  /** Newer in the file than in the store: overwrite the stored ones. */
  updated: PlannedUpdate<T>[];
  /** Identical to the stored record. */
  unchanged: T[];
  /** Not written, and why. */
  skipped: { record: T; reason: SkipReason }[];
};

/** A record merge plans over: an id, and the time of its last change (absent on untouched built-in sources). */
export type Mergeable = { id: string; updatedAt?: string };

/** The moment a timestamp names (ISO strings with and without milliseconds or offsets compare right); -Infinity when absent. */
function timeOf(iso: string | undefined): number {
  if (iso === undefined) return Number.NEGATIVE_INFINITY;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * True when two JSON-like values are equal as JSON: same keys (in any order; a key holding
 * `undefined` counts as absent, as in JSON) and equal values. Recursive: records are validated,
 * so their depth is the format's, a handful of levels. Compares without building strings, which
 * matters when a re-import of 100,000 records finds them all unchanged.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    count += 1;
    if (!sameJson(left[key], right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) count -= 1;
  return count === 0;
}

/**
 * Plan the merge of `incoming` records into `existing` ones (the stored records with the same
 * ids; pass what the store returned for them, missing ids simply absent). Newer `updatedAt` wins;
 * the same time and content is `unchanged`; the same time with other content is skipped.
 * Incoming ids are unique (the import checked).
 */
export function planMerge<T extends Mergeable>(incoming: readonly T[], existing: ReadonlyMap<string, T>): MergePlan<T> {
  const plan: MergePlan<T> = { added: [], updated: [], unchanged: [], skipped: [] };
  for (const record of incoming) {
    const stored = existing.get(record.id);
    if (stored === undefined) {
      plan.added.push(record);
      continue;
    }
    const mine = timeOf(record.updatedAt);
    const theirs = timeOf(stored.updatedAt);
    if (mine > theirs) {
      plan.updated.push({ incoming: record, existing: stored });
    } else if (mine < theirs) {
      plan.skipped.push({ record, reason: { kind: 'older', incomingUpdatedAt: record.updatedAt ?? null, existingUpdatedAt: stored.updatedAt ?? '' } });
    } else if (sameJson(record, stored)) {
      plan.unchanged.push(record);
    } else {
      plan.skipped.push({ record, reason: { kind: 'same-time-different-content', updatedAt: record.updatedAt ?? null } });
    }
  }
  return plan;
}

/** The records a plan writes: the added and the updated ones. */
export function recordsToWrite<T>(plan: MergePlan<T>): T[] {
  return [...plan.added, ...plan.updated.map((u) => u.incoming)];
}

/** Counts of a plan, for the summary the user confirms. */
export type MergeCounts = { added: number; updated: number; unchanged: number; skipped: number };

export function countPlan(plan: MergePlan<unknown>): MergeCounts {
  return { added: plan.added.length, updated: plan.updated.length, unchanged: plan.unchanged.length, skipped: plan.skipped.length };
}

/** The plan of a whole import: annotations and sources. */
export type ImportPlan = { annotations: MergePlan<Annotation>; sources: MergePlan<Source> };

/** Plan a whole import against the stored records with the same ids. */
export function planImport(
  incoming: { annotations: readonly Annotation[]; sources: readonly Source[] },
  existing: { annotations: ReadonlyMap<string, Annotation>; sources: ReadonlyMap<string, Source> },
): ImportPlan {
  return { annotations: planMerge(incoming.annotations, existing.annotations), sources: planMerge(incoming.sources, existing.sources) };
}

/** A skip reason in words, for the summary: `yours was changed later (2024-05-03 10:00 UTC)`. */
export function describeSkip(reason: SkipReason): string {
  const when = (iso: string | null) => (iso === null ? 'no date' : iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?(Z|[+-]\d\d:?\d\d)$/, '$1 $3').replace(/ Z$/, ' UTC'));
  return reason.kind === 'older'
    ? `the stored copy was changed later (${when(reason.existingUpdatedAt)}) than the file's (${when(reason.incomingUpdatedAt)})`
    : `the stored copy was changed at the same time (${when(reason.updatedAt)}) but differs; it was kept`;
}
