/**
 * The store's round trip, for generated annotation sets (fast-check, lib/exchange's arbitraries:
 * hostile text, lone surrogates, odd ids): import into an empty store → export from it → import
 * that file into another empty store → export again gives the identical native JSON, and the
 * annotations come out exactly as they went in.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourcemarkDb } from '../../../lib/store/db';
import { applyImportPlan, planImport } from '../../../lib/store/exchange';
import { exportToBlob } from '../../../lib/store/exchange-export';
import { readImportText } from '../../../lib/store/exchange-formats';
import { annotationsArb, sourcesArb } from '../exchange/arbitraries';
import { openTestDb } from '../support/store-fixtures';

const OPTIONS = { version: '0.1.0', now: new Date('2025-03-04T05:06:07.890Z') };

/** Import `text` into a fresh store and export it again. */
async function throughStore(text: string): Promise<{ db: SourcemarkDb; exported: string }> {
  const read = readImportText(text);
  if (!read.ok) throw new Error(read.error);
  const db = openTestDb();
  await applyImportPlan(db, await planImport(db, read.value, { chunkSize: 3 }), { chunkSize: 3 });
  const exported = await (await exportToBlob(db, { kind: 'all' }, 'json', { ...OPTIONS, pageSize: 4 })).blob.text();
  return { db, exported };
}

describe('the store’s export → import round trip', () => {
  it('gives the identical native JSON and the same annotations', async () => {
    await fc.assert(
      fc.asyncProperty(annotationsArb(8), sourcesArb(3), async (annotations, sources) => {
        const seed = openTestDb();
        try {
          await applyImportPlan(seed, await planImport(seed, { annotations, sources }));
          const first = await (await exportToBlob(seed, { kind: 'all' }, 'json', OPTIONS)).blob.text();
          const { db, exported } = await throughStore(first);
          try {
            expect(exported).toBe(first);
            const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
            expect(await db.annotations.toArray()).toEqual([...annotations].sort(byId));
            // Re-importing the same file into the store it came from writes nothing.
            const reread = readImportText(first);
            if (!reread.ok) throw new Error(reread.error);
            const again = await planImport(db, reread.value);
            expect(again.annotations.unchanged).toHaveLength(annotations.length);
            expect(again.annotations.added.length + again.annotations.updated.length + again.annotations.skipped.length).toBe(0);
          } finally {
            await db.delete();
          }
        } finally {
          await seed.delete();
        }
      }),
      { numRuns: 25 },
    );
  });
});
