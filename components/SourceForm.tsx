/**
 * The form for a source of the user's own (name, aliases, type, country), or for the user's
 * aliases of a built-in source (aliases only). Used by the options page to add and to edit.
 */
import { useId, useLayoutEffect } from 'preact/hooks';
import { SOURCE_TYPES, type SourceType } from '../lib/model';
import { SOURCE_TYPE_LABELS } from '../lib/popup/labels';
import { isSourceType, MAX_ALIASES, MAX_NAME_LENGTH, type SourceField } from '../lib/sources/source-input';
import { useFieldForm, type FormSubmitOutcome } from './use-field-form';

/** What the form's controls hold, as typed. */
export type SourceDraft = {
  /** The name field. */
  name: string;
  /** The aliases field: one per line or comma-separated (see `splitAliasList`). */
  aliases: string;
  /** The type select. */
  type: SourceType;
  /** The country field: empty, or two letters. */
  country: string;
};

/** An empty draft, for the "Add a source" form. */
export const EMPTY_DRAFT: SourceDraft = { name: '', aliases: '', type: 'other', country: '' };

/** How a submit went; a refusal says which field to fix (the page has already announced why). */
export type SubmitOutcome = FormSubmitOutcome<SourceField>;

/** Props of `SourceForm`. */
export type SourceFormProps = {
  /** The form's accessible name ("Add a source", "Edit KCNA"), as the id of a heading or as text. */
  label: { labelledBy: string } | { text: string };
  /** `source`: every field; `aliases`: only the aliases (a built-in's name, type and country are fixed). */
  fields: 'source' | 'aliases';
  /** What the fields start with. */
  initial: SourceDraft;
  /** The submit button's text. */
  submitLabel: string;
  /** Extra words under the aliases field (a built-in's own aliases). */
  aliasesNote?: string;
  /** Store the draft. The draft is kept on a refusal; on success it is reset when `resetOnSave`. */
  onSubmit(draft: SourceDraft): Promise<SubmitOutcome>;
  /** Shows a "Cancel" button that calls this; Escape in the form does the same. */
  onCancel?(): void;
  /** Start from `initial` again after a successful submit (the add form). */
  resetOnSave?: boolean;
  /** Move the keyboard focus to the first field when the form appears. */
  autoFocus?: boolean;
};

/** "state media" → "State media". */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A `<form>` with labelled fields "Name", "Aliases", "Type", "Country" (or "Aliases" alone).
 * Enter in a text field submits; Escape cancels an edit. A refused field gets `aria-invalid` and the error beside it,
 * and takes the focus; what the user typed stays.
 */
export function SourceForm(props: SourceFormProps) {
  const { label, fields, initial, submitLabel, aliasesNote, onSubmit, onCancel, resetOnSave, autoFocus } = props;
  const ids = {
    name: useId(),
    aliases: useId(),
    aliasesHint: useId(),
    type: useId(),
    country: useId(),
    countryHint: useId(),
    error: useId(),
  };
  const { draft, update, saving, refusal, formRef, focusField, submit, invalid, describedBy } = useFieldForm({ initial, ids, onSubmit, resetOnSave });

  useLayoutEffect(() => {
    if (autoFocus) focusField(fields === 'source' ? 'name' : 'aliases');
  }, []);

  const formLabel = 'labelledBy' in label ? { 'aria-labelledby': label.labelledBy } : { 'aria-label': label.text };

  return (
    <form
      ref={formRef}
      class="source-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onCancel) onCancel();
      }}
      noValidate
      {...formLabel}
    >
      {fields === 'source' && (
        <div class="field">
          <label for={ids.name}>Name</label>
          <input
            id={ids.name}
            type="text"
            value={draft.name}
            maxLength={MAX_NAME_LENGTH}
            autocomplete="off"
            aria-required="true"
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name')}
            onInput={(event) => update({ name: event.currentTarget.value })}
          />
        </div>
      )}
      <div class="field">
        <label for={ids.aliases}>Aliases</label>
        <textarea
          id={ids.aliases}
          rows={3}
          value={draft.aliases}
          aria-invalid={invalid('aliases')}
          aria-describedby={describedBy('aliases', ids.aliasesHint)}
          onInput={(event) => update({ aliases: event.currentTarget.value })}
        />
        <p id={ids.aliasesHint} class="hint">
          Other words texts use for this source, one per line or separated by commas (at most {MAX_ALIASES}).
          {aliasesNote ? ` ${aliasesNote}` : ''}
        </p>
      </div>
      {fields === 'source' && (
        <div class="field-row">
          <div class="field">
            <label for={ids.type}>Type</label>
            <select
              id={ids.type}
              value={draft.type}
              aria-invalid={invalid('type')}
              aria-describedby={describedBy('type')}
              onChange={(event) => {
                const chosen = event.currentTarget.value;
                if (isSourceType(chosen)) update({ type: chosen });
              }}
            >
              {SOURCE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {capitalised(SOURCE_TYPE_LABELS[type])}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={ids.country}>Country</label>
            <input
              id={ids.country}
              type="text"
              class="country"
              value={draft.country}
              maxLength={2}
              size={4}
              autocomplete="off"
              spellcheck={false}
              aria-invalid={invalid('country')}
              aria-describedby={describedBy('country', ids.countryHint)}
              onInput={(event) => update({ country: event.currentTarget.value })}
            />
            <p id={ids.countryHint} class="hint">
              Optional: two letters, e.g. KP
            </p>
          </div>
        </div>
      )}
      {refusal && (
        <p id={ids.error} class="form-error" data-testid="form-error">
          {refusal.message}
        </p>
      )}
      <div class="actions">
        <button type="submit" aria-disabled={saving}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
