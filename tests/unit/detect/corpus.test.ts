/**
 * Every labelled sentence of the attribution corpus (tests/fixtures/attribution), one test each:
 * the detector must flag it or not as labelled, with the labelled attributions — source, words,
 * type, stance, chain. The scoring rules are the eval's (lib/eval/score.ts), so `npm run eval`
 * and this suite can never disagree about what counts as right.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../lib/detect';
import { buildDocument, loadCorpusDir } from '../../../lib/eval/corpus';
import { scoreDocument, type EvalError } from '../../../lib/eval/score';

const CORPUS_DIR = resolve(import.meta.dirname, '..', '..', 'fixtures', 'attribution');
const { documents } = loadCorpusDir(CORPUS_DIR);

type Case = { name: string; errors: EvalError[] };

const scored = documents.map(({ file, doc }) => {
  const built = buildDocument(doc);
  return { file, built, errors: scoreDocument(built, detectClaims(built.text), file, doc.style).errors };
});

const cases: Case[] = scored.flatMap(({ file, built, errors }) => {
  return built.sentences
    .filter((s) => !s.label.optional)
    .map((s) => {
      const where = `¶${s.paragraph + 1} s${s.index + 1}`;
      return {
        name: `${file} ${where}: ${s.label.text.slice(0, 80)}`,
        errors: errors.filter((e) => e.where === where),
      };
    });
});

describe('the labelled attribution corpus', () => {
  it('has the documents and sentences it is meant to have', () => {
    expect(documents.length).toBeGreaterThanOrEqual(12);
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it.each(scored)('$file: no claim outside the labelled sentences', ({ errors }) => {
    expect(errors.filter((e) => e.kind === 'stray-claim').map((e) => e.sentence)).toEqual([]);
  });

  it.each(cases)('$name', ({ errors }) => {
    expect(errors.map((e) => `${e.kind}: expected ${e.expected ?? '-'}; detected ${e.predicted ?? '-'}`)).toEqual([]);
  });
});
