/**
 * "Annotate selection with Sourcemark": a context-menu item on selected text and a keyboard
 * shortcut (the `commands` API) both ask the tab's content script to open its editor on the
 * selection. Narrow slices of the extension API come in as parameters, so tests pass fakes.
 */
import { asResult } from '../popup/ports';
import type { PageRequest, Result } from '../messages';
import { fail } from '../messages';

/** The `commands` entry of the manifest (wxt.config.ts) and of `commands.onCommand`. */
export const ANNOTATE_COMMAND = 'annotate-selection';
/** The context-menu item's id. */
export const ANNOTATE_MENU_ID = 'sourcemark-annotate-selection';
/** The context-menu item's words. */
export const ANNOTATE_MENU_TITLE = 'Annotate selection with Sourcemark';

/** The tab an event came from (only its id is used). */
export type EventTab = { id?: number } | undefined;

/** The slices of `browser.*` the feature uses. */
export type AnnotateApis = {
  tabs: { sendMessage(tabId: number, message: PageRequest, options?: { frameId?: number }): Promise<unknown> };
  contextMenus: {
    create(properties: { id: string; title: string; contexts: ['selection'] }): unknown;
    removeAll(): Promise<void>;
    onClicked: { addListener(listener: (info: { menuItemId: string | number }, tab?: EventTab) => void): void };
  };
  commands: { onCommand: { addListener(listener: (command: string, tab?: EventTab) => void): void } };
  runtime: { onInstalled: { addListener(listener: () => void): void } };
};

/**
 * Ask the content script of `tab` (its top frame, where it runs) to annotate the selection.
 * Never rejects: a tab without Sourcemark's content script (a browser page, the web store, a tab
 * opened before install) gives a failed Result saying so.
 */
export async function annotateSelectionIn(tabs: AnnotateApis['tabs'], tab: EventTab): Promise<Result<null>> {
  if (tab?.id === undefined || tab.id < 0) return fail('No tab to annotate in.');
  try {
    return asResult<null>(await tabs.sendMessage(tab.id, { type: 'page:annotate-selection' }, { frameId: 0 }), 'the page');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`Sourcemark cannot annotate this page (reload it, or it is a browser page): ${reason}`);
  }
}

/**
 * Register the context-menu item (on install and update: menus persist across service-worker
 * restarts) and the listeners of the menu and the shortcut. Listeners are added synchronously,
 * as an MV3 service worker must. `report` hears every failure (the page shows its own messages).
 */
export function registerAnnotateSelection(apis: AnnotateApis, report: (error: string) => void): void {
  apis.runtime.onInstalled.addListener(() => {
    void apis.contextMenus
      .removeAll()
      .then(() => apis.contextMenus.create({ id: ANNOTATE_MENU_ID, title: ANNOTATE_MENU_TITLE, contexts: ['selection'] }))
      .catch((error: unknown) => report(`Could not add the context-menu item: ${error instanceof Error ? error.message : String(error)}`));
  });
  const run = (tab: EventTab) =>
    void annotateSelectionIn(apis.tabs, tab).then((result) => {
      if (!result.ok) report(result.error);
    });
  apis.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === ANNOTATE_MENU_ID) run(tab);
  });
  apis.commands.onCommand.addListener((command, tab) => {
    if (command === ANNOTATE_COMMAND) run(tab);
  });
}
