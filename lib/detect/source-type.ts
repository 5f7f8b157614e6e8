/**
 * Guessing what kind of source unresolved words name ("American authorities" → government), and
 * whether they name a person. Word lists plus a head-noun rule: in English the last noun of a
 * phrase decides what it is ("South Korea’s spy *service*"), its modifiers refine it ("*state* media").
 */
import type { SourceType } from '../model';

/**
 * Roles of people. Named, an official role gives `official-person` ("Governor Vyacheslav
 * Gladkov"); an expert role gives `other` ("Maria Snegovaya, a senior fellow"). Unnamed and
 * indefinite ("a senior diplomat") either is `anonymous`.
 */
export const PERSON_ROLES: ReadonlySet<string> = new Set([
  'president', 'vice-president', 'minister', 'premier', 'chancellor', 'governor', 'mayor', 'spokesman',
  'spokeswoman', 'spokesperson', 'ambassador', 'envoy', 'diplomat', 'secretary', 'senator', 'lawmaker',
  'legislator', 'congressman', 'congresswoman', 'mp', 'general', 'commander', 'admiral', 'colonel',
  'official', 'chief', 'leader', 'member', 'king', 'queen', 'prince', 'emperor', 'deputy', 'adviser', 'advisor',
  'aide', 'director', 'head', 'representative', 'chairman', 'chairwoman', 'chair', 'ceo', 'founder',
  'prosecutor', 'judge', 'attorney', 'lawyer', 'professor', 'analyst', 'economist', 'researcher',
  'expert', 'scientist', 'correspondent', 'reporter', 'journalist', 'editor', 'author', 'commissioner',
  'spokespeople', 'officer', 'sheriff', 'pope', 'cleric', 'patriarch', 'coach', 'manager', 'executive',
  'strategist', 'negotiator', 'mediator', 'inspector', 'investigator', 'doctor', 'witness', 'resident',
  'speaker', 'whip', 'secretary-general', 'vice-chairman', 'governor-general', 'ombudsman', 'auditor',
  'councillor', 'councilor', 'delegate', 'consul', 'attaché', 'chargé', 'dean', 'rector', 'fellow',
]);

/** Roles that are not offices: a named expert or professional speaks as a private person (`other`). */
const EXPERT_ROLES: ReadonlySet<string> = new Set([
  'professor', 'analyst', 'economist', 'researcher', 'expert', 'scientist', 'correspondent', 'reporter',
  'journalist', 'editor', 'author', 'fellow', 'lawyer', 'attorney', 'doctor', 'witness', 'resident',
  'strategist', 'coach', 'manager', 'founder', 'investigator', 'dean', 'rector', 'auditor',
]);

/** Abbreviated titles ("Gov.", "Col.", "Dr."): they end a name when read backwards; the official ones are roles. */
const TITLE_ABBREVIATIONS: ReadonlyMap<string, boolean> = new Map([
  ['gov.', true], ['gen.', true], ['col.', true], ['sen.', true], ['rep.', true], ['lt.', true],
  ['capt.', true], ['adm.', true], ['maj.', true], ['sgt.', true], ['amb.', true], ['brig.', true],
  ['cpl.', true], ['supt.', true], ['insp.', true], ['det.', true], ['hon.', true],
  ['dr.', false], ['prof.', false], ['mr.', false], ['mrs.', false], ['ms.', false], ['mx.', false], ['rev.', false],
  ['jr.', false], ['sr.', false],
]);

/**
 * Singular nouns for people who are quoted in their own name, not for an institution ("a survivor
 * told Sky News"): persons, typed `other`.
 */
