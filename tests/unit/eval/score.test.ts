/** The pure scorer behind `npm run eval`: matching, counts and metrics on a tiny labelled document. */
import { describe, expect, it } from 'vitest';
import type { Attribution, DetectedClaim } from '../../../lib/model';
import { buildDocument, type CorpusDocument } from '../../../lib/eval/corpus';
import {
  FLOOR_CUE,
  floorClaims,
  matchAttributions,
  nameKey,
  prf,
  scoreDocument,
  summarise,
  toMetrics,
  type DocumentResult,
} from '../../../lib/eval/score';

/** Five sentences: a headline, a chain, a negative, a quotation and its carried-over continuation, an optional one. */
const DOC: CorpusDocument = {
  about: 'test document',
  style: 'wire',
  paragraphs: [
    [{ text: 'Kim visits factory', kind: 'headline', claim: false, attributions: [] }],
    [
      {
        text: 'The Yonhap news agency reported that South Korea’s spy service said troops had moved.',
        claim: true,
        attributions: [
          { source: 'Yonhap', sourceText: 'Yonhap news agency', cue: 'reported', cueStance: 'neutral', type: 'news-agency' },
          {
            source: 'National Intelligence Service',
            sourceText: 'South Korea’s spy service',
            cue: 'said',
            cueStance: 'neutral',
            type: 'government',
            reportedBy: 'Yonhap',
          },
        ],
      },
      { text: 'The TASS building stands on Tverskoy Boulevard.', claim: false, attributions: [] },
    ],
    [
      {
        text: '“We are ready,” Kozhemyako posted on his Telegram account.',
        claim: true,
        attributions: [
          { source: 'Telegram', sourceText: 'Telegram', cue: 'posted on', cueStance: 'neutral', type: 'social-media', speaker: 'Kozhemyako' },
        ],
      },
      {
        text: '“The talks will go on.”',
        claim: true,
        attributions: [
          { source: 'Telegram', sourceText: null, cue: null, cueStance: null, type: 'social-media', speaker: 'Kozhemyako', carriedOver: true },
        ],
      },
    ],
    [{ text: 'The stated goal was trade.', claim: false, optional: true, attributions: [] }],
  ],
};

const BUILT = buildDocument(DOC);
const TEXT = BUILT.text;
const S = BUILT.sentences; // 0 headline, 1 chain, 2 TASS negative, 3 Telegram, 4 carried over, 5 optional

/** An attribution over the first occurrence of `words` in the document (or `at` offsets). */
function attr(words: string, over: Partial<Attribution> = {}): Attribution {
  const start = TEXT.indexOf(words);
  if (start < 0) throw new Error(`not in text: ${words}`);
  return {
    source: null,
    label: words,
    type: 'other',
    sourceText: words,
    speaker: null,
    cue: 'said',
    cueStance: 'neutral',
    start,
    end: start + words.length,
    reportedBy: null,
    carriedOver: false,
    ...over,
  };
}

/** A claim covering sentence `i` exactly. */
function claim(i: number, attributions: Attribution[] = []): DetectedClaim {
  const s = S[i]!;
  return { start: s.start, end: s.end, text: TEXT.slice(s.start, s.end), attributions };
}

const yonhap = () => attr('Yonhap news agency', { label: 'Yonhap', source: { id: 'yonhap', name: 'Yonhap', type: 'news-agency' }, type: 'news-agency', cue: 'reported' });
const nis = () => attr('South Korea’s spy service', { type: 'government', reportedBy: 0 });
const telegram = () => attr('Telegram', { type: 'social-media', cue: 'posted on', speaker: 'Kozhemyako' });
const carried = () => attr('Telegram', { type: 'social-media', cue: null, cueStance: null, sourceText: null, carriedOver: true });

const PERFECT: DetectedClaim[] = [claim(1, [yonhap(), nis()]), claim(3, [telegram()]), claim(4, [carried()])];

const score = (predicted: DetectedClaim[]): DocumentResult => scoreDocument(BUILT, predicted, 'doc.json', 'wire');
const kinds = (r: DocumentResult): string[] => r.errors.map((e) => e.kind).sort();

describe('buildDocument', () => {
  it('joins sentences with a space and paragraphs with a blank line', () => {
    expect(TEXT.startsWith('Kim visits factory\n\nThe Yonhap news agency')).toBe(true);
    expect(TEXT).toContain('Boulevard.\n\n“We are ready,”');
    expect(TEXT).toContain('account. “The talks will go on.”');
    for (const s of S) expect(TEXT.slice(s.start, s.end)).toBe(s.label.text);
  });
});

type Row = {
  name: string;
  predicted: () => DetectedClaim[];
  sentence: [tp: number, fp: number, fn: number];
  attribution: [tp: number, fp: number, fn: number];
  type?: [correct: number, total: number];
  stance?: [correct: number, total: number];
  chain?: [correct: number, total: number];
  errors: string[];
};

