/**
 * Settings in `storage.local`, through a narrow slice of the storage API passed in (the
 * extension's `browser.storage` in the content script and the popup, a fake in tests). Pure
 * otherwise: no global `browser` here.
 */
import { parseSettings, SETTINGS_KEY, type Settings } from './settings';

/** One change of a stored value, as `storage.onChanged` reports it. */
export type StorageChange = { oldValue?: unknown; newValue?: unknown };

/** The slice of `browser.storage` the settings use. */
export type SettingsStorageApi = {
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  onChanged: {
    addListener(listener: (changes: Record<string, StorageChange>, areaName: string) => void): void;
    removeListener(listener: (changes: Record<string, StorageChange>, areaName: string) => void): void;
  };
};

/** Reading, changing and following the settings. */
export type SettingsStore = {
  /** The stored settings (defaults for anything missing or malformed). Rejects when storage fails. */
  load(): Promise<Settings>;
  /** Apply `change` to the stored settings and store the result; resolves with it. */
  update(change: (settings: Settings) => Settings): Promise<Settings>;
  /** Call `listener` with the new settings whenever they change (in any tab), until `signal` aborts. */
  watch(listener: (settings: Settings) => void, signal: AbortSignal): void;
};

/** A settings store over `api`. */
export function createSettingsStore(api: SettingsStorageApi): SettingsStore {
  const load = async () => parseSettings((await api.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  return {
    load,
    async update(change) {
      const next = parseSettings(change(await load()));
      await api.local.set({ [SETTINGS_KEY]: next });
      return next;
    },
    watch(listener, signal) {
      if (signal.aborted) return;
      const onChanged = (changes: Record<string, StorageChange>, areaName: string) => {
        const change = changes[SETTINGS_KEY];
        if (areaName !== 'local' || !change) return;
        listener(parseSettings(change.newValue));
      };
      api.onChanged.addListener(onChanged);
      signal.addEventListener('abort', () => api.onChanged.removeListener(onChanged), { once: true });
    },
  };
}
