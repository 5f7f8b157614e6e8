/**
 * Hostile and odd input: detection must return, not throw or hang, on whatever a page holds.
 * No wall-clock assertions (they flake on slow CI); a catastrophic backtrack would show as a
 * test timeout instead.
 */
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../lib/detect/index';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomText(length: number, alphabet: string, seed: number): string {
  const next = random(seed);
  const chars = [...alphabet];
  let out = '';
  for (let i = 0; i < length; i += 1) out += chars[Math.floor(next() * chars.length)] ?? ' ';
  return out;
}

describe('detectClaims on hostile input', () => {
  it('handles 1 MB without a single space', () => {
    const text = 'said'.repeat(256 * 1024);
    expect(() => detectClaims(text)).not.toThrow();
  });

  it('handles 1 MB of one letter', () => {
    expect(detectClaims('a'.repeat(1024 * 1024))).toEqual([]);
  });

  it('handles 200 KB of quotation marks', () => {
    expect(() => detectClaims('“'.repeat(100 * 1024) + '”'.repeat(100 * 1024))).not.toThrow();
    expect(() => detectClaims('"'.repeat(200 * 1024))).not.toThrow();
  });

  it('handles 1 MB of random characters', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ .,;:!?“”"\'’‘-–—()[]/\n\t0123456789ТАСС한국😀';
    const text = randomText(1024 * 1024, alphabet, 42);
    const claims = detectClaims(text);
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('handles 1 MB of random words, cues and source names', () => {
    const words = ['said', 'told', 'according', 'to', 'the', 'KCNA', 'TASS', 'Reuters', 'who', 'spoke', 'on', 'condition', 'of', 'anonymity', ',', '.', '“', '”', 'that', 'Telegram', 'posted', 'he', 'quoted', 'as', 'saying', '\n\n'];
    const next = random(7);
    let text = '';
    while (text.length < 1024 * 1024) text += `${words[Math.floor(next() * words.length)] ?? ''} `;
    const claims = detectClaims(text);
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      for (const a of c.attributions) {
        if (a.sourceText !== null) expect(text.slice(a.start, a.end)).toBe(a.sourceText);
        if (a.reportedBy !== null) expect(a.reportedBy).toBeLessThan(c.attributions.length);
      }
    }
  });

  it('handles a very long sentence full of cues', () => {
    const text = `${'The ministry said that officials told Reuters that '.repeat(20000)}it rained.`;
    const claims = detectClaims(text);
    expect(claims).toHaveLength(1);
  });

  it('handles lone surrogates, control characters and zero-width spaces', () => {
    const text = 'KCNA\u200b said\u0000 the \ud800 test \u202e worked.\u2028 TASS said so.';
    expect(() => detectClaims(text)).not.toThrow();
  });

  it('returns nothing for empty input', () => {
    expect(detectClaims('')).toEqual([]);
  });
});