const ORDINARY_PEOPLE: ReadonlySet<string> = new Set([
  'survivor', 'victim', 'relative', 'neighbour', 'neighbor', 'passenger', 'soldier', 'student',
  'teacher', 'worker', 'farmer', 'villager', 'local', 'mother', 'father', 'son', 'daughter', 'wife',
  'husband', 'friend', 'colleague', 'singer', 'actor', 'actress', 'artist', 'influencer', 'blogger',
  'celebrity', 'athlete', 'player', 'footballer', 'star', 'rapper', 'musician', 'writer', 'novelist',
  'activist', 'campaigner', 'protester', 'volunteer', 'nurse', 'medic', 'paramedic', 'driver', 'pilot',
  'owner', 'shopkeeper', 'employee', 'veteran', 'defector', 'refugee', 'eyewitness', 'bystander',
  'businessman', 'businesswoman', 'entrepreneur', 'billionaire', 'fan', 'user', 'customer', 'man',
  'woman', 'boy', 'girl', 'teenager', 'citizen', 'voter', 'priest', 'monk', 'imam', 'rabbi', 'sister',
  'brother', 'aunt', 'uncle', 'cousin', 'niece', 'nephew', 'widow', 'widower', 'grandson',
  'granddaughter', 'grandmother', 'grandfather', 'partner', 'fiancé', 'fiancee', 'girlfriend', 'boyfriend',
  'engineer', 'official',
]);

/** Plural forms of the roles ("spokesmen", "ministers"): a group of officials. */
const PLURAL_ROLES: ReadonlySet<string> = new Set([
  'spokesmen', 'spokeswomen', 'spokespersons', 'ministers', 'governors', 'presidents', 'ambassadors',
  'envoys', 'commanders', 'generals', 'chiefs', 'heads', 'directors', 'advisers', 'advisors', 'deputies',
  'representatives', 'senators', 'mayors', 'negotiators', 'inspectors', 'judges', 'attorneys',
  'commissioners', 'secretaries', 'delegates', 'councillors', 'councilors',
]);

/**
 * Every word `isRole` accepts on its own, lower case: the roles and the official title
 * abbreviations without their dot ("gov"). (Compounds are accepted through their parts.) The
 * prefilter (prefilter.ts) looks for these, so it never misses a sentence that names someone.
 */
export const ROLE_WORDS: readonly string[] = [
  ...PERSON_ROLES,
  ...[...TITLE_ABBREVIATIONS].filter(([, official]) => official).map(([abbreviation]) => abbreviation.slice(0, -1)),
];

/**
 * True when `base` (lower case) is a role: "minister", and the parts of compounds such as
 * "director-general" or "vice-president".
 */
export function isRole(base: string): boolean {
  if (PERSON_ROLES.has(base)) return true;
  const last = base.charCodeAt(base.length - 1);
  if (last === 46 /* "." */) return TITLE_ABBREVIATIONS.get(base) === true;
  if (!base.includes('-')) return false;
  return base.split('-').some((part) => PERSON_ROLES.has(part));
}

/** True when `base` is an office ("minister", "Gov.") rather than a profession ("analyst"). */
export function isOfficialRole(base: string): boolean {
  if (TITLE_ABBREVIATIONS.has(base)) return TITLE_ABBREVIATIONS.get(base) === true;
  return isRole(base) && !EXPERT_ROLES.has(base) && !base.split('-').some((p) => EXPERT_ROLES.has(p));
}

/** True when `base` is the plural head of a group that speaks ("officials", "analysts", "spokesmen"). */
export function isPluralSource(base: string): boolean {
  return PEOPLE_GROUPS.has(base) || PLURAL_ROLES.has(base) || ORGANISATION_GROUPS.has(base) || base === 'officials' || base === 'authorities' || base === 'sources';
}

/** Plural nouns for groups of people who are quoted ("analysts said"). */
const PEOPLE_GROUPS: ReadonlySet<string> = new Set([
  'analysts', 'experts', 'economists', 'researchers', 'scientists', 'witnesses', 'residents', 'locals',
  'observers', 'activists', 'campaigners', 'critics', 'supporters', 'aides', 'allies', 'lawyers',
  'doctors', 'medics', 'rescuers', 'investigators', 'lawmakers', 'legislators', 'senators',
  'diplomats', 'officers', 'soldiers', 'troops', 'commanders', 'people', 'voters', 'protesters',
  'organisers', 'organizers', 'executives', 'employees', 'workers', 'farmers', 'families', 'relatives',
  'survivors', 'victims', 'users', 'others', 'leaders', 'members', 'staff', 'students', 'teachers',
  'journalists', 'reporters', 'bloggers', 'historians', 'academics', 'scholars', 'insiders', 'engineers',
  'officials', 'investors', 'traders', 'economists', 'parents', 'citizens', 'locals', 'villagers',
  'commentators', 'pundits', 'specialists', 'veterans', 'refugees', 'defectors', 'hackers', 'scientists',
]);

