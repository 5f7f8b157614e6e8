/**
 * Telling every open page that ratings changed, so their tags and cards follow at once (the
 * options page is not tied to one tab, unlike the popup). Through a narrow slice of
 * `browser.tabs` passed in; no global `browser` here.
 */
import type { PageRequest } from '../messages';

/** The slice of `browser.tabs` this needs: every tab's id, and a message to a tab's content script. */
export type OpenTabsApi = {
  /** Every open tab (ids only are read: no `tabs` permission is needed). */
  query(queryInfo: Record<string, never>): Promise<Array<{ id?: number }>>;
  /** Send a request to a tab's content script; rejects when the tab has none. */
  sendMessage(tabId: number, message: PageRequest): Promise<unknown>;
};

/** How the broadcast went: how many tabs took the news. */
export type PagesNotified = { tabs: number; answered: number };

/**
 * Ask every open tab's content script to fetch sources and annotations again and redraw
 * (`page:annotations-changed`). A tab that does not answer is a tab Sourcemark does not run in
 * (a browser page, a page opened before the extension was installed or with highlights off): that
 * is expected, so it is counted, not thrown. Rejects only when the tabs cannot be listed.
 */
export async function notifyOpenPages(tabs: OpenTabsApi): Promise<PagesNotified> {
  const open = await tabs.query({});
  const ids = open.map((tab) => tab.id).filter((id): id is number => id !== undefined);
  const answers = await Promise.allSettled(ids.map((id) => tabs.sendMessage(id, { type: 'page:annotations-changed' })));
  return { tabs: ids.length, answered: answers.filter((a) => a.status === 'fulfilled').length };
}
