/** One source's section in the popup: who it is, how the user rates it, and the claims that come from it. */
import { useId } from 'preact/hooks';
import { TIER_LABELS, type Annotation, type CredibilityTier, type Source } from '../lib/model';
import type { PageClaim } from '../lib/messages';
import type { ClaimGroup } from '../lib/popup/group-claims';
import { SOURCE_TYPE_LABELS, countOf } from '../lib/popup/labels';
import { ClaimCard, type ClaimDraft } from './ClaimCard';
import { RatingPicker } from './RatingPicker';
import { SyncShareSource } from './SyncShareSource';

/** Props of `SourceGroup`. */
export type SourceGroupProps = {
  /** The source and its claims. */
  group: ClaimGroup;
  /** The stored row of the source (user source, or a rated built-in), if any. */
  stored: Source | undefined;
  /** The stored annotation of a claim, if saved. */
  annotationOf(claim: PageClaim): Annotation | undefined;
  /** The stored rating tier of a source id, for nested sources in claim chains. */
  tierOf(sourceId: string): CredibilityTier | undefined;
  /** Store a rating of this group's source; resolves false on failure. */
  onSaveRating(group: ClaimGroup, tier: CredibilityTier, rationale: string): Promise<boolean>;
  /** Mark this group's source shared with the team through sync, or not; resolves false on failure. Absent: no checkbox. */
  onShareSource?(group: ClaimGroup, shared: boolean): Promise<boolean>;
  /** Store a claim's annotation; resolves false on failure. */
  onSaveClaim(claim: PageClaim, annotation: Annotation | undefined, draft: ClaimDraft): Promise<boolean>;
  /** Ask the page to scroll to a claim. */
  onShowClaim(start: number): void;
  /** Open the options page to add this (unresolved) source to the user's sources. */
  onAddSource(group: ClaimGroup): void;
  /** How many of its claims to render now (the popup renders long lists in steps); all by default. */
  shownClaims?: number;
};

/**
 * `<section data-testid="source-group" data-source-id>` labelled by the source's name: its type,
 * its rating tier in words, an "Add to my sources" button when the source is not in the
 * registry, the rating control, then its claims.
 */
export function SourceGroup({ group, stored, annotationOf, tierOf, onSaveRating, onShareSource, onSaveClaim, onShowClaim, onAddSource, shownClaims }: SourceGroupProps) {
  const headingId = useId();
  const name = stored?.name ?? group.name;
  const tier = stored?.rating?.tier ?? 'unrated';
  return (
    <section data-testid="source-group" data-source-id={group.sourceId} aria-labelledby={headingId} class="source-group">
      <header class="source-header">
        <h2 id={headingId}>{name}</h2>
        {group.ratable ? (
          <p class="source-meta">
            <span data-testid="source-type">{SOURCE_TYPE_LABELS[stored?.type ?? group.type]}</span>
            {!group.resolved && <span> · not in the source registry</span>}
            {' · '}
            <span data-testid="source-tier" class={`tier tier-${tier}`}>
              {TIER_LABELS[tier]}
            </span>
            {' · '}
            <span>{countOf(group.claims.length, 'claim')}</span>
          </p>
        ) : (
          // No source, so no type or tier to show: saying "other · Unrated" would suggest there is one.
          <p class="source-meta">{countOf(group.claims.length, 'claim')} without a detected source</p>
        )}
        {group.ratable && !group.resolved && (
          <button
            type="button"
            class="secondary add-source"
            data-testid="add-source"
            aria-describedby={headingId}
            onClick={() => onAddSource(group)}
          >
            Add to my sources
          </button>
        )}
        {stored?.rating?.rationale && <p class="source-rationale">{stored.rating.rationale}</p>}
        {group.ratable && (
          <RatingPicker
            sourceName={name}
            rating={stored?.rating}
            onSave={(newTier, rationale) => onSaveRating(group, newTier, rationale)}
          />
        )}
        {group.ratable && onShareSource && <SyncShareSource sourceName={name} shared={stored?.shared === true} onChange={(shared) => onShareSource(group, shared)} />}
      </header>
      {group.claims.slice(0, shownClaims).map((claim) => (
        <ClaimCard
          key={claim.start}
          claim={claim}
          annotation={annotationOf(claim)}
          tierOf={tierOf}
          onSave={onSaveClaim}
          onShow={onShowClaim}
        />
      ))}
    </section>
  );
}
