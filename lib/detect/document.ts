/**
 * Reading a document sentence by sentence, in order, with what it has named so far: the quotation
 * state within a block, acronyms the text defined, and the discourse memory pronouns and short names
 * resolve against. Each sentence is either read in full (every stage: tokens, quotation marks,
 * names, registry sources, attributions), or glanced at: only the stages whose results later
 * sentences need, when the prefilter (prefilter.ts) shows the sentence cannot hold a claim itself.
 */
import type { Attribution, DetectedClaim, SourceRef, SourceType } from '../model';
import { findAttributions, type FoundAttribution } from './attribution';
import {
  emptyMemory,
  genderOf,
  isOutletType,
  remember,
  rememberGender,
  rememberName,
  rememberOutlet,
  resolveAcronym,
  resolveDefinite,
  resolveName,
  resolvePronoun,
  type DiscourseMemory,
  type UnreadOutlets,
} from './coreference';
import { findLocalNames, findTitledNames, genderOfName, type LocalName, type TitledName } from './names';
import { genderOfWord } from './source-type';
import { mentionAntecedent, sourceRef } from './outlet-backlog';
import { HIT_PAREN, HIT_QUOTE, HIT_ROLE, isCueWord } from './prefilter';
import {
  analyseQuotes,
  carryOverQuotations,
  CLOSED,
  unquotedSentence,
  type QuotedSentence,
  type QuoteState,
  type SentenceQuotes,
} from './quotations';
import type { SourceIndex, SourceMention } from './source-matcher';
import { isSpace, tokenize, type Token } from './tokens';

/** True for a word in capitals ("JCS", "NIS"), the shape of an acronym. */
function isAcronym(label: string): boolean {
  return /^[A-Z]{2,6}$/.test(label);
}

/**
 * A found attribution turned into the shared model, and what `learn` remembers of it. Plain data
 * rather than a closure per attribution: detection runs once per page, mostly unoptimised, where
 * every closure is an allocation.
 */
type Resolution = {
  attribution: Attribution;
  /** The attribution it was made from. */
  found: FoundAttribution;
  /** False for speech inside a quotation: nothing of it is remembered. */
  learns: boolean;
  /** The source was resolved (a pronoun that found its antecedent, or no pronoun). */
  resolved: boolean;
  source: SourceRef | null;
  label: string;
  type: SourceType;
  person: boolean;
  speaker: string | null;
  speakerType: SourceType;
};

/**
 * Turn a found attribution into the shared model: resolve pronouns, definite descriptions and
 * short names against what the document named before. `learn` then remembers the source for later
 * references; the caller runs it once all of the sentence's attributions are resolved.
 */
function toAttribution(text: string, f: FoundAttribution, memory: DiscourseMemory, block: number): Resolution {
  // "“He used to tell me …,” she said": a pronoun inside a quotation refers within the quotation.
  if (f.quoted) {
    const quotedSource = f.source ? sourceRef(f.source) : null;
    return {
      attribution: attributionOf(text, f, quotedSource, f.label, f.type, f.speaker),
      found: f,
      learns: false,
      resolved: false,
      source: quotedSource,
      label: f.label,
      type: f.type,
      person: false,
      speaker: null,
      speakerType: 'other',
    };
  }
  let source = f.source ? sourceRef(f.source) : null;
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
      if (a.person) rememberGender(memory, a.label, genderOf(f.pronoun));
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
  } else if (!source && type === 'organisation' && f.head === label.toLowerCase()) {
    // "Smith said it was a mistake": a one-word name taken for a body is the person named before.
    const known = memory.names.get(label.toLowerCase());
    if (known) {
      label = known.label;
      type = known.type;
      person = true;
    }
  }
  let speaker = f.speaker;
  let speakerType = f.speakerType ?? 'other';
  if (f.speakerPronoun) {
    const a = resolvePronoun(memory, f.speakerPronoun, block);
    speaker = a?.label ?? null;
    speakerType = a?.type ?? speakerType;
    if (a?.person) rememberGender(memory, a.label, genderOf(f.speakerPronoun));
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
  return { attribution: attributionOf(text, f, source, label, type, speaker), found: f, learns: true, resolved, source, label, type, person, speaker, speakerType };
}

