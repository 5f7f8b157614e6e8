/**
 * Page side (bundled by bench/browser.ts): the floors, the least any highlighter or re-anchorer
 * must do, written plainly with no product logic.
 *
 * - `floorScan`: TreeWalker text extraction (skipping scripts, styles, forms and site chrome,
 *   a "\n" at each block element), one pass of a cue regex over the text (each hit widened to
 *   its sentence by scanning for . ! ? or a block break), a Range per cue sentence, and
 *   `CSS.highlights.set` with all of them.
 * - `floorReanchor`: the same extraction once, `indexOf(exact)` per quote, a Range per hit.
 */
import { countCorrect, expose, keepRanges } from './truth';

/** Subtrees a highlighter must not read: not rendered text, or site chrome. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'button', 'form', 'nav', 'header', 'footer', 'aside']);
/** Elements that start a new block ("\n" in the text, so sentences stop there). */
const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'main', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'br', 'pre', 'dd', 'dt']);

type FloorText = { text: string; nodes: Text[]; starts: number[] };

function floorExtract(root: Element): FloorText {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === 1 && SKIP.has((node as Element).localName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      nodes.push(node as Text);
      starts.push(length);
      parts.push(data);
      length += data.length;
    } else if (BLOCK.has((node as Element).localName)) {
      parts.push('\n');
      length += 1;
    }
  }
  return { text: parts.join(''), nodes, starts };
}

/** Index of the node holding character `offset` (binary search; separators fall before a node). */
function nodeAt(t: FloorText, offset: number): number {
  let low = 0;
  let high = t.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((t.starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function rangeOf(t: FloorText, start: number, end: number): Range {
  const a = nodeAt(t, start);
  const b = nodeAt(t, end - 1);
  const range = document.createRange();
  range.setStart(t.nodes[a] as Text, start - (t.starts[a] ?? 0));
  range.setEnd(t.nodes[b] as Text, end - (t.starts[b] ?? 0));
  return range;
}

const DOT = 46;
const BANG = 33;
const QUESTION = 63;
const NEWLINE = 10;
const SPACE = 32;

/** The floor scan; returns its time in ms and what it found. */
function floorScan(cueSource: string): { ms: number; sentences: number; characters: number } {
  const t0 = performance.now();
  const extracted = floorExtract(document.body);
  const text = extracted.text;
  const cue = new RegExp(cueSource, 'gi');
  const ranges: Range[] = [];
  for (let m = cue.exec(text); m; m = cue.exec(text)) {
    let start = m.index;
    while (start > 0) {
      const c = text.charCodeAt(start - 1);
      if (c === DOT || c === BANG || c === QUESTION || c === NEWLINE) break;
      start--;
    }
    while (text.charCodeAt(start) === SPACE) start++;
    let end = m.index + m[0].length;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === NEWLINE) break;
      end++;
      if (c === DOT || c === BANG || c === QUESTION) break;
    }
    ranges.push(rangeOf(extracted, start, end));
    cue.lastIndex = Math.max(cue.lastIndex, end);
  }
  if (!document.getElementById('bench-floor-style')) {
    const style = document.createElement('style');
    style.id = 'bench-floor-style';
    style.textContent = '::highlight(bench-floor) { background-color: rgba(255, 213, 79, 0.42); }';
    document.head.append(style);
  }
  const highlight = new Highlight();
  for (const range of ranges) highlight.add(range);
  CSS.highlights.set('bench-floor', highlight);
  const ms = performance.now() - t0;
  return { ms, sentences: ranges.length, characters: text.length };
}

/** Resolves once the next frame has been rendered (a task posted from rAF runs after it). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
  });
}

/** `floorScan`, and also the time until the frame that paints its highlights is done (`paintedMs`). */
async function floorScanPainted(cueSource: string): Promise<{ ms: number; paintedMs: number; sentences: number; characters: number }> {
  const t0 = performance.now();
  const result = floorScan(cueSource);
  await nextFrame();
  return { ...result, paintedMs: performance.now() - t0 };
}

/** The floor re-anchoring: extract once, `indexOf(exact)` and a Range per quote. */
function floorReanchor(exacts: readonly string[]): { ms: number } {
  const t0 = performance.now();
  const extracted = floorExtract(document.body);
  const ranges = exacts.map((exact) => {
    const at = extracted.text.indexOf(exact);
    return at === -1 ? null : rangeOf(extracted, at, at + exact.length);
  });
  const ms = performance.now() - t0;
  keepRanges(ranges);
  return { ms };
}

expose({ floorScan, floorScanPainted, floorReanchor, countCorrect });
