/**
 * The seam between the extension's export/import machinery and the pure formats of lib/exchange:
 * which formats exist, a streamed export of one of them from paged store reads, and reading an
 * import file. Every byte of every format is written and read by lib/exchange; this file only
 * adapts its streams to Blobs and Files.
 */
import { exportChunks, EXPORT_FORMAT_INFO, EXPORT_FORMATS, formatFilename, parseImport, type ExportFormat } from '../exchange';
import type { Annotation, Source } from '../model';

export { EXPORT_FORMATS, type ExportFormat };

/** How each format is named in the UI: what it is, and what it is for. */
export const FORMAT_LABELS: Record<ExportFormat, string> = {
  json: `${EXPORT_FORMAT_INFO.json.label} (everything, re-importable)`,
  w3c: `${EXPORT_FORMAT_INFO.w3c.label}`,
  csv: `${EXPORT_FORMAT_INFO.csv.label}, one row per annotation`,
  claimreview: `${EXPORT_FORMAT_INFO.claimreview.label}, claims with a verdict`,
};

/** What a streamed export needs besides the annotations. */
export type StreamExportContext = {
  /** Every stored source (native JSON writes them all; CSV reads their tiers). */
  sources: readonly Source[];
  /** The extension version, for the document's generator. */
  version: string;
  /** The export time (file name, `exportedAt`, W3C `generated`). */
  now: Date;
};

/** A format's file, as a stream of text chunks. */
export type StreamedExport = {
  /** The file's media type. */
  mediaType: string;
  /** The file name (no folder). */
  filename: string;
  /** The text, in chunks of about 256 KiB (lib/exchange `gatherChunks`). */
  chunks: AsyncGenerator<string>;
};

/** The export of `annotations` (any async source, e.g. paged reads) in `format`, as chunks. */
export function streamExport(format: ExportFormat, annotations: AsyncIterable<Annotation>, { sources, version, now }: StreamExportContext): StreamedExport {
  return {
    mediaType: EXPORT_FORMAT_INFO[format].mediaType,
    filename: formatFilename(format, now),
    chunks: exportChunks(format, { annotations, sources }, { version, now }),
  };
}

/** What a file brings in, once read and validated. */
export type ImportedFile = {
  /** The format it was read as. */
  format: 'sourcemark' | 'w3c';
  /** What wrote the file, as the file says (`Sourcemark 0.1.0`, `Hypothesis`…), when it says. */
  generator?: string;
  annotations: Annotation[];
  sources: Source[];
};

/** The outcome of reading an import file: its records, or the first problem in words. */
export type ReadImportResult = { ok: true; value: ImportedFile } | { ok: false; error: string };

/**
 * Read and validate an import file's text with lib/exchange `parseImport` (Sourcemark JSON of any
 * known schema version, W3C Web Annotation JSON-LD). Never throws: a broken file gives
 * `{ ok: false }` with the sentence naming the first problem (field path, line and column).
 */
export function readImportText(text: string): ReadImportResult {
  const parsed = parseImport(text);
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  const { format, generator, annotations, sources } = parsed.value;
  return { ok: true, value: { format, ...(generator === undefined ? {} : { generator }), annotations, sources } };
}

/** Options of `readImportFile`. */
export type ReadImportFileOptions = {
  /** Cancel the read; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Bytes read so far, of how many. */
  onProgress?: (done: number, total: number) => void;
};

/**
 * Read an import file (a `File` from an `<input type="file">`) as UTF-8, a chunk at a time so
 * progress shows and Cancel is heard, then validate it with `readImportText`. Invalid UTF-8
 * becomes U+FFFD and then fails validation where it matters.
 */
export async function readImportFile(file: Blob, options: ReadImportFileOptions = {}): Promise<ReadImportResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let done = 0;
  try {
    for (;;) {
      const next = await reader.read();
      signal?.throwIfAborted();
      if (next.done) break;
      done += next.value.byteLength;
      parts.push(decoder.decode(next.value, { stream: true }));
      options.onProgress?.(done, file.size);
    }
  } finally {
    if (signal?.aborted) await reader.cancel().catch(() => undefined);
  }
  parts.push(decoder.decode());
  return readImportText(parts.join(''));
}
