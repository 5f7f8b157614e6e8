/**
 * Reading the noun phrase that names a source, from the words around a cue, without a parser.
 *
 * English news prose puts the source in a few places: before the verb ("South Korea’s spy service
 * said"), after it when inverted (", said the ministry"), after "according to" or "citing". A phrase
 * is read word by word away from the cue until a clause boundary: punctuation, a function word that
 * opens a clause ("that", "what", "as"), an auxiliary, a preposition other than "of" (and "for"/"at"
 * after a role: "a spokesman for the Kremlin"), a determiner (the phrase's left edge), or a quotation.
 * Each read is bounded (MAX_PHRASE words), so the whole pass stays linear.
 */
import { isVerbCue } from './cues';
import { CAMPAIGN_VERBS, DOCUMENT_NOUNS, isPeoplePlural, isPersonNoun, MEMBER_NOUNS, PERSON_ROLES } from './source-type';
import { isAllCaps, type Token } from './tokens';

/** Longest phrase read, in tokens: a source's name is short; more means we are reading a clause. */
export const MAX_PHRASE = 10;

/** A subject pronoun that stands for a source named earlier. */
export type Pronoun = 'he' | 'she' | 'it' | 'they';

/** A phrase: a token range of the sentence. */
export type Phrase = {
  /** First token index. */
  start: number;
  /** Token index after the last token. */
  end: number;
  /** True when the phrase includes an anonymity clause ("who spoke on condition of anonymity"). */
  anonymous: boolean;
  /** The pronoun, when the phrase is a single subject pronoun. */
  pronoun: Pronoun | null;
};

/** A range of tokens that marks a source as deliberately unnamed. */
export type AnonymitySpan = {
  /** First token index. */
  start: number;
  /** Token index after the last. */
  end: number;
};

/** A sentence's anonymity spans, indexed by first and last token for constant-time lookup. */
export type AnonymityIndex = {
  /** Spans by their first token index. */
  byStart: ReadonlyMap<number, AnonymitySpan>;
  /** Spans by their last token index (inclusive). */
  byLast: ReadonlyMap<number, AnonymitySpan>;
};

/** Words that open or join a clause: never part of a source's name. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'what', 'whatever', 'whoever', 'when', 'whenever', 'where',
  'wherever', 'while', 'whilst', 'whereas', 'as', 'because', 'since', 'if', 'unless', 'until', 'although',
  'though', 'but', 'or', 'nor', 'so', 'than', 'then', 'yet', 'whether', 'how', 'why', 'not', 'never',
  'also', 'there', 'here', 'even', 'just', 'only', 'however', 'meanwhile', 'moreover', 'furthermore',
  'therefore', 'thus', 'instead', 'still', 'yesterday', 'today', 'tomorrow', 'tonight', 'now', 'later',
  'earlier', 'again', 'already', 'once', 'too', 'very', 'said', 'says', 'told', 'reportedly', 'allegedly',
  'purportedly', 'supposedly', 'apparently', 'previously', 'recently', 'separately', 'similarly',
  'subsequently', 'initially', 'originally', 'privately', 'publicly', 'officially', 'repeatedly', 'last',
  'next', 'ago', 'during', 'amid', 'despite', 'following', 'including', 'citing', 'quoting',
]);

/** Auxiliary and copular verbs: the verb phrase starts here, so the subject has ended. */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'is', 'was', 'were', 'are', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'having', 'do', 'does',
  'did', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', "it's", "he's",
  "she's", "they're", "won't", "didn't", "doesn't", "don't", "hasn't", "haven't", "wasn't", "weren't",
]);

/** Forms of "be": before a participle cue they make it passive ("was told", "is expected"). */
export const BE_FORMS: ReadonlySet<string> = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'am']);

/** Negation: "did not say" reports no claim. */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not', 'never', "didn't", "doesn't", "don't", "hasn't", "haven't", "won't", "wouldn't", 'no', "n't", 'neither', 'nor',
  'nobody', 'hardly', 'barely', 'scarcely', "wasn't", "weren't", "isn't", "aren't",
]);

