/**
 * The page's readable text as detection sees it, and the map back from text offsets to DOM
 * positions. DOM only, no extension API.
 *
 * Each text node's characters are copied 1:1 (newlines and tabs become spaces), so an offset in
 * the text is a chunk's start plus an offset in its node. Block boundaries add a "\n\n" that
 * belongs to no node: detection treats it as a paragraph break, and no claim spans it.
 */

/** A text node and where its characters start in the extracted text. */
export type TextChunk = {
  /** The page's text node (its data has the same length as its part of the text). */
  node: Text;
  /** Offset of the node's first character in `ExtractedText.text`. */
  start: number;
};

/** The page's readable text and the text nodes it came from, in document order. */
export type ExtractedText = {
  /** Node text in document order, with `BLOCK_SEPARATOR` between blocks: what detection reads. */
  text: string;
  /** One entry per text node that contributed, sorted by `start`; separators fall between them. */
  chunks: TextChunk[];
};

/** What separates two blocks of text; not mapped to any node. */
export const BLOCK_SEPARATOR = '\n\n';

/** The tag name of Sourcemark's own UI host, which extraction must never read. */
export const SOURCEMARK_HOST_TAG = 'sourcemark-root';

/**
 * Elements whose text is not article text: code, form controls, embedded content, site chrome,
 * headlines (a headline is not a claim) and captions. Their whole subtree is skipped.
 */
const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figcaption',
  SOURCEMARK_HOST_TAG,
]);

/**
 * Block-level tags, by name: `getComputedStyle` would be exact but forces style resolution for
 * every element, far too slow on multi-megabyte pages. Entering or leaving one starts a new block.
 */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  // Embedded players sit on their own line in practice (inline images and icons do not).
  'iframe',
  'video',
  'audio',
]);

/** The lowercase local name of an element (HTML tag names are uppercase in `tagName`). */
function tagOf(element: Element): string {
  return element.localName.toLowerCase();
}

/** True when the element and everything inside it is left out of the text. */
function isSkipped(element: Element): boolean {
  if (SKIPPED_TAGS.has(tagOf(element))) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  if (isPageFurniture(element)) return true;
  // An editable region is the user's own typing (comment boxes, editors), not the article.
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * Bylines, datelines, captions and photo credits marked up by class or microdata: not claims
 * ("By Staff Reporter", "(Photo: AP)"), and their agency names would read as attributions.
 * Whole class tokens only, so "captioned-video-story" or "creditworthiness" stay in.
 */
const FURNITURE_CLASS = /(?:^|\s)(?:[\w-]*[_-])?(?:byline|bylines|dateline|caption|photo-credit|image-credit|credit|credits|author|authors)(?:\s|$)/i;

/** True for byline, dateline, caption and credit elements (see `FURNITURE_CLASS`). */
function isPageFurniture(element: Element): boolean {
  if (tagOf(element) === 'address') return true;
  const itemprop = element.getAttribute('itemprop');
  if (itemprop === 'author' || itemprop === 'caption') return true;
  if (element.getAttribute('rel') === 'author') return true;
  const className = element.getAttribute('class');
  return className !== null && FURNITURE_CLASS.test(className);
}

/** True when entering or leaving the element breaks the text into a new block. */
function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(tagOf(element));
}

/** Whitespace-only text: kept between inline elements, dropped at block edges. */
const WHITESPACE_ONLY = /^[\s\u00a0]*$/;
/** Newlines and tabs, replaced by spaces one for one so offsets stay aligned with the node. */
const LINE_BREAKS = /[\n\r\t\f]/g;

/**
 * Extract the readable text under `root`: text nodes in document order, skipping non-article
 * elements (see `SKIPPED_TAGS`, `[hidden]`, `[aria-hidden="true"]`, contenteditable and
 * Sourcemark's own host element), with `BLOCK_SEPARATOR` wherever a block element starts or
 * ends between two pieces of text. Whitespace-only nodes at block edges (the indentation between
 * tags) are dropped; every other node is kept in full, newlines and tabs turned into spaces.
 */
export function extractText(root: Element): ExtractedText {
  return createTextWalker([root]).next() ?? { text: '', chunks: [] };
}

