/**
 * Helpers for exports that stream: a format writes many small strings, and these gather them
 * into chunks of a useful size, so 100,000 annotations never form one giant string and the
 * consumer (a download stream, stdout) gets a few hundred writes, not a hundred thousand. Pure.
 */

/** Items an export reads: an array, a generator, or an async source such as paged Dexie reads. */
export type ItemSource<T> = Iterable<T> | AsyncIterable<T>;

/** Characters gathered before a chunk is handed on (about 256 KiB of ASCII). */
export const CHUNK_CHARS = 1 << 18;

/** Iterate any `ItemSource`, sync or async. */
export async function* eachItem<T>(items: ItemSource<T>): AsyncGenerator<T> {
  if (Symbol.asyncIterator in items) {
    for await (const item of items) yield item;
  } else {
    for (const item of items) yield item;
  }
}

/**
 * Join a stream of small pieces into chunks of at least `size` characters (the last may be
 * shorter); empty pieces are dropped and an empty stream yields nothing.
 */
export async function* gatherChunks(pieces: ItemSource<string>, size: number = CHUNK_CHARS): AsyncGenerator<string> {
  let parts: string[] = [];
  let length = 0;
  for await (const piece of eachItem(pieces)) {
    if (piece === '') continue;
    parts.push(piece);
    length += piece.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/** Collect a stream of chunks into one string (for tests, small exports and the command line's checks). */
export async function collectChunks(chunks: ItemSource<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of eachItem(chunks)) parts.push(chunk);
  return parts.join('');
}

/** Wrap a value in `level - 1` objects and an array, so JSON.stringify indents it `level` deep. */
function wrapped(value: unknown, level: number): unknown {
  let out: unknown = [value];
  for (let i = 1; i < level; i += 1) out = { x: out };
  return out;
}

/** Where the value starts and how much follows it, in the wrapper's text, per level. */
const WRAPPER_SPANS = new Map<number, { start: number; after: number }>();

/**
 * `value` as pretty JSON (2-space indents) whose lines sit `level` indents deep, as an item of
 * a list inside a larger pretty-printed document. JSON.stringify does the indenting itself
 * (wrapped in throwaway containers), which is about three times faster than re-indenting its
 * output with a string replace: it decides how long a 100,000-annotation export takes.
 */
export function prettyAt(value: unknown, level: number): string {
  let span = WRAPPER_SPANS.get(level);
  if (!span) {
    const text = JSON.stringify(wrapped(null, level), null, 2);
    const start = text.indexOf('null');
    span = { start, after: text.length - start - 4 };
    WRAPPER_SPANS.set(level, span);
  }
  const text = JSON.stringify(wrapped(value, level), null, 2);
  return text.slice(span.start, text.length - span.after);
}
