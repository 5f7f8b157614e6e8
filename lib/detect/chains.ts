/**
 * Chains of reporting inside one sentence: which attribution reports which.
 *
 * "Yonhap reports that … South Korea’s spy service said …": the spy service's words reach us
 * through Yonhap, so Yonhap is the outer source and the spy service's attribution is `reportedBy`
 * it. The rules, in order:
 * 1. a reporting verb's clause holds the attributions that come after its cue, unless a coordinator
 *    ("while", "but", "; and") starts a sibling clause;
 * 2. "according to X", a trailing aside (", Reuters reported.", ", its finance chief said."), and a
 *    relaying outlet ("carried by KCNA", "polled by LSEG") report the other top-level attributions
 *    of their clause;
 * 3. "citing X": X is the inner source of the nearest other attribution.
 * Outer attributions come first in the result; children follow their parent in text order.
 */
import { isVerbCue } from './cues';
import { AUXILIARIES, PREPOSITIONS } from './noun-phrases';
import type { Token } from './tokens';

/** Which rule found an attribution; decides how it nests with the others. */
export type CandidateKind = 'subject' | 'inverted' | 'according' | 'citing' | 'agent' | 'quoted' | 'saying' | 'relay';

/** What chaining needs to know of one attribution of the sentence. */
export type ChainCandidate = {
  /** Which rule found it. */
  kind: CandidateKind;
  /** First token of the cue. */
  cueStart: number;
  /** Token after the cue's last. */
  cueEnd: number;
  /** First token of the source phrase. */
  phraseStart: number;
  /** Token after the source phrase's last. */
  phraseEnd: number;
  /** The cue words, lower case. */
  cue: string;
  /** The source is an outlet or a platform. */
  outlet: boolean;
  /** The source is a document or data ("official figures", "census data"): evidence a speaker may cite. */
  evidence: boolean;
  /** Set by `markTrailing`: the attribution closes the sentence as an aside (", Reuters reported."). */
  trailing: boolean;
  /** Index of the outer attribution, or null; may be preset by the rule that found it. */
  parent: number | null;
};

/** Coordinators: what follows them is a sibling clause, not reported speech of the clause before. */
const COORDINATORS: ReadonlySet<string> = new Set(['while', 'whilst', 'whereas', 'but', 'although', 'though', 'however', 'meanwhile', 'yet']);

/** Words that mark the start of a reported clause after a cue: the attribution is not a trailing aside. */
const COMPLEMENT_MARKERS: ReadonlySet<string> = new Set(['that', ':', '“', '"', '«', '„']);

/** Words that may open the adverbial tail after a trailing attribution ("…, TASS reported *late on Monday*"). */
const TRAILER_OPENERS: ReadonlySet<string> = new Set([
  'last', 'late', 'early', 'earlier', 'later', 'this', 'yesterday', 'today', 'tonight', 'overnight',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'recently', 'previously',
  'citing', 'quoting', 'separately', 'also', 'again', 'publicly', 'privately', 'repeatedly', 'then', 'now',
]);

/**
 * Cues of a trailing aside that report the whole clause before them, attributions included: "The
 * company expects sales of $12 billion, its finance chief said."
 */
const TRAILING_REPORTS: ReadonlySet<string> = new Set(['reported', 'reports', 'said', 'says', 'told', 'added', 'wrote', 'stated']);

/** Most words after a sentence-final attribution for it to count as a trailing aside. */
const MAX_TRAILER = 8;

/** First token of a candidate (source or cue, whichever comes first). */
function startOf(c: ChainCandidate): number {
  return Math.min(c.cueStart, c.phraseStart);
}

/** Token after the last of a candidate. */
function endOf(c: ChainCandidate): number {
  return Math.max(c.cueEnd, c.phraseEnd);
}

/**
 * Mark the attributions that are trailing asides: after a comma or a closing quote, followed only
 * by a few adverbial words or an appositive, with no verb ("…, according to Pyongyang’s official
 * media at the time."). "According to Yonhap, the spy service said the North had sent troops" is
 * not one: a clause follows "said".
 */
