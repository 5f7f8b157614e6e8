/** The background's sync service: alarm, backoff, "Sync now", no overlapping runs. Real server, fake alarms. */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncService, SYNC_ALARM, SYNC_PERIOD_MINUTES, type AlarmsApi } from '../../../lib/background/sync-service';
import { putAnnotations, saveAnnotation } from '../../../lib/store/annotations';
import { readSyncStatus, updateSyncStatus } from '../../../lib/store/sync-store';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../../lib/sync/settings';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { makeAnnotation, openTestDb } from '../support/store-fixtures';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => {
  await server.close();
});

function fakeAlarms() {
  const created: { name: string; info: object }[] = [];
  const alarms: AlarmsApi = {
    get: async (name) => (created.some((a) => a.name === name) ? { name } : undefined),
    create: (name, info) => {
      created.push({ name, info });
    },
  };
  return { alarms, created };
}

async function setUp(enabled = true) {
  const database = `svc-${crypto.randomUUID().slice(0, 8)}`;
  await server.createDatabase(database);
  const settings: SyncSettings = { ...DEFAULT_SYNC_SETTINGS, enabled, serverUrl: server.url, database, auth: { kind: 'session-cookie' }, share: 'everything' };
  const db = openTestDb();
  const { alarms, created } = fakeAlarms();
  const service = createSyncService({ db, loadSettings: async () => settings, alarms });
  return { db, service, created, database };
}

describe('the sync service', () => {
  it('creates its alarm once, every minute', async () => {
    const { db, service, created } = await setUp();
    await service.schedule();
    await service.schedule();
    expect(created).toEqual([{ name: SYNC_ALARM, info: { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES } }]);
    await db.delete();
  });

  it('does nothing while sync is off, and says so', async () => {
    const { db, service } = await setUp(false);
    await saveAnnotation(db, makeAnnotation());
    expect(await service.onAlarm(SYNC_ALARM)).toMatchObject({ ok: false, skipped: 'off' });
    expect(await service.onAlarm('another-alarm')).toBeNull();
    expect(await db.outbox.count()).toBe(1);
    await db.delete();
  });

  it('lets the alarm wait out the backoff, but not "Sync now"', async () => {
    const { db, service, database } = await setUp();
    await saveAnnotation(db, makeAnnotation());
    await updateSyncStatus(db, (s) => ({ ...s, failures: 3, nextAttemptAt: new Date(Date.now() + 60_000).toISOString() }));
    expect(await service.onAlarm(SYNC_ALARM)).toMatchObject({ ok: false, skipped: 'waiting' });
    expect(await db.outbox.count()).toBe(1);
    expect(await service.syncNow()).toMatchObject({ ok: true, pushed: 1 });
    expect(await server.allDocs(database)).toHaveLength(1);
    expect((await readSyncStatus(db)).nextAttemptAt).toBeNull();
    await db.delete();
  });

  it('never runs twice at once: "Sync now" during a run runs once more afterwards, for changes made meanwhile', async () => {
    const { db, service, database } = await setUp();
    await putAnnotations(db, Array.from({ length: 50 }, (_, i) => makeAnnotation({ id: `a${i}` })));
    let inFlight = 0;
    let most = 0;
    server.onBulkDocs = () => {
      inFlight++;
      most = Math.max(most, inFlight);
      return new Promise<void>((resolve) => setTimeout(() => {
        inFlight--;
        resolve();
      }, 50));
    };
    const first = service.syncNow();
    const alarm = service.onAlarm(SYNC_ALARM);
    await saveAnnotation(db, makeAnnotation({ id: 'late' }));
    const second = service.syncNow();
    const third = service.syncNow();
    expect(await alarm).toBe(await first);
    expect(await second).toBe(await third);
    server.onBulkDocs = null;
    expect(most).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await server.allDocs(database)).toHaveLength(51);
    await db.delete();
  });
});
