import { describe, expect, it } from 'vitest';
import { buildRating, sourceRefForGroup } from '../../../lib/popup/rate-source';
import type { ClaimGroup } from '../../../lib/popup/group-claims';
import type { Source } from '../../../lib/model';

const group = (over: Partial<ClaimGroup>): ClaimGroup => ({
  sourceId: 'kcna', name: 'KCNA', type: 'state-media', resolved: true, ratable: true, claims: [], ...over,
});
const now = new Date('2026-11-27T10:00:00.000Z');

describe('sourceRefForGroup', () => {
  const storedUserSource: Source = { id: 'my-outlet', name: 'My Outlet', aliases: [], type: 'newspaper-broadcaster', builtin: false };
  it.each<[string, ClaimGroup, Source | undefined, object]>([
    ['a resolved source with no stored row is built in', group({}), undefined, { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true }],
    ['an unresolved source is a new user source under its slug', group({ sourceId: 'american-authorities', name: 'American authorities', type: 'government', resolved: false }), undefined, { id: 'american-authorities', name: 'American authorities', type: 'government', builtin: false }],
    ['a stored row decides', group({ sourceId: 'my-outlet', name: 'my outlet' }), storedUserSource, { id: 'my-outlet', name: 'My Outlet', type: 'newspaper-broadcaster', builtin: false }],
  ])('%s', (_name, g, stored, expected) => {
    expect(sourceRefForGroup(g, stored)).toEqual(expected);
  });
});

describe('buildRating', () => {
  it('is a fresh rating with no evidence when there was none', () => {
    expect(buildRating('reliable', 'Good record', undefined, now)).toEqual({ tier: 'reliable', rationale: 'Good record', evidence: [], ratedAt: now.toISOString() });
  });

  it.each([
    ['keeps evidence and score when the tier stays', 'mixed', { score: 55 }],
    ['keeps evidence but drops the score when the tier changes', 'unreliable', {}],
  ] as const)('%s', (_name, tier, extra) => {
    const previous = { tier: 'mixed' as const, score: 55, rationale: 'old', evidence: ['https://example.org/report'], ratedAt: '2025-01-01T00:00:00.000Z' };
    expect(buildRating(tier, 'new', previous, now)).toEqual({ tier, rationale: 'new', evidence: previous.evidence, ratedAt: now.toISOString(), ...extra });
  });

  it('is signed with the user’s name when one is set, and unsigned otherwise (never with the earlier rater’s)', () => {
    const previous = { tier: 'mixed' as const, rationale: 'old', evidence: [], ratedAt: '2025-01-01T00:00:00.000Z', ratedBy: 'Bo' };
    expect(buildRating('mixed', 'new', previous, now, 'Ana').ratedBy).toBe('Ana');
    expect(buildRating('mixed', 'new', previous, now)).not.toHaveProperty('ratedBy');
  });
});
