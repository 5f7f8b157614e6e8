/**
 * Names the document introduces, read from every sentence (claim or not), so later short forms
 * resolve: an acronym defined in brackets ("the Joint Chiefs of Staff (JCS)") and a person named
 * with a title ("Russian Deputy Foreign Minister Pavel Orekhov", later "Orekhov").
 */
import type { SourceType } from '../model';
import { guessSourceType, isOfficialRole, isRole, type PhraseWord } from './source-type';
import { isAllCaps, type Token } from './tokens';

/** A name the document defined itself: "the Joint Chiefs of Staff (JCS)" makes "JCS" mean it. */
export type LocalName = {
  /** The full name. */
  label: string;
  /** Its guessed type. */
  type: SourceType;
};

/** A person the document names with a title. */
export type TitledName = {
  /** The name without the title ("Pavel Orekhov"). */
  label: string;
  /** `official-person` for an office ("minister"), `other` for a profession ("analyst"). */
  type: SourceType;
};


function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function words(tokens: readonly Token[], start: number, end: number): PhraseWord[] {
  const out: PhraseWord[] = [];
  for (let i = start; i < end; i += 1) {
    const t = tokens[i];
    if (t && t.word) out.push({ base: t.base, cap: t.cap, acronym: isAllCaps(t.text), possessive: t.lower !== t.base });
  }
  return out;
}

/**
 * Acronyms a sentence defines: "The Joint Chiefs of Staff (JCS)" → JCS = "Joint Chiefs of Staff".
 * The acronym's letters must be the initials of the name's capitalised words, in order.
 */
export function findLocalNames(text: string, tokens: readonly Token[]): Map<string, LocalName> {
  const out = new Map<string, LocalName>();
  for (let i = 2; i + 2 < tokens.length; i += 1) {
    const open = tokens[i];
    const acr = tokens[i + 1];
    const close = tokens[i + 2];
    if (open?.text !== '(' || close?.text !== ')' || !acr || !isAllCaps(acr.text) || acr.text.length > 8) continue;
    const letters = acr.text.replace(/[^A-Z]/g, '');
    // Read the name backwards, matching initials of capitalised words; small words may sit between.
    let k = letters.length - 1;
    let j = i - 1;
    let start = -1;
    while (j >= 0 && k >= 0 && i - j <= 12) {
      const t = tokens[j];
      if (!t || !t.word) break;
      if (t.cap) {
        if (t.text.charAt(0) !== letters.charAt(k)) break;
        k -= 1;
        start = j;
      } else if (!(t.lower === 'of' || t.lower === 'for' || t.lower === 'and' || t.lower === 'on' || t.lower === 'the')) {
        break;
      }
      j -= 1;
    }
    if (k >= 0 || start < 0) continue;
    const first = tokens[start];
    const last = tokens[i - 1];
    if (!first || !last) continue;
    out.set(acr.text, { label: normaliseSpace(text.slice(first.start, last.end)), type: guessSourceType(words(tokens, start, i)) });
  }
  return out;
}

/**
 * People named after a title: "Deputy Foreign Minister Pavel Orekhov", "Regional Gov. Oleh
 * Marchenko", "analyst Maria Snegovaya". One pass; each title reads at most four name words.
 */
export function findTitledNames(text: string, tokens: readonly Token[]): TitledName[] {
  const out: TitledName[] = [];
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const t = tokens[i];
    if (!t || !t.word || !isRole(t.base)) continue;
    // "The union's general secretary, Mick Lynch, said": the name may follow in commas.
    const commaName = tokens[i + 1]?.text === ',' && tokens[i + 2]?.cap === true;
    const nameStart = commaName ? i + 2 : i + 1;
    let j = nameStart;
    while (j < tokens.length && j - nameStart < 4) {
      const u = tokens[j];
      if (!u || !u.word || !u.cap || isAllCaps(u.text) || isRole(u.base) || u.lower !== u.base) break;
      j += 1;
    }
    // A possessive name ends it too ("Minister Lavrov's visit"): count it in.
    const poss = tokens[j];
    if (poss && poss.word && poss.cap && poss.lower !== poss.base && j - nameStart < 4) j += 1;
    if (j === nameStart) continue;
    const first = tokens[nameStart];
    const last = tokens[j - 1];
    if (!first || !last) continue;
    const cut = last.end - (last.lower.length - last.base.length);
    out.push({ label: normaliseSpace(text.slice(first.start, cut)), type: isOfficialRole(t.base) ? 'official-person' : 'other' });
    i = j - 1;
  }
  return out;
}