/** Plural heads of companies and the like: "insurers fear", "lenders expect" (`organisation`). */
const ORGANISATION_GROUPS: ReadonlySet<string> = new Set([
  'insurers', 'banks', 'lenders', 'companies', 'firms', 'carmakers', 'automakers', 'airlines', 'retailers',
  'manufacturers', 'producers', 'exporters', 'importers', 'utilities', 'brokers', 'funds', 'shipowners',
  'shippers', 'suppliers', 'distributors', 'operators', 'businesses', 'employers', 'unions', 'charities',
  'ngos', 'agencies', 'organisations', 'organizations', 'groups', 'rating', 'automaker', 'chipmakers',
]);

/** Heads that name a government body or its people. */
const GOVERNMENT_HEADS: ReadonlySet<string> = new Set([
  'government', 'governments', 'authorities', 'authority', 'administration', 'ministry', 'ministries',
  'staff', 'services', 'kremlin', 'pentagon', 'cabinet', 'parliament', 'congress', 'senate', 'police', 'military',
  'army', 'navy', 'embassy', 'consulate', 'regime', 'junta', 'presidency', 'mofa', 'state', 'states',
  'prosecutor', 'regulator', 'regulators', 'court', 'courts', 'judiciary', 'forces', 'command', 'guards',
  'intelligence', 'department', 'office', 'bureau', 'directorate', 'council', 'assembly', 'legislature',
  'duma', 'knesset', 'bundestag', 'commission', 'inspectorate', 'coastguard', 'gendarmerie', 'mission',
  'delegation', 'headquarters', 'secretariat', 'force', 'chiefs', 'guard', 'corps', 'kremlin',
  'ministries', 'prosecutors', 'municipality', 'prefecture', 'province', 'region', 'city', 'county',
]);

/** Modifiers that make an `agency`/`service` a government one ("spy service", "intelligence agency"). */
const GOVERNMENT_MODIFIERS: ReadonlySet<string> = new Set([
  'spy', 'intelligence', 'security', 'border', 'emergency', 'emergencies', 'federal', 'secret', 'customs',
  'tax', 'space', 'defence', 'defense', 'foreign', 'interior', 'national', 'state', 'government',
  'military', 'police', 'health', 'environment', 'environmental', 'immigration', 'statistics',
  'statistical', 'meteorological', 'weather', 'nuclear', 'central',
]);

/** Media heads: the outlet kind of source. */
const MEDIA_HEADS: ReadonlySet<string> = new Set([
  'media', 'television', 'tv', 'broadcaster', 'broadcasters', 'newspaper', 'newspapers', 'paper', 'daily',
  'weekly', 'tabloid', 'magazine', 'radio', 'outlet', 'outlets', 'channel', 'network', 'website', 'site',
  'publication', 'press', 'news', 'agency', 'agencies', 'wire', 'service', 'station', 'broadcast',
  'portal', 'journal', 'programme', 'program', 'show', 'podcast', 'bulletin',
]);

/** Social-media words: a person's account or post is its own kind of channel. */
const SOCIAL_HEADS: ReadonlySet<string> = new Set([
  'account', 'accounts', 'post', 'posts', 'tweet', 'tweets', 'blog', 'vlog', 'feed', 'handle', 'profile',
  'page', 'livestream', 'stream', 'message', 'messages',
]);

/** Heads that name an organisation (not a state body). */
const ORGANISATION_HEADS: ReadonlySet<string> = new Set([
  'company', 'companies', 'firm', 'firms', 'group', 'groups', 'organisation', 'organization', 'association',
  'union', 'unions', 'party', 'parties', 'ngo', 'ngos', 'charity', 'institute', 'university', 'foundation',
  'committee', 'federation', 'league', 'alliance', 'bank', 'banks', 'corporation', 'corp', 'inc', 'ltd',
  'llc', 'plc', 'watchdog', 'monitor', 'observatory', 'coalition', 'movement', 'network', 'centre',
  'center', 'club', 'society', 'council', 'board', 'fund', 'operator', 'manufacturer', 'maker', 'producer',
  'airline', 'carrier', 'insurer', 'lender', 'exchange', 'campaign', 'church', 'school', 'hospital',
  'team', 'consultancy', 'think-tank', 'tank', 'lab', 'laboratory', 'opposition', 'rebels', 'militants',
  'carmaker', 'automaker', 'chipmaker', 'drugmaker', 'retailer', 'developer', 'broker', 'utility', 'miner',
  'supplier', 'giant', 'conglomerate', 'startup', 'start-up', 'subsidiary', 'parent', 'owner', 'insurer',
  'insurgents', 'separatists', 'militia', 'militias', 'faction', 'wing', 'brigade', 'battalion',
]);

