/**
 * The export formats Sourcemark writes, with what a download or the command line needs to know
 * about each: a label for menus, a file extension and a media type. Pure.
 */

/** Every export format: native JSON, W3C Web Annotation JSON-LD, CSV, ClaimReview drafts. */
export const EXPORT_FORMATS = ['json', 'w3c', 'csv', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a format's file looks like. */
export type ExportFormatInfo = {
  /** Short label for buttons and menus. */
  label: string;
  /** The part of the file name that says what it is, before the date (`sourcemark-<stem>-…`). */
  stem: string;
  /** File extension, without the dot. */
  extension: string;
  /** Media type for a download or a data: URL. */
  mediaType: string;
};

/** The file details of each format. */
export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  json: { label: 'Sourcemark JSON', stem: 'export', extension: 'json', mediaType: 'application/json' },
  w3c: {
    label: 'W3C Web Annotation (JSON-LD)',
    stem: 'w3c',
    extension: 'jsonld',
    mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  },
  csv: { label: 'CSV (spreadsheets)', stem: 'annotations', extension: 'csv', mediaType: 'text/csv; charset=utf-8; header=present' },
  claimreview: { label: 'ClaimReview drafts (schema.org JSON-LD)', stem: 'claimreview', extension: 'jsonld', mediaType: 'application/ld+json' },
};

/** True when `value` names an export format (for the command line's `--to`). */
export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * A download's file name, `sourcemark-<stem>-YYYY-MM-DDTHH-MM-SS.<ext>`, in UTC like the export's
 * own time. Colons become hyphens because Windows (and the downloads API on it) rejects `:`.
 */
export function formatFilename(format: ExportFormat, now: Date): string {
  const { stem, extension } = EXPORT_FORMAT_INFO[format];
  // toISOString is always `YYYY-MM-DDTHH:MM:SS.sssZ` (for years 0–9999), so slicing is safe.
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '-');
  return `sourcemark-${stem}-${stamp}.${extension}`;
}
