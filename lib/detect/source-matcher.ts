/**
 * Finding registry sources in text: one trie over the words of every alias, walked once per word
 * of the text. Cost is (words in text) × (words in the longest alias), whatever the number of
 * sources, and nothing can backtrack.
 *
 * Matching rules:
 * - Whole words only: "AP" never matches inside "APPLE", "RT" never inside "smart".
 * - Acronyms and short names (no lower-case letter, or one word of at most four letters: "KCNA",
 *   "RT", "dpa", "Fars") match only with exactly the registry's case: "rt" or "fars" are not sources.
 * - Longer names match case-insensitively, except that the first capitalised word of the alias must
 *   be capitalised in the text too: "Yonhap news agency" matches "Yonhap News Agency", but "the
 *   guardian of the child" does not match "Guardian" and a "telegram" is not Telegram.
 * - Hyphens and spaces are interchangeable ("Al-Jazeera", "Agence France Presse"); apostrophes are
 *   folded ("People’s Daily"); a possessive is outside the match ("TASS’s" → "TASS").
 * - The longest alias wins; on a tie, the user's source wins over a built-in one.
 */
import type { Source } from '../model';
import { BUILTIN_ALIAS_GUARDS, BUILTIN_SOURCES, type AliasGuard } from './registry';
import { foldApostrophes, isSpace, isUpper, isWordCode, wordRunEnd } from './tokens';

/** A place in the text where a registry source is named. */
export type SourceMention = {
  /** Start offset of the alias in the text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** The (merged) registry entry. */
  source: Source;
  /** The alias as written in the registry that matched. */
  alias: string;
};

/** The registry the detector works with: built-ins merged with the user's sources, and a matcher. */
export type SourceIndex = {
  /** Every source: user entries (merged over built-ins with the same id), then the other built-ins. */
  sources: readonly Source[];
  /** Sources by id. */
  byId: ReadonlyMap<string, Source>;
  /** Every source named in `text.slice(start, end)`, in order, not overlapping. */
  mentions(text: string, start?: number, end?: number): SourceMention[];
  /** The source named by `words` (the longest mention in them), or null. */
  resolve(words: string): Source | null;
};

/** One alias in the trie. */
type AliasEntry = {
  /** The alias as written in the registry. */
  alias: string;
  /** The (merged) source it names. */
  source: Source;
  /** Match only with the alias's exact case. */
  exactCase: boolean;
  /** The alias's words as written, for the case checks. */
  words: readonly string[];
  /** Index of the first capitalised word of the alias, -1 if none. */
  firstCap: number;
  /** Context rule for a built-in alias that is also an ordinary word. */
  guard: AliasGuard | undefined;
};

/** A node of the alias trie: one word further into some aliases. */
type TrieNode = {
  /** Children keyed by separator + lower-case word ("" + word at the root). */
  next: Map<string, TrieNode>;
  /** Aliases that end at this node, in priority order (user sources first). */
  entries: AliasEntry[];
};

/** Words of a string as maximal runs of letters/digits, with the separators between them. */
type Runs = {
  /** Start offset of each word (entries from `count` on are left over from an earlier text). */
  starts: number[];
  /** End offset (exclusive) of each word. */
  ends: number[];
  /** How many words. */
  count: number;
};

/** Longest separator between two words of one alias ("-", " ", "’ "): anything longer is not a name. */
const MAX_SEPARATOR = 3;

/**
 * The runs of `text.slice(start, end)`, written into `into` when given: the matcher reuses one
 * `Runs` for every sentence rather than growing two new arrays for each.
 */
