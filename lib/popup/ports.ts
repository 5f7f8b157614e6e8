/**
 * The popup's ports to the rest of the extension, built from narrow slices of the `browser` API
 * so tests can pass fakes. PopupApp sees only `PagePort`, `ExportPort` and `OptionsPort`
 * (the export port is built from the page-side exporter, lib/store/exchange-export.ts).
 */
import { fail, type BackgroundRequest, type ExportSummary, type PageRequest, type PageSnapshot, type ResponseOf, type Result } from '../messages';
import type { TextPositionSelector, TextQuoteSelector } from '../model';
import { optionsPath, type SourcePrefill } from '../sources/prefill';

/** The popup's view of the page's content script. */
export type PagePort = {
  /** The page's URL, title and detected claims; a failed result when the page can't be read. */
  getSnapshot(): Promise<Result<PageSnapshot>>;
  /** Tell the page that annotations or ratings changed, so it redraws marks; rejects when the page did not take it. */
  notifyChanged(): Promise<void>;
  /** Scroll the page to the claim that starts at `start` and open its card; rejects when the page did not. */
  showClaim(start: number): Promise<void>;
  /** Tell the page the highlight switches changed, so it applies them now; rejects when the page did not. */
  notifySettingsChanged(): Promise<void>;
  /**
   * The quote and position selectors of the text selected on the page now (to re-attach an orphan
   * to it); a failed result, in words, when nothing is selected or the page can't be asked.
   */
  selectionSelectors(): Promise<Result<[TextQuoteSelector, TextPositionSelector]>>;
};

/**
 * The keyboard shortcut of a command as the browser has it bound now ("Alt+Shift+M"); '' when the
 * user (or a conflict) left it unbound; rejects when the browser cannot say.
 */
export type ShortcutPort = (command: string) => Promise<string>;

/** The slice of `browser.commands` the popup uses. */
export type CommandsApi = {
  getAll(): Promise<Array<{ name?: string; shortcut?: string }>>;
};

/** The real shortcut port over `commands.getAll()`. */
export function createShortcutPort(commands: CommandsApi): ShortcutPort {
  return async (command) => {
    const all = await commands.getAll();
    return all.find((c) => c.name === command)?.shortcut ?? '';
  };
}

/** Exports everything as Sourcemark JSON (run in the popup itself: lib/store/exchange-export.ts). */
export type ExportPort = () => Promise<Result<ExportSummary>>;

/** Opens the options page's "Add a source" form, prefilled; rejects when no tab could be opened. */
export type OptionsPort = (prefill: SourcePrefill) => Promise<void>;

/** The slice of `browser.tabs` the popup uses. */
export type TabsApi = {
  /** Find the active tab of the current window. */
  query(queryInfo: { active: true; currentWindow: true }): Promise<Array<{ id?: number }>>;
  /** Send a request to a tab's content script; rejects when the tab has none. */
  sendMessage(tabId: number, message: PageRequest): Promise<unknown>;
};

/** The slice of `browser.runtime` the popup uses. */
export type RuntimeApi = {
  /** Send a request to the background. */
  sendMessage(message: BackgroundRequest): Promise<unknown>;
};

/** Words for a thrown value; errors from extension APIs are `Error`s, but a bug may throw anything. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The tab the popup is about: `?tabId=<n>` in the popup's URL (tests, or the popup opened as a
 * tab), else the active tab of the current window. Throws an Error saying what is missing.
 */
export async function resolveTargetTab(search: string, tabs: Pick<TabsApi, 'query'>): Promise<number> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null) {
    // Digits only: `Number('')` is 0, and tab 0 is a real tab in Firefox.
    if (!/^\d+$/.test(param)) throw new Error(`The popup's tabId parameter is not a tab number: "${param}".`);
    return Number(param);
  }
  const [active] = await tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined) throw new Error('This window has no active tab.');
  return active.id;
}

/**
 * Check that an answer has the shape of a `Result`. The content script and background are our own
 * code, but a stale content script (extension updated, page not reloaded) or a page with no content
 * script answers `undefined` or something older; that must read as a failure, not crash the view.
 */
export function asResult<T>(raw: unknown, from: string): Result<T> {
  if (raw === undefined || raw === null) return fail(`No answer from ${from}.`);
  if (typeof raw !== 'object' || !('ok' in raw) || typeof raw.ok !== 'boolean') {
    return fail(`Unexpected answer from ${from}.`);
  }
  if (raw.ok) return 'value' in raw ? (raw as Result<T>) : fail(`Unexpected answer from ${from}.`);
  return 'error' in raw && typeof raw.error === 'string' ? (raw as Result<T>) : fail(`Unexpected answer from ${from}.`);
}

/**
 * Send a request to the background and take its answer as a result. Never rejects: an
 * unreachable background (the extension reloading) is a failed result in words.
 */
export async function askBackground<R extends BackgroundRequest>(runtime: RuntimeApi, request: R): Promise<Result<ResponseOf<R>>> {
  try {
    return asResult<ResponseOf<R>>(await runtime.sendMessage(request), 'the extension background');
  } catch (error) {
    return fail(`Couldn't reach the extension background: ${messageOf(error)}`);
  }
}

/**
 * The real page port over `tabs.sendMessage`. The tab is resolved once, on first use.
 * `getSnapshot` never rejects: a missing content script (browser pages, the web store, tabs
 * loaded before install) makes `sendMessage` reject, which becomes a failed result.
 */
export function createPagePort(tabs: TabsApi, findTab: () => Promise<number>): PagePort {
  let tabId: Promise<number> | undefined;
  const target = () => (tabId ??= findTab());
  const request = async (message: PageRequest): Promise<unknown> => tabs.sendMessage(await target(), message);
  const expectOk = async (message: PageRequest): Promise<void> => {
    const answer = asResult<unknown>(await request(message), 'the page');
    if (!answer.ok) throw new Error(answer.error);
  };
  return {
    async getSnapshot() {
      try {
        return asResult<PageSnapshot>(await request({ type: 'page:claims' }), 'the page');
      } catch (error) {
        return fail(messageOf(error));
      }
    },
    notifyChanged: () => expectOk({ type: 'page:annotations-changed' }),
    showClaim: (start) => expectOk({ type: 'page:show-claim', start }),
    notifySettingsChanged: () => expectOk({ type: 'page:settings-changed' }),
    async selectionSelectors() {
      try {
        return asResult<[TextQuoteSelector, TextPositionSelector]>(await request({ type: 'page:selection-selectors' }), 'the page');
      } catch (error) {
        return fail(messageOf(error));
      }
    },
  };
}

/** The slices of `browser.tabs` and `browser.runtime` that open an extension page in a new tab. */
export type OpenTabApis = {
  tabs: { create(properties: { url: string }): Promise<unknown> };
  runtime: { getURL(path: string): string };
};

/**
 * The real options port: a new tab on `options.html?name=…&type=…`. (`runtime.openOptionsPage()`
 * cannot pass the prefill.) Opening a tab needs no permission.
 */
export function createOptionsPort({ tabs, runtime }: OpenTabApis): OptionsPort {
  return async (prefill) => {
    await tabs.create({ url: runtime.getURL(optionsPath(prefill)) });
  };
}
