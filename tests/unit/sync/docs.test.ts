import { describe, expect, it } from 'vitest';
import { annotationDoc, docIdOf, parseDocId, readSyncDoc, sourceDoc } from '../../../lib/sync/docs';
import { checkSyncSettings, DEFAULT_SYNC_SETTINGS, originPatternOf, parseSyncSettings } from '../../../lib/sync/settings';
import { makeAnnotation } from '../support/store-fixtures';

describe('document ids', () => {
  it('prefix the record id with its kind, and read back', () => {
    expect(docIdOf('annotation', 'abc')).toBe('annotation:abc');
    expect(parseDocId('source:kcna')).toEqual({ kind: 'source', id: 'kcna' });
    expect(parseDocId('source:a:b')).toEqual({ kind: 'source', id: 'a:b' });
    expect(parseDocId('_design/x')).toBeNull();
    expect(parseDocId('page:x')).toBeNull();
  });
});

describe('readSyncDoc', () => {
  const annotation = makeAnnotation();
  it('takes Sourcemark documents as written', () => {
    const doc = { ...annotationDoc(annotation), _rev: '1-a' };
    expect(readSyncDoc(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, doc });
    const removed = { ...sourceDoc('kcna', null, '2024-01-01T00:00:00.000Z'), _rev: '2-b' };
    expect(readSyncDoc(removed)).toEqual({ ok: true, doc: removed });
  });

  it.each([
    ['an id that does not match the record', { ...annotationDoc(annotation), _id: 'annotation:other' }, /not a valid annotation/],
    ['a newer schema', { ...annotationDoc(annotation), schemaVersion: 99 }, /newer than this Sourcemark/],
    ['a record without its fields', { _id: 'annotation:x', kind: 'annotation', schemaVersion: 1, updatedAt: 'x', annotation: { id: 'x' } }, /not a valid annotation/],
    ['a stranger', { _id: 'todo-1', title: 'x' }, /not a Sourcemark document/],
  ])('rejects %s, in words', (_name, raw, reason) => {
    const read = readSyncDoc(raw);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.rejection.reason).toMatch(reason);
  });
});

describe('sync settings', () => {
  const entered = { ...DEFAULT_SYNC_SETTINGS, enabled: true, serverUrl: ' https://couch.example.org/ ', database: 'desk-a', auth: { kind: 'password' as const, username: ' ana ', password: 'pw' } };

  it('cleans what the user typed', () => {
    const checked = checkSyncSettings(entered);
    expect(checked).toEqual({ ok: true, settings: { ...entered, serverUrl: 'https://couch.example.org', auth: { kind: 'password', username: 'ana', password: 'pw' } } });
    expect(originPatternOf('https://couch.example.org:6984/x')).toBe('https://couch.example.org:6984/*');
  });

  it('names each field that is wrong', () => {
    const checked = checkSyncSettings({ ...entered, serverUrl: 'ftp://x', database: 'Desk', auth: { kind: 'password', username: '', password: '' } });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.field)).toEqual(['serverUrl', 'database', 'username', 'password']);
  });

  it('falls back to sync off for anything malformed in storage', () => {
    expect(parseSyncSettings({ enabled: 'yes' })).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(parseSyncSettings(undefined)).toEqual(DEFAULT_SYNC_SETTINGS);
  });
});