/** Remember what a resolved attribution names, for later references (see `toAttribution`). */
function learn(memory: DiscourseMemory, r: Resolution, block: number): void {
  if (!r.learns) return;
  const { found: f, source, label, type, person, speaker, speakerType } = r;
  if (r.resolved) remember(memory, { source, label, type, block, person: person && source === null, head: f.head });
  if (person && source === null) {
    rememberName(memory, label, type);
    rememberGender(memory, label, f.gender ?? genderOfName(label));
  }
  if (speaker) {
    const speakerIsPerson = speakerType === 'official-person' || speakerType === 'other' || speakerType === 'anonymous';
    remember(memory, { source: null, label: speaker, type: speakerType, block, person: speakerIsPerson, head: null });
    if (speakerIsPerson) {
      rememberName(memory, speaker, speakerType);
      rememberGender(memory, speaker, f.speakerGender ?? genderOfName(speaker));
    }
  }
}

/** Characters that end a sentence of running text (a closing quotation mark or bracket may follow). */
const TERMINALS = '.!?…:;';
/** Closing quotation marks and brackets that may follow a sentence's final punctuation. */
const CLOSERS = '"”’\')»]';

/**
 * True when `[start, end)` is a line of its own that does not end like a sentence: a headline,
 * sub-heading, standfirst or caption ("North Korea fires missile, Seoul says"). Looks only at the
 * line's edges.
 */
export function isHeadingLine(text: string, start: number, end: number): boolean {
  let last = end - 1;
  while (last > start && isSpace(text[last] ?? '')) last -= 1;
  while (last > start && CLOSERS.includes(text[last] ?? '')) last -= 1;
  if (TERMINALS.includes(text[last] ?? '')) return false;
  let before = start - 1;
  for (; before >= 0 && text[before] !== '\n'; before -= 1) if (!isSpace(text[before] ?? '')) return false;
  let after = end;
  for (; after < text.length && text[after] !== '\n'; after += 1) if (!isSpace(text[after] ?? '')) return false;
  // A text of one line is what the caller asked about ("Kremlin says Putin will not attend"), not a headline.
  return before >= 0 || after < text.length;
}

