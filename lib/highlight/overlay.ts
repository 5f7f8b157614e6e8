/**
 * Sourcemark's one element on the page: `<sourcemark-root>`, a zero-size box at the document's
 * top-left whose open shadow root holds all UI (tags and the claim card), out of reach of page CSS.
 * Tags sit just after the end of their claim, in document coordinates, and follow layout changes.
 */
import { SOURCEMARK_HOST_TAG } from '../anchor/dom-text';
import type { TagLabel } from './claim-label';
import { throttleToFrame } from './frame-throttle';
import { OVERLAY_CSS } from './overlay-styles';

/** Id of the host element (the tag name is `SOURCEMARK_HOST_TAG`). */
export const HOST_ID = 'sourcemark-root';

/**
 * The host's inline style. `!important` inline declarations beat any page rule, so a page that
 * styles unknown elements (or `*`) cannot move, hide or resize the host; zero size and absolute
 * position mean it takes no room in the page's layout.
 */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'absolute',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  'pointer-events': 'none',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
};

/** Gap, in CSS pixels, between a claim's last character and its tag, and around clamped tags. */
const TAG_GAP = 3;

/** What a tag shows and where: the claim it belongs to and that claim's range. */
export type TagSpec = {
  /** The claim's start offset: the tag's `data-claim-start`. */
  start: number;
  /** The claim's text on the page; the tag goes after its last line box. */
  range: Range;
  /** The first character after the claim in the same block, if any: tells a claim ending mid-line. */
  after: Range | null;
  /** What the tag says. */
  label: TagLabel;
};

/** A placed tag. */
type PlacedTag = {
  spec: TagSpec;
  element: HTMLButtonElement;
  width: number;
  height: number;
};

/** The host element, its shadow root, and the tags in it. */
export type Overlay = {
  /** `<sourcemark-root id="sourcemark-root">`, the one element added to the page. */
  readonly host: HTMLElement;
  /** Its open shadow root, which holds all of Sourcemark's UI. */
  readonly root: ShadowRoot;
  /** Replace all tags; they are positioned before this returns. */
  setTags(specs: readonly TagSpec[]): void;
  /** The tag of the claim starting at `start`, if there is one. */
  tagFor(start: number): HTMLButtonElement | null;
  /** The claim start of a tag element (null for anything else). */
  startOfTag(element: Element | null): number | null;
  /** Reposition everything on the next animation frame (layout changed). */
  scheduleReposition(): void;
  /** Called after every reposition, e.g. to move an open card with its tag. */
  onReposition(listener: () => void): void;
  /** Remove the host and stop observing layout. */
  destroy(): void;
};

/** The last non-empty client rect of a range: where its text ends on screen. */
export function lastRect(range: Range): DOMRect | null {
  const rects = range.getClientRects();
  for (let i = rects.length - 1; i >= 0; i--) {
    const rect = rects[i];
    if (rect && (rect.width > 0 || rect.height > 0)) return rect;
  }
  return null;
}

