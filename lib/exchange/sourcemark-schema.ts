/**
 * The native export's shape as valibot schemas: what `parseImport` checks a Sourcemark file
 * against, field by field, with the size limits of `IMPORT_LIMITS`. Objects are strict (an
 * unknown field is an error, not silently dropped: a field this version does not know would be
 * lost on import). schema/sourcemark-export.schema.json says the same for other tools; a test
 * keeps the two in step. Pure.
 */
import * as v from 'valibot';
import {
  ANNOTATION_KINDS,
  ANNOTATION_ORIGINS,
  CREDIBILITY_TIERS,
  CUE_STANCES,
  SCHEMA_VERSION,
  SOURCE_TYPES,
  VERDICT_RATINGS,
  type Annotation,
  type Source,
} from '../model';
import { IMPORT_LIMITS as L } from './limits';

/** Half of a surrogate pair, alone: not a character, and not encodable in UTF-8 or a URI. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const tooLong = (what: string, max: number) => `is longer than ${max.toLocaleString('en')} characters (${what})`;
const tooMany = (what: string, max: number) => `has more than ${max.toLocaleString('en')} ${what}`;

/** Short text: names, labels, cues, tags. */
const short = v.pipe(v.string(), v.maxLength(L.maxShortChars, tooLong('a short field', L.maxShortChars)));
/** Free text: quotes, notes, rationales. */
const text = v.pipe(v.string(), v.maxLength(L.maxTextChars, tooLong('free text', L.maxTextChars)));
/** A record's id: never empty. */
const id = v.pipe(
  v.string(),
  v.minLength(1, 'is empty (an id is needed)'),
  v.maxLength(L.maxShortChars, tooLong('an id', L.maxShortChars)),
  // An id goes into URIs (W3C `urn:uuid:…`), which cannot hold half a character.
  v.check((s) => !LONE_SURROGATE.test(s), 'contains a broken character (half of a UTF-16 surrogate pair)'),
);
const url = v.pipe(v.string(), v.maxLength(L.maxUrlChars, tooLong('a URL', L.maxUrlChars)));
/** An ISO 8601 date and time, e.g. `2024-05-01T10:00:00.000Z`. */
const timestamp = v.pipe(
  v.string(),
  v.maxLength(64, 'is not an ISO 8601 date and time'),
  v.isoTimestamp('is not an ISO 8601 date and time like 2024-05-01T10:00:00.000Z'),
);
const offset = v.pipe(v.number(), v.integer('is not a whole number'), v.minValue(0, 'is negative'), v.maxValue(L.maxOffset, 'is too large'));
const list = <T extends v.GenericSchema>(item: T, max: number, what: string) => v.pipe(v.array(item), v.maxLength(max, tooMany(what, max)));

export const TextQuoteSelectorSchema = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: text,
  prefix: text,
  suffix: text,
});

export const TextPositionSelectorSchema = v.strictObject({
  type: v.literal('TextPositionSelector'),
  start: offset,
  end: offset,
});

export const SelectorSchema = v.variant('type', [TextQuoteSelectorSchema, TextPositionSelectorSchema], 'is not a TextQuoteSelector or a TextPositionSelector');

export const AttributionSchema = v.strictObject({
  source: v.nullable(v.strictObject({ id, name: short, type: v.picklist(SOURCE_TYPES) })),
  label: short,
  type: v.picklist(SOURCE_TYPES),
  sourceText: v.nullable(short),
  speaker: v.nullable(short),
  cue: v.nullable(short),
  cueStance: v.nullable(v.picklist(CUE_STANCES)),
  start: offset,
  end: offset,
  reportedBy: v.nullable(v.pipe(v.number(), v.integer('is not a whole number'), v.minValue(0, 'is negative'))),
  carriedOver: v.boolean(),
});

export const VerdictSchema = v.strictObject({
  rating: v.picklist(VERDICT_RATINGS),
  rationale: text,
  ratedAt: timestamp,
});

/** An annotation's fields but its history (a version in the history has none of its own). */
const annotationEntries = {
  id,
  url,
  pageTitle: text,
  target: v.strictObject({ selectors: list(SelectorSchema, L.maxListItems, 'selectors') }),
  kind: v.picklist(ANNOTATION_KINDS),
  attributions: list(AttributionSchema, L.maxListItems, 'attributions'),
  note: text,
  tags: list(short, L.maxListItems, 'tags'),
  verdict: v.optional(VerdictSchema),
  origin: v.picklist(ANNOTATION_ORIGINS),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: v.optional(timestamp),
  shared: v.optional(v.boolean()),
};

export const AnnotationVersionSchema = v.strictObject({
  reason: v.literal('conflict'),
  replacedAt: timestamp,
  annotation: v.strictObject(annotationEntries),
});

export const AnnotationSchema = v.strictObject({
  ...annotationEntries,
  history: v.optional(list(AnnotationVersionSchema, L.maxHistory, 'earlier versions')),
});

export const SourceRatingSchema = v.strictObject({
  tier: v.picklist(CREDIBILITY_TIERS),
  score: v.optional(v.pipe(v.number(), v.minValue(0, 'is below 0'), v.maxValue(100, 'is above 100'))),
  rationale: text,
  evidence: list(url, L.maxListItems, 'evidence links'),
  ratedAt: timestamp,
  ratedBy: v.optional(short),
});

export const SourceSchema = v.strictObject({
  id,
  name: short,
  aliases: list(short, L.maxListItems, 'aliases'),
  type: v.picklist(SOURCE_TYPES),
  country: v.optional(short),
  rating: v.optional(SourceRatingSchema),
  ratingHistory: v.optional(list(SourceRatingSchema, L.maxHistory, 'earlier ratings')),
  shared: v.optional(v.boolean()),
  deletedAt: v.optional(timestamp),
  builtin: v.boolean(),
  updatedAt: v.optional(timestamp),
});

/** The whole native document at the current `SCHEMA_VERSION` (earlier versions are upgraded first). */
export const SourcemarkExportSchema = v.strictObject({
  schemaVersion: v.literal(SCHEMA_VERSION),
  generator: v.strictObject({ name: v.literal('Sourcemark'), version: short }),
  exportedAt: timestamp,
  annotations: list(AnnotationSchema, L.maxAnnotations, 'annotations'),
  sources: list(SourceSchema, L.maxSources, 'sources'),
});

/**
 * The document with its lists unchecked, item by item: the import checks the header with this,
 * then each annotation and source on its own, so a large file is checked in batches with progress.
 */
export const SourcemarkHeaderSchema = v.strictObject({
  ...SourcemarkExportSchema.entries,
  annotations: list(v.unknown(), L.maxAnnotations, 'annotations'),
  sources: list(v.unknown(), L.maxSources, 'sources'),
});

// The schemas and the model must describe the same records: these fail to compile if they part.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAnnotation: Same<v.InferOutput<typeof AnnotationSchema>, Annotation> = true;
const sameSource: Same<v.InferOutput<typeof SourceSchema>, Source> = true;
void sameAnnotation;
void sameSource;
