/**
 * The id an unresolved source gets: a slug of its label.
 *
 * Stop-gap: lib/detect has no `sourceIdFor` yet. When it lands, this should become a re-export
 * of it, because the popup stores a rated unresolved source under this id and detection must
 * produce the same id for it to find the rating again.
 */

/** Used when a label has no letters or digits at all, so the id is never empty. */
export const FALLBACK_SOURCE_ID = 'unnamed-source';

/**
 * Slug of a source label: lower case, accents dropped, apostrophes removed, every other run of
 * non-letters/digits turned into one hyphen. Letters of any script are kept (a Korean or Cyrillic
 * name must not collapse to an empty id). `"South Korea’s spy service"` → `south-koreas-spy-service`.
 */
export function sourceSlug(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Recompose: NFKD splits Hangul syllables into jamo, which are letters, not marks.
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || FALLBACK_SOURCE_ID;
}
