/**
 * Where in a JSON text a problem is: the first syntax error, or the value at a field path, as a
 * line and column. `JSON.parse` gives neither reliably (V8 names a position for some syntax errors
 * and not others; Firefox words them differently; no engine maps a parsed value back to its
 * place), and a position-tracking parser library would add a dependency and run on every import.
 * This small scanner runs only after something failed, walks the text once without building
 * values, and keeps its own stack, so a file nested a million levels deep cannot overflow it. Pure.
 */
import type { PathSegment } from './import-error';

/** A place in the text: 0-based UTF-16 offset, 1-based line and column. */
export type TextPosition = { offset: number; line: number; column: number };

/** The first syntax error of a JSON text. */
export type JsonSyntaxProblem = { position: TextPosition; problem: string };

/** The line and column of an offset (lines end at `\n`; `\r\n` counts once). */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

type Visit = (path: readonly PathSegment[], offset: number) => boolean;
type ScanResult = { stoppedAt: number } | { error: { offset: number; problem: string } } | { done: true };

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Offset just past the string starting at `start` (a `"`), or a problem. */
function scanString(text: string, start: number): number | { offset: number; problem: string } {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === undefined) break;
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, problem: 'bad \\u escape in a text value (four hex digits expected)' };
        i += 6;
      } else if ('"\\/bfnrt'.includes(next)) {
        i += 2;
      } else {
        return { offset: i, problem: `bad escape \\${next} in a text value` };
      }
      continue;
    }
    if (code < 0x20) return { offset: i, problem: 'a line break or control character inside a text value (JSON needs it escaped)' };
    i += 1;
  }
  return { offset: start, problem: 'a text value is never closed: the file ends inside it (is it cut short?)' };
}

/**
 * Walk the JSON text; call `visit` with the path and offset of every value as it starts, and stop
 * when it returns true. Reports the first syntax error, if there is one before that.
 */
function scan(text: string, visit?: Visit): ScanResult {
  const containers: ('{' | '[')[] = [];
  const path: PathSegment[] = [];
  let mode: 'value' | 'key' | 'after' = 'value';
  let i = 0;
  const skip = () => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
  };
  const fail = (problem: string, at: number = i): ScanResult => ({ error: { offset: at, problem } });
  const truncated = 'the file ends too early (is it cut short?)';
  for (;;) {
    skip();
    if (mode === 'value') {
      if (visit?.(path, i)) return { stoppedAt: i };
      const ch = text[i];
      if (ch === undefined) return fail(containers.length === 0 && i === 0 ? 'the file is empty' : truncated);
      if (ch === '{') {
        i += 1;
        skip();
        if (text[i] === '}') {
          i += 1;
          mode = 'after';
        } else {
          containers.push('{');
          mode = 'key';
        }
      } else if (ch === '[') {
        i += 1;
        skip();
        if (text[i] === ']') {
          i += 1;
          mode = 'after';
        } else {
          containers.push('[');
          path.push(0);
        }
      } else if (ch === '"') {
        const end = scanString(text, i);
        if (typeof end !== 'number') return { error: end };
        i = end;
        mode = 'after';
      } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return fail('a malformed number');
        i = NUMBER.lastIndex;
        mode = 'after';
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
        mode = 'after';
      } else if (text.startsWith('false', i)) {
        i += 5;
        mode = 'after';
      } else {
        return fail(`unexpected ${JSON.stringify(ch)} where a value should be`);
      }
    } else if (mode === 'key') {
      if (text[i] === undefined) return fail(truncated);
      if (text[i] !== '"') return fail(`expected a field name in double quotes, found ${JSON.stringify(text[i])}`);
      const start = i;
      const end = scanString(text, i);
      if (typeof end !== 'number') return { error: end };
      i = end;
      skip();
      if (text[i] !== ':') return fail(text[i] === undefined ? truncated : `expected ":" after a field name, found ${JSON.stringify(text[i])}`);
      i += 1;
      path.push(JSON.parse(text.slice(start, end)) as string);
      mode = 'value';
    } else {
      const top = containers.at(-1);
      const ch = text[i];
      if (top === undefined) {
        return ch === undefined ? { done: true } : fail(`unexpected ${JSON.stringify(ch)} after the end of the JSON document`);
      }
      if (ch === undefined) return fail(truncated);
      if (ch === ',') {
        i += 1;
        if (top === '{') {
          path.pop();
          mode = 'key';
        } else {
          path.push((path.pop() as number) + 1);
          mode = 'value';
        }
      } else if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
        i += 1;
        containers.pop();
        path.pop();
      } else {
        return fail(`expected "," or "${top === '{' ? '}' : ']'}", found ${JSON.stringify(ch)}`);
      }
    }
  }
}

/** The first syntax error of `text`, or null when it is well-formed JSON. */
export function findSyntaxError(text: string): JsonSyntaxProblem | null {
  const result = scan(text);
  return 'error' in result ? { position: positionAt(text, result.error.offset), problem: result.error.problem } : null;
}

/**
 * Where the value at `path` starts in a well-formed JSON text; when the path is not there (a
 * missing field), where its deepest existing parent starts. Null if not even the root is found.
 */
export function findPathPosition(text: string, path: readonly PathSegment[]): TextPosition | null {
  let best: number | null = null;
  let bestDepth = -1;
  scan(text, (at, offset) => {
    if (at.length > path.length || at.length <= bestDepth) return false;
    for (let k = 0; k < at.length; k += 1) if (at[k] !== path[k]) return false;
    best = offset;
    bestDepth = at.length;
    return at.length === path.length;
  });
  return best === null ? null : positionAt(text, best);
}
