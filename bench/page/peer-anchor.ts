/**
 * Page side (bundled by bench/browser.ts): dom-anchor-text-quote 4.0.2, the peer re-anchorer
 * (Hypothesis's lineage), with the stored position as its hint: `toRange(root, selector, { hint })`.
 */
import * as textPosition from 'dom-anchor-text-position';
import * as textQuote from 'dom-anchor-text-quote';
import { countCorrect, expose, keepRanges, truthRange, type Target } from './truth';

type PeerSelector = { quote: textQuote.TextQuote; hint: number };

/** The selectors the peer would store: its own quote (textContent coordinates) and position. */
function peerSelectors(targets: readonly Target[]): PeerSelector[] {
  return targets.map((target) => {
    const range = truthRange(target);
    return { quote: textQuote.fromRange(document.body, range), hint: textPosition.fromRange(document.body, range).start };
  });
}

function peerReanchor(selectors: readonly PeerSelector[]): { ms: number } {
  const t0 = performance.now();
  const root = document.body;
  const ranges = selectors.map(({ quote, hint }) => textQuote.toRange(root, quote, { hint }));
  const ms = performance.now() - t0;
  keepRanges(ranges);
  return { ms };
}

expose({ peerSelectors, peerReanchor, countCorrect });
