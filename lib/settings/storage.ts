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

/** One value kept under a key of `storage.local`: read, changed and followed. */
export type StoredValue<T> = {
  /** The stored value (defaults for anything missing or malformed). Rejects when storage fails. */
  load(): Promise<T>;
  /** Apply `change` to the stored value and store the result (parsed again); resolves with it. */
  update(change: (value: T) => T): Promise<T>;
  /** Replace the stored value. */
  save(value: T): Promise<void>;
  /** Call `listener` with the new value whenever it changes (in any page or tab), until `signal` aborts. */
  watch(listener: (value: T) => void, signal: AbortSignal): void;
};

/** The value under `key` in `api`'s local area; `parse` turns what is stored (anything) into a `T`. */
export function createStoredValue<T>(api: SettingsStorageApi, key: string, parse: (raw: unknown) => T): StoredValue<T> {
  const load = async () => parse((await api.local.get(key))[key]);
  return {
    load,
    async update(change) {
      const next = parse(change(await load()));
      await api.local.set({ [key]: next });
      return next;
    },
    save: (value) => api.local.set({ [key]: value }),
    watch(listener, signal) {
      if (signal.aborted) return;
      const onChanged = (changes: Record<string, StorageChange>, areaName: string) => {
        const change = changes[key];
        if (areaName === 'local' && change) listener(parse(change.newValue));
      };
      api.onChanged.addListener(onChanged);
      signal.addEventListener('abort', () => api.onChanged.removeListener(onChanged), { once: true });
    },
  };
}

/** Reading, changing and following the settings. */
export type SettingsStore = StoredValue<Settings>;

/** A settings store over `api`. */
export function createSettingsStore(api: SettingsStorageApi): SettingsStore {
  return createStoredValue(api, SETTINGS_KEY, parseSettings);
}
