/** Tags as the library's bulk retag writes them. Pure. */

/** Longest tag, in characters. */
export const MAX_TAG_LENGTH = 60;

/**
 * A tag as typed, made ready to store: white space trimmed and collapsed to single spaces.
 * Throws an Error saying what to change when it is empty or longer than `MAX_TAG_LENGTH`.
 */
export function normaliseTag(typed: string): string {
  const tag = typed.replace(/\s+/g, ' ').trim();
  if (tag === '') throw new Error('Type a tag first.');
  if (tag.length > MAX_TAG_LENGTH) throw new Error(`A tag can be at most ${MAX_TAG_LENGTH} characters long; this one has ${tag.length}.`);
  return tag;
}

/** A change of tags: add one, or remove one. */
export type TagChange = { add: string } | { remove: string };

/** The tags after a change, or null when the change changes nothing (already there, or absent). */
export function applyTagChange(tags: readonly string[], change: TagChange): string[] | null {
  if ('add' in change) return tags.includes(change.add) ? null : [...tags, change.add];
  return tags.includes(change.remove) ? tags.filter((t) => t !== change.remove) : null;
}