function runsOf(text: string, start: number, end: number, into: Runs = { starts: [], ends: [], count: 0 }): Runs {
  const { starts, ends } = into;
  let count = 0;
  let i = start;
  while (i < end) {
    if (!isWordCode(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const s = i;
    i = wordRunEnd(text, i, end);
    starts[count] = s;
    ends[count] = i;
    count += 1;
  }
  into.count = count;
  return into;
}

/**
 * The normalised separator between two words, or null when no alias could span it: runs of spaces
 * and hyphens become one " ", apostrophes become "'" ("Students’ News" → "' "), other short
 * punctuation is kept as is ("U.S", "AT&T").
 */
function separatorKey(text: string, from: number, to: number): string | null {
  if (to - from > MAX_SEPARATOR || to <= from) return null;
  // The usual separator, one plain space, without building the key.
  if (to - from === 1 && text.charCodeAt(from) === 0x20) return ' ';
  let key = '';
  for (const ch of foldApostrophes(text.slice(from, to))) {
    const mapped = isSpace(ch) || ch === '-' || ch === '‐' || ch === '‑' ? ' ' : ch;
    if (mapped === ' ' && key.endsWith(' ')) continue;
    key += mapped;
  }
  return key;
}

/** Acronyms and short one-word names match case-sensitively (see the module comment). */
function isExactCase(alias: string, wordCount: number): boolean {
  if (alias === alias.toUpperCase()) return true;
  return wordCount === 1 && alias.length <= 4;
}

function addAlias(root: TrieNode, alias: string, source: Source, guard: AliasGuard | undefined): void {
  const runs = runsOf(alias, 0, alias.length);
  if (runs.count === 0) return;
  const words: string[] = [];
  let node = root;
  for (let k = 0; k < runs.count; k += 1) {
    const s = runs.starts[k] ?? 0;
    const e = runs.ends[k] ?? 0;
    const word = alias.slice(s, e);
    words.push(word);
    let key = word.toLowerCase();
    if (k > 0) {
      const sep = separatorKey(alias, runs.ends[k - 1] ?? 0, s);
      if (sep === null) return;
      key = sep + key;
    }
    let child = node.next.get(key);
    if (!child) {
      child = { next: new Map(), entries: [] };
      node.next.set(key, child);
    }
    node = child;
  }
  if (node.entries.some((e) => e.source.id === source.id && e.alias === alias)) return;
  const firstCap = words.findIndex((w) => isUpper(w.charAt(0)));
  node.entries.push({ alias, source, exactCase: isExactCase(alias, words.length), words, firstCap, guard });
}

function lowerWordAt(text: string, runs: Runs, k: number): string | null {
  if (k < 0 || k >= runs.count) return null;
  const s = runs.starts[k];
  const e = runs.ends[k];
  return s === undefined || e === undefined ? null : text.slice(s, e).toLowerCase();
}

/** Whether `entry`, matched on runs `first..last` of `text`, passes its case rule and guard. */
function accepts(entry: AliasEntry, text: string, runs: Runs, first: number, last: number): boolean {
  if (entry.exactCase) {
    for (let k = 0; k < entry.words.length; k += 1) {
      const s = runs.starts[first + k] ?? 0;
      const e = runs.ends[first + k] ?? 0;
      if (text.slice(s, e) !== entry.words[k]) return false;
    }
  } else if (entry.firstCap >= 0) {
    const s = runs.starts[first + entry.firstCap] ?? 0;
    if (!isUpper(text.charAt(s))) return false;
  }
  const guard = entry.guard;
  if (!guard) return true;
  const nextWord = lowerWordAt(text, runs, last + 1);
  const nextAdjacent = nextWord !== null && separatorKey(text, runs.ends[last] ?? 0, runs.starts[last + 1] ?? 0) === ' ';
  if (guard.notBefore && nextAdjacent && nextWord !== null && guard.notBefore.includes(nextWord)) return false;
  if (guard.onlyNear) {
    const prevWord = first > 0 ? lowerWordAt(text, runs, first - 1) : null;
    const nearPrev = prevWord !== null && guard.onlyNear.prev.includes(prevWord);
    const nearNext = nextAdjacent && nextWord !== null && guard.onlyNear.next.includes(nextWord);
    if (!nearPrev && !nearNext) return false;
  }
  return true;
}

/**
 * Merge the user's sources over the built-ins: a user source with a built-in's id replaces its
 * fields and adds its aliases (a stored copy of a built-in only adds a rating or aliases).
 * Returns the merged sources and the ids that come from the user.
 */
function mergeSources(builtins: readonly Source[], userSources: readonly Source[]): { merged: Source[]; userIds: Set<string> } {
  const byId = new Map<string, Source>();
  for (const b of builtins) byId.set(b.id, b);
  const userIds = new Set<string>();
  for (const u of userSources) {
    const existing = byId.get(u.id);
    const merged: Source = existing
      ? { ...existing, ...u, aliases: [...new Set([...existing.aliases, ...u.aliases])] }
      : u;
    byId.set(u.id, merged);
    userIds.add(u.id);
  }
  const merged = [...byId.values()];
  // User sources first: their aliases are inserted first and so win ties.
  merged.sort((a, b) => Number(userIds.has(b.id)) - Number(userIds.has(a.id)));
  return { merged, userIds };
}

/** Build the source index over `builtins` and `userSources`. Prefer the cached `sourceIndexFor`. */
export function buildSourceIndex(builtins: readonly Source[], userSources: readonly Source[] = []): SourceIndex {
  const { merged } = mergeSources(builtins, userSources);
  const builtinIds = new Set(builtins.map((b) => b.id));
  const builtinAliases = new Map<string, Set<string>>();
  for (const b of builtins) builtinAliases.set(b.id, new Set([b.name, ...b.aliases]));
  const root: TrieNode = { next: new Map(), entries: [] };
  for (const source of merged) {
    for (const alias of [source.name, ...source.aliases]) {
      const fromBuiltin = builtinIds.has(source.id) && (builtinAliases.get(source.id)?.has(alias) ?? false);
      addAlias(root, alias, source, fromBuiltin ? BUILTIN_ALIAS_GUARDS.get(alias) : undefined);
    }
  }
  const byId = new Map(merged.map((s) => [s.id, s] as const));
  // The ASCII characters that some alias's first word starts with, lower case: a word that starts
  // with any other ASCII character cannot start a mention, and is passed over without copying it.
  // (An ASCII character lower-cases to the same ASCII character whatever surrounds it.)
  // Likewise the first two characters (a large registry starts words with nearly every letter, but
  // with few of the letter pairs), and one-character first words ("X").
  const firstAscii = new Uint8Array(128);
  const firstPair = new Uint8Array(128 * 128);
  const single = new Uint8Array(128);
  const lowerAscii = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);
  for (const key of root.next.keys()) {
    const code = key.charCodeAt(0);
    if (code >= 128) continue;
    if (firstAscii[code] === 0) firstAscii[code] = 1;
    if (key.length === 1) single[code] = 1;
    else {
      const second = key.charCodeAt(1);
      if (second < 128) firstPair[code * 128 + second] = 1;
      else firstAscii[code] = 2;
    }
  }
  const mayStart = (text: string, at: number, end: number): boolean => {
    const code = text.charCodeAt(at);
    if (code >= 128) return true;
    const c0 = lowerAscii(code);
    const mark = firstAscii[c0];
    if (mark === 0) return false;
    // A first word whose second character is not ASCII: no pair to check.
    if (mark === 2) return true;
    if (end - at === 1) return single[c0] === 1;
    const next = text.charCodeAt(at + 1);
    return next >= 128 || firstPair[c0 * 128 + lowerAscii(next)] === 1;
  };

  const scratch: Runs = { starts: [], ends: [], count: 0 };
  const mentions = (text: string, start = 0, end = text.length): SourceMention[] => {
    const out: SourceMention[] = [];
    // Not re-entered (nothing it calls comes back here), so one `Runs` serves every call.
    const runs = runsOf(text, start, end, scratch);
    const n = runs.count;
    let i = 0;
    while (i < n) {
      if (!mayStart(text, runs.starts[i] ?? 0, runs.ends[i] ?? 0)) {
        i += 1;
        continue;
      }
      const firstWord = lowerWordAt(text, runs, i) ?? '';
      let node = root.next.get(firstWord);
      // The longest accepted alias so far, and its last word (no object per step: this is per word).
      let bestEntry: AliasEntry | null = null;
      let bestLast = -1;
      let j = i;
      while (node) {
        const entries = node.entries;
        for (let e = 0; e < entries.length; e += 1) {
          const entry = entries[e] as AliasEntry;
          if (accepts(entry, text, runs, i, j)) {
            bestEntry = entry;
            bestLast = j;
            break;
          }
        }
        if (j + 1 >= n) break;
        const sep = separatorKey(text, runs.ends[j] ?? 0, runs.starts[j + 1] ?? 0);
        if (sep === null) break;
        node = node.next.get(sep + (lowerWordAt(text, runs, j + 1) ?? ''));
        j += 1;
      }
      if (bestEntry) {
        out.push({
          start: runs.starts[i] ?? 0,
          end: runs.ends[bestLast] ?? 0,
          source: bestEntry.source,
          alias: bestEntry.alias,
        });
        i = bestLast + 1;
      } else {
        i += 1;
      }
    }
    return out;
  };

  const resolve = (words: string): Source | null => {
    let best: SourceMention | null = null;
    for (const m of mentions(words)) if (!best || m.end - m.start > best.end - best.start) best = m;
    return best ? best.source : null;
  };

  return { sources: merged, byId, mentions, resolve };
}

const builtinIndex = buildSourceIndex(BUILTIN_SOURCES);
const userIndexes = new WeakMap<readonly Source[], SourceIndex>();

/**
 * The source index for these user sources, built once per array (the content script passes the
 * same array for every detection run on a page, so the trie is not rebuilt per call).
 */
export function sourceIndexFor(userSources?: readonly Source[]): SourceIndex {
  if (!userSources || userSources.length === 0) return builtinIndex;
  let index = userIndexes.get(userSources);
  if (!index) {
    index = buildSourceIndex(BUILTIN_SOURCES, userSources);
    userIndexes.set(userSources, index);
  }
  return index;
}
