/**
 * The cue lexicon: the words that report what someone said, wrote or believes, and how each
 * positions the writer towards the claim (its stance). Pure data plus a lookup.
 *
 * Every inflection is listed explicitly (no stemming), so "reportedly" or "stateless" can never
 * match "report" or "state", and the lookup is one `Map.get` per word.
 */
import type { CueStance } from '../model';

/** The grammatical form of a cue word, which decides how the attribution around it is read. */
export type CueForm =
  /** "say": a base form, after a modal ("will say") or a plural subject ("officials say"). */
  | 'base'
  /** "says": present, third person. */
  | 'present'
  /** "said", "wrote": past tense (and, when `participle` is set, also the participle). */
  | 'past'
  /** "written": only a participle (passive or perfect). */
  | 'participle'
  /** "saying": joins a clause to an earlier source ("a statement saying", "adding that"). */
  | 'gerund';

/** How a cue verb takes its arguments, for the guards in attribution. */
export type CueGuard =
  /** No guard. */
  | 'none'
  /** "wrote", "posted": a speech cue only before "on/to/in/that", a colon or a quotation. */
  | 'needs-channel'
  /** "rejected", "dismissed": a cue only with a claim as object ("rejected the allegations"). */
  | 'needs-claim-object'
  /** "added": not before "to" ("added to the list") or a number ("added 5%"). */
  | 'not-before-to'
  /** "claimed": not before "lives" ("the fire claimed 10 lives"). */
  | 'not-before-lives'
  /** "denied": not before "entry", "access", "bail" (denied something, not a claim). */
  | 'not-before-grant'
  /** "found", "showed", "concluded": a cue only before "that" ("the study found that"), not "police found a body". */
  | 'needs-that'
  /** "told": a cue only with a listener ("told reporters", "told Reuters"), not "the data tell a story". */
  | 'needs-listener'
  /** "blamed": a cue only with "for"/"on" after it ("blamed the strike on Russia"). */
  | 'needs-for-on'
  /** "described": a cue only with "as" after it ("described the talks as constructive"). */
  | 'needs-as'
  /** "attributed": a cue only with "to" after it ("attributed the campaign to a Russian group"). */
  | 'needs-to'
  /** "purported": a cue only before "to" ("purported to show"); "the purported video" is an adjective. */
  | 'needs-to-next';

/** One entry of the lexicon: a word form and what it means for attribution. */
export type CueEntry = {
  /** The dictionary form ("say" for "said"), to group forms. */
  lemma: string;
  /** The word as it appears in text, lower case. */
  word: string;
  /** The grammatical form. */
  form: CueForm;
  /** True when the word can be a past participle, hence passive ("was told") or an adjective ("the stated goal"). */
  participle: boolean;
  /** The stance the verb takes towards the claim. */
  stance: CueStance;
  /** True when the verb may precede its subject in news style: ", said the ministry." */
  invertible: boolean;
  /** The verb takes the listener as object ("told Reuters"): a media outlet there is the channel. */
  takesListener: boolean;
  /** Extra condition for the word to count as a cue. */
  guard: CueGuard;
  /**
   * True when the base and -s forms are common nouns ("state media", "the report", "his claims"):
   * those forms then count only in a verb's position (see attribution.ts).
   */
  nounLike: boolean;
};

/** One verb of the lexicon, before it is expanded into its forms. */
type VerbSpec = {
  /** [base, present, past, participle, gerund] */
  forms: readonly [string, string, string, string, string];
  /** See `CueEntry.stance`. */
  stance: CueStance;
  /** See `CueEntry.invertible`; default false. */
  invertible?: boolean;
  /** See `CueEntry.takesListener`; default false. */
  takesListener?: boolean;
  /** See `CueEntry.guard`; default none. */
  guard?: CueGuard;
  /** See `CueEntry.nounLike`; default false. */
  nounLike?: boolean;
};

/**
 * The reporting verbs. The five stances follow the brief: neutral ("said"), distancing
 * ("claimed": the writer keeps the claim at arm's length), endorsing ("confirmed": the writer
 * presents it as true), denial ("denied"), belief ("believes": an opinion, not an assertion of fact).
 */
