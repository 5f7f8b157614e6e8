/**
 * Checking and normalising what a user types for a source of their own: its name, aliases,
 * type and country. Pure: the store calls it before writing, the options page to split the
 * aliases field. Every refusal is a `SourceInputError` that names the field, so a form can
 * point at it.
 */
import { SOURCE_TYPES, type SourceType } from '../model';

/** Most aliases one source may have. */
export const MAX_ALIASES = 50;
/** Longest alias, in characters (a name in running text, not a paragraph). */
export const MAX_ALIAS_LENGTH = 120;
/** Longest source name, in characters. */
export const MAX_NAME_LENGTH = 120;

/** The fields of a user source a refusal can be about. */
export type SourceField = 'name' | 'aliases' | 'type' | 'country';

/** A refused source input: `message` says what to change, `field` where. */
export class SourceInputError extends Error {
  /** The form field the problem is in. */
  readonly field: SourceField;

  constructor(field: SourceField, message: string) {
    super(message);
    this.name = 'SourceInputError';
    this.field = field;
  }
}

/** Trim and turn every run of white space (including line breaks) into one space. */
function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The form of a name or alias the detector can match: a leading capitalised "The" followed by
 * more words becomes "the". The matcher wants the first capitalised word of an alias capitalised
 * in the text too, so "The Ledger Wire" would miss "…, the Ledger Wire said", while
 * "the Ledger Wire" matches it and "The Ledger Wire said" alike (the built-in registry avoids
 * the problem by listing names without "The" as aliases).
 */
export function matchableForm(text: string): string {
  return /^The\s+\S/u.test(text) ? `t${text.slice(1)}` : text;
}

/**
 * Split the aliases field: one alias per line, or several on a line separated by commas.
 * Blank entries are dropped; nothing else is checked here (see `normaliseAliases`).
 */
export function splitAliasList(text: string): string[] {
  return text
    .split(/[\n\r,]+/u)
    .map(collapse)
    .filter((alias) => alias.length > 0);
}

/**
 * The aliases to store: trimmed (inner white space collapsed), empty ones dropped, a leading
 * "The" made matchable (`matchableForm`), duplicates and any of `already` (the name, a
 * built-in's own aliases) dropped, first occurrence kept. Throws a `SourceInputError` for an
 * alias over `MAX_ALIAS_LENGTH` characters or more than `MAX_ALIASES` aliases.
 */
export function normaliseAliases(raw: readonly string[], already: readonly string[] = []): string[] {
  const seen = new Set(already.map(collapse));
  const out: string[] = [];
  for (const entry of raw) {
    const alias = matchableForm(collapse(entry));
    if (alias.length === 0 || seen.has(alias)) continue;
    if (alias.length > MAX_ALIAS_LENGTH) {
      throw new SourceInputError(
        'aliases',
        `An alias is longer than ${MAX_ALIAS_LENGTH} characters (“${alias.slice(0, 40)}…”). Shorten it to the words a text uses.`,
      );
    }
    seen.add(alias);
    out.push(alias);
  }
  if (out.length > MAX_ALIASES) {
    throw new SourceInputError('aliases', `A source can have at most ${MAX_ALIASES} aliases; this one has ${out.length}.`);
  }
  return out;
}

/** The name to store: trimmed, white space collapsed. Throws when it is empty or too long. */
export function normaliseName(raw: string): string {
  const name = collapse(raw);
  if (name.length === 0) throw new SourceInputError('name', 'Give the source a name.');
  if (name.length > MAX_NAME_LENGTH) {
    throw new SourceInputError('name', `The name is longer than ${MAX_NAME_LENGTH} characters; use the source’s usual name.`);
  }
  return name;
}

/**
 * The country to store: an ISO 3166-1 alpha-2 code in capitals, or undefined when left empty.
 * Throws for anything else.
 */
export function normaliseCountry(raw: string | undefined): string | undefined {
  const code = collapse(raw ?? '').toUpperCase();
  if (code.length === 0) return undefined;
  if (!/^[A-Z]{2}$/u.test(code)) {
    throw new SourceInputError('country', `“${raw ?? ''}” is not a two-letter country code (such as KP or RU); fix it or leave it empty.`);
  }
  return code;
}

/** True when `value` is one of the model's source types. */
export function isSourceType(value: string): value is SourceType {
  return (SOURCE_TYPES as readonly string[]).includes(value);
}

/** The type to store; throws for a value that is not a `SourceType` (a form bug or a stale link). */
export function checkSourceType(value: string): SourceType {
  if (!isSourceType(value)) throw new SourceInputError('type', `“${value}” is not a source type; choose one from the list.`);
  return value;
}
