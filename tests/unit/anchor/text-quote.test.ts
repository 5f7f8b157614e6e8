import { describe, expect, it } from 'vitest';
import { anchorQuote, buildSelectors, CONTEXT_LENGTH } from '../../../lib/anchor/text-quote';
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
  it('builds a quote with 32 normalised characters of context either side, and the position', () => {
    const start = ARTICLE.indexOf('Primorye');
    const end = start + 'Primorye is another colloquial name for Primorsky.'.length;
    const [quote, position] = buildSelectors(ARTICLE, start, end);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Primorye is another colloquial name for Primorsky.',
      // The paragraph break ("\n\n") is one space, as on load.
      prefix: ' agency KCNA said on Wednesday. ',
      suffix: ' The meeting takes place as the ',
    });
    expect(quote.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(quote.suffix).toHaveLength(CONTEXT_LENGTH);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('normalises the quote (whitespace, invisible characters, NFC) but keeps typography and real offsets', () => {
    const text = 'Before.\n\nThe agency\u00a0 said “it’s\u00ad over”, Pe\u0301rez added.\n\nAfter.';
    const start = text.indexOf('The');
    const end = text.indexOf('added.') + 'added.'.length;
    const [quote, position] = buildSelectors(text, start, end);
    expect(quote.exact).toBe('The agency said “it’s over”, Pérez added.');
    expect(quote.prefix).toBe('Before. ');
    expect(quote.suffix).toBe(' After.');
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
    expect(anchorQuote(ARTICLE, selectors)).toEqual({ status: 'exact', start, end: start + claim.length, score: 1, errors: 0 });
  });

  it('finds a quote that moved because text was added above it', () => {
    const selectors = selectorsFor(ARTICLE, claim);
    const edited = `Breaking: an editor's note was added here.\n\n${ARTICLE}`;
    const start = edited.indexOf(claim);
    expect(anchorQuote(edited, selectors)).toMatchObject({ status: 'moved', start, end: start + claim.length });
  });

  it('re-attaches to changed text, and says so', () => {
    const selectors = selectorsFor(ARTICLE, claim);
    const edited = ARTICLE.replace(claim, 'Primorye is another common name for Primorsky.');
    const result = anchorQuote(edited, selectors);
    expect(result).toMatchObject({ status: 'fuzzy', start: edited.indexOf('Primorye') });
  });

  it('is an orphan, with a reason, when the quote is gone', () => {
    const selectors = selectorsFor(ARTICLE, claim);
    expect(anchorQuote(ARTICLE.replace(claim, 'Something else entirely.'), selectors)).toEqual({ status: 'orphan', reason: 'not-found' });
  });

  it('is an orphan without a quote selector, or with an empty quote', () => {
    expect(anchorQuote(ARTICLE, [{ type: 'TextPositionSelector', start: 0, end: 5 }])).toEqual({ status: 'orphan', reason: 'no-quote' });
    expect(anchorQuote(ARTICLE, [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }])).toEqual({
      status: 'orphan',
      reason: 'no-quote',
    });
  });

  it('accepts selectors in any order', () => {
    const [quote, position] = buildSelectors(ARTICLE, 10, 30);
    expect(anchorQuote(ARTICLE, [position, quote])).toMatchObject({ status: 'exact', start: 10, end: 30 });
  });
});