/** Words that mark a source as unnamed on purpose. */
const ANONYMOUS_WORDS: ReadonlySet<string> = new Set([
  'source', 'sources', 'insider', 'insiders', 'unnamed', 'anonymous', 'unidentified',
]);

/** Documents and data: what a report or a study says is attributed to the document. */
export const DOCUMENT_HEADS: ReadonlySet<string> = new Set([
  'statement', 'statements', 'report', 'reports', 'document', 'documents', 'letter', 'article', 'post',
  'video', 'message', 'memo', 'readout', 'transcript', 'filing', 'filings', 'release', 'study', 'studies',
  'survey', 'poll', 'polls', 'data', 'figures', 'analysis', 'assessment', 'footage', 'website', 'page',
  'account', 'channel', 'feed', 'broadcast', 'bulletin', 'dispatch', 'communique', 'communiqué', 'notice',
  'records', 'record', 'estimate', 'estimates', 'statistics', 'research', 'review', 'audit', 'investigation',
  'findings', 'paper', 'tweet', 'interview', 'speech', 'address', 'announcement', 'briefing', 'summary',
  'minutes', 'cable', 'email', 'emails', 'note', 'documents', 'leaflet', 'editorial', 'commentary',
  'op-ed', 'column', 'indictment', 'complaint', 'lawsuit', 'ruling', 'verdict', 'forecast', 'projection',
  'projections', 'census', 'index', 'map', 'images', 'photos', 'photographs', 'reporting', 'coverage',
  'sheet', 'factsheet', 'fact-sheet', 'tally', 'count', 'numbers', 'calculations', 'database', 'registry',
  'log', 'logs', 'timeline', 'website', 'portal', 'notification', 'directive', 'decree', 'resolution',
  'testimony', 'deposition', 'affidavit', 'invoice', 'contract', 'presentation', 'slides', 'manifest',
]);

/**
 * Countries and capitals used as the name of their government ("Moscow said", "Russia claimed").
 * Lower case, multi-word names joined by a space; the head-noun check looks at the whole phrase.
 */
const PLACES: ReadonlySet<string> = new Set([
  'russia', 'ukraine', 'china', 'taiwan', 'japan', 'india', 'pakistan', 'iran', 'iraq', 'syria', 'israel',
  'turkey', 'türkiye', 'egypt', 'france', 'germany', 'britain', 'italy', 'spain', 'poland', 'belarus',
  'georgia', 'armenia', 'azerbaijan', 'kazakhstan', 'afghanistan', 'lebanon', 'jordan', 'qatar', 'yemen',
  'libya', 'sudan', 'ethiopia', 'nigeria', 'kenya', 'brazil', 'mexico', 'canada', 'australia', 'vietnam',
  'philippines', 'indonesia', 'malaysia', 'thailand', 'myanmar', 'cuba', 'venezuela', 'hungary', 'serbia',
  'moldova', 'lithuania', 'latvia', 'estonia', 'finland', 'sweden', 'norway', 'denmark', 'netherlands',
  'belgium', 'austria', 'switzerland', 'greece', 'romania', 'bulgaria', 'czechia', 'slovakia', 'mongolia',
  'korea', 'north korea', 'south korea', 'dprk', 'prc', 'us', 'usa', 'u.s', 'u.s.', 'uk',
  'united states', 'united kingdom', 'saudi arabia', 'united arab emirates', 'uae', 'south africa',
  'new zealand', 'the north', 'the south', 'washington', 'moscow', 'kyiv', 'kiev', 'beijing', 'seoul',
  'pyongyang', 'tokyo', 'tehran', 'london', 'paris', 'berlin', 'brussels', 'ankara', 'jerusalem',
  'riyadh', 'new delhi', 'delhi', 'islamabad', 'kabul', 'damascus', 'baghdad', 'cairo', 'minsk', 'warsaw',
  'taipei', 'hanoi', 'manila', 'ottawa', 'canberra', 'rome', 'madrid', 'budapest', 'tbilisi', 'yerevan',
  'baku', 'doha', 'beirut', 'caracas', 'havana', 'brasilia', 'canberra', 'the kremlin', 'kremlin',
  'white house', 'the white house', 'downing street', 'whitehall', 'elysee', 'élysée', 'pentagon',
  'the pentagon', 'state department', 'the state department',
]);

