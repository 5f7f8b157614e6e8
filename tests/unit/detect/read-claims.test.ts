/**
 * `readClaims` (detection a part at a time, for the content script's slices) gives exactly what
 * `detectClaims` gives, wherever the reading is paused: after every block, at random blocks, or
 * never. Checked on the generated benchmark article, the reference article and the labelled corpus.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../../bench/generate-article';
import { buildDocument, loadCorpusDir } from '../../../lib/eval/corpus';
import { detectClaims, readClaims } from '../../../lib/detect/index';
import { findHits, HitScanner } from '../../../lib/detect/prefilter';
import type { DetectedClaim } from '../../../lib/model';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures');

/** Read `text` to the end, pausing whenever `pause` says so; returns the claims and the pauses. */
function readInParts(text: string, pause: () => boolean): { claims: DetectedClaim[]; pauses: number } {
  const reading = readClaims(text);
  let pauses = 0;
  while (!reading.readOn(pause)) pauses += 1;
  return { claims: reading.claims(), pauses };
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('readClaims', () => {
  const texts: [string, string][] = [
    ['the generated article', generateArticle(120_000)],
    ['the reference article', readFileSync(resolve(FIXTURES, 'seed-article.txt'), 'utf8')],
  ];

  it.each(texts)('paused after every block, reads %s exactly as detectClaims does', (_, text) => {
    const { claims, pauses } = readInParts(text, () => true);
    expect(pauses).toBeGreaterThan(3);
    expect(claims).toEqual(detectClaims(text));
  });

  it.each(texts)('paused at random blocks, or never, reads %s exactly as detectClaims does', (_, text) => {
    const rnd = random(7);
    expect(readInParts(text, () => rnd() < 0.3).claims).toEqual(detectClaims(text));
    expect(readInParts(text, () => false)).toEqual({ claims: detectClaims(text), pauses: 0 });
  });

  it('reads every document of the labelled corpus exactly as detectClaims does, paused after every block', () => {
    const docs = [...loadCorpusDir(resolve(FIXTURES, 'attribution')).documents, ...loadCorpusDir(resolve(FIXTURES, 'attribution-dev')).documents];
    expect(docs.length).toBeGreaterThan(10);
    for (const d of docs) {
      const text = buildDocument(d.doc).text;
      expect(readInParts(text, () => true).claims).toEqual(detectClaims(text));
    }
  });
});

describe('HitScanner', () => {
  it('finds the same hits however the text is cut', () => {
    const text = generateArticle(40_000) + '\n\n“Quoted,” said the (JCS) minister Orekhov, carried\n\nby TASS.';
    const whole = findHits(text);
    const rnd = random(11);
    const scanner = new HitScanner(text);
    for (let limit = 0; limit < text.length; limit += Math.floor(rnd() * 400)) scanner.scanTo(limit);
    scanner.scanTo(text.length);
    expect(scanner.at).toEqual(whole.at);
    expect(scanner.kind).toEqual(whole.kind);
  });
});