/** Create the host element and its shadow root, and keep tags placed until `signal` aborts. */
export function createOverlay(doc: Document, signal: AbortSignal): Overlay {
  // A host left by an earlier run of the content script (extension reloaded) goes first.
  doc.getElementById(HOST_ID)?.remove();
  const host = doc.createElement(SOURCEMARK_HOST_TAG);
  host.id = HOST_ID;
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
  // Open so tests and assistive tools can reach it; page scripts can read it too (see README).
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  const layer = doc.createElement('div');
  layer.className = 'sm-tags';
  root.append(style, layer);
  // On <html>, not <body>: a positioned or margined <body> would shift document coordinates.
  doc.documentElement.append(host);

  let tags: PlacedTag[] = [];
  const byStart = new Map<number, PlacedTag>();
  const listeners: (() => void)[] = [];

  const reposition = () => {
    if (signal.aborted) return;
    placeTags(doc, host, tags);
    for (const listener of listeners) listener();
  };
  const scheduleReposition = throttleToFrame(doc.defaultView ?? window, signal, reposition);

  const view = doc.defaultView;
  if (view) {
    view.addEventListener('resize', scheduleReposition, { signal, passive: true });
    view.addEventListener('load', scheduleReposition, { signal, passive: true });
    if (typeof view.ResizeObserver === 'function') {
      // Reflow from late images, fonts, ads or the page's own scripts changes the body's size.
      const observer = new view.ResizeObserver(scheduleReposition);
      observer.observe(doc.documentElement);
      if (doc.body) observer.observe(doc.body);
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    }
  }
  void doc.fonts?.ready.then(scheduleReposition);

  return {
    host,
    root,
    setTags(specs) {
      // Only the tags: the card may sit among them (after its tag) and must survive a redraw.
      for (const old of tags) old.element.remove();
      byStart.clear();
      tags = specs.map((spec) => {
        const element = createTag(doc, spec);
        layer.append(element);
        return { spec, element, width: 0, height: 0 };
      });
      // Measure once, all together (one layout), then place: sizes depend only on the label.
      for (const tag of tags) {
        tag.width = tag.element.offsetWidth;
        tag.height = tag.element.offsetHeight;
        byStart.set(tag.spec.start, tag);
      }
      reposition();
    },
    tagFor: (start) => byStart.get(start)?.element ?? null,
    startOfTag(element) {
      const tag = element?.closest('.sm-tag');
      if (!tag || !layer.contains(tag)) return null;
      const start = Number(tag.getAttribute('data-claim-start'));
      return Number.isInteger(start) ? start : null;
    },
    scheduleReposition,
    onReposition: (listener) => listeners.push(listener),
    destroy() {
      tags = [];
      byStart.clear();
      host.remove();
    },
  };
}

/** One tag button. Built with textContent and attributes only: labels come from page text. */
function createTag(doc: Document, spec: TagSpec): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'sm-tag';
  button.setAttribute('data-claim-start', String(spec.start));
  button.setAttribute('data-source', spec.label.source);
  button.setAttribute('data-annotated', String(spec.label.annotated));
  if (spec.label.anchoring) button.setAttribute('data-anchoring', spec.label.anchoring);
  button.setAttribute('aria-label', spec.label.ariaLabel);
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  button.textContent = spec.label.text;
  return button;
}

/**
 * Put every tag just after the end of its claim's last line (see below for the height); clamped inside the
 * viewport's width (a tag past the right edge would give the page a horizontal scrollbar);
 * nudged right past a tag it would overlap. Reads all geometry first, then writes, so the
 * browser lays out once.
 */
function placeTags(doc: Document, host: HTMLElement, tags: readonly PlacedTag[]): void {
  const origin = host.getBoundingClientRect();
  const viewportWidth = doc.documentElement.clientWidth;
  const ends = tags.map((tag) => lastRect(tag.spec.range));
  const nexts = tags.map((tag) => (tag.spec.after ? lastRect(tag.spec.after) : null));

  const placed: { left: number; top: number; right: number; bottom: number }[] = [];
  const positions = tags.map((tag, i) => {
    const end = ends[i];
    if (!end) return null;
    let left = end.right + TAG_GAP;
    if (left + tag.width > viewportWidth - TAG_GAP) left = Math.max(TAG_GAP, viewportWidth - TAG_GAP - tag.width);
    const next = nexts[i];
    const midLine = !!next && Math.abs(next.top - end.top) < end.height / 2;
    // At a line's end the tag is centred on the line. Mid-line it would hide the next words, so it
    // is raised like a superscript: it then clips only descenders above and cap tops beside it.
    const top = midLine ? end.top - tag.height + Math.round(end.height * 0.3) : end.top + (end.height - tag.height) / 2;
    for (const other of placed) {
      const overlapsVertically = top < other.bottom && top + tag.height > other.top;
      if (overlapsVertically && left < other.right && left + tag.width > other.left) left = other.right + TAG_GAP;
    }
    placed.push({ left, top, right: left + tag.width, bottom: top + tag.height });
    return { left: left - origin.left, top: top - origin.top };
  });

  tags.forEach((tag, i) => {
    const position = positions[i];
    if (!position) {
      // The claim's text is not rendered (collapsed, or removed by the page): hidden, and out of
      // the tab order, until a later reposition finds it again.
      tag.element.setAttribute('data-placed', 'false');
      return;
    }
    tag.element.setAttribute('data-placed', 'true');
    tag.element.style.left = `${Math.round(position.left)}px`;
    tag.element.style.top = `${Math.round(position.top)}px`;
  });
}
