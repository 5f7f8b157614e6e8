/**
 * Automatic backups in real Chromium with the built extension, driven as a user would from the
 * options page and the popup. The schedule's alarm is fired through the real `alarms` API (an
 * unpacked extension's alarm may fire at once), and the service worker is stopped through the
 * DevTools protocol between runs, as Chrome does to idle workers.
 *
 * Under Playwright the downloads land under random names (see SETUP-NOTES), so files are found
 * through `chrome.downloads.search` in the worker and checked by content; the names asked for are
 * checked in the unit tests of lib/backup.
 */
import type { BrowserContext, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import Ajv2020 from 'ajv/dist/2020.js';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseImport } from '../../lib/exchange/parse-import';
import { SCHEMA_VERSION } from '../../lib/model';
import { extensionId, extensionWorker } from '../../scripts/chromium';
import { expect, openPopup, tags, test } from './fixtures';

/** The alarm's name (lib/backup/service.ts). */
const BACKUP_ALARM = 'sourcemark-backup';
/** The state's storage key (lib/backup/state.ts). */
const STATE_KEY = 'sourcemark:backup-state';

type DownloadRow = { id: number; filename: string; state: string; exists: boolean };
type StoredState = { lastCheckedAt?: string; lastOutcome?: { kind: string; at: string }; files: { downloadId: number; path: string }[] };
type ChromeApi = {
  downloads: { search(q: object): Promise<DownloadRow[]> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  alarms: {
    get(name: string): Promise<{ name: string; periodInMinutes?: number; scheduledTime: number } | undefined>;
    create(name: string, info: object): Promise<void>;
  };
};

/** Completed downloads the extension made, oldest first. */
async function completedDownloads(context: BrowserContext): Promise<DownloadRow[]> {
  const worker = await extensionWorker(context);
  const rows = await worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return chrome.downloads.search({ state: 'complete', orderBy: ['startTime'] });
  });
  return rows;
}

/** The backup state the background stored. */
async function backupState(context: BrowserContext): Promise<StoredState> {
  const worker = await extensionWorker(context);
  return worker.evaluate(async (key) => {
    const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return ((await chrome.storage.local.get(key))[key] ?? { files: [] }) as StoredState;
  }, STATE_KEY);
}

/**
 * Fire the backup alarm now, through the real alarms API and the worker's real listener: the
 * alarm is set again under its name, due now, with the period the settings gave it. Resolves
 * once the run it started has stored its outcome.
 */
async function fireBackupAlarm(context: BrowserContext): Promise<StoredState> {
  const before = (await backupState(context)).lastOutcome?.at ?? '';
  const worker = await extensionWorker(context);
  await worker.evaluate(async (name) => {
    const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const alarm = await chrome.alarms.get(name);
    if (!alarm) throw new Error('The backup alarm is not set.');
    await chrome.alarms.create(name, { when: Date.now(), periodInMinutes: alarm.periodInMinutes });
  }, BACKUP_ALARM);
  let state: StoredState = { files: [] };
  await expect
    .poll(async () => {
      state = await backupState(context);
      return state.lastOutcome?.at ?? '';
    }, { message: 'the alarm’s run stores its outcome' })
    .not.toBe(before);
  return state;
}

