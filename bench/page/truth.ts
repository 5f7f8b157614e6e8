/**
 * Page side (bundled by bench/browser.ts): the ground truth for re-anchoring, independent of any
 * anchoring code. A target is a span of `.article-body`'s textContent, whose offsets the page
 * generator knows (the body has no whitespace between paragraphs).
 */

/** A sentence to re-anchor: offsets in `.article-body`'s textContent, and its text. */
export type Target = { start: number; end: number; text: string };

function articleBody(): Element {
  const body = document.querySelector('.article-body');
  if (!body) throw new Error('No .article-body on this page');
  return body;
}

/** The DOM range of a target, found by walking the article body's text nodes. */
export function truthRange(target: Target): Range {
  const walker = document.createTreeWalker(articleBody(), NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const end = at + node.data.length;
    if (!started && target.start < end) {
      range.setStart(node, target.start - at);
      started = true;
    }
    if (started && target.end <= end) {
      range.setEnd(node, target.end - at);
      return range;
    }
    at = end;
  }
  throw new Error(`Target ${target.start}-${target.end} is outside the article body`);
}

/** True when `range` holds exactly the target's text, starting at the target's place. */
export function isCorrect(range: Range | null | undefined, target: Target): boolean {
  if (!range || range.toString() !== target.text) return false;
  const body = articleBody();
  if (!body.contains(range.startContainer)) return false;
  const before = document.createRange();
  before.setStart(body, 0);
  before.setEnd(range.startContainer, range.startOffset);
  return before.toString().length === target.start;
}

/** The ranges of the last timed re-anchoring, kept for the (untimed) correctness check. */
let lastRanges: (Range | null)[] = [];

export function keepRanges(ranges: (Range | null)[]): void {
  lastRanges = ranges;
}

/** How many of the last re-anchored ranges are correct. */
export function countCorrect(targets: readonly Target[]): number {
  return targets.filter((target, i) => isCorrect(lastRanges[i], target)).length;
}

/** How many targets' own ground-truth ranges pass `isCorrect` (a check of the harness itself). */
export function truthCheck(targets: readonly Target[]): number {
  return targets.filter((target) => isCorrect(truthRange(target), target)).length;
}

/** Expose functions to `page.evaluate('window.__bench.…')`. */
export function expose(functions: Record<string, unknown>): void {
  const scope = globalThis as unknown as { __bench?: Record<string, unknown> };
  scope.__bench = Object.assign(scope.__bench ?? {}, functions);
}
