/**
 * The public entry point of lib/detect: find the sentences of a text that report a claim, and who
 * each claim is attributed to. Pure: runs in Node and in a content script alike.
 *
 * Pipeline, each stage one linear pass:
 * 1. sentences.ts        split into sentences, never across a blank line (a block boundary);
 * 2. tokens.ts           tokenise each sentence;
 * 3. quotations.ts       mark the words inside quotation marks (cues there are someone else's words);
 * 4. source-matcher.ts   find registry sources (one trie walk; registry.ts holds the built-ins);
 * 5. names.ts            collect names the text introduces ("Minister Pavel Orekhov", "(JCS)");
 * 6. attribution.ts      read each cue's source, speaker and medium (cues.ts, noun-phrases.ts,
 *                        source-type.ts, datelines.ts), and chain them (chains.ts);
 * 7. coreference.ts      resolve "he said", "the agency", "Orekhov" to the source named before;
 * 8. quotations.ts       carry a quotation's attribution into its continuing sentences.
 *
 * The conventions for what counts as a claim and which words name a source are those of the
 * labelled corpus, tests/fixtures/attribution/README.md.
 */
import type { Attribution, DetectedClaim, Source, SourceRef } from '../model';
import { findAttributions, type FoundAttribution } from './attribution';
import {
  emptyMemory,
  remember,
  rememberName,
  rememberOutlet,
  resolveAcronym,
  resolveDefinite,
  resolveName,
  resolvePronoun,
  type DiscourseMemory,
} from './coreference';
import { findLocalNames, findTitledNames, type LocalName } from './names';
import { analyseQuotes, carryOverQuotations, CLOSED, type QuotedSentence, type QuoteState } from './quotations';
import { BUILTIN_SOURCES } from './registry';
import { splitSentences } from './sentences';
import { sourceIndexFor } from './source-matcher';
import { tokenize } from './tokens';

export { FALLBACK_SOURCE_ID, sourceIdFor } from './source-id';
export { splitSentences, type SentenceSpan } from './sentences';

/** Options for `detectClaims`. */
export type DetectOptions = {
  /** The user's stored sources; they win over built-in entries with the same id or alias. */
  userSources?: readonly Source[];
};

/** The sources shipped with the extension (KCNA, Yonhap, TASS, Telegram, Reuters, …). */
export const builtinSources: readonly Source[] = BUILTIN_SOURCES;

/**
 * The registry source that `words` name (built-ins merged with `userSources`, the user's winning),
 * or null. "the Yonhap news agency" → Yonhap; "American authorities" → null.
 */
export function resolveSource(words: string, userSources?: readonly Source[]): Source | null {
  return sourceIndexFor(userSources).resolve(words);
}

/** True for a word in capitals ("JCS", "NIS"), the shape of an acronym. */
function isAcronym(label: string): boolean {
  return /^[A-Z]{2,6}$/.test(label);
}

/** The part of a source that a detection result carries. */
function ref(source: Source): SourceRef {
  return { id: source.id, name: source.name, type: source.type };
}

/**
 * Turn a found attribution into the shared model: resolve pronouns, definite descriptions and
 * short names against what the document named before, then remember this source for later ones.
 */
