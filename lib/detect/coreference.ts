/**
 * References back to a source named earlier: pronouns ("he said", "it claimed", "according to
 * him"), definite descriptions ("the agency", "the diplomat said") and short names ("Orekhov said"
 * after "Russian Deputy Foreign Minister Pavel Orekhov"). News names a source once in full and then
 * refers to it briefly; the short form takes the most recent fitting source, if it is recent.
 */
import type { SourceRef, SourceType } from '../model';
import type { Pronoun } from './noun-phrases';

/** How many blocks back a reference may reach: further than that, the writer would name the source again. */
const MAX_BLOCK_DISTANCE = 2;
/** How many recent sources are kept for definite descriptions. */
const MAX_RECENT = 12;

/** A source remembered for later references. */
export type Antecedent = {
  /** The registry entry, or null. */
  source: SourceRef | null;
  /** Display name. */
  label: string;
  /** The source's type. */
  type: SourceType;
  /** The block it was last named in. */
  block: number;
  /** True for a person (he/she refer to these). */
  person: boolean;
  /** The head noun of the words that named it ("agency", "diplomat"), when known. */
  head: string | null;
};

/** A person's grammatical gender, when the text shows it ("spokeswoman", "Mr", a "she" that referred to them). */
export type Gender = 'male' | 'female';

/** A person's full name and type, found by a shorter form of the name. */
export type KnownName = {
  /** The full name ("Pavel Orekhov"). */
  label: string;
  /** The type the full mention gave ("official-person"). */
  type: SourceType;
};

/**
 * Text the detector skipped whose outlets are read only if a reference needs them (see
 * outlet-backlog.ts): most sentences name no source and are never read again.
 */
export type UnreadOutlets = {
  /**
   * The outlet named last in the unread text, looking back no further than block `minBlock`, or
   * null. The unread text is forgotten either way: a later reference reaches no further back.
   */
  takeLatest(minBlock: number): Antecedent | null;
  /** Forget the unread text: an outlet named after it supersedes anything it names. */
  clear(): void;
};

/** What the document has named so far. */
export type DiscourseMemory = {
  /** Recent sources, most recent last. */
  recent: Antecedent[];
  /** People's names by each of their words and by the whole name, lower case. */
  names: Map<string, KnownName>;
  /** The last outlet the text named anywhere (not only as a source), for "the agency"; see `unread`. */
  outlet: Antecedent | null;
  /** Text after `outlet` not yet read for outlets, or null when every sentence was read. */
  unread: UnreadOutlets | null;
  /** People's genders by lower-case label, learned from titles and from pronouns that referred to them. */
  genders: Map<string, Gender>;
};

/** Heads of descriptions that refer back to an outlet ("the agency said", "the broadcaster reported"). */
const OUTLET_HEADS: ReadonlySet<string> = new Set([
  'agency', 'outlet', 'broadcaster', 'newspaper', 'paper', 'daily', 'channel', 'network', 'station', 'tabloid',
  'magazine', 'platform',
]);

/** Heads of descriptions of a statement that stand for whoever made it ("the statement said", "the letter added"). */
const STATEMENT_HEADS: ReadonlySet<string> = new Set([
  'statement', 'letter', 'release', 'filing', 'memo', 'notice', 'communique', 'communiqué', 'readout', 'message',
]);

/**
 * Heads of descriptions that refer back to a named body of a fitting type: "the watchdog" to the
 * Office for Budget Responsibility, "the company" to Veltrix, but never "the company" to a ministry.
 */
const BODY_DESCRIPTIONS: ReadonlyMap<string, readonly SourceType[]> = new Map<string, readonly SourceType[]>([
  ['watchdog', ['government', 'organisation']],
  ['regulator', ['government']],
  ['forecaster', ['government', 'organisation']],
  ['company', ['organisation']],
  ['firm', ['organisation']],
  ['carmaker', ['organisation']],
  ['chipmaker', ['organisation']],
  ['retailer', ['organisation']],
  ['lender', ['organisation']],
  ['insurer', ['organisation']],
  ['airline', ['organisation']],
  ['club', ['organisation']],
  ['union', ['organisation']],
  ['charity', ['organisation']],
]);

const OUTLET_TYPES: ReadonlySet<SourceType> = new Set(['state-media', 'news-agency', 'newspaper-broadcaster', 'social-media']);