/** Adverbs that may sit between a subject and its verb ("has also said", "previously claimed"). */
export const VERB_ADVERBS: ReadonlySet<string> = new Set([
  'also', 'previously', 'already', 'later', 'earlier', 'again', 'repeatedly', 'recently', 'then',
  'further', 'once', 'publicly', 'officially', 'reportedly', 'allegedly', 'separately', 'similarly',
  'subsequently', 'initially', 'first', 'originally', 'privately', 'openly', 'falsely', 'wrongly',
  'correctly', 'immediately', 'quickly', 'swiftly', 'strongly', 'flatly', 'categorically', 'firmly',
  'vehemently', 'still', 'long', 'often', 'frequently', 'routinely', 'consistently', 'now', 'since',
  'purportedly', 'supposedly', 'apparently', 'clearly', 'explicitly', 'directly', 'formally', 'finally',
  'just', 'did', 'does', 'do', 'quietly', 'loudly', 'angrily', 'cautiously', 'confidently', 'bluntly',
  'candidly', 'jokingly', 'tearfully', 'proudly', 'even', 'reportedly', 'widely', 'broadly', 'variously',
  'only', 'had', 'has', 'have', 'each', 'both', 'all', 'jointly', 'together', 'independently', 'likewise',
  'always', 'usually', 'sometimes', 'constantly', 'regularly', 'personally', 'occasionally', 'increasingly',
]);

/** Modal verbs: before a cue they make the speech hypothetical or future ("she will say", "might say"). */
export const MODALS: ReadonlySet<string> = new Set([
  'will', 'would', 'could', 'may', 'might', 'should', 'must', 'can', 'shall', "'ll", "won't", "wouldn't", "couldn't",
]);

/** Subject pronouns, and which of them stand for a source named earlier. */
const SUBJECT_PRONOUNS: ReadonlyMap<string, Pronoun | null> = new Map<string, Pronoun | null>([
  ['he', 'he'],
  ['she', 'she'],
  ['it', 'it'],
  ['they', 'they'],
  // First and second person outside a quotation is the writer or the reader: no source.
  ['i', null],
  ['we', null],
  ['you', null],
]);

/** Object and reflexive pronouns: never a subject. */
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set([
  'him', 'them', 'me', 'us', 'himself', 'herself', 'themselves', 'itself', 'ourselves', 'myself', 'yourself',
]);

/** Determiners: the left edge of a noun phrase. */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'some',
  'several', 'many', 'few', 'both', 'all', 'most', 'each', 'every', 'any', 'other', 'another', 'such',
  'various', 'numerous', 'multiple', 'certain',
]);

/** Prepositions: a phrase ends at one, except the ones a name or a role takes ("of", "for" after a role). */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of', 'for', 'at', 'in', 'on', 'to', 'from', 'by', 'with', 'without', 'about', 'after', 'before',
  'during', 'since', 'over', 'under', 'into', 'onto', 'through', 'against', 'amid', 'among', 'between',
  'across', 'around', 'near', 'via', 'per', 'despite', 'toward', 'towards', 'upon', 'within', 'beyond',
  'behind', 'below', 'above', 'like', 'unlike', 'including', 'throughout', 'off', 'out', 'up', 'down',
]);

/** Groups of people who are placed with "in"/"at" ("analysts in Seoul", "officials at the ministry"). */
const PLACED_PEOPLE: ReadonlySet<string> = new Set([
  'officials', 'sources', 'source', 'people', 'person', 'members', 'staff', 'researchers', 'analysts',
  'experts', 'spokespeople', 'diplomats', 'insiders', 'employees', 'workers', 'executives', 'aides',
  'lawyers', 'economists', 'scientists', 'residents', 'witnesses', 'observers', 'activists', 'doctors',
  // the people a study or poll counted: "a study of 4,000 adults in Spain", "a poll of voters in Ohio"
  'adults', 'children', 'pupils', 'patients', 'women', 'men', 'students', 'participants', 'teenagers',
  'households', 'voters', 'respondents', 'volunteers', 'families', 'parents',
]);

/** Bodies placed with "in" and a place: "the Russian embassy in Paris". */
const PLACED_BODIES: ReadonlySet<string> = new Set([
  'embassy', 'consulate', 'mission', 'office', 'bureau', 'delegation', 'representation', 'branch', 'ministry',
  'authorities', 'authority', 'government', 'administration', 'police', 'forces', 'army', 'military', 'court',
  'prosecutors', 'prosecutor', 'council', 'command', 'headquarters', 'department', 'service', 'services',
]);

