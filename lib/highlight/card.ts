/**
 * The claim card: what Sourcemark knows of one claim (its sources, cues, ratings, the user's
 * note and verdict), in a dialog inside the overlay's shadow root. Built with textContent only:
 * the claim, the source names and the notes all come from page text or user input.
 */
import { TIER_LABELS, VERDICT_LABELS, type Attribution, type Source, type SourceRating } from '../model';
import { scoreText } from '../sources/rating-display';
import type { ClaimMark } from '../page/claim-marks';
import { isUserAttribution } from '../sources/choose-source';
import {
  attributionChains,
  cueDescription,
  ratingOf,
  REATTACHED_LABEL,
  SOURCE_TYPE_LABELS,
  type SourceLookup,
} from './claim-label';

/** Longest claim text shown in full; longer ones are cut with "…" (the page has the rest). */
const MAX_QUOTE_LENGTH = 600;
/** Distance, in CSS pixels, between the card and what it points at, and the viewport's edges. */
const CARD_GAP = 6;

/** The card, one per page, reused for every claim. */
export type ClaimCard = {
  /** The `role="dialog"` element. */
  readonly element: HTMLDivElement;
  /** Start offset of the claim shown, or null when hidden. */
  readonly start: number | null;
  /** True when opened by a click or keyboard (stays until closed); false when shown on hover. */
  readonly pinned: boolean;
  /** Show `mark`; `pinned` cards stay open until closed, others follow the pointer. */
  show(mark: ClaimMark, sources: SourceLookup, options: { pinned: boolean }): void;
  /** Place the card below `anchor` (a viewport rect), or above when there is no room below. */
  place(anchor: DOMRect | null): void;
  hide(): void;
};

/** Append an element with text (never HTML) to `parent`. */
function addText<K extends keyof HTMLElementTagNameMap>(
  parent: Node,
  tag: K,
  className: string,
  text: string,
): HTMLElementTagNameMap[K] {
  const element = (parent.ownerDocument ?? document).createElement(tag);
  if (className) element.className = className;
  element.textContent = text;
  parent.appendChild(element);
  return element;
}

/** A titled section of the card. */
function addSection(parent: Node, heading: string): HTMLElement {
  const section = addText(parent, 'section', 'sm-card-section', '');
  addText(section, 'h3', 'sm-card-heading', heading);
  return section;
}

/** One attribution as a list item: source and type, then cue, speaker, chain and carry-over. */
function attributionItem(list: HTMLElement, attribution: Attribution, all: readonly Attribution[]): void {
  const item = addText(list, 'li', '', '');
  addText(item, 'span', 'sm-card-source', attribution.label);
  addText(item, 'span', 'sm-card-detail', ` — ${SOURCE_TYPE_LABELS[attribution.type] ?? attribution.type}`);
  const cue = cueDescription(attribution);
  if (cue) addText(item, 'p', 'sm-card-detail', `Cue: ${cue}`);
  if (attribution.speaker) addText(item, 'p', 'sm-card-detail', `Speaker: ${attribution.speaker}`);
  const outer = attribution.reportedBy !== null ? all[attribution.reportedBy] : undefined;
  if (outer && outer !== attribution) addText(item, 'p', 'sm-card-detail', `As reported by ${outer.label}`);
  if (attribution.carriedOver) addText(item, 'p', 'sm-card-detail', 'Carried over from the previous sentence');
  if (isUserAttribution(attribution)) addText(item, 'p', 'sm-card-detail', 'Source set by you');
}

