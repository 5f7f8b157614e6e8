/**
 * A canonical JSON text of a value: object keys sorted at every depth, `undefined` fields left
 * out. Two devices that hold the same annotation produce the same text, so it serves both to
 * tell "same content" apart from "different content" and to break ties the same way everywhere.
 */

/** The canonical JSON text of `value` (see the module comment). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) sorted[key] = sortKeys(field);
  }
  return sorted;
}