/** Roles and bodies that take "for/at/from/with" inside their name ("a spokesman for", "the ministry for"). */
const ROLE_HEADS: ReadonlySet<string> = new Set([
  ...PERSON_ROLES,
  ...PLACED_PEOPLE,
  'ministry', 'office', 'department', 'agency', 'service', 'council', 'committee', 'commission',
]);

/** Prepositions inside proper names: "Centers for Disease Control", "Committee to Protect Journalists", "Doctors Without Borders". */
const NAME_PREPOSITIONS: ReadonlySet<string> = new Set(['for', 'on', 'to', 'against', 'without', 'under', 'de']);

/** Days and months: "Reuters on Monday" is a time adverbial, not part of a name. */
const TIME_NAMES: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Whether the preposition `prep` stays inside a phrase after the word `left` (its base form):
 * "of" almost always; "for/at/from/with" after a role ("a spokesman for the Kremlin"); "in/at" after
 * people ("analysts in Seoul"); "on/in/by/from" after a document ("a post on Telegram", "a report by Yonhap").
 */
function prepositionContinues(prep: string, left: string, rightCap: boolean, leftCap = false, right = '', afterThe = false): boolean {
  if (prep === 'of') return true;
  // Inside a proper name: "Centers for Disease Control", "Institute for the Study of War", "Ministry of …".
  if (leftCap && rightCap && NAME_PREPOSITIONS.has(prep) && !TIME_NAMES.has(right)) return true;
  if ((prep === 'for' || prep === 'at' || prep === 'from' || prep === 'with') && ROLE_HEADS.has(left)) return true;
  if ((prep === 'in' || prep === 'at') && PLACED_PEOPLE.has(left) && (prep === 'at' || rightCap || afterThe)) return true;
  // "Priya from Cardiff wrote in": a first name and where the person is from (vox pops, readers' letters).
  if (prep === 'from' && leftCap && rightCap && !TIME_NAMES.has(right) && !MEMBER_NOUNS.has(left)) return true;
  // "a retired teacher from Kent", "nurses in Leeds": a person placed by a named place.
  // ("Campaigners from Save Northfield Libraries" are members who speak for the group: see memberOfGroup.)
  if ((prep === 'from' || prep === 'in') && rightCap && !MEMBER_NOUNS.has(left) && (isPersonNoun(left) || isPeoplePlural(left))) return true;
  if (prep === 'in' && PLACED_BODIES.has(left) && (rightCap || afterThe)) return true;
  if ((prep === 'on' || prep === 'in' || prep === 'by' || prep === 'from') && DOCUMENT_NOUNS.has(left)) return true;
  return false;
}

/** -ed / -ing words that are adjectives inside a name ("the ruling party", "acting president"). */
const ADJECTIVE_PARTICIPLES: ReadonlySet<string> = new Set([
  'ruling', 'governing', 'leading', 'acting', 'incoming', 'outgoing', 'opposing', 'unnamed', 'unidentified',
  'armed', 'united', 'retired', 'elected', 'appointed', 'detained', 'jailed', 'exiled', 'imprisoned',
  'sanctioned', 'so-called', 'self-proclaimed', 'self-declared', 'russian-installed', 'kremlin-backed',
  'russian-backed', 'iran-backed', 'iranian-backed', 'reporting', 'ageing', 'aging', 'striking', 'working',
  'visiting', 'presiding', 'reigning', 'founding', 'managing', 'supervising', 'investigating', 'polling',
  'broadcasting', 'banking', 'advertising', 'publishing', 'trading', 'shipping', 'financing', 'consulting',
  'intelligence', 'engineering', 'fighting', 'peacekeeping', 'lobbying', 'planning', 'training', 'marketing',
]);

/** Plural heads of groups that speak ("officials", "analysts"): no article goes with them. */
const PLURAL_SOURCES: ReadonlySet<string> = new Set([
  'officials', 'sources', 'authorities', 'analysts', 'experts', 'diplomats', 'people', 'lawmakers',
  'economists', 'investigators', 'prosecutors', 'residents', 'witnesses', 'observers', 'critics',
  'researchers', 'scientists', 'activists', 'leaders', 'executives', 'insiders', 'aides', 'allies',
]);

/** Opening and closing quotation marks, including the straight double quote. */
export const QUOTE_MARKS: ReadonlySet<string> = new Set(['“', '”', '„', '«', '»', '"', '‹', '›']);

