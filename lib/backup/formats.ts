/**
 * The formats a backup (or any export) can be written in, as one table: each turns the stored
 * annotations and sources into the text of one file. The backup runner only knows this shape,
 * so a new format (W3C, CSV, ClaimReview) joins the backup menu by adding a row here.
 *
 * Pure: no `browser`, `document` or `window`.
 */
import { buildExport, serialiseExport } from '../exchange/sourcemark-json';
import type { Annotation, Source } from '../model';

/** Everything an export is made from, read in one transaction. */
export type ExportData = {
  /** Every stored annotation, tombstones included. */
  annotations: readonly Annotation[];
  /** Every stored source. */
  sources: readonly Source[];
};

/** What a format needs besides the data. */
export type ExportContext = {
  /** The extension version, for the file's generator field. */
  version: string;
  /** The export time; one clock reading for the file's contents and its name. */
  now: Date;
};

/** One export format. */
export type ExportFormat = {
  /** Stable id, kept in the backup settings. */
  id: string;
  /** What the user reads in the format menu. */
  label: string;
  /** The file name's extension, without the dot. */
  extension: string;
  /** The file's media type. */
  mimeType: string;
  /**
   * The file's text, as chunks (a serialiser may stream a large export in pieces; joined, they
   * are the file).
   */
  produce(data: ExportData, context: ExportContext): Iterable<string>;
};

/** Sourcemark's own JSON: the native, lossless format, and the default for backups. */
const SOURCEMARK_JSON: ExportFormat = {
  id: 'sourcemark-json',
  label: 'Sourcemark JSON (everything, can be imported back)',
  extension: 'json',
  mimeType: 'application/json',
  produce: (data, { version, now }) => [serialiseExport(buildExport(data.annotations, data.sources, { version, now }))],
};

/** Every format, in menu order; the first is the default. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [SOURCEMARK_JSON];

/** The default backup format's id. */
export const DEFAULT_FORMAT_ID = SOURCEMARK_JSON.id;

/** The format with this id, or undefined for an id this version does not know. */
export function formatById(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => format.id === id);
}