/** Options of `createTextWalker`. */
export type TextWalkerOptions = {
  /**
   * Close a segment at the first block boundary after it reaches this many characters
   * (default: never, one segment). A single block longer than this stays whole. A function gets
   * the segment's index (0 for the first), so the first segments can be shorter.
   */
  segmentLength?: number | ((index: number) => number);
};

/** Extraction in steps: each `next()` walks on until a segment is complete. */
export type TextWalker = {
  /**
   * The next segment of text, or null when the roots are done. Joined with `BLOCK_SEPARATOR`,
   * the segments are exactly what one extraction of the same roots gives; every segment starts
   * and ends at a block boundary, so no sentence is cut.
   */
  next(): ExtractedText | null;
};

/**
 * Walk the readable text of `roots` (in order; each root is its own block, so their texts are
 * separated by `BLOCK_SEPARATOR`), handing it out in segments of about
 * `options.segmentLength` characters cut at block boundaries: a long page is extracted a slice
 * at a time (see lib/page), and only the roots that changed are extracted again.
 */
export function createTextWalker(roots: readonly Node[], options: TextWalkerOptions = {}): TextWalker {
  const lengthOption = options.segmentLength ?? Number.POSITIVE_INFINITY;
  const lengthOf = typeof lengthOption === 'function' ? lengthOption : () => lengthOption;
  let segmentIndex = 0;
  let segmentLength = lengthOf(0);
  let parts: string[] = [];
  let chunks: TextChunk[] = [];
  let length = 0;
  // A block boundary was crossed since the last text kept: the next text starts a new block.
  let pendingBreak = false;
  /** A segment closed by the text that started the next one, waiting to be handed out. */
  let ready: ExtractedText | null = null;

  const close = (): ExtractedText => {
    const segment = { text: parts.join(''), chunks };
    parts = [];
    chunks = [];
    length = 0;
    segmentLength = lengthOf(++segmentIndex);
    return segment;
  };

  const visitText = (node: Text) => {
    const data = node.data;
    if (data === '') return;
    if (WHITESPACE_ONLY.test(data) && (pendingBreak || length === 0)) return;
    if (pendingBreak && length > 0) {
      if (length >= segmentLength) {
        ready = close();
      } else {
        parts.push(BLOCK_SEPARATOR);
        length += BLOCK_SEPARATOR.length;
      }
    }
    pendingBreak = false;
    chunks.push({ node, start: length });
    parts.push(data.replace(LINE_BREAKS, ' '));
    length += data.length;
  };

  // An explicit stack instead of recursion: news pages nest deep enough to matter, and a
  // TreeWalker cannot tell us when we leave an element (needed to end a block).
  type Frame = { element: Element; next: ChildNode | null; block: boolean };
  const stack: Frame[] = [];
  let nextRoot = 0;

  /** Start the next root; false when there is none. */
  const enterRoot = (): boolean => {
    const root = roots[nextRoot++];
    if (!root) return false;
    if (nextRoot > 1) pendingBreak = true;
    if (root.nodeType === 3 /* TEXT_NODE */) visitText(root as Text);
    else if (root.nodeType === 1 /* ELEMENT_NODE */) {
      const element = root as Element;
      stack.push({ element, next: element.firstChild, block: isBlock(element) });
    }
    return true;
  };

  const step = (): boolean => {
    const frame = stack[stack.length - 1];
    if (!frame) return enterRoot();
    const child = frame.next;
    if (!child) {
      stack.pop();
      if (frame.block) pendingBreak = true;
      return true;
    }
    frame.next = child.nextSibling;
    if (child.nodeType === 3 /* TEXT_NODE */) {
      visitText(child as Text);
    } else if (child.nodeType === 1 /* ELEMENT_NODE */) {
      const element = child as Element;
      const block = isBlock(element);
      if (isSkipped(element)) {
        // A skipped heading or nav between two paragraphs still separates them.
        if (block) pendingBreak = true;
        return true;
      }
      if (block) pendingBreak = true;
      stack.push({ element, next: element.firstChild, block });
    }
    // Comments, processing instructions: no text.
    return true;
  };

  let finished = false;
  return {
    next() {
      while (!finished) {
        if (ready) {
          const segment = ready;
          ready = null;
          return segment;
        }
        if (!step()) finished = true;
      }
      if (ready) {
        const segment: ExtractedText = ready;
        ready = null;
        return segment;
      }
      return length > 0 ? close() : null;
    },
  };
}