/** An object pronoun, unless written in capitals: "US" is the country, "us" the pronoun. */
function isObjectPronoun(t: Token): boolean {
  return OBJECT_PRONOUNS.has(t.lower) && t.text !== t.text.toUpperCase();
}

/** Whether a token is a punctuation token that ends a phrase. Hyphens inside words never get here. */
function isBoundaryPunct(t: Token): boolean {
  return !t.word;
}

/** Nouns in -ing that head a phrase ("a news briefing", "the meeting"). */
const NOUNS_IN_ING: ReadonlySet<string> = new Set([
  'briefing', 'briefings', 'meeting', 'meetings', 'hearing', 'hearings', 'building', 'buildings',
  'gathering', 'evening', 'morning', 'spending', 'funding', 'offering', 'setting', 'wedding', 'opening',
  'warning', 'warnings', 'ruling', 'rulings', 'finding', 'findings', 'bombing', 'shelling', 'killing',
  'killings', 'shooting', 'uprising', 'landing', 'rating', 'ranking', 'housing', 'clothing', 'wording',
  'reading', 'recording', 'recordings', 'filing', 'filings', 'posting', 'listing', 'ending', 'beginning',
  'something', 'nothing', 'anything', 'everything', 'thing', 'things', 'ceiling', 'feeling', 'being',
  'painting', 'building', 'earnings', 'savings', 'proceedings', 'dealings', 'surroundings', 'belongings',
]);

/** True for a lower-case verb-looking word (-ed, -ing) that is not a known adjective. */
function looksLikeVerb(t: Token): boolean {
  if (t.cap || ADJECTIVE_PARTICIPLES.has(t.lower) || NOUNS_IN_ING.has(t.lower)) return false;
  const w = t.lower;
  // "state-linked", "Iran-backed", "long-awaited": a hyphenated participle is a compound adjective.
  if (w.includes('-')) return false;
  if (w.length > 4 && (w.endsWith('ed') || w.endsWith('ing'))) return true;
  return false;
}

/** True for a lower-case adverb in -ly ("recently"), which never belongs to a name. */
function looksLikeAdverb(t: Token): boolean {
  return !t.cap && t.lower.length > 5 && t.lower.endsWith('ly') && !NOUNS_IN_LY.has(t.lower);
}

/** Nouns and adjectives that end in -ly and do belong in a phrase. */
const NOUNS_IN_LY: ReadonlySet<string> = new Set(['family', 'assembly', 'supply', 'monopoly', 'anomaly', 'italy', 'weekly', 'daily', 'monthly', 'quarterly', 'elderly', 'friendly', 'holy', 'early', 'ally', 'rally']);

type Matcher = { first: string; steps: readonly Step[] };
type Step = { words: ReadonlySet<string>; optional: boolean } | { tail: true };

/**
 * Phrases that mark a source as unnamed on purpose. `a|b` alternatives, `x?` optional, `*` a short
 * tail of content words ("the matter", "the Kremlin's thinking").
 */
const ANONYMITY_PATTERNS: readonly string[] = [
  'familiar with *',
  'with direct? knowledge of *',
  'close to *',
  'briefed on *',
  'who spoke on the? condition of anonymity',
  'who spoke anonymously',
  'who requested|requesting anonymity',
  'who asked|requested for? anonymity',
  'who asked|requested not to be named|identified',
  'who declined|refused to be named|identified',
  'who did not want to be named|identified',
  'speaking on the? condition of anonymity',
  'speaking anonymously',
  'on the? condition of anonymity',
  'who was|were|is|are not authorized|authorised to speak|comment|talk publicly?',
  'not authorized|authorised to speak|comment|talk publicly?',
];

function compile(pattern: string): Matcher[] {
  const steps: Step[] = pattern.split(' ').map((part): Step => {
    if (part === '*') return { tail: true };
    const optional = part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    return { words: new Set(body.split('|')), optional };
  });
  const first = steps[0];
  if (!first || 'tail' in first) return [];
  return [...first.words].map((w) => ({ first: w, steps }));
}

const ANONYMITY: ReadonlyMap<string, readonly Matcher[]> = (() => {
  const map = new Map<string, Matcher[]>();
  for (const p of ANONYMITY_PATTERNS) {
    for (const m of compile(p)) {
      const list = map.get(m.first) ?? [];
      list.push(m);
      map.set(m.first, list);
    }
  }
  return map;
})();

