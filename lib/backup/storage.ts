/**
 * Backup settings and state in `storage.local`, through a narrow slice of the storage API passed
 * in (`browser.storage` in the background and extension pages, a fake in tests). The options page
 * writes the settings; the background writes the state; both pages follow the state as it changes.
 */
import { createStoredValue, type SettingsStorageApi } from '../settings/storage';
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
  const settings = createStoredValue(api, BACKUP_SETTINGS_KEY, parseBackupSettings);
  const state = createStoredValue(api, BACKUP_STATE_KEY, parseBackupState);
  return {
    loadSettings: settings.load,
    updateSettings: settings.update,
    loadState: state.load,
    saveState: state.save,
    watchSettings: settings.watch,
    watchState: state.watch,
  };
}
