/** The source repository: the user's own sources and their ratings of any source. */
import type { Source, SourceRating, SourceRef } from '../model';
import type { SourcemarkDb } from './db';

/** Every stored source (user entries and rated built-ins), by name. */
export async function listStoredSources(db: SourcemarkDb): Promise<Source[]> {
  const rows = await db.sources.toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Give a source a credibility rating. A source not stored yet is stored from `ref`
 * (a built-in keeps `builtin: true`, so the stored row only overlays the rating).
 */
export async function rateSource(
  db: SourcemarkDb,
  ref: SourceRef & { builtin: boolean; aliases?: string[] },
  rating: SourceRating,
  now = new Date(),
): Promise<Source> {
  return db.transaction('rw', db.sources, async () => {
    const existing = await db.sources.get(ref.id);
    const saved: Source = {
      ...(existing ?? { id: ref.id, name: ref.name, type: ref.type, aliases: ref.aliases ?? [], builtin: ref.builtin }),
      rating,
      updatedAt: now.toISOString(),
    };
    await db.sources.put(saved);
    return saved;
  });
}
