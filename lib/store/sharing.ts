/**
 * Marking a source entry (and so its rating) shared with the team, or private again. Sync sends
 * only shared entries when the user chose to share only what is marked (Options → Team sync).
 * Like every local change, it goes into the sync outbox in the same transaction.
 */
import type { Source, SourceRef } from '../model';
import type { SourcemarkDb } from './db';
import { queueChanges } from './outbox';

/**
 * Set `shared` on a source. A source not stored yet is stored from `ref` (a built-in keeps
 * `builtin: true`: the row only overlays the flag). Stamps `updatedAt`. Returns the stored row.
 */
export async function shareSource(db: SourcemarkDb, ref: SourceRef & { builtin: boolean }, shared: boolean, now = new Date()): Promise<Source> {
  return db.transaction('rw', db.sources, db.outbox, async () => {
    const existing = await db.sources.get(ref.id);
    const { shared: _was, ...rest } = existing ?? { id: ref.id, name: ref.name, type: ref.type, aliases: [], builtin: ref.builtin };
    const saved: Source = { ...rest, ...(shared && { shared: true }), updatedAt: now.toISOString() };
    await db.sources.put(saved);
    await queueChanges(db, 'source', [saved.id], now);
    return saved;
  });
}
