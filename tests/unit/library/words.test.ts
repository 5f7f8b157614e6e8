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