const ROWS: Row[] = [
  {
    name: 'perfect prediction',
    predicted: () => PERFECT,
    sentence: [3, 0, 0],
    attribution: [4, 0, 0],
    type: [4, 4],
    stance: [3, 3],
    chain: [1, 1],
    errors: [],
  },
  {
    name: 'a missed sentence',
    predicted: () => [claim(1, [yonhap(), nis()]), claim(4, [carried()])],
    sentence: [2, 0, 1],
    attribution: [3, 0, 1],
    errors: ['false-negative'],
  },
  {
    name: 'a spurious sentence',
    predicted: () => [...PERFECT, claim(2, [attr('TASS')])],
    sentence: [3, 1, 0],
    attribution: [4, 1, 0],
    errors: ['false-positive'],
  },
  {
    name: 'a flagged optional sentence counts for nothing',
    predicted: () => [...PERFECT, claim(5, [attr('stated goal')])],
    sentence: [3, 0, 0],
    attribution: [4, 0, 0],
    errors: [],
  },
  {
    name: 'a wrong source: neither span nor name matches',
    predicted: () => [claim(1, [yonhap(), attr('troops', { type: 'government' })]), claim(3, [telegram()]), claim(4, [carried()])],
    sentence: [3, 0, 0],
    attribution: [3, 1, 1],
    errors: ['missed-attribution', 'spurious-attribution'],
  },
  {
    name: 'overlap matching: a longer span with another name still matches',
    predicted: () => [
      claim(1, [
        attr('The Yonhap news agency', { label: 'Yonhap News Agency (연합뉴스)', type: 'news-agency' }),
        attr('spy service', { label: 'NIS', type: 'government', reportedBy: 0 }),
      ]),
      claim(3, [telegram()]),
      claim(4, [carried()]),
    ],
    sentence: [3, 0, 0],
    attribution: [4, 0, 0],
    chain: [1, 1],
    errors: [],
  },
  {
    name: 'name matching: the resolved name equals the canonical name, whatever the span',
    predicted: () => [
      claim(1, [
        attr('reported', { label: 'yonhap', type: 'news-agency' }),
        attr('troops', { source: { id: 'nis', name: 'National Intelligence Service', type: 'government' }, label: 'NIS', type: 'government', reportedBy: 0 }),
      ]),
      claim(3, [telegram()]),
      claim(4, [carried()]),
    ],
    sentence: [3, 0, 0],
    attribution: [4, 0, 0],
    errors: [],
  },
  {
    name: 'a carried-over label needs a carried-over prediction',
    predicted: () => [claim(1, [yonhap(), nis()]), claim(3, [telegram()]), claim(4, [attr('talks', { label: 'Telegram', type: 'social-media' })])],
    sentence: [3, 0, 0],
    attribution: [3, 1, 1],
    errors: ['missed-attribution', 'spurious-attribution'],
  },
  {
    name: 'a carried-over prediction matches by its original mention even under another name',
    predicted: () => [claim(1, [yonhap(), nis()]), claim(3, [telegram()]), claim(4, [{ ...carried(), label: 'Kozhemyako' }])],
    sentence: [3, 0, 0],
    attribution: [4, 0, 0],
    errors: [],
  },
  {
    name: 'wrong type, wrong stance and a broken chain are reported on matched attributions',
    predicted: () => [
      claim(1, [yonhap(), attr('South Korea’s spy service', { type: 'anonymous', cueStance: 'distancing', reportedBy: null })]),
      claim(3, [telegram()]),
      claim(4, [carried()]),
    ],
    sentence: [3, 0, 0],
    attribution: [4, 0, 0],
    type: [3, 4],
    stance: [2, 3],
    chain: [0, 1],
    errors: ['wrong-chain', 'wrong-stance', 'wrong-type'],
  },
  {
    name: 'nothing predicted',
    predicted: () => [],
    sentence: [0, 0, 3],
    attribution: [0, 0, 4],
    errors: ['false-negative', 'false-negative', 'false-negative'],
  },
];

