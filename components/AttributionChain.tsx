/** Who a claim comes from, as a list: each source with its cue words, stance and speaker, nested sources indented. */
import { TIER_LABELS, type CredibilityTier } from '../lib/model';
import type { PageClaim } from '../lib/messages';
import { describeChain } from '../lib/popup/describe-chain';
import { STANCE_LABELS } from '../lib/popup/labels';

/** Props of `AttributionChain`. */
export type AttributionChainProps = {
  /** The claim whose attributions to show. */
  claim: PageClaim;
  /** The stored rating tier of a source id, if rated: shown for nested sources (the outer one's is in the group header). */
  tierOf(sourceId: string): CredibilityTier | undefined;
};

/** An ordered list (`data-testid="attribution"` items) of the claim's attribution chain, outermost first. */
export function AttributionChain({ claim, tierOf }: AttributionChainProps) {
  const links = describeChain(claim);
  if (links.length === 0) return <p class="chain-empty">No attribution found.</p>;
  return (
    <ol class="chain" aria-label="Attribution">
      {links.map((link, index) => {
        const tier = index > 0 ? tierOf(link.sourceId) : undefined;
        return (
          <li key={index} data-testid="attribution" class="chain-link" style={{ marginInlineStart: `${link.depth * 1.25}em` }}>
            {link.depth > 0 && <span aria-hidden="true">↳ </span>}
            <span class="attr-source">{link.label}</span> <span class="attr-type">({link.typeLabel})</span>
            {link.speaker && <span class="attr-speaker"> · speaker: {link.speaker}</span>}
            {link.cue && (
              <span class="attr-cue">
                {' · '}“{link.cue}”
              </span>
            )}
            {link.stance && <span class="attr-stance"> · {STANCE_LABELS[link.stance]}</span>}
            {link.carriedOver && <span class="attr-carried"> · carried over from an earlier sentence</span>}
            {link.reportedBy && <span class="attr-via"> · reported by {link.reportedBy}</span>}
            {tier && <span class="attr-tier"> · {TIER_LABELS[tier]}</span>}
          </li>
        );
      })}
    </ol>
  );
}
