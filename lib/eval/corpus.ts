/**
 * The hand-labelled attribution corpus: its document shape, a validator that names the file and
 * sentence of every problem, and the text a document is evaluated on.
 *
 * Pure except `loadCorpusDir`, which reads a folder with node:fs (used by scripts/eval.ts and the
 * corpus shape test; nothing in the extension imports this module).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CUE_STANCES, SOURCE_TYPES, type CueStance, type SourceType } from '../model';

/** Non-body lines; always `claim: false`. */
export const LINE_KINDS = ['headline', 'caption', 'byline', 'dateline'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** One labelled attribution of a sentence (the seed-article label shape plus `cueStance`). */
export type LabelAttribution = {
  /** Canonical name of the source ("KCNA", "National Intelligence Service", "people familiar with the matter"). */
  source: string;
  /** The minimal words in the sentence that name the source; null only when carried over. */
  sourceText: string | null;
  /** The cue words exactly as in the sentence; null only when carried over. */
  cue: string | null;
  /** The cue's stance; null (or absent, in corpora that do not label it) when carried over. */
  cueStance?: CueStance | null;
  type: SourceType;
  /** The person (or body) who spoke, when the source is the outlet or platform they spoke through. */
  speaker?: string;
  /** Canonical name of the outer source in a chain; must be the `source` of another attribution of the sentence. */
  reportedBy?: string;
  /** True when the sentence continues a quotation attributed in a neighbouring sentence. */
  carriedOver?: boolean;
};

/** One labelled sentence. */
export type LabelSentence = {
  text: string;
  /** True when the sentence reports something attributed to a source. */
  claim: boolean;
  /** A detector may flag the sentence or not without penalty; it is left out of every figure. */
  optional?: boolean;
  note?: string;
  kind?: LineKind;
  attributions: LabelAttribution[];
};

/** One corpus document. */
export type CorpusDocument = {
  about: string;
  /** Free-form style tag used to break the figures down: wire, state-media, social, … */
  style: string;
  paragraphs: LabelSentence[][];
};

/** A document as loaded: its file name (relative to the corpus folder) and contents. */
export type LoadedDocument = { file: string; doc: CorpusDocument };

/** One problem found in a corpus file. `fatal` problems make the corpus unusable (exit 2). */
export type CorpusIssue = {
  file: string;
  /** "paragraph 3, sentence 2" (1-based) or "document". */
  where: string;
  /** The sentence text, when the issue is about one sentence. */
  sentence?: string;
  message: string;
  fatal: boolean;
};

export type ValidateOptions = {
  /**
   * Strict mode (the project's own corpus): labelling-consistency warnings become fatal, every
   * non-carried attribution must have a `cueStance`, and sourceText/cue must match byte for byte.
   */
  strict?: boolean;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Fold a character for lenient verbatim search, one UTF-16 unit to one, so offsets survive:
 * lower case (ASCII only), curly quotes and apostrophes to straight ones, no-break spaces and tabs to spaces.
 */
function foldChar(c: string): string {
  if (c >= 'A' && c <= 'Z') return c.toLowerCase();
  if (c === '\u2018' || c === '\u2019' || c === '\u02bc' || c === '`') return "'";
  if (c === '\u201c' || c === '\u201d') return '"';
  if (c === '\u00a0' || c === '\u202f' || c === '\t') return ' ';
  return c;
}
const fold = (s: string): string => Array.from(s, foldChar).join('');

/**
 * Where `needle` occurs in `hay`: the first exact occurrence, else (when `lenient`) the first
 * occurrence ignoring ASCII case and quote style. Returns the start index, or -1.
 */
export function findVerbatim(hay: string, needle: string, lenient: boolean): { index: number; exact: boolean } {
  const exact = hay.indexOf(needle);
  if (exact >= 0) return { index: exact, exact: true };
  if (!lenient || needle.length !== Array.from(needle).length || hay.length !== Array.from(hay).length) {
    // Astral characters would break the one-to-one folding; fall back to exact only.
    return { index: -1, exact: false };
  }
  return { index: fold(hay).indexOf(fold(needle)), exact: false };
}

/** True when text[start, start+length) begins or ends in the middle of a word ("X" in "Xinhua"). */
function insideWord(text: string, start: number, length: number): boolean {
  const word = /[\p{L}\p{N}]/u;
  const before = text[start - 1];
  const after = text[start + length];
  const first = text[start] ?? '';
  const last = text[start + length - 1] ?? '';
  return (before !== undefined && word.test(before) && word.test(first)) || (after !== undefined && word.test(after) && word.test(last));
}

/**
 * Check one parsed corpus file. Returns every problem found (an empty list means usable as is).
 * Fatal problems are those that stop the file from being scored; the rest are labelling
 * inconsistencies the eval reports and carries on with (fatal too in strict mode).
 */
export function validateDocument(json: unknown, file: string, options: ValidateOptions = {}): CorpusIssue[] {
  const strict = options.strict ?? false;
  const issues: CorpusIssue[] = [];
  const fail = (where: string, message: string, sentence?: string) =>
    issues.push({ file, where, message, fatal: true, ...(sentence !== undefined ? { sentence } : {}) });
  const warn = (where: string, message: string, sentence?: string) =>
    issues.push({ file, where, message, fatal: strict, ...(sentence !== undefined ? { sentence } : {}) });

  if (!isObject(json)) {
    fail('document', 'the file is not a JSON object');
    return issues;
  }
  if (typeof json.about !== 'string') warn('document', '"about" should be a string describing the document');
  if (typeof json.style !== 'string' || json.style.trim() === '') fail('document', '"style" must be a non-empty string');
  const paragraphs = json.paragraphs;
  if (!Array.isArray(paragraphs) || paragraphs.length === 0) {
    fail('document', '"paragraphs" must be a non-empty array of arrays of sentences');
    return issues;
  }

  paragraphs.forEach((paragraph, pi) => {
    if (!Array.isArray(paragraph) || paragraph.length === 0) {
      fail(`paragraph ${pi + 1}`, 'a paragraph must be a non-empty array of sentences');
      return;
    }
    paragraph.forEach((s, si) => {
      const where = `paragraph ${pi + 1}, sentence ${si + 1}`;
      if (!isObject(s)) {
        fail(where, 'a sentence must be an object');
        return;
      }
      const text = s.text;
      if (typeof text !== 'string' || text.trim() === '') {
        fail(where, '"text" must be a non-empty string');
        return;
      }
      const bad = (message: string) => fail(where, message, text);
      const odd = (message: string) => warn(where, message, text);
      if (text !== text.trim()) odd('"text" has leading or trailing white space');
      if (/\n/.test(text)) bad('"text" must not contain a line break (paragraphs are separate arrays)');
      if (typeof s.claim !== 'boolean') bad('"claim" must be true or false');
      if (s.optional !== undefined && typeof s.optional !== 'boolean') bad('"optional" must be a boolean');
      if (s.note !== undefined && typeof s.note !== 'string') bad('"note" must be a string');
      if (s.kind !== undefined && !(LINE_KINDS as readonly unknown[]).includes(s.kind)) {
        bad(`"kind" must be one of ${LINE_KINDS.join(', ')}`);
      }
      if (s.kind !== undefined && s.claim === true) odd('a headline, caption, byline or dateline is always claim: false');
      if (s.attributions === undefined) {
        odd('"attributions" is missing (taken as [])');
        return;
      }
      if (!Array.isArray(s.attributions)) {
        bad('"attributions" must be an array (empty when claim is false)');
        return;
      }
      const attributions = s.attributions as unknown[];
      if (s.claim === true && attributions.length === 0) odd('claim: true needs at least one attribution');
      if (s.claim === false && attributions.length > 0) odd('claim: false must have no attributions');

      const names = attributions.map((a) => (isObject(a) && typeof a.source === 'string' ? a.source : null));
      attributions.forEach((a, ai) => {
        const at = `attribution ${ai + 1}`;
        if (!isObject(a)) {
          bad(`${at} must be an object`);
          return;
        }
        if (typeof a.source !== 'string' || a.source.trim() === '') bad(`${at}: "source" must be a non-empty string`);
        if (!(SOURCE_TYPES as readonly unknown[]).includes(a.type)) {
          bad(`${at}: "type" ${JSON.stringify(a.type)} is not one of ${SOURCE_TYPES.join(', ')}`);
        }
        const carried = a.carriedOver === true;
        if (a.carriedOver !== undefined && typeof a.carriedOver !== 'boolean') bad(`${at}: "carriedOver" must be a boolean`);
        for (const field of ['sourceText', 'cue'] as const) {
          const value = a[field];
          if (value === null || value === undefined) {
            if (value === undefined) bad(`${at}: "${field}" is missing (use null when carried over)`);
            else if (!carried) odd(`${at}: "${field}" is null but the attribution is not carriedOver`);
            continue;
          }
          if (typeof value !== 'string' || value === '') {
            bad(`${at}: "${field}" must be a non-empty string or null`);
            continue;
          }
          if (carried) odd(`${at}: a carried-over attribution has "${field}": null`);
          const found = findVerbatim(text, value, !strict);
          if (found.index < 0) bad(`${at}: "${field}" ${JSON.stringify(value)} does not occur in the sentence`);
          else if (!found.exact) odd(`${at}: "${field}" ${JSON.stringify(value)} occurs only with different case or quote marks`);
          else if (insideWord(text, found.index, value.length)) {
            odd(`${at}: the first occurrence of "${field}" ${JSON.stringify(value)} is inside a longer word`);
          }
        }
        if (a.cueStance !== undefined && a.cueStance !== null && !(CUE_STANCES as readonly unknown[]).includes(a.cueStance)) {
          bad(`${at}: "cueStance" ${JSON.stringify(a.cueStance)} is not one of ${CUE_STANCES.join(', ')}`);
        }
        if (strict && typeof a.cue === 'string' && (a.cueStance === undefined || a.cueStance === null)) {
          bad(`${at}: "cueStance" is required when there is a cue`);
        }
        if (carried && a.cueStance !== undefined && a.cueStance !== null) odd(`${at}: a carried-over attribution has "cueStance": null`);
        if (a.speaker !== undefined && (typeof a.speaker !== 'string' || a.speaker === '')) bad(`${at}: "speaker" must be a non-empty string`);
        if (a.reportedBy !== undefined) {
          if (typeof a.reportedBy !== 'string') bad(`${at}: "reportedBy" must be a string`);
          else if (a.reportedBy === a.source) bad(`${at}: "reportedBy" names the attribution itself`);
          else if (!names.some((n, ni) => ni !== ai && n === a.reportedBy)) {
            bad(`${at}: "reportedBy" ${JSON.stringify(a.reportedBy)} is not the source of another attribution of this sentence`);
          }
        }
      });
    });
  });
  return issues;
}

/** Thrown by `loadCorpusDir` when some file cannot be used; `issues` names each problem. */
export class CorpusError extends Error {
  constructor(readonly issues: CorpusIssue[]) {
    super(issues.filter((i) => i.fatal).map(formatIssue).join('\n'));
    this.name = 'CorpusError';
  }
}

/** One line per issue: `file: paragraph 2, sentence 1: message — "sentence text"`. */
export function formatIssue(issue: CorpusIssue): string {
  const sentence = issue.sentence === undefined ? '' : ` — ${JSON.stringify(issue.sentence.length > 120 ? `${issue.sentence.slice(0, 117)}...` : issue.sentence)}`;
  return `${issue.file}: ${issue.where}: ${issue.message}${sentence}`;
}

/**
 * Accept the seed-article shape too (a flat `sentences` list, no `style`): each sentence becomes
 * its own paragraph and the style is `unspecified`. Anything else is returned unchanged.
 */
function normaliseShape(json: unknown): unknown {
  if (!isObject(json) || json.paragraphs !== undefined || !Array.isArray(json.sentences)) return json;
  return { ...json, style: typeof json.style === 'string' ? json.style : 'unspecified', paragraphs: json.sentences.map((s) => [s]) };
}

/** A validated document with the defaults the scorer relies on filled in (missing `attributions` → []). */
function withDefaults(doc: CorpusDocument): CorpusDocument {
  return { ...doc, paragraphs: doc.paragraphs.map((p) => p.map((s) => (Array.isArray(s.attributions) ? s : { ...s, attributions: [] }))) };
}

/** Every `*.json` file under `dir` (recursively), as paths relative to `dir`, sorted. */
function listJson(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...listJson(dir, rel));
    else if (name.endsWith('.json')) out.push(rel);
  }
  return out;
}

