import { describe, expect, it } from 'vitest';
import {
  foldForMatch,
  matchKey,
  normalizedQuoteAt,
  normalizeText,
  normalizeWithMap,
} from '../../../lib/anchor/normalize-text';

describe('normalizeText', () => {
  it.each([
    ['leaves plain text alone', 'KCNA said on Wednesday.', 'KCNA said on Wednesday.'],
    ['collapses a run of spaces', 'KCNA  said   so.', 'KCNA said so.'],
    ['turns newlines and tabs into one space', 'one.\n\ntwo\tthree', 'one. two three'],
    ['turns NBSP and narrow NBSP into a space', 'Mr\u00a0Kim and 10\u202fkm', 'Mr Kim and 10 km'],
    ['collapses a run mixing spaces and NBSP', 'a \u00a0 b', 'a b'],
    ['removes soft hyphens, zero-width spaces, word joiners and BOMs', 'co\u00adoper\u200bation\u2060 \ufeffends', 'cooperation ends'],
    ['keeps a space next to an invisible character', 'a\u200b b', 'a b'],
    ['composes decomposed accents (NFC)', 'Pe\u0301rez and Ha\u0300 No\u0323\u0302i', 'Pérez and Hà Nội'],
    ['keeps typographic quotes and dashes', '“It’s over” — he said', '“It’s over” — he said'],
    ['keeps leading and trailing spaces (one each)', '  both ends  ', ' both ends '],
    ['leaves ZWJ in emoji alone', 'flag 👩\u200d💻 here', 'flag 👩\u200d💻 here'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normalizeText(' a\u00a0\u00a0b\n\nc\u00ad e\u0301 ');
    expect(normalizeText(once)).toBe(once);
  });
});

describe('foldForMatch', () => {
  it.each([
    ['curly apostrophe', 'Korea’s', "Korea's"],
    ['curly double quotes', '“quoted”', '"quoted"'],
    ['low quotes and guillemets', '„so“ «non» ‹oui›', '"so" "non" \'oui\''],
    ['primes', '5′ 10″', '5\' 10"'],
    ['dashes and minus', 'a–b — c − d ‑ e', 'a-b - c - d - e'],
  ])('%s', (_name, input, expected) => {
    expect(foldForMatch(input)).toBe(expected);
    expect(foldForMatch(input)).toHaveLength(input.length);
  });

  it('matchKey is fold after normalise', () => {
    expect(matchKey('“It’s  over”\u00a0—\nhe')).toBe('"It\'s over" - he');
  });
});

/** Deterministic pseudo-random generator for the property checks. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Random text with every kind of character normalisation touches. */
function messyText(next: () => number, length: number): string {
  const pieces = ['a', 'b', 'é', 'e\u0301', ' ', '  ', '\n\n', '\u00a0', '\u00ad', '\u200b', '’', '—', 'K', '.'];
  let s = '';
  while (s.length < length) s += pieces[Math.floor(next() * pieces.length)];
  return s;
}

describe('normalizeWithMap', () => {
  it('gives the same text as normalizeText, folded on request', () => {
    const source = 'One.\n\nTwo\u00a0 “three”\u00ad — Pe\u0301rez';
    expect(normalizeWithMap(source).text).toBe(normalizeText(source));
    expect(normalizeWithMap(source, { fold: true }).text).toBe(matchKey(source));
  });

  it('maps every normalised character back to a source character that normalises to it', () => {
    const next = random(42);
    for (let round = 0; round < 50; round++) {
      const source = messyText(next, 80);
      const mapped = normalizeWithMap(source);
      for (let i = 0; i < mapped.text.length; i++) {
        const from = mapped.toSource(i, 'start');
        const to = mapped.toSource(i + 1, 'end');
        expect(from, `${JSON.stringify(source)} @${i}`).toBeLessThan(to);
        expect(normalizeText(source.slice(from, to)).trim() || ' ').toBe(mapped.text[i] === ' ' ? ' ' : mapped.text.slice(i, i + 1));
        expect(mapped.fromSource(from, 'start')).toBe(i);
      }
      expect(mapped.toSource(0, 'start')).toBeLessThanOrEqual(source.length);
      expect(mapped.toSource(mapped.text.length, 'end')).toBeLessThanOrEqual(source.length);
    }
  });

  it('moves offsets inside a collapsed run out of it: starts forward, ends back', () => {
    const source = 'said.\n\n\nThe';
    const mapped = normalizeWithMap(source);
    expect(mapped.text).toBe('said. The');
    expect(mapped.fromSource(6, 'start')).toBe(6); // inside the run → after its space
    expect(mapped.fromSource(6, 'end')).toBe(5); // → before it
    expect(mapped.toSource(6, 'start')).toBe(8); // "T"
    expect(mapped.toSource(5, 'end')).toBe(5); // after "."
  });

  it('maps a span around a removed soft hyphen to the whole word', () => {
    const source = 'co\u00adoperation';
    const mapped = normalizeWithMap(source);
    expect(mapped.text).toBe('cooperation');
    expect(source.slice(mapped.toSource(0, 'start'), mapped.toSource(11, 'end'))).toBe(source);
  });
});

describe('normalizedQuoteAt', () => {
  it('equals slicing the whole normalised text, for any span, with any window', () => {
    const next = random(7);
    for (let round = 0; round < 40; round++) {
      const source = messyText(next, 400);
      const whole = normalizeWithMap(source);
      const start = Math.floor(next() * 300);
      const end = start + 1 + Math.floor(next() * 60);
      const quote = normalizedQuoteAt(source, start, end, 32);
      const ns = whole.fromSource(start, 'start');
      const ne = Math.max(ns, whole.fromSource(end, 'end'));
      expect(quote).toEqual({
        exact: whole.text.slice(ns, ne),
        prefix: whole.text.slice(Math.max(0, ns - 32), ns),
        suffix: whole.text.slice(ne, ne + 32),
      });
    }
  });

  it('looks further when whitespace runs eat the context', () => {
    const source = `Before the run.${' '.repeat(500)}Quote here.${'\n'.repeat(500)}After the run.`;
    const start = source.indexOf('Quote');
    const quote = normalizedQuoteAt(source, start, start + 'Quote here.'.length, 32);
    expect(quote).toEqual({ exact: 'Quote here.', prefix: 'Before the run. ', suffix: ' After the run.' });
  });
});
