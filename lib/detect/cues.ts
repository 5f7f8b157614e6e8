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
  | 'needs-to-next'
  /**
   * "found", "showed": before "that", or with a research subject ("the study found a 19% rise",
   * "earlier studies have found weaker links", "data showed prices rose"); "police found a body" and
   * "footage showed smoke" are no cues.
   */
  | 'needs-that-or-research'
  /** "testified", "assured", "informed": "that" may come further on ("testified before the committee on Tuesday that"). */
  | 'needs-that-far'
  /** "advised", "urged": an infinitive, "that" or "against" follows ("advise people to avoid", "urged restraint"). */
  | 'needs-to-or-that'
  /** "vowed", "pledged", "promised", "threatened": "to" or "that" right after ("vowed to retaliate"); "pledged $1bn" is an act. */
  | 'needs-to-or-that-next'
  /** "called": only "called for …" or "called on X to …"; "a man called Ivan", "called police" are not cues. */
  | 'needs-for-or-on'
  /** "pointed": only "pointed out". */
  | 'needs-out'
  /** "made": only "made clear", "made it clear". */
  | 'needs-clear'
  /** "considers": "that", "as", or an object and its complement ("considers the deal a threat"). */
  | 'needs-complement'
  /** "projected": "that" or a figure follows ("projected growth of 2.5%"); "projected images" is no cue. */
  | 'needs-that-or-figure'
  /**
   * "added", "noted": a reported clause follows — "that", a colon, a quotation, a comma, the end of
   * the sentence, or a finite verb within a few words ("added the plan would fail"); "added staff to
   * its team" is an act.
   */
  | 'needs-clause'
  /** "insisted": not "insisted on" (a demand for an act). */
  | 'not-before-on'
  /** "doubted", "wondered": "that", "whether" or "if" follows. */
  | 'needs-that-or-whether';

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
  /**
   * True when the past tense is spelt like the base form ("forecast", "broadcast"): the base-form
   * entry then also stands for the past tense and participle ("economists had forecast").
   */
  pastIsBase: boolean;
  /**
   * True for verbs whose past participle followed by "to" or a predicative word is an agentless
   * passive, a hedge with no holder: "people feared trapped", "a man believed to be", "said to have".
   */
  reducedPassive: boolean;
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
  /** See `CueEntry.reducedPassive`; default false. */
  reducedPassive?: boolean;
};

/**
 * The reporting verbs. The five stances follow the brief: neutral ("said"), distancing
 * ("claimed": the writer keeps the claim at arm's length), endorsing ("confirmed": the writer
 * presents it as true), denial ("denied"), belief ("believes": an opinion, not an assertion of fact).
 */