/** The end (exclusive) of a `*` tail starting at `i`: 1–4 content words, or -1. */
function tailEnd(tokens: readonly Token[], i: number): number {
  let j = i;
  let content = 0;
  while (j < tokens.length && j - i < 5) {
    const t = tokens[j];
    if (!t || !t.word) break;
    if (STOP_WORDS.has(t.lower) || AUXILIARIES.has(t.lower) || isVerbCue(t.lower) || (PREPOSITIONS.has(t.lower) && t.lower !== 'of')) break;
    if (!DETERMINERS.has(t.lower)) content += 1;
    j += 1;
  }
  // Never end on a determiner or "of".
  while (j > i && (DETERMINERS.has(tokens[j - 1]?.lower ?? '') || tokens[j - 1]?.lower === 'of')) j -= 1;
  return content > 0 && j > i ? j : -1;
}

function matchAt(tokens: readonly Token[], i: number, steps: readonly Step[]): number {
  let j = i;
  for (const step of steps) {
    if ('tail' in step) {
      const e = tailEnd(tokens, j);
      if (e < 0) return -1;
      j = e;
      continue;
    }
    const t = tokens[j];
    if (t && t.word && step.words.has(t.lower)) {
      j += 1;
    } else if (!step.optional) {
      return -1;
    }
  }
  return j;
}

/** Every anonymity span of a sentence outside quotations, not overlapping. Linear. */
export function findAnonymitySpans(tokens: readonly Token[], inQuote: readonly boolean[]): AnonymityIndex {
  // Most sentences hold no span: they share one empty index, and allocate nothing here.
  let index: { byStart: Map<number, AnonymitySpan>; byLast: Map<number, AnonymitySpan> } | null = null;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const matchers = t && t.word && !inQuote[i] ? ANONYMITY.get(t.lower) : undefined;
    let end = -1;
    if (matchers) for (const m of matchers) end = Math.max(end, matchAt(tokens, i, m.steps));
    if (end > i) {
      const span = { start: i, end };
      index ??= { byStart: new Map(), byLast: new Map() };
      index.byStart.set(i, span);
      index.byLast.set(end - 1, span);
      i = end;
    } else {
      i += 1;
    }
  }
  return index ?? NO_ANONYMITY;
}

/** The index of a sentence without anonymity spans (read only, so one is shared). */
const NO_ANONYMITY: AnonymityIndex = { byStart: new Map(), byLast: new Map() };

/** Whether token `i` may be read into a phrase at all. */
function readable(tokens: readonly Token[], inQuote: readonly boolean[], i: number): Token | null {
  const t = tokens[i];
  if (!t || inQuote[i] || isBoundaryPunct(t)) return null;
  return t;
}

/** True for a word in capitals only ("US"), which a name's preposition does not follow ("US for"). */
function isAcronymOnly(t: Token): boolean {
  return isAllCaps(t.text) && t.text.length <= 3;
}

/** Words before "than" and a number inside a phrase ("more than 300 pupils"). */
const COMPARATIVES: ReadonlySet<string> = new Set(['more', 'fewer', 'less']);

/** A word written in capitals ("WHO", "US", "IT") is a name, never a function word. */
function isAcronym(t: Token): boolean {
  return isAllCaps(t.text);
}

/** True for function words that end a phrase: clause openers, auxiliaries, object pronouns, verb cues. */
function endsPhrase(t: Token): boolean {
  if (isAcronym(t)) return false;
  const w = t.lower;
  return STOP_WORDS.has(w) || AUXILIARIES.has(w) || isObjectPronoun(t) || isVerbCue(w);
}

/**
 * The phrase that ends at token `last` (inclusive), read leftwards, never before `lowerBound`.
 * Returns null when no source-like words are there.
 */
