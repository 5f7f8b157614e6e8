/**
 * Stable ids for sources. A source the registry does not know still needs an id the popup and the
 * store can key on (a rating of "American authorities" must find the same source next time), and
 * the same words must always give the same id.
 */

/** Longest slug kept: ids are keys, not descriptions. */
const MAX_SLUG = 80;

/** The id of a label with no letters or digits at all, so an id is never empty. */
export const FALLBACK_SOURCE_ID = 'unnamed-source';

/**
 * The slug of a source's name: lower case, accents dropped, apostrophes removed (including the
 * left quote some sites use as one: "Korea‘s"), every other run of non-alphanumeric characters
 * turned into one hyphen. "American authorities" → "american-authorities", "South Korea’s spy
 * service" → "south-koreas-spy-service". Letters of other scripts are kept ("ТАСС" → "тасс",
 * Hangul syllables stay whole). Never empty.
 */
export function sourceIdFor(label: string): string {
  const slug = label
    .slice(0, 4 * MAX_SLUG)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Recompose: NFKD splits Hangul syllables into jamo, which are letters, not marks.
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’‘ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-/, '')
    .replace(/-$/, '');
  return slug.length > 0 ? slug : FALLBACK_SOURCE_ID;
}
