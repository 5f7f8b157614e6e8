// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupSettings } from '../../../components/BackupSettings';
import { BackupStatusLine } from '../../../components/BackupStatusLine';
import type { PersistenceOutcome } from '../../../lib/backup/persistence';
import type { BackupRunPort } from '../../../lib/backup/ports';
import { BACKUP_SETTINGS_KEY, type BackupSettings as Settings } from '../../../lib/backup/settings';
import { BACKUP_STATE_KEY, type BackupFile, type BackupState } from '../../../lib/backup/state';
import { createBackupStore } from '../../../lib/backup/storage';
import { fail, ok } from '../../../lib/messages';
import { choose, getButton, getByLabel, textOf, typeInto, waitFor } from '../popup/dom-helpers';
import { fakeStorage } from '../settings/fake-storage';

const at = (iso: string) => `<${iso.slice(0, 16)}>`;
const FILE: BackupFile = {
  downloadId: 4,
  path: '/d/Sourcemark/sourcemark-backup-2026-02-03T04-05-06.json',
  filename: 'Sourcemark/sourcemark-backup-2026-02-03T04-05-06.json',
  writtenAt: '2026-02-03T04:05:06.000Z',
  format: 'json',
  fingerprint: 'f',
  annotationCount: 3,
  sourceCount: 1,
};

let container: HTMLElement;
let storage: ReturnType<typeof fakeStorage>;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  storage = fakeStorage();
});

afterEach(() => {
  render(null, container);
  container.remove();
});

const granted = async (): Promise<PersistenceOutcome> => ({ status: 'granted' });
const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);
const statusText = () => textOf(container.querySelector('[data-testid="backup-status"]'));
const storedSettings = () => storage.data.get(BACKUP_SETTINGS_KEY) as Settings | undefined;

async function mount(runNow: BackupRunPort = async () => fail('not used'), persistence = granted): Promise<void> {
  render(<BackupSettings store={createBackupStore(storage)} runNow={runNow} requestPersistence={persistence} formatTime={at} />, container);
  await waitFor(() => expect(byTestId('backups')).not.toBeNull());
}

