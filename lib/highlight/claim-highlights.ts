/**
 * Paints claims on the page. With the CSS Custom Highlight API the page's DOM is not touched at
 * all: ranges go into the document's highlight registry and one <style> element styles them.
 * Without it (older browsers), each range's text nodes are wrapped in `<mark data-sourcemark>`;
 * that changes the page's text nodes, so callers must extract the text again afterwards.
 */

/** Highlight name for detected claims. */
export const CLAIM_HIGHLIGHT = 'sourcemark-claim';
/** Highlight name for claims with a saved annotation. */
export const ANNOTATED_HIGHLIGHT = 'sourcemark-annotated';
/** Id of the one <style> element Sourcemark adds to the page. */
export const PAGE_STYLE_ID = 'sourcemark-page-style';
/** Attribute on fallback <mark> elements; its value is the highlight kind. */
export const FALLBACK_ATTRIBUTE = 'data-sourcemark';

/** How a span is painted: a detected claim, or one the user annotated. */
export type HighlightKind = 'claim' | 'annotated';

/** A range to paint and how. */
export type HighlightItem = {
  /** The claim's text on the page. */
  range: Range;
  /** Which highlight (and style) it goes into. */
  kind: HighlightKind;
};

/**
 * Page styles. Semi-transparent backgrounds keep the page's own text colour readable on light
 * and dark pages alike; the annotated style adds an underline so it differs by more than hue.
 */
const PAGE_CSS = `
::highlight(${CLAIM_HIGHLIGHT}) {
  background-color: rgba(255, 213, 79, 0.42);
}
::highlight(${ANNOTATED_HIGHLIGHT}) {
  background-color: rgba(76, 175, 80, 0.30);
  text-decoration: underline 2px rgba(46, 125, 50, 0.95);
  text-underline-offset: 3px;
}
mark[${FALLBACK_ATTRIBUTE}] {
  all: unset;
  background-color: rgba(255, 213, 79, 0.42);
}
mark[${FALLBACK_ATTRIBUTE}="annotated"] {
  background-color: rgba(76, 175, 80, 0.30);
  text-decoration: underline 2px rgba(46, 125, 50, 0.95);
  text-underline-offset: 3px;
}
`;

/** Text nodes whose parent must never get a child element (their text is not rendered text). */
const UNWRAPPABLE_PARENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'noscript',
  'option',
  'select',
  'template',
]);

/** Paints and unpaints claim ranges. */
export type ClaimHighlighter = {
  /** True when painting changes the page's text nodes (the `<mark>` fallback). */
  readonly changesDom: boolean;
  /** Replace everything painted with `items`. */
  draw(items: readonly HighlightItem[]): void;
  /** Remove every highlight (and fallback <mark>) this highlighter made. */
  clear(): void;
  /** `clear()`, and remove the <style> element. */
  destroy(): void;
};

/** True when the document's window has a working CSS Custom Highlight API. */
export function supportsHighlightApi(doc: Document): boolean {
  // Typed as possibly missing: the DOM typings assume every browser has both.
  const view = doc.defaultView as { Highlight?: unknown; CSS?: { highlights?: { set?: unknown } } } | null;
  return !!view && typeof view.Highlight === 'function' && typeof view.CSS?.highlights?.set === 'function';
}

/** Add the page stylesheet, replacing one left by an earlier run (a reloaded content script). */
function installPageStyle(doc: Document): HTMLStyleElement {
  doc.getElementById(PAGE_STYLE_ID)?.remove();
  const style = doc.createElement('style');
  style.id = PAGE_STYLE_ID;
  style.textContent = PAGE_CSS;
  (doc.head ?? doc.documentElement).append(style);
  return style;
}