describe('scoreDocument', () => {
  it.each(ROWS)('$name', (row) => {
    const result = score(row.predicted());
    const c = result.counts;
    expect([c.sentenceTp, c.sentenceFp, c.sentenceFn]).toEqual(row.sentence);
    expect([c.attributionTp, c.attributionFp, c.attributionFn]).toEqual(row.attribution);
    if (row.type) expect([c.typeCorrect, c.typeTotal]).toEqual(row.type);
    if (row.stance) expect([c.stanceCorrect, c.stanceTotal]).toEqual(row.stance);
    if (row.chain) expect([c.chainCorrect, c.chainTotal]).toEqual(row.chain);
    expect(kinds(result)).toEqual([...row.errors].sort());
    expect(c.sentences).toBe(5); // six sentences, one optional
    expect(c.claims).toBe(3);
    expect(c.attributions).toBe(4);
  });

  it('counts a claim for the sentence it overlaps most', () => {
    // Starts in the negative sentence but mostly covers the Telegram sentence that follows it.
    const start = S[2]!.end - 5;
    const end = S[3]!.end;
    const result = score([claim(1, [yonhap(), nis()]), { start, end, text: TEXT.slice(start, end), attributions: [telegram()] }, claim(4, [carried()])]);
    expect([result.counts.sentenceTp, result.counts.sentenceFp, result.counts.sentenceFn]).toEqual([3, 0, 0]);
    expect(result.counts.attributionTp).toBe(4);
  });

  it('reports a claim outside every labelled sentence as a stray false positive', () => {
    const at = S[2]!.end + 1; // inside the blank line between paragraphs
    const result = score([...PERFECT, { start: at, end: at + 1, text: '\n', attributions: [] }]);
    expect(result.counts.sentenceFp).toBe(1);
    expect(kinds(result)).toEqual(['stray-claim']);
  });

  it('matches each label at most once (two predictions for one source: one is spurious)', () => {
    const result = score([claim(1, [yonhap(), nis(), yonhap()]), claim(3, [telegram()]), claim(4, [carried()])]);
    expect([result.counts.attributionTp, result.counts.attributionFp, result.counts.attributionFn]).toEqual([4, 1, 0]);
  });

  it('names the file and the sentence in each error', () => {
    const [error] = score([claim(1, [yonhap(), nis()]), claim(4, [carried()])]).errors;
    expect(error).toMatchObject({ kind: 'false-negative', file: 'doc.json', where: '¶3 s1', sentence: S[3]!.label.text });
    expect(error!.expected).toContain('Telegram [social-media]');
  });
});

describe('matchAttributions', () => {
  it('finds a maximum matching, preferring stronger pairs', () => {
    // label 0 matches both predictions (strongly p0); label 1 only p0: the maximum gives 0→1, 1→0.
    expect(matchAttributions([[3, 1], [1, 0]], 2)).toEqual([1, 0]);
    expect(matchAttributions([[2, 1]], 2)).toEqual([0]);
    expect(matchAttributions([[0, 0]], 2)).toEqual([-1]);
    expect(matchAttributions([], 0)).toEqual([]);
  });
});

describe('prf and metrics', () => {
  it.each([
    { tp: 3, fp: 1, fn: 1, p: 0.75, r: 0.75, f: 0.75 },
    { tp: 0, fp: 0, fn: 4, p: 0, r: 0, f: 0 },
    { tp: 0, fp: 2, fn: 0, p: 0, r: 0, f: 0 },
    { tp: 0, fp: 0, fn: 0, p: 1, r: 1, f: 1 },
    { tp: 2, fp: 0, fn: 2, p: 1, r: 0.5, f: 2 / 3 },
  ])('prf($tp, $fp, $fn)', ({ tp, fp, fn, p, r, f }) => {
    const m = prf(tp, fp, fn);
    expect(m.precision).toBeCloseTo(p);
    expect(m.recall).toBeCloseTo(r);
    expect(m.f1).toBeCloseTo(f);
  });

  it('leaves accuracy null when there was nothing to judge', () => {
    const m = toMetrics(score([]).counts);
    expect(m.type).toEqual({ correct: 0, total: 0, accuracy: null });
    expect(m.sentence.recall).toBe(0);
  });

  it('sums documents overall and per style', () => {
    const a = score(PERFECT);
    const b = { ...score([]), style: 'social' };
    const { overall, byStyle } = summarise([a, b]);
    expect(overall.documents).toBe(2);
    expect(overall.sentence).toMatchObject({ tp: 3, fp: 0, fn: 3 });
    expect(Object.keys(byStyle)).toEqual(['social', 'wire']);
    expect(byStyle.wire!.sentence.f1).toBe(1);
    expect(byStyle.social!.sentence.f1).toBe(0);
    expect(byStyle.social!.attribution).toMatchObject({ tp: 0, fp: 0, fn: 4 });
  });
});

describe('nameKey', () => {
  it('ignores case, quote style, a leading "the" and spacing', () => {
    expect(nameKey('The  Pentagon')).toBe(nameKey('pentagon'));
    expect(nameKey('South Korea’s spy service')).toBe(nameKey("south korea's SPY service"));
    expect(nameKey('Theresa May')).toBe('theresa may');
  });
});

describe('the floor', () => {
  it.each([
    ['Seoul said the launch failed.', true],
    ['It was reported by the Journal.', true],
    ['According to KCNA, the test worked.', true],
    ['Kozhemyako posted on his Telegram account.', true],
    ['Moscow denied it.', false],
    ['The stated goal was trade.', true], // the floor is naive on purpose
    ['She says so.', true],
    ['The unsaid part mattered.', false],
  ])('%s → %s', (sentence, flagged) => {
    expect(FLOOR_CUE.test(sentence)).toBe(flagged);
  });

  it('flags labelled sentences with a cue word and gives no attributions', () => {
    const claims = floorClaims(BUILT);
    expect(claims.map((c) => c.text)).toEqual([S[1]!.label.text, S[3]!.label.text, S[5]!.label.text]);
    const result = score(claims);
    expect([result.counts.sentenceTp, result.counts.sentenceFp, result.counts.sentenceFn]).toEqual([2, 0, 1]);
    expect(toMetrics(result.counts).attribution.f1).toBe(0);
  });
});