describe('BackupSettings', () => {
  it('starts off, with no backup yet, and says what the browser answered about persistent storage', async () => {
    await mount(undefined, async () => ({ status: 'refused' }));
    expect(getByLabel<HTMLInputElement>(container, 'Back up automatically').checked).toBe(false);
    expect(getByLabel<HTMLSelectElement>(container, 'Format').value).toBe('json');
    expect(getByLabel<HTMLSelectElement>(container, 'How often').value).toBe('1440');
    expect(getByLabel<HTMLInputElement>(container, 'Files to keep').value).toBe('10');
    expect(textOf(byTestId('backup-last'))).toBe('none yet');
    await waitFor(() => expect(textOf(byTestId('persistence'))).toMatch(/^Persistent storage: refused\./));
  });

  it('stores what the user turns on and chooses', async () => {
    await mount();
    const enabled = getByLabel<HTMLInputElement>(container, 'Back up automatically');
    enabled.click();
    await waitFor(() => expect(storedSettings()?.enabled).toBe(true));
    await waitFor(() => expect(statusText()).toMatch(/^Automatic backups are on\./));
    expect(textOf(byTestId('backup-schedule'))).toMatch(/^Automatic backups are on: checked every day/);

    choose(getByLabel<HTMLSelectElement>(container, 'How often'), '60');
    await waitFor(() => expect(storedSettings()?.intervalMinutes).toBe(60));
    expect(textOf(byTestId('backup-schedule'))).toMatch(/checked every hour/);
    expect(statusText()).toBe('Backups are checked every hour.');

    const keep = getByLabel<HTMLInputElement>(container, 'Files to keep');
    typeInto(keep, '3');
    keep.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(storedSettings()?.keep).toBe(3));
    expect(statusText()).toBe('Keeping the last 3 backup files.');
  });

  it('refuses a number of files to keep that is not a whole number from 1 to 1000, and keeps the stored one', async () => {
    await mount();
    const keep = getByLabel<HTMLInputElement>(container, 'Files to keep');
    for (const bad of ['0', '2.5', '', '1001']) {
      typeInto(keep, bad);
      keep.dispatchEvent(new Event('change', { bubbles: true }));
      await waitFor(() => expect(keep.getAttribute('aria-invalid')).toBe('true'));
      expect(textOf(container.querySelector('.form-error'))).toBe('Enter a whole number from 1 to 1000.');
    }
    expect(storedSettings()).toBeUndefined();
  });

  it('"Back up now" says where the file went, or why it failed', async () => {
    const runNow = vi
      .fn<BackupRunPort>()
      .mockResolvedValueOnce(ok({ kind: 'written', at: FILE.writtenAt, filename: FILE.filename, annotationCount: 3, sourceCount: 1 }))
      .mockResolvedValueOnce(ok({ kind: 'failed', at: FILE.writtenAt, error: 'the disk is full' }))
      .mockResolvedValueOnce(fail("Couldn't reach the extension background: gone"));
    await mount(runNow);
    const button = getButton(container, 'Back up now');
    button.click();
    await waitFor(() => expect(statusText()).toBe(`Backed up 3 annotations and 1 source to ${FILE.filename}.`));
    button.click();
    await waitFor(() => expect(statusText()).toBe('Backup failed: the disk is full'));
    expect(container.querySelector('[data-testid="backup-status"] .status-error')).not.toBeNull();
    button.click();
    await waitFor(() => expect(statusText()).toBe("Backup failed: Couldn't reach the extension background: gone"));
  });

  it('follows the state the background writes: last backup, last check, failures and warnings', async () => {
    await mount();
    const state: BackupState = { files: [FILE], warnings: [], lastOutcome: { kind: 'written', at: FILE.writtenAt, filename: FILE.filename, annotationCount: 3, sourceCount: 1 } };
    await storage.local.set({ [BACKUP_STATE_KEY]: state });
    await waitFor(() => expect(textOf(byTestId('backup-last'))).toBe(`<2026-02-03T04:05> — ${FILE.filename} (3 annotations, 1 source)`));
    expect(byTestId('backup-last-run')).toBeNull();

    await storage.local.set({
      [BACKUP_STATE_KEY]: { ...state, lastOutcome: { kind: 'failed', at: '2026-02-04T00:00:00.000Z', error: 'FILE_NO_SPACE' }, warnings: ["Couldn't delete the old backup x: denied"] },
    });
    await waitFor(() => expect(textOf(byTestId('backup-last-run'))).toBe('The last backup failed (<2026-02-04T00:00>): FILE_NO_SPACE'));
    expect(textOf(byTestId('backup-warnings'))).toBe("Couldn't delete the old backup x: denied");
  });

  it('says so when the settings cannot be read', async () => {
    vi.spyOn(storage.local, 'get').mockRejectedValue(new Error('storage is broken'));
    render(<BackupSettings store={createBackupStore(storage)} runNow={async () => fail('x')} requestPersistence={granted} />, container);
    await waitFor(() => expect(textOf(container)).toContain("Couldn't read the backup settings: storage is broken"));
  });
});

describe('BackupStatusLine (popup)', () => {
  it('shows nothing while backups were never used', async () => {
    render(<BackupStatusLine store={createBackupStore(storage)} formatTime={at} />, container);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(byTestId('backup-line')).toBeNull();
  });

  it('names the last backup, and a failure instead when the last run failed', async () => {
    storage.data.set(BACKUP_SETTINGS_KEY, { enabled: true });
    storage.data.set(BACKUP_STATE_KEY, { files: [FILE], warnings: [] });
    render(<BackupStatusLine store={createBackupStore(storage)} formatTime={at} />, container);
    await waitFor(() => expect(textOf(byTestId('backup-line'))).toBe('Last backup: <2026-02-03T04:05> · sourcemark-backup-2026-02-03T04-05-06.json'));
    await storage.local.set({ [BACKUP_STATE_KEY]: { files: [FILE], warnings: [], lastOutcome: { kind: 'failed', at: '2026-02-04T00:00:00.000Z', error: 'disk full' } } });
    await waitFor(() => expect(textOf(byTestId('backup-line'))).toBe('The last backup failed (<2026-02-04T00:00>): disk full'));
  });
});
