/**
 * The sync settings in `storage.local`, through the narrow storage slice the highlight settings
 * use (the extension's `browser.storage`, or a fake in tests). `storage.local`, not `sync`: the
 * password must not travel to the browser vendor's account sync.
 */
import type { SettingsStorageApi } from '../settings/storage';
import { parseSyncSettings, SYNC_SETTINGS_KEY, type SyncSettings } from './settings';

/** The stored sync settings (sync off when none). */
export async function loadSyncSettings(storage: Pick<SettingsStorageApi, 'local'>): Promise<SyncSettings> {
  return parseSyncSettings((await storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]);
}

/** Store checked sync settings. */
export async function saveSyncSettings(storage: Pick<SettingsStorageApi, 'local'>, settings: SyncSettings): Promise<void> {
  await storage.local.set({ [SYNC_SETTINGS_KEY]: settings });
}