/** Offset just past chunk `index`'s characters in `extracted.text` (chunk text never holds "\n"). */
export function chunkEnd(extracted: ExtractedText, index: number): number {
  const chunk = extracted.chunks[index];
  if (!chunk) throw new RangeError(`No chunk ${index}: the extraction has ${extracted.chunks.length}.`);
  const limit = extracted.chunks[index + 1]?.start ?? extracted.text.length;
  const newline = extracted.text.indexOf('\n', chunk.start);
  return newline !== -1 && newline < limit ? newline : limit;
}

/**
 * The part of an extraction made of chunks `from` to `to` (inclusive), with offsets from its own
 * start. Cut between blocks, it is what extracting those blocks alone gives.
 */
export function sliceExtraction(extracted: ExtractedText, from: number, to: number): ExtractedText {
  const first = extracted.chunks[from];
  if (!first || to < from || to >= extracted.chunks.length) {
    throw new RangeError(`No chunks ${from}–${to}: the extraction has ${extracted.chunks.length}.`);
  }
  const base = first.start;
  return {
    text: extracted.text.slice(base, chunkEnd(extracted, to)),
    chunks: extracted.chunks.slice(from, to + 1).map(({ node, start }) => ({ node, start: start - base })),
  };
}

/**
 * The same extraction after text nodes were split (the `<mark>` fallback of lib/highlight wraps
 * parts of nodes): each chunk whose node got shorter is followed onto the nodes that now hold the
 * rest of its characters, in document order. The text is unchanged.
 */
export function followSplitNodes(extracted: ExtractedText): ExtractedText {
  let changed = false;
  const chunks: TextChunk[] = [];
  extracted.chunks.forEach((chunk, index) => {
    const expected = chunkEnd(extracted, index) - chunk.start;
    if (chunk.node.data.length >= expected) {
      chunks.push(chunk);
      return;
    }
    changed = true;
    const doc = chunk.node.ownerDocument;
    const walker = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
    walker.currentNode = chunk.node;
    let covered = 0;
    for (let node: Node | null = chunk.node; node && covered < expected; node = walker.nextNode()) {
      const text = node as Text;
      if (text.data.length === 0) continue;
      chunks.push({ node: text, start: chunk.start + covered });
      covered += text.data.length;
    }
  });
  return changed ? { text: extracted.text, chunks } : extracted;
}

/** True when `element` is a block element by Sourcemark's reckoning (see `BLOCK_TAGS`). */
export function isBlockElement(element: Element): boolean {
  return isBlock(element);
}

/** The closest block element holding `node` (itself when it is one); null outside any. */
export function blockContainer(node: Node): Element | null {
  let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element && !isBlock(element)) element = element.parentElement;
  return element;
}

/**
 * True when `node` is text extraction of `root` would read: inside `root`, and neither it nor an
 * ancestor below `root` is skipped (see `SKIPPED_TAGS`).
 */
export function isExtractable(node: Node, root: Element): boolean {
  let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element && element !== root) {
    if (isSkipped(element)) return false;
    element = element.parentElement;
  }
  return element === root;
}

/** Siblings read past when looking for what borders a block (see `bordersOnlyBlocks`). */
const MAX_NEIGHBOUR_STEPS = 8;

/** True for a node that adds no text and no break: a comment, whitespace, a skipped inline element. */
function isTransparent(node: Node): boolean {
  if (node.nodeType === 3 /* TEXT_NODE */) return WHITESPACE_ONLY.test((node as Text).data);
  if (node.nodeType !== 1 /* ELEMENT_NODE */) return true;
  const element = node as Element;
  return !isBlock(element) && isSkipped(element);
}

/** True when the nearest sibling that matters in one direction is a block element or there is none. */
function blockOrEdge(from: Node | null, forward: boolean): boolean {
  let node = from;
  for (let steps = 0; node; steps++) {
    if (steps >= MAX_NEIGHBOUR_STEPS) return false;
    if (node.nodeType === 1 && isBlock(node as Element)) return true;
    if (!isTransparent(node)) return false;
    node = forward ? node.nextSibling : node.previousSibling;
  }
  return true;
}

/**
 * True when a block placed in `parent` between `before` and `after` (its siblings, either may be
 * null) is a paragraph of its own and splits no other: `parent` is a block and the nearest
 * siblings that hold anything are blocks. Adding or removing such a block changes no other
 * block's text, so it can be extracted (or dropped) on its own.
 */
