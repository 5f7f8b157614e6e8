/**
 * CSV for spreadsheets and statistics packages: one row per annotation, fixed columns (the
 * codebook is `CSV_COLUMNS`, published in the README's CSV codebook), RFC 4180 quoting, CRLF line
 * ends, UTF-8 with a byte-order mark. Pure.
 *
 * - The byte-order mark: Excel opens a UTF-8 file without one as the local ANSI code page, and
 *   news text is full of curly quotes, dashes and non-Latin names; R (readr), pandas and
 *   LibreOffice skip it. Pass `bom: false` for tools that do not (Python's csv module with
 *   `encoding='utf-8'` reads it into the first header: use `utf-8-sig`).
 * - Formula injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
 *   written with a leading `'`, so a spreadsheet shows page text instead of running it as a
 *   formula (OWASP's advice). Analyses that need the exact text should strip one leading `'`
 *   from such cells, or use the JSON export.
 * - Lists (tags, all sources) are joined with ` | `; a `|` inside an item is written `\|`.
 * - Deleted annotations are not written.
 */
import { VERDICT_LABELS, type Annotation, type Attribution, type CredibilityTier, type Source, type TextPositionSelector, type TextQuoteSelector } from '../model';
import { eachItem, gatherChunks, type ItemSource } from './chunks';

/** What a column holds, for the codebook. */
export type CsvColumnType = 'text' | 'integer' | 'boolean' | 'ISO 8601 date-time' | 'category' | 'list';

/** One column: its header, type and meaning, and how a row's cell is made. */
export type CsvColumn = {
  name: string;
  type: CsvColumnType;
  /** One sentence for the codebook. */
  meaning: string;
  /** The cell, before quoting and the formula guard. */
  cell: (row: CsvRowInput) => string;
};

/** What a row is made from: the annotation and, for `source_tier`, the stored sources by id. */
export type CsvRowInput = { annotation: Annotation; sources: ReadonlyMap<string, Source> };

const quoteOf = (a: Annotation) => a.target.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
const positionOf = (a: Annotation) => a.target.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
const first = (a: Annotation): Attribution | undefined => a.attributions[0];
const joinList = (items: readonly string[]) => items.map((item) => item.replaceAll('|', '\\|')).join(' | ');
const siteOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};
const nullable = (value: string | null | undefined) => value ?? '';
/** A stored time in UTC (`…Z`): an imported file may hold times with offsets; the column promises UTC. */
const utc = (iso: string | undefined) => {
  if (iso === undefined) return '';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString();
};

