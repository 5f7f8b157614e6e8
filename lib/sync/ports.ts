/**
 * The options page's and popup's ports for team sync, built from narrow slices of the `browser`
 * API passed in (no global `browser` here, so tests pass fakes).
 */
import { fail, type BackgroundRequest, type Result, type SyncSummary } from '../messages';
import type { SettingsStorageApi } from '../settings/storage';

/** The slices of `browser` the ports use. */
export type SyncBrowserApi = {
  storage: Pick<SettingsStorageApi, 'local'>;
  permissions: { request(permissions: { origins: string[] }): Promise<boolean>; contains(permissions: { origins: string[] }): Promise<boolean> };
  runtime: { sendMessage(message: BackgroundRequest): Promise<unknown> };
};

/** Storage, the host-permission request and "Sync now" through the background. */
export function createSyncPorts(api: SyncBrowserApi) {
  return {
    storage: api.storage,
    hasHostPermission: (pattern: string) => api.permissions.contains({ origins: [pattern] }),
    requestHostPermission: (pattern: string) => api.permissions.request({ origins: [pattern] }),
    async syncNow(): Promise<Result<SyncSummary>> {
      try {
        return (await api.runtime.sendMessage({ type: 'sync:now' })) as Result<SyncSummary>;
      } catch (error) {
        return fail(`Sync failed: the background did not answer (${error instanceof Error ? error.message : String(error)}).`);
      }
    },
  };
}
