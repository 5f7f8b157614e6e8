/**
 * Why an import was refused, in a form the extension and the command line print the same way:
 * what is wrong, where (field path, and line and column when the text tells), and what to do.
 * Pure.
 */

/** The kinds of refusal, so a caller can react to one (e.g. offer an update for a newer version). */
export const IMPORT_ERROR_CODES = [
  /** The text is not JSON at all (truncated, a stray comma). */
  'syntax',
  /** Over a size limit: the file, a list or a string (see `IMPORT_LIMITS`). */
  'too-large',
  /** Neither a Sourcemark export nor W3C Web Annotation JSON-LD. */
  'unknown-format',
  /** A Sourcemark export from a newer (or nonsensical) schema version. */
  'unsupported-version',
  /** A field has the wrong type, a missing value or an unknown name. */
  'invalid',
  /** Two records in the file share an id. */
  'duplicate-id',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** A refused import. */
export type ImportError = {
  code: ImportErrorCode;
  /** The problem alone, e.g. `expected a string, got the number 42`. */
  problem: string;
  /** The field, e.g. `annotations[3].target.selectors[0].exact`; absent when the problem is the whole file. */
  path?: string;
  /** 1-based line of the problem in the file, when it can tell. */
  line?: number;
  /** 1-based column (in UTF-16 units, like editors' "Go to line:column") when it can tell. */
  column?: number;
  /** The full sentence to show: `formatImportError` of the rest. */
  message: string;
};

/** A path segment: an object key or an array index. */
export type PathSegment = string | number;

/** A path as people read it: `annotations[3].target.selectors[0].exact`; keys that are not identifiers are quoted. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$@][\w$@:-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * The one-sentence message the extension shows and the command line prints, e.g.
 * `Cannot import: annotations[3].target.selectors[0].exact (line 42, column 18): expected a text value, got the number 42. Nothing was imported.`
 */
export function formatImportError(error: Omit<ImportError, 'message'>): string {
  const position = error.line === undefined ? '' : `line ${error.line}${error.column === undefined ? '' : `, column ${error.column}`}`;
  const where = error.path === undefined ? position : position === '' ? error.path : `${error.path} (${position})`;
  const problem = error.problem.endsWith('.') ? error.problem : `${error.problem}.`;
  return `Cannot import: ${where === '' ? '' : `${where}: `}${problem} Nothing was imported.`;
}

/** Build an `ImportError` with its message. */
export function importError(error: Omit<ImportError, 'message'>): ImportError {
  return { ...error, message: formatImportError(error) };
}

/** A short, safe description of a value for a message: its type, and a clipped preview for scalars. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  switch (typeof value) {
    case 'string': {
      // JSON.stringify shows control and bidi characters as escapes, so a hostile value cannot
      // reorder or hide the message around it.
      const clipped = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return `the text ${JSON.stringify(clipped).replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}${value.length > 40 ? ` (${value.length} characters)` : ''}`;
    }
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
