/**
 * Which annotations an export covers: everything, or a selection by page, dates, source or ids.
 * A pure predicate, so the store can apply it while it streams rows and the command line and
 * tests apply it to arrays. Pure.
 */
import type { Annotation } from '../model';

/** A selection; every given criterion must hold (an empty selection takes every live annotation). */
export type ExportSelection = {
  /** Only annotations on this page (normalised URL, as stored). */
  url?: string;
  /** Only annotations created at or after this ISO 8601 time. */
  from?: string;
  /** Only annotations created before this ISO 8601 time (exclusive, so `to` = next midnight takes a whole day). */
  to?: string;
  /** Only annotations attributing the claim to this registry source id (at any place in a chain). */
  sourceId?: string;
  /** Only these annotation ids (e.g. the library's selection). */
  ids?: readonly string[];
  /** Also deleted annotations (tombstones); false by default, true for a full native backup. */
  includeDeleted?: boolean;
};

/** A predicate for one selection; build it once and test many annotations. */
export function selectionPredicate(selection: ExportSelection): (annotation: Annotation) => boolean {
  const ids = selection.ids ? new Set(selection.ids) : null;
  const from = selection.from === undefined ? null : Date.parse(selection.from);
  const to = selection.to === undefined ? null : Date.parse(selection.to);
  if (from !== null && Number.isNaN(from)) throw new Error(`The start date ${JSON.stringify(selection.from)} is not an ISO 8601 date.`);
  if (to !== null && Number.isNaN(to)) throw new Error(`The end date ${JSON.stringify(selection.to)} is not an ISO 8601 date.`);
  return (annotation) => {
    if (annotation.deletedAt !== undefined && !selection.includeDeleted) return false;
    if (selection.url !== undefined && annotation.url !== selection.url) return false;
    if (ids && !ids.has(annotation.id)) return false;
    if (from !== null || to !== null) {
      const created = Date.parse(annotation.createdAt);
      if (from !== null && !(created >= from)) return false;
      if (to !== null && !(created < to)) return false;
    }
    if (selection.sourceId !== undefined && !annotation.attributions.some((a) => a.source?.id === selection.sourceId)) return false;
    return true;
  };
}

/** Filter any stream of annotations by a selection, lazily. */
export async function* selectAnnotations(
  annotations: Iterable<Annotation> | AsyncIterable<Annotation>,
  selection: ExportSelection,
): AsyncGenerator<Annotation> {
  const keep = selectionPredicate(selection);
  for await (const annotation of annotations) if (keep(annotation)) yield annotation;
}
