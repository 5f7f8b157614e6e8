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
