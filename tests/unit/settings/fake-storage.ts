/** An in-memory `storage.local` with `onChanged`, the slice of `browser.storage` lib/settings takes. */
import type { SettingsStorageApi, StorageChange } from '../../../lib/settings/storage';

type Listener = (changes: Record<string, StorageChange>, areaName: string) => void;

/** A fake storage API, its data, and its listeners (to check that they are removed). */
export function fakeStorage(initial: Record<string, unknown> = {}): SettingsStorageApi & {
  data: Map<string, unknown>;
  listeners: Set<Listener>;
} {
  const data = new Map(Object.entries(initial));
  const listeners = new Set<Listener>();
  return {
    data,
    listeners,
    local: {
      async get(key) {
        return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
      },
      async set(items) {
        const changes: Record<string, StorageChange> = {};
        for (const [key, value] of Object.entries(items)) {
          changes[key] = { oldValue: data.get(key), newValue: structuredClone(value) };
          data.set(key, structuredClone(value));
        }
        // Like the browser: listeners hear of it after the write, asynchronously.
        queueMicrotask(() => {
          for (const listener of listeners) listener(changes, 'local');
        });
      },
    },
    onChanged: {
      addListener: (listener) => listeners.add(listener),
      removeListener: (listener) => listeners.delete(listener),
    },
  };
}