export function markTrailing(cs: readonly ChainCandidate[], tokens: readonly Token[], first: number): void {
  for (const c of cs) {
    const before = tokens[startOf(c) - 1];
    c.trailing = false;
    if (!before || before.word || startOf(c) - first < 3) continue;
    let words = 0;
    let clause = false;
    let firstToken: Token | null = null;
    let from = endOf(c);
    // "…, a lawmaker told reporters after the briefing.": the listener belongs to the cue.
    if (c.cue === 'told' || c.cue === 'tells') {
      while (from < tokens.length && from - c.cueEnd < 4 && tokens[from]?.word && !TRAILER_OPENERS.has(tokens[from]?.lower ?? '') && !PREPOSITIONS.has(tokens[from]?.lower ?? '') && !COMPLEMENT_MARKERS.has(tokens[from]?.lower ?? '')) from += 1;
    }
    for (let i = from; i < tokens.length; i += 1) {
      const t = tokens[i];
      if (!t) break;
      firstToken ??= t;
      if (
        COMPLEMENT_MARKERS.has(t.lower) ||
        isVerbCue(t.lower) ||
        AUXILIARIES.has(t.lower) ||
        t.lower === 'according' ||
        t.text === ';' ||
        (t.word && !t.cap && t.lower.length > 4 && t.lower.endsWith('ed'))
      ) {
        clause = true;
        break;
      }
      if (t.word) words += 1;
    }
    // The tail opens with punctuation (an appositive: ", a member of parliament"), a preposition or a time word.
    const adverbial =
      firstToken === null || !firstToken.word || TRAILER_OPENERS.has(firstToken.lower) || PREPOSITIONS.has(firstToken.lower);
    c.trailing = !clause && adverbial && words <= MAX_TRAILER;
  }
}

/**
 * "He added that the town had shrunk, according to census figures": a trailing "according to" a
 * document or data is evidence the speaker cites, like "citing"; it reports nobody's words.
 */
function citedEvidence(c: ChainCandidate, cs: readonly ChainCandidate[]): boolean {
  if (c.kind !== 'according' || !c.trailing || !c.evidence) return false;
  // Only a speaker cites: "Analysts had expected a profit, according to a company-compiled
  // consensus" is the analysts' expectation as the data report it.
  return cs.some((o) => o !== c && (o.kind === 'subject' || o.kind === 'inverted') && SPEECH_CUES.has(o.cue));
}

/** Cues of speech, whose speaker may cite figures at the end of what they said. */
const SPEECH_CUES: ReadonlySet<string> = new Set(['said', 'says', 'added', 'adds', 'told', 'tells', 'wrote', 'writes', 'explained', 'noted', 'argued', 'stated', 'stressed', 'warned']);

/** True when a coordinator separates tokens `from` and `to` (siblings, not nesting). */
function coordinated(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const t = tokens[i];
    if (!t) continue;
    if (t.text === ';' || COORDINATORS.has(t.lower)) return true;
  }
  let j = to - 1;
  while (j >= from && tokens[j]?.text === ',') j -= 1;
  const w = tokens[j]?.lower;
  return j >= from && (w === 'and' || w === 'or');
}

function isAncestor(cs: readonly ChainCandidate[], candidate: number, of: number): boolean {
  let p = cs[of]?.parent ?? null;
  let guard = 0;
  while (p !== null && guard <= cs.length) {
    if (p === candidate) return true;
    p = cs[p]?.parent ?? null;
    guard += 1;
  }
  return false;
}

function semicolonBetween(tokens: readonly Token[], a: ChainCandidate, b: ChainCandidate): boolean {
  const lo = Math.min(endOf(a), endOf(b));
  const hi = Math.max(startOf(a), startOf(b));
  for (let i = lo; i < hi; i += 1) if (tokens[i]?.text === ';') return true;
  return false;
}