/** The shared model's attribution for a found one, with its source resolved. */
function attributionOf(text: string, f: FoundAttribution, source: SourceRef | null, label: string, type: SourceType, speaker: string | null): Attribution {
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

/**
 * `list` without the entries `dropped` marks, `reportedBy` renumbered: the children of a dropped
 * entry are reported by its own outer source. Returns `list` itself when nothing is dropped.
 */
function withoutEntries<T extends { reportedBy: number | null }>(list: readonly T[], dropped: readonly boolean[]): readonly T[] {
  if (!dropped.includes(true)) return list;
  const position: number[] = [];
  let next = 0;
  for (const d of dropped) position.push(d ? -1 : next++);
  const outer = (i: number | null): number | null => {
    let p = i;
    let guard = 0;
    while (p !== null && dropped[p] === true && guard <= list.length) {
      p = list[p]?.reportedBy ?? null;
      guard += 1;
    }
    return p === null ? null : (position[p] ?? null);
  };
  return list.filter((_, i) => !dropped[i]).map((e) => ({ ...e, reportedBy: outer(e.reportedBy) }));
}

/** A belief whose holder is a pronoun outside any quotation ("they believed"). */
function isPronounBelief(f: FoundAttribution): boolean {
  return f.pronoun !== null && f.cueStance === 'belief' && !f.quoted;
}

/** One sentence on its way through the pipeline. */
type Analysed = QuotedSentence & {
  start: number;
  end: number;
};

/** A document being read, sentence by sentence, in order. */
export class DocumentReader {
  private readonly memory: DiscourseMemory;
  private readonly localNames = new Map<string, LocalName>();
  private readonly sentences: Analysed[] = [];
  private state: QuoteState = CLOSED;
  private block = -1;

  /**
   * @param text the whole text; every offset is into it
   * @param index the registry matcher
   * @param unread where glanced-at sentences go to be read for outlets on demand; null when every
   *   sentence is read in full
   */
  constructor(
    private readonly text: string,
    private readonly index: SourceIndex,
    unread: UnreadOutlets | null,
  ) {
    this.memory = emptyMemory(unread);
  }

  /** Start block `block` (quotations never run on across a block boundary unless reopened). */
  private enterBlock(block: number): void {
    if (block === this.block) return;
    this.state = CLOSED;
    this.block = block;
  }

  /** Learn the names a sentence introduces: acronyms it defines, people it names with a title. */
  private learnNames(tokens: readonly Token[], block: number): void {
    const local = findLocalNames(this.text, tokens);
    if (local.size > 0) for (const [acronym, name] of local) this.localNames.set(acronym, name);
    // People named with a title are what a later "he"/"she" most likely refers to.
    const titled = findTitledNames(this.text, tokens);
    for (let i = 0; i < titled.length; i += 1) {
      const name = titled[i] as TitledName;
      rememberName(this.memory, name.label, name.type);
      remember(this.memory, { source: null, label: name.label, type: name.type, block, person: true, head: name.role });
      rememberGender(this.memory, name.label, genderOfWord(name.role) ?? genderOfName(name.label));
    }
  }

  /**
   * Read the sentence `[start, end)` of block `block` through every stage. `hits`, the prefilter's
   * `HIT_*` flags for it when there is one, spare the name finders a sentence they cannot find
   * anything in.
   */
  read(start: number, end: number, block: number, hits = HIT_PAREN | HIT_ROLE): void {
    this.enterBlock(block);
    const { text, memory } = this;
    const tokens = tokenize(text, start, end);
    const quotes = analyseQuotes(tokens, this.state);
    this.state = quotes.end;
    if (hits & (HIT_PAREN | HIT_ROLE)) this.learnNames(tokens, block);
    const mentions = this.index.mentions(text, start, end);
    const { attributions: found, hasContent } = findAttributions({ text, tokens, inQuote: quotes.inside, mentions, localNames: this.localNames });
    const endsWithColon = tokens[tokens.length - 1]?.text === ':';
    // A bare attribution ("Kremlin says") is no claim; one that introduces a quotation is kept for it.
    // "They believed the ceasefire would hold" with no one for "they" to be: a belief needs a holder.
    let beliefs = false;
    for (let i = 0; i < found.length && !beliefs; i += 1) beliefs = isPronounBelief(found[i] as FoundAttribution);
    const held = beliefs
      ? withoutEntries(found, found.map((f) => isPronounBelief(f) && f.pronoun !== null && resolvePronoun(memory, f.pronoun, block) === null))
      : found;
    const kept = hasContent || endsWithColon ? held : [];
    const resolved = this.resolveAll(kept, mentions, block);
    // A headline, sub-heading or caption on a line of its own is no claim ("… , Seoul says"); what
    // it names is still remembered for the sentences after it.
    const attributions = resolved.length > 0 && isHeadingLine(text, start, end) ? [] : resolved;
    let quoted = false;
    for (let i = 0; i < kept.length && !quoted; i += 1) quoted = (kept[i] as FoundAttribution).quoted;
    // Every sentence record has the same fields, `speakers` too (undefined when there are none), so
    // the records share one shape.
    this.sentences.push({
      start,
      end,
      block,
      quotes,
      endsWithColon,
      introOnly: held.length > 0 && !hasContent,
      attributions,
      // Speech quoted inside the quotation is not what a continuing sentence carries over.
      speakers: quoted ? [...withoutEntries(attributions, kept.map((f) => f.quoted))] : undefined,
    });
    // Outlets named in passing are what "the agency" later refers to.
    for (let i = 0; i < mentions.length; i += 1) {
      const m = mentions[i] as SourceMention;
      // Only outlets are remembered (`rememberOutlet`): the check first spares making the others' antecedents.
      if (isOutletType(m.source.type)) rememberOutlet(memory, mentionAntecedent(m, block));
    }
    if (kept.length === 0) this.refreshSubject(tokens, block);
  }

  /**
   * Resolve a sentence's attributions against what earlier sentences named, then remember them:
   * the inner ones of a chain first and the outermost last, so that a later "he" or "it" takes the
   * sentence's main source ("Peskov said Putin had told him …. He added …": Peskov).
   */
  private resolveAll(found: readonly FoundAttribution[], mentions: readonly SourceMention[], block: number): Attribution[] {
    const { text, memory } = this;
    if (found.length === 0) return [];
    const done: Resolution[] = [];
    for (let k = 0; k < found.length; k += 1) {
      const f = found[k] as FoundAttribution;
      // An outlet named earlier in the same sentence ("Today TASS employs …, according to the agency's website").
      for (let i = 0; i < mentions.length; i += 1) {
        const m = mentions[i] as SourceMention;
        if (m.end <= f.start && isOutletType(m.source.type)) rememberOutlet(memory, mentionAntecedent(m, block));
      }
      done.push(toAttribution(text, f, memory, block));
    }
    for (let i = done.length - 1; i >= 0; i -= 1) learn(memory, done[i] as Resolution, block);
    const attributions: Attribution[] = [];
    for (let i = 0; i < done.length; i += 1) attributions.push((done[i] as Resolution).attribution);
    return attributions;
  }

  /**
   * "Kowalczyk will present the findings in Vilnius, where she will say …": a person named before
   * who is the subject of a sentence that attributes nothing is still who a later "she" means. Only
   * in sentences with a cue word, which the fast path reads in full too (see `isCueWord`).
   */
  private refreshSubject(tokens: readonly Token[], block: number): void {
    let i = 0;
    while (i < tokens.length && (tokens[i]?.lower === 'but' || tokens[i]?.lower === 'and' || !tokens[i]?.word)) i += 1;
    const first = tokens[i];
    if (!first || !first.cap || first.lower !== first.base) return;
    if (!tokens.some((t) => t.word && isCueWord(t.lower))) return;
    const known = this.memory.names.get(first.lower);
    if (!known || !(known.type === 'official-person' || known.type === 'other')) return;
    remember(this.memory, { source: null, label: known.label, type: known.type, block, person: true, head: null });
  }

  /**
   * Glance at the sentence `[start, end)` of block `block`, which the prefilter found no cue in
   * (`hits`: the other `HIT_*` flags it found there). Such a sentence has no attribution of its own,
   * so only what other sentences need is read, and only where a hit shows it may be there: its
   * quotation marks, the acronyms it defines, the people it names with a title. The outlets it names
   * are read only if a later "the agency" needs them (the `unread` queue, which the caller fills).
   * The result is what `read` would give.
   */
  glance(start: number, end: number, block: number, hits: number): void {
    this.enterBlock(block);
    let tokens: Token[] | null = null;
    let quotes: SentenceQuotes;
    if (hits & HIT_QUOTE) {
      tokens = tokenize(this.text, start, end);
      quotes = analyseQuotes(tokens, this.state);
    } else {
      quotes = unquotedSentence(this.state);
    }
    this.state = quotes.end;
    if (hits & (HIT_PAREN | HIT_ROLE)) this.learnNames(tokens ?? tokenize(this.text, start, end), block);
    this.sentences.push({
      start,
      end,
      block,
      quotes,
      // The last token is a colon exactly when the last character is: a colon is a token by itself.
      endsWithColon: this.text.charCodeAt(end - 1) === 0x3a,
      introOnly: false,
      attributions: [],
      speakers: undefined,
    });
  }

  /** The claims read so far, after carrying quotations' attributions over. Call once, at the end. */
  claims(): DetectedClaim[] {
    carryOverQuotations(this.sentences);
    const claims: DetectedClaim[] = [];
    for (const s of this.sentences) {
      if (s.attributions.length === 0 || s.introOnly) continue;
      claims.push({ start: s.start, end: s.end, text: this.text.slice(s.start, s.end), attributions: s.attributions });
    }
    return claims;
  }
}
