/**
 * What the library does to the selected annotations: delete (undoable from the status line),
 * add or remove a tag, export as JSON. Buttons stay in place (and say why when nothing is
 * selected) so the layout doesn't jump as the selection changes.
 */
import { useId, useRef } from 'preact/hooks';
import { countOf } from '../../lib/popup/labels';

/** Props of `BulkActions`. */
export type BulkActionsProps = {
  /** Number of selected annotations. */
  count: number;
  /** Number of rows shown (for "select all"). */
  shown: number;
  /** True when every shown row is selected. */
  allShownSelected: boolean;
  /** True while a bulk change or export runs. */
  busy: boolean;
  /** Tags in use, offered while typing. */
  tags: readonly string[];
  onSelectAllShown(select: boolean): void;
  onDelete(): void;
  onTag(action: 'add' | 'remove', tag: string): void;
  onExport(): void;
  onClear(): void;
};

/** The bulk-action bar. */
export function BulkActions({ count, shown, allShownSelected, busy, tags, onSelectAllShown, onDelete, onTag, onExport, onClear }: BulkActionsProps) {
  const tagId = useId();
  const listId = useId();
  const selectAllId = useId();
  // Read at click time (not from state): a click can come before the render of the last keystroke.
  const tagInput = useRef<HTMLInputElement>(null);
  const tag = () => tagInput.current?.value ?? '';
  const none = count === 0;
  const disabled = none || busy;
  const guard = (action: () => void) => () => {
    if (!disabled) action();
  };
  return (
    <div class="bulk" role="group" aria-label="Selected annotations" data-testid="bulk-actions">
      <div class="select-all">
        <input
          id={selectAllId}
          type="checkbox"
          checked={shown > 0 && allShownSelected}
          disabled={shown === 0}
          onChange={(event) => onSelectAllShown(event.currentTarget.checked)}
          data-testid="select-all"
        />
        <label for={selectAllId}>Select all {shown} shown</label>
      </div>
      <p class="selected-count" data-testid="selected-count">
        {none ? 'None selected' : `${countOf(count, 'annotation')} selected`}
      </p>
      <button type="button" class="danger" aria-disabled={disabled} onClick={guard(onDelete)}>
        Delete selected
      </button>
      <div class="field tag-field">
        <label for={tagId}>Tag to add or remove</label>
        <input id={tagId} ref={tagInput} type="text" list={listId} autocomplete="off" />
        <datalist id={listId}>
          {tags.slice(0, 500).map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <button type="button" class="secondary" aria-disabled={disabled} onClick={guard(() => onTag('add', tag()))}>
        Add tag
      </button>
      <button type="button" class="secondary" aria-disabled={disabled} onClick={guard(() => onTag('remove', tag()))}>
        Remove tag
      </button>
      <button type="button" aria-disabled={disabled} onClick={guard(onExport)}>
        Export selected
      </button>
      <button type="button" class="secondary" aria-disabled={none} onClick={() => !none && onClear()}>
        Clear selection
      </button>
      {none && <p class="hint">Select annotations with their checkboxes, or with x on the current one.</p>}
    </div>
  );
}
