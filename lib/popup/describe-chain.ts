/** Flattens a claim's attributions into the lines the popup shows: who, with which words, via whom. */
import type { Attribution, CueStance } from '../model';
import type { PageClaim } from '../messages';
import { SOURCE_TYPE_LABELS } from './labels';
import { groupKeyOf } from './group-claims';

/** One attribution as the popup shows it. */
export type ChainLink = {
  /** The source's id or slug: the key its stored rating is under. */
  sourceId: string;
  /** Display name of the source. */
  label: string;
  /** Readable source type. */
  typeLabel: string;
  /** The person quoted, if named apart from the outlet. */
  speaker: string | null;
  /** The cue words, or null when carried over. */
  cue: string | null;
  /** The cue's stance, or null when carried over. */
  stance: CueStance | null;
  /** True when the attribution continues a quotation attributed in an earlier sentence. */
  carriedOver: boolean;
  /** Label of the outer source that reports this one (Yonhap for the spy service), if nested. */
  reportedBy: string | null;
  /** Nesting depth: 0 for an outer source, 1 for a source it reports, and so on. */
  depth: number;
};

/**
 * The attribution chain of a claim, in the claim's order (outermost first). Depth follows
 * `reportedBy`; a malformed chain (an index out of range, or a cycle) is cut rather than followed forever.
 */
export function describeChain(claim: PageClaim): ChainLink[] {
  const { attributions } = claim;
  return attributions.map((a) => ({
    sourceId: groupKeyOf(a),
    label: a.label,
    typeLabel: SOURCE_TYPE_LABELS[a.type],
    speaker: a.speaker,
    cue: a.cue,
    stance: a.cueStance,
    carriedOver: a.carriedOver,
    reportedBy: a.reportedBy === null ? null : (attributions[a.reportedBy]?.label ?? null),
    depth: depthOf(a, attributions),
  }));
}

function depthOf(attribution: Attribution, all: readonly Attribution[]): number {
  const seen = new Set<Attribution>([attribution]);
  let depth = 0;
  let current = attribution;
  while (current.reportedBy !== null) {
    const outer = all[current.reportedBy];
    if (!outer || seen.has(outer)) break;
    seen.add(outer);
    current = outer;
    depth += 1;
  }
  return depth;
}
