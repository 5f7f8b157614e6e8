/**
 * Page side (bundled by bench/browser.ts): Sourcemark's own anchoring code (lib/anchor) run
 * in a page without the extension, to re-anchor stored quotes the way the content script does:
 * `extractText` once, `anchorQuote` per annotation's selectors, `rangeFromOffsets` per result.
 */
import { extractText, offsetOfPosition, rangeFromOffsets } from '../../lib/anchor/dom-text';
import * as matchQuote from '../../lib/anchor/match-quote';
import { anchorQuote, buildSelectors } from '../../lib/anchor/text-quote';
import type { Selector } from '../../lib/model';
import { countCorrect, expose, keepRanges, truthCheck, truthRange, type Target } from './truth';

/** `preparePageText` when match-quote exports it (text prepared once for all quotes), else the text itself. */
const prepare: (text: string) => Parameters<typeof anchorQuote>[0] =
  (matchQuote as { preparePageText?: (text: string) => Parameters<typeof anchorQuote>[0] }).preparePageText ?? ((text) => text);

/** The selectors Sourcemark would store for each target: `buildSelectors` on the extracted text. */
function sourcemarkSelectors(targets: readonly Target[]): Selector[][] {
  const extracted = extractText(document.body);
  return targets.map((target) => {
    const range = truthRange(target);
    const start = offsetOfPosition(extracted, range.startContainer, range.startOffset);
    const end = offsetOfPosition(extracted, range.endContainer, range.endOffset);
    if (start === null || end === null) throw new Error(`Target ${target.start} is not in the extracted text`);
    return buildSelectors(extracted.text, start, end);
  });
}

/** Re-anchor every annotation's selectors; returns the time in ms and how each anchored. */
function sourcemarkReanchor(selectorLists: readonly Selector[][]): { ms: number; statuses: Record<string, number> } {
  const t0 = performance.now();
  const extracted = extractText(document.body);
  const page = prepare(extracted.text);
  const results = selectorLists.map((selectors) => anchorQuote(page, selectors));
  const ranges = results.map((result) => {
    if (result.status === 'orphan') return null;
    try {
      return rangeFromOffsets(extracted, result.start, result.end);
    } catch {
      return null;
    }
  });
  const ms = performance.now() - t0;
  keepRanges(ranges);
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return { ms, statuses };
}

/** What `extractText` reads from the page (checks the generator's promise: chrome is skipped). */
function sourcemarkText(): string {
  return extractText(document.body).text;
}

expose({ sourcemarkSelectors, sourcemarkReanchor, sourcemarkText, countCorrect, truthCheck });
