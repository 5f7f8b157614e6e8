/**
 * The attributions of one sentence: who the sentence says a claim comes from, with which words.
 *
 * Rules, not a model. A cue (cues.ts) anchors each attribution; the source is read from where
 * English puts it for that cue:
 * - before a reporting verb: "South Korea’s spy service said", "Kozhemyako, the governor, said";
 * - after it when inverted: "“…,” said the ministry";
 * - after "according to" / "citing": "according to Pyongyang’s official media";
 * - after "by" in the passive: "was reported by Yonhap";
 * - "X was quoted (by Y) as saying", "Y quoted X as saying";
 * - the clause's subject, for a participle ("…, telling reporters that …", "…, citing weak demand");
 * - behind what separates a subject from its verb: appositives (", 78,", ", the mayor of Kupiansk,
 *   a town near the front,"), relative clauses ("lawmakers, who accused …", "Residents who fled …
 *   said"), reduced relatives ("data released on Tuesday showed", "rebels backed by Moscow said"),
 *   modifiers ("a Weibo user with a million followers alleged");
 * - inside an attributed quotation, speech it reports ("“He used to tell me that …,” she said"),
 *   a chain whose pronoun is left unresolved.
 * Each cue word counts only with a plausible source and where its guard allows (cues.ts): "the
 * stated goal", "people feared trapped", "beat Wall Street estimates", "a judge denied the motion",
 * "posted on public boards" and "Every government promises" attribute nothing.
 * When a person or a body speaks through an outlet or a platform ("Kozhemyako posted on his
 * Telegram account", "stated … to the Russian state news agency TASS", "told Reuters", "said in a
 * statement on Telegram"), the outlet is the source and the speaker is named apart. An outlet that
 * relays a statement ("carried by KCNA", "polled by LSEG") is the outer source of a chain
 * (chains.ts).
 *
 * The words recorded for a source are the minimal phrase that names it (the conventions of
 * tests/fixtures/attribution/README.md): no determiners or numbers ("the Pentagon" → "Pentagon"),
 * a person's name without the title ("Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov"), an
 * organisation's name without the description before it ("Grid operator Energonet" → "Energonet").
 *
 * Every read is bounded in tokens, so a sentence costs time linear in its length.
 */
import type { CueStance, Source, SourceType } from '../model';
import { chainOrder, childlessRelays, linkChains, markTrailing, type CandidateKind, type ChainCandidate } from './chains';
import { CLAIM_NOUNS, CUE_VERBS, cueFor, isVerbCue, RELAY_PARTICIPLES, type CueEntry } from './cues';
import { datelineEnd } from './datelines';
import type { LocalName } from './names';
import {
  AUXILIARIES,
  BE_FORMS,
  DETERMINERS,
  findAnonymitySpans,
  MODALS,
  NEGATIONS,
  phraseAfter,
  phraseBefore,
  PREPOSITIONS,
  QUOTE_MARKS,
  STOP_WORDS,
  VERB_ADVERBS,
  type AnonymityIndex,
  type Phrase,
  type Pronoun,
} from './noun-phrases';
import type { Gender } from './coreference';
import type { SourceMention } from './source-matcher';
import {
  DOCUMENT_HEADS,
  genderOfWord,
  guessSourceType,
  headIndex,
  isCapitalisedDescription,
  isMediumHead,
  isPersonPhrase,
  isPlaceName,
  isPluralSource,
  isQuantifierSource,
  isRole,
  isSourceHead,
  LEADING_WORDS,
  MEMBER_NOUNS,
  NAME_PARTICLES,
  personNameRange,
  roleOf,
  spokespersonBody,
  type PhraseWord,
} from './source-type';
import { isAllCaps, type Token } from './tokens';

/** What the attribution reader needs of one sentence. */
export type SentenceInput = {
  /** The whole analysed text (offsets are into it). */
  text: string;
  /** The sentence's tokens. */
  tokens: readonly Token[];
  /** For each token: inside a quotation. Cues inside quotations are someone else's words. */
  inQuote: readonly boolean[];
  /** Registry sources named in the sentence, in order. */
  mentions: readonly SourceMention[];
  /** Acronyms the document defined, by acronym (see `findLocalNames`). */
  localNames?: ReadonlyMap<string, LocalName>;
};

/** An attribution found in one sentence, before pronouns are resolved against earlier sentences. */
export type FoundAttribution = {
  /** The registry entry, or null. */
  source: Source | null;
  /** Display name: the registry name, else the words (whitespace normalised). */
  label: string;
  /** The source's type. */
  type: SourceType;
  /** Start offset of the source words. */
  start: number;
  /** End offset (exclusive) of the source words. */
  end: number;
  /** Who spoke through the source, when it is an outlet or a platform. */
  speaker: string | null;
  /** The speaker's type, for resolving later pronouns that refer to the speaker. */
  speakerType: SourceType | null;
  /** Set when the speaker is a pronoun ("he posted on Telegram"), to be resolved by the caller. */
  speakerPronoun: Pronoun | null;
  /** The cue words, lower case ("said", "according to", "posted on"). */
  cue: string;
  /** The cue's stance. */
  cueStance: CueStance;
  /** Set when the source words are a pronoun ("he said"), to be resolved by the caller. */
  pronoun: Pronoun | null;
  /**
   * The head noun when the source words are a definite description ("the agency", "the
   * diplomat") that may refer to a source named earlier; null otherwise.
   */
  definiteHead: string | null;
  /** The head noun of unresolved source words ("diplomat" in "a senior Gulf diplomat"), for later descriptions. */
  head: string | null;
  /** True when the source words name a person. */
  person: boolean;
  /** Index (in the returned array) of the outer source of a chain, or null. */
  reportedBy: number | null;
  /** The gender the source words show ("spokeswoman", "Mrs", "her daughter"), for later "he"/"she"; null when none. */
  gender: Gender | null;
  /** The same for the speaker, when there is one. */
  speakerGender: Gender | null;
  /**
   * True when the attribution is inside a quotation ("“He used to tell me that …,” she said"): its
   * pronoun refers within the quoted speaker's world, so it is neither resolved nor remembered.
   */
  quoted: boolean;
};

/** The attributions of one sentence, and whether it says anything besides them. */
export type SentenceAttributions = {
  /** Outermost first; `reportedBy` indexes into this array. */
  attributions: FoundAttribution[];
  /**
   * False when the sentence is only its attribution ("Kremlin says", "The minister said:"): not a
   * claim by itself, though a colon may introduce a quotation in the next block.
   */
  hasContent: boolean;
};

/** A subject read before a verb, with the appositive between them, if any. */
type SubjectPhrase = { phrase: Phrase; appositive: [number, number] | null; appositiveWords: readonly PhraseWord[] };

/** An attribution being read: what will be returned, and where its parts are. */
type Candidate = ChainCandidate & {
  /** The attribution as it will be returned, but for `reportedBy` (set once all are linked). */
  found: FoundAttribution;
};

/** A source phrase made sense of. */
type Resolved = {
  /** The registry entry, or null. */
  source: Source | null;
  /** Display name: registry name, or the words. */
  label: string;
  /** Registry type, or the guess. */
  type: SourceType;
  /** Start offset of the words that name the source. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** The words name a person. */
  person: boolean;
  /** The words are a pronoun, to be resolved later. */
  pronoun: Pronoun | null;
  /** See `FoundAttribution.definiteHead`. */
  definiteHead: string | null;
  /** See `FoundAttribution.head`. */
  head: string | null;
  /** A person named as the possessor of an outlet ("Kozhemyako's Telegram channel"). */
  speaker: string | null;
  /** The registry mention the source was resolved from, if any. */
  mention: SourceMention | null;
  /** True when the words can name a source at all. */
  plausible: boolean;
  /** True when the source is an outlet, a platform or an account. */
  medium: boolean;
};

/** Source types that are outlets or platforms: a person speaks through them. */
const MEDIUM_TYPES: ReadonlySet<SourceType> = new Set(['state-media', 'news-agency', 'newspaper-broadcaster', 'social-media']);

/** Words that may follow an outlet's name and still mean the outlet ("the KCNA article", "TASS correspondent"). */
const OUTLET_SUFFIXES: ReadonlySet<string> = new Set([
  'article', 'articles', 'agency', 'news', 'report', 'reports', 'newspaper', 'paper', 'channel', 'channels',
  'account', 'accounts', 'statement', 'post', 'posts', 'website', 'site', 'broadcast', 'television', 'tv',
  'daily', 'service', 'outlet', 'page', 'feed', 'video', 'videos', 'interview', 'bulletin', 'editorial',
  'editorials', 'commentary', 'dispatch', 'correspondent', 'correspondents', 'reporter', 'reporters',
  'journalist', 'journalists', 'network', 'radio', 'app', 'platform', 'messenger', 'group', 'piece',
  'story', 'stories', 'coverage', 'programme', 'program', 'show', 'podcast', 'livestream', 'message',
  'messages', 'tweet', 'tweets', 'blog', 'column', 'op-ed', 'headline', 'wire', 'international',
  'user', 'users', 'sport', 'sports', 'online', 'world', 'arabic', 'persian', 'russian', 'ukrainian', 'chinese',
  'mundo', 'africa', 'asia', 'europe', 'americas', 'verify', 'investigations', 'newsroom', 'staff', 'team',
]);

/** Writings a person writes in ("wrote in her memoir", "writes in a new book"). */
const WRITINGS: ReadonlySet<string> = new Set([
  'book', 'books', 'memoir', 'memoirs', 'essay', 'essays', 'newsletter', 'diary', 'journal', 'thesis', 'chapter',
  'preface', 'foreword', 'substack', 'blog', 'letter', 'letters', 'email', 'note', 'notes', 'textbook', 'novel',
]);

/** Words after a platform's name that make it a channel a speaker uses ("a popular Telegram channel"). */
const CHANNEL_WORDS: ReadonlySet<string> = new Set(['channel', 'channels', 'account', 'accounts', 'page', 'group', 'blog', 'feed', 'profile', 'handle']);

/** Prepositions that introduce the medium of a statement ("on Telegram", "to TASS", "with CNN"). */
const MEDIUM_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'to', 'with', 'via', 'in', 'through', 'onto']);

/** Documents that a statement is made in, at the end of a sentence: "… in a post on Facebook." */
const STATEMENT_DOCUMENTS: ReadonlySet<string> = new Set([
  'post', 'statement', 'video', 'message', 'tweet', 'interview', 'broadcast', 'address', 'posting', 'update',
  'comments', 'remarks', 'speech', 'briefing', 'livestream', 'podcast', 'appearance', 'op-ed', 'column',
]);

/** Verbs that publish a document: "the ministry *issued* a statement saying". */
const PUBLISH_VERBS: ReadonlySet<string> = new Set([
  'issued', 'released', 'published', 'posted', 'put', 'shared', 'sent', 'gave', 'made', 'circulated',
  'carried', 'aired', 'broadcast', 'ran', 'distributed', 'tweeted', 'uploaded', 'filed',
]);

/** Words before a participle that make it an adjective: "the stated goal", "500 confirmed cases". */
const ADJECTIVE_DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'these', 'those', 'our', 'my', 'your', 'whose',
  'any', 'no', 'every', 'each', 'such', 'another', 'that', 'so-called', 'newly', 'widely', 'long',
]);

/** Words that may open an appositive between a subject and its verb ("Kozhemyako, the governor, said"). */
const APPOSITIVE_OPENERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'who', 'which', 'whose', 'speaking', 'writing', 'quoted', 'cited', 'citing', 'quoting',
  'in', 'on', 'at', 'himself', 'herself', 'itself', 'also', 'its', 'his', 'her', 'their', 'one', 'two',
  'three', 'both', 'formerly', 'now', 'then', 'once', 'like', 'unlike', 'reached', 'interviewed', 'asked',
  'contacted', 'responding', 'addressing', 'appearing', 'talking', 'meanwhile', 'however', 'too',
  'known', 'dubbed', 'nicknamed', 'widely', 'long', 'best', 'whom', 'including', 'such', 'notably', 'especially',
  'mainly', 'chiefly', 'among', 'along', 'together', 'as', 'with',
]);

/** Words after a noun-like cue's -s form that show it is the noun: "claims of", "reports were". */
const NOUN_FOLLOWERS: ReadonlySet<string> = new Set([
  'of', 'about', 'were', 'are', 'have', 'had', 'was', 'is', 'by', 'from', 'against', 'suggest', 'suggested',
  'say', 'said', 'show', 'showed', 'indicate', 'indicated', 'and', 'or', ')', 'in', '.', ',', ';', '!', '?',
]);

/** Pronouns that are a listener after "told". */
const LISTENER_PRONOUNS: ReadonlySet<string> = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'his', 'their', 'our', 'my', 'your']);

/** Nouns that are a listener after "told" ("told reporters", "told a news conference"). */
const LISTENERS: ReadonlySet<string> = new Set([
  'reporters', 'journalists', 'lawmakers', 'legislators', 'parliament', 'congress', 'senators', 'delegates',
  'supporters', 'crowd', 'audience', 'investigators', 'police', 'officials', 'conference', 'briefing',
  'summit', 'forum', 'meeting', 'gathering', 'rally', 'hearing', 'committee', 'court', 'jury', 'judge',
  'interviewer', 'media', 'press', 'broadcaster', 'television', 'tv', 'radio', 'newspaper', 'agency',
  'channel', 'outlet', 'podcast', 'viewers', 'listeners', 'readers', 'students', 'troops', 'soldiers',
  'residents', 'voters', 'parliamentarians', 'members', 'staff', 'employees', 'workers', 'colleagues',
  'counterpart', 'counterparts', 'envoy', 'diplomats', 'ambassadors', 'session', 'assembly', 'convention',
]);

/** Words that may open a listener phrase ("told a news conference", "told the BBC", "told state television"). */
const DETERMINERS_BEFORE_LISTENER: ReadonlySet<string> = new Set(['a', 'an', 'the', 'local', 'state', 'national', 'foreign', 'western', 'russian', 'his', 'her', 'their', 'its']);

