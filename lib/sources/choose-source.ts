/**
 * A source the user names for a claim (a correction in the popup, or a manual annotation on the
 * page): picked from the merged registry by name or alias, or typed new. Pure.
 */
import type { Attribution, SourceRef, SourceType } from '../model';
import { searchKey, type RegistryEntry } from './merge-registry';

/** Longest source name a user may type, in characters. */
export const MAX_SOURCE_NAME_LENGTH = 120;

/** The source a user chose: a registry entry, or a name the registry does not know. */
export type SourceChoice = {
  /** The registry entry, or null for a name typed new. */
  ref: SourceRef | null;
  /** The name to show: the registry's name, or the typed name (white space collapsed). */
  label: string;
  /** The registry's type; `other` for a typed name. */
  type: SourceType;
};

/**
 * The source `typed` names: the registry entry whose name or an alias matches it (case, accents,
 * apostrophes and hyphens ignored, as the registry search does), else a new name. Null for an
 * empty or blank input. Throws a RangeError for a name longer than `MAX_SOURCE_NAME_LENGTH`.
 */
export function chooseSource(typed: string, entries: readonly RegistryEntry[]): SourceChoice | null {
  const label = typed.replace(/\s+/gu, ' ').trim();
  if (label === '') return null;
  if (label.length > MAX_SOURCE_NAME_LENGTH) {
    throw new RangeError(`A source name may have at most ${MAX_SOURCE_NAME_LENGTH} characters; this one has ${label.length}.`);
  }
  const key = searchKey(label);
  const byName = entries.find((e) => searchKey(e.source.name) === key);
  const entry = byName ?? entries.find((e) => e.source.aliases.some((alias) => searchKey(alias) === key));
  if (entry) {
    const { id, name, type } = entry.source;
    return { ref: { id, name, type }, label: name, type };
  }
  return { ref: null, label, type: 'other' };
}

/**
 * The attribution of a chosen source for a claim starting at `span.start`: no cue and no source
 * words (the user named it, the text did not; its offsets are the empty span at the claim's
 * start), which is how a user's attribution is told from a detected one (`isUserAttribution`).
 */
export function attributionFor(choice: SourceChoice, span: { start: number }): Attribution {
  return {
    source: choice.ref,
    label: choice.label,
    type: choice.type,
    sourceText: null,
    speaker: null,
    cue: null,
    cueStance: null,
    start: span.start,
    end: span.start,
    reportedBy: null,
    carriedOver: false,
  };
}

/**
 * True for an attribution the user chose (`attributionFor` makes them): no cue words and not
 * carried over, which a detected attribution never is.
 */
export function isUserAttribution(attribution: Attribution): boolean {
  return attribution.cue === null && !attribution.carriedOver;
}

/** True when `choice` names the same source as the claim's outermost attribution (so nothing changes). */
export function sameSource(attributions: readonly Attribution[], choice: SourceChoice): boolean {
  const outer = attributions[0];
  if (!outer) return false;
  if (choice.ref && outer.source) return choice.ref.id === outer.source.id;
  return searchKey(outer.label) === searchKey(choice.label);
}
