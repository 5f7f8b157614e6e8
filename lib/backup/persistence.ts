/**
 * Asking the browser to keep Sourcemark's data under storage pressure
 * (`navigator.storage.persist()`), and what it answered. Only a page can ask (`persist()` does not
 * exist in a service worker), so the options page asks each time it opens until the browser
 * grants it. The storage manager is passed in, so this stays free of globals.
 */

/** What the browser said. */
export type PersistenceOutcome =
  | { status: 'granted' }
  | { status: 'refused' }
  /** This browser has no StorageManager (or no `persist()`). */
  | { status: 'unsupported' }
  | { status: 'failed'; /** The error, in words. */ error: string };

/** The slice of `navigator.storage` used here. */
export type StorageManagerSlice = {
  persisted(): Promise<boolean>;
  persist?: () => Promise<boolean>;
};

/** Ask for persistent storage unless it is already granted; never rejects. */
export async function requestPersistence(storage: StorageManagerSlice | undefined): Promise<PersistenceOutcome> {
  if (!storage || typeof storage.persist !== 'function') return { status: 'unsupported' };
  try {
    if (await storage.persisted()) return { status: 'granted' };
    return (await storage.persist()) ? { status: 'granted' } : { status: 'refused' };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

/** The outcome in words for the options page. */
export function describePersistence(outcome: PersistenceOutcome): string {
  switch (outcome.status) {
    case 'granted':
      return 'Persistent storage: granted. The browser keeps Sourcemark’s data even when the disk runs low.';
    case 'refused':
      return 'Persistent storage: refused. The browser may clear Sourcemark’s data under storage pressure (a nearly full disk): keep automatic backups on.';
    case 'unsupported':
      return 'Persistent storage: this browser cannot be asked. It may clear Sourcemark’s data under storage pressure: keep automatic backups on.';
    case 'failed':
      return `Persistent storage: the request failed (${outcome.error}). The browser may clear Sourcemark’s data under storage pressure: keep automatic backups on.`;
  }
}