/** Organisations known by acronym or name that are not governments: the usual quoted bodies. */
const ORGANISATIONS: ReadonlySet<string> = new Set([
  'nato', 'who', 'imf', 'iaea', 'opec', 'unicef', 'unhcr', 'wto', 'icrc', 'osce', 'asean', 'g7', 'g20',
  'red cross', 'amnesty', 'amnesty international', 'human rights watch', 'world bank', 'greenpeace',
  'oxfam', 'unesco', 'interpol', 'icc', 'un security council', 'security council', 'un', 'united nations',
  'eu', 'european union', 'european commission', 'african union', 'hamas', 'hezbollah', 'taliban',
]);

/** Determiners, quantifiers and numbers that open a phrase; not part of a source's name. */
export const LEADING_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'one', 'two',
  'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'some', 'several', 'many', 'few', 'both',
  'all', 'most', 'each', 'another', 'other', 'various', 'numerous', 'multiple', 'certain', 'dozens', 'hundreds',
]);

/** Leading words that make a phrase indefinite: "a senior diplomat", "one blogger", "two sources". */
const INDEFINITE: ReadonlySet<string> = new Set([
  'a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'some', 'several',
  'many', 'few', 'another', 'various', 'numerous', 'multiple', 'certain', 'dozens', 'hundreds', 'other',
]);

/** Institution heads whose type follows their owner or modifiers ("UN's humanitarian office", "National Meteorological Centre"). */
const INSTITUTION_HEADS: ReadonlySet<string> = new Set([
  'office', 'centre', 'center', 'bureau', 'institute', 'service', 'committee', 'council', 'commission',
  'board', 'agency', 'staff', 'department', 'directorate', 'secretariat', 'mission', 'delegation', 'unit',
]);

/** Name particles that may sit inside a capitalised name ("Osama bin Laden", "Ursula von der Leyen"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'bin', 'ibn', 'al', 'el', 'de', 'del', 'della', 'der', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'dos', 'das',
  'ten', 'ter', 'den', 'op', 'zu', 'bint', 'abu', 'st',
]);

/** The words of a phrase, lower case, without a possessive, for lookup. */
export type PhraseWord = {
  /** Lower case, apostrophes folded, possessive removed. */
  base: string;
  /** Capitalised in the text. */
  cap: boolean;
  /** Written all in capitals ("NATO", "UN"). */
  acronym: boolean;
  /** Ends in a possessive ("Russia's"). */
  possessive?: boolean;
};

/** Quantifiers that head a partitive: "two *of* the people", "some of the analysts". */
const PARTITIVES: ReadonlySet<string> = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'some', 'several', 'many',
  'most', 'all', 'none', 'each', 'both', 'few', 'any', 'majority', 'dozens', 'hundreds', 'half', 'rest',
]);

/**
 * The head of a phrase: its last word before "of"/"for"/"at"/"from" or a relative clause. In a
 * partitive ("two of the people") the head is what follows "of".
 */
export function headIndex(words: readonly PhraseWord[]): number {
  let end = words.length;
  for (let i = 1; i < words.length; i += 1) {
    const w = words[i]?.base;
    if (w === 'of' && PARTITIVES.has(words[i - 1]?.base ?? '') && i + 1 < words.length) {
      const rest = headIndex(words.slice(i + 1).filter((x, k) => !(k === 0 && LEADING_WORDS.has(x.base))));
      const offset = LEADING_WORDS.has(words[i + 1]?.base ?? '') ? i + 2 : i + 1;
      return offset + rest;
    }
    if (w === 'of' || w === 'for' || w === 'at' || w === 'from' || w === 'who' || w === 'familiar' || w === 'with' || w === 'close' || w === 'in' || w === 'on' || w === 'speaking') {
      end = i;
      break;
    }
  }
  return Math.max(0, end - 1);
}

