import { describe, expect, it } from 'vitest';
import { describeChain } from '../../../lib/popup/describe-chain';
import { attr, claimAt } from './make-claim';

describe('describeChain', () => {
  it('lists a nested chain outermost first, with depth and who reports whom', () => {
    const claim = claimAt(0, [
      attr('Yonhap', { id: 'yonhap', type: 'news-agency', cue: 'reports' }),
      attr('South Korea’s spy service', { type: 'government', reportedBy: 0 }),
      attr('a defector', { type: 'anonymous', reportedBy: 1, cue: 'told', cueStance: 'distancing' }),
    ]);
    expect(describeChain(claim).map((l) => [l.sourceId, l.label, l.typeLabel, l.cue, l.stance, l.reportedBy, l.depth])).toEqual([
      ['yonhap', 'Yonhap', 'news agency', 'reports', 'neutral', null, 0],
      ['south-koreas-spy-service', 'South Korea’s spy service', 'government', 'said', 'neutral', 'Yonhap', 1],
      ['a-defector', 'a defector', 'anonymous', 'told', 'distancing', 'South Korea’s spy service', 2],
    ]);
  });

  it('keeps speaker and carried-over attributions as they are', () => {
    const claim = claimAt(0, [
      attr('Telegram', { id: 'telegram', type: 'social-media', speaker: 'Kozhemyako', cue: null, cueStance: null, sourceText: null, carriedOver: true }),
    ]);
    expect(describeChain(claim)[0]).toMatchObject({ speaker: 'Kozhemyako', cue: null, stance: null, carriedOver: true });
  });

  it.each([
    ['an index out of range', [attr('A', { reportedBy: 5 })], [0]],
    ['a cycle', [attr('A', { reportedBy: 1 }), attr('B', { reportedBy: 0 })], [1, 1]],
    ['a self-reference', [attr('A', { reportedBy: 0 })], [0]],
  ])('stops at %s instead of looping', (_name, attributions, depths) => {
    expect(describeChain(claimAt(0, attributions)).map((l) => l.depth)).toEqual(depths);
  });
});