export function bordersOnlyBlocks(parent: Node, before: Node | null, after: Node | null): boolean {
  if (parent.nodeType !== 1 || !isBlock(parent as Element)) return false;
  return blockOrEdge(before, false) && blockOrEdge(after, true);
}

/** Index of the last chunk starting at or before `offset` (-1 when none does). */
function chunkIndexAt(chunks: readonly TextChunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const chunk = chunks[mid];
    if (!chunk) break;
    if (chunk.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** The DOM position of a start offset: a separator or gap moves it forward to the next node. */
function startPosition(chunks: readonly TextChunk[], offset: number): { node: Text; offset: number } | null {
  const index = chunkIndexAt(chunks, offset);
  const chunk = chunks[index];
  if (chunk && offset < chunk.start + chunk.node.data.length) return { node: chunk.node, offset: offset - chunk.start };
  const next = chunks[index + 1];
  return next ? { node: next.node, offset: 0 } : null;
}

/** The DOM position of an end offset: a separator or gap moves it back to the previous node's end. */
function endPosition(chunks: readonly TextChunk[], offset: number): { node: Text; offset: number } | null {
  // The chunk holding the character just before `offset`.
  const index = chunkIndexAt(chunks, offset - 1);
  const chunk = chunks[index];
  if (!chunk) return null;
  return { node: chunk.node, offset: Math.min(offset - chunk.start, chunk.node.data.length) };
}

/**
 * A DOM Range over `extracted.text.slice(start, end)`; it may start and end in different
 * elements. Offsets inside a block separator snap to the nearest text. Throws a RangeError when
 * the offsets are outside the text or cover no text at all.
 */
export function rangeFromOffsets(extracted: ExtractedText, start: number, end: number): Range {
  if (!(start >= 0 && end <= extracted.text.length && start < end)) {
    throw new RangeError(`No text at ${start}–${end}: the extracted text is ${extracted.text.length} characters long.`);
  }
  const from = startPosition(extracted.chunks, start);
  const to = endPosition(extracted.chunks, end);
  const first = extracted.chunks[0];
  if (!from || !to || !first) throw new RangeError(`No text node holds ${start}–${end}.`);
  const range = first.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  if (range.collapsed) throw new RangeError(`Offsets ${start}–${end} cover only a block separator.`);
  return range;
}

/** Node → chunk index, built once per extraction the first time a point is looked up. */
const chunkIndexCache = new WeakMap<ExtractedText, Map<Node, number>>();

/** The index of `node`'s chunk, or -1 when the node is not part of the extracted text. */
export function chunkIndexOf(extracted: ExtractedText, node: Node): number {
  let index = chunkIndexCache.get(extracted);
  if (!index) {
    index = new Map(extracted.chunks.map((chunk, i) => [chunk.node, i]));
    chunkIndexCache.set(extracted, index);
  }
  return index.get(node) ?? -1;
}

/** The text offset of a DOM position (a text node and an offset in it), or null outside the text. */
export function offsetOfPosition(extracted: ExtractedText, node: Node, offset: number): number | null {
  const chunk = extracted.chunks[chunkIndexOf(extracted, node)];
  if (!chunk) return null;
  return chunk.start + Math.max(0, Math.min(offset, chunk.node.data.length));
}

/** The caret position under a viewport point, by whichever API the browser has. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  // Older Chromium and Safari only have the non-standard caretRangeFromPoint.
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null })
    .caretRangeFromPoint;
  if (typeof legacy === 'function') {
    const range = legacy.call(doc, x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * The text offset under viewport point (`x`, `y`), or null when the point is not over extracted
 * text (an image, a skipped element, Sourcemark's own UI). The caret APIs snap to the nearest
 * character boundary, so callers that need "is the pointer really on this text" should also test
 * the point against the range's client rects.
 */
export function offsetAtPoint(extracted: ExtractedText, x: number, y: number): number | null {
  const first = extracted.chunks[0];
  if (!first) return null;
  const caret = caretAt(first.node.ownerDocument, x, y);
  if (!caret || caret.node.nodeType !== 3 /* TEXT_NODE */) return null;
  return offsetOfPosition(extracted, caret.node, caret.offset);
}