function joined(words: readonly PhraseWord[]): string {
  return words.map((w) => w.base).join(' ');
}

/** The words after any leading determiners, quantifiers and numbers. */
function content(words: readonly PhraseWord[]): PhraseWord[] {
  let i = 0;
  while (i < words.length - 1 && (LEADING_WORDS.has(words[i]?.base ?? '') || /^[0-9]/.test(words[i]?.base ?? ''))) i += 1;
  return words.slice(i);
}

/** The first words of a set of names, so most phrases are ruled out before their words are joined. */
function firstWords(names: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...names].map((name) => name.split(' ')[0] ?? name));
}

const PLACE_FIRST_WORDS = firstWords(PLACES);
const ORGANISATION_FIRST_WORDS = firstWords(ORGANISATIONS);

/** True when the phrase is only a known place name (a country or capital standing for its government). */
export function isPlaceName(words: readonly PhraseWord[]): boolean {
  const c = content(words);
  return c.length > 0 && PLACE_FIRST_WORDS.has(c[0]?.base ?? '') && PLACES.has(joined(c));
}

/** True when the phrase is only a known organisation's name ("NATO", "Red Cross"). */
function isOrganisationName(words: readonly PhraseWord[]): boolean {
  const c = content(words);
  return c.length > 0 && ORGANISATION_FIRST_WORDS.has(c[0]?.base ?? '') && ORGANISATIONS.has(joined(c));
}

/** True for a word that can be part of a person's name (capitalised, not an acronym, not a title). */
function isNameWord(w: PhraseWord): boolean {
  return w.cap && !w.acronym && !isRole(w.base) && !TITLE_ABBREVIATIONS.has(w.base);
}

/**
 * Where a person's name sits in a phrase, as `[start, end)` word indices: the capitalised words
 * that end at the head, after any title or description ("Kremlin spokesman *Dmitry Peskov*",
 * "Regional Gov. *Oleh Marchenko*", "*Sarah Chen* of Oxford University"). Null when the phrase
 * names no person.
 */
export function personNameRange(words: readonly PhraseWord[]): [number, number] | null {
  if (words.length === 0 || isPlaceName(words) || isOrganisationName(words)) return null;
  const h = headIndex(words);
  const head = words[h];
  if (!head || !isNameWord(head) || head.possessive) return null;
  let k = h;
  let names = 0;
  while (k >= 0) {
    const w = words[k];
    if (!w) break;
    if (isNameWord(w) && !w.possessive) names += 1;
    else if (!(names > 0 && NAME_PARTICLES.has(w.base) && k > 0 && words[k - 1]?.cap)) break;
    k -= 1;
  }
  if (names === 0 || names > 4) return null;
  const hb = head.base;
  if (
    GOVERNMENT_HEADS.has(hb) ||
    MEDIA_HEADS.has(hb) ||
    ORGANISATION_HEADS.has(hb) ||
    PEOPLE_GROUPS.has(hb) ||
    DOCUMENT_HEADS.has(hb) ||
    SOCIAL_HEADS.has(hb) ||
    ANONYMOUS_WORDS.has(hb) ||
    PLACES.has(hb) ||
    INSTITUTION_HEADS.has(hb)
  ) {
    return null;
  }
  // "the Kremlin", "the Pentagon": a determiner before a lone capitalised word marks an institution.
  if (k >= 0 && names === 1 && (words[k]?.base === 'the')) return null;
  // "Grid operator Energonet", "parent company Meta": a description of a thing, not a person, before the name.
  const before = words[k];
  if (before && !before.cap && !isRole(before.base) && !ORDINARY_PEOPLE.has(before.base) && isSourceHead(before.base)) return null;
  return [k + 1, h + 1];
}

/**
 * True when the phrase names a person: a capitalised name ("Kozhemyako", "President Vladimir
 * Putin"), or a singular role or person noun ("the president", "a survivor").
 */
