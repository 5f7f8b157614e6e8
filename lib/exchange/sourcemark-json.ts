/**
 * Sourcemark's native export: one JSON document holding every annotation (tombstones included)
 * and every stored source, so a user can keep, move or audit everything they made.
 *
 * Pure: no `browser`, `document` or `window`. The background builds the document and hands the
 * text to the downloads API; an import (later) validates the same shape.
 */
import { SCHEMA_VERSION, type Annotation, type Source } from '../model';

/** The application name written into every export's `generator`. */
export const GENERATOR_NAME = 'Sourcemark';

/** The native Sourcemark export document. */
export type SourcemarkExport = {
  /** Version of this document's shape; an importer refuses versions it does not know. */
  schemaVersion: typeof SCHEMA_VERSION;
  /** What wrote the file, so a bug in one release's exports can be traced. */
  generator: {
    /** Always `Sourcemark`. */
    name: typeof GENERATOR_NAME;
    /** The extension version from the manifest. */
    version: string;
  };
  /** ISO 8601 time the export was made. */
  exportedAt: string;
  /**
   * Every stored annotation, deleted ones (with `deletedAt`) included: a tombstone is what tells
   * a later import or sync that the user removed something, so dropping it would lose data.
   */
  annotations: Annotation[];
  /** Every stored source: the user's own entries and built-ins they rated, with their ratings. */
  sources: Source[];
};

/** What `buildExport` needs besides the data. */
export type BuildExportOptions = {
  /** The extension version, written as `generator.version`. */
  version: string;
  /** The export time; passed in so the caller (and a test) controls the clock. */
  now: Date;
};

/**
 * Assemble the export document. Annotations and sources are kept in the order given (the store
 * reads them in a stable order, so two exports of the same data differ only in `exportedAt`).
 */
export function buildExport(
  annotations: readonly Annotation[],
  sources: readonly Source[],
  { version, now }: BuildExportOptions,
): SourcemarkExport {
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: GENERATOR_NAME, version },
    exportedAt: now.toISOString(),
    annotations: [...annotations],
    sources: [...sources],
  };
}

/**
 * The export's file name, `sourcemark-export-YYYY-MM-DDTHH-MM-SS.json`, in UTC like `exportedAt`.
 * Colons become hyphens because Windows (and the downloads API on it) rejects `:` in file names.
 */
export function exportFilename(now: Date): string {
  // toISOString is always `YYYY-MM-DDTHH:MM:SS.sssZ` (for years 0–9999), so slicing is safe.
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '-');
  return `sourcemark-export-${stamp}.json`;
}

/**
 * The document as text: pretty JSON with 2-space indents and a trailing newline, so files diff
 * cleanly and open readably. JSON.stringify escapes lone surrogates (a quote selector cut through
 * an emoji), so the result is always well-formed Unicode that `encodeURIComponent` accepts.
 */
export function serialiseExport(doc: SourcemarkExport): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
