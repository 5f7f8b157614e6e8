/**
 * "Your name" on the options page: the name or initials that sign the user's source ratings
 * ("Rated by"), kept in the settings (storage.local) so the popup signs with it too.
 */
import { useId, useState } from 'preact/hooks';
import { MAX_RATER_NAME_LENGTH } from '../lib/settings/settings';
import { useDraft } from './use-draft';

/** Props of `SourceRaterName`. */
export type SourceRaterNameProps = {
  /** The stored name ('' for none). */
  name: string;
  /** Store the name; resolves false when it failed (the caller has said why; the field keeps the text). */
  onSave(name: string): Promise<boolean>;
};

/** `<section>` headed "Your name" with a labelled field and a "Save name" button; Enter saves. */
export function SourceRaterName({ name, onSave }: SourceRaterNameProps) {
  const headingId = useId();
  const fieldId = useId();
  const hintId = useId();
  const draft = useDraft(name);
  const [saving, setSaving] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      await onSave(draft.latest());
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="rater-name" aria-labelledby={headingId}>
      <h2 id={headingId}>Your name</h2>
      <form class="inline-form" onSubmit={submit} aria-labelledby={headingId}>
        <div class="field">
          <label for={fieldId}>Your name or initials</label>
          <input
            id={fieldId}
            type="text"
            autocomplete="name"
            maxLength={MAX_RATER_NAME_LENGTH}
            value={draft.value}
            aria-describedby={hintId}
            onInput={(event) => draft.set(event.currentTarget.value)}
          />
        </div>
        <button type="submit" aria-disabled={saving}>
          Save name
        </button>
      </form>
      <p id={hintId} class="hint">
        Signs the source ratings you make (“Rated by”), here and in the popup. It stays in this browser.
      </p>
    </section>
  );
}