/**
 * Read and validate every `*.json` document under `dir`. Throws `CorpusError` when any file has a
 * fatal problem (or the folder holds no documents); otherwise returns the documents and the
 * non-fatal issues.
 */
export function loadCorpusDir(dir: string, options: ValidateOptions = {}): { documents: LoadedDocument[]; issues: CorpusIssue[] } {
  let files: string[];
  try {
    files = listJson(dir);
  } catch (e) {
    throw new CorpusError([{ file: dir, where: 'folder', message: `cannot read the corpus folder: ${(e as Error).message}`, fatal: true }]);
  }
  if (files.length === 0) {
    throw new CorpusError([{ file: dir, where: 'folder', message: 'no *.json documents in the corpus folder', fatal: true }]);
  }
  const documents: LoadedDocument[] = [];
  const issues: CorpusIssue[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = normaliseShape(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    } catch (e) {
      issues.push({ file, where: 'document', message: `not valid JSON: ${(e as Error).message}`, fatal: true });
      continue;
    }
    const found = validateDocument(json, file, options);
    issues.push(...found);
    if (!found.some((i) => i.fatal)) documents.push({ file, doc: withDefaults(json as CorpusDocument) });
  }
  if (issues.some((i) => i.fatal)) throw new CorpusError(issues);
  return { documents, issues };
}

