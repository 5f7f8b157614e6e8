/**
 * The in-page editor of a manual annotation: the selected text, a note, tags, a verdict with its
 * rationale, and a source picked from the registry or typed new. A non-modal dialog in the
 * overlay's shadow root, built with textContent and properties only (the quote is page text).
 *
 * Keyboard: focus goes to the note on open; Tab moves through the fields; Ctrl+Enter (or the
 * Save button) saves; Escape (or Cancel) closes without saving; focus returns to where it was.
 * Key presses inside the editor do not reach the page, whose own shortcuts would eat the typing.
 */
import { VERDICT_LABELS, VERDICT_RATINGS, type VerdictRating } from '../model';

/** What the user wrote in the editor. */
export type ManualDraft = {
  /** The note as typed. */
  note: string;
  /** The tags: split on commas, trimmed, blanks and duplicates dropped. */
  tags: string[];
  /** The chosen verdict, or null for none. */
  verdict: VerdictRating | null;
  /** Why that verdict (kept only with a verdict). */
  rationale: string;
  /** The source as typed or picked: a registry name, a new name, or '' for none. */
  source: string;
};

/** How to open the editor. */
export type EditorRequest = {
  /** The selected text, shown as the quote. */
  quote: string;
  /** Where the selection is on screen (viewport coordinates): the editor goes below it, or above. */
  anchor: DOMRect | null;
  /** Source names to suggest (the merged registry). */
  sourceNames: readonly string[];
  /** Save the draft; resolves null when saved (the editor closes), or an error to show (the draft is kept). */
  onSubmit(draft: ManualDraft): Promise<string | null>;
};

/** The editor and the one-line notice, one each per page. */
export type AnnotationEditor = {
  /** The `role="dialog"` element holding the form. */
  readonly element: HTMLDivElement;
  /** True while the editor is open. */
  readonly isOpen: boolean;
  /** Open the editor for a selection (replacing an open one). */
  open(request: EditorRequest): void;
  /** Close without saving; focus returns to where it was before opening. */
  close(): void;
  /** Show a short message on the page (e.g. "select some text first"), read out by screen readers. */
  notice(text: string): void;
};

/** Longest quote shown in full in the editor. */
const MAX_QUOTE_LENGTH = 300;
/** How long a notice stays, ms. */
const NOTICE_MS = 6000;
/** Distance, in CSS pixels, from the selection and the viewport's edges. */
const GAP = 8;
/** Said on the page once an annotation is saved. */
export const SAVED_MESSAGE = 'Sourcemark: annotation saved. It is in the popup and the library.';
/** Id of the datalist of source names, in the shadow root. */
const SOURCE_LIST_ID = 'sm-editor-sources';

/** Split the tags field: commas separate tags; white space is collapsed; blanks and repeats go. */
export function splitTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.replace(/\s+/gu, ' ').trim())
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)];
}

/** A labelled field: `<div class="sm-field"><label>…</label>control</div>`. */
function field(doc: Document, form: HTMLElement, id: string, label: string, control: HTMLElement): void {
  const wrap = doc.createElement('div');
  wrap.className = 'sm-field';
  const labelElement = doc.createElement('label');
  labelElement.htmlFor = id;
  labelElement.textContent = label;
  control.id = id;
  wrap.append(labelElement, control);
  form.append(wrap);
}

/** A text input for `form` with a hint below it, tied to it by `aria-describedby`. */
function hintedTextField(doc: Document, form: HTMLElement, id: string, label: string, hint: string): HTMLInputElement {
  const input = doc.createElement('input');
  input.type = 'text';
  input.autocomplete = 'off';
  input.setAttribute('aria-describedby', `${id}-hint`);
  field(doc, form, id, label, input);
  const hintElement = doc.createElement('p');
  hintElement.className = 'sm-card-detail';
  hintElement.id = `${id}-hint`;
  hintElement.textContent = hint;
  form.append(hintElement);
  return input;
}