export function phraseBefore(
  tokens: readonly Token[],
  inQuote: readonly boolean[],
  last: number,
  lowerBound: number,
  anonymity: AnonymityIndex,
): Phrase | null {
  let j = last;
  let count = 0;
  let anonymous = false;
  let hasCap = false;
  let sawAnd = false;
  while (j >= lowerBound && count < MAX_PHRASE) {
    const t = readable(tokens, inQuote, j);
    if (!t) {
      // A list of names: "X, Telegram and Facebook" (a comma between capitalised names, "and" after).
      const comma = tokens[j];
      if (comma?.text === ',' && !inQuote[j] && sawAnd && tokens[j + 1]?.cap && tokens[j - 1]?.cap && tokens[j - 1]?.word && j > lowerBound) {
        j -= 1;
        count += 1;
        continue;
      }
      break;
    }
    const w = t.lower;
    // "a study of more than 300 pupils": "more than" before a number belongs to the phrase.
    if (w === 'than' && j - 1 > lowerBound && COMPARATIVES.has(tokens[j - 1]?.lower ?? '') && /^[0-9]/.test(tokens[j + 1]?.text ?? '')) {
      j -= 2;
      count += 2;
      continue;
    }
    const span = anonymity.byLast.get(j);
    if (span && span.start >= lowerBound) {
      anonymous = true;
      count += span.end - span.start;
      j = span.start - 1;
      continue;
    }
    const pronoun = isAcronym(t) ? undefined : SUBJECT_PRONOUNS.get(w);
    if (pronoun !== undefined) {
      if (j === last && pronoun !== null) return { start: j, end: j + 1, anonymous: false, pronoun };
      break;
    }
    // "the think tank": "think" is no verb there.
    if (endsPhrase(t) && !(w === 'think' && (tokens[j + 1]?.lower ?? '').startsWith('tank'))) break;
    // "the agency for combating interference": a gerund after "for"/"of" belongs to the phrase.
    const gerundInPhrase = t.lower.endsWith('ing') && (tokens[j - 1]?.lower === 'for' || tokens[j - 1]?.lower === 'of') && j < last;
    if ((looksLikeVerb(t) && !gerundInPhrase) || looksLikeAdverb(t)) break;
    if (PREPOSITIONS.has(w)) {
      if (j === last) break;
      const left = tokens[j - 1];
      if (!left || !left.word) break;
      const nextWord = tokens[j + 1]?.lower === 'the' ? tokens[j + 2] : tokens[j + 1];
      if (prepositionContinues(w, left.base, tokens[j + 1]?.cap === true || (tokens[j + 1]?.lower === 'the' && nextWord?.cap === true), left.cap && !isAcronymOnly(left), nextWord?.lower ?? '', tokens[j + 1]?.lower === 'the')) {
        j -= 1;
        count += 1;
        continue;
      }
      break;
    }
    // "Save Our Parks", "Friends of The Earth": a capitalised determiner inside a name.
    if (DETERMINERS.has(w) && t.cap && j > lowerBound && tokens[j - 1]?.word === true && tokens[j - 1]?.cap === true && tokens[j + 1]?.cap === true && j < last) {
      j -= 1;
      count += 1;
      continue;
    }
    if (DETERMINERS.has(w)) {
      j -= 1;
      count += 1;
      const left = tokens[j];
      // Continue through "of the", "for the" after a role: "the head of the agency".
      if (left && left.word && left.lower === 'of') continue;
      // "Save the Children", "Stop the War Coalition": "the" inside a campaign's name.
      if (w === 'the' && left && left.cap && CAMPAIGN_VERBS.has(left.lower) && tokens[j + 2]?.cap === true) continue;
      // "Xinhua, CCTV and the Global Times": the last name of a list.
      if (w === 'the' && left && left.word && (left.lower === 'and' || left.lower === '&') && hasCap && tokens[j - 1]?.cap === true && tokens[j - 1]?.word === true && j > lowerBound) {
        sawAnd = true;
        j -= 1;
        count += 1;
        continue;
      }
      const leftCap = tokens[j - 1]?.cap === true && tokens[j - 1]?.word === true;
      const rightCap = tokens[j + 1]?.cap === true || (w === 'the' && tokens[j + 2]?.cap === true);
      if (left && left.word && PREPOSITIONS.has(left.lower) && prepositionContinues(left.lower, tokens[j - 1]?.base ?? '', rightCap, leftCap && w === 'the', tokens[j + 2]?.lower ?? '', w === 'the')) continue;
      break;
    }
    if (w === 'and' || w === '&') {
      const left = tokens[j - 1];
      if (hasCap && left && left.word && left.cap && j > lowerBound) {
        sawAnd = true;
        j -= 1;
        count += 1;
        continue;
      }
      break;
    }
    if (t.cap) hasCap = true;
    j -= 1;
    count += 1;
  }
  let start = j + 1;
  // Never start on a preposition or conjunction left over at the edge.
  while (start <= last && (PREPOSITIONS.has(tokens[start]?.lower ?? '') || tokens[start]?.lower === 'and')) start += 1;
  if (start > last) return null;
  // "a move officials said": "a" cannot go with a plural head, so it opens another phrase (a
  // relative clause without "that"). Keep the head and its capitalised modifiers only.
  const article = tokens[start]?.lower;
  const headToken = tokens[last];
  if ((article === 'a' || article === 'an') && headToken && PLURAL_SOURCES.has(headToken.lower) && !anonymous) {
    let cut = last;
    while (cut - 1 > start && tokens[cut - 1]?.cap && tokens[cut - 1]?.word) cut -= 1;
    let hasOf = false;
    for (let i = start; i < last; i += 1) if (tokens[i]?.lower === 'of') hasOf = true;
    if (!hasOf) start = cut;
  }
  if (!hasContent(tokens, start, last + 1)) return null;
  return { start, end: last + 1, anonymous, pronoun: null };
}