/** A labelled sentence placed in its document's text. */
export type PlacedSentence = {
  /** 0-based paragraph and sentence indexes. */
  paragraph: number;
  index: number;
  start: number;
  end: number;
  label: LabelSentence;
};

/** A document's analysed text and where each labelled sentence sits in it. */
export type BuiltDocument = { text: string; sentences: PlacedSentence[] };

/** The joiner between sentences of a paragraph, and between paragraphs. */
export const SENTENCE_JOINER = ' ';
export const PARAGRAPH_JOINER = '\n\n';

/**
 * The text a document is evaluated on: a paragraph's sentences joined with one space, paragraphs
 * with a blank line ("\n\n"), so headlines and bylines (their own paragraphs) stand alone.
 */
export function buildDocument(doc: CorpusDocument): BuiltDocument {
  let text = '';
  const sentences: PlacedSentence[] = [];
  doc.paragraphs.forEach((paragraph, pi) => {
    if (pi > 0) text += PARAGRAPH_JOINER;
    paragraph.forEach((label, si) => {
      if (si > 0) text += SENTENCE_JOINER;
      sentences.push({ paragraph: pi, index: si, start: text.length, end: text.length + label.text.length, label });
      text += label.text;
    });
  });
  return { text, sentences };
}

/**
 * Sentence counts of a set of documents. `claims`, `negatives` and `attributions` count scored
 * (non-optional) sentences only; `optional` counts the rest.
 */
