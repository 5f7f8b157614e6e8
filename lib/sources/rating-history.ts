/**
 * The rule that keeps a source's earlier ratings: a new rating that says something different
 * moves the current one to the end of `ratingHistory` (oldest first); one that says the same
 * (only its time differs) changes nothing, so pressing Save twice leaves no duplicate and no
 * change for sync to carry. Pure: the store applies it inside its write transaction.
 */
import type { Source, SourceRating } from '../model';

/** The part of a source the rule reads and writes. */
export type RatingState = Pick<Source, 'rating' | 'ratingHistory'>;

/**
 * True when `a` and `b` are the same judgement: same tier, score, rationale, evidence (in order)
 * and rater. The time is not compared: re-saving an unchanged rating is not a new judgement.
 */
export function sameJudgement(a: SourceRating, b: SourceRating): boolean {
  return (
    a.tier === b.tier &&
    a.score === b.score &&
    a.rationale === b.rationale &&
    (a.ratedBy ?? '') === (b.ratedBy ?? '') &&
    a.evidence.length === b.evidence.length &&
    a.evidence.every((link, i) => link === b.evidence[i])
  );
}

/**
 * The rating and history after rating a source `next`, or null when `next` is the same
 * judgement as the current rating (nothing to store). A source without a current rating keeps
 * its history as it is (a revived source keeps the ratings it had before it was deleted).
 */
export function withNewRating(current: RatingState, next: SourceRating): Required<RatingState> | null {
  const previous = current.rating;
  if (previous && sameJudgement(previous, next)) return null;
  const history = current.ratingHistory ?? [];
  return { rating: next, ratingHistory: previous ? [...history, previous] : [...history] };
}

/**
 * Every rating a source has had, newest first: the current one, then the history from the most
 * recent back. What the options page's "Rating history" lists (without the first).
 */
export function ratingsNewestFirst(source: RatingState): SourceRating[] {
  const history = [...(source.ratingHistory ?? [])].reverse();
  return source.rating ? [source.rating, ...history] : history;
}
