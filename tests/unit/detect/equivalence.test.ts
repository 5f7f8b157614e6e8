/**
 * The fast path of `detectClaims` (the prefilter, glanced-at sentences, unsplit blocks, outlets read
 * on demand) gives exactly what the reference path gives, which reads every sentence through every
 * stage (`{ prefilter: false }`). Checked on the generated benchmark article, on every document of
 * the labelled corpus, on random word soup, and on small texts built to reach each shortcut.
 * No timings here: tests/unit/detect/robustness.test.ts and `npm run bench:detect` cover speed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-article';
import { buildDocument, loadCorpusDir } from '../../../lib/eval/corpus';
import { detectClaims } from '../../../lib/detect/index';
import { findHits, HIT_CUE, HIT_PAREN, HIT_QUOTE, HIT_ROLE } from '../../../lib/detect/prefilter';
import { CUE_VERBS } from '../../../lib/detect/cues';
import { ROLE_WORDS } from '../../../lib/detect/source-type';
import { splitBlocks } from '../../../lib/detect/sentences';
import type { DetectedClaim, Source } from '../../../lib/model';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures');

/** Both paths over `text`; the claims must be deeply equal. */
function bothPaths(text: string, userSources: readonly Source[] = []): { fast: DetectedClaim[]; reference: DetectedClaim[] } {
  return { fast: detectClaims(text, { userSources }), reference: detectClaims(text, { userSources, prefilter: false }) };
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const USER_SOURCES: Source[] = [
  { id: 'baltic-courier', name: 'Baltic Courier', aliases: ['the Courier'], type: 'newspaper-broadcaster', builtin: false },
  { id: 'kcna', name: 'KCNA', aliases: ['Korean Central'], type: 'state-media', builtin: true },
];

describe('the fast path equals the reference path', () => {
  it('on 200 KB of the generated benchmark article', () => {
    const text = generateArticle(200_000);
    const { fast, reference } = bothPaths(text);
    expect(reference.length).toBeGreaterThan(500);
    expect(fast).toEqual(reference);
  });

  it('on another generated article, with user sources', () => {
    const text = generateArticle(100_000, 7);
    const { fast, reference } = bothPaths(text, USER_SOURCES);
    expect(fast).toEqual(reference);
  });

  const { documents } = loadCorpusDir(resolve(FIXTURES, 'attribution'));
  it.each(documents.map((d) => [d.file, d] as const))('on corpus document %s', (_file, d) => {
    const text = buildDocument(d.doc).text;
    const { fast, reference } = bothPaths(text);
    expect(fast).toEqual(reference);
  });

  it('on the seed article', () => {
    const { fast, reference } = bothPaths(readFileSync(resolve(FIXTURES, 'seed-article.txt'), 'utf8'));
    expect(fast).toEqual(reference);
  });

  it('on 200 KB of random words, cues, names, quotation marks and brackets', () => {
    const words = [
      'said', 'told', 'according', 'to', 'the', 'KCNA', 'TASS', 'Reuters', 'who', 'spoke', 'on', 'condition', 'of',
      'anonymity', ',', '.', '“', '”', '"', 'that', 'Telegram', 'posted', 'he', 'she', 'it', 'quoted', 'as', 'saying',
      '\n\n', '\n', 'Minister', 'Pavel', 'Orekhov', '(JCS)', 'Joint', 'Chiefs', 'Staff', 'agency', 'carried', 'by',
      'Mr.', 'U.S.', '?', '!', ':', 'spokesman', 'Governor', 'analyst', 'weather', 'rain', 'was', 'cold', 'Seoul',
    ];
    const next = random(11);
    let text = '';
    while (text.length < 200_000) text += `${words[Math.floor(next() * words.length)] ?? ''} `;
    const { fast, reference } = bothPaths(text);
    expect(reference.length).toBeGreaterThan(0);
    expect(fast).toEqual(reference);
  });

  it.each([
    ['an outlet in a block with nothing else', 'Today TASS employs 1,500 people.\n\nThe agency said the talks had failed.'],
    ['an outlet in a sentence glanced at', 'Reuters has offices in 200 cities. The weather was cold. The agency said the deal was off.'],
    ['an outlet named too far back', 'Yonhap has bureaus abroad.\n\nRain.\n\nMore rain.\n\nStill rain.\n\nThe agency said it would stop.'],
    ['an outlet, then a cue sentence naming none', 'Xinhua runs 180 bureaus.\n\nOfficials said exports rose. The agency said they fell.'],
    ['a quotation continued over sentences', '“We will win,” Petrov said. “The enemy is weak. We are strong.”'],
    ['a quotation continued over paragraphs', '“We will win,” Petrov said. “The enemy is weak.\n\n“We are strong. Victory is near.”'],
    ['a plain sentence before an unmatched closer', 'He walked in. It was terrible,” Smith said.'],
    ['an introduction ending in a colon', 'The ministry said in a statement:\n\n“We will respond to any provocation.”'],
    ['a titled name, then a short name and a pronoun', 'Deputy Foreign Minister Pavel Orekhov arrived.\n\nOrekhov said the talks went well. He added that more would follow.'],
    ['a titled name after a comma', "The union's general secretary, Mick Lynch, arrived on Monday. He said the strike would go on."],
    ['an acronym defined in passing', 'The Joint Chiefs of Staff (JCS) met on Monday.\n\nThe JCS said the missile flew 600 km.'],
    ['a relay participle before "by"', 'The statement was carried by KCNA on Monday. It was long.'],
    ['an underscore before a cue', 'Officials_said that the talks failed. _said the ministry that it rained.'],
    ['a Kelvin sign in a cue and a role', 'Analysts thin\u212A the talks will fail. \u212Aing Charles arrived. He said it was cold.'],
    ['characters the sentence scan leaves to the segmenter', 'ТАСС сообщил. Officials said the cafe\u0301 closed. The U.S.\u00ad Army said so.'],
    ['a question inside a quotation', '“Who says so?” Kowalczyk said. “Nobody.”'],
  ])('on %s', (_name, text) => {
    const { fast, reference } = bothPaths(text);
    expect(fast).toEqual(reference);
  });

  it('reads an outlet in a skipped block when "the agency" needs it', () => {
    const [claim] = detectClaims('Today TASS employs 1,500 people.\n\nThe agency said the talks had failed.');
    expect(claim?.attributions[0]?.source?.id).toBe('tass');
  });

  it('does not reach an outlet more than two blocks back', () => {
    const claims = detectClaims('Yonhap has bureaus abroad.\n\nRain.\n\nMore rain.\n\nStill rain.\n\nThe agency said it would stop.');
    expect(claims[0]?.attributions[0]?.source).toBeNull();
  });
});

describe('findHits', () => {
  const flags = (text: string): number => findHits(text).kind.reduce((a, k) => a | k, 0);

  it.each([...CUE_VERBS.keys(), 'according', 'citing', 'quoting', 'quoted'])('marks the cue %s, in any case', (word) => {
    for (const form of [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]) {
      expect(flags(`x ${form} y`) & HIT_CUE).toBe(HIT_CUE);
    }
  });

  it.each(ROLE_WORDS)('marks the role %s before a name, a comma or a possessive', (word) => {
    for (const text of [`${word} Pavel`, `${word}, Pavel`, `${word}’s Pavel`, `ex-${word} Pavel`]) expect(flags(text) & HIT_ROLE).toBe(HIT_ROLE);
  });

  it('does not mark a role before a lower-case word', () => {
    expect(flags('the minister arrived')).toBe(0);
  });

  it('marks a relaying participle only before "by"', () => {
    expect(flags('a statement carried by KCNA') & HIT_CUE).toBe(HIT_CUE);
    expect(flags('a statement carried home')).toBe(0);
  });

  it('marks quotation marks and brackets, and nothing in plain text', () => {
    expect(flags('“x” „y“ «z» ‹w› "v"')).toBe(HIT_QUOTE);
    expect(flags('the (first) round')).toBe(HIT_PAREN);
    expect(flags('The weather was cold in Seoul on Monday.')).toBe(0);
  });
});

describe('splitBlocks', () => {
  /** The straightforward reading: a character at a time. */
  function reference(text: string): { start: number; end: number }[] {
    const isSpace = (c: string): boolean => /\s/.test(c) || c.charCodeAt(0) <= 32 || c === '\u200b';
    const blocks: { start: number; end: number }[] = [];
    const push = (a: number, b: number): void => {
      let s = a;
      let e = b;
      while (s < e && isSpace(text.charAt(s))) s += 1;
      while (e > s && isSpace(text.charAt(e - 1))) e -= 1;
      if (e > s) blocks.push({ start: s, end: e });
    };
    let blockStart = 0;
    let lastNewline = -1;
    let blank = false;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charAt(i);
      if (c === '\n') {
        if (lastNewline >= 0 && blank) {
          push(blockStart, lastNewline);
          blockStart = i + 1;
        }
        lastNewline = i;
        blank = true;
      } else if (!isSpace(c)) {
        blank = false;
      }
    }
    push(blockStart, text.length);
    return blocks;
  }

  it('finds the blocks a character-by-character reading finds', () => {
    const next = random(3);
    const alphabet = ['a', 'b', ' ', '\n', '\n', '\t', '\r', '\u00a0', '.'];
    for (let n = 0; n < 2000; n += 1) {
      let text = '';
      const length = Math.floor(next() * 24);
      for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(next() * alphabet.length)] ?? '';
      expect(splitBlocks(text)).toEqual(reference(text));
    }
  });

  it('splits the generated article at its blank lines', () => {
    const text = generateArticle(50_000);
    expect(splitBlocks(text)).toEqual(reference(text));
  });
});
