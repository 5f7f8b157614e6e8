import { describe, expect, it } from 'vitest';
import { groupClaims, UNATTRIBUTED_ID } from '../../../lib/popup/group-claims';
import type { PageClaim } from '../../../lib/messages';
import { attr, claimAt } from './make-claim';

const kcna = (start: number) => claimAt(start, [attr('KCNA', { id: 'kcna', type: 'state-media' })]);
const yonhapReportsSpies = (start: number) =>
  claimAt(start, [
    attr('Yonhap', { id: 'yonhap', type: 'news-agency', cue: 'reports' }),
    attr('South Korea’s spy service', { type: 'government', reportedBy: 0 }),
  ]);
const american = (start: number, label = 'American authorities') =>
  claimAt(start, [attr(label, { type: 'government', cue: 'claimed', cueStance: 'distancing' })]);

type Row = {
  name: string;
  claims: PageClaim[];
  /** Expected groups: [sourceId, name, type, resolved, ratable, claim starts]. */
  groups: Array<[string, string, string, boolean, boolean, number[]]>;
};

const rows: Row[] = [
  { name: 'no claims give no groups', claims: [], groups: [] },
  {
    name: 'claims of one resolved source share its group, keyed by id',
    claims: [kcna(0), kcna(100)],
    groups: [['kcna', 'KCNA', 'state-media', true, true, [0, 100]]],
  },
  {
    name: 'a nested chain appears once, under its outer source only',
    claims: [yonhapReportsSpies(0)],
    groups: [['yonhap', 'Yonhap', 'news-agency', true, true, [0]]],
  },
  {
    name: 'an unresolved source is keyed by a slug of its label, with the guessed type',
    claims: [american(0)],
    groups: [['american-authorities', 'American authorities', 'government', false, true, [0]]],
  },
  {
    name: 'unresolved labels with the same slug share a group named after the first',
    claims: [american(0), american(50, 'American Authorities')],
    groups: [['american-authorities', 'American authorities', 'government', false, true, [0, 50]]],
  },
  {
    name: 'an unresolved label whose slug is a registry id joins the resolved group, which takes the registry name',
    claims: [claimAt(0, [attr('kcna', { type: 'other' })]), kcna(40)],
    groups: [['kcna', 'KCNA', 'state-media', true, true, [0, 40]]],
  },
  {
    name: 'groups follow the page position of their first claim, whatever the input order',
    claims: [american(300), kcna(200), yonhapReportsSpies(100), kcna(0)],
    groups: [
      ['kcna', 'KCNA', 'state-media', true, true, [0, 200]],
      ['yonhap', 'Yonhap', 'news-agency', true, true, [100]],
      ['american-authorities', 'American authorities', 'government', false, true, [300]],
    ],
  },
  {
    name: 'claims without any attribution go to one group that cannot be rated',
    claims: [claimAt(10, []), kcna(0), claimAt(30, [])],
    groups: [
      ['kcna', 'KCNA', 'state-media', true, true, [0]],
      [UNATTRIBUTED_ID, 'No source found', 'other', false, false, [10, 30]],
    ],
  },
];

describe('groupClaims', () => {
  it.each(rows)('$name', ({ claims, groups }) => {
    const actual = groupClaims(claims).map((g) => [g.sourceId, g.name, g.type, g.resolved, g.ratable, g.claims.map((c) => c.start)]);
    expect(actual).toEqual(groups);
  });

  it('does not reorder the caller’s array', () => {
    const claims = [kcna(50), kcna(0)];
    groupClaims(claims);
    expect(claims.map((c) => c.start)).toEqual([50, 0]);
  });
});
