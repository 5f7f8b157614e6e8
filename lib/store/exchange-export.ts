/**
 * An export as a `Blob` assembled from parts: annotations are read a page at a time
 * (`readExportPages`), lib/exchange turns them into text chunks, and the Blob is built from the
 * list of chunks. No single string holds the whole file, so 100,000 annotations export in the memory of
 * a few pages (the browser may keep the Blob's parts on disk).
 *
 * Runs in extension pages (library, options, popup), which have `URL.createObjectURL` to hand the
 * Blob to the downloads API; Chrome's service worker has none.
 */
import { toClaimReview } from '../exchange/claim-review';
import type { ExportSummary } from '../messages';
import type { Annotation } from '../model';
import type { SourcemarkDb } from './db';
import { readExportPages, sourcesForExport, type ExportScope } from './exchange';
import { streamExport, type ExportFormat } from './exchange-formats';

/** Options of `exportToBlob`. */
export type ExportToBlobOptions = {
  /** The extension version, for the document's generator. */
  version: string;
  /** The export time (file name and `exportedAt`). */
  now: Date;
  /** Cancel: the export stops between pages and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each page: rows looked at so far, and of how many (null when unknown). */
  onProgress?: (scanned: number, total: number | null) => void;
  /** Rows per page (tests use small pages). */
  pageSize?: number;
};

/** A finished export, ready to download. */
export type ExportedFile = {
  /** The file. */
  blob: Blob;
  /** Its name, without a folder. */
  filename: string;
  /** Annotations written (W3C, CSV and ClaimReview leave deleted ones out; ClaimReview, those without a reviewable verdict). */
  annotationCount: number;
  /** Sources written (native JSON only). */
  sourceCount: number;
};

/**
 * Give the event loop a turn, so a progress bar paints and a Cancel click is heard between pages.
 * A macrotask (not a microtask): the page must get to render.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Which annotations a format writes: native JSON all it is given; the others leave deleted ones out, ClaimReview those without a reviewable verdict. */
function writtenBy(format: ExportFormat): (annotation: Annotation) => boolean {
  if (format === 'json') return () => true;
  if (format === 'claimreview') return (annotation) => toClaimReview(annotation) !== null;
  return (annotation) => annotation.deletedAt === undefined;
}

/**
 * Export `scope` in `format` as a Blob built from the format's chunks (lib/exchange writes the
 * text; each chunk is about 256 KiB). Pages of annotations are read as the format asks for them.
 */
export async function exportToBlob(db: SourcemarkDb, scope: ExportScope, format: ExportFormat, options: ExportToBlobOptions): Promise<ExportedFile> {
  const { signal } = options;
  const sources = await sourcesForExport(db);
  let count = 0;
  const written = writtenBy(format);
  async function* annotations(): AsyncGenerator<Annotation> {
    for await (const page of readExportPages(db, scope, { pageSize: options.pageSize, signal })) {
      for (const row of page.rows) if (written(row)) count += 1;
      yield* page.rows;
      options.onProgress?.(page.scanned, page.total);
      await yieldToPage();
      signal?.throwIfAborted();
    }
  }
  const stream = streamExport(format, annotations(), { sources, version: options.version, now: options.now });
  const parts: string[] = [];
  for await (const chunk of stream.chunks) parts.push(chunk);
  return {
    blob: new Blob(parts, { type: stream.mediaType.includes('charset') ? stream.mediaType : `${stream.mediaType};charset=utf-8` }),
    filename: stream.filename,
    annotationCount: count,
    sourceCount: format === 'json' ? sources.length : 0,
  };
}

/** The subfolder of the downloads folder that exports go to, so they don't scatter among other files. */
export const EXPORT_FOLDER = 'Sourcemark';

/** How a running export is steered: cancelled, and told of progress. */
export type ExportControl = {
  /** Cancel the export (between pages). */
  signal?: AbortSignal;
  /** Rows looked at so far, of how many (null when unknown). */
  onProgress?: (scanned: number, total: number | null) => void;
};

/** Export a scope in a format and download it; resolves with where it went and what it holds. */
export type ExportRunner = (scope: ExportScope, format: ExportFormat, control?: ExportControl) => Promise<ExportSummary>;

/** What an export runner needs from its page. */
export type ExportRunnerDeps = {
  /** The open database. */
  db: SourcemarkDb;
  /** Save a Blob under a path in the downloads folder; resolves with the download id. */
  download: (blob: Blob, filename: string) => Promise<number>;
  /** The extension version, for the document's generator. */
  version: string;
  /** The clock; the system clock by default. */
  now?: () => Date;
};

/** The export runner of a page: build the Blob here, download it into `Sourcemark/`. */
export function createExportRunner({ db, download, version, now = () => new Date() }: ExportRunnerDeps): ExportRunner {
  return async (scope, format, control = {}) => {
    const file = await exportToBlob(db, scope, format, { version, now: now(), signal: control.signal, onProgress: control.onProgress });
    control.signal?.throwIfAborted();
    const filename = `${EXPORT_FOLDER}/${file.filename}`;
    const downloadId = await download(file.blob, filename);
    return { filename, annotationCount: file.annotationCount, sourceCount: file.sourceCount, downloadId };
  };
}
