/**
 * Reading a file someone wants to import: parse → recognise the format → validate → a typed
 * result, or an `ImportError` naming the first problem (field path, line and column). All or
 * nothing: a file with one bad field yields no records at all, so the caller has nothing to
 * half-write. Reads Sourcemark JSON of any schema version up to the current one, and W3C Web
 * Annotation JSON-LD (ours and other tools'). Pure.
 *
 * `parseImport` does it at once; `parseImportAsync` does the same work in batches, reporting
 * progress and stopping when its signal aborts (for 100,000 annotations in an extension page).
 */
import * as v from 'valibot';
import { SCHEMA_VERSION, type Annotation, type Source } from '../model';
import { describeIssue, issuePath } from './describe-issue';
import { formatPath, importError, type ImportError, type PathSegment } from './import-error';
import { findPathPosition, findSyntaxError } from './json-position';
import { IMPORT_LIMITS } from './limits';
import { AnnotationSchema, SourcemarkHeaderSchema, SourceSchema } from './sourcemark-schema';
import { upgradeExport } from './upgrade-export';
import { looksLikeW3c, readW3cSteps } from './w3c-import';

/** The formats an import recognises. */
export type ImportFormat = 'sourcemark' | 'w3c';

/** What a valid file holds, ready to plan a merge with (`planImport`). */
export type ImportedData = {
  format: ImportFormat;
  /** The file's own schema version (Sourcemark files; it was upgraded to the current one). */
  schemaVersion?: number;
  /** What wrote the file, as the file says: `Sourcemark 0.1.0`, `Hypothesis`… */
  generator?: string;
  /** Every annotation in the file, in file order, at the current shape. */
  annotations: Annotation[];
  /** Every source in the file (W3C files carry none). */
  sources: Source[];
};

/** An import's outcome: the data, or why nothing can be imported. */
export type ImportResult = { ok: true; value: ImportedData } | { ok: false; error: ImportError };

/** How far an import has got: records checked of the file's total. */
export type ImportProgress = { done: number; total: number };

/** Records checked between two progress reports. */
const BATCH = 1000;

/** An error result, with the line and column of `path` in `text` when they can be found. */
export function failAt(text: string | undefined, code: ImportError['code'], problem: string, path: readonly PathSegment[]): ImportResult {
  const position = text === undefined ? null : findPathPosition(text, path);
  return {
    ok: false,
    error: importError({
      code,
      problem,
      ...(path.length > 0 ? { path: formatPath(path) } : {}),
      ...(position ? { line: position.line, column: position.column } : {}),
    }),
  };
}

/** The first record whose id an earlier record of the same list already has, as an error. */
function duplicateId(list: readonly { id: string }[], name: string, text: string | undefined): ImportResult | null {
  const seen = new Map<string, number>();
  for (const [index, item] of list.entries()) {
    const first = seen.get(item.id);
    if (first !== undefined) {
      return failAt(text, 'duplicate-id', `has the same id as ${name}[${first}] (${JSON.stringify(item.id)}); ids must be unique within a file`, [name, index, 'id']);
    }
    seen.set(item.id, index);
  }
  return null;
}

/** True when the parsed value says it is a Sourcemark export (a `schemaVersion`, or our generator). */
export function looksLikeSourcemark(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const generator = (value as { generator?: { name?: unknown } }).generator;
  return 'schemaVersion' in value || (generator?.name === 'Sourcemark' && 'annotations' in value);
}

/** A failed check as an import error at `prefix` + the issue's own path. */
function issueFailure(text: string | undefined, issue: v.BaseIssue<unknown>, prefix: PathSegment[]): ImportResult {
  const tooLarge = issue.type === 'max_length' || issue.type === 'max_value';
  return failAt(text, tooLarge ? 'too-large' : 'invalid', issue.message, [...prefix, ...issuePath(issue)]);
}

/** Check every item of a list with `schema`, in batches; the first bad one ends it. */
function* checkList<T>(
  items: readonly unknown[],
  schema: v.GenericSchema<unknown, T>,
  name: string,
  text: string | undefined,
  progress: { done: number; total: number },
): Generator<ImportProgress, { ok: true; value: T[] } | { ok: false; failure: ImportResult }> {
  const out: T[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = v.safeParse(schema, item, { abortEarly: true, message: describeIssue });
    if (!parsed.success) return { ok: false, failure: issueFailure(text, parsed.issues[0], [name, index]) };
    out.push(parsed.output);
    progress.done += 1;
    if (progress.done % BATCH === 0) yield { ...progress };
  }
  return { ok: true, value: out };
}

