/**
 * The tokenizer's character scans: `wordRunEnd` (ASCII read from a table, the rest through
 * `isWordCode`) ends a run exactly where a loop over `isWordCode` does, on every character class
 * news text holds and on random strings of them.
 */
import { describe, expect, it } from 'vitest';
import { isWordCode, tokenize, wordRunEnd } from '../../../lib/detect/tokens';

/** The reference: one `isWordCode` call per character. */
function plainRunEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && isWordCode(text.charCodeAt(j))) j += 1;
  return j;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Letters, digits, marks and punctuation of several scripts, spaces, a lone surrogate, an emoji. */
const ALPHABET = ['a', 'Z', '0', '9', '_', '-', "'", '’', '.', ' ', '\u00a0', 'é', 'ß', 'Ж', 'ж', '中', 'ا', '\u0301', '\u200b', '“', '”', '\ud83d', '😀', '\u212a', '\u0130'];

describe('wordRunEnd', () => {
  it.each([
    ['Kremlin said', 0, 7],
    ['Kremlin said', 7, 7],
    ['Zhytomyr’s', 0, 8],
    ['Москва заявила', 0, 6],
    ['café-bar', 0, 4],
    ['2024', 0, 4],
  ])('ends the run of %j from %i at %i', (text, from, expected) => {
    expect(wordRunEnd(text, from, text.length)).toBe(expected);
  });

  it('stops at the end it is given, not at the end of the text', () => {
    expect(wordRunEnd('Kremlin', 0, 3)).toBe(3);
  });

  it('agrees with a loop over isWordCode on random text, from every position', () => {
    const next = random(20261128);
    for (let k = 0; k < 300; k += 1) {
      let text = '';
      const length = 1 + Math.floor(next() * 30);
      for (let c = 0; c < length; c += 1) text += ALPHABET[Math.floor(next() * ALPHABET.length)] ?? 'a';
      for (let i = 0; i < text.length; i += 1) {
        const end = i + Math.floor(next() * (text.length - i + 1));
        expect(wordRunEnd(text, i, end)).toBe(plainRunEnd(text, i, end));
      }
    }
  });

  it('leaves the tokens of news text as they were', () => {
    const tokens = tokenize('Zhytomyr’s governor, Vitaliy Bunechko, told RIA-Novosti on 3.5 Jan. that U.S. forces “withdrew”.');
    expect(tokens.filter((t) => t.word).map((t) => t.text)).toEqual(['Zhytomyr’s', 'governor', 'Vitaliy', 'Bunechko', 'told', 'RIA-Novosti', 'on', '3.5', 'Jan', 'that', 'U.S.', 'forces', 'withdrew']);
  });
});
