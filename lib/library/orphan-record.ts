/**
 * Which saved annotations could not be found on their page the last time the page was read, by
 * page URL: the library lists them ("Not found on their page") so the user can open the page and
 * re-attach them from the popup, or delete them. Only the content script can anchor, so the
 * record is what the pages last reported; an annotation found again leaves it. Pure.
 */

/** Orphaned annotation ids by normalised page URL (no key for a page with none). */
export type OrphanRecord = Readonly<Record<string, readonly string[]>>;

/** The `storage.local` key the record is kept under. */
export const ORPHAN_RECORD_KEY = 'orphanedAnnotations';

/**
 * `record` with `url`'s list replaced by `orphanIds` (the page's full report: ids no longer in it
 * were found again, or deleted); a page with none leaves the record. The same record object is
 * returned when nothing changed, so callers can skip the write.
 */
export function recordPageOrphans(record: OrphanRecord, url: string, orphanIds: readonly string[]): OrphanRecord {
  const ids = [...new Set(orphanIds)].sort();
  const before = record[url] ?? [];
  if (before.length === ids.length && before.every((id, i) => id === ids[i])) return record;
  const { [url]: _old, ...rest } = record;
  return ids.length > 0 ? { ...rest, [url]: ids } : rest;
}

/** Every orphaned id in the record, each once, sorted. */
export function orphanIdsOf(record: OrphanRecord): string[] {
  return [...new Set(Object.values(record).flat())].sort();
}

/** The record in a stored value: string lists under string keys; anything else is dropped. */
export function parseOrphanRecord(raw: unknown): OrphanRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const record: Record<string, string[]> = {};
  for (const [url, ids] of Object.entries(raw)) {
    if (!Array.isArray(ids)) continue;
    const valid = ids.filter((id): id is string => typeof id === 'string' && id !== '');
    if (valid.length > 0) record[url] = [...new Set(valid)].sort();
  }
  return record;
}
