/**
 * The cue lexicon: every form the brief names has the stance it names, inflections included, and
 * hedges never attribute on their own.
 */
import { describe, expect, it } from 'vitest';
import { cueFor, HEDGES, isVerbCue } from '../../../lib/detect/cues';
import { detectClaims } from '../../../lib/detect/index';
import type { CueStance } from '../../../lib/model';

const STANCES: [CueStance, string[]][] = [
  ['neutral', ['said', 'says', 'say', 'saying', 'told', 'tells', 'reported', 'reports', 'stated', 'states', 'added', 'adds', 'wrote', 'writes', 'written', 'announced', 'announces', 'posted']],
  ['distancing', ['claimed', 'claims', 'claim', 'alleged', 'alleges', 'insisted', 'insists', 'accused', 'blamed', 'purported']],
  ['endorsing', ['confirmed', 'confirms', 'revealed', 'reveals', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'showed']],
  ['denial', ['denied', 'denies', 'deny', 'rejected', 'rejects', 'dismissed', 'dismisses']],
  ['belief', ['believes', 'believe', 'believed', 'expects', 'expected', 'fears', 'feared', 'thinks', 'thought', 'assessed']],
];

describe('cue lexicon', () => {
  it.each(STANCES.flatMap(([stance, words]) => words.map((w) => [w, stance] as const)))('"%s" is a %s cue', (word, stance) => {
    expect(cueFor(word)?.stance).toBe(stance);
  });

  it.each(['reportedly', 'stateless', 'unsaid', 'aforesaid', 'so-called', 'telling-off', 'claimant', 'sayings'])('"%s" is no cue', (word) => {
    expect(cueFor(word)).toBeUndefined();
  });

  it('marks the forms that are also nouns, so phrase reading does not stop at them', () => {
    expect(isVerbCue('said')).toBe(true);
    expect(isVerbCue('state')).toBe(false);
    expect(isVerbCue('claims')).toBe(false);
    expect(isVerbCue('reports')).toBe(false);
    expect(isVerbCue('reported')).toBe(true);
  });

  it.each([...HEDGES.keys()])('the hedge "%s" names no source', (hedge) => {
    expect(HEDGES.get(hedge)).toBe('distancing');
    expect(detectClaims(`The minister ${hedge} resigned on Friday after the vote.`)).toEqual([]);
  });
});

/** The wider reporting lexicon: every inflection of each verb, with its stance. */
const LEXICON: [CueStance, string[]][] = [
  ['neutral', ['observe', 'remark', 'comment', 'mention', 'explain', 'warn', 'caution', 'declare', 'proclaim', 'stress', 'emphasise', 'emphasize', 'underline', 'underscore', 'reiterate', 'affirm', 'reaffirm', 'argue', 'assert', 'suggest', 'indicate', 'imply', 'conclude', 'recall', 'recount', 'complain', 'lament', 'testify', 'assure', 'reassure', 'inform', 'hint', 'respond', 'reply', 'counter', 'agree', 'clarify', 'recommend', 'propose', 'advise', 'urge', 'demand', 'vow', 'pledge', 'promise', 'threaten', 'add', 'announce', 'tweet', 'condemn', 'denounce', 'criticise', 'criticize', 'decry', 'hail', 'praise', 'welcome']],
  ['distancing', ['claim', 'allege', 'insist', 'contend', 'maintain', 'accuse', 'blame', 'charge', 'boast', 'purport']],
  ['endorsing', ['confirm', 'reveal', 'acknowledge', 'admit', 'disclose', 'concede', 'note', 'accept', 'find', 'show', 'demonstrate', 'prove']],
  ['denial', ['deny', 'reject', 'dismiss', 'refute', 'rebut', 'dispute', 'contest']],
  ['belief', ['believe', 'expect', 'fear', 'think', 'suspect', 'estimate', 'forecast', 'project', 'predict', 'anticipate', 'assess', 'consider', 'reckon', 'worry', 'hope', 'doubt', 'speculate', 'calculate']],
];

/** Regular English inflections: base, -s, past. */
function inflections(base: string): string[] {
  const irregular: Record<string, string[]> = {
    think: ['thinks', 'thought'], find: ['finds', 'found'], show: ['shows', 'showed'], forecast: ['forecasts', 'forecast'],
    rebut: ['rebuts', 'rebutted'], admit: ['admits', 'admitted'], hope: ['hopes', 'hoped'],
  };
  if (irregular[base]) return [base, ...(irregular[base] ?? [])];
  const s = /(s|sh|ch|x)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const ed = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  return [base, s, ed];
}

describe('the wider reporting lexicon', () => {
  it.each(LEXICON.flatMap(([stance, lemmas]) => lemmas.flatMap((lemma) => inflections(lemma).map((w) => [w, stance, lemma] as const))))(
    '"%s" is a %s cue (%s)',
    (word, stance, lemma) => {
      expect(cueFor(word)?.stance).toBe(stance);
      expect(cueFor(word)?.lemma).toBe(lemma);
    },
  );

  it('reads "forecast" as the past tense too, and the noun-like forms only where a verb stands', () => {
    expect(cueFor('forecast')?.pastIsBase).toBe(true);
    expect(isVerbCue('estimates')).toBe(false);
    expect(isVerbCue('estimated')).toBe(true);
  });

  it('keeps -ing forms that are mostly adjectives or nouns out of the lexicon', () => {
    for (const word of ['promising', 'charging', 'reckoning', 'considering', 'worrying', 'threatening', 'countering', 'briefing']) {
      expect(cueFor(word)).toBeUndefined();
    }
  });
});