/**
 * The phrase that starts at token `first`, read rightwards, never at or past `upperBound`
 * (exclusive). An anonymity clause right after the phrase is taken in ("people familiar with the matter").
 */
export function phraseAfter(
  tokens: readonly Token[],
  inQuote: readonly boolean[],
  first: number,
  upperBound: number,
  anonymity: AnonymityIndex,
): Phrase | null {
  const t0 = readable(tokens, inQuote, first);
  if (!t0 || first >= upperBound) return null;
  const pronoun = SUBJECT_PRONOUNS.get(t0.lower);
  if (pronoun !== undefined) return pronoun === null ? null : { start: first, end: first + 1, anonymous: false, pronoun };
  if (isObjectPronoun(t0)) {
    // "according to him": the object form stands for the same source.
    const p: Pronoun | null = t0.lower === 'him' ? 'he' : t0.lower === 'them' ? 'they' : null;
    return p ? { start: first, end: first + 1, anonymous: false, pronoun: p } : null;
  }
  let j = first;
  let count = 0;
  let anonymous = false;
  while (j < upperBound && count < MAX_PHRASE) {
    const span = anonymity.byStart.get(j);
    if (span && j > first) {
      anonymous = true;
      j = Math.min(span.end, upperBound);
      break;
    }
    const t = readable(tokens, inQuote, j);
    if (!t) break;
    const w = t.lower;
    if (endsPhrase(t) || (SUBJECT_PRONOUNS.has(w) && !isAcronym(t))) break;
    if (j > first && (looksLikeVerb(t) || looksLikeAdverb(t))) break;
    if (PREPOSITIONS.has(w)) {
      const left = tokens[j - 1];
      const right = tokens[j + 1];
      if (j === first || !left || !right || !right.word) break;
      if (!DETERMINERS.has(left.lower) && prepositionContinues(w, left.base, right.cap || tokens[j + 2]?.cap === true, left.cap && (right.cap || (right.lower === 'the' && tokens[j + 2]?.cap === true)), right.lower === 'the' ? (tokens[j + 2]?.lower ?? '') : right.lower)) {
        j += 1;
        count += 1;
        continue;
      }
      break;
    }
    if (w === 'and' || w === '&') {
      const right = tokens[j + 1];
      if (right && right.word && right.cap && tokens[j - 1]?.cap) {
        j += 1;
        count += 1;
        continue;
      }
      break;
    }
    j += 1;
    count += 1;
  }
  let end = j;
  // Never end on a determiner, preposition or conjunction left over at the edge.
  while (end > first && !anonymous) {
    const w = tokens[end - 1]?.lower ?? '';
    if (DETERMINERS.has(w) || PREPOSITIONS.has(w) || w === 'and' || w === '&') end -= 1;
    else break;
  }
  if (end <= first || !hasContent(tokens, first, end)) return null;
  return { start: first, end, anonymous, pronoun: null };
}

/** True when tokens `[start, end)` hold at least one word that is not a determiner or preposition. */
function hasContent(tokens: readonly Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const t = tokens[i];
    if (t && t.word && !DETERMINERS.has(t.lower) && !PREPOSITIONS.has(t.lower) && t.lower !== 'and') return true;
  }
  return false;
}
