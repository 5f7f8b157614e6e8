/** Turns what the user typed on a claim card into the Annotation to store. Pure but for the default id source. */
import type { Annotation, AnnotationOrigin, Verdict, VerdictRating } from '../model';
import type { PageClaim } from '../messages';
import { attributionFor, type SourceChoice } from '../sources/choose-source';

/** Everything `buildAnnotation` needs. */
export type AnnotationInput = {
  /** The detected claim the annotation is about. */
  claim: PageClaim;
  /** The stored annotation for this claim, when there is one (see `findAnnotationForClaim`). */
  existing: Annotation | undefined;
  /** The note as typed. */
  note: string;
  /** The chosen verdict, or null for none. `not-a-claim` is a correction of the detector. */
  verdict: VerdictRating | null;
  /** A source the user put in place of the detected one (a correction); null or absent: unchanged. */
  source?: SourceChoice | null;
  /** The page's normalised URL and title, from its snapshot. */
  page: { url: string; title: string };
  /** "Share with team" as ticked; absent: the stored annotation's choice stays (new ones are private). */
  shared?: boolean;
  /** The time of the save. */
  now: Date;
  /** Id source for new annotations; tests pass a fixed one. */
  newId?: () => string;
};

/** Origins that mean a human wrote or corrected the annotation's target and attributions: keep them as they are. */
const HUMAN_AUTHORED: readonly AnnotationOrigin[] = ['corrected', 'manual'];

/**
 * The origin of a saved claim annotation: a manual one stays `manual` (the user made it); saying
 * "not a claim", changing the source, or an earlier correction make it `corrected`; otherwise a
 * person kept a machine suggestion: `confirmed`.
 */
function originOf(existing: Annotation | undefined, verdict: VerdictRating | null, sourceChanged: boolean): AnnotationOrigin {
  if (existing?.origin === 'manual') return 'manual';
  if (verdict === 'not-a-claim' || sourceChanged || existing?.origin === 'corrected') return 'corrected';
  return 'confirmed';
}

/**
 * The annotation to save for a claim.
 *
 * New: `kind: 'claim'`, `origin: 'confirmed'` (a person kept a machine suggestion), or
 * `corrected` when the verdict is "not a claim" or the source was changed; a fresh UUID, the
 * claim's selectors and attributions (the chosen source's when changed), `createdAt` =
 * `updatedAt` = now.
 *
 * Update: keeps id, createdAt, tags and kind. A `detected` or `confirmed` annotation takes the
 * claim's current selectors and attributions (the latest anchoring); a `corrected` or `manual`
 * one keeps its own, since a person chose them over the detector's. A changed source replaces
 * the attributions either way.
 * The verdict keeps its rationale and time when its rating did not change, so saving a note
 * does not re-date a verdict. (`saveAnnotation` stamps `updatedAt` again; it is set here so the
 * value is a complete Annotation on its own.)
 */
export function buildAnnotation(input: AnnotationInput): Annotation {
  const { claim, existing, note, page, now } = input;
  const stamp = now.toISOString();
  const verdict = buildVerdict(input.verdict, existing?.verdict, stamp);
  const keepTarget = existing !== undefined && HUMAN_AUTHORED.includes(existing.origin);
  const sourceChanged = input.source !== undefined && input.source !== null;
  const origin = originOf(existing, input.verdict, sourceChanged);
  const chosen = input.source ? [attributionFor(input.source, claim)] : null;
  const base: Annotation = existing
    ? {
        ...existing,
        url: page.url,
        pageTitle: page.title,
        note,
        origin,
        // A highlight given a source is a claim now.
        kind: chosen && existing.kind === 'highlight' ? 'claim' : existing.kind,
        target: keepTarget ? existing.target : { selectors: [...claim.selectors] },
        attributions: chosen ?? (keepTarget ? existing.attributions : claim.attributions),
        updatedAt: stamp,
      }
    : {
        id: (input.newId ?? (() => crypto.randomUUID()))(),
        url: page.url,
        pageTitle: page.title,
        target: { selectors: [...claim.selectors] },
        kind: 'claim',
        attributions: chosen ?? claim.attributions,
        note,
        tags: [],
        origin,
        createdAt: stamp,
        updatedAt: stamp,
      };
  // Omit the key rather than store `verdict: undefined`, so "no verdict" looks the same however it came about.
  const { verdict: _previous, shared: storedShared, ...rest } = base;
  // Private unless ticked: the key is left out rather than stored as false.
  const shared = input.shared ?? storedShared === true;
  const withShare = shared ? { ...rest, shared: true } : rest;
  return verdict ? { ...withShare, verdict } : withShare;
}

function buildVerdict(rating: VerdictRating | null, previous: Verdict | undefined, stamp: string): Verdict | undefined {
  if (rating === null) return undefined;
  if (previous?.rating === rating) return previous;
  return { rating, rationale: previous?.rationale ?? '', ratedAt: stamp };
}