/** Set `parent` on the attributions of one sentence (see the module comment). Quadratic in their number, which is capped. */
export function linkChains(cs: ChainCandidate[], tokens: readonly Token[]): void {
  const order = cs.map((_, i) => i).sort((a, b) => startOf(cs[a] as ChainCandidate) - startOf(cs[b] as ChainCandidate));
  // 1. A verb's reported clause holds the attributions after its cue.
  for (let oi = order.length - 1; oi >= 0; oi -= 1) {
    const vi = order[oi] ?? 0;
    const v = cs[vi];
    if (!v || v.trailing || v.kind === 'according' || v.kind === 'citing' || v.kind === 'relay') continue;
    for (let oj = oi + 1; oj < order.length; oj += 1) {
      const bi = order[oj] ?? 0;
      const b = cs[bi];
      if (!b || b.parent !== null || b.trailing || b.kind === 'citing' || b.kind === 'relay') continue;
      if (startOf(b) < v.cueEnd || coordinated(tokens, v.cueEnd, startOf(b)) || isAncestor(cs, bi, vi)) continue;
      b.parent = vi;
    }
  }
  // 2a. A relaying outlet reports the nearest attribution that has no outer source yet.
  cs.forEach((r, ri) => {
    if (r.kind !== 'relay' || r.parent !== null) return;
    let best: number | null = null;
    let distance = Infinity;
    cs.forEach((o, oi) => {
      if (oi === ri || o.kind === 'relay' || o.parent !== null || isAncestor(cs, oi, ri)) return;
      const d = Math.abs(startOf(o) - startOf(r));
      if (d < distance) {
        distance = d;
        best = oi;
      }
    });
    const child = best === null ? undefined : cs[best];
    if (child) child.parent = ri;
  });
  // 2b. "according to X" and trailing outlets report the top-level attributions of their clause.
  cs.forEach((a, ai) => {
    const outer = (a.kind === 'according' && !citedEvidence(a, cs)) || (a.trailing && (a.outlet || TRAILING_REPORTS.has(a.cue)));
    if (!outer || a.parent !== null) return;
    cs.forEach((b, bi) => {
      if (bi === ai || b.parent !== null || b.kind === 'citing' || b.kind === 'relay' || isAncestor(cs, bi, ai)) return;
      if ((b.kind === 'according' && !a.trailing) || (b.trailing && !a.trailing)) return;
      if (semicolonBetween(tokens, a, b)) return;
      b.parent = ai;
    });
  });
  // 3. "citing X": X is the inner source of the nearest other attribution.
  cs.forEach((c, ci) => {
    if ((c.kind !== 'citing' && !citedEvidence(c, cs)) || c.parent !== null) return;
    let best: number | null = null;
    let distance = Infinity;
    cs.forEach((o, oi) => {
      if (oi === ci || o.kind === 'citing' || isAncestor(cs, oi, ci)) return;
      const d = Math.abs(startOf(o) - startOf(c));
      if (d < distance) {
        distance = d;
        best = oi;
      }
    });
    c.parent = best;
  });
}

/** Relaying outlets that relay nothing in this sentence ("a picture released by the service"): not attributions. */
export function childlessRelays(cs: readonly ChainCandidate[]): Set<number> {
  const out = new Set<number>();
  cs.forEach((c, i) => {
    if (c.kind === 'relay' && !cs.some((o) => o.parent === i)) out.add(i);
  });
  return out;
}

/**
 * The order to return the attributions in (outer first, depth-first, children in text order),
 * and each one's `reportedBy` as a position in that order.
 */
export function chainOrder(cs: readonly ChainCandidate[], skip: ReadonlySet<number> = new Set()): { order: number[]; reportedBy: (number | null)[] } {
  const children = new Map<number | null, number[]>();
  const parentOf = cs.map((c, i) => (c.parent !== null && c.parent !== i && !isAncestor(cs, i, c.parent) ? c.parent : null));
  parentOf.forEach((p, i) => {
    if (skip.has(i)) return;
    const list = children.get(p) ?? [];
    list.push(i);
    children.set(p, list);
  });
  for (const list of children.values()) list.sort((a, b) => startOf(cs[a] as ChainCandidate) - startOf(cs[b] as ChainCandidate));
  const order: number[] = [];
  const position = new Map<number, number>();
  const reportedBy: (number | null)[] = [];
  // Iterative depth-first walk: the number of attributions is capped, but no recursion is needed.
  const stack: number[] = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const i = stack.pop();
    if (i === undefined || position.has(i)) continue;
    position.set(i, order.length);
    order.push(i);
    const p = parentOf[i] ?? null;
    reportedBy.push(p === null ? null : (position.get(p) ?? null));
    const kids = children.get(i) ?? [];
    for (let k = kids.length - 1; k >= 0; k -= 1) stack.push(kids[k] ?? 0);
  }
  return { order, reportedBy };
}