function toAttribution(text: string, f: FoundAttribution, memory: DiscourseMemory, block: number): Attribution {
  let source: SourceRef | null = f.source ? ref(f.source) : null;
  let label = f.label;
  let type = f.type;
  let person = f.person;
  let resolved = f.pronoun === null;
  if (f.pronoun) {
    const a = resolvePronoun(memory, f.pronoun, block);
    if (a) {
      source = a.source;
      label = a.label;
      type = a.type;
      person = a.person;
      resolved = true;
    }
  } else if (f.definiteHead && !source) {
    const a = resolveDefinite(memory, f.definiteHead, block);
    if (a) {
      source = a.source;
      label = a.label;
      type = a.type;
      person = a.person;
    }
  } else if (person && !source) {
    const known = resolveName(memory, label);
    if (known) {
      label = known.label;
      if (type !== 'official-person' || known.type === 'official-person') type = known.type;
    }
  }
  let speaker = f.speaker;
  let speakerType = f.speakerType ?? 'other';
  if (f.speakerPronoun) {
    const a = resolvePronoun(memory, f.speakerPronoun, block);
    speaker = a?.label ?? null;
    speakerType = a?.type ?? speakerType;
  } else if (speaker) {
    const known = resolveName(memory, speaker);
    if (known) {
      speaker = known.label;
      if (known.type === 'official-person') speakerType = known.type;
    }
  }
  // "the JCS" after "South Korea's Joint Chiefs of Staff": an acronym of a source named before.
  if (!source && isAcronym(label)) {
    const a = resolveAcronym(memory, label, block);
    if (a) {
      source = a.source;
      label = a.label;
      type = a.type;
    }
  }
  if (resolved) remember(memory, { source, label, type, block, person: person && source === null, head: f.head });
  if (person && source === null) rememberName(memory, label, type);
  if (speaker) {
    const speakerIsPerson = speakerType === 'official-person' || speakerType === 'other' || speakerType === 'anonymous';
    remember(memory, { source: null, label: speaker, type: speakerType, block, person: speakerIsPerson, head: null });
    if (speakerIsPerson) rememberName(memory, speaker, speakerType);
  }
  return {
    source,
    label,
    type,
    sourceText: text.slice(f.start, f.end),
    speaker,
    cue: f.cue,
    cueStance: f.cueStance,
    start: f.start,
    end: f.end,
    reportedBy: f.reportedBy,
    carriedOver: false,
  };
}

/** One sentence on its way through the pipeline. */
type Analysed = QuotedSentence & {
  start: number;
  end: number;
};

/**
 * Find the sentences of `text` that report a claim, with who each is attributed to. Pure.
 * Offsets are into `text`: `text.slice(claim.start, claim.end) === claim.text`, and the same for
 * every attribution's `sourceText` (null only on attributions carried over from an earlier sentence
 * of the same quotation).
 */
export function detectClaims(text: string, options: DetectOptions = {}): DetectedClaim[] {
  const index = sourceIndexFor(options.userSources);
  const memory = emptyMemory();
  const localNames = new Map<string, LocalName>();
  const sentences: Analysed[] = [];
  let state: QuoteState = CLOSED;
  let block = -1;
  for (const span of splitSentences(text)) {
    if (span.block !== block) {
      state = CLOSED;
      block = span.block;
    }
    const tokens = tokenize(text, span.start, span.end);
    const quotes = analyseQuotes(tokens, state);
    state = quotes.end;
    for (const [acronym, name] of findLocalNames(text, tokens)) localNames.set(acronym, name);
    // People named with a title are what a later "he"/"she" most likely refers to.
    for (const name of findTitledNames(text, tokens)) {
      rememberName(memory, name.label, name.type);
      remember(memory, { source: null, label: name.label, type: name.type, block: span.block, person: true, head: null });
    }
    const mentions = index.mentions(text, span.start, span.end);
    const { attributions: found, hasContent } = findAttributions({ text, tokens, inQuote: quotes.inside, mentions, localNames });
    const endsWithColon = tokens[tokens.length - 1]?.text === ':';
    // A bare attribution ("Kremlin says") is no claim; one that introduces a quotation is kept for it.
    const kept = hasContent || endsWithColon ? found : [];
    sentences.push({
      start: span.start,
      end: span.end,
      block: span.block,
      quotes,
      endsWithColon,
      introOnly: found.length > 0 && !hasContent,
      attributions: kept.map((f) => {
        // An outlet named earlier in the same sentence ("Today TASS employs …, according to the agency's website").
        for (const m of mentions) {
          if (m.end <= f.start) rememberOutlet(memory, { source: ref(m.source), label: m.source.name, type: m.source.type, block: span.block, person: false, head: null });
        }
        return toAttribution(text, f, memory, span.block);
      }),
    });
    // Outlets named in passing are what "the agency" later refers to.
    for (const m of mentions) rememberOutlet(memory, { source: ref(m.source), label: m.source.name, type: m.source.type, block: span.block, person: false, head: null });
  }
  carryOverQuotations(sentences);
  const claims: DetectedClaim[] = [];
  for (const s of sentences) {
    if (s.attributions.length === 0 || s.introOnly) continue;
    claims.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end), attributions: s.attributions });
  }
  return claims;
}