/** True for the types of source that "the agency", "the broadcaster" may refer back to: outlets and platforms. */
export function isOutletType(type: SourceType): boolean {
  return OUTLET_TYPES.has(type);
}

/** An empty memory, for the start of a text; `unread` when the caller skips sentences (see `UnreadOutlets`). */
export function emptyMemory(unread: UnreadOutlets | null = null): DiscourseMemory {
  return { recent: [], names: new Map(), outlet: null, unread, genders: new Map() };
}

function recentEnough(a: Antecedent, block: number): boolean {
  return block - a.block <= MAX_BLOCK_DISTANCE;
}

/**
 * The antecedent of `pronoun` in block `block`, or null when none is recent enough. "it" and "they"
 * take the most recent body. "he" and "she" take the most recent person whose gender does not
 * disagree; an unnamed person of unknown gender ("a spokesperson") is passed over for an earlier one
 * known to agree, since a writer who knew an unnamed source's gender would usually have said so.
 */
export function resolvePronoun(memory: DiscourseMemory, pronoun: Pronoun, block: number): Antecedent | null {
  const wantPerson = pronoun === 'he' || pronoun === 'she';
  const want: Gender | null = pronoun === 'he' ? 'male' : pronoun === 'she' ? 'female' : null;
  let fallback: Antecedent | null = null;
  // Should every recent person disagree, the text (or a name list) misled us: take the nearest anyway.
  let nearest: Antecedent | null = null;
  for (let i = memory.recent.length - 1; i >= 0; i -= 1) {
    const a = memory.recent[i];
    if (!a || !recentEnough(a, block)) break;
    if (a.person !== wantPerson) continue;
    if (want === null) return a;
    nearest ??= a;
    const gender = memory.genders.get(a.label.toLowerCase()) ?? null;
    if (gender !== null && gender !== want) continue;
    if (gender === want) return a;
    if (fallback !== null) continue;
    if (a.type !== 'anonymous') return a;
    fallback = a;
  }
  return fallback ?? nearest;
}

/** Record that `label` is a person of `gender` (from a title, or a pronoun that referred to them). */
export function rememberGender(memory: DiscourseMemory, label: string, gender: Gender | null): void {
  if (gender === null) return;
  const key = label.toLowerCase();
  memory.genders.set(key, gender);
  // "Kowalczyk" later is the same person as "Marta Kowalczyk".
  const known = memory.names.get(key);
  if (known) memory.genders.set(known.label.toLowerCase(), gender);
}

/** The gender a pronoun shows of its antecedent. */
export function genderOf(pronoun: Pronoun | null): Gender | null {
  return pronoun === 'he' ? 'male' : pronoun === 'she' ? 'female' : null;
}

/**
 * The antecedent of a definite description with head noun `head` ("the agency", "the diplomat"):
 * the most recent source named with the same head, or for an outlet word the most recent outlet.
 */
export function resolveDefinite(memory: DiscourseMemory, head: string, block: number): Antecedent | null {
  for (let i = memory.recent.length - 1; i >= 0; i -= 1) {
    const a = memory.recent[i];
    if (!a || !recentEnough(a, block)) return null;
    if (a.head === head) return a;
    if (OUTLET_HEADS.has(head) && OUTLET_TYPES.has(a.type) && a.source !== null) return a;
    // "The Met Office said … The forecaster says …": a description of what kind of body it is.
    if (!a.person && BODY_DESCRIPTIONS.get(head)?.includes(a.type)) return a;
    // "The Treasury announced sanctions. … The statement said …": a statement is its author's.
    if (STATEMENT_HEADS.has(head) && a.head !== head && !(a.head !== null && STATEMENT_HEADS.has(a.head))) return a;
  }
  if (!OUTLET_HEADS.has(head)) return null;
  const o = lastOutlet(memory, block);
  return o && recentEnough(o, block) ? o : null;
}

/** The last outlet the text named before block `block` ends, reading skipped text only now that it is needed. */
function lastOutlet(memory: DiscourseMemory, block: number): Antecedent | null {
  const unread = memory.unread?.takeLatest(block - MAX_BLOCK_DISTANCE) ?? null;
  if (unread) memory.outlet = unread;
  return memory.outlet;
}

