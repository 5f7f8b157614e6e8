/**
 * Reading a file someone wants to import: parse → recognise the format → validate → a typed
 * result, or an `ImportError` naming the first problem (field path, line and column). All or
 * nothing: a file with one bad field yields no records at all, so the caller has nothing to
 * half-write. Reads Sourcemark JSON of any schema version up to the current one, and W3C Web
 * Annotation JSON-LD (ours and other tools'). Pure.
 */
import * as v from 'valibot';
import { SCHEMA_VERSION, type Annotation, type Source } from '../model';
import { describeIssue, issuePath } from './describe-issue';
import { formatPath, importError, type ImportError, type PathSegment } from './import-error';
import { findPathPosition, findSyntaxError } from './json-position';
import { IMPORT_LIMITS } from './limits';
import { SourcemarkExportSchema } from './sourcemark-schema';
import { upgradeExport } from './upgrade-export';
import { looksLikeW3c, readW3cAnnotations } from './w3c-import';

/** The formats an import recognises. */
export type ImportFormat = 'sourcemark' | 'w3c';

/** What a valid file holds, ready to plan a merge with (`planMerge`). */
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

/** Validate an already parsed Sourcemark export; `text`, when given, is used to find line numbers. */
export function readSourcemarkExport(value: Record<string, unknown>, text?: string): ImportResult {
  const upgraded = upgradeExport(value);
  if (!upgraded.ok) return failAt(text, upgraded.code, upgraded.problem, upgraded.path);
  const parsed = v.safeParse(SourcemarkExportSchema, upgraded.value, { abortEarly: true, message: describeIssue });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const tooLarge = issue.type === 'max_length' || issue.type === 'max_value';
    return failAt(text, tooLarge ? 'too-large' : 'invalid', issue.message, issuePath(issue));
  }
  const doc = parsed.output;
  const duplicate = duplicateId(doc.annotations, 'annotations', text) ?? duplicateId(doc.sources, 'sources', text);
  if (duplicate) return duplicate;
  return {
    ok: true,
    value: {
      format: 'sourcemark',
      schemaVersion: typeof value.schemaVersion === 'number' ? value.schemaVersion : SCHEMA_VERSION,
      generator: `${doc.generator.name} ${doc.generator.version}`,
      annotations: doc.annotations,
      sources: doc.sources,
    },
  };
}

/** Recognise and validate an already parsed value; `text`, when given, is used to find line numbers. */
export function readImportValue(value: unknown, text?: string): ImportResult {
  if (looksLikeSourcemark(value)) return readSourcemarkExport(value, text);
  if (looksLikeW3c(value)) {
    const read = readW3cAnnotations(value);
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

/**
 * Parse and validate the text of a file to import. Never throws, whatever the text: a syntax error
 * names its line and column, a validation error the first bad field and its line.
 */
export function parseImport(text: string): ImportResult {
  if (text.length > IMPORT_LIMITS.maxChars) {
    return failAt(undefined, 'too-large', `the file has ${text.length.toLocaleString('en')} characters; at most ${IMPORT_LIMITS.maxChars.toLocaleString('en')} can be imported at once (split it, or export a selection)`, []);
  }
  // A byte-order mark is not JSON, but editors on Windows add one; it carries no meaning.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const found = findSyntaxError(body);
    const problem = found ? `not valid JSON: ${found.problem}` : `not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, error: importError({ code: 'syntax', problem, ...(found ? { line: found.position.line, column: found.position.column } : {}) }) };
  }
  return readImportValue(value, body);
}