const VERBS: readonly VerbSpec[] = [
  // neutral
  { forms: ['say', 'says', 'said', 'said', 'saying'], stance: 'neutral', invertible: true },
  { forms: ['tell', 'tells', 'told', 'told', 'telling'], stance: 'neutral', takesListener: true, guard: 'needs-listener' },
  { forms: ['report', 'reports', 'reported', 'reported', 'reporting'], stance: 'neutral', nounLike: true, invertible: true },
  { forms: ['state', 'states', 'stated', 'stated', 'stating'], stance: 'neutral', nounLike: true, invertible: true },
  { forms: ['add', 'adds', 'added', 'added', 'adding'], stance: 'neutral', invertible: true, guard: 'not-before-to' },
  { forms: ['write', 'writes', 'wrote', 'written', 'writing'], stance: 'neutral', invertible: true, guard: 'needs-channel' },
  { forms: ['post', 'posts', 'posted', 'posted', 'posting'], stance: 'neutral', nounLike: true, guard: 'needs-channel' },
  { forms: ['announce', 'announces', 'announced', 'announced', 'announcing'], stance: 'neutral' },
  { forms: ['note', 'notes', 'noted', 'noted', 'noting'], stance: 'neutral', nounLike: true, invertible: true },
  { forms: ['explain', 'explains', 'explained', 'explained', 'explaining'], stance: 'neutral', invertible: true },
  { forms: ['warn', 'warns', 'warned', 'warned', 'warning'], stance: 'neutral', nounLike: true, invertible: true },
  { forms: ['tweet', 'tweets', 'tweeted', 'tweeted', 'tweeting'], stance: 'neutral', nounLike: true },
  { forms: ['declare', 'declares', 'declared', 'declared', 'declaring'], stance: 'neutral', invertible: true },
  { forms: ['stress', 'stresses', 'stressed', 'stressed', 'stressing'], stance: 'neutral', nounLike: true },
  { forms: ['emphasise', 'emphasises', 'emphasised', 'emphasised', 'emphasising'], stance: 'neutral' },
  { forms: ['emphasize', 'emphasizes', 'emphasized', 'emphasized', 'emphasizing'], stance: 'neutral' },
  { forms: ['reiterate', 'reiterates', 'reiterated', 'reiterated', 'reiterating'], stance: 'neutral' },
  { forms: ['argue', 'argues', 'argued', 'argued', 'arguing'], stance: 'neutral', invertible: true },
  { forms: ['describe', 'describes', 'described', 'described', 'describing'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['attribute', 'attributes', 'attributed', 'attributed', 'attributing'], stance: 'neutral', guard: 'needs-to' },
  { forms: ['assert', 'asserts', 'asserted', 'asserted', 'asserting'], stance: 'neutral' },
  { forms: ['find', 'finds', 'found', 'found', 'finding'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['show', 'shows', 'showed', 'shown', 'showing'], stance: 'endorsing', guard: 'needs-that' },
  { forms: ['suggest', 'suggests', 'suggested', 'suggested', 'suggesting'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['indicate', 'indicates', 'indicated', 'indicated', 'indicating'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['conclude', 'concludes', 'concluded', 'concluded', 'concluding'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['caution', 'cautions', 'cautioned', 'cautioned', 'cautioning'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['recall', 'recalls', 'recalled', 'recalled', 'recalling'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['complain', 'complains', 'complained', 'complained', 'complaining'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['testify', 'testifies', 'testified', 'testified', 'testifying'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['maintain', 'maintains', 'maintained', 'maintained', 'maintaining'], stance: 'distancing', guard: 'needs-that' },
  { forms: ['hint', 'hints', 'hinted', 'hinted', 'hinting'], stance: 'neutral', guard: 'needs-that' },
  // distancing
  { forms: ['claim', 'claims', 'claimed', 'claimed', 'claiming'], stance: 'distancing', nounLike: true, invertible: true, guard: 'not-before-lives' },
  { forms: ['allege', 'alleges', 'alleged', 'alleged', 'alleging'], stance: 'distancing' },
  { forms: ['insist', 'insists', 'insisted', 'insisted', 'insisting'], stance: 'distancing', invertible: true },
  { forms: ['contend', 'contends', 'contended', 'contended', 'contending'], stance: 'distancing' },
  { forms: ['accuse', 'accuses', 'accused', 'accused', 'accusing'], stance: 'distancing' },
  { forms: ['blame', 'blames', 'blamed', 'blamed', 'blaming'], stance: 'distancing', guard: 'needs-for-on' },
  { forms: ['purport', 'purports', 'purported', 'purported', 'purporting'], stance: 'distancing', guard: 'needs-to-next' },
  // endorsing
  { forms: ['confirm', 'confirms', 'confirmed', 'confirmed', 'confirming'], stance: 'endorsing' },
  { forms: ['reveal', 'reveals', 'revealed', 'revealed', 'revealing'], stance: 'endorsing' },
  { forms: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledged', 'acknowledging'], stance: 'endorsing' },
  { forms: ['admit', 'admits', 'admitted', 'admitted', 'admitting'], stance: 'endorsing' },
  { forms: ['disclose', 'discloses', 'disclosed', 'disclosed', 'disclosing'], stance: 'endorsing' },
  { forms: ['concede', 'concedes', 'conceded', 'conceded', 'conceding'], stance: 'endorsing' },
  // denial
  { forms: ['deny', 'denies', 'denied', 'denied', 'denying'], stance: 'denial', guard: 'not-before-grant' },
  { forms: ['reject', 'rejects', 'rejected', 'rejected', 'rejecting'], stance: 'denial', guard: 'needs-claim-object' },
  { forms: ['dismiss', 'dismisses', 'dismissed', 'dismissed', 'dismissing'], stance: 'denial', guard: 'needs-claim-object' },
  { forms: ['refute', 'refutes', 'refuted', 'refuted', 'refuting'], stance: 'denial' },
  { forms: ['dispute', 'disputes', 'disputed', 'disputed', 'disputing'], stance: 'denial', nounLike: true, guard: 'needs-claim-object' },
  // belief
  { forms: ['believe', 'believes', 'believed', 'believed', 'believing'], stance: 'belief' },
  { forms: ['expect', 'expects', 'expected', 'expected', 'expecting'], stance: 'belief' },
  { forms: ['fear', 'fears', 'feared', 'feared', 'fearing'], stance: 'belief', nounLike: true },
  { forms: ['think', 'thinks', 'thought', 'thought', 'thinking'], stance: 'belief' },
  { forms: ['suspect', 'suspects', 'suspected', 'suspected', 'suspecting'], stance: 'belief', nounLike: true },
  { forms: ['estimate', 'estimates', 'estimated', 'estimated', 'estimating'], stance: 'belief', nounLike: true },
  { forms: ['predict', 'predicts', 'predicted', 'predicted', 'predicting'], stance: 'belief' },
  { forms: ['assess', 'assesses', 'assessed', 'assessed', 'assessing'], stance: 'belief', guard: 'needs-that' },
];

const FORM_NAMES: readonly CueForm[] = ['base', 'present', 'past', 'participle', 'gerund'];

function buildLexicon(): Map<string, CueEntry> {
  const map = new Map<string, CueEntry>();
  for (const spec of VERBS) {
    const [base, , past, participle] = spec.forms;
    spec.forms.forEach((word, i) => {
      const form = FORM_NAMES[i] ?? 'base';
      // "said" is both past tense and participle: one entry, marked as a possible participle.
      if (form === 'participle' && participle === past) return;
      if (map.has(word)) return;
      map.set(word, {
        lemma: base,
        word,
        form,
        participle: form === 'participle' || (form === 'past' && past === participle),
        stance: spec.stance,
        invertible: spec.invertible ?? false,
        takesListener: spec.takesListener ?? false,
        guard: spec.guard ?? 'none',
        nounLike: spec.nounLike ?? false,
      });
    });
  }
  return map;
}

/** Every cue verb form, by its lower-case spelling. */
export const CUE_VERBS: ReadonlyMap<string, CueEntry> = buildLexicon();

/** The cue entry for a lower-case word, or undefined when the word is not a cue. */
export function cueFor(lowerWord: string): CueEntry | undefined {
  return CUE_VERBS.get(lowerWord);
}

/**
 * True when `lowerWord` can only be read as a reporting verb here: a cue, but not the noun-like base
 * or -s form of one ("state" in "state media", "claims" in "US claims"). Phrase reading stops at these.
 */
export function isVerbCue(lowerWord: string): boolean {
  const e = CUE_VERBS.get(lowerWord);
  return e !== undefined && !(e.nounLike && (e.form === 'base' || e.form === 'present'));
}

/** Phrasal cues whose source follows them ("according to X", "citing X"), with their stance. */
export const SOURCE_FOLLOWS_CUES: ReadonlyMap<string, CueStance> = new Map<string, CueStance>([
  ['according to', 'neutral'],
  ['citing', 'neutral'],
  ['quoting', 'neutral'],
]);

/**
 * Participles that, before "by", name an outlet relaying someone else's words: "in a statement
 * carried by KCNA", "analysts polled by LSEG". The outlet is the outer source of a chain. ("quoted
 * by" is not one: the quoted person speaks through the outlet, like "told Reuters".)
 */
export const RELAY_PARTICIPLES: ReadonlySet<string> = new Set([
  'carried', 'published', 'released', 'broadcast', 'aired', 'distributed', 'polled', 'surveyed',
  'interviewed', 'cited', 'relayed', 'reported', 'circulated', 'shared',
]);

/**
 * Hedging adverbs ("reportedly", "purportedly"): they distance the writer from a claim but name no
 * source, so on their own they never make an attribution.
 */
export const HEDGES: ReadonlyMap<string, CueStance> = new Map<string, CueStance>([
  ['reportedly', 'distancing'],
  ['purportedly', 'distancing'],
  ['allegedly', 'distancing'],
  ['supposedly', 'distancing'],
  ['apparently', 'distancing'],
]);

/** Nouns that make "rejected"/"dismissed" a denial of a claim rather than of a proposal or a person. */
export const CLAIM_NOUNS: ReadonlySet<string> = new Set([
  'claim', 'claims', 'allegation', 'allegations', 'accusation', 'accusations', 'report', 'reports',
  'suggestion', 'suggestions', 'notion', 'idea', 'assertion', 'assertions', 'charge', 'charges',
  'criticism', 'speculation', 'rumour', 'rumours', 'rumor', 'rumors', 'story', 'stories', 'account',
  'version', 'findings', 'assessment', 'characterisation', 'characterization', 'narrative', 'that', 'as',
]);
