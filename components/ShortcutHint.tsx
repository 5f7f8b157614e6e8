/** The popup footer's line on how to annotate selected text: the shortcut as bound now, and the context menu. */
import { useEffect, useState } from 'preact/hooks';
import { ANNOTATE_COMMAND, ANNOTATE_MENU_TITLE } from '../lib/background/annotate-selection';
import { messageOf, type ShortcutPort } from '../lib/popup/ports';

/** Props of `ShortcutHint`. */
export type ShortcutHintProps = {
  /** Reads the browser's binding of a command. */
  shortcut: ShortcutPort;
};

type Binding = { status: 'loading' } | { status: 'ready'; keys: string } | { status: 'failed'; error: string };

/**
 * `<aside data-testid="annotate-shortcut">`: "Annotate selected text: Alt+Shift+M, or right-click →
 * Annotate selection with Sourcemark." The keys are read from the browser (`commands.getAll()`),
 * so a binding the user changed shows as changed; an unbound command says where to set one.
 */
export function ShortcutHint({ shortcut }: ShortcutHintProps) {
  const [binding, setBinding] = useState<Binding>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    shortcut(ANNOTATE_COMMAND).then(
      (keys) => current && setBinding({ status: 'ready', keys }),
      (error: unknown) => current && setBinding({ status: 'failed', error: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [shortcut]);
  const menu = `right-click → ${ANNOTATE_MENU_TITLE}`;
  return (
    // A landmark of its own (it sits between the claim list and the footer): "Annotate selected text".
    <aside class="shortcut-hint" aria-label="Annotate selected text" data-testid="annotate-shortcut">
      Annotate selected text on the page:{' '}
      {binding.status === 'ready' && binding.keys !== '' && (
        <>
          <kbd>{binding.keys}</kbd>, or {menu}.
        </>
      )}
      {binding.status === 'ready' && binding.keys === '' && <>{menu} (no keyboard shortcut set: choose one in the browser's extension shortcuts).</>}
      {binding.status === 'failed' && <>{menu} (the keyboard shortcut could not be read: {binding.error}).</>}
      {binding.status === 'loading' && <>{menu}.</>}
    </aside>
  );
}
