/**
 * Manual annotations on the page: the user selects text and asks for the editor (context menu or
 * keyboard shortcut, through the background); the selection becomes W3C selectors on the page's
 * extracted text, the editor collects note, tags, verdict and source, and the background saves
 * it as a `manual` annotation. The page then anchors and draws it like any saved annotation.
 */
import { buildSelectors } from '../anchor/text-quote';
import type { AnnotationEditor, ManualDraft } from '../highlight/annotation-editor';
import { fail, MAX_QUOTE_LENGTH, ok, type ManualAnnotationInput, type Result } from '../messages';
import type { Annotation, TextPositionSelector, TextQuoteSelector } from '../model';
import { chooseSource } from '../sources/choose-source';
import type { RegistryEntry } from '../sources/merge-registry';
import { askBackground, type SendMessage } from './background-client';

/** Said on the page when there is nothing selected to annotate. */
export const NO_SELECTION_MESSAGE =
  'Sourcemark: select some text on the page first, then use “Annotate selection with Sourcemark” (right-click) or its keyboard shortcut.';

/** Said in the popup when the user asks to re-attach an annotation but nothing is selected on the page. */
export const NO_SELECTION_TO_REATTACH =
  'Nothing is selected on the page: select the sentence this annotation belongs to, then open the popup and press “Re-attach to selected text” again.';

/** A span of the page's extracted text, `start` < `end`. */
export type TextSpan = { start: number; end: number };

/**
 * The page-text span of a DOM range: the first and last extracted characters it covers. Text the
 * extraction leaves out (scripts, hidden text, Sourcemark's own UI) is skipped; a range that
 * covers no extracted text gives null. `offsetOf` maps a text node position to a page offset.
 */
export function rangeToSpan(range: Range, offsetOf: (node: Node, offset: number) => number | null): TextSpan | null {
  if (range.collapsed) return null;
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const root = range.commonAncestorContainer;
  let start: number | null = null;
  let end: number | null = null;
  const visit = (node: Text) => {
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to <= from) return;
    const a = offsetOf(node, from);
    const b = offsetOf(node, to);
    if (a === null || b === null) return;
    if (start === null || a < start) start = a;
    if (end === null || b > end) end = b;
  };
  if (root.nodeType === 3 /* TEXT_NODE */) {
    visit(root as Text);
  } else {
    const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (range.intersectsNode(node)) visit(node as Text);
    }
  }
  return start !== null && end !== null && end > start ? { start, end } : null;
}

/** `span` without white space at either end; null when nothing but white space is left. */
export function trimSpan(text: string, span: TextSpan): TextSpan | null {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}

/** What the annotator needs from the page pipeline. */
export type SelectionAnnotatorDeps = {
  /** The page's extracted text now. */
  text(): string;
  /** The page offset of a DOM position, or null outside the extracted text. */
  offsetOf(node: Node, offset: number): number | null;
  /** The page's normalised URL and title. */
  page(): { url: string; title: string };
  /** The merged source registry (built-in and the user's), for the source field. */
  registry(): readonly RegistryEntry[];
  /** The editor in the page's overlay (made on first use). */
  editor(): AnnotationEditor;
  /** `runtime.sendMessage` to the background. */
  sendMessage: SendMessage;
  /** Called with the saved annotation: redraw the page's marks. */
  onSaved(annotation: Annotation): void;
};

/** The request to save a draft for `span` of `text`; throws a RangeError for an overlong source name. */
export function manualRequest(draft: ManualDraft, text: string, span: TextSpan, page: { url: string; title: string }, registry: readonly RegistryEntry[]): ManualAnnotationInput {
  const [quote, position] = buildSelectors(text, span.start, span.end);
  const choice = chooseSource(draft.source, registry);
  return {
    url: page.url,
    pageTitle: page.title,
    quote,
    position,
    note: draft.note,
    tags: draft.tags,
    verdict: draft.verdict ? { rating: draft.verdict, rationale: draft.rationale } : null,
    source: choice ? { id: choice.ref?.id ?? null, name: choice.label, type: choice.type } : null,
  };
}

/**
 * The quote and position selectors of `range` (the page's selection) on the page's extracted text,
 * white space trimmed: what an orphaned annotation is re-attached to. No or a blank selection
 * gives a failed Result saying so (`NO_SELECTION_TO_REATTACH`).
 */
export function selectionSelectors(
  range: Range | null,
  deps: Pick<SelectionAnnotatorDeps, 'text' | 'offsetOf'>,
): Result<[TextQuoteSelector, TextPositionSelector]> {
  const text = deps.text();
  const raw = range ? rangeToSpan(range, deps.offsetOf) : null;
  const span = raw ? trimSpan(text, raw) : null;
  if (!span) return fail(NO_SELECTION_TO_REATTACH);
  if (span.end - span.start > MAX_QUOTE_LENGTH) {
    return fail(`The selection is too long to re-attach to (${span.end - span.start} characters; at most ${MAX_QUOTE_LENGTH}): select the sentence only.`);
  }
  return ok(buildSelectors(text, span.start, span.end));
}

/** True when a background answer is a saved annotation (the fields the page reads). */
function isAnnotation(value: unknown): value is Annotation {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/**
 * Open the editor on `range` (the selection when the request came). An empty or blank selection
 * shows `NO_SELECTION_MESSAGE` on the page and answers a failed Result with the same words.
 */
export function annotateRange(range: Range | null, deps: SelectionAnnotatorDeps): Result<null> {
  const text = deps.text();
  const raw = range ? rangeToSpan(range, deps.offsetOf) : null;
  const span = raw ? trimSpan(text, raw) : null;
  if (!span || !range) {
    deps.editor().notice(NO_SELECTION_MESSAGE);
    return fail(NO_SELECTION_MESSAGE);
  }
  const rects = range.getClientRects();
  const last = rects.length > 0 ? rects[rects.length - 1] : null;
  const first = rects.length > 0 ? rects[0] : null;
  // Below the selection's last line (the editor says what it is about; the text stays readable).
  const anchor = first && last ? new DOMRect(first.left, first.top, Math.max(1, last.right - first.left), last.bottom - first.top) : range.getBoundingClientRect();
  const page = deps.page();
  const registry = deps.registry();
  deps.editor().open({
    quote: text.slice(span.start, span.end),
    anchor,
    sourceNames: registry.map((entry) => entry.source.name),
    onSubmit: async (draft) => {
      let request: ManualAnnotationInput;
      try {
        request = manualRequest(draft, text, span, page, registry);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      const saved = await askBackground(deps.sendMessage, { type: 'annotation:save-manual', annotation: request }, isAnnotation);
      if (!saved.ok) return saved.error;
      deps.onSaved(saved.value);
      return null;
    },
  });
  return ok(null);
}