/** The columns, in order. Changing them changes the codebook: add at the end, never rename. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', type: 'text', meaning: 'The annotation’s id (a UUID); the same id as in the JSON and W3C exports.', cell: ({ annotation }) => annotation.id },
  { name: 'url', type: 'text', meaning: 'The page’s URL, normalised (no fragment, no tracking parameters).', cell: ({ annotation }) => annotation.url },
  { name: 'site', type: 'text', meaning: 'The page’s host name without `www.`.', cell: ({ annotation }) => siteOf(annotation.url) },
  { name: 'page_title', type: 'text', meaning: 'The page’s title when the annotation was made.', cell: ({ annotation }) => annotation.pageTitle },
  { name: 'kind', type: 'category', meaning: '`claim`, `highlight` or `note`.', cell: ({ annotation }) => annotation.kind },
  {
    name: 'origin',
    type: 'category',
    meaning: '`detected` (machine suggestion, not reviewed), `confirmed` (a person accepted it), `corrected` (a person changed it) or `manual` (a person made it).',
    cell: ({ annotation }) => annotation.origin,
  },
  { name: 'quote', type: 'text', meaning: 'The annotated text (W3C TextQuoteSelector `exact`).', cell: ({ annotation }) => quoteOf(annotation)?.exact ?? '' },
  { name: 'prefix', type: 'text', meaning: 'Up to 32 characters of page text before the quote.', cell: ({ annotation }) => quoteOf(annotation)?.prefix ?? '' },
  { name: 'suffix', type: 'text', meaning: 'Up to 32 characters of page text after the quote.', cell: ({ annotation }) => quoteOf(annotation)?.suffix ?? '' },
  {
    name: 'start',
    type: 'integer',
    meaning: 'Offset of the quote in the page’s extracted text (TextPositionSelector); empty when unknown.',
    cell: ({ annotation }) => `${positionOf(annotation)?.start ?? ''}`,
  },
  { name: 'end', type: 'integer', meaning: 'Offset just after the quote; empty when unknown.', cell: ({ annotation }) => `${positionOf(annotation)?.end ?? ''}` },
  {
    name: 'source_id',
    type: 'text',
    meaning: 'Registry id of the claim’s (outermost) source, e.g. `kcna`; empty when the source is not in the registry.',
    cell: ({ annotation }) => first(annotation)?.source?.id ?? '',
  },
  { name: 'source_name', type: 'text', meaning: 'Name of that source: the registry name, or the words that name it.', cell: ({ annotation }) => first(annotation)?.label ?? '' },
  {
    name: 'source_type',
    type: 'category',
    meaning: '`state-media`, `news-agency`, `newspaper-broadcaster`, `social-media`, `government`, `official-person`, `organisation`, `anonymous` or `other`.',
    cell: ({ annotation }) => first(annotation)?.type ?? '',
  },
  {
    name: 'source_tier',
    type: 'category',
    meaning: 'The credibility tier you gave that source: `reliable`, `mixed`, `unreliable`, `propaganda`, or `unrated`; empty for a source not in the registry.',
    cell: ({ annotation, sources }) => {
      const id = first(annotation)?.source?.id;
      if (id === undefined) return '';
      const tier: CredibilityTier = sources.get(id)?.rating?.tier ?? 'unrated';
      return tier;
    },
  },
  { name: 'source_text', type: 'text', meaning: 'The exact words in the sentence that name the source.', cell: ({ annotation }) => nullable(first(annotation)?.sourceText) },
  { name: 'speaker', type: 'text', meaning: 'The person quoted, when named apart from the outlet.', cell: ({ annotation }) => nullable(first(annotation)?.speaker) },
  { name: 'cue', type: 'text', meaning: 'The reporting words (“said”, “according to”).', cell: ({ annotation }) => nullable(first(annotation)?.cue) },
  {
    name: 'cue_stance',
    type: 'category',
    meaning: '`neutral`, `distancing`, `endorsing`, `denial` or `belief`.',
    cell: ({ annotation }) => nullable(first(annotation)?.cueStance),
  },
  { name: 'attribution_count', type: 'integer', meaning: 'How many sources the claim names (a chain counts each).', cell: ({ annotation }) => `${annotation.attributions.length}` },
  {
    name: 'all_sources',
    type: 'list',
    meaning: 'Every source of the claim, outermost first (“Yonhap | South Korea’s spy service”).',
    cell: ({ annotation }) => joinList(annotation.attributions.map((a) => a.label)),
  },
  {
    name: 'verdict',
    type: 'category',
    meaning: '`true`, `mostly-true`, `mixed`, `mostly-false`, `false`, `unverifiable` or `not-a-claim`; empty when not rated.',
    cell: ({ annotation }) => annotation.verdict?.rating ?? '',
  },
  { name: 'verdict_label', type: 'text', meaning: 'The verdict in words (“Mostly false”).', cell: ({ annotation }) => (annotation.verdict ? VERDICT_LABELS[annotation.verdict.rating] : '') },
  { name: 'verdict_rationale', type: 'text', meaning: 'Why the verdict was given.', cell: ({ annotation }) => annotation.verdict?.rationale ?? '' },
  { name: 'verdict_at', type: 'ISO 8601 date-time', meaning: 'When the verdict was given (UTC).', cell: ({ annotation }) => utc(annotation.verdict?.ratedAt) },
  { name: 'note', type: 'text', meaning: 'The free-text note; line breaks kept inside the quoted cell.', cell: ({ annotation }) => annotation.note },
  { name: 'tags', type: 'list', meaning: 'The tags.', cell: ({ annotation }) => joinList(annotation.tags) },
  { name: 'shared', type: 'boolean', meaning: '`true` when shared with the team through sync, else `false`.', cell: ({ annotation }) => `${annotation.shared === true}` },
  { name: 'created_at', type: 'ISO 8601 date-time', meaning: 'When the annotation was made (UTC), i.e. when the page was read.', cell: ({ annotation }) => utc(annotation.createdAt) },
  { name: 'updated_at', type: 'ISO 8601 date-time', meaning: 'When it was last changed (UTC).', cell: ({ annotation }) => utc(annotation.updatedAt) },
];

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: the formula guard, then RFC 4180 quoting when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** One record line (with its CRLF). */
export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Options of a CSV export. */
export type CsvOptions = {
  /** Start with a UTF-8 byte-order mark (default true, for Excel). */
  bom?: boolean;
  /** The stored sources, for `source_tier`. */
  sources?: readonly Source[];
};

/** The CSV export as a stream of text chunks: header, then one row per live annotation. */
export async function* csvChunks(annotations: ItemSource<Annotation>, options: CsvOptions = {}): AsyncGenerator<string> {
  const sources = new Map((options.sources ?? []).map((s) => [s.id, s]));
  async function* pieces(): AsyncGenerator<string> {
    yield `${options.bom === false ? '' : '\ufeff'}${csvRow(CSV_COLUMNS.map((c) => c.name))}`;
    for await (const annotation of eachItem(annotations)) {
      if (annotation.deletedAt !== undefined) continue;
      yield csvRow(CSV_COLUMNS.map((column) => column.cell({ annotation, sources })));
    }
  }
  yield* gatherChunks(pieces());
}

/** The codebook as a Markdown table (the README's "CSV codebook" holds it; a test keeps them equal). */
export function csvCodebookMarkdown(): string {
  const rows = CSV_COLUMNS.map((c) => `| \`${c.name}\` | ${c.type} | ${c.meaning.replaceAll('|', '\\|')} |`);
  return ['| column | type | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
