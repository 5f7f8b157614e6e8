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