/** Validate a parsed Sourcemark export step by step (see `readImportSteps`). */
function* sourcemarkSteps(value: Record<string, unknown>, text: string | undefined): Generator<ImportProgress, ImportResult> {
  const upgraded = upgradeExport(value);
  if (!upgraded.ok) return failAt(text, upgraded.code, upgraded.problem, upgraded.path);
  const header = v.safeParse(SourcemarkHeaderSchema, upgraded.value, { abortEarly: true, message: describeIssue });
  if (!header.success) return issueFailure(text, header.issues[0], []);
  const doc = header.output;
  const progress = { done: 0, total: doc.annotations.length + doc.sources.length };
  const annotations = yield* checkList(doc.annotations, AnnotationSchema, 'annotations', text, progress);
  if (!annotations.ok) return annotations.failure;
  const sources = yield* checkList(doc.sources, SourceSchema, 'sources', text, progress);
  if (!sources.ok) return sources.failure;
  const duplicate = duplicateId(annotations.value, 'annotations', text) ?? duplicateId(sources.value, 'sources', text);
  if (duplicate) return duplicate;
  return {
    ok: true,
    value: {
      format: 'sourcemark',
      schemaVersion: typeof value.schemaVersion === 'number' ? value.schemaVersion : SCHEMA_VERSION,
      generator: `${doc.generator.name} ${doc.generator.version}`,
      annotations: annotations.value,
      sources: sources.value,
    },
  };
}

/**
 * Recognise and validate an already parsed value, yielding progress between batches of records;
 * `text`, when given, is used to find line numbers.
 */
export function* readImportSteps(value: unknown, text?: string): Generator<ImportProgress, ImportResult> {
  if (looksLikeSourcemark(value)) return yield* sourcemarkSteps(value, text);
  if (looksLikeW3c(value)) {
    const read = yield* readW3cSteps(value);
    if (!read.ok) return failAt(text, read.code, read.problem, read.path);
    return { ok: true, value: { format: 'w3c', generator: read.value.generator, annotations: read.value.annotations, sources: [] } };
  }
  return failAt(
    undefined,
    'unknown-format',
    'this is neither a Sourcemark export (it has no "schemaVersion") nor W3C Web Annotation JSON-LD (no "@context" and no "type": "Annotation")',
    [],
  );
}

/** Recognise and validate an already parsed value at once. */
export function readImportValue(value: unknown, text?: string): ImportResult {
  const steps = readImportSteps(value, text);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Size check, byte-order mark and JSON syntax: the parsed value, or why there is none. */
function parseText(text: string): { ok: true; value: unknown; body: string } | { ok: false; result: ImportResult } {
  if (text.length > IMPORT_LIMITS.maxChars) {
    return {
      ok: false,
      result: failAt(undefined, 'too-large', `the file has ${text.length.toLocaleString('en')} characters; at most ${IMPORT_LIMITS.maxChars.toLocaleString('en')} can be imported at once (split it, or export a selection)`, []),
    };
  }
  // A byte-order mark is not JSON, but editors on Windows add one; it carries no meaning.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body), body };
  } catch (error) {
    const found = findSyntaxError(body);
    const problem = found ? `not valid JSON: ${found.problem}` : `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, result: { ok: false, error: importError({ code: 'syntax', problem, ...(found ? { line: found.position.line, column: found.position.column } : {}) }) } };
  }
}

/** The last guard: a stack overflow anywhere in reading becomes a message, not a crashed page. */
function tooDeep(error: unknown): ImportResult {
  // Every reader walks untrusted values iteratively or only as deep as the format goes; this
  // catches a missed case, so even then the user gets a message.
  if (!(error instanceof RangeError)) throw error;
  return failAt(undefined, 'too-large', 'the file is nested too deeply to read', []);
}

/**
 * Parse and validate the text of a file to import. Never throws, whatever the text: a syntax error
 * names its line and column, a validation error the first bad field and its line.
 */
export function parseImport(text: string): ImportResult {
  const parsed = parseText(text);
  if (!parsed.ok) return parsed.result;
  try {
    return readImportValue(parsed.value, parsed.body);
  } catch (error) {
    return tooDeep(error);
  }
}

/** Options of `parseImportAsync`. */
export type ParseImportOptions = {
  /** Stops the import between batches; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each batch of records is checked. */
  onProgress?: (progress: ImportProgress) => void;
};

/**
 * `parseImport` in batches: the same result, but the page stays responsive, shows progress and
 * can cancel. Gives way to other tasks between batches (a zero-delay timer, in pages and Node).
 */
export async function parseImportAsync(text: string, { signal, onProgress }: ParseImportOptions = {}): Promise<ImportResult> {
  signal?.throwIfAborted();
  const parsed = parseText(text);
  if (!parsed.ok) return parsed.result;
  const steps = readImportSteps(parsed.value, parsed.body);
  try {
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      onProgress?.(step.value);
      await new Promise((resolve) => setTimeout(resolve, 0));
      signal?.throwIfAborted();
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    return tooDeep(error);
  }
}