/** A highlighter that uses the CSS Custom Highlight API. */
function highlightApiHighlighter(doc: Document): ClaimHighlighter {
  const view = doc.defaultView as Window & typeof globalThis;
  const style = installPageStyle(doc);
  // The highlights this highlighter registered. Only those are removed: after an extension
  // reload the old content script is torn down while the new one may already have drawn.
  const mine = new Map<string, Highlight>();
  const clear = () => {
    for (const [name, highlight] of mine) {
      if (view.CSS.highlights.get(name) === highlight) view.CSS.highlights.delete(name);
    }
    mine.clear();
  };
  return {
    changesDom: false,
    draw(items) {
      const claims = new view.Highlight();
      const annotated = new view.Highlight();
      // Above other highlights on the page (e.g. the page's own search hits) and above claims.
      annotated.priority = 1;
      for (const { range, kind } of items) (kind === 'annotated' ? annotated : claims).add(range);
      view.CSS.highlights.set(CLAIM_HIGHLIGHT, claims);
      view.CSS.highlights.set(ANNOTATED_HIGHLIGHT, annotated);
      mine.set(CLAIM_HIGHLIGHT, claims);
      mine.set(ANNOTATED_HIGHLIGHT, annotated);
    },
    clear,
    destroy() {
      clear();
      style.remove();
    },
  };
}

/** A text node's part to wrap, in that node's offsets. */
type Segment = { start: number; end: number; kind: HighlightKind };

/** The text nodes a range covers, with the covered part of each. */
function textSegments(range: Range, kind: HighlightKind): Map<Text, Segment> {
  const segments = new Map<Text, Segment>();
  const doc = range.startContainer.ownerDocument ?? document;
  const root = range.commonAncestorContainer;
  const add = (node: Text) => {
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    const tag = node.parentElement?.localName.toLowerCase() ?? '';
    if (end > start && !UNWRAPPABLE_PARENTS.has(tag)) segments.set(node, { start, end, kind });
  };
  if (root.nodeType === 3 /* TEXT_NODE */) {
    add(root as Text);
    return segments;
  }
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node)) add(node as Text);
  }
  return segments;
}

/**
 * A highlighter that wraps text in `<mark data-sourcemark>` elements. Page text is untrusted:
 * nodes are split and moved, never re-parsed (no innerHTML).
 */
function markHighlighter(doc: Document): ClaimHighlighter {
  const style = installPageStyle(doc);
  const clear = () => {
    for (const mark of Array.from(doc.querySelectorAll(`mark[${FALLBACK_ATTRIBUTE}]`))) {
      // The split text nodes stay split: merging them with normalize() could also merge nodes the
      // page itself keeps apart and holds references to.
      mark.replaceWith(...Array.from(mark.childNodes));
    }
  };
  return {
    changesDom: true,
    draw(items) {
      clear();
      // Gather every node's segments first: wrapping splits nodes, which would shift later ranges.
      const perNode = new Map<Text, Segment[]>();
      for (const { range, kind } of items) {
        for (const [node, segment] of textSegments(range, kind)) {
          const list = perNode.get(node) ?? [];
          list.push(segment);
          perNode.set(node, list);
        }
      }
      for (const [node, segments] of perNode) {
        // Right to left, so splitting off a later part leaves earlier offsets in `node` valid.
        // Where two segments overlap (only annotation-only marks can), the later-starting one
        // keeps the shared characters.
        const ordered = segments.sort((a, b) => b.start - a.start);
        let limit = node.data.length;
        for (const segment of ordered) {
          const end = Math.min(segment.end, limit);
          if (end <= segment.start) continue;
          if (end < node.data.length) node.splitText(end);
          const middle = segment.start > 0 ? node.splitText(segment.start) : node;
          const mark = doc.createElement('mark');
          mark.setAttribute(FALLBACK_ATTRIBUTE, segment.kind);
          middle.parentNode?.insertBefore(mark, middle);
          mark.append(middle);
          limit = segment.start;
          if (middle === node) break;
        }
      }
    },
    clear,
    destroy() {
      clear();
      style.remove();
    },
  };
}

/** The best highlighter for `doc`: the Highlight API when present, else <mark> wrapping. */
export function createClaimHighlighter(doc: Document): ClaimHighlighter {
  return supportsHighlightApi(doc) ? highlightApiHighlighter(doc) : markHighlighter(doc);
}
