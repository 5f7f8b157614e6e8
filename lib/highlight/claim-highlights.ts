/**
 * Paints claims on the page. With the CSS Custom Highlight API the page's DOM is not touched at
 * all: ranges go into the document's highlight registry and one <style> element styles them.
 * Without it (older browsers), each range's text nodes are wrapped in `<mark data-sourcemark>`;
 * that changes the page's text nodes, so callers must map their text again afterwards
 * (`followSplitNodes` in lib/anchor/dom-text.ts).
 *
 * One highlight per state and one per credibility tier, so colour shows both: the background says
 * whether the claim is only detected (yellow) or annotated by the user (green); the underline
 * says how the user rated its source: reliable (solid green), mixed (dashed amber), unreliable
 * (wavy red), propaganda (double red); unrated sources add none. Colour is never the only cue:
 * each claim's tag says the same in words.
 */
import type { CredibilityTier } from '../model';

/** Highlight name for detected claims. */
export const CLAIM_HIGHLIGHT = 'sourcemark-claim';
/** Highlight name for claims with a saved annotation. */
export const ANNOTATED_HIGHLIGHT = 'sourcemark-annotated';
/** The tiers that get an underline of their own (`unrated` gets none). */
export const RATED_TIERS = ['reliable', 'mixed', 'unreliable', 'propaganda'] as const satisfies readonly CredibilityTier[];
/** Highlight name for claims whose first rated source has `tier`. */
export const tierHighlight = (tier: (typeof RATED_TIERS)[number]): string => `sourcemark-tier-${tier}`;
/** Id of the one <style> element Sourcemark adds to the page. */
export const PAGE_STYLE_ID = 'sourcemark-page-style';
/** Attribute on fallback <mark> elements; its value is the highlight kind. */
export const FALLBACK_ATTRIBUTE = 'data-sourcemark';
/** Attribute on fallback <mark> elements of a rated source's claim; its value is the tier. */
export const FALLBACK_TIER_ATTRIBUTE = 'data-sourcemark-tier';

/** How a span is painted: a detected claim, or one the user annotated. */
export type HighlightKind = 'claim' | 'annotated';

/** A range to paint and how. */
export type HighlightItem = {
  /** The claim's text on the page. */
  range: Range;
  /** Which state highlight (background) it goes into. */
  kind: HighlightKind;
  /** The credibility tier of the claim's first rated source (underline); `unrated` by default. */
  tier?: CredibilityTier;
};

/** Underline of each rated tier: colour and line style, readable on light and dark pages. */
const TIER_STYLES: Record<(typeof RATED_TIERS)[number], string> = {
  reliable: 'underline solid 2px rgba(34, 154, 72, 0.95)',
  mixed: 'underline dashed 2px rgba(230, 145, 0, 0.95)',
  unreliable: 'underline wavy 1.5px rgba(229, 57, 53, 0.95)',
  propaganda: 'underline double 3px rgba(229, 57, 53, 0.95)',
};

/**
 * Page styles. Semi-transparent backgrounds keep the page's own text colour readable on light
 * and dark pages alike; underlines differ by line style as well as colour.
 */
