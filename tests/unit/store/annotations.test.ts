import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allAnnotations, annotationsForPage, deleteAnnotation, saveAnnotation } from '../../../lib/store/annotations';
import type { SourcemarkDb } from '../../../lib/store/db';
import { makeAnnotation, openTestDb } from '../support/store-fixtures';

const FIRST_SAVE = new Date('2024-06-01T12:00:00.000Z');
const SECOND_SAVE = new Date('2024-06-02T08:30:00.000Z');
const PAGE = 'https://news.example/korea-russia';
const OTHER_PAGE = 'https://news.example/elsewhere';

let db: SourcemarkDb;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  await db.delete();
});

describe('saveAnnotation', () => {
  it('stores a new annotation with updatedAt stamped from the clock, not the caller', async () => {
    const input = makeAnnotation({ updatedAt: '1999-01-01T00:00:00.000Z' });
    const saved = await saveAnnotation(db, input, FIRST_SAVE);
    expect(saved).toEqual({ ...input, updatedAt: FIRST_SAVE.toISOString() });
    expect(await db.annotations.get(input.id)).toEqual(saved);
  });

  it('keeps the stored createdAt when an annotation is saved again, and restamps updatedAt', async () => {
    const original = await saveAnnotation(db, makeAnnotation(), FIRST_SAVE);
    const edited = makeAnnotation({ note: 'Check against Yonhap', createdAt: '2030-01-01T00:00:00.000Z' });
    const saved = await saveAnnotation(db, edited, SECOND_SAVE);
    expect(saved.createdAt).toBe(original.createdAt);
    expect(saved.updatedAt).toBe(SECOND_SAVE.toISOString());
    expect(saved.note).toBe('Check against Yonhap');
    expect(await db.annotations.get(edited.id)).toEqual(saved);
    expect(await db.annotations.count()).toBe(1);
  });
});

describe('annotationsForPage', () => {
  it('returns the live annotations of that URL only, oldest first', async () => {
    const newer = makeAnnotation({ id: 'newer', createdAt: '2024-05-03T00:00:00.000Z' });
    const older = makeAnnotation({ id: 'older', createdAt: '2024-05-01T00:00:00.000Z' });
    const elsewhere = makeAnnotation({ id: 'elsewhere', url: OTHER_PAGE });
    const deleted = makeAnnotation({ id: 'deleted', deletedAt: '2024-05-04T00:00:00.000Z' });
    for (const a of [newer, older, elsewhere, deleted]) await saveAnnotation(db, a, FIRST_SAVE);

    const ids = (await annotationsForPage(db, PAGE)).map((a) => a.id);
    expect(ids).toEqual(['older', 'newer']);
  });

  it('returns an empty list for a page with nothing saved', async () => {
    await saveAnnotation(db, makeAnnotation(), FIRST_SAVE);
    expect(await annotationsForPage(db, OTHER_PAGE)).toEqual([]);
  });
});

describe('deleteAnnotation', () => {
  it('keeps the row as a tombstone: deletedAt and updatedAt set, hidden from the page, kept in allAnnotations', async () => {
    const saved = await saveAnnotation(db, makeAnnotation(), FIRST_SAVE);
    await deleteAnnotation(db, saved.id, SECOND_SAVE);

    const row = await db.annotations.get(saved.id);
    expect(row).toEqual({ ...saved, deletedAt: SECOND_SAVE.toISOString(), updatedAt: SECOND_SAVE.toISOString() });
    expect(await annotationsForPage(db, PAGE)).toEqual([]);
    expect((await allAnnotations(db)).map((a) => a.id)).toEqual([saved.id]);
  });

  it('throws, naming the id, when there is no such annotation, and writes nothing', async () => {
    await expect(deleteAnnotation(db, 'no-such-id', SECOND_SAVE)).rejects.toThrow(
      'No annotation with id no-such-id to delete.',
    );
    expect(await db.annotations.count()).toBe(0);
  });
});
