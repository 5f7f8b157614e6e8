import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExport, serialiseExport, type SourcemarkExport } from '../../../lib/exchange/sourcemark-json';
import { SCHEMA_VERSION } from '../../../lib/model';
import { putAnnotations } from '../../../lib/store/annotations';
import type { SourcemarkDb } from '../../../lib/store/db';
import { exportToBlob } from '../../../lib/store/exchange-export';
import { readImportText } from '../../../lib/store/exchange-formats';
import { rateSource } from '../../../lib/store/sources';
import { makeAnnotation, makeRating, makeSource, openTestDb } from '../support/store-fixtures';

const NOW = new Date('2025-03-04T05:06:07.890Z');
const OPTIONS = { version: '9.8.7', now: NOW };

let db: SourcemarkDb;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  await db.delete();
});

/** Three annotations (one on another page, one deleted) and two rated sources. */
async function seed() {
  const live = makeAnnotation({ id: 'a-live', note: 'Only KCNA reports this: “quoted” \u202e and <script>' });
  const elsewhere = makeAnnotation({ id: 'b-elsewhere', url: 'https://news.example/other' });
  const deleted = makeAnnotation({ id: 'c-deleted', deletedAt: '2024-06-01T13:00:00.000Z' });
  await putAnnotations(db, [deleted, live, elsewhere]);
  const kcna = await rateSource(db, { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true }, makeRating(), new Date('2024-06-01T12:00:00.000Z'));
  const user = makeSource({ rating: makeRating({ tier: 'mixed', score: 60 }) });
  await db.sources.put(user);
  return { live, elsewhere, deleted, kcna, user };
}

describe('exportToBlob as Sourcemark JSON', () => {
  it('writes, page by page, exactly the document the whole-string serialiser writes', async () => {
    const s = await seed();
    for (const pageSize of [1, 2, 3, 1000]) {
      const file = await exportToBlob(db, { kind: 'all' }, 'json', { ...OPTIONS, pageSize });
      const whole = serialiseExport(buildExport([s.live, s.elsewhere, s.deleted], [s.kcna, s.user].sort((a, b) => a.id.localeCompare(b.id)), OPTIONS));
      expect(await file.blob.text()).toBe(whole);
      expect(file).toMatchObject({ filename: 'sourcemark-export-2025-03-04T05-06-07.json', annotationCount: 3, sourceCount: 2 });
      expect(file.blob.type).toBe('application/json;charset=utf-8');
    }
  });

  it('writes every annotation, the deleted one too, with selectors and timestamps, and every source with its rating', async () => {
    const s = await seed();
    const doc = JSON.parse(await (await exportToBlob(db, { kind: 'all' }, 'json', OPTIONS)).blob.text()) as SourcemarkExport;
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.generator).toEqual({ name: 'Sourcemark', version: '9.8.7' });
    expect(doc.exportedAt).toBe(NOW.toISOString());
    expect(doc.annotations).toEqual([s.live, s.elsewhere, s.deleted]);
    expect(doc.sources.map((x) => x.rating?.tier).sort()).toEqual(['mixed', 'propaganda']);
    expect(Object.keys(doc).sort()).toEqual(['annotations', 'exportedAt', 'generator', 'schemaVersion', 'sources']);
  });

  it('writes an empty store as a valid, empty document', async () => {
    const file = await exportToBlob(db, { kind: 'all' }, 'json', OPTIONS);
    expect(file).toMatchObject({ annotationCount: 0, sourceCount: 0 });
    expect(await file.blob.text()).toBe(serialiseExport(buildExport([], [], OPTIONS)));
  });

  it('writes only the scope asked for: one page’s live annotations', async () => {
    const s = await seed();
    const file = await exportToBlob(db, { kind: 'page', url: s.live.url }, 'json', OPTIONS);
    expect((JSON.parse(await file.blob.text()) as SourcemarkExport).annotations).toEqual([s.live]);
  });

  it('reads back with the importer (a round trip)', async () => {
    const s = await seed();
    const read = readImportText(await (await exportToBlob(db, { kind: 'all' }, 'json', OPTIONS)).blob.text());
    expect(read.ok && read.value.annotations).toEqual([s.live, s.elsewhere, s.deleted]);
  });

  it('reports progress per page and stops when cancelled, making no file', async () => {
    await putAnnotations(db, Array.from({ length: 10 }, (_, i) => makeAnnotation({ id: `a-${i}` })));
    const seen: [number, number | null][] = [];
    const controller = new AbortController();
    const run = exportToBlob(db, { kind: 'all' }, 'json', {
      ...OPTIONS,
      pageSize: 4,
      signal: controller.signal,
      onProgress: (scanned, total) => {
        seen.push([scanned, total]);
        if (scanned === 8) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([
      [4, 10],
      [8, 10],
    ]);
  });
});
