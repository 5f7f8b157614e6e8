/**
 * The popup's keyboard shortcuts: listed (folded away under "Keyboard shortcuts", on the
 * popup's footer) and wired. Most are the browser's own (Tab, Enter, Space); the popup adds
 * Ctrl+Enter, which saves the note, verdict or rating being edited, and the extension's command
 * opens the popup from any page (see `wxt.config.ts`).
 */
import { useEffect, useId } from 'preact/hooks';
import { ShortcutList, type Shortcut } from './ShortcutList';

/** The key that opens the popup from any page, as suggested in the manifest (the user can change it). */
export const OPEN_POPUP_KEYS = ['Alt', 'Shift', 'S'] as const;

/** What the popup lists. */
export const POPUP_SHORTCUTS: readonly Shortcut[] = [
  { keys: OPEN_POPUP_KEYS, what: 'open this popup from any page' },
  { keys: ['Tab'], what: 'next control (Shift+Tab: previous)' },
  { keys: ['Enter'], what: 'on a claim’s text: show it on the page' },
  { keys: ['Ctrl', 'Enter'], what: 'in a note, verdict or rating: save it' },
  { keys: ['Space'], what: 'turn a highlight switch on or off' },
  { keys: ['Esc'], what: 'close the popup' },
];

/** What the page itself answers to (listed in the popup, the place people look for help). */
export const PAGE_SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Tab'], what: 'to a source tag: show its claim card' },
  { keys: ['Enter'], what: 'on a tag: keep the card open' },
  { keys: ['Esc'], what: 'close the card' },
];

/**
 * The Save button for a control being edited: the first button of the nearest enclosing
 * `.actions` row (a claim card's "Save", a rating's "Save rating"). Null outside such a form.
 */
export function saveButtonFor(control: Element): HTMLButtonElement | null {
  for (let el = control.parentElement; el; el = el.parentElement) {
    const button = el.querySelector<HTMLButtonElement>(':scope > .actions > button');
    if (button) return button;
  }
  return null;
}

/** Ctrl+Enter (⌘+Enter) in a text field or select of the popup presses its Save button. */
function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.defaultPrevented) return;
  const target = event.target;
  if (!(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  const save = saveButtonFor(target);
  if (!save) return;
  event.preventDefault();
  save.click();
}

/** The folded list, and the Ctrl+Enter listener while it is mounted. */
export function PopupShortcuts() {
  const headingId = useId();
  useEffect(() => {
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <section class="shortcuts" aria-labelledby={headingId} data-testid="popup-shortcuts">
      <details>
        <summary>
          <h2 id={headingId}>Keyboard shortcuts</h2>
        </summary>
        <ShortcutList shortcuts={POPUP_SHORTCUTS} />
        <h3>On the page</h3>
        <ShortcutList shortcuts={PAGE_SHORTCUTS} />
      </details>
    </section>
  );
}
