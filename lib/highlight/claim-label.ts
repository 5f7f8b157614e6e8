/**
 * The words the tags and the claim card show. Pure: strings from attributions and ratings, so the
 * wording is tested apart from the DOM that displays it.
 */
import type { AnchorStatus } from '../anchor/match-quote';
import { TIER_LABELS, type Attribution, type CredibilityTier, type CueStance, type Source, type SourceRating, type SourceType } from '../model';

/** The user's stored sources by id: where ratings come from. */
export type SourceLookup = ReadonlyMap<string, Source>;

/** Shown where a claim has no attribution (possible with manual annotations and older detectors). */
export const UNATTRIBUTED_LABEL = 'Unattributed';

/** Joins the sources of a nested chain, outermost first: "Yonhap ← South Korea’s spy service". */
export const CHAIN_SEPARATOR = ' ← ';

/** Human words for each source type. */
export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  'state-media': 'State media',
  'news-agency': 'News agency',
  'newspaper-broadcaster': 'Newspaper or broadcaster',
  'social-media': 'Social media',
  government: 'Government',
  'official-person': 'Official',
  organisation: 'Organisation',
  anonymous: 'Anonymous source',
  other: 'Other',
};

/** What each cue stance says about the writer's position, for the card. */
export const CUE_STANCE_LABELS: Record<CueStance, string> = {
  neutral: 'neutral reporting verb',
  distancing: 'distancing: the writer does not vouch for it',
  endorsing: 'endorsing: the writer presents it as fact',
  denial: 'a denial',
  belief: 'a belief or opinion',
};

/**
 * Attributions in chain order: each outermost source (no `reportedBy`, or a broken link)
 * followed by the sources it reports, depth first, in their original order otherwise.
 * Returns groups, one per outermost source.
 */
export function attributionChains(attributions: readonly Attribution[]): Attribution[][] {
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  attributions.forEach((a, i) => {
    const parent = a.reportedBy;
    if (parent !== null && parent !== i && parent >= 0 && parent < attributions.length) {
      const list = children.get(parent) ?? [];
      list.push(i);
      children.set(parent, list);
    } else {
      roots.push(i);
    }
  });
  const seen = new Set<number>();
  const walk = (i: number, into: Attribution[]) => {
    const attribution = attributions[i];
    if (seen.has(i) || !attribution) return; // a cycle in bad data must not loop forever
    seen.add(i);
    into.push(attribution);
    for (const child of children.get(i) ?? []) walk(child, into);
  };
  const chains = roots.map((root) => {
    const chain: Attribution[] = [];
    walk(root, chain);
    return chain;
  });
  // Members of a cycle have no root: list them on their own rather than drop them.
  attributions.forEach((_a, i) => {
    if (!seen.has(i)) {
      const chain: Attribution[] = [];
      walk(i, chain);
      chains.push(chain);
    }
  });
  return chains;
}

/** Labels of a chain with repeats in a row removed (a carried-over copy of the same source). */
function chainLabels(chain: readonly Attribution[]): string[] {
  return chain.map((a) => a.label).filter((label, i, all) => i === 0 || label !== all[i - 1]);
}

/**
 * The source label of a claim: "KCNA"; "Yonhap ← South Korea’s spy service" for a nested chain;
 * independent sources joined by " · "; `UNATTRIBUTED_LABEL` when there is none.
 */
export function sourceLabel(attributions: readonly Attribution[]): string {
  const chains = attributionChains(attributions).map((chain) => chainLabels(chain).join(CHAIN_SEPARATOR));
  return chains.length > 0 ? chains.join(' · ') : UNATTRIBUTED_LABEL;
}

/** The user's rating of an attribution's source, when it resolved to a rated source. */
export function ratingOf(attribution: Attribution, sources: SourceLookup): SourceRating | null {
  const id = attribution.source?.id;
  const rating = id ? sources.get(id)?.rating : undefined;
  return rating && rating.tier !== 'unrated' ? rating : null;
}

/** The first rated source of a claim in chain order, with its rating. */
export function firstRating(
  attributions: readonly Attribution[],
  sources: SourceLookup,
): { attribution: Attribution; rating: SourceRating } | null {
  for (const chain of attributionChains(attributions)) {
    for (const attribution of chain) {
      const rating = ratingOf(attribution, sources);
      if (rating) return { attribution, rating };
    }
  }
  return null;
}

/** The cue in parentheses for spoken labels: "(said)", or why there is none. */
function cueNote(attribution: Attribution): string {
  if (attribution.cue) return `(${attribution.cue})`;
  return attribution.carriedOver ? '(continuing an earlier quote)' : '';
}

/** What a tag says, visibly and to a screen reader. */
export type TagLabel = {
  /** The source label (`sourceLabel`). */
  source: string;
  /** The tier label of the first rated source, if any. */
  tier: string | null;
  /** That source's tier (`unrated` when no source of the claim is rated): the tag's `data-tier` and the underline. */
  tierId: CredibilityTier;
  /** True when a saved annotation is on the claim (the tag adds "✎"). */
  annotated: boolean;
  /** How the annotation anchored (the tag's `data-anchoring`); null without one. */
  anchoring: AnchorStatus | null;
  /** The visible text: source, tier, ✎. It is also the tag's accessible name, so people who speak to their computer can say what they see. */
  text: string;
  /** The tag's `aria-description`, read after its name: "Claim attributed to KCNA (said)", with rating and annotation. */
  description: string;
};

/** Said to screen readers when an annotation re-attached to changed text. */
export const REATTACHED_LABEL = 'Re-attached to changed text';

/** The tag label of a claim; `anchoring` is how its annotation anchored, if it has one. */
export function tagLabel(
  attributions: readonly Attribution[],
  sources: SourceLookup,
  annotated: boolean,
  anchoring: AnchorStatus | null = null,
): TagLabel {
  const source = sourceLabel(attributions);
  const rated = firstRating(attributions, sources);
  const tier = rated ? TIER_LABELS[rated.rating.tier] : null;
  const text = [source, tier, annotated ? '✎' : null].filter((part) => part !== null).join(' · ');

  const spoken = attributionChains(attributions)
    .map((chain) =>
      chain
        .map((a) => [a.label, cueNote(a)].filter(Boolean).join(' '))
        .join(', citing '),
    )
    .join('; and to ');
  const parts = [spoken ? `Claim attributed to ${spoken}` : 'Claim with no detected source'];
  if (rated) parts.push(`${rated.attribution.label} is rated ${TIER_LABELS[rated.rating.tier]}`);
  if (annotated) parts.push(anchoring === 'fuzzy' ? `you annotated it (${REATTACHED_LABEL.toLowerCase()})` : 'you annotated it');
  return {
    source,
    tier,
    tierId: rated?.rating.tier ?? 'unrated',
    annotated,
    anchoring: annotated ? anchoring : null,
    text,
    description: parts.join('; '),
  };
}

/** One line describing the cue of an attribution on the card: "“said”: neutral reporting verb". */
export function cueDescription(attribution: Attribution): string | null {
  if (!attribution.cue) return null;
  const stance = attribution.cueStance ? `: ${CUE_STANCE_LABELS[attribution.cueStance]}` : '';
  return `“${attribution.cue}”${stance}`;
}
