/**
 * PLACEHOLDER until the detection engine lands: the public entry point of lib/detect.
 * Signature is fixed; the implementation is being replaced.
 */
import type { DetectedClaim, Source } from '../model';

/** Options for `detectClaims`. */
export type DetectOptions = {
  /** The user's stored sources; they win over built-in entries with the same id or alias. */
  userSources?: readonly Source[];
};

/** Find the sentences of `text` that report a claim, with who it is attributed to. Pure. */
export function detectClaims(text: string, _options: DetectOptions = {}): DetectedClaim[] {
  const claims: DetectedClaim[] = [];
  const re = /[^.!?\n]+(?:said|according to|reported|stated|claimed|posted on)[^.!?\n]*[.!?]?/g;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    claims.push({ start, end: start + m[0].length, text: m[0], attributions: [] });
  }
  return claims;
}
