/**
 * Scoring detected claims against the hand-labelled corpus. Pure: no I/O, no clock.
 *
 * - Each predicted claim counts for the labelled sentence it overlaps most (ties: the earlier).
 * - Sentence level: a labelled sentence is predicted positive when at least one claim counts for
 *   it. Optional sentences are left out of every figure.
 * - Attribution level: within a sentence, a predicted attribution matches a labelled one when
 *   - both are carried over and they name the same source (same name, or the predicted
 *     attribution points at a labelled mention of that source earlier in the document), or
 *   - neither is carried over and the predicted span overlaps the labelled `sourceText`'s span,
 *     or the predicted registry name or label equals the labelled canonical name.
 *   Names compare case-insensitively, ignoring quote style, a leading "the" and extra spaces.
 *   Matching is one-to-one and maximal (span matches are preferred to name-only matches).
 * - Type accuracy over matched attributions; cue-stance accuracy over matched attributions whose
 *   label has a cue and a stance; chain accuracy over matched labels with `reportedBy`.
 */
import type { Attribution, DetectedClaim } from '../model';
import { findVerbatim, type BuiltDocument, type LabelAttribution, type PlacedSentence } from './corpus';

/** Raw counts; summed across documents, then turned into `Metrics`. */
export type Counts = {
  documents: number;
  /** Scored (non-optional) sentences. */
  sentences: number;
  /** Scored sentences labelled claim: true. */
  claims: number;
  /** Labelled attributions in scored claim sentences. */
  attributions: number;
  sentenceTp: number;
  sentenceFp: number;
  sentenceFn: number;
  attributionTp: number;
  attributionFp: number;
  attributionFn: number;
  typeCorrect: number;
  typeTotal: number;
  stanceCorrect: number;
  stanceTotal: number;
  chainCorrect: number;
  chainTotal: number;
};

export const ZERO_COUNTS: Readonly<Counts> = Object.freeze({
  documents: 0,
  sentences: 0,
  claims: 0,
  attributions: 0,
  sentenceTp: 0,
  sentenceFp: 0,
  sentenceFn: 0,
  attributionTp: 0,
  attributionFp: 0,
  attributionFn: 0,
  typeCorrect: 0,
  typeTotal: 0,
  stanceCorrect: 0,
  stanceTotal: 0,
  chainCorrect: 0,
  chainTotal: 0,
});

export type Prf = { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
/** `accuracy` is null when nothing was there to judge. */
export type Accuracy = { correct: number; total: number; accuracy: number | null };

export type Metrics = {
  documents: number;
  sentences: number;
  claims: number;
  attributions: number;
  sentence: Prf;
  attribution: Prf;
  type: Accuracy;
  cueStance: Accuracy;
  chain: Accuracy;
};

export const ERROR_KINDS = [
  'false-positive',
  'false-negative',
  'missed-attribution',
  'spurious-attribution',
  'wrong-type',
  'wrong-stance',
  'wrong-chain',
  'stray-claim',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** One thing the detector got wrong, with enough context to find and fix it. */
export type EvalError = {
  kind: ErrorKind;
  file: string;
  /** "¶3 s2" (1-based paragraph and sentence), or the offsets of a stray claim. */
  where: string;
  sentence: string;
  /** What the label says (an attribution or the list of them), when relevant. */
  expected?: string;
  /** What the detector said, when relevant. */
  predicted?: string;
};

export type DocumentResult = { file: string; style: string; counts: Counts; errors: EvalError[] };

/** Precision, recall and F1 with the usual conventions for empty denominators. */
export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp > 0 ? tp / (tp + fp) : fn === 0 ? 1 : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : fp === 0 ? 1 : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: total > 0 ? correct / total : null };
}

export function sumCounts(all: readonly Counts[]): Counts {
  const out: Counts = { ...ZERO_COUNTS };
  for (const c of all) for (const k of Object.keys(out) as (keyof Counts)[]) out[k] += c[k];
  return out;
}