export type CorpusStats = {
  documents: number;
  sentences: number;
  optional: number;
  claims: number;
  negatives: number;
  attributions: number;
  /** Non-body lines (headlines, captions, bylines, datelines). */
  nonBody: number;
};

/** Corpus size overall and per style (styles sorted by name). */
export function corpusStats(documents: readonly LoadedDocument[]): { overall: CorpusStats; byStyle: Record<string, CorpusStats> } {
  const empty = (): CorpusStats => ({ documents: 0, sentences: 0, optional: 0, claims: 0, negatives: 0, attributions: 0, nonBody: 0 });
  const overall = empty();
  const byStyle: Record<string, CorpusStats> = {};
  for (const style of [...new Set(documents.map((d) => d.doc.style))].sort()) byStyle[style] = empty();
  for (const { doc } of documents) {
    for (const stats of [overall, byStyle[doc.style]!]) {
      stats.documents += 1;
      for (const s of doc.paragraphs.flat()) {
        stats.sentences += 1;
        if (s.kind !== undefined) stats.nonBody += 1;
        if (s.optional === true) stats.optional += 1;
        else if (s.claim) stats.claims += 1;
        else stats.negatives += 1;
        if (s.claim && s.optional !== true) stats.attributions += s.attributions.length;
      }
    }
  }
  return { overall, byStyle };
}
