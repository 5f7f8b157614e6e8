/**
 * An export as a `Blob` assembled from parts: annotations are read a page at a time
 * (`readExportPages`), each page is serialised on its own, and the Blob is built from the list of
 * pieces. No single string holds the whole file, so 100,000 annotations export in the memory of
 * a few pages (the browser may keep the Blob's parts on disk).
 *
 * Runs in extension pages (library, options, popup), which have `URL.createObjectURL` to hand the
 * Blob to the downloads API; Chrome's service worker has none.
 */
import type { ExportSummary, Result } from '../messages';
import type { Annotation } from '../model';
import type { SourcemarkDb } from './db';
import { readExportPages, sourcesForExport, type ExportScope } from './exchange';
import { serialiserFor, type ExportFormat } from './exchange-formats';

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
  /** Annotations written. */
  annotationCount: number;
  /** Sources written. */
  sourceCount: number;
};

/**
 * Give the event loop a turn, so a progress bar paints and a Cancel click is heard between pages.
 * A macrotask (not a microtask): the page must get to render.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Export `scope` in `format` as a Blob built from one piece per page. */
export async function exportToBlob(db: SourcemarkDb, scope: ExportScope, format: ExportFormat, options: ExportToBlobOptions): Promise<ExportedFile> {
  const { signal } = options;
  const sources = await sourcesForExport(db);
  const serialiser = serialiserFor(format, { sources, version: options.version, now: options.now });
  const parts: string[] = [serialiser.head];
  let count = 0;
  for await (const page of readExportPages(db, scope, { pageSize: options.pageSize, signal })) {
    const rows: readonly Annotation[] = page.rows;
    const piece = serialiser.chunk(rows, count === 0);
    if (piece !== '') parts.push(piece);
    count += rows.length;
    options.onProgress?.(page.scanned, page.total);
    await yieldToPage();
    signal?.throwIfAborted();
  }
  parts.push(serialiser.tail(count));
  return { blob: new Blob(parts, { type: `${serialiser.mime};charset=utf-8` }), filename: serialiser.filename, annotationCount: count, sourceCount: sources.length };
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

/** One fixed export as a port that never rejects (the popup's "Export JSON", the library's "Export selected"). */
export function exportPortOf(run: ExportRunner, scope: ExportScope, format: ExportFormat): () => Promise<Result<ExportSummary>> {
  return async () => {
    try {
      return { ok: true, value: await run(scope, format) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