export function toMetrics(c: Counts): Metrics {
  return {
    documents: c.documents,
    sentences: c.sentences,
    claims: c.claims,
    attributions: c.attributions,
    sentence: prf(c.sentenceTp, c.sentenceFp, c.sentenceFn),
    attribution: prf(c.attributionTp, c.attributionFp, c.attributionFn),
    type: accuracy(c.typeCorrect, c.typeTotal),
    cueStance: accuracy(c.stanceCorrect, c.stanceTotal),
    chain: accuracy(c.chainCorrect, c.chainTotal),
  };
}

/** Overall and per-style metrics for a set of document results (styles sorted by name). */
export function summarise(results: readonly DocumentResult[]): { overall: Metrics; byStyle: Record<string, Metrics> } {
  const styles = [...new Set(results.map((r) => r.style))].sort();
  const byStyle: Record<string, Metrics> = {};
  for (const style of styles) byStyle[style] = toMetrics(sumCounts(results.filter((r) => r.style === style).map((r) => r.counts)));
  return { overall: toMetrics(sumCounts(results.map((r) => r.counts))), byStyle };
}

/** Name comparison key: case, quote style, a leading "the" and runs of white space do not matter. */
export function nameKey(name: string): string {
  return name
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const overlaps = (a0: number, a1: number, b0: number, b1: number): boolean => Math.max(a0, b0) < Math.min(a1, b1);
const overlapLength = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Where a label's `sourceText` sits in the document (first occurrence in its sentence), or null. */
export function labelSpan(sentence: PlacedSentence, label: LabelAttribution): { start: number; end: number } | null {
  if (label.sourceText === null) return null;
  const found = findVerbatim(sentence.label.text, label.sourceText, true);
  if (found.index < 0) return null;
  return { start: sentence.start + found.index, end: sentence.start + found.index + label.sourceText.length };
}

/** How strongly predicted attribution `p` matches label `g`: 0 none, 1 by name, 2 by span, 3 both. */
function matchStrength(
  g: LabelAttribution,
  gSpan: { start: number; end: number } | null,
  p: Attribution,
  originSpans: ReadonlyMap<string, { start: number; end: number }[]>,
): number {
  const key = nameKey(g.source);
  const sameName = (p.source !== null && nameKey(p.source.name) === key) || nameKey(p.label) === key;
  if (g.carriedOver === true) {
    if (!p.carriedOver) return 0;
    const fromMention = (originSpans.get(key) ?? []).some((s) => overlaps(p.start, p.end, s.start, s.end));
    return (fromMention ? 2 : 0) + (sameName ? 1 : 0);
  }
  if (p.carriedOver) return 0;
  const spanHit = gSpan !== null && overlaps(p.start, p.end, gSpan.start, gSpan.end);
  return (spanHit ? 2 : 0) + (sameName ? 1 : 0);
}

/**
 * Maximum one-to-one matching between labels and predictions (Kuhn's augmenting paths), trying
 * stronger candidate pairs first. Returns, for each label index, the matched prediction index or -1.
 */
export function matchAttributions(strength: readonly (readonly number[])[], predictions: number): number[] {
  const labelOf = new Array<number>(predictions).fill(-1);
  const order = strength.map((row) =>
    row
      .map((s, p) => ({ s, p }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s || a.p - b.p)
      .map((x) => x.p),
  );
  const tryLabel = (g: number, seen: boolean[]): boolean => {
    for (const p of order[g] ?? []) {
      if (seen[p]) continue;
      seen[p] = true;
      const holder = labelOf[p] ?? -1;
      if (holder < 0 || tryLabel(holder, seen)) {
        labelOf[p] = g;
        return true;
      }
    }
    return false;
  };
  strength.forEach((_, g) => tryLabel(g, new Array<boolean>(predictions).fill(false)));
  const predictionOf = strength.map(() => -1);
  labelOf.forEach((g, p) => {
    if (g >= 0) predictionOf[g] = p;
  });
  return predictionOf;
}

/** Short human-readable form of a labelled attribution. */
export function describeLabel(a: LabelAttribution): string {
  if (a.carriedOver) return `${a.source} [${a.type}] (carried over${a.speaker ? `, speaker ${a.speaker}` : ''})`;
  const parts = [`${a.source} [${a.type}]`, `words "${a.sourceText}"`, `cue "${a.cue}"${a.cueStance ? ` (${a.cueStance})` : ''}`];
  if (a.speaker) parts.push(`speaker ${a.speaker}`);
  if (a.reportedBy) parts.push(`reported by ${a.reportedBy}`);
  return parts.join(', ');
}

/** Short human-readable form of a predicted attribution; `text` is the analysed document text. */
export function describePrediction(a: Attribution, text: string, siblings: readonly Attribution[] = []): string {
  const words = a.sourceText ?? text.slice(a.start, a.end);
  if (a.carriedOver) return `${a.label} [${a.type}] (carried over from "${words}"${a.speaker ? `, speaker ${a.speaker}` : ''})`;
  const parts = [`${a.label} [${a.type}]`, `words "${words}"`, `cue "${a.cue ?? ''}"${a.cueStance ? ` (${a.cueStance})` : ''}`];
  if (a.speaker) parts.push(`speaker ${a.speaker}`);
  if (a.reportedBy !== null) parts.push(`reported by ${siblings[a.reportedBy]?.label ?? `#${a.reportedBy}`}`);
  return parts.join(', ');
}

const whereOf = (s: PlacedSentence): string => `¶${s.paragraph + 1} s${s.index + 1}`;

/**
 * Score one document's predicted claims against its labels. `predicted` offsets are in
 * `built.text`; claims that overlap no labelled sentence are counted as false positives.
 */
export function scoreDocument(built: BuiltDocument, predicted: readonly DetectedClaim[], file: string, style: string): DocumentResult {
  const counts: Counts = { ...ZERO_COUNTS, documents: 1 };
  const errors: EvalError[] = [];
  const { sentences, text } = built;

  // Assign each predicted claim to the sentence it overlaps most.
  const assigned = sentences.map((): DetectedClaim[] => []);
  for (const claim of predicted) {
    let best = -1;
    let bestOverlap = 0;
    sentences.forEach((s, i) => {
      const o = overlapLength(claim.start, claim.end, s.start, s.end);
      if (o > bestOverlap) {
        best = i;
        bestOverlap = o;
      }
    });
    if (best >= 0) {
      assigned[best]!.push(claim);
      continue;
    }
    counts.sentenceFp += 1;
    counts.attributionFp += claim.attributions.length;
    errors.push({
      kind: 'stray-claim',
      file,
      where: `offsets ${claim.start}-${claim.end}`,
      sentence: text.slice(claim.start, claim.end),
      predicted: claim.attributions.map((a) => describePrediction(a, text, claim.attributions)).join('; '),
    });
  }

  // Where each source is named (not carried over) in the labels, for carried-over matching.
  const originSpans = new Map<string, { start: number; end: number }[]>();
  for (const s of sentences) {
    if (!s.label.claim) continue;
    for (const a of s.label.attributions) {
      const span = a.carriedOver ? null : labelSpan(s, a);
      if (span === null) continue;
      const key = nameKey(a.source);
      originSpans.set(key, [...(originSpans.get(key) ?? []), span]);
    }
  }

  sentences.forEach((s, i) => {
    if (s.label.optional === true) return;
    const claims = assigned[i]!;
    const gold = s.label.claim;
    const flagged = claims.length > 0;
    const where = whereOf(s);
    const golds = gold ? s.label.attributions : [];
    // Predicted attributions of every claim counted for this sentence, with their claim's list.
    const preds = claims.flatMap((c) => c.attributions.map((a, ai) => ({ a, claim: c, ai })));
    const describeP = (x: (typeof preds)[number]) => describePrediction(x.a, text, x.claim.attributions);

    counts.sentences += 1;
    if (gold) {
      counts.claims += 1;
      counts.attributions += golds.length;
    }
    if (gold && flagged) counts.sentenceTp += 1;
    if (gold && !flagged) {
      counts.sentenceFn += 1;
      errors.push({ kind: 'false-negative', file, where, sentence: s.label.text, expected: golds.map(describeLabel).join('; ') });
    }
    if (!gold && flagged) {
      counts.sentenceFp += 1;
      errors.push({
        kind: 'false-positive',
        file,
        where,
        sentence: s.label.text,
        predicted: preds.length ? preds.map(describeP).join('; ') : '(no attribution)',
        ...(s.label.note ? { expected: `not a claim: ${s.label.note}` } : {}),
      });
    }

    const spans = golds.map((g) => labelSpan(s, g));
    const strength = golds.map((g, gi) => preds.map((p) => matchStrength(g, spans[gi] ?? null, p.a, originSpans)));
    const match = matchAttributions(strength, preds.length);
    const matchedPreds = new Set(match.filter((p) => p >= 0));
    counts.attributionTp += matchedPreds.size;
    counts.attributionFp += preds.length - matchedPreds.size;
    counts.attributionFn += golds.length - matchedPreds.size;

    golds.forEach((g, gi) => {
      const pi = match[gi] ?? -1;
      if (pi < 0) {
        // A sentence the detector missed entirely is already reported as a false negative.
        if (flagged) errors.push({ kind: 'missed-attribution', file, where, sentence: s.label.text, expected: describeLabel(g) });
        return;
      }
      const p = preds[pi]!;
      counts.typeTotal += 1;
      if (p.a.type === g.type) counts.typeCorrect += 1;
      else errors.push({ kind: 'wrong-type', file, where, sentence: s.label.text, expected: describeLabel(g), predicted: describeP(p) });
      if (g.cue !== null && g.cueStance !== undefined && g.cueStance !== null) {
        counts.stanceTotal += 1;
        if (p.a.cueStance === g.cueStance) counts.stanceCorrect += 1;
        else errors.push({ kind: 'wrong-stance', file, where, sentence: s.label.text, expected: describeLabel(g), predicted: describeP(p) });
      }
      if (g.reportedBy !== undefined) {
        counts.chainTotal += 1;
        const outer = golds.findIndex((o, oi) => oi !== gi && o.source === g.reportedBy);
        const outerPred = outer >= 0 ? (match[outer] ?? -1) : -1;
        const predOuter = p.a.reportedBy === null ? undefined : p.claim.attributions[p.a.reportedBy];
        const ok = outerPred >= 0 && predOuter !== undefined && preds[outerPred]!.a === predOuter;
        if (ok) counts.chainCorrect += 1;
        else errors.push({ kind: 'wrong-chain', file, where, sentence: s.label.text, expected: describeLabel(g), predicted: describeP(p) });
      }
    });
    preds.forEach((p, pi) => {
      // Attributions on a false positive are reported with it; only list extras on true claims.
      if (!matchedPreds.has(pi) && gold) {
        errors.push({ kind: 'spurious-attribution', file, where, sentence: s.label.text, predicted: describeP(p) });
      }
    });
  });
  return { file, style, counts, errors };
}

/** The floor's cue words: any sentence containing one is flagged. */
export const FLOOR_CUE = /\b(?:said|says|told|according to|reported|claimed|stated|posted|announced)\b/i;

/**
 * The baseline "floor": flag every labelled sentence whose text contains a plain cue word, with no
 * attribution. It uses the labelled sentence boundaries, so it never loses a sentence to splitting.
 */
export function floorClaims(built: BuiltDocument): DetectedClaim[] {
  return built.sentences
    .filter((s) => FLOOR_CUE.test(s.label.text))
    .map((s) => ({ start: s.start, end: s.end, text: s.label.text, attributions: [] }));
}
