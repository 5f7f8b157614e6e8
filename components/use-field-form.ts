/**
 * The submit-and-refuse logic shared by the options page's forms (SourceForm, SourceRatingForm):
 * a draft of what is typed, one submit at a time, and a refusal that marks its field
 * (`aria-invalid`, the error in `aria-describedby`) and takes the focus, keeping the draft.
 */
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';

/** How a submit went; a refusal says which field to fix (the page has already announced why). */
export type FormSubmitOutcome<Field extends string> = { ok: true } | { ok: false; field?: Field; message: string };

/** What `useFieldForm` needs. */
export type FieldFormOptions<Draft, Field extends string> = {
  /** What the fields start with. */
  initial: Draft;
  /** The element id of each field's control, and of the error paragraph (`error`). */
  ids: Record<Field | 'error', string>;
  /** Check and store the draft; resolves how it went. */
  onSubmit(draft: Draft): Promise<FormSubmitOutcome<Field>>;
  /** Start from `initial` again after a successful submit (an "add" form). */
  resetOnSave?: boolean;
};

/** The form's state and handlers, for its controls. */
export type FieldForm<Draft, Field extends string> = {
  /** What the controls show (as of this render). */
  draft: Draft;
  /** Change some fields; two events before the next render both count. */
  update(patch: Partial<Draft>): void;
  /** True while a submit is being stored (the submit button is `aria-disabled`). */
  saving: boolean;
  /** The last refusal, until a submit succeeds. */
  refusal: { field: Field | undefined; message: string } | null;
  /** Put on the `<form>`. */
  formRef: RefObject<HTMLFormElement | null>;
  /** Focus `field`'s control; without a field (or when it is not shown), the form's first control. */
  focusField(field: Field | undefined): void;
  /** The form's submit handler. */
  submit(event: Event): Promise<void>;
  /** `aria-invalid` for `field`'s control. */
  invalid(field: Field): true | undefined;
  /** `aria-describedby` for `field`'s control: its hint's id, and the error's while it is refused. */
  describedBy(field: Field, hint?: string): string | undefined;
};

/** State and handlers of a form whose submit can be refused on one field. */
export function useFieldForm<Draft, Field extends string>({ initial, ids, onSubmit, resetOnSave }: FieldFormOptions<Draft, Field>): FieldForm<Draft, Field> {
  const [draft, setDraft] = useState<Draft>(initial);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ field: Field | undefined; message: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The draft including changes not rendered yet: what a submit must store.
  const latest = useRef(draft);

  const update = (patch: Partial<Draft>) => {
    latest.current = { ...latest.current, ...patch };
    setDraft(latest.current);
  };

  const focusField = (field: Field | undefined) => {
    const id = field === undefined ? undefined : ids[field];
    const target = id ? formRef.current?.querySelector<HTMLElement>(`[id="${id}"]`) : null;
    (target ?? formRef.current?.querySelector<HTMLElement>('input, textarea, select'))?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    let outcome: FormSubmitOutcome<Field>;
    try {
      outcome = await onSubmit(latest.current);
    } finally {
      setSaving(false);
    }
    if (outcome.ok) {
      setRefusal(null);
      if (resetOnSave) {
        latest.current = initial;
        setDraft(initial);
      }
      return;
    }
    setRefusal({ field: outcome.field, message: outcome.message });
    focusField(outcome.field);
  };

  const invalid = (field: Field) => (refusal?.field === field ? true : undefined);
  const describedBy = (field: Field, hint?: string) =>
    [hint, refusal?.field === field ? ids.error : undefined].filter(Boolean).join(' ') || undefined;

  return { draft, update, saving, refusal, formRef, focusField, submit, invalid, describedBy };
}
