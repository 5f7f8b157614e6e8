/**
 * A source's rating as the options page shows it below the entry's tier: score, rationale,
 * evidence links, who rated and when; then a "Rating history" disclosure listing the earlier
 * ratings, newest first, each with its tier in words (the colour only repeats it).
 */
import { TIER_LABELS, type SourceRating } from '../lib/model';
import { isWebLink, raterLine, scoreText } from '../lib/sources/rating-display';

/** Props of `SourceRatingDetails`. */
export type SourceRatingDetailsProps = {
  /** The current rating, if any. */
  rating: SourceRating | undefined;
  /** Earlier ratings, oldest first (as stored). */
  history: readonly SourceRating[];
};

/** One rating's fields: tier (unless shown elsewhere), score, rationale, evidence, rater and time. */
function RatingFields({ rating, withTier }: { rating: SourceRating; withTier: boolean }) {
  return (
    <>
      {(withTier || rating.score !== undefined) && (
        <p>
          {withTier && (
            <span class={`tier tier-${rating.tier}`} data-testid="rating-tier">
              {TIER_LABELS[rating.tier]}
            </span>
          )}
          {withTier && rating.score !== undefined && ' · '}
          {rating.score !== undefined && <span data-testid="rating-score">{scoreText(rating.score)}</span>}
        </p>
      )}
      {rating.rationale && (
        <p class="rationale" data-testid="rating-rationale">
          {rating.rationale}
        </p>
      )}
      {rating.evidence.length > 0 && (
        <div class="evidence">
          <span class="hint">Evidence:</span>
          <ul data-testid="rating-evidence">
            {rating.evidence.map((link) => (
              <li key={link}>
                {isWebLink(link) ? (
                  <a href={link} target="_blank" rel="noopener noreferrer">
                    {link}
                  </a>
                ) : (
                  link
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="hint" data-testid="rating-by">
        <time dateTime={rating.ratedAt}>{raterLine(rating)}</time>
      </p>
    </>
  );
}

/** `<div data-testid="rating-details">`, and `<details data-testid="rating-history">` when there are earlier ratings. */
export function SourceRatingDetails({ rating, history }: SourceRatingDetailsProps) {
  const earlier = [...history].reverse();
  return (
    <div class="rating-details">
      {rating && (
        <div data-testid="rating-details">
          <RatingFields rating={rating} withTier={false} />
        </div>
      )}
      {earlier.length > 0 && (
        <details class="rating-history" data-testid="rating-history">
          <summary>
            Rating history ({earlier.length} earlier {earlier.length === 1 ? 'rating' : 'ratings'})
          </summary>
          <ol>
            {earlier.map((old, index) => (
              <li key={`${old.ratedAt}-${index}`} data-testid="history-item">
                <RatingFields rating={old} withTier />
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