const VERBS: readonly VerbSpec[] = [
  // neutral: statements
  { forms: ['say', 'says', 'said', 'said', 'saying'], stance: 'neutral', invertible: true, reducedPassive: true },
  { forms: ['tell', 'tells', 'told', 'told', 'telling'], stance: 'neutral', takesListener: true, guard: 'needs-listener' },
  { forms: ['report', 'reports', 'reported', 'reported', 'reporting'], stance: 'neutral', nounLike: true, invertible: true, reducedPassive: true },
  { forms: ['state', 'states', 'stated', 'stated', 'stating'], stance: 'neutral', nounLike: true, invertible: true },
  { forms: ['add', 'adds', 'added', 'added', 'adding'], stance: 'neutral', invertible: true, guard: 'needs-clause' },
  { forms: ['write', 'writes', 'wrote', 'written', 'writing'], stance: 'neutral', invertible: true, guard: 'needs-channel' },
  { forms: ['post', 'posts', 'posted', 'posted', 'posting'], stance: 'neutral', nounLike: true, guard: 'needs-channel' },
  { forms: ['announce', 'announces', 'announced', 'announced', 'announcing'], stance: 'neutral' },
  { forms: ['observe', 'observes', 'observed', 'observed', 'observing'], stance: 'neutral', invertible: true, guard: 'needs-that' },
  { forms: ['remark', 'remarks', 'remarked', 'remarked', 'remarking'], stance: 'neutral', nounLike: true, invertible: true, guard: 'needs-that' },
  { forms: ['comment', 'comments', 'commented', 'commented', 'commenting'], stance: 'neutral', nounLike: true, invertible: true, guard: 'needs-that' },
  { forms: ['mention', 'mentions', 'mentioned', 'mentioned', 'mentioning'], stance: 'neutral', nounLike: true, guard: 'needs-that' },
  { forms: ['explain', 'explains', 'explained', 'explained', 'explaining'], stance: 'neutral', invertible: true },
  { forms: ['warn', 'warns', 'warned', 'warned', 'warning'], stance: 'neutral', nounLike: true, invertible: true },
  { forms: ['caution', 'cautions', 'cautioned', 'cautioned', 'cautioning'], stance: 'neutral', invertible: true, guard: 'needs-to-or-that' },
  { forms: ['tweet', 'tweets', 'tweeted', 'tweeted', 'tweeting'], stance: 'neutral', invertible: true, nounLike: true },
  // "declared that …", "“…,” she declared"; "declared a state of emergency" is an act.
  { forms: ['declare', 'declares', 'declared', 'declared', 'declaring'], stance: 'neutral', invertible: true, guard: 'needs-clause' },
  { forms: ['proclaim', 'proclaims', 'proclaimed', 'proclaimed', 'proclaiming'], stance: 'neutral' },
  { forms: ['stress', 'stresses', 'stressed', 'stressed', 'stressing'], stance: 'neutral', invertible: true, nounLike: true },
  { forms: ['emphasise', 'emphasises', 'emphasised', 'emphasised', 'emphasising'], stance: 'neutral', invertible: true },
  { forms: ['emphasize', 'emphasizes', 'emphasized', 'emphasized', 'emphasizing'], stance: 'neutral', invertible: true },
  { forms: ['underline', 'underlines', 'underlined', 'underlined', 'underlining'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['underscore', 'underscores', 'underscored', 'underscored', 'underscoring'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['reiterate', 'reiterates', 'reiterated', 'reiterated', 'reiterating'], stance: 'neutral', invertible: true },
  { forms: ['affirm', 'affirms', 'affirmed', 'affirmed', 'affirming'], stance: 'neutral' },
  { forms: ['reaffirm', 'reaffirms', 'reaffirmed', 'reaffirmed', 'reaffirming'], stance: 'neutral' },
  { forms: ['argue', 'argues', 'argued', 'argued', 'arguing'], stance: 'neutral', invertible: true },
  { forms: ['describe', 'describes', 'described', 'described', 'describing'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['characterise', 'characterises', 'characterised', 'characterised', 'characterising'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['characterize', 'characterizes', 'characterized', 'characterized', 'characterizing'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['attribute', 'attributes', 'attributed', 'attributed', 'attributing'], stance: 'neutral', guard: 'needs-to' },
  { forms: ['assert', 'asserts', 'asserted', 'asserted', 'asserting'], stance: 'neutral', invertible: true },
  // "polls suggest the party will lose": research suggests without "that"; a person "suggested a compromise" proposes.
  { forms: ['suggest', 'suggests', 'suggested', 'suggested', 'suggesting'], stance: 'neutral', invertible: true, guard: 'needs-that-or-research' },
  { forms: ['indicate', 'indicates', 'indicated', 'indicated', 'indicating'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['imply', 'implies', 'implied', 'implied', 'implying'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['conclude', 'concludes', 'concluded', 'concluded', 'concluding'], stance: 'neutral', invertible: true, guard: 'needs-that' },
  { forms: ['recall', 'recalls', 'recalled', 'recalled', 'recalling'], stance: 'neutral', invertible: true, guard: 'needs-that' },
  { forms: ['recount', 'recounts', 'recounted', 'recounted', 'recounting'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['complain', 'complains', 'complained', 'complained', 'complaining'], stance: 'neutral', invertible: true, guard: 'needs-that' },
  { forms: ['lament', 'laments', 'lamented', 'lamented', 'lamenting'], stance: 'neutral', invertible: true, guard: 'needs-that' },
  { forms: ['testify', 'testifies', 'testified', 'testified', 'testifying'], stance: 'neutral', invertible: true, guard: 'needs-that-far' },
  { forms: ['assure', 'assures', 'assured', 'assured', 'assuring'], stance: 'neutral', guard: 'needs-that-far' },
  { forms: ['reassure', 'reassures', 'reassured', 'reassured', 'reassured'], stance: 'neutral', guard: 'needs-that-far' },
  { forms: ['inform', 'informs', 'informed', 'informed', 'informing'], stance: 'neutral', guard: 'needs-that-far' },
  { forms: ['brief', 'briefs', 'briefed', 'briefed', 'briefed'], stance: 'neutral', nounLike: true, guard: 'needs-that-far' },
  { forms: ['hint', 'hints', 'hinted', 'hinted', 'hinting'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['signal', 'signals', 'signalled', 'signalled', 'signalling'], stance: 'neutral', nounLike: true, guard: 'needs-that' },
  { forms: ['signal', 'signals', 'signaled', 'signaled', 'signaling'], stance: 'neutral', nounLike: true, guard: 'needs-that' },
  { forms: ['respond', 'responds', 'responded', 'responded', 'responded'], stance: 'neutral', invertible: true, guard: 'needs-that' },
  { forms: ['reply', 'replies', 'replied', 'replied', 'replying'], stance: 'neutral', invertible: true, nounLike: true, guard: 'needs-that' },
  { forms: ['counter', 'counters', 'countered', 'countered', 'countered'], stance: 'neutral', invertible: true, nounLike: true, guard: 'needs-that' },
  { forms: ['agree', 'agrees', 'agreed', 'agreed', 'agreed'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['clarify', 'clarifies', 'clarified', 'clarified', 'clarifying'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['point', 'points', 'pointed', 'pointed', 'pointing'], stance: 'neutral', nounLike: true, guard: 'needs-out' },
  { forms: ['make', 'makes', 'made', 'made', 'making'], stance: 'neutral', guard: 'needs-clear' },
  { forms: ['recommend', 'recommends', 'recommended', 'recommended', 'recommending'], stance: 'neutral', guard: 'needs-that' },
  { forms: ['propose', 'proposes', 'proposed', 'proposed', 'proposing'], stance: 'neutral', guard: 'needs-that' },
  // neutral: urging, advice and commitments
  { forms: ['advise', 'advises', 'advised', 'advised', 'advising'], stance: 'neutral', guard: 'needs-to-or-that' },
  { forms: ['urge', 'urges', 'urged', 'urged', 'urging'], stance: 'neutral', invertible: true, guard: 'needs-to-or-that' },
  { forms: ['demand', 'demands', 'demanded', 'demanded', 'demanded'], stance: 'neutral', nounLike: true, guard: 'needs-that' },
  { forms: ['vow', 'vows', 'vowed', 'vowed', 'vowing'], stance: 'neutral', invertible: true, nounLike: true, guard: 'needs-to-or-that-next' },
  { forms: ['pledge', 'pledges', 'pledged', 'pledged', 'pledging'], stance: 'neutral', invertible: true, nounLike: true, guard: 'needs-to-or-that-next' },
  { forms: ['promise', 'promises', 'promised', 'promised', 'promised'], stance: 'neutral', invertible: true, nounLike: true, guard: 'needs-to-or-that-next' },
  { forms: ['threaten', 'threatens', 'threatened', 'threatened', 'threatened'], stance: 'neutral', guard: 'needs-to-or-that-next' },
  // characterisations: a cue only with "as" ("condemned the strike as a war crime", "hailed the deal as historic")
  { forms: ['condemn', 'condemns', 'condemned', 'condemned', 'condemning'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['denounce', 'denounces', 'denounced', 'denounced', 'denouncing'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['criticise', 'criticises', 'criticised', 'criticised', 'criticising'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['criticize', 'criticizes', 'criticized', 'criticized', 'criticizing'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['decry', 'decries', 'decried', 'decried', 'decrying'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['hail', 'hails', 'hailed', 'hailed', 'hailing'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['praise', 'praises', 'praised', 'praised', 'praising'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['welcome', 'welcomes', 'welcomed', 'welcomed', 'welcoming'], stance: 'neutral', guard: 'needs-as' },
  { forms: ['brand', 'brands', 'branded', 'branded', 'branding'], stance: 'neutral', nounLike: true, guard: 'needs-as' },
  { forms: ['label', 'labels', 'labelled', 'labelled', 'labelling'], stance: 'neutral', nounLike: true, guard: 'needs-as' },
  { forms: ['label', 'labels', 'labeled', 'labeled', 'labeling'], stance: 'neutral', nounLike: true, guard: 'needs-as' },
  // research and evidence
  { forms: ['find', 'finds', 'found', 'found', 'finding'], stance: 'endorsing', guard: 'needs-that-or-research' },
  { forms: ['show', 'shows', 'showed', 'shown', 'showing'], stance: 'endorsing', guard: 'needs-that-or-research' },
  { forms: ['demonstrate', 'demonstrates', 'demonstrated', 'demonstrated', 'demonstrating'], stance: 'endorsing', guard: 'needs-that' },
  { forms: ['prove', 'proves', 'proved', 'proven', 'proving'], stance: 'endorsing', guard: 'needs-that' },
  // distancing
  { forms: ['claim', 'claims', 'claimed', 'claimed', 'claiming'], stance: 'distancing', nounLike: true, invertible: true, guard: 'not-before-lives' },
  { forms: ['allege', 'alleges', 'alleged', 'alleged', 'alleging'], stance: 'distancing', invertible: true, reducedPassive: true },
  { forms: ['insist', 'insists', 'insisted', 'insisted', 'insisting'], stance: 'distancing', invertible: true, guard: 'not-before-on' },
  { forms: ['contend', 'contends', 'contended', 'contended', 'contending'], stance: 'distancing' },
  { forms: ['maintain', 'maintains', 'maintained', 'maintained', 'maintaining'], stance: 'distancing', guard: 'needs-that' },
  { forms: ['accuse', 'accuses', 'accused', 'accused', 'accusing'], stance: 'distancing' },
  { forms: ['blame', 'blames', 'blamed', 'blamed', 'blaming'], stance: 'distancing', guard: 'needs-for-on' },
  { forms: ['charge', 'charges', 'charged', 'charged', 'charged'], stance: 'distancing', nounLike: true, guard: 'needs-that' },
  { forms: ['boast', 'boasts', 'boasted', 'boasted', 'boasting'], stance: 'distancing', invertible: true, guard: 'needs-that' },
  { forms: ['purport', 'purports', 'purported', 'purported', 'purporting'], stance: 'distancing', guard: 'needs-to-next' },
  // endorsing
  { forms: ['confirm', 'confirms', 'confirmed', 'confirmed', 'confirming'], stance: 'endorsing', invertible: true },
  { forms: ['reveal', 'reveals', 'revealed', 'revealed', 'revealing'], stance: 'endorsing' },
  { forms: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledged', 'acknowledging'], stance: 'endorsing', invertible: true },
  { forms: ['admit', 'admits', 'admitted', 'admitted', 'admitting'], stance: 'endorsing', invertible: true },
  { forms: ['disclose', 'discloses', 'disclosed', 'disclosed', 'disclosing'], stance: 'endorsing' },
  { forms: ['concede', 'concedes', 'conceded', 'conceded', 'conceding'], stance: 'endorsing', invertible: true },
  // "noted that", like "acknowledged": the writer presents what is noted as established ("Critics note that the figure includes …").
  { forms: ['note', 'notes', 'noted', 'noted', 'noting'], stance: 'endorsing', nounLike: true, invertible: true, guard: 'needs-clause' },
  // "accepted that" concedes a point ("Under cross-examination, she accepted that …"); "accepted the offer" is an act.
  { forms: ['accept', 'accepts', 'accepted', 'accepted', 'accepting'], stance: 'endorsing', guard: 'needs-that' },
  // denial
  { forms: ['deny', 'denies', 'denied', 'denied', 'denying'], stance: 'denial', invertible: true, guard: 'not-before-grant' },
  { forms: ['reject', 'rejects', 'rejected', 'rejected', 'rejecting'], stance: 'denial', guard: 'needs-claim-object' },
  { forms: ['dismiss', 'dismisses', 'dismissed', 'dismissed', 'dismissing'], stance: 'denial', guard: 'needs-claim-object' },
  { forms: ['refute', 'refutes', 'refuted', 'refuted', 'refuting'], stance: 'denial' },
  { forms: ['rebut', 'rebuts', 'rebutted', 'rebutted', 'rebutting'], stance: 'denial' },
  { forms: ['dispute', 'disputes', 'disputed', 'disputed', 'disputing'], stance: 'denial', nounLike: true, guard: 'needs-claim-object' },
  { forms: ['contest', 'contests', 'contested', 'contested', 'contesting'], stance: 'denial', nounLike: true, guard: 'needs-claim-object' },
  // belief
  { forms: ['believe', 'believes', 'believed', 'believed', 'believing'], stance: 'belief', reducedPassive: true },
  { forms: ['expect', 'expects', 'expected', 'expected', 'expecting'], stance: 'belief' },
  { forms: ['fear', 'fears', 'feared', 'feared', 'fearing'], stance: 'belief', nounLike: true, reducedPassive: true },
  { forms: ['think', 'thinks', 'thought', 'thought', 'thinking'], stance: 'belief', reducedPassive: true },
  { forms: ['suspect', 'suspects', 'suspected', 'suspected', 'suspecting'], stance: 'belief', nounLike: true, reducedPassive: true },
  { forms: ['estimate', 'estimates', 'estimated', 'estimated', 'estimating'], stance: 'belief', invertible: true, nounLike: true, reducedPassive: true },
  { forms: ['forecast', 'forecasts', 'forecast', 'forecast', 'forecasting'], stance: 'belief', invertible: true, nounLike: true, reducedPassive: true },
  { forms: ['forecast', 'forecasts', 'forecasted', 'forecasted', 'forecasting'], stance: 'belief', reducedPassive: true },
  { forms: ['project', 'projects', 'projected', 'projected', 'projected'], stance: 'belief', nounLike: true, reducedPassive: true, guard: 'needs-that-or-figure' },
  { forms: ['predict', 'predicts', 'predicted', 'predicted', 'predicting'], stance: 'belief', invertible: true, reducedPassive: true },
  { forms: ['anticipate', 'anticipates', 'anticipated', 'anticipated', 'anticipating'], stance: 'belief' },
  { forms: ['assess', 'assesses', 'assessed', 'assessed', 'assessing'], stance: 'belief', guard: 'needs-that', reducedPassive: true },
  { forms: ['consider', 'considers', 'considered', 'considered', 'considered'], stance: 'belief', guard: 'needs-complement', reducedPassive: true },
  { forms: ['reckon', 'reckons', 'reckoned', 'reckoned', 'reckoned'], stance: 'belief', reducedPassive: true },
  { forms: ['worry', 'worries', 'worried', 'worried', 'worried'], stance: 'belief', nounLike: true, guard: 'needs-that' },
  { forms: ['hope', 'hopes', 'hoped', 'hoped', 'hoped'], stance: 'belief', nounLike: true, guard: 'needs-that' },
  { forms: ['doubt', 'doubts', 'doubted', 'doubted', 'doubted'], stance: 'belief', nounLike: true, guard: 'needs-that-or-whether' },
  { forms: ['speculate', 'speculates', 'speculated', 'speculated', 'speculating'], stance: 'belief', guard: 'needs-that' },
  { forms: ['calculate', 'calculates', 'calculated', 'calculated', 'calculated'], stance: 'belief', guard: 'needs-that' },
];

/**
 * Some verbs list their past form again in the gerund's place: their -ing form is mostly an
 * adjective or a noun ("a promising start", "charging stations", "a day of reckoning"), and a
 * gerund cue would end the noun phrases that contain it.
 */
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
        participle: form === 'participle' || ((form === 'past' || (form === 'base' && past === base)) && past === participle),
        stance: spec.stance,
        invertible: spec.invertible ?? false,
        takesListener: spec.takesListener ?? false,
        guard: spec.guard ?? 'none',
        nounLike: spec.nounLike ?? false,
        pastIsBase: past === base,
        reducedPassive: spec.reducedPassive ?? false,
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
  // "The Journal, which cited people familiar with the matter, reported …"
  ['cited', 'neutral'],
  ['cites', 'neutral'],
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
  'figures', 'figure', 'estimate', 'estimates', 'data', 'numbers', 'statistics', 'conclusion', 'conclusions',
  'description', 'depiction', 'portrayal', 'reporting', 'interpretation', 'premise', 'argument', 'arguments',
  'analysis', 'statement', 'statements', 'comments', 'remarks', 'contention', 'theory', 'theories', 'count',
  'tally', 'toll', 'assertion', 'reports', 'denial', 'denials', 'rumor', 'hoax', 'fabrication', 'fabrications',
]);
