/**
 * The merge rule: what a device keeps when its unsent edit of a record meets another device's
 * edit of the same record. Every device applies the same rule to the same two versions and gets
 * the same result, whichever side it is on, so the team converges without a server of our own:
 *
 * 1. The version with the later `updatedAt` wins (ISO 8601 UTC strings compare as times).
 * 2. A tie is broken by the canonical JSON text of the two versions (the greater wins): arbitrary,
 *    but the same on every device.
 * 3. Nothing is dropped: the losing annotation goes into the winner's `history` (reason
 *    `conflict`, `replacedAt` = the winner's `updatedAt`, so both sides write the same entry);
 *    the losing rating of a source goes into its `ratingHistory`. Histories of both sides are
 *    united, without duplicates, oldest first.
 */
import type { Annotation, AnnotationVersion, Source, SourceRating } from '../model';
import { canonicalJson } from './canonical-json';

/** Which of two versions wins: `first` or `second`; `same` when their content is identical. */
export type Winner = 'first' | 'second' | 'same';

/**
 * Compare two versions of one record by the merge rule (history fields left out of the
 * comparison: they are what merging adds, not the user's edit).
 */
export function pickWinner<T extends { updatedAt?: string }>(first: T, second: T, content: (v: T) => unknown): Winner {
  const a = first.updatedAt ?? '';
  const b = second.updatedAt ?? '';
  if (a !== b) return a > b ? 'first' : 'second';
  const ka = canonicalJson(content(first));
  const kb = canonicalJson(content(second));
  if (ka === kb) return 'same';
  return ka > kb ? 'first' : 'second';
}

/** An annotation without its history: the user's edit itself. */
export function annotationContent(annotation: Annotation): Omit<Annotation, 'history'> {
  const { history: _history, ...content } = annotation;
  return content;
}

/** A source row without its rating history. */
function sourceContent(source: Source): Omit<Source, 'ratingHistory'> {
  const { ratingHistory: _history, ...content } = source;
  return content;
}

/**
 * Merge two versions of one annotation (see the module comment). Symmetric: `mergeAnnotations(a, b)`
 * and `mergeAnnotations(b, a)` give the same canonical JSON.
 */
export function mergeAnnotations(local: Annotation, remote: Annotation): Annotation {
  const winner = pickWinner(local, remote, annotationContent);
  const [kept, lost] = winner === 'second' ? [remote, local] : [local, remote];
  const versions = [...(local.history ?? []), ...(remote.history ?? [])];
  if (winner !== 'same') versions.push({ reason: 'conflict', replacedAt: kept.updatedAt, annotation: annotationContent(lost) });
  const history = uniteVersions(versions);
  const merged: Annotation = { ...annotationContent(kept) };
  if (history.length > 0) merged.history = history;
  return merged;
}

/** Versions without duplicates, oldest first (by `replacedAt`, then the version's own time, then content). */
function uniteVersions(versions: readonly AnnotationVersion[]): AnnotationVersion[] {
  const byKey = new Map<string, AnnotationVersion>();
  for (const version of versions) byKey.set(canonicalJson(version), version);
  return [...byKey.entries()]
    .sort(([ka, a], [kb, b]) => compareStrings(a.replacedAt, b.replacedAt) || compareStrings(a.annotation.updatedAt, b.annotation.updatedAt) || compareStrings(ka, kb))
    .map(([, version]) => version);
}

/**
 * Merge two versions of one source row: the later `updatedAt` wins; the losing side's rating, if
 * the winner's differs, joins `ratingHistory` (oldest first by `ratedAt`, no duplicates), so no
 * rating is lost. A removed row (null) is a version like any other: `removedAt` is its time.
 */
export function mergeSources(local: Source | null, localRemovedAt: string, remote: Source | null, remoteRemovedAt: string): Source | null {
  if (local === null && remote === null) return null;
  const lv = local ?? { updatedAt: localRemovedAt };
  const rv = remote ?? { updatedAt: remoteRemovedAt };
  const content = (v: Source | { updatedAt: string }) => ('id' in v ? sourceContent(v) : null);
  const winner = pickWinner<Source | { updatedAt: string }>(lv, rv, content);
  const kept = winner === 'second' ? remote : local;
  const lost = winner === 'second' ? local : remote;
  if (kept === null) return null;
  const ratings: SourceRating[] = [...(local?.ratingHistory ?? []), ...(remote?.ratingHistory ?? [])];
  if (lost?.rating && canonicalJson(lost.rating) !== canonicalJson(kept.rating ?? null)) ratings.push(lost.rating);
  const byKey = new Map<string, SourceRating>();
  for (const rating of ratings) byKey.set(canonicalJson(rating), rating);
  if (kept.rating) byKey.delete(canonicalJson(kept.rating));
  const ratingHistory = [...byKey.entries()]
    .sort(([ka, a], [kb, b]) => compareStrings(a.ratedAt, b.ratedAt) || compareStrings(ka, kb))
    .map(([, rating]) => rating);
  const merged: Source = { ...sourceContent(kept) };
  if (ratingHistory.length > 0) merged.ratingHistory = ratingHistory;
  return merged;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
