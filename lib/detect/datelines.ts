/**
 * Datelines and agency credits at the start of a story ("MOSCOW (Reuters) -", "SEOUL, Jan. 5
 * (Yonhap) --", "MOSCOW, November 12. /TASS/."). They name an agency but attribute nothing: the
 * agency is the story's publisher, not the source of a claim. Attribution reading starts after them.
 */
import { isAllCaps, type Token } from './tokens';

/** Longest place-and-date part read before the credit, in tokens. */
const MAX_PLACE_TOKENS = 12;
/** Longest credit inside the brackets or slashes, in tokens. */
const MAX_CREDIT_TOKENS = 5;

const MONTHS = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
  'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
]);

const DASHES = new Set(['-', '–', '—', '‒', '―']);

/** A word in capitals of at least two letters: the place of a dateline ("MOSCOW", "SAN FRANCISCO"). */
function isCapsWord(t: Token): boolean {
  return t.word && isAllCaps(t.text);
}

function isDatePart(t: Token): boolean {
  return t.word && (MONTHS.has(t.lower) || /^[0-9]{1,4}$/.test(t.text));
}

/**
 * The index of the first token after a dateline at the start of `tokens`, or 0 when there is none.
 * Needs a bracketed or slashed credit, and either a place in capitals before it or a dash after it.
 */
export function datelineEnd(tokens: readonly Token[]): number {
  let i = 0;
  let place = false;
  while (i < tokens.length && i < MAX_PLACE_TOKENS) {
    const t = tokens[i];
    if (!t) break;
    if (isCapsWord(t)) place = true;
    // "MOSCOW/KYIV": two places joined by a slash.
    else if (t.text === '/' && place && tokens[i + 1] !== undefined && isCapsWord(tokens[i + 1] as Token)) place = true;
    // "KYIV, Ukraine (AP)": the country after the city, in ordinary case.
    else if (place && t.word && t.cap && tokens[i - 1]?.text === ',') place = true;
    else if (!(isDatePart(t) || t.text === ',' || t.text === '.')) break;
    i += 1;
  }
  // "WASHINGTON — The Pentagon said …": a place in capitals and a dash, with no credit.
  if (place && i > 0 && DASHES.has(tokens[i]?.text ?? '') && tokens.slice(0, i).every((t) => !t.word || isCapsWord(t) || isDatePart(t) || t.cap)) {
    let j = i;
    while (j < tokens.length && DASHES.has(tokens[j]?.text ?? '')) j += 1;
    return j;
  }
  const open = tokens[i];
  if (!open || (open.text !== '(' && open.text !== '/')) return 0;
  const close = open.text === '(' ? ')' : '/';
  let j = i + 1;
  while (j < tokens.length && j - i - 1 <= MAX_CREDIT_TOKENS && tokens[j]?.word) j += 1;
  if (j === i + 1 || tokens[j]?.text !== close) return 0;
  j += 1;
  let dash = false;
  while (j < tokens.length && (DASHES.has(tokens[j]?.text ?? '') || tokens[j]?.text === '.' || tokens[j]?.text === ':')) {
    if (DASHES.has(tokens[j]?.text ?? '')) dash = true;
    j += 1;
  }
  return place || dash ? j : 0;
}
