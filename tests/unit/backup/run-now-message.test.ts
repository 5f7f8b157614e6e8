import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../../lib/background/handle-request';
import { createBackupRunPort } from '../../../lib/backup/ports';
import type { BackupRunResult } from '../../../lib/backup/state';
import { parseBackgroundRequest, type BackgroundRequest } from '../../../lib/messages';
import type { SourcemarkDb } from '../../../lib/store/db';
import { openTestDb } from '../support/store-fixtures';

const SELF = { id: 'sourcemark-test' };
const dbs: SourcemarkDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

function handler(runBackup?: () => Promise<BackupRunResult>) {
  const db = openTestDb();
  dbs.push(db);
  return createRequestHandler({
    db,
    extensionId: SELF.id,
    logError: () => undefined,
    ...(runBackup ? { runBackup } : {}),
  });
}

describe('the "Back up now" message', () => {
  it('is part of the protocol, with no fields', () => {
    expect(parseBackgroundRequest({ type: 'backup:run-now' })).toEqual({ ok: true, value: { type: 'backup:run-now' } });
    expect(parseBackgroundRequest({ type: 'backup:run-now', force: true }).ok).toBe(false);
  });

  it('runs the backup in the background and answers its result', async () => {
    const written: BackupRunResult = { kind: 'written', at: '2026-01-01T00:00:00.000Z', filename: 'Sourcemark/b.json', annotationCount: 1, sourceCount: 0 };
    const handle = handler(async () => written);
    expect(await handle({ type: 'backup:run-now' }, SELF)).toEqual({ ok: true, value: written });
  });

  it('fails in words where no backup runner was given', async () => {
    expect(await handler()({ type: 'backup:run-now' }, SELF)).toEqual({
      ok: false,
      error: 'Backup failed: backups are not available in this part of the extension.',
    });
  });

  it('reaches the background through the pages’ port, which never rejects', async () => {
    const handle = handler(async () => ({ kind: 'unchanged', at: '2026-01-01T00:00:00.000Z' }));
    const port = createBackupRunPort({ sendMessage: async (message: BackgroundRequest) => handle(message, SELF) });
    expect(await port()).toEqual({ ok: true, value: { kind: 'unchanged', at: '2026-01-01T00:00:00.000Z' } });
    const down = createBackupRunPort({ sendMessage: async () => Promise.reject(new Error('Receiving end does not exist.')) });
    expect(await down()).toEqual({ ok: false, error: "Couldn't reach the extension background: Receiving end does not exist." });
  });
});
