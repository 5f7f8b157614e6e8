/**
 * What the popup's first screen needs, asked for before the popup's code has loaded. The popup
 * waits on two slow answers: the page's content script (its claims) and the database (the
 * page's saved annotations and the stored sources). The popup's module graph (Preact, Dexie,
 * the components) takes a while to load; a small classic script (entrypoints/popup-early) runs
 * while popup.html is parsed, starts both here, and hands the answers over to the popup
 * (entrypoints/popup/main.tsx), which renders its first screen with them at once.
 *
 * Nothing is cached: every answer is asked for when the popup opens. The popup still follows the
 * database live afterwards (liveQuery), so a later change shows as before.
 */
import type { PageSnapshot, Result } from '../messages';
import type { Annotation, Source } from '../model';

/** Where the early script leaves its `EarlyRead` for the popup's module (a property of the page's global object). */
export const EARLY_READ_GLOBAL = '__sourcemarkPopupEarlyRead';

/** Everything the popup's first screen shows, read when it opened. */
export type FirstScreenData = {
  /** The page's answer. */
  snapshot: PageSnapshot;
  /** The saved annotations of `snapshot.url`, as `annotationsForPage` returns them. */
  annotations: Annotation[];
  /** The stored sources, as `listStoredSources` returns them. */
  sources: Source[];
};

/** The answers started by `startEarlyRead`. */
export type EarlyRead = {
  /** The tab the popup is about (rejects when there is none). */
  tab: Promise<number>;
  /** The page's first snapshot (never rejects: a failure is a failed result). */
  snapshot: Promise<Result<PageSnapshot>>;
  /**
   * The first screen's data; null when any part could not be read (no content script, no
   * database yet), and the popup then reads as it always does. Never rejects.
   */
  firstScreen: Promise<FirstScreenData | null>;
  /** `firstScreen`'s value once it has settled, else undefined: for a render that cannot wait. */
  settled(): FirstScreenData | null | undefined;
};

/** The database reads the first screen needs: an open connection (lib/store/first-screen-read.ts). */
export type FirstScreenReader = {
  /** Live annotations of one normalised page URL, oldest first (as `annotationsForPage`). */
  pageAnnotations(url: string): Promise<Annotation[]>;
  /** Live stored sources, by name (as `listStoredSources`). */
  sources(): Promise<Source[]>;
  /** Close the connection (reads already started still finish). */
  close(): void;
};

/** What `startEarlyRead` asks. */
export type EarlyReadPorts = {
  /** The tab the popup is about (lib/popup/ports.ts `resolveTargetTab`). */
  findTab(): Promise<number>;
  /** Ask that tab's content script for its snapshot; a failure is a failed result. */
  askPage(tab: Promise<number>): Promise<Result<PageSnapshot>>;
  /** Open the database for reading (rejects when it cannot be read this way). */
  openStore(): Promise<FirstScreenReader>;
};

/**
 * Start the page's snapshot and the database reads now, side by side: the stored sources as soon
 * as the database is open, the page's annotations as soon as the page has said its URL.
 */
export function startEarlyRead(ports: EarlyReadPorts): EarlyRead {
  const tab = ports.findTab();
  // Settled by askPage; a tab that cannot be found is its failure too.
  tab.catch(() => undefined);
  const snapshot = ports.askPage(tab);
  const store = ports.openStore();
  const sources = store.then((s) => s.sources());
  const annotations = Promise.all([store, snapshot]).then(([s, answer]) => (answer.ok ? s.pageAnnotations(answer.value.url) : null));
  let value: FirstScreenData | null | undefined;
  const firstScreen = Promise.all([snapshot, annotations, sources]).then(
    ([answer, pageAnnotations, storedSources]): FirstScreenData | null =>
      answer.ok && pageAnnotations ? { snapshot: answer.value, annotations: pageAnnotations, sources: storedSources } : null,
    // No database yet, or a read failed: the popup's own reads (through Dexie) say what is wrong.
    () => null,
  );
  void firstScreen.then((data) => {
    value = data;
  });
  // Done reading: the connection is not kept (Dexie opens its own).
  void Promise.allSettled([annotations, sources]).then(() => store.then((s) => s.close(), () => undefined));
  return { tab, snapshot, firstScreen, settled: () => value };
}

/**
 * `early`'s first screen data if it settles within `ms`, else null (the popup then renders and
 * fills in as the answers arrive, rather than show nothing while a slow page thinks).
 */
export function firstScreenWithin(early: EarlyRead, ms: number, setTimer: (run: () => void, ms: number) => void): Promise<FirstScreenData | null> {
  const now = early.settled();
  if (now !== undefined) return Promise.resolve(now);
  return Promise.race([early.firstScreen, new Promise<null>((resolve) => setTimer(() => resolve(null), ms))]);
}
