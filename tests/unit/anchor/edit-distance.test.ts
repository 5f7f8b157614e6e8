import { describe, expect, it } from 'vitest';
import { distancesAlong, levenshtein, patternMasks } from '../../../lib/anchor/edit-distance';

/** The textbook table: the last row after each text character, start free or anchored. */
function naive(pattern: string, text: string, mode: 'substring' | 'prefix'): number[] {
  let previous = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 1; j <= text.length; j++) {
    const column = [mode === 'prefix' ? j : 0];
    for (let i = 1; i <= pattern.length; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      column.push(Math.min((previous[i] ?? 0) + 1, (column[i - 1] ?? 0) + 1, (previous[i - 1] ?? 0) + cost));
    }
    out.push(column[pattern.length] ?? 0);
    previous = column;
  }
  return out;
}

/** A seeded generator, so a failure is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomString(next: () => number, length: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

describe('distancesAlong', () => {
  it.each([
    ['one block', 1, 20],
    ['exactly one word', 32, 32],
    ['two blocks', 33, 64],
    ['several blocks', 70, 150],
  ])('agrees with the textbook table (%s)', (_name, minLength, maxLength) => {
    const next = random(minLength * 7919 + maxLength);
    for (let round = 0; round < 60; round++) {
      const alphabet = round % 2 === 0 ? 'ab' : 'abcde ';
      const pattern = randomString(next, minLength + Math.floor(next() * (maxLength - minLength + 1)), alphabet);
      const text = randomString(next, Math.floor(next() * 200), alphabet);
      for (const mode of ['substring', 'prefix'] as const) {
        expect([...distancesAlong(patternMasks(pattern), text, 0, text.length, mode)], `${mode} ${pattern} in ${text}`).toEqual(
          naive(pattern, text, mode),
        );
      }
    }
  });

  it('reads backwards with the reversed pattern', () => {
    const text = 'the ministry said on Wednesday';
    const pattern = 'ministry sad';
    const reversed = [...pattern].reverse().join('');
    // From the last character of "said" back to the text's start.
    const backwards = distancesAlong(patternMasks(reversed), text, text.indexOf(' on') - 1, -1, 'prefix');
    // 13 characters read give "ministry said", one edit away.
    expect(backwards[12]).toBe(1);
    expect(Math.min(...backwards)).toBe(1);
  });

  it('reads only the given range', () => {
    const text = 'xxxxabcdxxxx';
    const out = distancesAlong(patternMasks('abcd'), text, 4, 8, 'substring');
    expect([...out]).toEqual([3, 2, 1, 0]);
  });

  it('refuses an empty pattern', () => {
    expect(() => patternMasks('')).toThrow(RangeError);
  });
});

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['said on Wednesday', 'said on Thursday', 5],
    ['same', 'same', 0],
  ])('%s → %s: %d', (a, b, expected) => {
    expect(levenshtein(a, b)).toBe(expected);
  });
});
