/** A list of keyboard shortcuts, each key in `<kbd>`: shown by the popup and the library. */
import { Fragment } from 'preact';

/** One shortcut: the keys (each its own `<kbd>`, joined by "+") and what they do. */
export type Shortcut = { keys: readonly string[]; what: string };

/** Props of `ShortcutList`. */
export type ShortcutListProps = { shortcuts: readonly Shortcut[] };

/** `<ul class="shortcut-list">` of "<kbd>Ctrl</kbd>+<kbd>Enter</kbd> save the note". */
export function ShortcutList({ shortcuts }: ShortcutListProps) {
  return (
    <ul class="shortcut-list">
      {shortcuts.map(({ keys, what }) => (
        <li key={`${keys.join('+')} ${what}`}>
          {keys.map((key, i) => (
            <Fragment key={key}>
              {i > 0 && '+'}
              <kbd>{key}</kbd>
            </Fragment>
          ))}{' '}
          {what}
        </li>
      ))}
    </ul>
  );
}
