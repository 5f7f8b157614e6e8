import { describe, expect, it } from 'vitest';
import {
  attributionChains,
  cueDescription,
  firstRating,
  sourceLabel,
  tagLabel,
  UNATTRIBUTED_LABEL,
} from '../../../lib/highlight/claim-label';
import { attribution, rating, source } from './builders';

const kcna = attribution('KCNA', { id: 'kcna', type: 'state-media' });
const yonhap = attribution('Yonhap', { id: 'yonhap', type: 'news-agency', cue: 'reports' });
const spies = attribution('South Korea’s spy service', { type: 'government', reportedBy: 0 });

describe('sourceLabel', () => {
  it.each([
    ['no attribution', [], UNATTRIBUTED_LABEL],
    ['one source', [kcna], 'KCNA'],
    ['a nested chain, outermost first', [yonhap, spies], 'Yonhap ← South Korea’s spy service'],
    ['two independent sources', [kcna, attribution('TASS')], 'KCNA · TASS'],
    ['a chain listed inner first', [{ ...spies, reportedBy: 1 }, yonhap], 'Yonhap ← South Korea’s spy service'],
    ['a repeated source once', [kcna, { ...kcna, reportedBy: 0, carriedOver: true }], 'KCNA'],
  ])('%s', (_name, attributions, expected) => {
    expect(sourceLabel(attributions)).toBe(expected);
  });
});

describe('attributionChains', () => {
  it('keeps every attribution even when bad data makes a cycle', () => {
    const a = attribution('A', { reportedBy: 1 });
    const b = attribution('B', { reportedBy: 0 });
    expect(attributionChains([a, b]).flat().map((x) => x.label).sort()).toEqual(['A', 'B']);
  });

  it('treats an out-of-range reportedBy as no chain', () => {
    expect(attributionChains([attribution('A', { reportedBy: 7 })])).toHaveLength(1);
  });
});

describe('tagLabel', () => {
  const sources = new Map([
    ['kcna', source('kcna', 'KCNA', { rating: rating('propaganda', 'State-run.') })],
    ['yonhap', source('yonhap', 'Yonhap', { rating: rating('unrated') })],
  ]);

  it('names the source and its cue for screen readers', () => {
    const label = tagLabel([{ ...kcna, source: null }], new Map(), false);
    expect(label).toMatchObject({ source: 'KCNA', tier: null, annotated: false, text: 'KCNA' });
    expect(label.description).toBe('Claim attributed to KCNA (said)');
  });

  it('adds the tier label of a rated source', () => {
    const label = tagLabel([kcna], sources, false);
    expect(label.text).toBe('KCNA · State-controlled or propaganda outlet');
    expect(label.description).toContain('KCNA is rated State-controlled or propaganda outlet');
  });

  it('ignores an "unrated" rating', () => {
    expect(tagLabel([yonhap], sources, false).tier).toBeNull();
  });

  it('adds ✎ when annotated', () => {
    const label = tagLabel([kcna], new Map(), true);
    expect(label.text).toBe('KCNA · ✎');
    expect(label.description).toContain('you annotated it');
    expect(label.anchoring).toBeNull();
  });

  it('says when the annotation re-attached to changed text', () => {
    const label = tagLabel([kcna], new Map(), true, 'fuzzy');
    expect(label.text).toBe('KCNA · ✎');
    expect(label.anchoring).toBe('fuzzy');
    expect(label.description).toContain('you annotated it (re-attached to changed text)');
    expect(tagLabel([kcna], new Map(), true, 'exact').description).not.toContain('re-attached');
    expect(tagLabel([kcna], new Map(), false, 'fuzzy').anchoring).toBeNull();
  });

  it('reads a chain in order', () => {
    expect(tagLabel([yonhap, spies], new Map(), false).description).toBe(
      'Claim attributed to Yonhap (reports), citing South Korea’s spy service (said)',
    );
  });

  it('labels a claim without attribution', () => {
    const label = tagLabel([], sources, false);
    expect(label.text).toBe(UNATTRIBUTED_LABEL);
    expect(label.description).toBe('Claim with no detected source');
  });

  it('says when an attribution is carried over', () => {
    const carried = attribution('Kozhemyako', { cue: null, cueStance: null, carriedOver: true, sourceText: null });
    expect(tagLabel([carried], new Map(), false).description).toBe(
      'Claim attributed to Kozhemyako (continuing an earlier quote)',
    );
  });
});

describe('firstRating', () => {
  it('takes the first rated source in chain order', () => {
    const sources = new Map([['tass', source('tass', 'TASS', { rating: rating('unreliable') })]]);
    const tass = attribution('TASS', { id: 'tass' });
    expect(firstRating([kcna, tass], sources)?.attribution.label).toBe('TASS');
    expect(firstRating([kcna], sources)).toBeNull();
  });
});

describe('cueDescription', () => {
  it.each([
    [attribution('X', { cue: 'said', cueStance: 'neutral' }), '“said”: neutral reporting verb'],
    [attribution('X', { cue: 'claimed', cueStance: 'distancing' }), '“claimed”: distancing: the writer does not vouch for it'],
    [attribution('X', { cue: 'said', cueStance: null }), '“said”'],
    [attribution('X', { cue: null, cueStance: null }), null],
  ])('%#', (a, expected) => {
    expect(cueDescription(a)).toBe(expected);
  });
});