/** Create the (hidden) editor and notice in `root`; positions are relative to `host`. Listeners end with `signal`. */
export function createAnnotationEditor(doc: Document, root: ShadowRoot, host: HTMLElement, signal: AbortSignal): AnnotationEditor {
  // A dialog holding a form (a form element may not take the dialog role itself).
  const dialog = doc.createElement('div');
  dialog.className = 'sm-editor';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-labelledby', 'sm-editor-title');
  dialog.hidden = true;
  const form = doc.createElement('form');
  form.noValidate = true;
  dialog.append(form);

  const title = doc.createElement('h2');
  title.className = 'sm-card-title';
  title.id = 'sm-editor-title';
  title.textContent = 'Annotate selection';
  const quote = doc.createElement('blockquote');
  quote.className = 'sm-card-quote';
  form.append(title, quote);

  const note = doc.createElement('textarea');
  note.rows = 3;
  field(doc, form, 'sm-editor-note', 'Note', note);
  const tags = hintedTextField(doc, form, 'sm-editor-tags', 'Tags', 'Separate tags with commas.');

  const verdict = doc.createElement('select');
  const none = doc.createElement('option');
  none.value = '';
  none.textContent = 'No verdict';
  verdict.append(none);
  for (const rating of VERDICT_RATINGS) {
    const option = doc.createElement('option');
    option.value = rating;
    option.textContent = VERDICT_LABELS[rating];
    verdict.append(option);
  }
  field(doc, form, 'sm-editor-verdict', 'Verdict', verdict);
  const rationale = doc.createElement('textarea');
  rationale.rows = 2;
  field(doc, form, 'sm-editor-rationale', 'Why this verdict', rationale);

  const source = hintedTextField(doc, form, 'sm-editor-source', 'Source', 'Who says it: pick from your registry or type a new name. Leave empty for a plain highlight.');
  source.setAttribute('list', SOURCE_LIST_ID);
  const sourceList = doc.createElement('datalist');
  sourceList.id = SOURCE_LIST_ID;
  form.append(sourceList);

  const status = doc.createElement('p');
  status.className = 'sm-editor-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const actions = doc.createElement('div');
  actions.className = 'sm-editor-actions';
  const save = doc.createElement('button');
  save.type = 'submit';
  save.textContent = 'Save';
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.className = 'sm-secondary';
  cancel.textContent = 'Cancel';
  actions.append(save, cancel);
  form.append(status, actions);

  const noticeElement = doc.createElement('p');
  noticeElement.className = 'sm-notice';
  noticeElement.setAttribute('role', 'alert');
  noticeElement.hidden = true;
  root.append(dialog, noticeElement);

  let request: EditorRequest | null = null;
  let returnFocus: Element | null = null;
  let saving = false;
  let noticeTimer = 0;
  const view = doc.defaultView ?? window;

  const draft = (): ManualDraft => {
    const rating = verdict.value;
    const chosen = (VERDICT_RATINGS as readonly string[]).includes(rating) ? (rating as VerdictRating) : null;
    return {
      note: note.value,
      tags: splitTags(tags.value),
      verdict: chosen,
      rationale: chosen ? rationale.value : '',
      source: source.value.trim(),
    };
  };

  const place = (anchor: DOMRect | null) => {
    const origin = host.getBoundingClientRect();
    const viewportWidth = doc.documentElement.clientWidth;
    const viewportHeight = doc.documentElement.clientHeight;
    const width = dialog.offsetWidth;
    const height = dialog.offsetHeight;
    const box = anchor ?? new DOMRect(viewportWidth / 2 - width / 2, GAP, 0, 0);
    const left = Math.min(Math.max(GAP, box.left), Math.max(GAP, viewportWidth - width - GAP));
    const below = box.bottom + GAP;
    const above = box.top - GAP - height;
    let top = below + height > viewportHeight - GAP && above >= GAP ? above : below;
    // Never off screen: a selection taller than the viewport puts the editor at the top.
    if (top + height > viewportHeight - GAP || top < GAP) top = GAP;
    dialog.style.left = `${Math.round(left - origin.left)}px`;
    dialog.style.top = `${Math.round(top - origin.top)}px`;
  };

  const showNotice = (text: string) => {
    view.clearTimeout(noticeTimer);
    noticeElement.textContent = text;
    noticeElement.hidden = false;
    noticeTimer = view.setTimeout(() => {
      noticeElement.hidden = true;
    }, NOTICE_MS);
  };

  const close = () => {
    if (!request) return;
    request = null;
    saving = false;
    dialog.hidden = true;
    status.textContent = '';
    const target = returnFocus;
    returnFocus = null;
    if (target instanceof view.HTMLElement && target.isConnected) target.focus({ preventScroll: true });
  };

  const submit = async () => {
    const current = request;
    if (!current || saving) return;
    saving = true;
    save.setAttribute('aria-disabled', 'true');
    status.textContent = 'Saving…';
    let error: string | null;
    try {
      error = await current.onSubmit(draft());
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    save.removeAttribute('aria-disabled');
    saving = false;
    if (request !== current) return; // closed or reopened meanwhile
    if (error === null) {
      close();
      showNotice(SAVED_MESSAGE);
    } else {
      status.textContent = `Not saved: ${error} Your text is kept; try again.`;
    }
  };

  form.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      void submit();
    },
    { signal },
  );
  cancel.addEventListener('click', () => close(), { signal });
  dialog.addEventListener(
    'keydown',
    (event) => {
      // The page's own shortcuts (and Sourcemark's card) must not act on keys typed here.
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void submit();
      }
    },
    { signal },
  );
  for (const type of ['keyup', 'keypress'] as const) dialog.addEventListener(type, (event) => event.stopPropagation(), { signal });
  signal.addEventListener('abort', () => view.clearTimeout(noticeTimer), { once: true });

  return {
    element: dialog,
    get isOpen() {
      return request !== null;
    },
    open(next) {
      if (!request) returnFocus = doc.activeElement;
      request = next;
      saving = false;
      noticeElement.hidden = true;
      quote.textContent = next.quote.length > MAX_QUOTE_LENGTH ? `${next.quote.slice(0, MAX_QUOTE_LENGTH)}…` : next.quote;
      note.value = '';
      tags.value = '';
      verdict.value = '';
      rationale.value = '';
      source.value = '';
      status.textContent = '';
      save.removeAttribute('aria-disabled');
      sourceList.replaceChildren(
        ...next.sourceNames.map((name) => {
          const option = doc.createElement('option');
          option.value = name;
          return option;
        }),
      );
      dialog.hidden = false;
      place(next.anchor);
      note.focus({ preventScroll: true });
    },
    close,
    notice: showNotice,
  };
}