/** Words that end a time adverbial ("on Thursday", "last week", "in the past"). */
const TIME_NOUNS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'weekend', 'month',
  'year', 'night', 'morning', 'afternoon', 'evening', 'day', 'today', 'yesterday', 'tonight', 'overnight',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'spring', 'summer', 'autumn', 'fall', 'winter', 'past', 'weeks', 'months', 'years',
]);

/** Words that introduce a time adverbial before its noun ("on Thursday", "earlier this week", "in the past"). */
const TIME_OPENERS: ReadonlySet<string> = new Set(['this', 'last', 'next', 'on', 'in', 'late', 'early', 'the', 'over', 'during', 'recent', 'past']);

/** Lower-case words that may describe a subject at the start of a clause ("senior", "former", "pro-war"). */
const SUBJECT_MODIFIERS: ReadonlySet<string> = new Set([
  'senior', 'former', 'top', 'chief', 'deputy', 'local', 'foreign', 'military', 'regional', 'federal',
  'national', 'state', 'official', 'popular', 'prominent', 'leading', 'acting', 'new', 'outgoing', 'incoming',
  'unnamed', 'anonymous', 'independent', 'western', 'grid', 'lead', 'parent', 'defence', 'defense',
]);

/** What a denial verb can refuse that is not a claim: "denied entry", "denied bail", "rejected the appeal" (a ruling). */
const GRANTED_THINGS: ReadonlySet<string> = new Set([
  'entry', 'access', 'visa', 'visas', 'bail', 'permission', 'asylum', 'request', 'requests', 'service',
  'treatment', 'motion', 'motions', 'appeal', 'appeals', 'petition', 'petitions', 'application',
  'applications', 'bid', 'parole', 'bond', 'release', 'extradition', 'licence', 'license', 'permit', 'passage',
]);

/** What "claimed" can take that is not a proposition: "claimed 10 lives", "claimed responsibility", "claimed victory". */
const CLAIMED_THINGS: ReadonlySet<string> = new Set(['lives', 'life', 'victims', 'responsibility', 'credit', 'victory', 'title', 'seat', 'seats', 'prize', 'asylum', 'benefits', 'compensation']);

/** Words that open a subordinate clause of the writer's narration ("where they believed …"). */
const SUBORDINATORS: ReadonlySet<string> = new Set([
  'where', 'because', 'as', 'since', 'when', 'whenever', 'if', 'although', 'though', 'while', 'unless', 'until',
  'after', 'before', 'once', 'so', 'whereas', 'lest',
]);

/** Words that open the clause a cue reports: "added that", "noted:", "added, “…”". */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['that', ':', ',', '“', '"', '«', '„', '—', '–', '-', 'how', 'what', 'why', 'whether']);

/** What follows "made clear": the content of what was made clear. */
const CLEAR_FOLLOWERS: ReadonlySet<string> = new Set(['that', ':', ',', '.', 'what', 'how', 'why', 'whether', 'to', 'he', 'she', 'they', 'it', 'the']);

const THAT: ReadonlySet<string> = new Set(['that']);
const FOR_ON: ReadonlySet<string> = new Set(['for', 'on']);
const TO: ReadonlySet<string> = new Set(['to']);
const THAT_AS: ReadonlySet<string> = new Set(['that', 'as']);
const THAT_WHETHER: ReadonlySet<string> = new Set(['that', 'whether', 'if']);
const TO_THAT_AGAINST: ReadonlySet<string> = new Set(['to', 'that', 'against']);

/**
 * Heads of a subject that reports findings without "that": "the study found a 19% rise",
 * "earlier studies have found weaker links", "researchers found higher levels".
 */
const RESEARCH_HEADS: ReadonlySet<string> = new Set([
  'study', 'studies', 'research', 'report', 'reports', 'survey', 'surveys', 'poll', 'polls', 'analysis',
  'analyses', 'review', 'reviews', 'trial', 'trials', 'investigation', 'investigations', 'inquiry', 'audit',
  'probe', 'paper', 'papers', 'researchers', 'scientists', 'investigators', 'authors', 'experiment',
  'experiments', 'census', 'assessment', 'evaluation', 'data', 'tests', 'test', 'autopsy', 'examination',
  'inspectors', 'auditors', 'economists', 'analysts', 'experts', 'it', 'they',
]);

/** Pictures: what they "show" is evidence, not a statement ("footage showed smoke over the city"). */
const VISUAL_HEADS: ReadonlySet<string> = new Set([
  'footage', 'video', 'videos', 'images', 'image', 'photos', 'photo', 'photographs', 'photograph', 'pictures',
  'picture', 'map', 'maps', 'imagery', 'clip', 'clips', 'livestream', 'broadcast', 'graphic', 'chart',
]);

/** Heads of a subject that rules rather than speaks: "a judge denied the motion", "the court rejected the appeal". */
const RULING_HEADS: ReadonlySet<string> = new Set([
  'judge', 'judges', 'court', 'courts', 'jury', 'juries', 'panel', 'tribunal', 'magistrate', 'magistrates',
  'justices', 'justice', 'arbitrator', 'arbitrators', 'referee', 'umpire',
]);

/** Words after a belief or report participle that make it an agentless passive: "people feared trapped", "believed dead". */
const PREDICATIVES: ReadonlySet<string> = new Set([
  'dead', 'killed', 'missing', 'trapped', 'buried', 'lost', 'drowned', 'injured', 'wounded', 'alive',
  'responsible', 'involved', 'linked', 'connected', 'kidnapped', 'abducted', 'captured', 'detained', 'hiding',
]);

/** Past participles not in -ed that open a reduced relative clause ("a video seen by", "data shown on"). */
const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set(['seen', 'shown', 'written', 'given', 'taken', 'drawn', 'known', 'held', 'run', 'led', 'sent', 'put', 'set', 'built', 'made', 'done']);

/** Prepositions after the participle of a reduced relative ("published in", "charged with", "arrested after"). */
const REDUCED_RELATIVE_PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'in', 'on', 'at', 'from', 'with', 'for', 'over', 'after', 'during', 'near']);

/** Prepositions that open a modifier after a subject's head ("a user *with* a million followers"). */
const MODIFIER_PREPOSITIONS: ReadonlySet<string> = new Set(['with', 'from', 'of', 'at', 'in', 'for', 'on', 'near', 'outside', 'inside']);

/** Verbs whose object is the noun phrase before a noun-like cue: "beat Wall Street estimates", "missed forecasts". */
const OBJECT_TAKING_VERBS: ReadonlySet<string> = new Set([
  'beat', 'beats', 'beating', 'missed', 'miss', 'misses', 'missing', 'topped', 'top', 'tops', 'topping',
  'exceeded', 'exceed', 'exceeds', 'exceeding', 'met', 'meet', 'meets', 'meeting', 'matched', 'match',
  'surpassed', 'surpass', 'cut', 'cuts', 'raised', 'raise', 'raises', 'lowered', 'lower', 'lowers',
  'revised', 'revise', 'trimmed', 'lifted', 'than', 'with', 'versus', 'vs',
]);

/**
 * Most attributions read from one sentence. Real sentences have one to four; the cap keeps the
 * pairwise linking steps cheap on a "sentence" that is really a whole page without full stops.
 */
const MAX_ATTRIBUTIONS = 12;
/** Longest gap (tokens) between a medium preposition and the outlet's name ("to the Russian state news agency TASS"). */
const MEDIUM_WINDOW = 8;
/** Longest stretch (tokens) after a cue searched for the medium. */
const AFTER_CUE_WINDOW = 16;
/** Longest stretch (tokens) at the end of a sentence searched for "in a post on Facebook". */
const END_WINDOW = 14;
/** Adjectives that complete "considers X …" as a judgement ("considers the figures accurate"). */
const EVALUATIVES: ReadonlySet<string> = new Set([
  'accurate', 'inaccurate', 'legal', 'illegal', 'legitimate', 'illegitimate', 'valid', 'invalid', 'safe',
  'unsafe', 'fair', 'unfair', 'true', 'false', 'credible', 'reliable', 'unreliable', 'necessary',
  'unnecessary', 'essential', 'excessive', 'premature', 'dangerous', 'unlawful', 'lawful', 'sufficient',
  'insufficient', 'inadequate', 'adequate', 'correct', 'wrong', 'serious', 'baseless', 'groundless',
]);
/** Words that open a question ("What has Russia said?"). */
const QUESTION_WORDS: ReadonlySet<string> = new Set(['what', 'how', 'why', 'when', 'where', 'which', 'whom', 'whose']);
/** Quantifiers before a plural that make it a group of people speaking ("Some drinkers say"). */
const GROUP_QUANTIFIERS: ReadonlySet<string> = new Set(['some', 'many', 'most', 'several', 'few']);
/** Longest stretch (tokens) from "quoted" to "as saying". */
const QUOTED_WINDOW = 20;
/** Longest appositive (tokens) between a subject and its verb. */
const MAX_APPOSITIVE = 24;
/** Longest subject read at the start of a clause, in tokens. */
const MAX_CLAUSE_SUBJECT = 8;


/** The words of a token span for type guessing, with the token index of each (see `SentenceReader.phraseWords`). */
type SpanWords = { readonly words: readonly PhraseWord[]; readonly at: readonly number[] };

function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Whether a pronoun can stand for the source of an earlier attribution of the same sentence: "he"
 * and "she" for a person (or the person speaking through an outlet) not named by the other
 * pronoun; "it" and "they" for anything else.
 */
function sameReferent(earlier: FoundAttribution, pronoun: Pronoun): boolean {
  const personal = pronoun === 'he' || pronoun === 'she';
  if (earlier.pronoun) {
    const earlierPersonal = earlier.pronoun === 'he' || earlier.pronoun === 'she';
    return personal ? earlier.pronoun === pronoun : !earlierPersonal;
  }
  const person = earlier.person || earlier.speakerType === 'official-person' || (earlier.speaker !== null && earlier.speakerType === 'other');
  return personal ? person : !earlier.person;
}

/** Every word that starts a reading in `SentenceReader.read`: the branches there, in one set. */
const READ_TRIGGERS: ReadonlySet<string> = new Set([...CUE_VERBS.keys(), ...RELAY_PARTICIPLES, 'according', 'citing', 'quoting', 'cited', 'cites', 'quoted']);

/** The words of an empty span. */
const NO_WORDS: SpanWords = { words: [], at: [] };

/** No mentions, shared by the spans that hold none. */
const NO_MENTIONS: readonly SourceMention[] = [];

/** No acronyms defined, for a caller that gives none (read only, so one is shared). */
const NO_LOCAL_NAMES: ReadonlyMap<string, LocalName> = new Map();

/** Reads the attributions of one sentence. A class only to share the sentence's state between the rules. */
class SentenceReader {
  private readonly text: string;
  private readonly tokens: readonly Token[];
  private readonly inQuote: readonly boolean[];
  private readonly mentions: readonly SourceMention[];
  private readonly localNames: ReadonlyMap<string, LocalName>;
  private readonly anonymity: AnonymityIndex;
  /** First token after a dateline. */
  private readonly first: number;
  /**
   * Mentions already used as a source, so a medium search does not take them again. Created on the
   * first use: most sentences never consume one.
   */
  private consumed: Set<SourceMention> | null = null;
  /** `phraseWords` results by span, and each token's word: made on first use. */
  private spanKeys: number[] | null = null;
  private spanWords: SpanWords[] | null = null;
  private tokenWords: (PhraseWord | undefined)[] | null = null;
  /** The clause subject at the start of the sentence, read once on demand. */
  private subjectAtStart: Phrase | null | undefined;
  readonly candidates: Candidate[] = [];

  constructor(input: SentenceInput) {
    this.text = input.text;
    this.tokens = input.tokens;
    this.inQuote = input.inQuote;
    this.mentions = input.mentions;
    this.localNames = input.localNames ?? NO_LOCAL_NAMES;
    this.anonymity = findAnonymitySpans(input.tokens, input.inQuote);
    this.first = datelineEnd(input.tokens);
  }

  /**
   * The words of tokens `[start, end)` for type guessing, with the token index of each. The rules
   * ask for the same spans again and again (a subject is resolved, then typed, then checked for a
   * name), so each span's words, and each token's word, are made once per sentence and shared:
   * nothing changes them.
   */
  private phraseWords(start: number, end: number): SpanWords {
    const n = this.tokens.length;
    // Tokens outside the sentence hold no word: clamped, each span has one key.
    const from = Math.max(start, 0);
    const to = Math.min(end, n);
    if (to <= from) return NO_WORDS;
    const key = from * (n + 1) + to;
    // A sentence asks for a handful of spans: a short list searched in order beats a map.
    const keys = (this.spanKeys ??= []);
    const spans = (this.spanWords ??= []);
    for (let i = 0; i < keys.length; i += 1) if (keys[i] === key) return spans[i] as SpanWords;
    const perToken = (this.tokenWords ??= new Array<PhraseWord | undefined>(n));
    const words: PhraseWord[] = [];
    const at: number[] = [];
    for (let i = from; i < to; i += 1) {
      const t = this.tokens[i];
      if (!t || !t.word) continue;
      let w = perToken[i];
      if (w === undefined) {
        w = { base: t.base, cap: t.cap, acronym: isAllCaps(t.text), possessive: t.lower !== t.base };
        perToken[i] = w;
      }
      words.push(w);
      at.push(i);
    }
    const made = { words, at };
    keys.push(key);
    spans.push(made);
    return made;
  }

  private lower(i: number): string {
    return this.tokens[i]?.lower ?? '';
  }