const PAGE_CSS = `
::highlight(${CLAIM_HIGHLIGHT}) {
  background-color: rgba(255, 213, 79, 0.42);
}
::highlight(${ANNOTATED_HIGHLIGHT}) {
  background-color: rgba(76, 175, 80, 0.32);
}
${RATED_TIERS.map((tier) => `::highlight(${tierHighlight(tier)}) {
  text-decoration: ${TIER_STYLES[tier]};
  text-underline-offset: 3px;
}`).join('\n')}
mark[${FALLBACK_ATTRIBUTE}] {
  all: unset;
  background-color: rgba(255, 213, 79, 0.42);
}
mark[${FALLBACK_ATTRIBUTE}="annotated"] {
  background-color: rgba(76, 175, 80, 0.32);
}
${RATED_TIERS.map((tier) => `mark[${FALLBACK_TIER_ATTRIBUTE}="${tier}"] {
  text-decoration: ${TIER_STYLES[tier]};
  text-underline-offset: 3px;
}`).join('\n')}
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
  /**
   * Paint `items` too (a range already painted is repainted with its new kind and tier). With the
   * Highlight API this costs O(items), whatever is painted already.
   */
  add(items: readonly HighlightItem[]): void;
  /** Unpaint these ranges. */
  remove(ranges: Iterable<Range>): void;
  /** Remove every highlight (and fallback <mark>) this highlighter made. */
  clear(): void;
  /** `clear()`, and remove the <style> element. */
  destroy(): void;
  /** `clear()`, and remove the <style> element if this highlighter added it (one put in early stays). */
  release(): void;
};

/**
 * Put the page stylesheet in before the page is first styled (a content script at
 * `document_start`), so that adding it later does not restyle a long page. Does nothing if it is
 * there already.
 */
export function installEarlyPageStyle(doc: Document): void {
  if (doc.getElementById(PAGE_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = PAGE_STYLE_ID;
  style.textContent = PAGE_CSS;
  (doc.head ?? doc.documentElement).append(style);
}

/** True when the document's window has a working CSS Custom Highlight API. */
export function supportsHighlightApi(doc: Document): boolean {
  // Typed as possibly missing: the DOM typings assume every browser has both.
  const view = doc.defaultView as { Highlight?: unknown; CSS?: { highlights?: { set?: unknown } } } | null;
  return !!view && typeof view.Highlight === 'function' && typeof view.CSS?.highlights?.set === 'function';
}

/**
 * Add the page stylesheet, replacing one left by an earlier run (a reloaded content script) unless
 * it is the same: a new stylesheet makes the browser restyle the whole page (`::highlight()`
 * rules apply to every element), over 100 ms on a multi-megabyte page, so an identical one (put
 * there early by `installEarlyPageStyle`, or by an earlier run) is kept.
 */
function installPageStyle(doc: Document): { style: HTMLStyleElement; added: boolean } {
  const existing = doc.getElementById(PAGE_STYLE_ID);
  if (existing instanceof (doc.defaultView?.HTMLStyleElement ?? HTMLStyleElement) && existing.textContent === PAGE_CSS) return { style: existing, added: false };
  existing?.remove();
  const style = doc.createElement('style');
  style.id = PAGE_STYLE_ID;
  style.textContent = PAGE_CSS;
  (doc.head ?? doc.documentElement).append(style);
  return { style, added: true };
}

/** The tier highlight an item goes into, if any. */
function tierOf(item: HighlightItem): (typeof RATED_TIERS)[number] | null {
  const tier = item.tier;
  return tier && tier !== 'unrated' ? tier : null;
}

/** A highlighter that uses the CSS Custom Highlight API. */
function highlightApiHighlighter(doc: Document): ClaimHighlighter {
  const view = doc.defaultView as Window & typeof globalThis;
  const { style, added } = installPageStyle(doc);
  // The highlights this highlighter registered. Only those are removed: after an extension
  // reload the old content script is torn down while the new one may already have drawn.
  const mine = new Map<string, Highlight>();
  const painted = new Map<Range, HighlightItem>();
  // Above other highlights on the page (e.g. the page's own search hits); annotated above
  // claims, underlines above both.
  const PRIORITIES: Record<string, number> = { [CLAIM_HIGHLIGHT]: 0, [ANNOTATED_HIGHLIGHT]: 1 };
  const highlight = (name: string): Highlight => {
    let found = mine.get(name);
    if (!found) {
      found = new view.Highlight();
      found.priority = PRIORITIES[name] ?? 2;
      mine.set(name, found);
    }
    // Registered again if the page (or a newer run) replaced it.
    if (view.CSS.highlights.get(name) !== found) view.CSS.highlights.set(name, found);
    return found;
  };
  const unpaint = (range: Range) => {
    const old = painted.get(range);
    if (!old) return;
    painted.delete(range);
    mine.get(old.kind === 'annotated' ? ANNOTATED_HIGHLIGHT : CLAIM_HIGHLIGHT)?.delete(range);
    const tier = tierOf(old);
    if (tier) mine.get(tierHighlight(tier))?.delete(range);
  };
  const add = (items: readonly HighlightItem[]) => {
    const claims = highlight(CLAIM_HIGHLIGHT);
    const annotated = highlight(ANNOTATED_HIGHLIGHT);
    for (const item of items) {
      unpaint(item.range);
      painted.set(item.range, item);
      (item.kind === 'annotated' ? annotated : claims).add(item.range);
      const tier = tierOf(item);
      if (tier) highlight(tierHighlight(tier)).add(item.range);
    }
  };
  const clear = () => {
    for (const [name, registered] of mine) {
      if (view.CSS.highlights.get(name) === registered) view.CSS.highlights.delete(name);
    }
    mine.clear();
    painted.clear();
  };
  return {
    changesDom: false,
    draw(items) {
      for (const registered of mine.values()) registered.clear();
      painted.clear();
      add(items);
    },
    add,
    remove(ranges) {
      for (const range of ranges) unpaint(range);
    },
    clear,
    destroy() {
      clear();
      style.remove();
    },
    release() {
      clear();
      if (added) style.remove();
    },
  };
}

/** A text node's part to wrap, in that node's offsets. */
type Segment = { start: number; end: number; kind: HighlightKind; tier: (typeof RATED_TIERS)[number] | null };

/** The text nodes a range covers, with the covered part of each. */
function textSegments(range: Range, kind: HighlightKind, tier: Segment['tier']): Map<Text, Segment> {
  const segments = new Map<Text, Segment>();
  const doc = range.startContainer.ownerDocument ?? document;
  const root = range.commonAncestorContainer;
  const add = (node: Text) => {
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    const tag = node.parentElement?.localName.toLowerCase() ?? '';
    if (end > start && !UNWRAPPABLE_PARENTS.has(tag)) segments.set(node, { start, end, kind, tier });
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
  const { style, added } = installPageStyle(doc);
  const clear = () => {
    for (const mark of Array.from(doc.querySelectorAll(`mark[${FALLBACK_ATTRIBUTE}]`))) {
      // The split text nodes stay split: merging them with normalize() could also merge nodes the
      // page itself keeps apart and holds references to.
      mark.replaceWith(...Array.from(mark.childNodes));
    }
  };
  /** Wrap `items`' text, leaving what is wrapped already. */
  const wrap = (items: readonly HighlightItem[]) => {
    // Gather every node's segments first: wrapping splits nodes, which would shift later ranges.
    const perNode = new Map<Text, Segment[]>();
    for (const item of items) {
      for (const [node, segment] of textSegments(item.range, item.kind, tierOf(item))) {
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
        if (segment.tier) mark.setAttribute(FALLBACK_TIER_ATTRIBUTE, segment.tier);
        middle.parentNode?.insertBefore(mark, middle);
        mark.append(middle);
        limit = segment.start;
        if (middle === node) break;
      }
    }
  };
  return {
    changesDom: true,
    draw(items) {
      clear();
      wrap(items);
    },
    // Ranges over wrapped text do not survive unwrapping: callers of the fallback redraw with
    // `draw` and fresh ranges; `add` and `remove` only wrap more, or unwrap what a range covers.
    add: wrap,
    remove(ranges) {
      const list = [...ranges];
      for (const mark of Array.from(doc.querySelectorAll(`mark[${FALLBACK_ATTRIBUTE}]`))) {
        if (list.some((range) => range.intersectsNode(mark))) mark.replaceWith(...Array.from(mark.childNodes));
      }
    },
    clear,
    destroy() {
      clear();
      style.remove();
    },
    release() {
      clear();
      if (added) style.remove();
    },
  };
}

/** The best highlighter for `doc`: the Highlight API when present, else <mark> wrapping. */
export function createClaimHighlighter(doc: Document): ClaimHighlighter {
  return supportsHighlightApi(doc) ? highlightApiHighlighter(doc) : markHighlighter(doc);
}
