import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, indexWords, MAX_WORD_LENGTH, searchTerms } from '../../../lib/library/words';

describe('foldText', () => {
  it.each([
    ['Société Générale', 'societe generale'],
    ['ÉLECTION', 'election'],
    ['Kozhemyako', 'kozhemyako'],
    ['ТАСС', 'тасс'],
    ['연합뉴스', '연합뉴스'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('indexWords', () => {
  it.each([
    ['lower-cases, folds accents, drops one-letter words, keeps first-seen order', ['A Société said a thing'], ['societe', 'said', 'thing']],
    ['splits on apostrophes and hyphens', ['the Kremlin’s Al-Jazeera O\'Brien'], ['the', 'kremlin', 'al', 'jazeera', 'brien']],
    ['deduplicates across texts', ['Missile test', 'missile TEST again', 'test'], ['missile', 'test', 'again']],
    ['keeps digits and other scripts', ['Day 17: ТАСС 2024'], ['day', '17', 'тасс', '2024']],
    ['has nothing for empty texts', ['', '  '], []],
  ])('%s', (_case, texts, words) => {
    expect(indexWords(...texts)).toEqual(words);
  });

  it('cuts very long runs to MAX_WORD_LENGTH', () => {
    expect(indexWords('x'.repeat(100))).toEqual(['x'.repeat(MAX_WORD_LENGTH)]);
  });
});

describe('searchTerms', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['Kremlin', ['kremlin']],
    ['kim j', ['kim', 'j']],
    ['kim j ', ['kim']],
    ['a kremlin', ['kremlin']],
    ['élec', ['elec']],
    ['us usa', ['usa']],
    ['missile missile', ['missile']],
    ['Kremlin’s', ['kremlin']],
    ['"kcna" said,', ['kcna', 'said']],
  ])('%j → %j', (typed, terms) => {
    expect(searchTerms(typed)).toEqual(terms);
  });
});

describe('indexWords, fast paths', () => {
  // The reference: the definition, spelled out the long way (NFKD, marks dropped, NFC, lower
  // case, split on non-letters), against ASCII and mixed text alike.
  const reference = (...texts: string[]) => {
    const words = new Set<string>();
    for (const text of texts) {
      const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
      for (const run of folded.split(/[^\p{L}\p{N}]+/u)) if (run.length >= 2) words.add(run.slice(0, MAX_WORD_LENGTH));
    }
    return [...words];
  };
  const text = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: fc.constantFrom(...'aB9 -’éÉ\u0301ıİßﬁ²ТАСС연합\t.'.split('')), maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  );
  it('gives the same words as the definition', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 4 }), (texts) => {
        expect(indexWords(...texts)).toEqual(reference(...texts));
      }), { numRuns: 500 });
  });
});
