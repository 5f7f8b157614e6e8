import { describe, expect, it } from 'vitest';
import { ANCHOR_STRATEGIES, anchorQuote, buildSelectors, CONTEXT_LENGTH } from '../../../lib/anchor/text-quote';
import type { Selector } from '../../../lib/model';

const ARTICLE = [
  'In the most recent meeting, the two sides discussed cooperation, state agency KCNA said on Wednesday.',
  'Primorye is another colloquial name for Primorsky.',
  'The meeting takes place as the Yonhap news agency reports that the spy service said labourers may be sent.',
].join('\n\n');

/** Selectors for the first occurrence of `quote` in `text`. */
function selectorsFor(text: string, quote: string): Selector[] {
  const start = text.indexOf(quote);
  if (start === -1) throw new Error(`fixture: ${quote} not in text`);
  return buildSelectors(text, start, start + quote.length);
}

describe('buildSelectors', () => {
  it('builds a quote with 32 characters of context either side, and the position', () => {
    const start = ARTICLE.indexOf('Primorye');
    const end = start + 'Primorye is another colloquial name for Primorsky.'.length;
    const [quote, position] = buildSelectors(ARTICLE, start, end);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Primorye is another colloquial name for Primorsky.',
      prefix: ARTICLE.slice(start - CONTEXT_LENGTH, start),
      suffix: ARTICLE.slice(end, end + CONTEXT_LENGTH),
    });
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toHaveLength(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('shortens the context at the edges of the text', () => {
    const [quote] = buildSelectors('abc def', 0, 3);
    expect(quote.prefix).toBe('');
    expect(quote.suffix).toBe(' def');
  });

  it.each([
    [-1, 2],
    [3, 2],
    [0, 99],
    [0.5, 2],
  ])('rejects offsets %d–%d outside the text', (start, end) => {
    expect(() => buildSelectors('abc def', start, end)).toThrow(RangeError);
  });
});

describe('anchorQuote', () => {
  const claim = 'Primorye is another colloquial name for Primorsky.';

  it('finds an unchanged quote at its stored position', () => {
    const selectors = selectorsFor(ARTICLE, claim);
    const start = ARTICLE.indexOf(claim);
    expect(anchorQuote(ARTICLE, selectors)).toEqual({ start, end: start + claim.length });
  });

  it('finds a quote that moved because text was added above it', () => {
    const selectors = selectorsFor(ARTICLE, claim);
    const edited = `Breaking: an editor's note was added here.\n\n${ARTICLE}`;
    const start = edited.indexOf(claim);
    expect(anchorQuote(edited, selectors)).toEqual({ start, end: start + claim.length });
  });

  it('finds a moved quote whose context was edited, when the quote is unique', () => {
    const selectors = selectorsFor(ARTICLE, claim);
    const edited = ARTICLE.replace('KCNA said on Wednesday.', 'KCNA reported on Thursday.').replace('The meeting', 'This meeting');
    const start = edited.indexOf(claim);
    expect(anchorQuote(edited, selectors)).toEqual({ start, end: start + claim.length });
  });

  it('uses the context to choose between duplicated quotes', () => {
    const text = 'First: he said no. Then it rained all day long in the city. Later: he said no. And more text follows here.';
    const second = text.lastIndexOf('he said no.');
    const selectors = buildSelectors(text, second, second + 'he said no.'.length);
    // Move everything: the stored position no longer matches, the context still does.
    const moved = `Preface. ${text}`;
    expect(anchorQuote(moved, selectors)).toEqual({ start: second + 9, end: second + 9 + 'he said no.'.length });
  });

  it('gives up on a duplicated quote whose context no longer tells the copies apart', () => {
    const text = 'Intro one. He said no. Middle part of the text. He said no. End.';
    const selectors = selectorsFor(text, 'He said no.');
    const edited = 'Another intro. He said no. Different middle. He said no. Other end.';
    expect(anchorQuote(edited, selectors)).toBeNull();
  });

  it('gives up when the quote and its context occur twice', () => {
    const block = 'The ministry said the talks went well. ';
    const selectors = selectorsFor(block.repeat(2), 'said the talks');
    expect(anchorQuote(`Moved. ${block.repeat(4)}`, selectors)).toBeNull();
  });

  it('returns null when the quote is gone', () => {
    const selectors = selectorsFor(ARTICLE, claim);
    expect(anchorQuote(ARTICLE.replace(claim, 'Something else entirely.'), selectors)).toBeNull();
  });

  it('does not trust a stored position whose text differs', () => {
    const selectors = selectorsFor(ARTICLE, claim);
    const edited = ARTICLE.replace(claim, 'Primorye is another colloquial name for Primorsky!');
    expect(anchorQuote(edited, selectors)).toBeNull();
  });

  it('returns null without a quote selector, or with an empty quote', () => {
    expect(anchorQuote(ARTICLE, [{ type: 'TextPositionSelector', start: 0, end: 5 }])).toBeNull();
    expect(anchorQuote(ARTICLE, [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }])).toBeNull();
  });

  it('accepts selectors in any order', () => {
    const [quote, position] = buildSelectors(ARTICLE, 10, 30);
    expect(anchorQuote(ARTICLE, [position, quote])).toEqual({ start: 10, end: 30 });
  });

  it('tries the strategies in order and stops at the first match', () => {
    expect(ANCHOR_STRATEGIES.map((s) => s.name)).toEqual(['position', 'quote-with-context', 'unique-quote']);
    const calls: string[] = [];
    const spy = (name: string, span: { start: number; end: number } | null) => ({
      name,
      find: () => {
        calls.push(name);
        return span;
      },
    });
    const selectors = selectorsFor(ARTICLE, claim);
    expect(anchorQuote(ARTICLE, selectors, [spy('a', null), spy('b', { start: 1, end: 2 }), spy('c', null)])).toEqual({
      start: 1,
      end: 2,
    });
    expect(calls).toEqual(['a', 'b']);
  });
});