export function isPersonPhrase(words: readonly PhraseWord[]): boolean {
  if (words.length === 0 || isPlaceName(words) || isOrganisationName(words)) return false;
  const head = words[headIndex(words)];
  if (!head) return false;
  if (isRole(head.base) || ORDINARY_PEOPLE.has(head.base)) return true;
  return personNameRange(words) !== null;
}

/** The type of a person phrase: by its role (official or not), named or not. */
function personType(words: readonly PhraseWord[], extra: readonly PhraseWord[], indefinite: boolean): SourceType {
  const named = personNameRange(words) !== null;
  // A role before a possessive is the possessor's ("North Korean leader Kim Jong-un's sister").
  let lastPossessive = -1;
  words.forEach((w, i) => {
    if (w.possessive) lastPossessive = i;
  });
  const all = [...words.slice(lastPossessive + 1), ...extra];
  const official = all.some((w) => isRole(w.base) && !EXPERT_ROLES.has(w.base));
  if (!named && indefinite) return 'anonymous';
  if (official) return 'official-person';
  return 'other';
}

/** The type that an owner ("Russia's", "UN's") or modifiers give an institution. */
function institutionType(owner: readonly PhraseWord[], modifiers: ReadonlySet<string>, fallback: SourceType): SourceType {
  if (owner.length > 0) {
    if (isPlaceName(owner)) return 'government';
    if (isOrganisationName(owner)) return 'organisation';
  }
  if (modifiers.has('international') || modifiers.has('global') || modifiers.has('world')) return 'organisation';
  for (const m of modifiers) if (GOVERNMENT_MODIFIERS.has(m) && m !== 'national') return 'government';
  return fallback;
}

/**
 * Guess the type of an unresolved source from its words, following the corpus conventions
 * (tests/fixtures/attribution/README.md): unnamed people and groups are `anonymous`, named
 * officials `official-person`, named private people `other`, states and their bodies
 * `government`. `extra` are words said about the source elsewhere in the sentence (an appositive:
 * "Kozhemyako, *the governor of Primorsky*, said"); `anonymous` is set when the sentence marks the
 * source as unnamed ("who spoke on condition of anonymity").
 */
