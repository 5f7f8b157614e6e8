/**
 * The labelled attribution corpus (tests/fixtures/attribution): every file has the documented
 * shape, and the validator and `scripts/eval.ts` reject malformed corpora by file and sentence.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CUE_STANCES, SOURCE_TYPES } from '../../../lib/model';
import { buildDocument, corpusStats, CorpusError, LINE_KINDS, loadCorpusDir, validateDocument } from '../../../lib/eval/corpus';

const ROOT = resolve(__dirname, '../../..');
const CORPUS = join(ROOT, 'tests/fixtures/attribution');
const { documents, issues } = loadCorpusDir(CORPUS, { strict: true });

describe('the attribution corpus', () => {
  it('loads in strict mode with no issue', () => {
    expect(issues).toEqual([]);
    expect(documents.map((d) => d.file)).toEqual(readdirSync(CORPUS).filter((f) => f.endsWith('.json')).sort());
  });

  it('is big enough and about 45% negatives', () => {
    const { overall, byStyle } = corpusStats(documents);
    expect(overall.documents).toBeGreaterThanOrEqual(12);
    expect(overall.sentences).toBeGreaterThanOrEqual(180);
    const negativeShare = overall.negatives / (overall.claims + overall.negatives);
    expect(negativeShare).toBeGreaterThan(0.38);
    expect(negativeShare).toBeLessThan(0.55);
    for (const style of ['wire', 'state-media', 'social', 'anonymous', 'government', 'interview', 'liveblog', 'feature']) {
      expect(byStyle[style], style).toBeDefined();
    }
  });

  it('uses every source type and every cue stance, and has chains and carried-over sentences', () => {
    const attributions = documents.flatMap((d) => d.doc.paragraphs.flat().flatMap((s) => s.attributions));
    expect(new Set(attributions.map((a) => a.type))).toEqual(new Set(SOURCE_TYPES));
    expect(new Set(attributions.filter((a) => a.cueStance).map((a) => a.cueStance))).toEqual(new Set(CUE_STANCES));
    expect(attributions.filter((a) => a.reportedBy).length).toBeGreaterThanOrEqual(8);
    expect(attributions.filter((a) => a.carriedOver).length).toBeGreaterThanOrEqual(8);
  });

  describe.each(documents.map((d) => [d.file, d.doc] as const))('%s', (file, doc) => {
    it('has an about, a style and non-empty paragraphs', () => {
      expect(doc.about.length).toBeGreaterThan(20);
      expect(doc.style).toMatch(/^[a-z-]+$/);
      for (const p of doc.paragraphs) expect(p.length).toBeGreaterThan(0);
    });

    it('has sourceText and cue verbatim in each sentence, valid types, and reportedBy naming a sibling', () => {
      for (const s of doc.paragraphs.flat()) {
        const where = `${file}: ${s.text}`;
        expect(s.text, where).toBe(s.text.trim());
        if (s.kind !== undefined) {
          expect(LINE_KINDS, where).toContain(s.kind);
          expect(s.claim, where).toBe(false);
        }
        expect(s.attributions.length > 0, where).toBe(s.claim);
        for (const a of s.attributions) {
          expect(SOURCE_TYPES, where).toContain(a.type);
          if (a.carriedOver) {
            expect([a.sourceText, a.cue, a.cueStance], where).toEqual([null, null, null]);
            continue;
          }
          expect(a.sourceText, where).not.toBeNull();
          expect(s.text, where).toContain(a.sourceText!);
          expect(s.text, where).toContain(a.cue!);
          expect(CUE_STANCES, where).toContain(a.cueStance);
          if (a.reportedBy !== undefined) {
            expect(s.attributions.filter((o) => o !== a).map((o) => o.source), where).toContain(a.reportedBy);
          }
        }
      }
    });

    it('builds a text in which every sentence sits at its offsets', () => {
      const built = buildDocument(doc);
      for (const s of built.sentences) expect(built.text.slice(s.start, s.end)).toBe(s.label.text);
      expect(built.text.split('\n\n')).toHaveLength(doc.paragraphs.length);
    });
  });

  it('labels the same source with the same type everywhere', () => {
    const typeOf = new Map<string, Set<string>>();
    for (const { doc } of documents) {
      for (const a of doc.paragraphs.flat().flatMap((s) => s.attributions)) {
        typeOf.set(a.source, (typeOf.get(a.source) ?? new Set()).add(a.type));
      }
    }
    const mixed = [...typeOf].filter(([, types]) => types.size > 1).map(([name, types]) => `${name}: ${[...types].join(', ')}`);
    expect(mixed).toEqual([]);
  });
});

describe('validateDocument', () => {
  const sentence = (over: Record<string, unknown>) => ({
    about: 'x',
    style: 'wire',
    paragraphs: [[{ text: 'Seoul said it was ready.', claim: true, attributions: [{ source: 'Seoul', sourceText: 'Seoul', cue: 'said', cueStance: 'neutral', type: 'government', ...over }] }]],
  });

  it.each([
    ['a sourceText not in the sentence', { sourceText: 'Tokyo' }, /"sourceText" "Tokyo" does not occur/],
    ['a cue not in the sentence', { cue: 'claimed' }, /"cue" "claimed" does not occur/],
    ['an unknown type', { type: 'blog' }, /"type" "blog" is not one of/],
    ['an unknown stance', { cueStance: 'sceptical' }, /"cueStance" "sceptical"/],
    ['a reportedBy naming no sibling', { reportedBy: 'Yonhap' }, /"reportedBy" "Yonhap" is not the source of another attribution/],
    ['a missing sourceText', { sourceText: undefined }, /"sourceText" is missing/],
  ])('rejects %s, naming the sentence', (_name, over, message) => {
    const found = validateDocument(sentence(over), 'bad.json');
    expect(found.some((i) => i.fatal && message.test(i.message))).toBe(true);
    expect(found[0]).toMatchObject({ file: 'bad.json', where: 'paragraph 1, sentence 1', sentence: 'Seoul said it was ready.' });
  });

  it('accepts case or quote differences as a warning, fatal only in strict mode', () => {
    const doc = sentence({ sourceText: 'seoul' });
    expect(validateDocument(doc, 'a.json')).toEqual([expect.objectContaining({ fatal: false })]);
    expect(validateDocument(doc, 'a.json', { strict: true }).some((i) => i.fatal)).toBe(true);
  });

  it('flags a sourceText whose first occurrence is inside a word', () => {
    const doc = { about: 'x', style: 'social', paragraphs: [[{ text: 'Xinhua said on X that it was so.', claim: true, attributions: [{ source: 'X', sourceText: 'X', cue: 'said on', cueStance: 'neutral', type: 'social-media' }] }]] };
    expect(validateDocument(doc, 'x.json', { strict: true })[0]?.message).toMatch(/inside a longer word/);
  });

  it('rejects a document without paragraphs or style', () => {
    expect(validateDocument({ about: 'x', style: 'wire' }, 'a.json')[0]?.message).toMatch(/"paragraphs"/);
    expect(validateDocument([], 'a.json')[0]?.message).toMatch(/not a JSON object/);
    expect(validateDocument({ about: 'x', paragraphs: [[{ text: 'A.', claim: false, attributions: [] }]] }, 'a.json')[0]?.message).toMatch(/"style"/);
  });
});

describe('scripts/eval.ts', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sourcemark-eval-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync('npx', ['--no-install', 'tsx', 'scripts/eval.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('exits 2 and names the file and sentence when the corpus is malformed', { timeout: 60_000 }, () => {
    const dir = join(tmp, 'bad');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'broken.json'),
      JSON.stringify({ about: 'x', style: 'wire', paragraphs: [[{ text: 'Intro.', claim: false, attributions: [] }, { text: 'Seoul said so.', claim: true, attributions: [{ source: 'Seoul', sourceText: 'Tokyo', cue: 'said', cueStance: 'neutral', type: 'government' }] }]] }),
    );
    const result = run('--dir', dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('broken.json: paragraph 1, sentence 2');
    expect(result.stderr).toContain('"Tokyo" does not occur');
  });

  it('scores another corpus folder given with --dir and prints JSON', { timeout: 60_000 }, () => {
    const dir = join(tmp, 'good');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'one.json'),
      JSON.stringify({ about: 'x', style: 'wire', paragraphs: [[{ text: 'Seoul said troops moved.', claim: true, attributions: [{ source: 'Seoul', sourceText: 'Seoul', cue: 'said', cueStance: 'neutral', type: 'government' }] }, { text: 'It rained.', claim: false, attributions: [] }]] }),
    );
    const result = run('--dir', dir, '--json');
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as { corpus: { overall: { sentences: number } }; floor: { overall: { sentence: { tp: number; fp: number; fn: number } } } };
    expect(out.corpus.overall.sentences).toBe(2);
    expect(out.floor.overall.sentence).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it('accepts the seed-article label shape (flat sentences, no cueStance)', () => {
    const dir = join(tmp, 'seed');
    mkdirSync(dir);
    copyFileSync(join(ROOT, 'tests/fixtures/seed-article.expected.json'), join(dir, 'seed.json'));
    const loaded = loadCorpusDir(dir);
    expect(loaded.issues.filter((i) => i.fatal)).toEqual([]);
    expect(corpusStats(loaded.documents).overall).toMatchObject({ documents: 1, sentences: 14, claims: 8, optional: 1, negatives: 5 });
  });

  it('takes a missing attributions list as empty, with a warning', () => {
    const dir = join(tmp, 'lenient');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ about: 'x', style: 'wire', paragraphs: [[{ text: 'It rained.', claim: false }]] }));
    const loaded = loadCorpusDir(dir);
    expect(loaded.issues).toEqual([expect.objectContaining({ fatal: false, message: expect.stringMatching(/"attributions" is missing/) })]);
    expect(loaded.documents[0]!.doc.paragraphs[0]![0]!.attributions).toEqual([]);
  });

  it('throws CorpusError from loadCorpusDir for an empty folder', () => {
    const dir = join(tmp, 'empty');
    mkdirSync(dir);
    expect(() => loadCorpusDir(dir)).toThrow(CorpusError);
  });
});
