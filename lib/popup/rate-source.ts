/** What the popup passes to the store's `rateSource` when the user rates a group's source. */
import type { CredibilityTier, Source, SourceRating, SourceRef } from '../model';
import type { ClaimGroup } from './group-claims';

/** The source reference `rateSource` stores a not-yet-stored source from. */
export type RatableSourceRef = SourceRef & { builtin: boolean };

/**
 * The source to rate for a group. A stored row wins (it knows whether the source is built in).
 * Otherwise a resolved source is a built-in one: the user's own sources always have a stored row,
 * so a resolved source without one can only come from the shipped registry. An unresolved
 * source becomes a user source under the slug id the group uses.
 */
export function sourceRefForGroup(group: ClaimGroup, stored: Source | undefined): RatableSourceRef {
  if (stored) return { id: stored.id, name: stored.name, type: stored.type, builtin: stored.builtin };
  return { id: group.sourceId, name: group.name, type: group.type, builtin: group.resolved };
}

/**
 * The rating to store. The popup edits only tier and rationale: evidence collected elsewhere
 * (options page, imports) is kept, and so is a score, unless the tier changed (a score belongs to its tier).
 * `ratedBy` is the user's name from the settings, when they set one.
 */
export function buildRating(
  tier: CredibilityTier,
  rationale: string,
  previous: SourceRating | undefined,
  now: Date,
  ratedBy?: string,
): SourceRating {
  const rating: SourceRating = { tier, rationale, evidence: previous?.evidence ?? [], ratedAt: now.toISOString() };
  if (previous?.score !== undefined && previous.tier === tier) rating.score = previous.score;
  if (ratedBy) rating.ratedBy = ratedBy;
  return rating;
}
