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
  'boss', 'provost', 'superintendent', 'trustee', 'treasurer', 'comptroller', 'administrator',
  'coordinator', 'captain', 'lieutenant', 'sergeant', 'marshal', 'constable', 'coroner', 'magistrate',
  'headteacher', 'headmaster', 'president-elect', 'emir', 'sheikh', 'sultan', 'ayatollah', 'cardinal',
  'archbishop', 'bishop', 'backbencher', 'frontbencher',
]);

/** Roles that are not offices: a named expert or professional speaks as a private person (`other`). */
const EXPERT_ROLES: ReadonlySet<string> = new Set([
  'professor', 'analyst', 'economist', 'researcher', 'expert', 'scientist', 'correspondent', 'reporter',
  'journalist', 'editor', 'author', 'fellow', 'lawyer', 'attorney', 'doctor', 'witness', 'resident',
  'strategist', 'investigator', 'auditor', 'virologist', 'epidemiologist', 'physician', 'surgeon', 'nurse',
]);

/** Abbreviated titles ("Gov.", "Col.", "Dr."): they end a name when read backwards; the official ones are roles. */
const TITLE_ABBREVIATIONS: ReadonlyMap<string, boolean> = new Map([
  ['gov.', true], ['gen.', true], ['col.', true], ['sen.', true], ['rep.', true], ['lt.', true],
  ['capt.', true], ['adm.', true], ['maj.', true], ['sgt.', true], ['amb.', true], ['brig.', true],
  ['cpl.', true], ['supt.', true], ['insp.', true], ['det.', true], ['hon.', true],
  ['dr.', false], ['prof.', false], ['mr.', false], ['mrs.', false], ['ms.', false], ['mx.', false], ['rev.', false],
  ['jr.', false], ['sr.', false], ['dr', false], ['prof', false], ['mr', false], ['mrs', false], ['ms', false], ['mx', false],
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
  'engineer', 'official', 'defendant', 'suspect', 'plaintiff', 'claimant', 'applicant', 'inmate', 'prisoner',
  'detainee', 'hostage', 'patient', 'parent', 'pensioner', 'retiree', 'shopper', 'commuter', 'homeowner',
  'tenant', 'landlord', 'investor', 'trader', 'landowner', 'survivor', 'mourner', 'spectator', 'traveller',
  'traveler', 'visitor', 'donor', 'mp', 'candidate', 'challenger', 'incumbent', 'nominee', 'whistleblower',
  'insider', 'consumer', 'buyer', 'seller', 'vendor', 'merchant', 'baker', 'butcher', 'fisherman',
  'nun', 'stepmother', 'stepfather', 'mum', 'dad', 'grandparent', 'chef', 'designer', 'photographer',
  'striker', 'goalkeeper', 'defender', 'midfielder', 'winger', 'batsman', 'bowler', 'pitcher', 'quarterback',
  'rider', 'runner', 'swimmer', 'champion', 'boxer', 'fighter', 'golfer', 'sprinter', 'family', 'household',
  'juror', 'shareholder', 'opponent', 'pupil', 'agent', 'reader', 'listener', 'viewer', 'forward', 'keeper',
  'barrister', 'solicitor', 'counsel',
  'skipper', 'full-back', 'centre-back', 'center-back', 'wing-back', 'substitute', 'debutant',
  'filmmaker', 'director', 'poet', 'moderator', 'organiser', 'organizer', 'researcher', 'lecturer', 'comedian', 'presenter', 'host', 'anchor', 'commentator',
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
  return PEOPLE_GROUPS.has(base) || PLURAL_ROLES.has(base) || ORGANISATION_GROUPS.has(base) || base === 'officials' || base === 'authorities' || base === 'sources' || isPeoplePlural(base);
}

/** Endings of nouns for people by trade or field ("virologist", "physician", "demographer"). */
const PERSON_SUFFIXES: readonly string[] = ['ologist', 'ician', 'iatrist', 'ographer', 'onomist', 'ist'];
const PERSON_PLURAL_SUFFIXES: readonly string[] = PERSON_SUFFIXES.map((suffix) => `${suffix}s`);

/** Words in -ist that are not people. */
const NOT_PEOPLE_IN_IST: ReadonlySet<string> = new Set(['list', 'mist', 'twist', 'wrist', 'fist', 'gist', 'exist', 'assist', 'insist', 'persist', 'resist', 'consist', 'desist', 'subsist', 'enlist', 'heist', 'hoist', 'joist', 'moist', 'midst', 'amidst']);

/**
 * True for a singular noun for a person by trade, field or role, read from its form when no list has
 * it: "virologist", "pediatrician", "demographer". Words ending in "list" ("checklist") are things.
 */
export function isPersonNoun(base: string): boolean {
  if (ORDINARY_PEOPLE.has(base) || isRole(base)) return true;
  // Every suffix ends in "t", "n" or "r": most words are ruled out by their last letter.
  const last = base.charCodeAt(base.length - 1);
  if (base.length < 6 || (last !== 116 && last !== 110 && last !== 114)) return false;
  if (base.endsWith('list') || NOT_PEOPLE_IN_IST.has(base) || !/^[a-z-]+$/.test(base)) return false;
  return PERSON_SUFFIXES.some((suffix) => base.endsWith(suffix));
}

/**
 * True for the plural of a noun for people ("authors", "virologists", "founders", "pediatricians"):
 * an unnamed group. Plural roles are groups of the same kind as `PLURAL_ROLES`.
 */
export function isPeoplePlural(base: string): boolean {
  if (PEOPLE_GROUPS.has(base) || PLURAL_ROLES.has(base) || PERSON_PLURALS.has(base)) return true;
  if (base.length < 7 || base.charCodeAt(base.length - 1) !== 115 /* s */ || base.endsWith('lists')) return false;
  return PERSON_PLURAL_SUFFIXES.some((suffix) => base.endsWith(suffix)) && /^[a-z-]+$/.test(base);
}

/** The plurals of the listed roles and person nouns ("authors", "coaches", "founders"), built once. */
const PERSON_PLURALS: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  for (const w of [...PERSON_ROLES, ...ORDINARY_PEOPLE]) {
    if (w.endsWith('man')) continue;
    out.add(/(s|x|ch|sh)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`);
  }
  return out;
})();

/** Words for the members of a group, who speak for it: "campaigners from", "members of". */
export const MEMBER_NOUNS: ReadonlySet<string> = new Set([
  'campaigners', 'campaigner', 'members', 'member', 'activists', 'activist', 'supporters', 'volunteers',
  'organisers', 'organizers', 'representatives', 'representative', 'spokespeople', 'staff', 'protesters',
]);

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
  'groups', 'campaigners', 'organisations', 'organizations', 'bodies', 'authors', 'founders', 'owners',
  // party members and peoples, capitalised but not names
  'democrats', 'republicans', 'conservatives', 'tories', 'liberals', 'socialists', 'communists', 'greens',
  'ukrainians', 'russians', 'israelis', 'palestinians', 'americans', 'europeans', 'britons', 'iranians',
  'syrians', 'afghans', 'gazans', 'koreans', 'taiwanese', 'venezuelans', 'cubans', 'africans', 'asians',
]);

/** Plurals that name a party's members, or the party itself after "the" ("the Social Democrats"). */
const PARTY_PLURALS: ReadonlySet<string> = new Set([
  'democrats', 'republicans', 'conservatives', 'tories', 'liberals', 'socialists', 'communists', 'greens', 'nationalists',
]);

/** Plural heads of companies and the like: "insurers fear", "lenders expect" (`organisation`). */
const ORGANISATION_GROUPS: ReadonlySet<string> = new Set([
  'insurers', 'banks', 'lenders', 'companies', 'firms', 'carmakers', 'automakers', 'airlines', 'retailers',
  'manufacturers', 'producers', 'exporters', 'importers', 'utilities', 'brokers', 'funds', 'shipowners',
  'shippers', 'suppliers', 'distributors', 'operators', 'businesses', 'employers', 'unions', 'charities',
  'ngos', 'agencies', 'organisations', 'organizations', 'groups', 'rating', 'automaker', 'chipmakers',
  'developers', 'housebuilders', 'builders', 'drugmakers', 'miners', 'refiners', 'wholesalers', 'hauliers',
  'hospitals', 'universities', 'clubs', 'publishers', 'landlords', 'exchanges', 'platforms', 'banks',
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
  'councils', 'municipalities', 'governments', 'regulators', 'ministries', 'embassies', 'prosecution',
]);

/** Modifiers that make an `agency`/`service` a government one ("spy service", "intelligence agency"). */
const GOVERNMENT_MODIFIERS: ReadonlySet<string> = new Set([
  'spy', 'intelligence', 'security', 'border', 'emergency', 'emergencies', 'federal', 'secret', 'customs',
  'tax', 'space', 'defence', 'defense', 'foreign', 'interior', 'national', 'state', 'government',
  'military', 'police', 'health', 'environment', 'environmental', 'immigration', 'statistics',
  'statistical', 'meteorological', 'weather', 'nuclear', 'central',
  // public emergency and custodial services: "the ambulance service", "the fire service"
  'ambulance', 'fire', 'rescue', 'prison', 'probation', 'coastguard', 'prosecution',
]);

/** Modifiers that make an outlet state media ("state-linked Al-Qahera News TV", "semi-official Fars"). */
const STATE_MODIFIERS: readonly string[] = [
  'state', 'official', 'state-run', 'state-owned', 'state-controlled', 'state-backed', 'state-affiliated',
  'state-linked', 'state-aligned', 'state-funded', 'state-sponsored', 'semi-official', 'government-run',
  'government-owned', 'government-controlled', 'government-backed', 'government-affiliated', 'party',
  'party-run', 'party-owned', 'regime-controlled', 'kremlin-controlled', 'kremlin-run', 'military-run',
];
const STATE_MODIFIER_SET: ReadonlySet<string> = new Set(STATE_MODIFIERS);

/**
 * Capitalised heads that name a newspaper after "the" ("the Courier", "the Hardin Gazette", "The
 * Jerusalem Post"). Only with "the": "Sarah Post" is a person.
 */
const NEWSPAPER_NAMES: ReadonlySet<string> = new Set([
  'courier', 'times', 'post', 'herald', 'journal', 'gazette', 'tribune', 'chronicle', 'telegraph', 'observer',
  'independent', 'mirror', 'express', 'standard', 'examiner', 'inquirer', 'enquirer', 'globe', 'mail',
  'register', 'sentinel', 'courant', 'ledger', 'advertiser', 'argus', 'echo', 'dispatch', 'star', 'sun',
  'bugle', 'clarion', 'beacon', 'messenger', 'bulletin', 'daily', 'weekly', 'record', 'citizen', 'intelligencer',
  'picayune', 'plain dealer', 'free press', 'press',
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
  'llc', 'plc', 'watchdog', 'forecaster', 'monitor', 'observatory', 'coalition', 'movement', 'network', 'centre',
  'center', 'club', 'society', 'council', 'board', 'fund', 'operator', 'manufacturer', 'maker', 'producer',
  'airline', 'carrier', 'insurer', 'lender', 'exchange', 'campaign', 'church', 'school', 'hospital',
  'team', 'consultancy', 'think-tank', 'tank', 'lab', 'laboratory', 'opposition', 'rebels', 'militants',
  'carmaker', 'automaker', 'chipmaker', 'drugmaker', 'retailer', 'developer', 'broker', 'utility', 'miner',
  'supplier', 'giant', 'conglomerate', 'startup', 'start-up', 'subsidiary', 'parent', 'owner', 'insurer',
  'insurgents', 'separatists', 'militia', 'militias', 'faction', 'wing', 'brigade', 'battalion',
  // company and club names end in these ("Nordhavn Asset Management", "Manchester United", "Acme Holdings")
  'holdings', 'technologies', 'systems', 'motors', 'airlines', 'airways', 'pharmaceuticals', 'pharma', 'labs',
  'capital', 'partners', 'ventures', 'entertainment', 'studios', 'networks', 'telecom', 'communications',
  'petroleum', 'mining', 'steel', 'electric', 'electronics', 'semiconductor', 'insurance', 'securities',
  'investments', 'management', 'associates', 'consulting', 'solutions', 'industries', 'enterprises', 'co',
  'ag', 'sa', 'nv', 'gmbh', 'llp', 'limited', 'trust', 'fc', 'afc', 'rovers', 'wanderers', 'albion',
  'hotspur', 'athletic', 'academy', 'college', 'polytechnic', 'initiative', 'project', 'forum', 'institution',
  'collective', 'cooperative', 'co-op', 'syndicate', 'consortium', 'chamber', 'guild', 'lobby', 'caucus',
  // rating agencies and research consultancies: "S&P Global Ratings", "Capital Economics"
  'ratings', 'economics', 'macroeconomics', 'analytics',
]);

/** Words that mark a source as unnamed on purpose. */
const ANONYMOUS_WORDS: ReadonlySet<string> = new Set([
  'source', 'sources', 'insider', 'insiders', 'unnamed', 'anonymous', 'unidentified',
]);

/** A set of nouns with their regular plurals added ("survey" → "surveys", "study" → "studies", "address" → "addresses"). */
function withPlurals(nouns: readonly string[]): ReadonlySet<string> {
  const out = new Set(nouns);
  for (const n of nouns) {
    if (n.endsWith('y') && !/[aeiou]y$/.test(n)) out.add(`${n.slice(0, -1)}ies`);
    else if (/(s|x|z|ch|sh)$/.test(n)) out.add(`${n}es`);
    else if (!n.endsWith('s')) out.add(`${n}s`);
  }
  return out;
}

/** Documents and data, with their plurals: what a report or a study says is attributed to the document. */
export const DOCUMENT_HEADS: ReadonlySet<string> = withPlurals(documentNouns());

/**
 * Documents as they are listed (some plurals only where they are common): phrase reading takes
 * "on/in/by/from" after these ("a post on Telegram"), not after every plural ("posts on X, Telegram
 * and Facebook" stays a list of platforms).
 */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(documentNouns());

function documentNouns(): string[] {
  return [
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
  'tool', 'tracker', 'dashboard', 'gauge', 'barometer', 'calculator', 'indictments', 'affidavits', 'filings',
  'complaint', 'documents', 'papers', 'warrant', 'subpoena', 'guidance', 'advisory', 'bulletin', 'analyses',
  'consensus', 'outlook', 'prospectus', 'disclosure', 'accounts', 'results', 'memorandum', 'dossier', 'inventory',
];
}

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

/** Country names and codes that, before an institution's name, make it that country's body ("US Centers for …"). */
const COUNTRY_MODIFIERS: ReadonlySet<string> = new Set([
  'us', 'u.s', 'u.s.', 'uk', 'usa', 'federal', 'russian', 'chinese', 'ukrainian', 'british', 'american', 'french',
  'german', 'japanese', 'indian', 'israeli', 'iranian', 'turkish', 'korean', 'canadian', 'australian', 'italian',
  'spanish', 'polish', 'egyptian', 'saudi', 'pakistani', 'brazilian', 'mexican', 'taiwanese', 'dutch', 'swedish',
]);

/** Bodies that may be public or private: "council", "committee", "board". */
const DELIBERATIVE_HEADS: ReadonlySet<string> = new Set(['council', 'committee', 'board']);

/** Modifiers that make a council, committee or board a public one. */
const PUBLIC_MODIFIERS: ReadonlySet<string> = new Set([
  'borough', 'county', 'city', 'district', 'town', 'municipal', 'parish', 'regional', 'state', 'national', 'security',
  'federal', 'provincial', 'legislative', 'executive', 'privy', 'village', 'metropolitan', 'supreme', 'constitutional',
  'electoral', 'election', 'parliamentary', 'congressional', 'senate', 'house', 'military', 'defence', 'defense',
  'intelligence', 'judiciary', 'judicial', 'planning', 'licensing', 'health', 'education', 'housing', 'european',
  'central', 'revolutionary', 'governing', 'interim', 'transitional', 'presidential', 'ministerial', 'cabinet',
]);

/** Documents that only the state keeps: what they say is the government's ("according to an indictment"). */
const STATE_DOCUMENTS: ReadonlySet<string> = new Set([
  'affidavit', 'affidavits', 'indictment', 'indictments', 'census', 'warrant', 'warrants', 'subpoena',
  'charge-sheet', 'chargesheet',
]);

/** Modifiers that make a document the state's: "court documents", "police report", "official figures", "government data". */
const STATE_DOCUMENT_MODIFIERS: ReadonlySet<string> = new Set([
  'court', 'police', 'arrest', 'prosecution', 'prosecutors', 'prosecutor', 'criminal', 'charging', 'official',
  'government', 'census', 'customs', 'treasury', 'ministry', 'military', 'army', 'autopsy', 'coroner',
  'immigration', 'tax', 'federal', 'state', 'municipal', 'council', 'parliamentary', 'congressional',
]);

/** First words of campaigns named by their aim ("Save Northfield Libraries", "Stop the War"). */
export const CAMPAIGN_VERBS: ReadonlySet<string> = new Set(['save', 'stop', 'keep', 'protect', 'defend', 'fight', 'reclaim', 'justice', 'friends', 'extinction', 'just']);

/**
 * Government bodies known by name or acronym (a bare acronym is otherwise guessed an organisation):
 * agencies, services, central banks, statistics offices.
 */
const GOVERNMENT_NAMES: ReadonlySet<string> = new Set([
  'cdc', 'fda', 'fbi', 'cia', 'nsa', 'epa', 'dhs', 'doj', 'sec', 'ftc', 'fcc', 'faa', 'nhtsa', 'ntsb', 'irs',
  'nasa', 'noaa', 'nih', 'usda', 'dod', 'dea', 'atf', 'ice', 'cbp', 'tsa', 'fema', 'ons', 'nhs', 'mod', 'hmrc',
  'sbu', 'fsb', 'gru', 'svr', 'hur', 'gur', 'nis', 'jcs', 'idf', 'pla', 'mss', 'nsc', 'ofcom', 'ofgem', 'fca',
  'fed', 'federal reserve', 'bank of england', 'bank of japan', 'bank of korea', 'bank of canada',
  'reserve bank of india', 'reserve bank of australia', "people's bank of china", 'pboc', 'rbi', 'boj', 'bundesbank',
  'centers for disease control and prevention', 'food and drug administration', 'met office', 'met police',
  'metropolitan police', 'scotland yard', 'national guard', 'general staff', 'joint chiefs of staff',
  'office for national statistics', 'bureau of labor statistics', 'census bureau', 'national weather service',
  'national hurricane center', 'state department', 'justice department', 'pentagon', 'white house', 'kremlin',
  'home office', 'foreign office', 'ministry of defence', 'ministry of defense', 'israel defense forces',
  // the British prime minister's office and finance ministry, by their usual metonyms
  'no 10', 'no. 10', 'number 10', 'downing street', 'treasury', 'hm treasury', 'whitehall',
]);

/** Organisations known by acronym or name that are not governments: the usual quoted bodies. */
const ORGANISATIONS: ReadonlySet<string> = new Set([
  'nato', 'who', 'imf', 'iaea', 'opec', 'unicef', 'unhcr', 'wto', 'icrc', 'osce', 'asean', 'g7', 'g20',
  'red cross', 'amnesty', 'amnesty international', 'human rights watch', 'world bank', 'greenpeace',
  'oxfam', 'unesco', 'interpol', 'icc', 'un security council', 'security council', 'un', 'united nations',
  'eu', 'european union', 'european commission', 'african union', 'hamas', 'hezbollah', 'taliban', 'u.n.', 'u.n',
  'world health organization', 'world health organisation', 'unrwa', 'wfp', 'world food programme',
  'world food program', 'ocha', 'undp', 'unep', 'ipcc', 'wmo', 'fao', 'ilo', 'oecd', 'iea', 'ecb',
  'european central bank', 'international monetary fund', 'international energy agency',
  'international atomic energy agency', 'international criminal court', 'international court of justice',
  'icj', 'msf', 'doctors without borders', 'médecins sans frontières', 'save the children', 'wwf',
  'transparency international', 'reporters without borders', 'rsf', 'cpj', 'committee to protect journalists',
  'hrw', 'ifrc', 'institute for the study of war', 'isw', 'brookings', 'brookings institution', 'rand',
  'rand corporation', 'chatham house', 'csis', 'atlantic council', 'heritage foundation', 'cato institute',
  'council on foreign relations', 'iiss', 'sipri', 'bellingcat', 'houthis', 'wagner', 'isis', 'islamic state',
  'al-qaeda', 'al qaeda', 'pkk', 'hts', 'fifa', 'uefa', 'ioc', 'wada', 'moody', "moody's", 's&p', 'fitch',
  'syrian observatory for human rights', 'acled', 'airwars', 'gavi', 'cepi', 'unaids', 'unfpa', 'iom',
  // companies that news quotes by name alone
  ...[
    'apple', 'microsoft', 'google', 'alphabet', 'amazon', 'meta', 'nvidia', 'tesla', 'intel', 'amd', 'qualcomm', 'ibm',
    'oracle', 'samsung', 'sony', 'toyota', 'honda', 'nissan', 'volkswagen', 'bmw', 'mercedes-benz', 'stellantis', 'ford',
    'general motors', 'gm', 'boeing', 'airbus', 'lockheed martin', 'raytheon', 'rtx', 'bae systems', 'shell', 'bp',
    'exxonmobil', 'exxon mobil', 'exxon', 'chevron', 'totalenergies', 'saudi aramco', 'aramco', 'gazprom', 'rosneft',
    'lukoil', 'novatek', 'pfizer', 'moderna', 'astrazeneca', 'johnson & johnson', 'novartis', 'roche', 'sanofi', 'gsk',
    'merck', 'eli lilly', 'novo nordisk', 'bayer', 'biontech', 'huawei', 'zte', 'tsmc', 'xiaomi', 'alibaba', 'tencent',
    'bytedance', 'baidu', 'byd', 'catl', 'foxconn', 'netflix', 'disney', 'walmart', 'uber', 'airbnb', 'openai',
    'anthropic', 'spacex', 'starlink', 'spotify', 'paypal', 'mastercard', 'jpmorgan', 'jpmorgan chase', 'goldman sachs',
    'morgan stanley', 'citigroup', 'citi', 'bank of america', 'wells fargo', 'hsbc', 'barclays', 'ubs', 'credit suisse',
    'deutsche bank', 'bnp paribas', 'societe generale', 'société générale', 'santander', 'blackrock', 'vanguard',
    'berkshire hathaway', 'nestle', 'nestlé', 'unilever', 'siemens', 'ericsson', 'nokia', 'philips', 'rio tinto', 'bhp',
    'glencore', 'arcelormittal', 'maersk', 'ryanair', 'lufthansa', 'easyjet', 'rolls-royce', 'thales', 'rheinmetall',
    'dassault', 'starbucks', "mcdonald's", 'coca-cola', 'pepsico', 'nike', 'adidas', 'lvmh', 'hyundai', 'kia', 'lg',
    'sk hynix', 'renault', 'volvo', 'ikea', 'inditex', 'vodafone', 'deutsche telekom', 'telefonica', 'verizon', 'at&t',
    'comcast', 'palantir', 'anduril', 'northrop grumman', 'general dynamics', 'halliburton', 'schlumberger', 'equinor',
    'eni', 'repsol', 'petrobras', 'pemex', 'sinopec', 'petrochina', 'cnooc', 'evergrande', 'country garden', 'nato',
    'accenture', 'deloitte', 'pwc', 'kpmg', 'ernst & young', 'mckinsey', 'nasdaq', 'nyse', 'cme group', 'moody’s',
    'yougov', 'ipsos', 'gallup', 'pew research center', 'morning consult', 'nielsen', 'savanta', 'opinium', 'survation',
    'kantar', 'levada center', 'levada', 'vciom', 'kiis', 'rating group', 'maxar', 'planet labs', 'flightradar24',
    'kpler', 'vortexa', 'lloyd’s list', 's&p global', 'capital economics', 'oxford economics', 'eurasia group',
  ],
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
  'centers', 'centres', 'institutes', 'administration', 'authority', 'inspectorate', 'observatory',
]);

/** Name particles that may sit inside a capitalised name ("Osama bin Laden", "Ursula von der Leyen"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'bin', 'ibn', 'al', 'el', 'de', 'del', 'della', 'der', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'dos', 'das',
  'ten', 'ter', 'den', 'op', 'zu', 'bint', 'abu', 'st',
  // inside the names of papers and bodies: "Corriere dello Sport", "Journal des Débats", "Folha do Norte"
  'dello', 'dei', 'degli', 'delle', 'des', 'do',
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

/** Prepositions that open a name's or a group's complement ("of", "for", "from"). */
const COMPLEMENT_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'for', 'from', 'at', 'in', 'on', 'with']);

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
  const tail = nameTail(words);
  if (tail >= 0) return tail;
  let end = words.length;
  for (let i = 1; i < words.length; i += 1) {
    const w = words[i]?.base;
    if (w === 'of' && PARTITIVES.has(words[i - 1]?.base ?? '') && i + 1 < words.length) {
      const rest = headIndex(words.slice(i + 1).filter((x, k) => !(k === 0 && LEADING_WORDS.has(x.base))));
      const offset = LEADING_WORDS.has(words[i + 1]?.base ?? '') ? i + 2 : i + 1;
      return offset + rest;
    }
    if (w === 'of' || w === 'for' || w === 'at' || w === 'from' || w === 'by' || w === 'who' || w === 'familiar' || w === 'with' || w === 'close' || w === 'in' || w === 'on' || w === 'speaking') {
      end = i;
      break;
    }
  }
  return Math.max(0, end - 1);
}

/**
 * The last word's index when a phrase with "of"/"for" inside ends in a titled name or a role of the
 * body it names: "Bank of Japan Governor *Haruto Mizuno*", "Secretary of State *Antony Blinken*",
 * "a Department of Health and Social Care *spokesperson*". Else -1.
 */
function nameTail(words: readonly PhraseWord[]): number {
  const n = words.length;
  const last = words[n - 1];
  if (n < 3 || !last || last.possessive) return -1;
  let hasOf = false;
  for (let i = 1; i < n - 1; i += 1) if (words[i]?.base === 'of' || words[i]?.base === 'for') hasOf = true;
  if (!hasOf) return -1;
  // A titled name: capitalised name words after a role.
  let k = n - 1;
  while (k >= 0 && words[k]?.cap && !words[k]?.acronym && !isRole(words[k]?.base ?? '') && !words[k]?.possessive) k -= 1;
  if (k < n - 1 && k >= 1 && isRole(words[k]?.base ?? '') && words[k]?.cap) return n - 1;
  // A role after a capitalised body's name: every word from "of" to the role is capitalised or a name particle.
  if (!last.cap && (isRole(last.base) || last.base.startsWith('spokes'))) {
    for (let i = n - 2; i >= 0; i -= 1) {
      const w = words[i];
      if (!w) return -1;
      if (w.base === 'of' || w.base === 'for' || w.base === 'and' || w.base === 'the' || w.cap) continue;
      return i === 0 && LEADING_WORDS.has(w.base) ? n - 1 : -1;
    }
    return n - 1;
  }
  return -1;
}

function joined(words: readonly PhraseWord[]): string {
  return words.map((w) => w.base).join(' ');
}

/** The words after any leading determiners, quantifiers and numbers. */
function content(words: readonly PhraseWord[]): readonly PhraseWord[] {
  let i = 0;
  while (i < words.length - 1 && (LEADING_WORDS.has(words[i]?.base ?? '') || /^[0-9]/.test(words[i]?.base ?? ''))) i += 1;
  // Nothing changes the words: when none is skipped, the phrase's own list will do.
  return i === 0 ? words : words.slice(i);
}

/** The first words of a set of names, so most phrases are ruled out before their words are joined. */
function firstWords(names: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...names].map((name) => name.split(' ')[0] ?? name));
}

const PLACE_FIRST_WORDS = firstWords(PLACES);
const ORGANISATION_FIRST_WORDS = firstWords(ORGANISATIONS);
const GOVERNMENT_FIRST_WORDS = firstWords(GOVERNMENT_NAMES);

/** True when the phrase is only a known place name (a country or capital standing for its government). */
export function isPlaceName(words: readonly PhraseWord[]): boolean {
  return isListedName(words, PLACE_FIRST_WORDS, PLACES);
}

/** True when the phrase is only a known organisation's name ("NATO", "Red Cross"). */
function isOrganisationName(words: readonly PhraseWord[]): boolean {
  return isListedName(words, ORGANISATION_FIRST_WORDS, ORGANISATIONS);
}

/**
 * True when the phrase, after its determiners and numbers, is one of `names`. The first word is
 * checked before anything is joined: most phrases are ruled out without allocating.
 */
function isListedName(words: readonly PhraseWord[], firsts: ReadonlySet<string>, names: ReadonlySet<string>): boolean {
  const i = contentStart(words);
  if (i >= words.length || !firsts.has(words[i]?.base ?? '')) return false;
  return names.has(joined(i === 0 ? words : words.slice(i)));
}

/** Index of the first word after leading determiners, quantifiers and numbers (the last word at most). */
function contentStart(words: readonly PhraseWord[]): number {
  let i = 0;
  while (i < words.length - 1) {
    const b = words[i]?.base ?? '';
    const c0 = b.charCodeAt(0);
    if (!LEADING_WORDS.has(b) && !(c0 >= 48 && c0 <= 57)) break;
    i += 1;
  }
  return i;
}

/** The type of a listed place, organisation or government body that is the whole phrase, or null. */
function listedType(words: readonly PhraseWord[]): SourceType | null {
  const i = contentStart(words);
  const first = words[i]?.base ?? '';
  if (!PLACE_FIRST_WORDS.has(first) && !ORGANISATION_FIRST_WORDS.has(first) && !GOVERNMENT_FIRST_WORDS.has(first)) return null;
  const name = joined(i === 0 ? words : words.slice(i));
  if (PLACES.has(name)) return 'government';
  if (ORGANISATIONS.has(name)) return 'organisation';
  if (GOVERNMENT_NAMES.has(name)) return 'government';
  return null;
}

/** Letters written after a person's name: ranks at the bar and honours (seats such as "MP" are roles). */
const POSTNOMINALS: ReadonlySet<string> = new Set(['kc', 'qc', 'sc', 'obe', 'mbe', 'cbe', 'kbe', 'dbe', 'phd']);

/**
 * Trades and kinds of outlet that open Reuters-style sentences as a description before a name
 * ("Chipmaker Veltrix said", "Broadcaster Kanal Nord reported"); no one is named after them.
 */
const TRADE_DESCRIPTIONS: ReadonlySet<string> = new Set([
  'carmaker', 'automaker', 'chipmaker', 'drugmaker', 'planemaker', 'steelmaker', 'toymaker', 'retailer',
  'lender', 'insurer', 'airline', 'broadcaster', 'newspaper', 'tabloid', 'regulator', 'operator',
  'supplier', 'manufacturer', 'producer', 'exporter', 'brewer', 'miner', 'developer', 'conglomerate',
  'watchdog', 'utility', 'telecoms', 'bank', 'broker', 'builder', 'housebuilder', 'distributor',
]);

/** True for a capitalised first word that describes what follows ("Carmaker", "Striker", "Broadcaster"). */
export function isCapitalisedDescription(w: PhraseWord): boolean {
  return w.cap && !w.acronym && (TRADE_DESCRIPTIONS.has(w.base) || (ORDINARY_PEOPLE.has(w.base) && !isRole(w.base)));
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
  let h = headIndex(words);
  // "Sarah Whitcombe KC", "Ann Lee OBE": letters after the name are no acronym of an organisation.
  if (h > 0 && POSTNOMINALS.has(words[h]?.base ?? '') && words[h - 1]?.cap) h -= 1;
  const head = words[h];
  if (!head || !isNameWord(head) || head.possessive) return null;
  let k = h;
  let names = 0;
  while (k >= 0) {
    const w = words[k];
    if (!w) break;
    // "Striker Tom Reilly", "Carmaker Voltano": a description capitalised only because it opens the sentence.
    if (k === 0 && names > 0 && isCapitalisedDescription(w)) break;
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
  if (before && (!before.cap || k === 0) && !isRole(before.base) && !ORDINARY_PEOPLE.has(before.base) && isSourceHead(before.base)) return null;
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
  if (isPersonNoun(head.base)) return true;
  return personNameRange(words) !== null;
}

/** Professions whose unnamed members the corpus counts as anonymous sources ("analysts", "the economist"). */
const ANALYST_ROLES: ReadonlySet<string> = new Set(['analyst', 'economist', 'strategist', 'researcher', 'scientist', 'expert', 'fellow', 'specialist', 'academic', 'scholar', 'observer', 'commentator']);

/** True for an analyst-like profession, listed or read from its form ("virologist", "statistician"). */
function isAnalystNoun(base: string): boolean {
  if (ANALYST_ROLES.has(base)) return true;
  return base.length >= 6 && (base.endsWith('ologist') || base.endsWith('ician') || base.endsWith('onomist'));
}

/**
 * The role that says what a person is: the title nearest the name ("Kremlin spokesman Dmitry
 * Peskov"), else the head of the description ("Freya Lindqvist, chief investment *strategist* at
 * Nordhavn": "chief" only modifies it). Null when no role is given.
 */
export function roleOf(words: readonly PhraseWord[], extra: readonly PhraseWord[], nameRange?: [number, number] | null): string | null {
  const range = nameRange === undefined ? personNameRange(words) : nameRange;
  const title = range ? words.slice(0, range[0]) : words.slice(0, headIndex(words) + 1);
  for (let i = title.length - 1; i >= 0; i -= 1) {
    const w = title[i];
    if (w && isRole(w.base)) return w.base;
    if (w && !range && ORDINARY_PEOPLE.has(w.base)) return null;
  }
  if (extra.length === 0) return null;
  const h = headIndex(extra);
  for (let i = h; i >= 0; i -= 1) {
    const w = extra[i];
    if (w && isRole(w.base)) return w.base;
  }
  return null;
}

/**
 * The type of a person phrase: by its role (an office or a profession), named or not. An unnamed
 * person described by an indefinite ("a senior diplomat", "the founder of *a* design agency") is
 * anonymous; a named one is official or private by the role.
 */
function personType(words: readonly PhraseWord[], extra: readonly PhraseWord[], indefinite: boolean): SourceType {
  const range = personNameRange(words);
  const named = range !== null;
  // A role before a possessive is the possessor's ("North Korean leader Kim Jong-un's sister").
  const head = headIndex(words);
  let lastPossessive = -1;
  for (let i = 0; i < head; i += 1) if ((words[i] as PhraseWord).possessive) lastPossessive = i;
  const own = lastPossessive < 0 ? words : words.slice(lastPossessive + 1);
  if (!named) {
    const h = headIndex(own);
    let unidentified = false;
    for (let i = h + 1; i < own.length && !unidentified; i += 1) unidentified = INDEFINITE.has((own[i] as PhraseWord).base);
    if (indefinite || unidentified) return 'anonymous';
  }
  const role = roleOf(own, extra, lastPossessive < 0 ? range : undefined);
  // "the economist predicted", "a strategist at the bank": an unnamed expert is an anonymous source.
  if (!named && (role === null ? isAnalystNoun(own[headIndex(own)]?.base ?? '') : isAnalystNoun(role))) return 'anonymous';
  // "a former HR director", "ex-minister": out of office, a private person.
  const former = hasFormer(own) || hasFormer(extra);
  if (role !== null && isOfficialRole(role) && !former) return 'official-person';
  return 'other';
}

/** True when a word says the person is out of office ("former", "retired", "ex-minister"). */
function hasFormer(words: readonly PhraseWord[]): boolean {
  for (let i = 0; i < words.length; i += 1) {
    const b = (words[i] as PhraseWord).base;
    if (b === 'former' || b === 'retired' || b.startsWith('ex-')) return true;
  }
  return false;
}

/** The type that an owner ("Russia's", "UN's") or modifiers give an institution. */
function institutionType(owner: readonly PhraseWord[], modifiers: readonly PhraseWord[], fallback: SourceType, countryBody = false): SourceType {
  if (owner.length > 0) {
    if (isPlaceName(owner)) return 'government';
    if (isOrganisationName(owner)) return 'organisation';
  }
  if (hasModifier(modifiers, 'international') || hasModifier(modifiers, 'global') || hasModifier(modifiers, 'world')) return 'organisation';
  // "the U.N. human rights office", "the EU delegation": a body of an international organisation.
  for (let i = 0; i < modifiers.length; i += 1) {
    const m = (modifiers[i] as PhraseWord).base;
    if (ORGANISATIONS.has(m) && m.length <= 4) return 'organisation';
  }
  for (let i = 0; i < modifiers.length; i += 1) {
    const m = (modifiers[i] as PhraseWord).base;
    if (GOVERNMENT_MODIFIERS.has(m) && m !== 'national') return 'government';
  }
  // "the US Centers for Disease Control", "the UK Health Security Agency": a country's own body.
  if (countryBody) for (let i = 0; i < modifiers.length; i += 1) if (COUNTRY_MODIFIERS.has((modifiers[i] as PhraseWord).base)) return 'government';
  return fallback;
}

/**
 * True when one of the words before a head is `base`. The words are few: a scan of them is cheaper
 * than building a set of them for each phrase typed.
 */
function hasModifier(modifiers: readonly PhraseWord[], base: string): boolean {
  for (let i = 0; i < modifiers.length; i += 1) if ((modifiers[i] as PhraseWord).base === base) return true;
  return false;
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
  // "the US and South Korea": each part is guessed; parts of one type give that type. Most phrases
  // coordinate nothing: they are told apart first, without building parts.
  if (hasCoordination(words)) return guessCoordinated(words, extra) ?? guessUncoordinated(words, extra);
  return guessUncoordinated(words, extra);
}

/** True when "and" or "&" joins parts of the phrase (not inside its complement: "researchers from Cambridge and Boston College"). */
function hasCoordination(words: readonly PhraseWord[]): boolean {
  for (let i = 0; i < words.length; i += 1) {
    const b = (words[i] as PhraseWord).base;
    if (COMPLEMENT_PREPOSITIONS.has(b)) return false;
    if (b === 'and' || b === '&') return true;
  }
  return false;
}

/** `guessSourceType` of a coordinated phrase from its parts' types, or null when a part is empty. */
function guessCoordinated(words: readonly PhraseWord[], extra: readonly PhraseWord[]): SourceType | null {
  const parts: PhraseWord[][] = [[]];
  let inComplement = false;
  for (const w of words) {
    // "researchers from Cambridge and Boston College": the coordination is inside the complement.
    if (COMPLEMENT_PREPOSITIONS.has(w.base)) inComplement = true;
    if ((w.base === 'and' || w.base === '&') && !inComplement) parts.push([]);
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
  return null;
}

/** `guessSourceType` of a phrase whose parts are not guessed apart. */
function guessUncoordinated(words: readonly PhraseWord[], extra: readonly PhraseWord[]): SourceType {
  const indefinite = INDEFINITE.has(words[0]?.base ?? '') || /^[0-9]/.test(words[0]?.base ?? '');
  const c = content(words);
  for (let i = 0; i < c.length; i += 1) if (ANONYMOUS_WORDS.has((c[i] as PhraseWord).base)) return 'anonymous';
  const listed = listedType(c);
  if (listed !== null) return listed;
  const h = headIndex(c);
  const head = c[h];
  if (!head) return 'other';
  const hb = head.base;
  // "the Courier", "The Jerusalem Post": a newspaper's name.
  if (head.cap && words[0]?.base === 'the' && NEWSPAPER_NAMES.has(hb) && c.every((w) => w.cap)) return 'newspaper-broadcaster';
  // "Save Northfield Libraries", "Stop the War Coalition": a campaign named by its aim.
  if (c.length > 1 && c[0]?.cap && CAMPAIGN_VERBS.has(c[0].base) && c.every((w) => w.cap || w.base === 'the' || w.base === 'of' || w.base === 'our')) return 'organisation';
  // The words before the head (its modifiers), and the owner: the words up to the last possessive
  // among them ("Russia's", "the UN's").
  const modifiers = c.slice(0, h);
  let ownerEnd = -1;
  let stateModified = false;
  for (let i = 0; i < modifiers.length; i += 1) {
    const w = modifiers[i] as PhraseWord;
    if (w.possessive) ownerEnd = i;
    if (STATE_MODIFIER_SET.has(w.base)) stateModified = true;
  }
  const owner = ownerEnd >= 0 ? modifiers.slice(0, ownerEnd + 1) : [];
  if (MEDIA_HEADS.has(hb) && hb !== 'agency' && hb !== 'service') {
    if (stateModified) return 'state-media';
    if (hb === 'media' && hasModifier(modifiers, 'social')) return 'social-media';
    if (hb === 'news' || hb === 'wire') return 'news-agency';
    return 'newspaper-broadcaster';
  }
  if (hb === 'agency' || hb === 'agencies' || hb === 'service') {
    if (hasModifier(modifiers, 'news') || hasModifier(modifiers, 'press') || hasModifier(modifiers, 'wire')) return stateModified ? 'state-media' : 'news-agency';
    return institutionType(owner, modifiers, hb === 'service' ? 'other' : 'government');
  }
  if (SOCIAL_HEADS.has(hb)) return 'social-media';
  // A spokesperson speaks for the body that the phrase names: "a ministry spokesman" → the ministry.
  if (hb.startsWith('spokes') && personNameRange(c) === null) {
    const body = spokespersonBody(c);
    if (body) return body.type;
  }
  // "Northfield Borough Council", "the National Security Council" are the state's; "the Norwegian
  // Refugee Council", "the Atlantic Council" are not.
  if (DELIBERATIVE_HEADS.has(hb)) {
    if (modifiers.some((w) => PUBLIC_MODIFIERS.has(w.base))) return 'government';
    return institutionType(owner, modifiers, 'organisation');
  }
  // "City confirmed the signing": a bare capitalised "City" is a football club's short name ("the city" is a council's).
  if (hb === 'city' && head.cap && c.length === 1 && words[0]?.base !== 'the') return 'organisation';
  // A capitalised body named like a group ("the Joint Chiefs of Staff", "Ukraine's General Staff") is an institution.
  if (head.cap && GOVERNMENT_HEADS.has(hb) && h > 0 && c[h - 1]?.cap) return institutionType(owner, modifiers, 'government');
  if (isPersonNoun(hb)) return personType(c, extra, indefinite);
  // "the Liberal Democrats", "the Greens": with "the", a capitalised party word names the party.
  if (head.cap && words[0]?.base === 'the' && PARTY_PLURALS.has(hb)) return 'organisation';
  if (isPeoplePlural(hb) && !GOVERNMENT_HEADS.has(hb)) return 'anonymous';
  if (ORGANISATION_GROUPS.has(hb)) return 'organisation';
  if (INSTITUTION_HEADS.has(hb) || GOVERNMENT_HEADS.has(hb)) {
    const fallback = GOVERNMENT_HEADS.has(hb) && !DELIBERATIVE_HEADS.has(hb) ? 'government' : 'organisation';
    return institutionType(owner, modifiers, fallback, INSTITUTION_HEADS.has(hb));
  }
  // "the Local Government Association", "a state-owned company": an organisation whatever describes it.
  // A central bank is the state's.
  if (ORGANISATION_HEADS.has(hb)) {
    if (hb === 'bank' && (hasModifier(modifiers, 'central') || hasModifier(modifiers, 'reserve'))) return 'government';
    // "the fire brigade": a public service, not a militia's brigade.
    if (hb === 'brigade' && hasModifier(modifiers, 'fire')) return 'government';
    return 'organisation';
  }
  if (DOCUMENT_HEADS.has(hb)) {
    // "NBS data", "a Treasury Department fact sheet": the document's owner decides.
    const ownerWords = modifiers.filter((w) => w.cap || w.possessive);
    if (ownerWords.length > 0) {
      const t = guessSourceType(ownerWords, [], false);
      if (t !== 'other') return t;
    }
    // "court documents", "an arrest affidavit", "official figures", "census data": the state's records.
    if (STATE_DOCUMENTS.has(hb) || modifiers.some((w) => STATE_DOCUMENT_MODIFIERS.has(w.base))) return 'government';
    // "a company filing", "industry data", "a company-compiled consensus": a business's.
    const business = (b: string): boolean => ORGANISATION_HEADS.has(b) || ORGANISATION_GROUPS.has(b) || b === 'industry';
    if (modifiers.some((w) => business(w.base) || (w.base.includes('-') && w.base.split('-').some(business)))) return 'organisation';
    return 'other';
  }
  // "Ridgeway Water, which supplies two million homes, said": "which" says the name is not a person's.
  if (head.cap && extra[0]?.base === 'which') return 'organisation';
  if (personNameRange(c) !== null) return personType(c, extra, indefinite);
  if (head.acronym) return 'organisation';
  return 'other';
}



/**
 * The body an unnamed spokesperson speaks for, as word indices `[start, end)` of `words` and its
 * type: "a *ministry* spokesman", "a *Department of Health* spokesperson", "a spokesman for *Tesla*".
 * Null when the body is not named ("a platform spokesperson", "a spokesperson for one of the
 * platforms"): the spokesperson is then anonymous. A named body nobody lists is an organisation.
 */
export function spokespersonBody(words: readonly PhraseWord[]): { start: number; end: number; type: SourceType } | null {
  let h = -1;
  words.forEach((w, i) => {
    if (h < 0 && w.base.startsWith('spokes')) h = i;
  });
  if (h < 0) return null;
  let start = 0;
  let end = h;
  if (h + 1 < words.length && COMPLEMENT_PREPOSITIONS.has(words[h + 1]?.base ?? '')) {
    start = h + 2;
    end = words.length;
  }
  while (start < end && LEADING_WORDS.has(words[start]?.base ?? '')) start += 1;
  const body = words.slice(start, end).filter((w) => !w.possessive || w.cap);
  if (body.length === 0) return null;
  const named = body.some((w) => w.cap);
  const institutional = body.some((w) => GOVERNMENT_HEADS.has(w.base) || ORGANISATION_HEADS.has(w.base) || INSTITUTION_HEADS.has(w.base) || PLACES.has(w.base));
  if (!named && !institutional) return null;
  // "one of the platforms": a body picked from unnamed ones.
  if (body.some((w) => w.base === 'of' && PARTITIVES.has(words[start]?.base ?? ''))) return null;
  // "a council spokesperson", "a police spokesman": an unnamed public body.
  if (!named && body.some((w) => GOVERNMENT_HEADS.has(w.base))) return { start, end, type: 'government' };
  const t = guessSourceType(body);
  const type: SourceType = t === 'other' || t === 'anonymous' || t === 'official-person' ? (isPlaceName(body) ? 'government' : named ? 'organisation' : 'government') : t;
  return { start, end, type };
}

/**
 * True when a phrase with this head can be a source at all. Keeps "according to the plan" and
 * "the fire claimed" from becoming attributions; capitalised names are checked by the caller.
 */
export function isSourceHead(base: string): boolean {
  return (
    PLURAL_ROLES.has(base) ||
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
    // the two sides of a trial: "the defence argued" (the prosecution is the state's: GOVERNMENT_HEADS)
    base === 'defence' ||
    base === 'defense' ||
    base === 'sides' ||
    base === 'side' ||
    isPersonNoun(base) ||
    isPeoplePlural(base)
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

/** Words that show a person's gender: titles, roles, kin ("spokeswoman", "Mrs", "her daughter"). */
const GENDERED_WORDS: ReadonlyMap<string, 'male' | 'female'> = new Map<string, 'male' | 'female'>([
  ...['spokesman', 'chairman', 'congressman', 'businessman', 'councilman', 'policeman', 'sportsman', 'mr', 'mr.', 'sir', 'lord',
    'king', 'prince', 'duke', 'emperor', 'father', 'son', 'husband', 'brother', 'uncle', 'grandfather', 'grandson', 'nephew',
    'boy', 'man', 'widower', 'boyfriend', 'fiancé', 'stepfather', 'stepson', 'monk', 'priest', 'imam', 'rabbi', 'sheikh', 'emir',
    'sultan', 'ayatollah', 'cardinal', 'pope', 'patriarch', 'actor', 'waiter', 'dad', 'gentleman'].map((w) => [w, 'male'] as const),
  ...['spokeswoman', 'chairwoman', 'congresswoman', 'businesswoman', 'councilwoman', 'policewoman', 'sportswoman', 'mrs', 'mrs.',
    'ms', 'ms.', 'miss', 'dame', 'lady', 'queen', 'princess', 'duchess', 'empress', 'mother', 'daughter', 'wife', 'sister', 'aunt',
    'grandmother', 'granddaughter', 'niece', 'girl', 'woman', 'widow', 'girlfriend', 'fiancée', 'fiancee', 'stepmother',
    'stepdaughter', 'nun', 'actress', 'waitress', 'mum', 'mom'].map((w) => [w, 'female'] as const),
]);

/** The gender one word shows ("spokeswoman" → female), or null. */
export function genderOfWord(base: string): 'male' | 'female' | null {
  return GENDERED_WORDS.get(base) ?? null;
}
