/**
 * Sourcemark's native export: one JSON document holding every annotation (tombstones included)
 * and every stored source with its rating history, so a user can keep, move or audit everything
 * they made, and import it back without loss.
 *
 * Pure: no `browser`, `document` or `window`. Two ways to write it, byte for byte the same text:
 * `serialiseExport(buildExport(...))` for small documents, and `sourcemarkJsonChunks(...)`, which
 * streams (100,000 annotations never form one string). `parseImport` (parse-import.ts) reads it.
 */
import { SCHEMA_VERSION, type Annotation, type Source } from '../model';
import { eachItem, gatherChunks, prettyAt, type ItemSource } from './chunks';
import { formatFilename } from './formats';

/** The application name written into every export's `generator`. */
export const GENERATOR_NAME = 'Sourcemark';

/** What wrote a file, so a bug in one release's exports can be traced. */
export type ExportGenerator = {
  /** Always `Sourcemark`. */
  name: typeof GENERATOR_NAME;
  /** The extension version from the manifest (or the package version, from the command line). */
  version: string;
};

/** The first fields of the native document, before its two lists. */
export type ExportHeader = {
  /** Version of this document's shape; an importer refuses versions it does not know. */
  schemaVersion: typeof SCHEMA_VERSION;
  /** What wrote the file. */
  generator: ExportGenerator;
  /** ISO 8601 time the export was made. */
  exportedAt: string;
};

/** The native Sourcemark export document (JSON Schema: schema/sourcemark-export.schema.json). */
export type SourcemarkExport = ExportHeader & {
  /**
   * Every stored annotation, deleted ones (with `deletedAt`) included: a tombstone is what tells
   * a later import or sync that the user removed something, so dropping it would lose data.
   */
  annotations: Annotation[];
  /** Every stored source: the user's own entries and built-ins they rated, with their ratings. */
  sources: Source[];
};

/** What `buildExport` and `exportHeader` need besides the data. */
export type BuildExportOptions = {
  /** The extension version, written as `generator.version`. */
  version: string;
  /** The export time; passed in so the caller (and a test) controls the clock. */
  now: Date;
};

/** The header of an export made now by this version. */
export function exportHeader({ version, now }: BuildExportOptions): ExportHeader {
  return { schemaVersion: SCHEMA_VERSION, generator: { name: GENERATOR_NAME, version }, exportedAt: now.toISOString() };
}

/**
 * Assemble the export document. Annotations and sources are kept in the order given (the store
 * reads them in a stable order, so two exports of the same data differ only in `exportedAt`).
 */
export function buildExport(
  annotations: readonly Annotation[],
  sources: readonly Source[],
  options: BuildExportOptions,
): SourcemarkExport {
  return { ...exportHeader(options), annotations: [...annotations], sources: [...sources] };
}

/**
 * The native export's file name, `sourcemark-export-YYYY-MM-DDTHH-MM-SS.json`, in UTC like
 * `exportedAt` (see `formatFilename` for the other formats).
 */
export function exportFilename(now: Date): string {
  return formatFilename('json', now);
}

/**
 * The document as text: pretty JSON with 2-space indents and a trailing newline, so files diff
 * cleanly and open readably. JSON.stringify escapes lone surrogates (a quote selector cut through
 * an emoji), so the result is always well-formed Unicode that `encodeURIComponent` accepts.
 */
export function serialiseExport(doc: SourcemarkExport): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One list of the document, at indent level 1, as `"name": [ ... ]` pieces. */
async function* listPieces<T>(name: string, items: ItemSource<T>): AsyncGenerator<string> {
  yield `,\n  ${JSON.stringify(name)}: [`;
  let first = true;
  for await (const item of eachItem(items)) {
    yield `${first ? '' : ','}\n    ${prettyAt(item, 2)}`;
    first = false;
  }
  yield first ? ']' : '\n  ]';
}

/**
 * The native export as a stream of text chunks, exactly `serialiseExport(buildExport(...))` once
 * joined. Annotations may come from an async source (paged reads of the store), so the whole
 * export never sits in memory as one string. Sources are read after the annotations.
 */
export async function* sourcemarkJsonChunks(
  header: ExportHeader,
  annotations: ItemSource<Annotation>,
  sources: ItemSource<Source>,
): AsyncGenerator<string> {
  const head = JSON.stringify(header, null, 2);
  async function* pieces(): AsyncGenerator<string> {
    yield head.slice(0, -2); // without the closing "\n}"
    yield* listPieces('annotations', annotations);
    yield* listPieces('sources', sources);
    yield '\n}\n';
  }
  yield* gatherChunks(pieces());
}
