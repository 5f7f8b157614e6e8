/** Groups a page's claims by who they come from, for the popup's one-section-per-source view. */
import type { Attribution, SourceType } from '../model';
import type { PageClaim } from '../messages';
import { sourceIdFor } from '../detect/source-id';

/** Key of the group that collects claims without any attribution (a detector should not emit them, but may). */
export const UNATTRIBUTED_ID = '(unattributed)';

/** The claims of one outer source. */
export type ClaimGroup = {
  /** The source's registry id when resolved, else a slug of its label; `UNATTRIBUTED_ID` for claims with no source. */
  sourceId: string;
  /** Display name: the registry name when resolved, else the label of the first claim's outer attribution. */
  name: string;
  /** The source's type: the registry's when resolved, else the detector's guess. */
  type: SourceType;
  /** True when at least one claim's outer attribution resolved to a registry entry with this id. */
  resolved: boolean;
  /** False only for the unattributed group: there is no source to rate. */
  ratable: boolean;
  /** The group's claims, in page order. */
  claims: PageClaim[];
};

/** The outermost attribution of a claim: by the model's rule, the first one. */
export function outerAttribution(claim: PageClaim): Attribution | undefined {
  return claim.attributions[0];
}

/** The group key of an attribution: its source id when resolved, else a slug of its label. */
export function groupKeyOf(attribution: Attribution): string {
  return attribution.source ? attribution.source.id : sourceIdFor(attribution.label);
}

/**
 * Group claims by their outermost attribution's source. A claim with a nested chain
 * (Yonhap ← spy service) appears once, under its outer source. Groups are ordered by the page
 * position of their first claim; claims within a group by position. A resolved and an unresolved
 * attribution with the same key share a group (they would share the stored source row too),
 * which then takes the registry's name and type.
 */
export function groupClaims(claims: readonly PageClaim[]): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>();
  const inPageOrder = [...claims].sort((a, b) => a.start - b.start);
  for (const claim of inPageOrder) {
    const outer = outerAttribution(claim);
    const key = outer ? groupKeyOf(outer) : UNATTRIBUTED_ID;
    let group = groups.get(key);
    if (!group) {
      group = outer
        ? { sourceId: key, name: outer.label, type: outer.type, resolved: false, ratable: true, claims: [] }
        : { sourceId: key, name: 'No source found', type: 'other', resolved: false, ratable: false, claims: [] };
      groups.set(key, group);
    }
    if (outer?.source && !group.resolved) {
      group.resolved = true;
      group.name = outer.source.name;
      group.type = outer.source.type;
    }
    group.claims.push(claim);
  }
  return [...groups.values()];
}
