/** Turns what the user typed on a claim card into the Annotation to store. Pure but for the default id source. */
import type { Annotation, AnnotationOrigin, Verdict, VerdictRating } from '../model';
import type { PageClaim } from '../messages';

/** Everything `buildAnnotation` needs. */
export type AnnotationInput = {
  /** The detected claim the annotation is about. */
  claim: PageClaim;
  /** The stored annotation for this claim, when there is one (see `findAnnotationForClaim`). */
  existing: Annotation | undefined;
  /** The note as typed. */
  note: string;
  /** The chosen verdict, or null for none. */
  verdict: VerdictRating | null;
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
 * The annotation to save for a claim.
 *
 * New: `kind: 'claim'`, `origin: 'confirmed'` (a person kept a machine suggestion), a fresh UUID,
 * the claim's selectors and attributions, `createdAt` = `updatedAt` = now.
 *
 * Update: keeps id, createdAt, tags and kind. A `detected` or `confirmed` annotation becomes
 * `confirmed` and takes the claim's current selectors and attributions (the latest anchoring);
 * a `corrected` or `manual` one keeps its own, since a person chose them over the detector's.
 * The verdict keeps its rationale and time when its rating did not change, so saving a note
 * does not re-date a verdict. (`saveAnnotation` stamps `updatedAt` again; it is set here so the
 * value is a complete Annotation on its own.)
 */
export function buildAnnotation(input: AnnotationInput): Annotation {
  const { claim, existing, note, page, now } = input;
  const stamp = now.toISOString();
  const verdict = buildVerdict(input.verdict, existing?.verdict, stamp);
  const keepTarget = existing !== undefined && HUMAN_AUTHORED.includes(existing.origin);
  const base: Annotation = existing
    ? {
        ...existing,
        url: page.url,
        pageTitle: page.title,
        note,
        origin: keepTarget ? existing.origin : 'confirmed',
        target: keepTarget ? existing.target : { selectors: [...claim.selectors] },
        attributions: keepTarget ? existing.attributions : claim.attributions,
        updatedAt: stamp,
      }
    : {
        id: (input.newId ?? (() => crypto.randomUUID()))(),
        url: page.url,
        pageTitle: page.title,
        target: { selectors: [...claim.selectors] },
        kind: 'claim',
        attributions: claim.attributions,
        note,
        tags: [],
        origin: 'confirmed',
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
