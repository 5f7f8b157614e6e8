/**
 * The formats a backup can be written in: every export format of lib/exchange, each turned into
 * "produce the file's text for this data" so the backup runner knows only that one shape. A new
 * export format in lib/exchange joins the backup menu here.
 *
 * Pure: no `browser`, `document` or `window`.
 */
import type { ItemSource } from '../exchange/chunks';
import { exportChunks } from '../exchange/export-chunks';
import { EXPORT_FORMATS as EXCHANGE_FORMATS, EXPORT_FORMAT_INFO, type ExportFormat as ExchangeFormat } from '../exchange/formats';
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

/** One export format, as backups use it. */
export type ExportFormat = {
  /** Stable id (lib/exchange's), kept in the backup settings. */
  id: ExchangeFormat;
  /** What the user reads in the format menu. */
  label: string;
  /** The file name's extension, without the dot. */
  extension: string;
  /** The file's media type, without parameters (`application/json`). */
  mimeType: string;
  /** The file's text, as chunks (joined, they are the file). */
  produce(data: ExportData, context: ExportContext): ItemSource<string>;
};

/** What the backup menu says of each format: only the native one keeps everything. */
const BACKUP_LABELS: Record<ExchangeFormat, string> = {
  json: 'Sourcemark JSON (everything; can be imported back)',
  w3c: 'W3C Web Annotation, JSON-LD (no deleted annotations)',
  csv: 'CSV for spreadsheets (no deleted annotations)',
  claimreview: 'ClaimReview drafts, JSON-LD (claims with a verdict)',
};

/** Every format, in menu order; the first, Sourcemark JSON, is the default. */
export const EXPORT_FORMATS: readonly ExportFormat[] = EXCHANGE_FORMATS.map((id) => {
  const info = EXPORT_FORMAT_INFO[id];
  return {
    id,
    label: BACKUP_LABELS[id],
    extension: info.extension,
    // The essence only: parameters (a JSON-LD profile in quotes) don't belong in a data: URL.
    mimeType: info.mediaType.split(';')[0]!.trim(),
    produce: (data, { version, now }) => exportChunks(id, { annotations: data.annotations, sources: data.sources }, { version, now }),
  };
});

/** The default backup format's id. */
export const DEFAULT_FORMAT_ID: ExchangeFormat = 'json';

/** The format with this id, or undefined for an id this version does not know. */
export function formatById(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((format) => format.id === id);
}