/** Stop the extension's service worker, as Chrome does to an idle one (DevTools protocol). */
async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/** Annotate the claim containing `text` on the reference article through the popup. */
async function annotate(context: BrowserContext, origin: string, text: string, note: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${origin}/seed-article.html`);
  await expect(tags(page).first()).toBeVisible();
  const popup = await openPopup(context, page);
  const claim = popup.getByTestId('claim').filter({ hasText: text });
  await claim.getByLabel('Note').fill(note);
  await claim.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toContainText(/Saved the annotation/);
  await popup.close();
  await page.close();
}

async function openOptions(context: BrowserContext): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await expect(options.getByRole('heading', { name: 'Automatic backups' })).toBeVisible();
  return options;
}

const exportSchema = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'schema', 'sourcemark-export.schema.json'), 'utf8'));
const validateExport = new Ajv2020({ strict: true }).compile(exportSchema);

/**
 * A backup file's content, parsed, after checking it is a valid Sourcemark export: it matches the
 * published JSON Schema and Sourcemark's own importer takes it.
 */
async function readBackup(path: string): Promise<{ annotations: { note: string }[] }> {
  const text = await readFile(path, 'utf8');
  const doc = JSON.parse(text);
  expect(validateExport(doc), JSON.stringify(validateExport.errors)).toBe(true);
  expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
  const imported = parseImport(text);
  expect(imported.ok, imported.ok ? '' : imported.error.message).toBe(true);
  return doc;
}

test.describe('automatic backups', () => {
  test('write a file when something changed, skip when nothing did, keep the newest N, across a stopped worker', async ({ launch, server }) => {
    const context = await launch();
    await annotate(context, server.origin, 'working groups had reached a deal', 'first note');
    const options = await openOptions(context);
    const section = options.getByTestId('backups');

    // The browser's answer to persist() is shown in words, whichever it is.
    await expect(section.getByTestId('persistence')).toHaveText(/^Persistent storage: (granted|refused)\./);

    await section.getByLabel('Files to keep').fill('2');
    await section.getByLabel('Files to keep').press('Tab');
    await expect(section.getByTestId('backup-status')).toContainText('Keeping the last 2 backup files.');
    await section.getByLabel('How often').selectOption({ label: 'Every 15 minutes' });
    await section.getByRole('switch', { name: 'Back up automatically' }).check();
    await expect(section.getByTestId('backup-schedule')).toContainText('Automatic backups are on: checked every 15 minutes');

    // Turning backups on runs the first check: there was never a backup, so one is written.
    await expect(section.getByTestId('backup-last')).toContainText(/Sourcemark\/sourcemark-backup-.*\.json \(1 annotation, 0 sources\)/);
    let files = await completedDownloads(context);
    expect(files).toHaveLength(1);
    const first = files[0]!;
    expect((await readBackup(first.filename)).annotations.map((a) => a.note)).toEqual(['first note']);
    const alarm = await (await extensionWorker(context)).evaluate(
      (name) => (globalThis as unknown as { chrome: ChromeApi }).chrome.alarms.get(name),
      BACKUP_ALARM,
    );
    expect(alarm?.periodInMinutes).toBe(15);

    // "Back up now" writes whatever changed.
    await section.getByRole('button', { name: 'Back up now' }).click();
    await expect(section.getByTestId('backup-status')).toContainText(/^Backed up 1 annotation and 0 sources to Sourcemark\/sourcemark-backup-/);
    await expect.poll(async () => (await completedDownloads(context)).length).toBe(2);

    // The alarm with nothing changed: no new file, and the page says why.
    let state = await fireBackupAlarm(context);
    expect(state.lastOutcome?.kind).toBe('unchanged');
    expect(await completedDownloads(context)).toHaveLength(2);
    await expect(section.getByTestId('backup-last-run')).toContainText('nothing changed since the last backup');

    // The worker is stopped; a change is made; the next alarm wakes it and writes a new file,
    // and with "keep 2" the oldest backup is deleted from disk and from the downloads list.
    await stopServiceWorker(context, options);
    await annotate(context, server.origin, 'American authorities claimed', 'second note');
    state = await fireBackupAlarm(context);
    expect(state.lastOutcome?.kind).toBe('written');
    files = await completedDownloads(context);
    expect(files).toHaveLength(2);
    expect(files.map((f) => f.id)).not.toContain(first.id);
    expect(existsSync(first.filename)).toBe(false);
    const newest = files.at(-1)!;
    expect((await readBackup(newest.filename)).annotations.map((a) => a.note).sort()).toEqual(['first note', 'second note']);
    expect(state.files.map((f) => f.downloadId)).toEqual(files.map((f) => f.id));
    await expect(section.getByTestId('backup-last')).toContainText('(2 annotations, 0 sources)');
    // The section passes axe's checks (labels, roles, contrast) with everything on show.
    const axe = await new AxeBuilder({ page: options }).include('[data-testid="backups"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // The popup's footer names the last backup.
    const article = await context.newPage();
    await article.goto(`${server.origin}/seed-article.html`);
    const popup = await openPopup(context, article);
    await expect(popup.getByTestId('backup-line')).toHaveText(/^Last backup: .+ · sourcemark-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
  });

  test('a check missed while the browser was closed runs when it starts again', async ({ launch, server }) => {
    let context = await launch();
    const options = await openOptions(context);
    const section = options.getByTestId('backups');
    await section.getByLabel('How often').selectOption({ label: 'Every hour' });
    await section.getByRole('switch', { name: 'Back up automatically' }).check();
    await expect(section.getByTestId('backup-last')).toContainText('(0 annotations, 0 sources)');

    // Something changes; then the browser is closed for longer than the interval (the last
    // check is moved two hours back, as if the hours had passed).
    await annotate(context, server.origin, 'working groups had reached a deal', 'made before closing');
    const worker = await extensionWorker(context);
    const backdated = await worker.evaluate(async (key) => {
      const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const state = (await chrome.storage.local.get(key))[key] as StoredState;
      const lastCheckedAt = new Date(Date.now() - 2 * 3600_000).toISOString();
      await chrome.storage.local.set({ [key]: { ...state, lastCheckedAt } });
      return lastCheckedAt;
    }, STATE_KEY);
    await context.close();

    context = await launch();
    await expect
      .poll(async () => (await backupState(context)).lastCheckedAt, { message: 'the missed check runs at start' })
      .not.toBe(backdated);
    expect((await backupState(context)).lastOutcome?.kind).toBe('written');
    const files = await completedDownloads(context);
    expect(files).toHaveLength(2);
    expect((await readBackup(files.at(-1)!.filename)).annotations.map((a) => a.note)).toEqual(['made before closing']);
    // And the schedule is set again for the next hour.
    const alarm = await (await extensionWorker(context)).evaluate(
      (name) => (globalThis as unknown as { chrome: ChromeApi }).chrome.alarms.get(name),
      BACKUP_ALARM,
    );
    expect(alarm?.periodInMinutes).toBe(60);
  });
});