/** Initials of the capitalised words of a name after any possessive owner ("South Korea's Joint Chiefs of Staff" → "JCS"). */
function initials(label: string): string {
  const words = label.split(/\s+/);
  let from = 0;
  words.forEach((w, i) => {
    if (/['’]s$/.test(w)) from = i + 1;
  });
  return words
    .slice(from)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w.charAt(0))
    .join('');
}

/** The source an acronym stands for: a recent source whose name's initials spell it ("JCS"). */
export function resolveAcronym(memory: DiscourseMemory, acronym: string, block: number): Antecedent | null {
  for (let i = memory.recent.length - 1; i >= 0; i -= 1) {
    const a = memory.recent[i];
    if (!a) continue;
    if (block - a.block > 2 * MAX_BLOCK_DISTANCE) return null;
    if (a.label !== acronym && initials(a.label) === acronym) return a;
  }
  return null;
}

/** Remember an outlet the text names, as a source or not ("Today TASS employs …"). */
export function rememberOutlet(memory: DiscourseMemory, outlet: Antecedent): void {
  if (!OUTLET_TYPES.has(outlet.type)) return;
  memory.outlet = outlet;
  memory.unread?.clear();
}

/** The full name a short name refers to ("Orekhov" → "Pavel Orekhov"), or null. */
export function resolveName(memory: DiscourseMemory, name: string): KnownName | null {
  const known = memory.names.get(name.toLowerCase());
  return known && known.label.toLowerCase() !== name.toLowerCase() ? known : (known ?? null);
}

/** Remember a source named in the text. */
export function remember(memory: DiscourseMemory, antecedent: Antecedent): void {
  memory.recent.push(antecedent);
  if (memory.recent.length > MAX_RECENT) memory.recent.shift();
}

/**
 * Remember a person's full name: later mentions of its first or last word, or of the whole name,
 * resolve to it. A name already known with an official role keeps that type.
 */
export function rememberName(memory: DiscourseMemory, label: string, type: SourceType): void {
  const words = nameWords(label);
  if (words === null) return;
  const lowerLabel = label.toLowerCase();
  // The whole name, then its last and first words; each key once (this runs for every attribution).
  rememberNameAs(memory, lowerLabel, label, lowerLabel, type);
  if (words.count > 1) {
    const last = words.last.toLowerCase();
    const first = words.first.toLowerCase();
    if (last !== lowerLabel) rememberNameAs(memory, last, label, lowerLabel, type);
    if (first !== lowerLabel && first !== last) rememberNameAs(memory, first, label, lowerLabel, type);
  }
}

/** Store `label` under `key`, unless a longer name that contains it is stored there. */
function rememberNameAs(memory: DiscourseMemory, key: string, label: string, lowerLabel: string, type: SourceType): void {
  const existing = memory.names.get(key);
  // A longer name wins over a shorter one already stored under the same key.
  if (existing && existing.label.length > label.length && existing.label.toLowerCase().includes(lowerLabel)) return;
  const known: SourceType = existing?.type === 'official-person' && existing.label === label ? existing.type : type;
  // A name is mostly remembered again as it was: the entry stays, no new one is made.
  if (existing && existing.label === label && existing.type === known) return;
  memory.names.set(key, { label, type: known });
}

/** Whitespace other than a plain space: a label holding any goes the general (regex) way. */
const OTHER_SPACE = /[^\S ]/;

/**
 * The number of whitespace-separated words of `label` and its first and last word, or null when it
 * has none or more than five (not a person's name). Labels are nearly always words and single
 * spaces: those are read without splitting the label into an array.
 */
function nameWords(label: string): { count: number; first: string; last: string } | null {
  if (OTHER_SPACE.test(label)) {
    const words = label.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0 || words.length > 5) return null;
    return { count: words.length, first: words[0] ?? '', last: words[words.length - 1] ?? '' };
  }
  let count = 0;
  let firstStart = -1;
  let firstEnd = -1;
  let lastStart = -1;
  let i = 0;
  const n = label.length;
  while (i < n) {
    while (i < n && label.charCodeAt(i) === 0x20) i += 1;
    if (i >= n) break;
    const start = i;
    while (i < n && label.charCodeAt(i) !== 0x20) i += 1;
    count += 1;
    if (count > 5) return null;
    if (firstStart < 0) {
      firstStart = start;
      firstEnd = i;
    }
    lastStart = start;
  }
  if (count === 0) return null;
  let lastEnd = lastStart;
  while (lastEnd < n && label.charCodeAt(lastEnd) !== 0x20) lastEnd += 1;
  return { count, first: label.slice(firstStart, firstEnd), last: label.slice(lastStart, lastEnd) };
}
