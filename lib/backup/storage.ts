/**
 * Backup settings and state in `storage.local`, through a narrow slice of the storage API passed
 * in (`browser.storage` in the background and extension pages, a fake in tests). The options page
 * writes the settings; the background writes the state; both pages follow the state as it changes.
 */
import type { SettingsStorageApi, StorageChange } from '../settings/storage';
import { BACKUP_SETTINGS_KEY, parseBackupSettings, type BackupSettings } from './settings';
import { BACKUP_STATE_KEY, parseBackupState, type BackupState } from './state';

/** Reading, changing and following backup settings and state. */
export type BackupStore = {
  /** The stored settings (defaults for anything missing or malformed). Rejects when storage fails. */
  loadSettings(): Promise<BackupSettings>;
  /** Apply `change` to the stored settings and store the result; resolves with it. */
  updateSettings(change: (settings: BackupSettings) => BackupSettings): Promise<BackupSettings>;
  /** The stored state. Rejects when storage fails. */
  loadState(): Promise<BackupState>;
  /** Replace the stored state. */
  saveState(state: BackupState): Promise<void>;
  /** Call `listener` whenever the settings change (in any page), until `signal` aborts. */
  watchSettings(listener: (settings: BackupSettings) => void, signal: AbortSignal): void;
  /** Call `listener` whenever the state changes, until `signal` aborts. */
  watchState(listener: (state: BackupState) => void, signal: AbortSignal): void;
};

/** A backup store over `api`. */
export function createBackupStore(api: SettingsStorageApi): BackupStore {
  const read = async (key: string) => (await api.local.get(key))[key];
  const loadSettings = async () => parseBackupSettings(await read(BACKUP_SETTINGS_KEY));

  /** Follow one key; `parse` turns the new stored value into what the listener gets. */
  function watch<T>(key: string, parse: (raw: unknown) => T, listener: (value: T) => void, signal: AbortSignal): void {
    if (signal.aborted) return;
    const onChanged = (changes: Record<string, StorageChange>, areaName: string) => {
      const change = changes[key];
      if (areaName === 'local' && change) listener(parse(change.newValue));
    };
    api.onChanged.addListener(onChanged);
    signal.addEventListener('abort', () => api.onChanged.removeListener(onChanged), { once: true });
  }

  return {
    loadSettings,
    async updateSettings(change) {
      const next = parseBackupSettings(change(await loadSettings()));
      await api.local.set({ [BACKUP_SETTINGS_KEY]: next });
      return next;
    },
    loadState: async () => parseBackupState(await read(BACKUP_STATE_KEY)),
    saveState: (state) => api.local.set({ [BACKUP_STATE_KEY]: state }),
    watchSettings: (listener, signal) => watch(BACKUP_SETTINGS_KEY, parseBackupSettings, listener, signal),
    watchState: (listener, signal) => watch(BACKUP_STATE_KEY, parseBackupState, listener, signal),
  };
}