export function guessSourceType(words: readonly PhraseWord[], extra: readonly PhraseWord[] = [], anonymous = false): SourceType {
  if (anonymous) return 'anonymous';
  // "the US and South Korea": each part is guessed; parts of one type give that type.
  const parts: PhraseWord[][] = [[]];
  for (const w of words) {
    if (w.base === 'and' || w.base === '&') parts.push([]);
    else parts[parts.length - 1]?.push(w);
  }
  if (parts.length > 1 && parts.every((p) => p.length > 0)) {
    // "US and South Korean officials": the coordination is of modifiers; the last part has the head.
    const lastPart = parts[parts.length - 1] ?? [];
    const modifiersOnly = parts.slice(0, -1).every((p) => p.every((w) => !isSourceHead(w.base)));
    if (modifiersOnly && lastPart.length > 1 && isSourceHead(lastPart[headIndex(lastPart)]?.base ?? '')) return guessSourceType(lastPart, extra);
    const types = new Set(parts.map((p) => guessSourceType(p, extra)));
    const [only] = types;
    return types.size === 1 && only !== undefined ? only : 'other';
  }
  const indefinite = INDEFINITE.has(words[0]?.base ?? '') || /^[0-9]/.test(words[0]?.base ?? '');
  const c = content(words);
  for (const w of c) if (ANONYMOUS_WORDS.has(w.base)) return 'anonymous';
  if (isPlaceName(c)) return 'government';
  if (isOrganisationName(c)) return 'organisation';
  const h = headIndex(c);
  const head = c[h];
  if (!head) return 'other';
  const hb = head.base;
  const before = c.slice(0, h);
  const modifiers = new Set(before.map((w) => w.base));
  // The owner: the words up to the last possessive before the head ("Russia's", "the UN's").
  let ownerEnd = -1;
  before.forEach((w, i) => {
    if (w.possessive) ownerEnd = i;
  });
  const owner = ownerEnd >= 0 ? before.slice(0, ownerEnd + 1) : [];
  const stateModified = ['state', 'official', 'state-run', 'state-owned', 'state-controlled', 'state-backed', 'state-affiliated', 'government-run', 'party'].some((m) =>
    modifiers.has(m),
  );
  if (MEDIA_HEADS.has(hb) && hb !== 'agency' && hb !== 'service') {
    if (stateModified) return 'state-media';
    if (hb === 'media' && modifiers.has('social')) return 'social-media';
    if (hb === 'news' || hb === 'wire') return 'news-agency';
    return 'newspaper-broadcaster';
  }
  if (hb === 'agency' || hb === 'agencies' || hb === 'service') {
    if (modifiers.has('news') || modifiers.has('press') || modifiers.has('wire')) return stateModified ? 'state-media' : 'news-agency';
    return institutionType(owner, modifiers, hb === 'service' ? 'other' : 'government');
  }
  if (SOCIAL_HEADS.has(hb)) return 'social-media';
  // A spokesperson speaks for the body that the phrase names: "a ministry spokesman" → the ministry.
  if (hb.startsWith('spokes')) {
    const body = before.filter((w) => GOVERNMENT_HEADS.has(w.base) || PLACES.has(w.base) || ORGANISATIONS.has(w.base) || ORGANISATION_HEADS.has(w.base));
    if (body.some((w) => ORGANISATION_HEADS.has(w.base) && !GOVERNMENT_HEADS.has(w.base))) return 'organisation';
    if (body.length > 0 && personNameRange(c) === null) return 'government';
  }
  // A capitalised body named like a group ("the Joint Chiefs of Staff", "Ukraine's General Staff") is an institution.
  if (head.cap && GOVERNMENT_HEADS.has(hb) && h > 0 && c[h - 1]?.cap) return institutionType(owner, modifiers, 'government');
  if (isRole(hb) || ORDINARY_PEOPLE.has(hb)) return personType(c, extra, indefinite);
  if (PLURAL_ROLES.has(hb) || PEOPLE_GROUPS.has(hb)) return 'anonymous';
  if (ORGANISATION_GROUPS.has(hb)) return 'organisation';
  if (INSTITUTION_HEADS.has(hb) || GOVERNMENT_HEADS.has(hb)) {
    const fallback = GOVERNMENT_HEADS.has(hb) && hb !== 'council' && hb !== 'committee' && hb !== 'board' ? 'government' : 'organisation';
    return institutionType(owner, modifiers, fallback);
  }
  if (ORGANISATION_HEADS.has(hb)) return institutionType(owner, modifiers, 'organisation');
  if (DOCUMENT_HEADS.has(hb)) {
    // "NBS data", "a Treasury Department fact sheet": the document's owner decides.
    const ownerWords = before.filter((w) => w.cap || w.possessive);
    if (ownerWords.length > 0) {
      const t = guessSourceType(ownerWords, [], false);
      if (t !== 'other') return t;
    }
    return 'other';
  }
  if (personNameRange(c) !== null) return personType(c, extra, indefinite);
  if (head.acronym) return 'organisation';
  return 'other';
}

/**
 * True when a phrase with this head can be a source at all. Keeps "according to the plan" and
 * "the fire claimed" from becoming attributions; capitalised names are checked by the caller.
 */
export function isSourceHead(base: string): boolean {
  return (
    isRole(base) ||
    PLURAL_ROLES.has(base) ||
    ORDINARY_PEOPLE.has(base) ||
    PEOPLE_GROUPS.has(base) ||
    ORGANISATION_GROUPS.has(base) ||
    GOVERNMENT_HEADS.has(base) ||
    INSTITUTION_HEADS.has(base) ||
    MEDIA_HEADS.has(base) ||
    SOCIAL_HEADS.has(base) ||
    ORGANISATION_HEADS.has(base) ||
    ANONYMOUS_WORDS.has(base) ||
    DOCUMENT_HEADS.has(base) ||
    base === 'spokespeople' ||
    base === 'sides' ||
    base === 'side'
  );
}

/** True when a phrase with this head is a medium a person speaks through ("state television", "his account"). */
export function isMediumHead(base: string): boolean {
  return MEDIA_HEADS.has(base) || SOCIAL_HEADS.has(base);
}

/** True when `base` is a quantifier that can stand alone as an unnamed group of sources ("Some fear…"). */
export function isQuantifierSource(base: string): boolean {
  return base === 'some' || base === 'many' || base === 'others' || base === 'most' || base === 'several' || base === 'few';
}
