/**
 * `sentenceBreaks` gives the boundaries `Intl.Segmenter` gives, on this platform: for every
 * character it handles itself, in the places where the rules look at one; on random strings of
 * those characters; on real and generated news text; and, through the segmenter, on text with any
 * other character.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-article';
import { buildDocument, loadCorpusDir } from '../../../lib/eval/corpus';
import { HANDLED_CHARACTER, sentenceBreaks } from '../../../lib/detect/sentence-breaks';
import { splitBlocks } from '../../../lib/detect/sentences';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The segmenter's sentence ends: what `sentenceBreaks` must return. */
function platform(text: string): number[] {
  return [...segmenter.segment(text)].map((s) => s.index + s.segment.length);
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Every character `sentenceBreaks` classifies itself (the others go to the segmenter). */
const HANDLED = (() => {
  const out: string[] = [];
  for (let code = 0; code < 0x10000; code += 1) {
    const ch = String.fromCharCode(code);
    if (HANDLED_CHARACTER.test(ch)) out.push(ch);
  }
  return out;
})();

/** Blocks of `text` with their line breaks flattened, as sentences.ts hands them over. */
function flatBlocks(text: string): string[] {
  return splitBlocks(text).map((b) => text.slice(b.start, b.end).replace(/[\r\n\v\f\u2028\u2029\u0085]/g, ' '));
}

describe('sentenceBreaks', () => {
  it('handles the characters of news text', () => {
    expect(HANDLED.length).toBeGreaterThan(300);
  });

  it.each(HANDLED.map((ch) => [`U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`, ch]))('agrees with the segmenter around %s', (_code, ch) => {
    const contexts = [
      `a.${ch}b`, `a. ${ch}b`, `a.${ch} b`, `A.${ch}B`, `a${ch}. B`, `a${ch}.B`, `a. ${ch} b`, `a? ${ch}b`, `a! ${ch}B`,
      `a. ${ch}B`, `a.${ch}`, `${ch}. b`, `x. ${ch}${ch} y`, `A${ch}B. c`, `a .${ch} b`, `a.${ch}5`, `a.”${ch} b`, `a.) ${ch} B`,
    ];
    for (const text of contexts) expect(sentenceBreaks(text), JSON.stringify(text)).toEqual(platform(text));
  });

  it('agrees with the segmenter on random strings of those characters', () => {
    const next = random(20240611);
    const common = [...'abZY..?! \t"\'()“”‘’,-:;50éÉß\u00a0–—…#«»ª'];
    for (let n = 0; n < 30_000; n += 1) {
      const length = 1 + Math.floor(next() * 30);
      let text = '';
      for (let i = 0; i < length; i += 1) {
        const pool = next() < 0.8 ? common : HANDLED;
        text += pool[Math.floor(next() * pool.length)] ?? '';
      }
      expect(sentenceBreaks(text), JSON.stringify(text)).toEqual(platform(text));
    }
  });

  it('agrees with the segmenter on the corpus, the seed article and a generated article', () => {
    const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures');
    const texts = [
      readFileSync(resolve(fixtures, 'seed-article.txt'), 'utf8'),
      generateArticle(100_000, 3),
      ...loadCorpusDir(resolve(fixtures, 'attribution')).documents.map((d) => buildDocument(d.doc).text),
    ];
    for (const text of texts) for (const block of flatBlocks(text)) expect(sentenceBreaks(block)).toEqual(platform(block));
  });

  it.each([
    ['other scripts', 'ТАСС сообщил. Это так. 한국 정부는 말했다. 그렇다.'],
    ['combining marks', 'The cafe\u0301. It closed. A.\u0301 B.'],
    ['format characters', 'The U.S.\u00ad Army. It said\u200b. So.'],
    ['other terminators', 'Really‼ Yes. 是的。好。'],
    ['emoji', 'Great 😀. Really. 👍🏽 Yes.'],
  ])('leaves %s to the segmenter', (_name, text) => {
    expect(sentenceBreaks(text)).toEqual(platform(text));
  });

  it('returns nothing for empty text', () => {
    expect(sentenceBreaks('')).toEqual([]);
  });
});