  /** Mentions whose characters lie within tokens `[start, end)`; binary search, then a short scan. */
  private mentionsIn(start: number, end: number): readonly SourceMention[] {
    const a = this.tokens[start];
    const b = this.tokens[end - 1];
    // Most spans hold no mention: they share one empty list.
    if (!a || !b || end <= start || this.mentions.length === 0) return NO_MENTIONS;
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid]?.start ?? 0) < a.start) lo = mid + 1;
      else hi = mid;
    }
    let out: SourceMention[] | null = null;
    for (let i = lo; i < this.mentions.length; i += 1) {
      const m = this.mentions[i];
      if (!m || m.start >= b.end) break;
      if (m.end <= b.end) (out ??= []).push(m);
    }
    return out ?? NO_MENTIONS;
  }

  /** The first token of a registry mention that ends with token `i`, or null. */
  private mentionEndingAt(i: number): number | null {
    const t = this.tokens[i];
    if (!t) return null;
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid]?.end ?? 0) < t.end) lo = mid + 1;
      else hi = mid;
    }
    const m = this.mentions[lo];
    if (!m || m.end !== t.end || m.start === t.start) return null;
    let s = i;
    while (s > this.first && (this.tokens[s]?.start ?? 0) > m.start) s -= 1;
    return this.tokens[s]?.start === m.start ? s : null;
  }

  /** The token index where mention `m` starts, searching `[start, end)`. */
  private tokenOf(m: SourceMention, start: number, end: number): number {
    for (let i = start; i < end; i += 1) {
      const t = this.tokens[i];
      if (t && t.end > m.start) return i;
    }
    return end;
  }

  /**
   * Read all cues of the sentence, then link nested attributions. The words that start a reading
   * here are the prefilter's cue words (prefilter.ts): a sentence without one is never read, so a
   * new trigger must be added there too.
   */
  read(): SentenceAttributions {
    const n = this.tokens.length;
    for (let k = this.first; k < n && this.candidates.length < MAX_ATTRIBUTIONS; k += 1) {
      const t = this.tokens[k];
      if (!t || !t.word || this.inQuote[k]) continue;
      const w = t.lower;
      // One lookup settles the many words that start no reading.
      if (!READ_TRIGGERS.has(w)) continue;
      if (w === 'according' && this.lower(k + 1) === 'to') {
        this.sourceFollows(k, k + 2, 'according to', 'according');
        k += 1;
        continue;
      }
      if (w === 'citing' || w === 'quoting') {
        this.sourceFollows(k, k + 1, w, 'citing');
        continue;
      }
      // "…, which cited people familiar with the matter, …": like "citing"; "cited by" is a relay.
      if ((w === 'cited' || w === 'cites') && this.lower(k + 1) !== 'by' && !this.afterBe(k)) {
        const before = this.candidates.length;
        this.sourceFollows(k, k + 1, w, 'cited');
        // "The newspaper cited two officials as saying …": the subject relays what it cites.
        if (this.candidates.length > before) {
          const subject = this.relativeAntecedent(k - 1) ?? this.subjectBefore(k - 1);
          const r = subject ? this.resolve(subject.phrase, subject.appositiveWords) : null;
          if (subject && r && r.plausible && !r.pronoun) this.add('subject', r, k, k + 1, subject.phrase, w, 'neutral', r.speaker, null, null);
        }
        continue;
      }
      if (w === 'quoted' && this.quotedAsSaying(k)) continue;
      if (RELAY_PARTICIPLES.has(w) && this.lower(k + 1) === 'by' && !this.afterBe(k) && this.relay(k)) continue;
      const entry = cueFor(w);
      if (entry) this.verbCue(k, entry);
    }
    if (this.candidates.length === 0) return { attributions: [], hasContent: false };
    this.quotedReports();
    // Most sentences have one attribution: nothing to link, and it is outermost, unless a relay
    // that relays nothing (what `childlessRelays` and `chainOrder` would conclude).
    if (this.candidates.length === 1) {
      const only = this.candidates[0] as Candidate;
      if (only.kind === 'relay') return { attributions: [], hasContent: false };
      only.found.reportedBy = null;
      return { attributions: [only.found], hasContent: this.hasContent() };
    }
    markTrailing(this.candidates, this.tokens, this.first);
    linkChains(this.candidates, this.tokens);
    const dropped = childlessRelays(this.candidates);
    if (dropped.size === this.candidates.length) return { attributions: [], hasContent: false };
    const { order, reportedBy } = chainOrder(this.candidates, dropped);
    // Each candidate's attribution is returned once, so it is completed in place rather than copied.
    const attributions = order.map((ci, pos) => {
      const found = (this.candidates[ci] as Candidate).found;
      found.reportedBy = reportedBy[pos] ?? null;
      return found;
    });
    return { attributions, hasContent: this.hasContent() };
  }

  /**
   * Speech reported inside an attributed quotation: "“He used to tell me that …,” she said." A
   * clause that opens the quotation (or follows punctuation in it) with "he" or "she" and a speech
   * verb is a chain: the quoted speaker reports what that person said. First and second persons
   * ("I told him") and beliefs are the speaker's own words.
   */
  private quotedReports(): void {
    const n = this.tokens.length;
    const outer = this.candidates.length;
    // Each attempt is bounded; the cap keeps a page-long quotation full of "he said" linear.
    let attempts = 0;
    for (let k = this.first + 1; k < n && this.candidates.length < MAX_ATTRIBUTIONS && attempts < MAX_ATTRIBUTIONS; k += 1) {
      const t = this.tokens[k];
      if (!t || !t.word || !this.inQuote[k]) continue;
      const e = cueFor(t.lower);
      if (!e || e.stance === 'belief' || e.form === 'gerund' || (e.nounLike && e.form !== 'past')) continue;
      let s = k - 1;
      while (s > this.first && (VERB_ADVERBS.has(this.lower(s)) || (this.lower(s) === 'to' && this.lower(s - 1) === 'used'))) s -= this.lower(s) === 'to' ? 2 : 1;
      const subject = this.tokens[s];
      const before = this.tokens[s - 1];
      if (!subject || !this.inQuote[s] || (subject.lower !== 'he' && subject.lower !== 'she') || !before || before.word) continue;
      if (!this.guardAllows(k, e)) continue;
      attempts += 1;
      // The quotation's own attribution: the nearest one outside it.
      let qEnd = k;
      while (qEnd < n && this.inQuote[qEnd]) qEnd += 1;
      let qStart = s;
      while (qStart > this.first && this.inQuote[qStart - 1]) qStart -= 1;
      let parent = -1;
      for (let c = 0; c < outer; c += 1) {
        const cand = this.candidates[c];
        if (!cand || cand.found.quoted) continue;
        if (cand.cueStart >= qEnd || Math.max(cand.cueEnd, cand.phraseEnd) <= qStart) {
          if (parent < 0 || Math.abs(cand.cueStart - k) < Math.abs((this.candidates[parent]?.cueStart ?? 0) - k)) parent = c;
        }
      }
      if (parent < 0) continue;
      const { cueText, cueEnd } = this.cueWords(k, e);
      const r: Resolved = { ...this.nothing(), label: subject.text, type: 'other', start: subject.start, end: subject.end, person: true, plausible: true };
      const count = this.candidates.length;
      this.add('subject', r, k, cueEnd, { start: s, end: s + 1, anonymous: false, pronoun: null }, cueText, e.stance, null, null, null, true);
      const added = this.candidates[count];
      if (added) added.parent = parent;
    }
  }

  /** A claim needs words besides its attribution: "Kremlin says" alone (a label) is not one. */
  private hasContent(): boolean {
    // Counted in place (the candidates are few), stopping at the second word: no array per sentence.
    const cs = this.candidates;
    let words = 0;
    for (let i = this.first; i < this.tokens.length && words < 2; i += 1) {
      if (!this.tokens[i]?.word) continue;
      let covered = false;
      for (let j = 0; j < cs.length && !covered; j += 1) {
        const c = cs[j] as Candidate;
        covered = (i >= c.phraseStart && i < c.phraseEnd) || (i >= c.cueStart && i < c.cueEnd);
      }
      if (!covered) words += 1;
    }
    return words >= 2;
  }

  // ---- making sense of a phrase ----

  /** Resolve a phrase to a registry source, a pronoun, or unresolved words with a guessed type. */
  private resolve(phrase: Phrase, extra: readonly PhraseWord[] = []): Resolved {
    const { start, end } = phrase;
    const first = this.tokens[start];
    const last = this.tokens[end - 1];
    if (!first || !last) return this.nothing();
    if (phrase.pronoun) return this.resolvePronoun(phrase.pronoun, first);
    const { words, at } = this.phraseWords(start, end);
    const hi = headIndex(words);
    const head = words[hi];
    const mention = this.outletMention(start, end);
    // "The New England Journal of Medicine": the head word is inside a registry name.
    const headToken = this.tokens[at[hi] ?? start];
    if (mention && headToken && mention.start <= headToken.start && headToken.end <= mention.end) return this.fromMention(mention, start, end);
    // A document stands for its author when the phrase names one: "a statement from the ministry".
    if (head && (DOCUMENT_HEADS.has(head.base) || isMediumHead(head.base))) {
      const owner = this.documentOwner(start, end);
      if (owner) return owner;
    }
    if (mention) return this.fromMention(mention, start, end);
    return this.unresolved(phrase, extra);
  }

  private fromMention(m: SourceMention, start: number, end: number): Resolved {
    return registryResolved(m, this.possessorBefore(m, start, end), MEDIUM_TYPES.has(m.source.type));
  }

  private resolvePronoun(pronoun: Pronoun, token: Token): Resolved {
    const base: Resolved = {
      source: null,
      label: token.text,
      type: 'other',
      start: token.start,
      end: token.end,
      person: pronoun === 'he' || pronoun === 'she',
      pronoun,
      definiteHead: null,
      head: null,
      speaker: null,
      mention: null,
      plausible: true,
      medium: false,
    };
    // "North Korean state television KCTV aired footage of what it described as …": "it" is the
    // subject of the same sentence when that is a body, not a person.
    if (pronoun === 'it' || pronoun === 'they') {
      const subject = this.clauseSubject();
      if (subject && subject.end <= this.tokenIndexAt(token.start)) {
        const r = this.resolve(subject);
        if (r.plausible && !r.person && !r.pronoun) return { ...r, start: token.start, end: token.end, pronoun: null, definiteHead: null };
      }
    }
    return base;
  }

  private tokenIndexAt(offset: number): number {
    for (let i = 0; i < this.tokens.length; i += 1) if (this.tokens[i]?.start === offset) return i;
    return this.tokens.length;
  }

  /**
   * Unresolved words: the minimal phrase that names the source, and a guessed type. Leading
   * determiners and numbers go ("two of the people" → "people"); a person keeps only the name
   * ("Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov"); an organisation introduced by a
   * description keeps only its name ("Grid operator Energonet" → "Energonet"); a relative or
   * anonymity clause goes ("officials who spoke on condition of anonymity" → "officials"), its
   * meaning kept in the type.
   */
  private unresolved(phrase: Phrase, extra: readonly PhraseWord[]): Resolved {
    const { start, end, anonymous } = phrase;
    const all = this.phraseWords(start, end).words;
    const type0 = guessSourceType(all, extra, anonymous);
    // The span: drop a relative/anonymity clause, then leading determiners, numbers, partitives.
    let e = end;
    for (let i = start + 1; i < end; i += 1) {
      const span = this.anonymity.byStart.get(i);
      const w = this.lower(i);
      // "who" opens a relative clause; "WHO" is the World Health Organization.
      const relative = w === 'who' && !isAllCaps(this.tokens[i]?.text ?? '');
      if ((span && (relative || w === 'speaking' || w === 'on')) || relative) {
        e = i;
        break;
      }
    }
    let s = start;
    for (;;) {
      const w = this.lower(s);
      if (s < e - 1 && (LEADING_WORDS.has(w) || /^[0-9]/.test(w) || w === 'of')) s += 1;
      else break;
    }
    const { words, at } = this.phraseWords(s, e);
    let type = type0;
    let from = s;
    let to = e;
    let local = words.length === 1 && words[0]?.acronym ? this.localNames.get(this.tokens[s]?.text ?? '') : undefined;
    // "NBS data": a document whose owner is an acronym the text defined takes the owner's type.
    const hw = words[headIndex(words)];
    if (!local && hw && DOCUMENT_HEADS.has(hw.base)) {
      for (let i = s; i < e; i += 1) {
        const owner = this.localNames.get(this.tokens[i]?.text ?? '');
        if (owner) type = owner.type;
      }
    }
    const nameRange = personNameRange(words);
    // "A Department of Health spokesperson", "a spokesman for Tesla": the body speaks.
    const body = nameRange === null && hw !== undefined && hw.base.startsWith('spokes') ? spokespersonBody(words) : null;
    if (nameRange) {
      from = at[nameRange[0]] ?? s;
      to = (at[nameRange[1] - 1] ?? e - 1) + 1;
    } else if (body) {
      from = at[body.start] ?? s;
      to = (at[body.end - 1] ?? e - 1) + 1;
      type = body.type;
    } else {
      const named = this.nameAfterDescription(words, at);
      if (named) {
        from = named.from;
        to = e;
        type = named.type;
      }
    }
    // "according to The Athletic", "told The Economist": inside a sentence, a capital "The" starts a publication's title.
    // No person's name follows "The"; a longer name ending in a source noun ("The Hollow Men Trust") says what it is itself.
    const title = !body && (type === 'other' || type === 'organisation') && hw !== undefined && (e - start === 2 || !isSourceHead(hw.base)) && this.isTitleThe(start, e);
    if (title) type = 'newspaper-broadcaster';
    const sTok = this.tokens[from];
    const eTok = this.tokens[to - 1];
    if (!sTok || !eTok) return this.nothing();
    // A possessor's words end before its "'s" ("the agency's website" → "agency").
    const endOffset = eTok.end - (eTok.lower.length - eTok.base.length);
    const person = !title && type !== 'organisation' && type !== 'government' && isPersonPhrase(all);
    const content = this.phraseWords(s, end).words;
    const h = content[headIndex(content)];
    // "Some drinkers say", "Many bikers argue": a quantified plural of an -er noun is a group of people.
    const group = type === 'other' && h !== undefined && content.length === 1 && GROUP_QUANTIFIERS.has(this.lower(start)) && /^[a-z]{3,}ers$/.test(h.base);
    if (group) type = 'anonymous';
    const plausible =
      group ||
      anonymous ||
      (h !== undefined && (isSourceHead(h.base) || h.cap || h.acronym)) ||
      isPlaceName(content) ||
      person ||
      this.hasProperPossessor(s, end) ||
      (content.length === 1 && isQuantifierSource(content[0]?.base ?? ''));
    // "the agency", "the diplomat": a bare description that refers back to a source named before.
    const definite = this.lower(start) === 'the' && words.length === 1 && words.every((w) => !w.cap) && h !== undefined;
    return {
      source: null,
      label: local ? local.label : normaliseSpace(this.text.slice(sTok.start, endOffset)),
      type: local ? local.type : type,
      start: sTok.start,
      end: endOffset,
      person,
      pronoun: null,
      definiteHead: definite && h ? h.base : null,
      // A named person is later "the spokesman", "the economist": remember the role as the head.
      head: nameRange !== null ? (roleOf(words, extra, nameRange) ?? h?.base ?? null) : h ? h.base : null,
      speaker: null,
      mention: null,
      plausible,
      medium: MEDIUM_TYPES.has(local ? local.type : type) && !person,
    };
  }

  /**
   * Whether tokens `[start, end)` are "The" and capitalised words, inside a sentence (after a word
   * or a comma, not at the start or after a quotation mark or colon, where any word is capitalised).
   */
  private isTitleThe(start: number, end: number): boolean {
    if (this.tokens[start]?.text !== 'The' || start <= this.first || end - start < 2) return false;
    const prev = this.tokens[start - 1];
    if (!prev || (!prev.word && prev.text !== ',')) return false;
    for (let i = start + 1; i < end; i += 1) if (!this.tokens[i]?.word || !this.tokens[i]?.cap) return false;
    return true;
  }

  /**
   * "Grid operator Energonet", "the newspaper Libération", "Facebook's parent company Meta": a
   * description (ending in a noun that says what the thing is) followed by a capitalised name.
   * Returns where the name starts and the type the description gives.
   */
  private nameAfterDescription(words: readonly PhraseWord[], at: readonly number[]): { from: number; type: SourceType } | null {
    let n0 = words.length;
    // Capitalised words, and particles between them ("Corriere dello Sport").
    while (n0 > 0 && ((words[n0 - 1]?.cap && !words[n0 - 1]?.possessive) || (n0 < words.length && n0 > 1 && NAME_PARTICLES.has(words[n0 - 1]?.base ?? '') && words[n0 - 2]?.cap))) n0 -= 1;
    // "Chipmaker Veltrix said": the description is capitalised when it opens the sentence.
    if (n0 === 0 && words.length > 1 && at[0] === this.first && words[0] !== undefined && isCapitalisedDescription(words[0])) n0 = 1;
    if (n0 === 0 || n0 === words.length) return null;
    const descriptor = words[n0 - 1];
    if (!descriptor || (descriptor.cap && n0 > 1) || !isSourceHead(descriptor.base) || isRole(descriptor.base)) return null;
    const type = guessSourceType(words.slice(0, n0));
    if (type === 'anonymous' || type === 'other') return null;
    return { from: at[n0] ?? 0, type };
  }

  private nothing(): Resolved {
    return {
      source: null,
      label: '',
      type: 'other',
      start: 0,
      end: 0,
      person: false,
      pronoun: null,
      definiteHead: null,
      head: null,
      speaker: null,
      mention: null,
      plausible: false,
      medium: false,
    };
  }

  /**
   * True when the phrase opens with a capitalised possessive ("Ukraine’s air force", "Hamas’s
   * armed wing"): a body of a named country or organisation, even when its head is not in our lists.
   */
  private hasProperPossessor(start: number, end: number): boolean {
    for (let i = start; i < end - 1; i += 1) {
      const t = this.tokens[i];
      if (t && t.cap && t.lower !== t.base) return true;
    }
    return false;
  }

  /**
   * The registry mention that a phrase is about: one followed, inside the phrase, only by words
   * that still mean the outlet ("the KCNA article", "Yonhap news agency"), not by another head
   * ("Telegram's founder" is a person, not Telegram).
   */
  private outletMention(start: number, end: number): SourceMention | null {
    let chosen: SourceMention | null = null;
    const inSpan = this.mentionsIn(start, end);
    for (let mi = 0; mi < inSpan.length; mi += 1) {
      const m = inSpan[mi] as SourceMention;
      let ok = true;
      for (let i = start; i < end; i += 1) {
        const t = this.tokens[i];
        if (!t || t.start < m.end || !t.word) continue;
        if (!OUTLET_SUFFIXES.has(t.base)) {
          ok = false;
          break;
        }
      }
      if (ok) chosen = m;
    }
    return chosen;
  }

  /** A person named as the possessor of an outlet or account: "Kozhemyako's Telegram channel". */
  private possessorBefore(m: SourceMention, start: number, end: number): string | null {
    if (!MEDIUM_TYPES.has(m.source.type)) return null;
    const at = this.tokenOf(m, start, end);
    const prev = this.tokens[at - 1];
    if (at - 1 < start || !prev || !prev.word || !prev.cap || prev.lower === prev.base) return null;
    let s = at - 1;
    while (s - 1 >= start && this.tokens[s - 1]?.cap && this.tokens[s - 1]?.word) s -= 1;
    if (!isPersonPhrase(this.phraseWords(s, at).words)) return null;
    const from = this.tokens[s]?.start ?? prev.start;
    // The name without its possessive ending.
    const cut = prev.end - (prev.lower.length - prev.base.length);
    return normaliseSpace(this.text.slice(from, cut));
  }

  /**
   * The author of a document phrase: "a statement from the ministry", "a report by Yonhap", "a post
   * on Telegram", "the agency's website". Null when the phrase names none.
   */
  private documentOwner(start: number, end: number): Resolved | null {
    for (let i = start + 1; i < end - 1; i += 1) {
      const w = this.lower(i);
      if (w === 'from' || w === 'by' || w === 'of' || w === 'on' || w === 'in') {
        const owner = this.resolve({ start: i + 1, end, anonymous: false, pronoun: null });
        if (!owner.plausible) return null;
        // "a review of 21 studies": a document's topic, not its author; "a study of 300 pupils",
        // "a poll of voters": research counts what follows "of", it was not written by it.
        if (w === 'of' && ((owner.head !== null && DOCUMENT_HEADS.has(owner.head)) || RESEARCH_HEADS.has(this.lower(i - 1)))) return null;
        // "on"/"in" name where a document appeared ("a post on Telegram", "a report in the Times"),
        // which is its author only when it is an outlet; otherwise they name its topic.
        if ((w === 'on' || w === 'in') && !owner.medium) return null;
        return owner;
      }
    }
    // "the agency's website", "the ministry's statement": the possessor is the author, unless it is
    // a platform's user ("Kozhemyako's Telegram channel" is Telegram, handled by the mention rule).
    // A body's own media or services are not documents: "Pyongyang’s official media" stays whole.
    const { words } = this.phraseWords(start, end);
    const head = words[headIndex(words)];
    if (!head || !DOCUMENT_HEADS.has(head.base)) return null;
    // "The agency declared a drought, and its figures show …": "its" is the clause subject's.
    const determiner = this.lower(start);
    if (determiner === 'its' || determiner === 'their') {
      const subject = this.clauseSubject();
      if (subject && subject.end <= start) {
        const owner = this.resolve(subject);
        if (owner.plausible && !owner.person && !owner.pronoun) return owner;
      }
      return null;
    }
    for (let i = end - 2; i >= start; i -= 1) {
      const t = this.tokens[i];
      if (t && t.word && t.lower !== t.base) {
        if (this.mentionsIn(i + 1, end).length > 0) return null;
        const owner = this.resolve({ start, end: i + 1, anonymous: false, pronoun: null });
        return owner.plausible ? owner : null;
      }
    }
    return null;
  }

  /**
   * The subject of the sentence's first clause, read from its start: "German carmaker Voltra cut …",
   * "Kremlin spokesman Yuri Arkhipov declined …". Capitalised words, known source nouns and a few
   * modifiers; anything else ends it. Used for participles and coordinated verbs that share it.
   */
  private clauseSubject(): Phrase | null {
    if (this.subjectAtStart !== undefined) return this.subjectAtStart;
    let i = this.first;
    // Step over an opening adverbial: "Earlier,", "In a statement,", "On Tuesday,".
    for (let j = i; j < Math.min(this.tokens.length, i + 8); j += 1) {
      if (this.tokens[j]?.text === ',') {
        const opener = this.lower(i);
        if (PREPOSITIONS.has(opener) || STOP_WORDS.has(opener) || opener.endsWith('ly') || TIME_NOUNS.has(opener)) i = j + 1;
        break;
      }
    }
    const start = i;
    if (DETERMINERS.has(this.lower(i))) i += 1;
    let words = 0;
    while (i < this.tokens.length && i - start < MAX_CLAUSE_SUBJECT) {
      const t = this.tokens[i];
      if (!t || !t.word || this.inQuote[i]) break;
      // "The World Health Organization estimates that …": the subject ends at its verb.
      if (i > start && cueFor(t.lower) !== undefined) {
        const next = this.lower(i + 1);
        if (isVerbCue(t.lower) || next === 'that' || DETERMINERS.has(next) || /^[0-9]/.test(next)) break;
      }
      const next = this.tokens[i + 1];
      const ok =
        (t.cap && !STOP_WORDS.has(t.lower)) ||
        t.lower !== t.base ||
        isSourceHead(t.base) ||
        SUBJECT_MODIFIERS.has(t.lower) ||
        (t.lower === 'of' && next?.cap === true) ||
        // "German chemicals group BASF": a lower-case modifier before a head or a name.
        (/^[a-z][a-z-]*$/.test(t.lower) &&
          !/(ed|ing)$/.test(t.lower) &&
          !STOP_WORDS.has(t.lower) &&
          !AUXILIARIES.has(t.lower) &&
          !PREPOSITIONS.has(t.lower) &&
          !DETERMINERS.has(t.lower) &&
          cueFor(t.lower) === undefined &&
          next !== undefined &&
          next.word &&
          !this.inQuote[i + 1] &&
          ((next.cap && !STOP_WORDS.has(next.lower)) || isSourceHead(next.base)));
      if (!ok) break;
      words += 1;
      i += 1;
    }
    this.subjectAtStart = words > 0 ? { start, end: i, anonymous: false, pronoun: null } : null;
    return this.subjectAtStart;
  }

  // ---- where the source is, by cue ----

  /**
   * "according to X", "citing X", "quoting X": the source phrase follows the cue. "…, citing weak
   * demand" cites a reason, not a source: the clause's subject then makes the claim.
   */
  private sourceFollows(k: number, from: number, cue: string, how: 'according' | 'citing' | 'cited'): void {
    const kind: CandidateKind = how === 'cited' ? 'citing' : how;
    const phrase = phraseAfter(this.tokens, this.inQuote, from, this.tokens.length, this.anonymity);
    const r = phrase ? this.resolve(phrase, this.appositiveAfter(phrase)) : null;
    // "cited" needs a source that speaks ("cited officials"), not a reason ("cited weak demand").
    const speaks = how !== 'cited' || (r !== null && (r.person || r.source !== null || r.type === 'anonymous' || r.type === 'government' || r.type === 'organisation' || MEDIUM_TYPES.has(r.type)));
    if (phrase && r && r.plausible && speaks) {
      for (const part of this.coordinatedParts(phrase)) {
        const pr = part === phrase ? r : this.resolve(part);
        this.add(kind, pr, k, from, part, cue, 'neutral', pr.speaker, null, null);
      }
      return;
    }
    if (how === 'cited') return;
    if (kind === 'citing' && this.lower(k - 1) === ',') this.sharedSubject(k, from, cue, 'neutral');
  }

  /** A participle or a coordinated verb whose subject is the clause's: "…, telling reporters that …". */
  private sharedSubject(k: number, cueEnd: number, cue: string, stance: CueStance, e?: CueEntry): void {
    const subject = this.clauseSubject();
    if (!subject || subject.end > k) return;
    let r = this.resolve(subject);
    if (!r.plausible) return;
    // "A Pentagon spokeswoman, Rachel Dunmore, declined to comment but said": the named person speaks.
    const named = this.appositiveNameAfter(subject, k);
    if (named) r = named;
    if (e) this.addWithMedium(r, k, cueEnd, subject, cue, e, null);
    else this.add('subject', r, k, cueEnd, subject, cue, stance, r.speaker, null, null);
  }

  /**
   * The person an appositive right after the clause subject names, when the subject only describes
   * them ("The club's captain, Tom Reilly, told … and accused …"), resolved and typed by the
   * description; null otherwise. The appositive ends at a comma before `k`.
   */
  private appositiveNameAfter(subject: Phrase, k: number): Resolved | null {
    if (this.tokens[subject.end]?.text !== ',') return null;
    let j = subject.end + 1;
    while (j < k && j - subject.end <= 6 && this.tokens[j]?.word) j += 1;
    if (j >= k || this.tokens[j]?.text !== ',') return null;
    const span = this.appositivePersonSpan([subject.end + 1, j]);
    if (!span) return null;
    const words = this.phraseWords(subject.start, subject.end).words;
    if (personNameRange(words) !== null || !isPersonPhrase(words)) return null;
    const type = guessSourceType([...words, ...this.phraseWords(span[0], span[1]).words]);
    return { ...this.resolve({ start: span[0], end: span[1], anonymous: false, pronoun: null }), type: type === 'anonymous' ? 'other' : type };
  }

  /** A reporting verb. */
  private verbCue(k: number, e: CueEntry): void {
    const prev = this.tokens[k - 1];
    // "the stated goal", "Russia's alleged role", "500 confirmed cases": an adjective, not a report.
    if (e.participle && prev && prev.word && !this.isFloatingQuantifier(k - 1) && (ADJECTIVE_DETERMINERS.has(prev.lower) || this.isPossessive(prev) || this.isCount(k - 1))) return;
    // "declined to say", "is said to be": no one is reported as saying anything ("used to tell" is a habit, still speech).
    if (prev?.lower === 'to' && this.lower(k - 2) !== 'used') return;
    // "What does the government say?", "What has Russia said?": a question (an explainer's
    // sub-heading) asks, it reports nothing.
    if (this.isQuestion(k)) return;
    if (!this.guardAllows(k, e)) return;
    // "The army said nothing about casualties": empty reporting. "the think tank": a noun.
    if (this.lower(k + 1) === 'nothing' || (e.lemma === 'think' && this.lower(k + 1).startsWith('tank'))) return;
    // "The hospital admitted 20 patients": a number after the verb is what it took in, not a claim.
    if (e.lemma === 'admit' && /^[0-9]/.test(this.tokens[k + 1]?.text ?? '')) return;
    // "people feared trapped", "a man believed to be armed": an agentless passive, a hedge with no holder.
    if (this.isReducedPassive(k, e)) return;
    // "economists had forecast": a base form spelt like the past is the past after "have".
    // "the IMF forecast growth of 3%", "the chipmaker forecast revenue above expectations": after a
    // name or a source noun, and with no noun's follower after it ("the weather forecast was").
    const verbAfter = !NOUN_FOLLOWERS.has(this.lower(k + 1)) && !AUXILIARIES.has(this.lower(k + 1));
    const pastLike =
      e.pastIsBase &&
      e.form === 'base' &&
      prev !== undefined &&
      prev.word &&
      (prev.lower === 'had' || prev.lower === 'has' || prev.lower === 'have' || (verbAfter && ((prev.cap && k - 1 > this.first) || isAllCaps(prev.text) || (isSourceHead(prev.base) && !DOCUMENT_HEADS.has(prev.base)))));
    const nounForm = e.nounLike && (e.form === 'base' || e.form === 'present') && !pastLike;
    if (nounForm) {
      // "state media", "the claims", "Russia's claims of": a noun unless it stands where a verb does.
      // Capitalised after a word of the sentence, it is part of a name ("the United States").
      if (this.tokens[k]?.cap && k > this.first) return;
      const next = this.lower(k + 1);
      // The base form is a verb after "they" or a plural group ("critics claim"), or before "that".
      const afterPlural = prev !== undefined && prev.word && (prev.lower === 'they' || isPluralSource(prev.base));
      if (e.form === 'base' && next !== 'that' && next !== ':' && !afterPlural) return;
      if (prev && prev.word && (ADJECTIVE_DETERMINERS.has(prev.lower) || this.isPossessive(prev))) return;
      if (NOUN_FOLLOWERS.has(next) || next === '') return;
      // "estimates for the quarter", "forecasts at the meeting": a preposition after the -s form makes it the noun.
      if (e.form === 'present' && PREPOSITIONS.has(next) && next !== 'to') return;
    }
    const { cueText, cueEnd } = this.cueWords(k, e);
    if (e.form === 'gerund') {
      if (this.documentGerund(k, e, cueText, cueEnd)) return;
      // "…, telling reporters that …", "…, adding that …": the clause's subject speaks. When the
      // sentence already names a speaker before the participle, it is that speaker's second cue.
      if (prev?.text === ',' || (prev?.lower === 'only' && this.tokens[k - 2]?.text === ',')) {
        if (this.candidates.some((c) => c.cueStart < k && (c.kind === 'subject' || c.kind === 'inverted' || c.kind === 'quoted' || c.kind === 'agent'))) return;
        this.sharedSubject(k, cueEnd, cueText, e.stance, e);
      }
      return;
    }
    // Walk back over adverbs, auxiliaries and time phrases to the subject. A "be" makes the cue
    // passive; a modal makes it hypothetical ("she will say", "a post might say"); "not" negates it.
    let i = k - 1;
    for (let steps = 0; steps < 8 && i >= this.first; steps += 1) {
      const t = this.tokens[i];
      if (!t || !t.word) break;
      if (NEGATIONS.has(t.lower)) return;
      if (MODALS.has(t.lower)) return;
      if (BE_FORMS.has(t.lower)) {
        if (e.participle || e.form === 'participle' || pastLike) this.passive(k, e, i);
        return;
      }
      // "USA Today reported": the end of a registry name is no time adverbial.
      if (this.mentionEndingAt(i) !== null) break;
      // "Analysts had on average expected": a fixed adverbial between the auxiliary and the verb.
      if ((t.lower === 'average' && this.lower(i - 1) === 'on') || (t.lower === 'least' && this.lower(i - 1) === 'at') || (t.lower === 'whole' && this.lower(i - 1) === 'the' && this.lower(i - 2) === 'on')) {
        i -= t.lower === 'whole' ? 3 : 2;
        continue;
      }
      // "He used to tell me": a habit in the past.
      if (t.lower === 'to' && this.lower(i - 1) === 'used') {
        i -= 2;
        continue;
      }
      const skipped = this.skipTimeBefore(i);
      if (skipped !== i) {
        i = skipped;
        continue;
      }
      if (!VERB_ADVERBS.has(t.lower)) break;
      i -= 1;
    }
    let subject = this.relativeAntecedent(i) ?? this.subjectBefore(i);
    if (subject && e.participle && i === k - 1 && this.isReducedRelative(subject.phrase, e)) return;
    subject = this.beforeReducedRelative(i, subject);
    // "Some fear that …": a quantifier alone is an unnamed group.
    if (!subject && prev && isQuantifierSource(prev.lower) && (k - 1 === this.first || !this.tokens[k - 2]?.word)) {
      subject = { phrase: { start: k - 1, end: k, anonymous: true, pronoun: null }, appositive: null, appositiveWords: [] };
    }
    if (subject) {
      let r = this.resolve(subject.phrase, subject.appositiveWords);
      // "A Weibo user with more than a million followers alleged": the subject is before its modifier.
      if (!r.plausible && subject.appositive === null) {
        const head = this.headBeforeModifier(subject.phrase.start);
        if (head) {
          subject = { phrase: head, appositive: null, appositiveWords: [] };
          r = this.resolve(head);
        }
      }
      // "beat Wall Street estimates", "above analysts' forecasts": the phrase is an object, the cue a noun.
      if (nounForm && this.isObjectPosition(subject.phrase.start)) return;
      // "France's agency for …, Viginum, attributed": the appositive is the body's name.
      const appositiveName = r.person ? null : this.appositiveProperName(subject.appositive);
      if (appositiveName && !r.source && r.plausible) {
        r = { ...appositiveName, type: appositiveName.source ? appositiveName.type : r.type };
      }
      // "the leader's sister, Kim Yo-jong, claimed": the appositive names the person described.
      const named = this.appositivePersonSpan(subject.appositive);
      if (named && r.plausible && !r.source && personNameRange(this.phraseWords(subject.phrase.start, subject.phrase.end).words) === null && isPersonPhrase(this.phraseWords(subject.phrase.start, subject.phrase.end).words)) {
        const type = guessSourceType([...this.phraseWords(subject.phrase.start, subject.phrase.end).words, ...this.phraseWords(named[0], named[1]).words]);
        r = { ...this.resolve({ start: named[0], end: named[1], anonymous: false, pronoun: null }), type: type === 'anonymous' ? 'other' : type };
      }
      // "Campaigners from Save Northfield Libraries said": members of a named group speak for it.
      r = this.memberOfGroup(subject.phrase, r);
      const head = this.headOf(subject.phrase);
      // "police found a body": without "that", "found" reports a finding only from research; "showed"
      // also from records and documents ("the filing showed"), but not from pictures ("footage showed smoke").
      if (e.guard === 'needs-that-or-research' && !this.followedBy(k, 4, THAT) && this.lower(k + 1) !== ':') {
        const evidence = RESEARCH_HEADS.has(head) || (e.lemma === 'show' && DOCUMENT_HEADS.has(head) && !VISUAL_HEADS.has(head));
        if (!evidence) return;
      }
      // "Every government promises …", "Any expert will say …": a generalisation, nobody's statement.
      const quantifier = this.lower(subject.phrase.start);
      if ((quantifier === 'every' || quantifier === 'any' || quantifier === 'no') && !subject.phrase.pronoun) return;
      // "a judge denied the motion", "the court rejected the appeal": a ruling, not a denial of a claim.
      if (e.stance === 'denial' && RULING_HEADS.has(head)) return;
      // "… the hills, where they believed they would be safe": a belief inside the writer's own
      // subordinate clause narrates; it reports nobody's view.
      if (e.stance === 'belief' && subject.phrase.pronoun !== null && SUBORDINATORS.has(this.lower(subject.phrase.start - 1))) return;
      // "Apple said its revenue rose", "Chelsea said it would appeal": a one-word name referred to as
      // "it" is a body (a person named before by surname is put right by coreference).
      if (r.person && !r.source && !r.pronoun && subject.phrase.end - subject.phrase.start === 1 && this.itFollows(cueEnd)) {
        r = { ...r, person: false, type: r.type === 'government' ? r.type : 'organisation' };
      }
      if (r.plausible) {
        const parts = this.coordinatedParts(subject.phrase);
        if (parts.length > 1) {
          for (const part of parts) this.addWithMedium(this.resolve(part), k, cueEnd, part, cueText, e, null);
          return;
        }
        this.addWithMedium(r, k, cueEnd, subject.phrase, cueText, e, subject.appositive);
        return;
      }
    }
    // Inverted: "“…,” said the ministry." The verb follows punctuation or opens the sentence.
    const invertible = e.invertible && e.form !== 'base' && !nounForm;
    if (invertible && (k === this.first || (prev !== undefined && !prev.word && prev.text !== '('))) {
      const phrase = phraseAfter(this.tokens, this.inQuote, cueEnd, this.tokens.length, this.anonymity);
      // "said it detected": a pronoun after the verb starts the reported clause, it is no inverted subject.
      if (!phrase || phrase.pronoun === 'it' || phrase.pronoun === 'they') return;
      // "…, said staff were exhausted": a verb after the phrase makes it the reported clause's subject.
      const after = this.tokens[phrase.end];
      if (after && after.word && (AUXILIARIES.has(after.lower) || isVerbCue(after.lower))) return;
      const r = this.resolve(phrase, this.appositiveAfter(phrase));
      if (r.plausible) this.add('inverted', r, k, cueEnd, phrase, cueText, e.stance, r.speaker, null, null);
      return;
    }
    // "Kyiv rarely comments on attacks but says …": the subject of the first verb is shared.
    if (subject === null && (this.lower(i) === 'and' || this.lower(i) === 'but')) this.sharedSubject(k, cueEnd, cueText, e.stance, e);
  }

  /** "Russia and Ukraine have *each* accused", "they *all* said": a quantifier floated after the subject, not a determiner. */
  private isFloatingQuantifier(i: number): boolean {
    const w = this.lower(i);
    if (w !== 'each' && w !== 'both' && w !== 'all') return false;
    const before = this.tokens[i - 1];
    return before !== undefined && before.word && (AUXILIARIES.has(before.lower) || before.cap || before.lower === 'they' || isPluralSource(before.base));
  }

  /**
   * The gender the words of a phrase and of the appositive or title around it show: "Mrs Holt",
   * "the spokeswoman", "Her daughter, Alicia Vance,".
   */
  private genderIn(phrase: Phrase): Gender | null {
    let end = phrase.end;
    // "Alicia Vance, the victim's daughter, said": the appositive after the phrase.
    if (this.tokens[end]?.text === ',') {
      let j = end + 1;
      while (j < this.tokens.length && j - end <= 8 && this.tokens[j]?.word) j += 1;
      if (this.tokens[j]?.text === ',') end = j;
    }
    let gender: Gender | null = null;
    for (let i = phrase.start; i < end; i += 1) {
      const t = this.tokens[i];
      // "the man's lawyer": a possessor is someone else.
      if (t && t.word && t.lower === t.base) gender = genderOfWord(t.base) ?? gender;
    }
    return gender;
  }

  /** True when the reported clause after a cue opens with "it"/"its" ("said it would", "said that its profit"). */
  private itFollows(cueEnd: number): boolean {
    let j = cueEnd;
    if (this.lower(j) === 'that') j += 1;
    const w = this.lower(j);
    return (w === 'it' || w === 'its') && !this.inQuote[j];
  }

  /**
   * "opposition lawmakers, who accused him of …", "the ministry, which said …": a relative pronoun
   * as the subject stands for the phrase before it.
   */
  private relativeAntecedent(i: number): SubjectPhrase | null {
    const w = this.lower(i);
    if ((w !== 'who' && w !== 'which') || this.inQuote[i] || isAllCaps(this.tokens[i]?.text ?? '')) return null;
    const last = this.tokens[i - 1]?.text === ',' ? i - 2 : i - 1;
    if (last < this.first || !this.tokens[last]?.word) return null;
    const phrase = phraseBefore(this.tokens, this.inQuote, last, this.first, this.anonymity);
    if (!phrase || phrase.pronoun) return null;
    // "which" stands for a thing or a body, "who" for people.
    const person = isPersonPhrase(this.phraseWords(phrase.start, phrase.end).words) || isPluralSource(this.headOf(phrase));
    if (w === 'which' && person) return null;
    return { phrase, appositive: null, appositiveWords: [] };
  }

  /** The head word (lower case, base form) of a phrase, or "" when it has none. */
  private headOf(phrase: Phrase): string {
    if (phrase.pronoun) return phrase.pronoun;
    // Most phrases are one to three words with no preposition: their head is the last word.
    let simple = true;
    for (let i = phrase.start; i < phrase.end && simple; i += 1) {
      const t = this.tokens[i];
      if (!t || !t.word || PREPOSITIONS.has(t.lower) || t.lower === 'who' || t.lower === 'and') simple = false;
    }
    if (simple) return this.tokens[phrase.end - 1]?.base ?? '';
    const { words } = this.phraseWords(phrase.start, phrase.end);
    return words[headIndex(words)]?.base ?? '';
  }

  /**
   * "people feared trapped", "a man believed to be armed", "the figure, estimated to": a belief or
   * report participle right before "to" or a predicative word is an agentless passive.
   */
  private isReducedPassive(k: number, e: CueEntry): boolean {
    if (!e.reducedPassive || !(e.form === 'past' || e.form === 'participle' || (e.pastIsBase && e.form === 'base'))) return false;
    const next = this.lower(k + 1);
    if (PREDICATIVES.has(next)) return true;
    if (next !== 'to') return false;
    // "said to reporters" is active; "said to be", "said to have" are passive.
    const after = this.lower(k + 2);
    return e.lemma !== 'say' || after === 'be' || after === 'have';
  }

  /**
   * A subject behind a reduced relative clause: "Labor Department data released on Tuesday showed",
   * "a study published in The Lancet found", "analysts polled by LSEG had expected", "rebels backed
   * by Moscow said". The participle describes the subject, which comes before it.
   */
  private beforeReducedRelative(i: number, subject: SubjectPhrase | null): SubjectPhrase | null {
    // The participle right before the verb (after any time phrase): "data released on Tuesday showed".
    if (!subject && this.isParticiple(i) && this.tokens[i - 1]?.word) {
      const before = this.subjectBefore(i - 1);
      if (before && this.resolve(before.phrase).plausible) return before;
      return subject;
    }
    if (!subject || subject.appositive !== null) return subject;
    const p = subject.phrase.start - 1;
    const prep = this.lower(p);
    if (!REDUCED_RELATIVE_PREPOSITIONS.has(prep) || !this.isParticiple(p - 1, true)) return subject;
    const before = this.subjectBefore(p - 2);
    if (prep === 'by' && RELAY_PARTICIPLES.has(this.lower(p - 1))) return before;
    return before && this.resolve(before.phrase).plausible ? before : subject;
  }

  /** A lower-case past participle in a reduced relative ("released", "published", "seen"), not a cue. */
  private isParticiple(i: number, cues = false): boolean {
    const t = this.tokens[i];
    if (!t || !t.word || t.cap || this.inQuote[i]) return false;
    if (RELAY_PARTICIPLES.has(t.lower) || IRREGULAR_PARTICIPLES.has(t.lower)) return true;
    // "a man charged with murder": a cue's participle before its preposition, when the caller allows it.
    return t.lower.length > 4 && t.lower.endsWith('ed') && (cues || !isVerbCue(t.lower));
  }

  /**
   * "A Weibo user with more than a million followers": a short modifier ("with …", "from …") read
   * as the subject; the head it modifies comes before its preposition.
   */
  private headBeforeModifier(start: number): Phrase | null {
    for (let j = start - 1; j > this.first && start - j <= 8; j -= 1) {
      const t = this.tokens[j];
      if (!t || !t.word || this.inQuote[j] || isVerbCue(t.lower)) return null;
      // "Residents who fled the fighting said": a relative clause without commas.
      const relative = t.lower === 'who' && !isAllCaps(t.text);
      if (AUXILIARIES.has(t.lower)) continue;
      if (!MODIFIER_PREPOSITIONS.has(t.lower) && !relative) continue;
      const phrase = phraseBefore(this.tokens, this.inQuote, j - 1, this.first, this.anonymity);
      if (!phrase) continue;
      const r = this.resolve(phrase);
      if (r.plausible && !r.pronoun) return phrase;
    }
    return null;
  }

  /** True when the phrase starting at `start` follows a preposition or a verb that takes it as object. */
  private isObjectPosition(start: number): boolean {
    const t = this.tokens[start - 1];
    if (!t || !t.word || start - 1 < this.first) return false;
    return PREPOSITIONS.has(t.lower) || OBJECT_TAKING_VERBS.has(t.lower);
  }

  /**
   * "Campaigners from Save Northfield Libraries", "members of IG Metall": a capitalised name after a
   * word for its members is a group that speaks for itself, an organisation (or a government body).
   */
  private memberOfGroup(phrase: Phrase, r: Resolved): Resolved {
    const prep = this.lower(phrase.start - 1);
    if (r.source || !(prep === 'from' || prep === 'of' || prep === 'at') || !MEMBER_NOUNS.has(this.tokens[phrase.start - 2]?.base ?? '')) return r;
    if (!this.tokens[phrase.start]?.cap && !this.tokens[phrase.start + 1]?.cap) return r;
    if (r.type === 'government' || r.type === 'organisation') return r;
    return { ...r, type: 'organisation', person: false };
  }

  /**
   * Step back over a time adverbial between a subject and its verb: "The administration *on
   * Thursday* announced", "Pyongyang has *in the past* accused". Returns the token before it, or
   * `i` when there is none.
   */
  private skipTimeBefore(i: number): number {
    const w = this.lower(i);
    if (!TIME_NOUNS.has(w)) return i;
    let j = i - 1;
    let steps = 0;
    while (j >= this.first && steps < 3 && (TIME_OPENERS.has(this.lower(j)) || this.lower(j) === 'earlier' || this.lower(j) === 'later')) {
      j -= 1;
      steps += 1;
    }
    if (steps > 0) return j;
    if (w === 'yesterday' || w === 'today' || w === 'tonight' || w === 'overnight') return i - 1;
    // "data released Tuesday showed": a bare day after a participle.
    if (this.isParticiple(i - 1)) return i - 1;
    return i;
  }

  /**
   * "in a video posted on YouTube", "from a statement released by": a participle after a document
   * that is itself the object of a preposition describes the document; it is not a finite verb.
   * Nor is "posted"/"written" after a document anywhere.
   */
  private isReducedRelative(phrase: Phrase, e: CueEntry): boolean {
    const { words } = this.phraseWords(phrase.start, phrase.end);
    const head = words[headIndex(words)];
    if (head === undefined || !DOCUMENT_HEADS.has(head.base)) return false;
    // A document never posts or writes anything: "A video posted on YouTube shows…".
    if (e.lemma === 'post' || e.lemma === 'write' || e.lemma === 'tweet') return true;
    return PREPOSITIONS.has(this.lower(phrase.start - 1));
  }

  /** The cue's words: "posted on" and "wrote on" keep their preposition, which is part of the cue. */
  private cueWords(k: number, e: CueEntry): { cueText: string; cueEnd: number } {
    const next = this.lower(k + 1);
    if ((e.lemma === 'post' || e.lemma === 'write' || e.lemma === 'tweet') && (next === 'on' || next === 'to')) {
      return { cueText: `${e.word} ${next}`, cueEnd: k + 2 };
    }
    // Phrasal cues: "called for", "called on", "pointed out", "made clear", "made it clear".
    if ((e.lemma === 'call' && (next === 'for' || next === 'on')) || (e.lemma === 'point' && next === 'out') || (e.lemma === 'make' && next === 'clear')) {
      return { cueText: `${e.word} ${next}`, cueEnd: k + 2 };
    }
    if (e.lemma === 'make' && next === 'it' && this.lower(k + 2) === 'clear') return { cueText: `${e.word} it clear`, cueEnd: k + 3 };
    return { cueText: e.word, cueEnd: k + 1 };
  }

  /** A number counting what follows ("500 confirmed cases"), not the end of a name ("Primorye 24"). */
  private isCount(i: number): boolean {
    const t = this.tokens[i];
    if (!t || !/^[0-9]/.test(t.text)) return false;
    const before = this.tokens[i - 1];
    return !(before && before.word && before.cap);
  }

  private isPossessive(t: Token): boolean {
    return t.word && t.lower !== t.base && t.lower.endsWith("'s");
  }

  /** True when `word` occurs within the `span` tokens after `k`, before a full stop. */
  private followedBy(k: number, span: number, words: ReadonlySet<string>): boolean {
    for (let i = k + 1; i < Math.min(this.tokens.length, k + 1 + span); i += 1) {
      const t = this.tokens[i];
      if (!t || t.text === '.' || t.text === ';') return false;
      if (words.has(t.lower)) return true;
    }
    return false;
  }

  /**
   * "considers the deal a threat", "considered the strikes to be illegal": an object of at least one
   * word, then "a/an" or "to be" (not after a preposition: "considered the plan at a meeting").
   */
  private hasObjectComplement(k: number): boolean {
    const first = this.tokens[k + 1];
    if (!first || !first.word || first.lower === 'a' || first.lower === 'an') return false;
    for (let i = k + 2; i < Math.min(this.tokens.length, k + 7); i += 1) {
      const t = this.tokens[i];
      if (!t || !t.word) return false;
      if ((t.lower === 'a' || t.lower === 'an') && !PREPOSITIONS.has(this.lower(i - 1))) return true;
      if (t.lower === 'to' && this.lower(i + 1) === 'be') return true;
      // "considers the ministry's figures reliable": an evaluative adjective ends the clause.
      if (i > k + 2 && !this.tokens[i + 1]?.word && (EVALUATIVES.has(t.lower) || /[a-z]{3}(able|ible)$/.test(t.lower))) return true;
    }
    return false;
  }

  /** True when an auxiliary or modal (a finite clause) follows within a few words: "added the plan would fail". */
  private finiteVerbFollows(k: number): boolean {
    for (let i = k + 1; i < Math.min(this.tokens.length, k + 8); i += 1) {
      const t = this.tokens[i];
      if (!t || !t.word) return false;
      if (AUXILIARIES.has(t.lower) && this.lower(i - 1) !== 'to') return true;
    }
    return false;
  }

  /** True when a number or a percentage follows the cue within a few words ("projected growth of 2.5%"). */
  private figureFollows(k: number): boolean {
    for (let i = k + 1; i < Math.min(this.tokens.length, k + 7); i += 1) {
      const t = this.tokens[i];
      if (!t || t.text === '.' || t.text === ';') return false;
      if (/^[0-9]/.test(t.text) || t.text === '$' || t.text === '£' || t.text === '€' || t.lower === 'percent') return true;
    }
    return false;
  }

  /**
   * After "posted on", "wrote in": a channel follows — a registry outlet or platform, a medium or a
   * document ("on his website", "in a letter", "in the journal Nature"), a capitalised name or a time
   * ("on Monday that"); "posted on public boards" is a physical act.
   */
  private channelFollows(from: number): boolean {
    for (let i = from; i < Math.min(this.tokens.length, from + 8); i += 1) {
      const t = this.tokens[i];
      if (!t || !t.word) return false;
      if (t.cap || isMediumHead(t.base) || DOCUMENT_HEADS.has(t.base) || CHANNEL_WORDS.has(t.base) || WRITINGS.has(t.base) || TIME_NOUNS.has(t.lower) || t.lower === 'that') return true;
      // "posted on walls in Moscow": the place after the next preposition is no channel.
      if (i > from && PREPOSITIONS.has(t.lower)) return false;
      if (!DETERMINERS.has(t.lower) && !LISTENER_PRONOUNS.has(t.lower) && !/^[a-z-]+$/.test(t.lower)) return false;
    }
    return false;
  }

  /** The extra condition some cue words need (see `CueGuard`). */
  private guardAllows(k: number, e: CueEntry): boolean {
    const next = this.tokens[k + 1];
    const nextLower = next?.lower ?? '';
    const terminal = next === undefined || nextLower === '.' || nextLower === '!' || nextLower === '?';
    switch (e.guard) {
      case 'none':
        return true;
      case 'needs-channel': {
        const prev = this.tokens[k - 1];
        if (prev && !prev.word) return true;
        // "A reader, Tom in Hull, writes in: …", "wrote in to say": a letter to the publication.
        if (nextLower === 'in' && (this.lower(k + 2) === ':' || this.lower(k + 2) === 'to')) return true;
        if (nextLower === 'on' || nextLower === 'in') return this.channelFollows(k + 2);
        return terminal || ['to', 'that', ':', '“', '"', '«', ',', 'online'].includes(nextLower);
      }
      case 'needs-claim-object':
        return this.followedBy(k, 6, CLAIM_NOUNS);
      case 'not-before-to':
        return !(nextLower === 'to' || nextLower === 'up' || /^[0-9]/.test(next?.text ?? ''));
      case 'not-before-lives':
        return !this.followedBy(k, 4, CLAIMED_THINGS);
      case 'not-before-grant':
        return !this.followedBy(k, 3, GRANTED_THINGS);
      case 'needs-that':
        // "the study found that …", "assessed last year that …"; or a closing aside: "…, NBS data showed."
        return nextLower === ':' || terminal || this.followedBy(k, 4, THAT);
      case 'needs-that-or-research':
        // Without "that", only a research subject makes it a finding (checked once the subject is read).
        return true;
      case 'needs-that-far':
        return nextLower === ':' || terminal || this.followedBy(k, 12, THAT);
      case 'needs-to-or-that':
        // "advise taking shorter showers": advice as a gerund.
        if (e.lemma === 'advise' && nextLower.length > 5 && nextLower.endsWith('ing')) return true;
        return nextLower === ':' || terminal || this.followedBy(k, 10, TO_THAT_AGAINST);
      case 'needs-to-or-that-next':
        return nextLower === 'to' || nextLower === 'that' || nextLower === ':' || terminal;
      case 'needs-for-or-on':
        return nextLower === 'for' || (nextLower === 'on' && this.followedBy(k + 1, 8, TO));
      case 'needs-out':
        return nextLower === 'out';
      case 'needs-clear': {
        // "made clear that …", "made it clear that …"; not "made clear progress".
        const after = nextLower === 'it' && this.lower(k + 2) === 'clear' ? this.lower(k + 3) : nextLower === 'clear' ? this.lower(k + 2) : null;
        return after !== null && (CLEAR_FOLLOWERS.has(after) || after === '');
      }
      case 'needs-that-or-figure':
        return this.followedBy(k, 4, THAT) || this.figureFollows(k);
      case 'needs-complement':
        return this.followedBy(k, 6, THAT_AS) || this.hasObjectComplement(k);
      case 'needs-clause':
        if (nextLower === 'to' || nextLower === 'up' || /^[0-9]/.test(next?.text ?? '')) return false;
        // "declared the vote invalid", "declared itself neutral": a judgement with its complement.
        if (e.lemma === 'declare' && (nextLower === 'itself' || this.hasObjectComplement(k))) return true;
        return terminal || CLAUSE_OPENERS.has(nextLower) || this.finiteVerbFollows(k);
      case 'not-before-on':
        return nextLower !== 'on' && nextLower !== 'upon';
      case 'needs-that-or-whether':
        return this.followedBy(k, 4, THAT_WHETHER);
      case 'needs-listener':
        return this.isListener(k + 1);
      case 'needs-for-on':
        // "…, blaming weak demand": after a comma the participle gives the subject's explanation, like "citing".
        return this.followedBy(k, 10, FOR_ON) || (e.form === 'gerund' && this.tokens[k - 1]?.text === ',');
      case 'needs-as':
        return this.followedBy(k, 10, new Set(['as']));
      case 'needs-to':
        return this.followedBy(k, 10, new Set(['to']));
      case 'needs-to-next':
        return nextLower === 'to';
    }
  }

  /**
   * Whether "told"/"tell" has a listener at token `i` (a person, an outlet, "reporters", "a news
   * conference"), not a thing told ("the data tell a clear story").
   */
  private isListener(i: number): boolean {
    const t = this.tokens[i];
    if (!t || !t.word) return false;
    if (t.cap || LISTENER_PRONOUNS.has(t.lower) || LISTENERS.has(t.base) || isPluralSource(t.base)) return true;
    if (!DETERMINERS_BEFORE_LISTENER.has(t.lower)) return false;
    for (let j = i + 1; j < Math.min(this.tokens.length, i + 5); j += 1) {
      const u = this.tokens[j];
      if (!u || !u.word) return false;
      if (u.cap || LISTENERS.has(u.base) || isPluralSource(u.base) || isMediumHead(u.base) || isRole(u.base)) return true;
    }
    return false;
  }

  /**
   * Whether the cue at `k` is the verb of a question: the sentence ends with a question mark outside
   * quotation marks, and either "do"/"does"/"did" comes shortly before the cue ("What does the
   * ministry say?") or the sentence opens with an inverted auxiliary ("What has Russia said?", "Has
   * the ministry confirmed it?").
   */
  private isQuestion(k: number): boolean {
    if (this.inQuote[k]) return false;
    let last = this.tokens.length - 1;
    while (last > k && QUOTE_MARKS.has(this.tokens[last]?.text ?? '')) last -= 1;
    if (this.tokens[last]?.text !== '?') return false;
    for (let i = k - 1; i >= this.first && k - i <= 8; i -= 1) {
      const w = this.lower(i);
      if (w === 'do' || w === 'does' || w === 'did') return true;
    }
    const opener = this.lower(this.first);
    const auxiliary = QUESTION_WORDS.has(opener) ? this.lower(this.first + 1) : opener;
    return AUXILIARIES.has(auxiliary) || MODALS.has(auxiliary);
  }

  /** The subject ending at token `i`, stepping over an appositive: "Kozhemyako, the governor of Primorsky, said". */
  private subjectBefore(i: number): SubjectPhrase | null {
    let t = this.tokens[i];
    if (i < this.first || !t) return null;
    // "The Joint Chiefs of Staff (JCS) said": step over a short parenthesis after the name.
    if (t.text === ')') {
      let o = i - 1;
      while (o > this.first && i - o <= 6 && this.tokens[o]?.text !== '(') o -= 1;
      if (this.tokens[o]?.text !== '(' || !this.tokens[o - 1]?.word) return null;
      i = o - 1;
      t = this.tokens[i];
      if (!t) return null;
    }
    if (t.word) {
      let phrase = phraseBefore(this.tokens, this.inQuote, i, this.first, this.anonymity);
      // "USA Today reported": a registry name whose last word would end a phrase ("today").
      const m = this.mentionEndingAt(i);
      if (m !== null && (phrase === null || phrase.start > m)) {
        const before = m > this.first && this.tokens[m - 1]?.word ? phraseBefore(this.tokens, this.inQuote, m - 1, this.first, this.anonymity) : null;
        phrase = { start: before && before.end === m ? before.start : m, end: i + 1, anonymous: false, pronoun: null };
      }
      return phrase ? { phrase, appositive: null, appositiveWords: [] } : null;
    }
    if (t.text !== ',') return null;
    // Find the comma that opens the appositive.
    let c = i - 1;
    while (c >= this.first && i - c <= MAX_APPOSITIVE) {
      const u = this.tokens[c];
      if (!u || this.inQuote[c]) return null;
      if (u.text === ',') break;
      if (!u.word && (u.text === '.' || u.text === ';' || u.text === ':' || QUOTE_MARKS.has(u.text))) return null;
      c -= 1;
    }
    if (c < this.first || this.tokens[c]?.text !== ',' || c + 1 >= i) return null;
    const opener = this.tokens[c + 1];
    const anon = this.anonymity.byStart.get(c + 1);
    const looksAppositive =
      (anon !== undefined && anon.end === i) ||
      (opener !== undefined &&
        opener.word &&
        (APPOSITIVE_OPENERS.has(opener.lower) || isRole(opener.base) || opener.cap || opener.lower.endsWith('ed') || /^[0-9]{1,3}$/.test(opener.text)));
    if (!looksAppositive) return null;
    let before = this.tokens[c - 1];
    if (!before || !before.word) return null;
    // "Maria Lopez, 54, a nurse …, said": an age between the name and the appositive belongs to it.
    if (/^[0-9]{1,3}$/.test(before.text) && this.tokens[c - 2]?.text === ',' && this.tokens[c - 3]?.word) {
      c -= 2;
      before = this.tokens[c - 1];
      if (!before) return null;
    }
    const phrase = phraseBefore(this.tokens, this.inQuote, c - 1, this.first, this.anonymity);
    if (!phrase) {
      // "One of them, a nurse from Leeds, said": a partitive of a pronoun; the appositive says who.
      const pronoun = this.lower(c - 1);
      if (pronoun === 'them' && this.lower(c - 2) === 'of') {
        const described = phraseAfter(this.tokens, this.inQuote, c + 1, i, this.anonymity);
        if (described) return { phrase: described, appositive: null, appositiveWords: [] };
      }
      return null;
    }
    if (anon !== undefined && anon.end === i) phrase.anonymous = true;
    // "Oleh Marchenko, the mayor of Kupiansk, a town near the front, said": the phrase before the
    // last appositive is itself an appositive of a name; the name is the subject.
    const outer =
      this.tokens[phrase.start - 1]?.text === ',' && this.tokens[phrase.start - 2]?.word && APPOSITIVE_OPENERS.has(this.lower(phrase.start))
        ? phraseBefore(this.tokens, this.inQuote, phrase.start - 2, this.first, this.anonymity)
        : null;
    // "Writing in the Times on Monday, the MP for Stroud, Clare Whitfield, argued": a time adverbial is no name.
    if (outer && !TIME_NOUNS.has(this.lower(outer.end - 1)) && personNameRange(this.phraseWords(outer.start, outer.end).words) !== null) {
      return { phrase: outer, appositive: [phrase.start, i], appositiveWords: this.phraseWords(phrase.start, i).words };
    }
    return { phrase, appositive: [c + 1, i], appositiveWords: this.phraseWords(c + 1, i).words };
  }

  /** A passive cue: only "by" names the source ("was reported by Yonhap"); "is expected to" has none. */
  private passive(k: number, e: CueEntry, be: number): void {
    let j = k + 1;
    while (j < this.tokens.length && VERB_ADVERBS.has(this.lower(j))) j += 1;
    if (this.lower(j) !== 'by') return;
    const phrase = phraseAfter(this.tokens, this.inQuote, j + 1, this.tokens.length, this.anonymity);
    if (!phrase) return;
    const r = this.resolve(phrase);
    const cue = `${this.lower(be)} ${e.word} by`;
    if (r.plausible) this.add('agent', r, be, j + 1, phrase, cue, e.stance, r.speaker, null, null);
  }

  /** True when a form of "be" comes before token `k`, maybe with adverbs between ("were first reported"). */
  private afterBe(k: number): boolean {
    let i = k - 1;
    while (i >= this.first && k - i <= 3 && VERB_ADVERBS.has(this.lower(i))) i -= 1;
    return BE_FORMS.has(this.lower(i));
  }

  /** "a statement carried by KCNA", "analysts polled by LSEG": the relaying outlet, outer source of a chain. */
  private relay(k: number): boolean {
    if (!this.relaysSpeech(k)) return false;
    const phrase = phraseAfter(this.tokens, this.inQuote, k + 2, this.tokens.length, this.anonymity);
    if (!phrase) return false;
    const r = this.resolve(phrase);
    if (!r.plausible) return false;
    this.add('relay', r, k, k + 2, phrase, `${this.lower(k)} by`, 'neutral', r.speaker, null, null);
    return true;
  }

  /**
   * Whether "<participle> by" at `k` relays someone's words: people polled or interviewed ("analysts
   * polled by LSEG"), or a statement that is the medium or the subject of what is said ("in a
   * statement carried by KCNA", "A statement carried by KCNA said"). "disputed the figures published
   * by Kyiv" describes an object: Kyiv relays nothing.
   */
  private relaysSpeech(k: number): boolean {
    const phrase = phraseBefore(this.tokens, this.inQuote, k - 1, this.first, this.anonymity);
    if (!phrase) return false;
    const head = this.headOf(phrase);
    if (isPluralSource(head) || isPersonPhrase(this.phraseWords(phrase.start, phrase.end).words)) return true;
    const before = this.tokens[phrase.start - 1];
    if (!before || phrase.start <= this.first) return true;
    if (!before.word || MEDIUM_PREPOSITIONS.has(before.lower) || before.lower === 'and' || before.lower === 'but') return true;
    return false;
  }

  /**
   * A document and a participle that gives its content: "the ministry issued a statement saying …",
   * "a post on Telegram saying …", "KCNA carried a commentary accusing Seoul of …". The document's
   * author or publisher is the source. True when handled.
   */
  private documentGerund(k: number, e: CueEntry, cueText: string, cueEnd: number): boolean {
    // "footage showing": evidence, not a statement (handled, or not, by the subject rules).
    if (e.lemma === 'show' || e.lemma === 'demonstrate' || e.lemma === 'find') return false;
    const phrase = phraseBefore(this.tokens, this.inQuote, k - 1, this.first, this.anonymity);
    if (!phrase) return false;
    const { words } = this.phraseWords(phrase.start, phrase.end);
    const head = words[headIndex(words)];
    if (!head || !DOCUMENT_HEADS.has(head.base)) return false;
    const owner = this.documentOwner(phrase.start, phrase.end) ?? (this.outletMention(phrase.start, phrase.end) ? this.resolve(phrase) : null);
    if (owner && owner.plausible) {
      this.add('saying', owner, k, cueEnd, phrase, cueText, e.stance, owner.speaker, null, null);
      return true;
    }
    // The document's publisher is the subject of "issued"/"released".
    const verb = phrase.start - 1;
    if (!PUBLISH_VERBS.has(this.lower(verb))) return false;
    const subject = this.subjectBefore(verb - 1);
    if (!subject) return false;
    let r = this.resolve(subject.phrase, subject.appositiveWords);
    if (!r.plausible) return false;
    // "the North's main newspaper, Rodong Sinmun, carried a commentary accusing": the appositive names the publisher.
    const appositiveName = r.person || r.source ? null : this.appositiveProperName(subject.appositive);
    if (appositiveName) r = { ...appositiveName, type: appositiveName.source ? appositiveName.type : r.type };
    this.add('saying', r, k, cueEnd, subject.phrase, cueText, e.stance, r.speaker, null, null);
    return true;
  }

  /**
   * "X was quoted (by Y) as saying", "X was quoted as saying by Y", "Y quoted X as saying". The
   * quoting outlet is the source and X the speaker. Other uses of "quoted" are not cues.
   */
  private quotedAsSaying(k: number): boolean {
    let as = -1;
    // Far enough for a long speaker: "quoted an unnamed spokesperson for the General Staff of the Korean People's Army as saying".
    for (let j = k + 1; j < Math.min(this.tokens.length - 1, k + QUOTED_WINDOW); j += 1) {
      const t = this.tokens[j];
      if (!t || t.text === '.' || t.text === ';') break;
      if (t.lower === 'as' && this.lower(j + 1) === 'saying') {
        as = j;
        break;
      }
    }
    if (as < 0) return false;
    let i = k - 1;
    while (i >= this.first && VERB_ADVERBS.has(this.lower(i))) i -= 1;
    const cueEnd = as + 2;
    if (BE_FORMS.has(this.lower(i))) {
      let s = i - 1;
      while (s >= this.first && VERB_ADVERBS.has(this.lower(s))) s -= 1;
      const subject = this.subjectBefore(s);
      const subj = subject ? this.resolve(subject.phrase, subject.appositiveWords) : null;
      // The quoting outlet: "quoted by Y as saying" or "quoted as saying by Y".
      let agentPhrase: Phrase | null = null;
      if (this.lower(k + 1) === 'by') agentPhrase = phraseAfter(this.tokens, this.inQuote, k + 2, as, this.anonymity);
      else if (this.lower(cueEnd) === 'by') agentPhrase = phraseAfter(this.tokens, this.inQuote, cueEnd + 1, this.tokens.length, this.anonymity);
      const agent = agentPhrase ? this.resolve(agentPhrase) : null;
      const cue = `${this.lower(i)} quoted as saying`;
      if (agentPhrase && agent && agent.plausible) {
        const speaker = subj && !subj.pronoun ? subj.label : null;
        this.add('quoted', agent, k, cueEnd, agentPhrase, cue, 'neutral', speaker, subj?.pronoun ?? null, subj?.type ?? null);
        return true;
      }
      if (subject && subj && subj.plausible) this.add('quoted', subj, k, cueEnd, subject.phrase, cue, 'neutral', subj.speaker, null, null);
      return true;
    }
    const subject = this.subjectBefore(i);
    const subj = subject ? this.resolve(subject.phrase, subject.appositiveWords) : null;
    const objPhrase = phraseAfter(this.tokens, this.inQuote, k + 1, as, this.anonymity);
    const obj = objPhrase ? this.resolve(objPhrase) : null;
    if (subject && subj && subj.plausible) {
      const speaker = obj && obj.plausible && !obj.pronoun ? obj.label : null;
      this.add('quoted', subj, k, cueEnd, subject.phrase, 'quoted', 'neutral', speaker, null, obj?.type ?? null);
    } else if (objPhrase && obj && obj.plausible) {
      this.add('quoted', obj, k, cueEnd, objPhrase, 'quoted', 'neutral', null, null, null);
    }
    return true;
  }

  // ---- several sources in parallel ----

  /**
   * The parts of a coordinated subject that are each a named source: "Russia and North Korea",
   * "X, Telegram and Facebook". A phrase whose parts are not all names ("US and South Korean
   * officials": one group) stays whole.
   */
  private coordinatedParts(phrase: Phrase): Phrase[] {
    // Most subjects hold no "and", "&" or comma: one part, found without building any.
    let joined = false;
    for (let i = phrase.start; i < phrase.end && !joined; i += 1) {
      const w = this.lower(i);
      joined = w === 'and' || w === '&' || w === ',';
    }
    if (!joined) return [phrase];
    const parts: Phrase[] = [];
    let s = phrase.start;
    for (let i = phrase.start; i <= phrase.end; i += 1) {
      const w = i < phrase.end ? this.lower(i) : '';
      if (i === phrase.end || w === 'and' || w === '&' || w === ',') {
        if (i > s) parts.push({ start: s, end: i, anonymous: false, pronoun: null });
        s = i + 1;
      }
      // "Centers for Disease Control and Prevention", "officials in Kyiv and Moscow": one name, one group.
      if (PREPOSITIONS.has(w)) return [phrase];
    }
    if (parts.length < 2) return [phrase];
    for (const part of parts) {
      const r = this.resolve(part);
      const { words } = this.phraseWords(part.start, part.end);
      const named = r.mention !== null || isPlaceName(words) || (personNameRange(words) !== null && words.length >= 2) || r.type === 'organisation';
      if (!r.plausible || !named) return [phrase];
    }
    return parts;
  }

  // ---- the medium a speaker uses ----

  /**
   * Add a subject attribution; when the subject (a person or a body) speaks through an outlet or a
   * platform named around the cue, the outlet becomes the source and the subject the speaker.
   */
  private addWithMedium(subject: Resolved, k: number, cueEnd: number, phrase: Phrase, cueText: string, e: CueEntry, appositive: [number, number] | null): void {
    // A document does not speak through an outlet: "The study, published in The Lancet, found".
    const isDocument = subject.head !== null && DOCUMENT_HEADS.has(subject.head);
    if (!subject.source && !subject.medium && !isDocument) {
      const medium =
        (e.takesListener ? this.listenerMedium(cueEnd) : null) ??
        this.mediumAfterCue(k + 1) ??
        (appositive ? (this.mediumBetween(appositive[0], appositive[1]) ?? this.channelIn(appositive[0], appositive[1])) : null) ??
        this.mediumBeforeSubject(phrase.start) ??
        this.mediumAtEnd(cueEnd);
      if (medium) {
        // "Kim Yo-jong" in "the leader's sister, Kim Yo-jong,"; not "R-Texas" after "Rep. Chip Roy,".
        const named = personNameRange(this.phraseWords(phrase.start, phrase.end).words) !== null;
        const name = named ? null : this.appositivePersonName(appositive);
        const speaker = subject.pronoun ? null : (name ?? subject.label);
        this.add('subject', medium, k, cueEnd, phrase, cueText, e.stance, speaker, subject.pronoun, subject.type);
        return;
      }
    }
    this.add('subject', subject, k, cueEnd, phrase, cueText, e.stance, subject.speaker, null, null);
  }

  /** The words of an appositive right after a phrase (", a member of parliament's committee"), for type guessing. */
  private appositiveAfter(phrase: Phrase): readonly PhraseWord[] {
    if (this.tokens[phrase.end]?.text !== ',') return [];
    let j = phrase.end + 1;
    while (j < this.tokens.length && j - phrase.end <= MAX_APPOSITIVE && this.tokens[j]?.word) j += 1;
    return this.phraseWords(phrase.end + 1, j).words;
  }

  /** The token span of the name when the appositive is just a person's name, with or without a title. */
  private appositivePersonSpan(appositive: [number, number] | null): [number, number] | null {
    if (!appositive) return null;
    const a = appositive[0];
    let b = appositive[1];
    for (let i = a; i < b; i += 1) {
      const t = this.tokens[i];
      // "A reader, Tom in Hull, writes in": the name, then where the person is.
      if (t && i > a && (t.lower === 'in' || t.lower === 'from') && this.tokens[i + 1]?.cap) {
        b = i;
        break;
      }
      if (!t || !t.word || !t.cap) return null;
    }
    const { words, at } = this.phraseWords(a, b);
    const range = personNameRange(words);
    if (!range || words.length > 5) return null;
    return [at[range[0]] ?? a, (at[range[1] - 1] ?? b - 1) + 1];
  }

  /** The appositive when it is just a person's name ("the leader's sister, Kim Yo-jong, said"), without a title. */
  private appositivePersonName(appositive: [number, number] | null): string | null {
    const span = this.appositivePersonSpan(appositive);
    const first = span ? this.tokens[span[0]] : undefined;
    const last = span ? this.tokens[span[1] - 1] : undefined;
    return first && last ? normaliseSpace(this.text.slice(first.start, last.end)) : null;
  }

  /**
   * The appositive when it is the proper name of the body the subject describes ("France's agency
   * for …, Viginum, attributed"): a short run of capitalised words. A registry name counts as is;
   * other words take the type the description gives, even when they look like a person's name.
   */
  private appositiveProperName(appositive: [number, number] | null): Resolved | null {
    if (!appositive) return null;
    const [first, b] = appositive;
    // "the country's main tabloid, the Daily Post,": a determiner before the name.
    const a = this.lower(first) === 'the' ? first + 1 : first;
    if (b - a > 4 || b <= a) return null;
    for (let i = a; i < b; i += 1) if (!this.tokens[i]?.cap || !this.tokens[i]?.word) return null;
    const r = this.resolve({ start: a, end: b, anonymous: false, pronoun: null });
    return r.plausible ? { ...r, person: false } : null;
  }

  /** "told Reuters", "told state television": the listener, when it is an outlet. */
  private listenerMedium(from: number): Resolved | null {
    // The outlet's name right after the verb ("told Reuters the deal was off"), maybe after "the".
    const nameAt = DETERMINERS.has(this.lower(from)) ? from + 1 : from;
    const inSpan = this.mentionsIn(nameAt, nameAt + 6);
    for (let mi = 0; mi < inSpan.length; mi += 1) {
      const m = inSpan[mi] as SourceMention;
      if (m.start === this.tokens[nameAt]?.start && this.consumed?.has(m) !== true && MEDIUM_TYPES.has(m.source.type)) return this.asMedium(m);
    }
    const phrase = phraseAfter(this.tokens, this.inQuote, from, this.tokens.length, this.anonymity);
    if (!phrase) return null;
    const r = this.resolve(phrase);
    return r.plausible && r.medium ? r : null;
  }

  /** True when mention `m` follows a relaying participle ("carried by the official KCNA news agency"). */
  private isRelayed(m: SourceMention, from: number): boolean {
    const at = this.tokenOf(m, from, this.tokens.length);
    for (let i = at - 1; i >= Math.max(from - 1, at - 5); i -= 1) {
      if (this.lower(i) === 'by') return RELAY_PARTICIPLES.has(this.lower(i - 1));
    }
    return false;
  }

  private asMedium(m: SourceMention): Resolved {
    return registryResolved(m, null, true);
  }

  /**
   * An outlet introduced by a preposition within `[start, end)`: "on his Telegram account", "to …
   * TASS", "quoted by RIA Novosti".
   */
  private mediumBetween(start: number, end: number): Resolved | null {
    for (let j = start; j < end; j += 1) {
      const w = this.lower(j);
      if (!MEDIUM_PREPOSITIONS.has(w) && !(w === 'by' && this.lower(j - 1) === 'quoted')) continue;
      const stop = Math.min(end, j + 1 + MEDIUM_WINDOW);
      const inSpan = this.mentionsIn(j + 1, stop);
      for (let mi = 0; mi < inSpan.length; mi += 1) {
      const m = inSpan[mi] as SourceMention;
        if (this.consumed?.has(m) === true || !MEDIUM_TYPES.has(m.source.type) || this.isRelayed(m, j + 1)) continue;
        return this.asMedium(m);
      }
      // "posted on social media that …": the platforms in general.
      if (w === 'on' && this.lower(j + 1) === 'social' && this.lower(j + 2) === 'media') {
        const a = this.tokens[j + 1];
        const b = this.tokens[j + 2];
        if (a && b) return { ...this.nothing(), label: 'social media', type: 'social-media', start: a.start, end: b.end, plausible: true, medium: true };
      }
    }
    return null;
  }

  /** A platform named as what the speaker is ("Voenny Vestnik, a popular Telegram channel, claimed"). */
  private channelIn(start: number, end: number): Resolved | null {
    const inSpan = this.mentionsIn(start, end);
    for (let mi = 0; mi < inSpan.length; mi += 1) {
      const m = inSpan[mi] as SourceMention;
      if (this.consumed?.has(m) === true || m.source.type !== 'social-media') continue;
      const next = this.tokenOf(m, start, end) + 1;
      if (CHANNEL_WORDS.has(this.tokens[next]?.base ?? '')) return this.asMedium(m);
    }
    return null;
  }

  /** The stretch after a cue verb up to the reported clause ("that", a colon, a quotation), searched for a medium. */
  private mediumAfterCue(from: number): Resolved | null {
    let end = from;
    while (end < this.tokens.length && end - from < AFTER_CUE_WINDOW) {
      const t = this.tokens[end];
      if (!t || this.inQuote[end] || t.lower === 'that' || t.text === ':' || QUOTE_MARKS.has(t.text) || t.text === ';' || t.text === ',' || t.text === '.') break;
      end += 1;
    }
    return this.mediumBetween(from, end);
  }

  /** "In a post on Telegram, Kozhemyako said": a medium in the opening phrase of the clause. */
  private mediumBeforeSubject(subjectStart: number): Resolved | null {
    if (this.tokens[subjectStart - 1]?.text !== ',') return null;
    let s = subjectStart - 1;
    while (s > this.first && this.tokens[s - 1]?.text !== ';' && subjectStart - s < AFTER_CUE_WINDOW) s -= 1;
    return this.mediumBetween(s, subjectStart - 1);
  }

  /**
   * "…, the ministry said in a statement on its Telegram channel." / "… dismissed the reports as
   * “fantasies” in a post on Facebook.": a statement document on a platform at the sentence's end.
   */
  private mediumAtEnd(cueEnd: number): Resolved | null {
    const n = this.tokens.length;
    for (let j = Math.max(cueEnd, n - END_WINDOW); j < n - 2; j += 1) {
      if (this.lower(j) !== 'in' || this.inQuote[j]) continue;
      let d = j + 1;
      while (d < n && d - j <= 3 && !STATEMENT_DOCUMENTS.has(this.tokens[d]?.base ?? '')) d += 1;
      if (d >= n || !STATEMENT_DOCUMENTS.has(this.tokens[d]?.base ?? '')) continue;
      const found = this.mediumBetween(d + 1, n);
      if (found) return found;
    }
    return null;
  }

  // ---- assembling ----

  private add(
    kind: CandidateKind,
    r: Resolved,
    cueStart: number,
    cueEnd: number,
    phrase: Phrase,
    cue: string,
    cueStance: CueStance,
    speaker: string | null,
    speakerPronoun: Pronoun | null,
    speakerType: SourceType | null,
    quoted = false,
  ): void {
    const pronoun = r.pronoun;
    // One pass over the earlier candidates (a loop, not four closures: this runs for every attribution).
    for (let i = 0; i < this.candidates.length; i += 1) {
      const c = this.candidates[i] as Candidate;
      // One attribution per source mention: "Zakharova dismissed the sanctions and warned of a response".
      if (c.found.start < r.end && r.start < c.found.end) return;
      // …and per subject: "X wrote on Telegram that … and urged …" is one attribution (the first cue's).
      if (!c.found.quoted && c.phraseStart === phrase.start && c.phraseEnd === phrase.end) return;
      // …and per source: "The Bank of England has said it expects …" is one attribution.
      if (!pronoun && c.found.label === r.label && (c.found.source?.id ?? null) === (r.source?.id ?? null)) return;
      // "Peskov said he expects …", "The ministry said it believes …": a pronoun inside an earlier
      // cue's reported clause that agrees with its source is that source again.
      if (pronoun && !quoted && !c.found.quoted && c.cueEnd <= phrase.start && sameReferent(c.found, pronoun)) return;
    }
    if (this.candidates.length >= MAX_ATTRIBUTIONS) return;
    if (r.mention) (this.consumed ??= new Set()).add(r.mention);
    // "what it described as", "which its state media described as": the writer keeps the
    // description at arm's length.
    const relative = this.lower(phrase.start - 1);
    const stance: CueStance = cue === 'described' && (relative === 'what' || relative === 'which' || this.lower(cueStart - 2) === 'what') ? 'distancing' : cueStance;
    this.candidates.push({
      found: {
        source: r.source,
        label: r.label,
        type: r.type,
        start: r.start,
        end: r.end,
        speaker,
        speakerType: speaker !== null || speakerPronoun !== null ? speakerType : null,
        speakerPronoun,
        cue,
        cueStance: stance,
        pronoun: r.pronoun,
        definiteHead: r.definiteHead,
        head: r.head,
        person: r.person && !r.source,
        quoted,
        gender: speaker === null && speakerPronoun === null ? this.genderIn(phrase) : null,
        speakerGender: speaker !== null || speakerPronoun !== null ? this.genderIn(phrase) : null,
        reportedBy: null,
      },
      kind,
      cueStart,
      cueEnd,
      phraseStart: phrase.start,
      phraseEnd: phrase.end,
      cue,
      outlet: MEDIUM_TYPES.has(r.type),
      evidence: !r.source && !r.person && r.head !== null && DOCUMENT_HEADS.has(r.head),
      trailing: false,
      parent: null,
    });
  }
}

/**
 * The attributions of one sentence, outermost first; `reportedBy` indexes into the result.
 * Pronoun sources ("he said") come back with `pronoun` set for the caller to resolve.
 */
export function findAttributions(input: SentenceInput): SentenceAttributions {
  return new SentenceReader(input).read();
}

/**
 * A registry mention resolved as a source, with the speaker and medium the caller found. Every
 * field, in `nothing()`'s order, so that all resolutions share one shape.
 */
function registryResolved(m: SourceMention, speaker: string | null, medium: boolean): Resolved {
  return {
    source: m.source,
    label: m.source.name,
    type: m.source.type,
    start: m.start,
    end: m.end,
    person: false,
    pronoun: null,
    definiteHead: null,
    head: null,
    speaker,
    mention: m,
    plausible: true,
    medium,
  };
}
