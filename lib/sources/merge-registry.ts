/**
 * The source registry as the options page lists it: the built-in sources merged with the rows
 * the user stored (their own sources, and built-ins they rated or gave aliases). Pure.
 *
 * The merge follows the detector's (lib/detect/source-matcher.ts, which keeps its merge
 * private): a stored row with a built-in's id overrides its fields and adds its aliases to the
 * built-in's. On top of the merged source, each entry says where it came from and which
 * aliases are the user's, which the detector does not need but the page shows and edits.
 */
import type { Source } from '../model';

/** Where a registry entry comes from: shipped with the extension, or made by the user. */
export type RegistryOrigin = 'builtin' | 'user';

/** One source of the merged registry. */
export type RegistryEntry = {
  /** The source's id. */
  id: string;
  /** The source as detection sees it: built-in fields overridden by the stored row, aliases of both. */
  source: Source;
  /** `builtin` for a shipped source (with or without the user's overlay), `user` for the user's own. */
  origin: RegistryOrigin;
  /** Aliases shipped with a built-in source; empty for the user's own. */
  builtinAliases: readonly string[];
  /** Aliases the user added: all of a user source's, the overlay's extra ones on a built-in. */
  userAliases: readonly string[];
  /** The stored row, when there is one (a user source always has one). */
  stored: Source | undefined;
};

/**
 * One collator for every comparison: `localeCompare` with a locale and options builds one per
 * call, which made sorting the ~200 built-ins take over 10 ms of the popup's first screen.
 */
const names = new Intl.Collator('en', { sensitivity: 'base' });

const byName = (a: RegistryEntry, b: RegistryEntry): number => names.compare(a.source.name, b.source.name) || a.id.localeCompare(b.id);

/**
 * Merge `stored` rows over `builtins`. The user's own sources come first, then the built-ins,
 * each by name. A stored row whose id no built-in has is the user's own, whatever its
 * `builtin` flag says (a built-in dropped from a later registry stays visible and deletable).
 * Tombstones (rows with `deletedAt`) are ignored: a deleted user source is not listed, and a
 * built-in whose overlay was deleted shows as shipped.
 */
export function mergeRegistry(builtins: readonly Source[], allStored: readonly Source[]): RegistryEntry[] {
  const stored = allStored.filter((row) => row.deletedAt === undefined);
  const rows = new Map(stored.map((row) => [row.id, row] as const));
  const builtinIds = new Set(builtins.map((b) => b.id));
  const entries: RegistryEntry[] = [];
  for (const builtin of builtins) {
    const row = rows.get(builtin.id);
    const shipped = new Set([builtin.name, ...builtin.aliases]);
    entries.push({
      id: builtin.id,
      source: row ? { ...builtin, ...row, aliases: [...new Set([...builtin.aliases, ...row.aliases])] } : builtin,
      origin: 'builtin',
      builtinAliases: builtin.aliases,
      userAliases: row ? row.aliases.filter((alias) => !shipped.has(alias)) : [],
      stored: row,
    });
  }
  for (const row of stored) {
    if (builtinIds.has(row.id)) continue;
    entries.push({ id: row.id, source: row, origin: 'user', builtinAliases: [], userAliases: row.aliases, stored: row });
  }
  const own = entries.filter((e) => e.origin === 'user').sort(byName);
  const shipped = entries.filter((e) => e.origin === 'builtin').sort(byName);
  return [...own, ...shipped];
}

/** Lower case, accents and apostrophe styles folded, hyphens and white space one space: what search compares. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ`´]/gu, "'")
    .replace(/[\s\-‐‑‒–—]+/gu, ' ')
    .trim();
}

/**
 * The entries whose name or an alias contains `query` (case, accents, apostrophe style and
 * hyphens ignored: "pyongyang's" finds "Pyongyang’s official media", "al jazeera" finds
 * "Al-Jazeera"). An empty query keeps them all.
 */
export function filterRegistry(entries: readonly RegistryEntry[], query: string): RegistryEntry[] {
  const needle = searchKey(query);
  if (needle.length === 0) return [...entries];
  return entries.filter((entry) => [entry.source.name, ...entry.source.aliases].some((text) => searchKey(text).includes(needle)));
}
