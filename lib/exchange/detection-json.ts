/**
 * The researchers' detection output (`npm run detect`): claims and attributions of one text, in
 * a flat, documented JSON shape that does not change when internal types grow. Pure.
 */
import type { DetectedClaim, SourceRef } from '../model';

/** One attribution as the command line prints it. */
export type DetectionAttributionJson = {
  /** The registry entry the words resolved to, or null. */
  source: SourceRef | null;
  /** The exact words naming the source; null when carried over from an earlier sentence. */
  sourceText: string | null;
  /** The person quoted apart from the outlet or channel, or null. */
  speaker: string | null;
  cue: string | null;
  cueStance: string | null;
  /** Offsets of `sourceText` in `text` (of the original mention when carried over). */
  start: number;
  end: number;
  /** Index of the outer attribution in the same claim's list, or null. */
  reportedBy: number | null;
};

/** One claim as the command line prints it. */
export type DetectionClaimJson = {
  start: number;
  end: number;
  text: string;
  attributions: DetectionAttributionJson[];
};

/** The whole output for one analysed text; offsets are in JavaScript string units of `text`. */
export type DetectionJson = { text: string; claims: DetectionClaimJson[] };

/** Map detector results to the command line's JSON shape. */
export function toDetectionJson(text: string, claims: readonly DetectedClaim[]): DetectionJson {
  return {
    text,
    claims: claims.map((claim) => ({
      start: claim.start,
      end: claim.end,
      text: claim.text,
      attributions: claim.attributions.map((a) => ({
        source: a.source ? { id: a.source.id, name: a.source.name, type: a.source.type } : null,
        sourceText: a.sourceText,
        speaker: a.speaker,
        cue: a.cue,
        cueStance: a.cueStance,
        start: a.start,
        end: a.end,
        reportedBy: a.reportedBy,
      })),
    })),
  };
}