/** The card's content for `mark` (everything below the title bar). Exported for tests. */
export function renderCardContent(doc: Document, mark: ClaimMark, sources: SourceLookup): DocumentFragment {
  const content = doc.createDocumentFragment();
  const quote = mark.text.length > MAX_QUOTE_LENGTH ? `${mark.text.slice(0, MAX_QUOTE_LENGTH)}…` : mark.text;
  addText(content, 'blockquote', 'sm-card-quote', quote);
  if (!mark.detected && mark.annotation?.origin === 'manual') {
    addText(content, 'p', 'sm-card-detail', 'Your own annotation, on text you selected.');
  } else if (!mark.detected) {
    addText(content, 'p', 'sm-card-detail', 'Saved annotation: detection does not flag this text on the page now.');
  }

  const ordered = attributionChains(mark.attributions).flat();
  const sourcesSection = addSection(content, ordered.length > 1 ? 'Attributed to (outermost first)' : 'Attributed to');
  if (ordered.length === 0) {
    addText(sourcesSection, 'p', 'sm-card-detail', 'No source detected for this sentence.');
  } else {
    const list = addText(sourcesSection, 'ul', '', '');
    for (const attribution of ordered) attributionItem(list, attribution, mark.attributions);
  }

  // Ratings, once per rated source: tier in words, score, the rater's rationale and name.
  const rated = new Map<string, { name: string; rating: SourceRating }>();
  for (const attribution of ordered) {
    const rating = ratingOf(attribution, sources);
    const id = attribution.source?.id;
    if (rating && id && !rated.has(id)) rated.set(id, { name: attribution.label, rating });
  }
  if (rated.size > 0) {
    const section = addSection(content, rated.size > 1 ? 'Source ratings' : 'Source rating');
    for (const { name, rating } of rated.values()) {
      const line = addText(section, 'p', 'sm-card-rating', '');
      line.setAttribute('data-tier', rating.tier);
      addText(line, 'span', 'sm-card-source', `${name}: ${TIER_LABELS[rating.tier]}`);
      if (rating.score !== undefined) addText(line, 'span', 'sm-card-detail', ` · ${scoreText(rating.score)}`);
      if (rating.rationale.trim()) addText(section, 'p', 'sm-card-detail sm-card-rationale', rating.rationale);
      if (rating.ratedBy) addText(section, 'p', 'sm-card-detail', `Rated by ${rating.ratedBy}`);
    }
  }

  const annotation = mark.annotation;
  if (annotation) {
    const section = addSection(content, 'Your annotation');
    if (mark.anchoring === 'fuzzy' && mark.previousText !== null) {
      addText(section, 'p', 'sm-card-detail', `${REATTACHED_LABEL}. You saved it on:`);
      const previous = mark.previousText.length > MAX_QUOTE_LENGTH ? `${mark.previousText.slice(0, MAX_QUOTE_LENGTH)}…` : mark.previousText;
      addText(section, 'blockquote', 'sm-card-quote sm-card-previous', previous);
    }
    if (annotation.verdict) {
      addText(section, 'p', '', `Verdict: ${VERDICT_LABELS[annotation.verdict.rating] ?? annotation.verdict.rating}`);
      if (annotation.verdict.rationale.trim()) addText(section, 'p', 'sm-card-detail', annotation.verdict.rationale);
    }
    if (annotation.note.trim()) addText(section, 'p', '', `Note: ${annotation.note}`);
    if (annotation.tags.length > 0) addText(section, 'p', 'sm-card-detail', `Tags: ${annotation.tags.join(', ')}`);
    if (!annotation.verdict && !annotation.note.trim() && annotation.tags.length === 0) {
      addText(section, 'p', 'sm-card-detail', 'Saved, without a note or verdict yet.');
    }
  }
  return content;
}

/**
 * Create the (hidden) card in `root`. `host` is the overlay's host element: card positions are
 * relative to it. `onCloseButton` runs when the user presses the card's close button, until
 * `signal` aborts.
 */
export function createCard(
  doc: Document,
  root: ShadowRoot,
  host: HTMLElement,
  onCloseButton: () => void,
  signal: AbortSignal,
): ClaimCard {
  const element = doc.createElement('div');
  element.className = 'sm-card';
  element.setAttribute('role', 'dialog');
  element.setAttribute('aria-label', 'Claim details');
  // Focusable as a whole, so opening it from a tag can move keyboard focus into it.
  element.tabIndex = -1;
  element.hidden = true;

  const head = addText(element, 'div', 'sm-card-head', '');
  const title = addText(head, 'h2', 'sm-card-title', 'Claim');
  const close = addText(head, 'button', 'sm-card-close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close claim details');
  close.addEventListener('click', onCloseButton, { signal });
  const body = addText(element, 'div', 'sm-card-body', '');
  root.append(element);

  let start: number | null = null;
  let pinned = false;

  return {
    element,
    get start() {
      return start;
    },
    get pinned() {
      return pinned;
    },
    show(mark, sources, options) {
      start = mark.start;
      pinned = options.pinned;
      title.textContent = !mark.annotation ? 'Claim' : mark.annotation.kind === 'highlight' ? 'Your highlight' : 'Annotated claim';
      element.setAttribute('data-claim-start', String(mark.start));
      element.setAttribute('data-annotated', String(mark.annotation !== null));
      body.replaceChildren(renderCardContent(doc, mark, sources));
      element.hidden = false;
    },
    place(anchor) {
      if (element.hidden || !anchor) return;
      const origin = host.getBoundingClientRect();
      const viewportWidth = doc.documentElement.clientWidth;
      const viewportHeight = doc.documentElement.clientHeight;
      const width = element.offsetWidth;
      const height = element.offsetHeight;
      const left = Math.min(Math.max(CARD_GAP, anchor.left), Math.max(CARD_GAP, viewportWidth - width - CARD_GAP));
      const below = anchor.bottom + CARD_GAP;
      const above = anchor.top - CARD_GAP - height;
      const top = below + height > viewportHeight - CARD_GAP && above >= CARD_GAP ? above : below;
      element.style.left = `${Math.round(left - origin.left)}px`;
      element.style.top = `${Math.round(top - origin.top)}px`;
    },
    hide() {
      start = null;
      pinned = false;
      element.hidden = true;
      body.replaceChildren();
    },
  };
}
