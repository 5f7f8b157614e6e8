/**
 * The link from the popup to the options page's "Add a source" form, prefilled with an
 * unresolved source's words and guessed type: `options.html?name=…&type=…`.
 * (`runtime.openOptionsPage()` takes no parameters, so the popup opens this URL in a tab.) Pure.
 */
import type { SourceType } from '../model';
import { isSourceType, MAX_NAME_LENGTH } from './source-input';

/** The options page, relative to the extension's root (for `runtime.getURL`). */
export const OPTIONS_PAGE = '/options.html';

/** What the "Add a source" form starts with. */
export type SourcePrefill = {
  /** The source's name as the page named it. */
  name: string;
  /** The detector's guess of its type, when it made one. */
  type?: SourceType;
};

/** The options page's path with `prefill` in its query: `/options.html?name=…&type=…`. */
export function optionsPath(prefill: SourcePrefill): string {
  const query = new URLSearchParams({ name: prefill.name });
  if (prefill.type) query.set('type', prefill.type);
  return `${OPTIONS_PAGE}?${query.toString()}`;
}

/**
 * The prefill in an options page's query string (`location.search`), or null when there is
 * no name. A type that is not a `SourceType` is dropped; a name is cut to `MAX_NAME_LENGTH`.
 * The query is anyone's to write (a link can open the page), so nothing here is trusted:
 * the values only fill form fields, which the user reviews before saving.
 */
export function parsePrefill(search: string): SourcePrefill | null {
  const query = new URLSearchParams(search);
  const name = (query.get('name') ?? '').replace(/\s+/gu, ' ').trim().slice(0, MAX_NAME_LENGTH);
  if (name.length === 0) return null;
  const type = query.get('type') ?? '';
  return isSourceType(type) ? { name, type } : { name };
}
