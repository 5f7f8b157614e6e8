/**
 * Checking what a user types into the options page's rating editor (tier, score, rationale,
 * evidence links, their name) and turning it into a `SourceRating`. Pure: every refusal is a
 * `RatingInputError` naming the field, so the form can point at it and keep what was typed.
 */
import { CREDIBILITY_TIERS, type CredibilityTier, type SourceRating } from '../model';
import { MAX_RATER_NAME_LENGTH } from '../settings/settings';
import { isWebLink } from './rating-display';

/** Longest rationale, in characters (it is shown on every claim card of the source). */
export const MAX_RATIONALE_LENGTH = 2000;
/** Most evidence links one rating may have. */
export const MAX_EVIDENCE = 20;
/** Longest evidence link, in characters. */
export const MAX_EVIDENCE_LENGTH = 2048;

/** The fields of the rating editor a refusal can be about. */
export type RatingField = 'tier' | 'score' | 'rationale' | 'evidence' | 'ratedBy';

/** A refused rating input: `message` says what to change, `field` where. */
export class RatingInputError extends Error {
  /** The form field the problem is in. */
  readonly field: RatingField;

  constructor(field: RatingField, message: string) {
    super(message);
    this.name = 'RatingInputError';
    this.field = field;
  }
}

/** What the rating editor's controls hold, as typed. */
export type RatingDraft = {
  /** The tier select's value. */
  tier: string;
  /** The score field: empty for none, else a whole number from 0 to 100. */
  score: string;
  /** The rationale textarea. */
  rationale: string;
  /** The evidence textarea: one link per line. */
  evidence: string;
  /** The "Rated by" field. */
  ratedBy: string;
};

/** The editor's starting values for a source's current rating (or none). */
export function draftOfRating(rating: SourceRating | undefined, defaultRater: string): RatingDraft {
  return {
    tier: rating?.tier ?? 'unrated',
    score: rating?.score === undefined ? '' : String(rating.score),
    rationale: rating?.rationale ?? '',
    evidence: (rating?.evidence ?? []).join('\n'),
    ratedBy: rating?.ratedBy ?? defaultRater,
  };
}

/** True when `value` is one of the model's credibility tiers. */
export function isTier(value: string): value is CredibilityTier {
  return (CREDIBILITY_TIERS as readonly string[]).includes(value);
}

/** The score to store: undefined for an empty field, else a whole number 0–100. Throws otherwise. */
export function parseScore(raw: string): number | undefined {
  const text = raw.trim();
  if (text.length === 0) return undefined;
  if (!/^\d{1,3}$/u.test(text) || Number(text) > 100) {
    throw new RatingInputError('score', `“${raw.trim()}” is not a score: use a whole number from 0 to 100, or leave it empty.`);
  }
  return Number(text);
}

/**
 * The evidence links to store: one per line, trimmed, blank lines and repeats dropped, in
 * order. Each must be an http or https URL (a link a reader can open); the error names the
 * first that is not.
 */
export function parseEvidence(raw: string): string[] {
  const out: string[] = [];
  for (const [index, line] of raw.split(/\r?\n|\r/u).entries()) {
    const text = line.trim();
    if (text.length === 0 || out.includes(text)) continue;
    const where = `Evidence line ${index + 1}`;
    if (text.length > MAX_EVIDENCE_LENGTH) {
      throw new RatingInputError('evidence', `${where} is longer than ${MAX_EVIDENCE_LENGTH} characters; link to the page instead.`);
    }
    if (!isWebLink(text)) {
      throw new RatingInputError(
        'evidence',
        `${where} (“${text.slice(0, 60)}”) is not a web link: write one link per line, starting with https:// or http://.`,
      );
    }
    out.push(text);
  }
  if (out.length > MAX_EVIDENCE) {
    throw new RatingInputError('evidence', `A rating can have at most ${MAX_EVIDENCE} evidence links; this one has ${out.length}.`);
  }
  return out;
}

/**
 * The rating a draft describes, made at `now`. The rationale keeps its line breaks (trimmed at
 * both ends); an empty "Rated by" leaves `ratedBy` out. Throws a `RatingInputError` for the
 * first field that cannot be stored.
 */
export function ratingFromDraft(draft: RatingDraft, now: Date): SourceRating {
  if (!isTier(draft.tier)) throw new RatingInputError('tier', `“${draft.tier}” is not a credibility tier; choose one from the list.`);
  const score = parseScore(draft.score);
  const rationale = draft.rationale.trim();
  if (rationale.length > MAX_RATIONALE_LENGTH) {
    throw new RatingInputError(
      'rationale',
      `The rationale is ${rationale.length} characters long; shorten it to ${MAX_RATIONALE_LENGTH} and put the rest behind an evidence link.`,
    );
  }
  const evidence = parseEvidence(draft.evidence);
  const ratedBy = draft.ratedBy.replace(/\s+/gu, ' ').trim();
  if (ratedBy.length > MAX_RATER_NAME_LENGTH) {
    throw new RatingInputError('ratedBy', `The name is longer than ${MAX_RATER_NAME_LENGTH} characters; use a name or initials.`);
  }
  const rating: SourceRating = { tier: draft.tier, rationale, evidence, ratedAt: now.toISOString() };
  if (score !== undefined) rating.score = score;
  if (ratedBy.length > 0) rating.ratedBy = ratedBy;
  return rating;
}
