/**
 * ClaimReview drafts (https://schema.org/ClaimReview, JSON-LD) for a fact-checker's site: one per
 * annotation with a verdict, for a publisher to complete (the review's own `url`) and publish.
 * Pure.
 *
 * - `claimReviewed`: the quoted sentence. `reviewBody`: the verdict's rationale.
 * - `reviewRating`: `alternateName` is the verdict in words; `ratingValue` maps the scale
 *   true 5, mostly true 4, mixed 3, mostly false 2, false 1, with `bestRating` 5 and
 *   `worstRating` 1. *Unverifiable* is not a point on that scale, so its rating carries only
 *   `alternateName` "Unverifiable" (no numbers: schema.org allows a textual rating, and a number
 *   would rank it between true and false). *Not a claim* gets no draft at all.
 * - `itemReviewed`: a `Claim` whose `author` is who made the claim: the innermost source of a
 *   chain ("Yonhap reports that … the spy service said" → the spy service), a `Person` when it is
 *   an official or anonymous person or a named speaker (with the outlet as `affiliation`), else
 *   an `Organization`; `appearance` is the article (`url`, `headline`).
 * - `author`: the reviewer, passed in (the fact-checker's organisation or name); absent when not
 *   given, for the publisher to fill in. `datePublished`: the day of the verdict.
 * - Deleted annotations and annotations without a quote get no draft.
 */
import { VERDICT_LABELS, type Annotation, type Attribution, type TextQuoteSelector, type VerdictRating } from '../model';
import { annotationIri } from './annotation-id';
import { eachItem, gatherChunks, prettyAt, type ItemSource } from './chunks';

/** The numeric scale of verdicts that rate truth; the others have none. */
export const VERDICT_RATING_VALUES: Partial<Record<VerdictRating, number>> = {
  true: 5,
  'mostly-true': 4,
  mixed: 3,
  'mostly-false': 2,
  false: 1,
};
export const BEST_RATING = 5;
export const WORST_RATING = 1;

/** A schema.org person or organisation. */
export type SchemaAgent = {
  '@type': 'Person' | 'Organization';
  name: string;
  url?: string;
  affiliation?: SchemaAgent;
};

/** A schema.org `Rating` as ClaimReview uses it. */
export type ReviewRating = {
  '@type': 'Rating';
  alternateName: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
};

/** One ClaimReview draft. */
export type ClaimReviewDraft = {
  '@type': 'ClaimReview';
  /** The annotation it was drafted from (`urn:uuid:…`). */
  identifier: string;
  claimReviewed: string;
  reviewRating: ReviewRating;
  reviewBody?: string;
  itemReviewed: {
    '@type': 'Claim';
    author?: SchemaAgent;
    appearance: { '@type': 'CreativeWork'; url: string; headline?: string };
  };
  author?: SchemaAgent;
  datePublished: string;
};

/** Options of a ClaimReview export. */
export type ClaimReviewOptions = {
  /** The reviewer: the fact-checking organisation (or person) publishing the reviews. */
  reviewer?: SchemaAgent;
};

/** The rating of a verdict (null for `not-a-claim`, which gets no draft). */
export function reviewRatingOf(rating: VerdictRating): ReviewRating | null {
  if (rating === 'not-a-claim') return null;
  const value = VERDICT_RATING_VALUES[rating];
  return value === undefined
    ? { '@type': 'Rating', alternateName: VERDICT_LABELS[rating] }
    : { '@type': 'Rating', alternateName: VERDICT_LABELS[rating], ratingValue: value, bestRating: BEST_RATING, worstRating: WORST_RATING };
}

/** The attribution of whoever made the claim: the innermost link of a chain (one that reports nobody). */
export function claimantOf(attributions: readonly Attribution[]): Attribution | undefined {
  const reporters = new Set(attributions.map((a) => a.reportedBy).filter((i): i is number => i !== null));
  return attributions.find((_a, index) => !reporters.has(index)) ?? attributions.at(-1);
}

const PERSON_TYPES = new Set(['official-person', 'anonymous']);

/** The claimant as a schema.org agent. */
function claimAuthor(attribution: Attribution): SchemaAgent {
  const source: SchemaAgent = { '@type': PERSON_TYPES.has(attribution.type) ? 'Person' : 'Organization', name: attribution.label };
  if (attribution.speaker === null || attribution.speaker === attribution.label) return source;
  // A named person speaking for an outlet or office: the person made the claim; a platform they
  // posted on is not their employer, so it is no affiliation.
  return {
    '@type': 'Person',
    name: attribution.speaker,
    ...(source['@type'] === 'Organization' && attribution.type !== 'social-media' ? { affiliation: source } : {}),
  };
}

/** The ClaimReview draft of one annotation, or null when it has no reviewable verdict or no quote. */
export function toClaimReview(annotation: Annotation, options: ClaimReviewOptions = {}): ClaimReviewDraft | null {
  if (!annotation.verdict || annotation.deletedAt !== undefined) return null;
  const reviewRating = reviewRatingOf(annotation.verdict.rating);
  const quote = annotation.target.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!reviewRating || !quote || quote.exact.trim() === '') return null;
  const claimant = claimantOf(annotation.attributions);
  return {
    '@type': 'ClaimReview',
    identifier: annotationIri(annotation.id),
    claimReviewed: quote.exact,
    reviewRating,
    ...(annotation.verdict.rationale === '' ? {} : { reviewBody: annotation.verdict.rationale }),
    itemReviewed: {
      '@type': 'Claim',
      ...(claimant ? { author: claimAuthor(claimant) } : {}),
      appearance: { '@type': 'CreativeWork', url: annotation.url, ...(annotation.pageTitle === '' ? {} : { headline: annotation.pageTitle }) },
    },
    ...(options.reviewer ? { author: options.reviewer } : {}),
    datePublished: new Date(annotation.verdict.ratedAt).toISOString().slice(0, 10),
  };
}

/** The drafts as one JSON-LD document (`@graph` of ClaimReviews), streamed as text chunks. */
export async function* claimReviewChunks(annotations: ItemSource<Annotation>, options: ClaimReviewOptions = {}): AsyncGenerator<string> {
  async function* pieces(): AsyncGenerator<string> {
    yield '{\n  "@context": "https://schema.org",\n  "@graph": [';
    let count = 0;
    for await (const annotation of eachItem(annotations)) {
      const draft = toClaimReview(annotation, options);
      if (!draft) continue;
      yield `${count === 0 ? '' : ','}\n    ${prettyAt(draft, 2)}`;
      count += 1;
    }
    yield count === 0 ? ']\n}\n' : '\n  ]\n}\n';
  }
  yield* gatherChunks(pieces());
}
