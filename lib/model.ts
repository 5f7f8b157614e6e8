/**
 * The types every layer shares: detection, anchoring, storage, exchange and UI.
 * Pure declarations and constant tables only; nothing here touches the DOM or an extension API.
 */

/** What kind of thing a source is; drives colour, filters and the weak-sourcing flags. */
export const SOURCE_TYPES = [
  'state-media',
  'news-agency',
  'newspaper-broadcaster',
  'social-media',
  'government',
  'official-person',
  'organisation',
  'anonymous',
  'other',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** How the reporting verb positions the writer towards the claim ("said" vs "claimed" vs "confirmed"). */
export const CUE_STANCES = ['neutral', 'distancing', 'endorsing', 'denial', 'belief'] as const;
export type CueStance = (typeof CUE_STANCES)[number];

/** A fact-checker's credibility tier for a source, from best to worst; `unrated` is the default. */
export const CREDIBILITY_TIERS = ['reliable', 'mixed', 'unreliable', 'propaganda', 'unrated'] as const;
export type CredibilityTier = (typeof CREDIBILITY_TIERS)[number];

/** Human-readable labels for tiers: the UI never shows a tier by colour alone. */
export const TIER_LABELS: Record<CredibilityTier, string> = {
  reliable: 'Generally reliable',
  mixed: 'Mixed / use with care',
  unreliable: 'Generally unreliable',
  propaganda: 'State-controlled or propaganda outlet',
  unrated: 'Unrated',
};

/** A credibility judgement on a source. */
export type SourceRating = {
  /** The tier the rater chose. */
  tier: CredibilityTier;
  /** Optional 0–100 score, higher is more credible. */
  score?: number;
  /** Why: shown on the claim card wherever the source is quoted. */
  rationale: string;
  /** Links or references that back the rating. */
  evidence: string[];
  /** ISO 8601 time of the rating. */
  ratedAt: string;
  /** Who rated: the rater's name or initials as set in options; absent when not set. */
  ratedBy?: string;
};

/** A source that claims are attributed to: an outlet, a platform, an institution or a person. */
export type Source = {
  /** Stable slug, e.g. `kcna`; user sources get a slug of their name. */
  id: string;
  /** Canonical display name, e.g. `KCNA`. */
  name: string;
  /** Other names the text may use ("Korean Central News Agency"); matched case-sensitively for acronyms. */
  aliases: string[];
  /** What kind of source it is. */
  type: SourceType;
  /** ISO 3166-1 alpha-2 country code, where the source has one. */
  country?: string;
  /** The user's credibility rating, if any. */
  rating?: SourceRating;
  /** Earlier ratings, oldest first: a changed rating moves the old one here, so no judgement is lost. */
  ratingHistory?: SourceRating[];
  /** True when the user shares this entry (and its rating) with the team through sync. */
  shared?: boolean;
  /** ISO 8601 time of deletion of a user source: a tombstone kept for sync. */
  deletedAt?: string;
  /** True for entries shipped with the extension (a stored copy only adds the user's rating or aliases). */
  builtin: boolean;
  /** ISO 8601 time of the last change (absent on untouched built-ins). */
  updatedAt?: string;
};

/** The part of a registry `Source` that detection results carry. */
export type SourceRef = Pick<Source, 'id' | 'name' | 'type'>;

/** Who a claim is attributed to, and with which words. Offsets are in the analysed text. */
export type Attribution = {
  /** The registry entry the words resolved to, or null when the source is not in the registry. */
  source: SourceRef | null;
  /** Display name: the registry name when resolved, else the words that name the source. */
  label: string;
  /** The source's type: the registry's when resolved, else a guess from the words. */
  type: SourceType;
  /** The exact words in the sentence that name the source; null when carried over from an earlier sentence. */
  sourceText: string | null;
  /** The person quoted, when the sentence names one apart from the outlet or channel ("Kozhemyako"). */
  speaker: string | null;
  /** The cue words ("said", "according to", "posted on"); null when carried over. */
  cue: string | null;
  /** The cue's stance; null when carried over. */
  cueStance: CueStance | null;
  /** Start offset of `sourceText` (of the original mention when carried over). */
  start: number;
  /** End offset (exclusive) of `sourceText`. */
  end: number;
  /** Index, in the same claim's `attributions`, of the outer source in a chain (Yonhap ← spy service). */
  reportedBy: number | null;
  /** True when the sentence continues a quotation whose attribution is in an earlier sentence. */
  carriedOver: boolean;
};

/** A sentence (or sentence span) that reports a claim, with its attributions. */
export type DetectedClaim = {
  /** Start offset of the sentence in the analysed text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** The sentence text, `text.slice(start, end)`. */
  text: string;
  /** At least one attribution; the first is the outermost source. */
  attributions: Attribution[];
};

/** W3C Web Annotation TextQuoteSelector: the quote with up to 32 characters of context either side. */
export type TextQuoteSelector = {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
};

/** W3C Web Annotation TextPositionSelector: offsets in the page's extracted text. */
export type TextPositionSelector = {
  type: 'TextPositionSelector';
  start: number;
  end: number;
};

/** The selectors Sourcemark stores; a union on `type` so new kinds can be added. */
export type Selector = TextQuoteSelector | TextPositionSelector;

/** ClaimReview-compatible verdicts, best to worst, then the two that are not ratings of truth. */
export const VERDICT_RATINGS = [
  'true',
  'mostly-true',
  'mixed',
  'mostly-false',
  'false',
  'unverifiable',
  'not-a-claim',
] as const;
export type VerdictRating = (typeof VERDICT_RATINGS)[number];

export const VERDICT_LABELS: Record<VerdictRating, string> = {
  true: 'True',
  'mostly-true': 'Mostly true',
  mixed: 'Mixed',
  'mostly-false': 'Mostly false',
  false: 'False',
  unverifiable: 'Unverifiable',
  'not-a-claim': 'Not a claim',
};

/** A user's judgement of a claim. */
export type Verdict = {
  rating: VerdictRating;
  /** Why the user rated it so. */
  rationale: string;
  /** ISO 8601 time of the verdict. */
  ratedAt: string;
};

/** Where an annotation came from: machine suggestion, human-confirmed suggestion, human correction, or human-made. */
export const ANNOTATION_ORIGINS = ['detected', 'confirmed', 'corrected', 'manual'] as const;
export type AnnotationOrigin = (typeof ANNOTATION_ORIGINS)[number];

export const ANNOTATION_KINDS = ['claim', 'highlight', 'note'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** A stored annotation: what the user kept of a page. */
export type Annotation = {
  /** UUID. */
  id: string;
  /** The page URL, normalised (no fragment, no tracking parameters). */
  url: string;
  /** The page's title when the annotation was made. */
  pageTitle: string;
  /** What on the page the annotation is about. */
  target: {
    /** W3C selectors; always one TextQuoteSelector and one TextPositionSelector. */
    selectors: Selector[];
  };
  kind: AnnotationKind;
  /** The claim's attributions as detected (or corrected) when saved. */
  attributions: Attribution[];
  /** Free-text note. */
  note: string;
  tags: string[];
  verdict?: Verdict;
  origin: AnnotationOrigin;
  /** ISO 8601 creation time. */
  createdAt: string;
  /** ISO 8601 time of the last change. */
  updatedAt: string;
  /** ISO 8601 time of deletion: a tombstone kept for sync. */
  deletedAt?: string;
  /** True when the user shares this annotation with the team through sync (private by default). */
  shared?: boolean;
  /** Earlier versions that lost to another edit (a sync conflict), oldest first: kept so no edit silently disappears. */
  history?: AnnotationVersion[];
};

/** A version of an annotation that was replaced, and why. */
export type AnnotationVersion = {
  /** Why this version was set aside: `conflict` when another device's newer edit won. */
  reason: 'conflict';
  /** ISO 8601 time it was set aside. */
  replacedAt: string;
  /** The annotation as it was, without its own history. */
  annotation: Omit<Annotation, 'history'>;
};

/**
 * The version of every exported and stored document shape. It goes up whenever a field is added,
 * because importers are strict: a reader that met an unknown field would otherwise drop it.
 * - 1: annotations and sources as first shipped (the popup's Export JSON).
 * - 2: adds `Source.ratingHistory`, `shared`, `deletedAt`, `SourceRating.ratedBy`,
 *   `Annotation.shared` and `history`; every version-1 document is a valid version-2 one.
 */
export const SCHEMA_VERSION = 2;
