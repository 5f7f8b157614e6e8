/**
 * The seam between the extension's export/import machinery and the pure formats of lib/exchange:
 * which formats exist, and for each one a serialiser that writes a document in pieces (a head,
 * then any number of chunks of annotations, then a tail) and a reader for imports.
 *
 * Only adapters live here: every byte of every format is written by lib/exchange.
 */
import { buildExport, exportFilename, serialiseExport } from '../exchange/sourcemark-json';
import { SCHEMA_VERSION, type Annotation, type Source } from '../model';

/** The formats an export can be written in. */
export const EXPORT_FORMATS = ['json', 'w3c', 'csv', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How each format is named in the UI. */
export const FORMAT_LABELS: Record<ExportFormat, string> = {
  json: 'Sourcemark JSON (everything, re-importable)',
  w3c: 'W3C Web Annotation (JSON-LD)',
  csv: 'CSV (one row per annotation)',
  claimreview: 'ClaimReview drafts (claims with a verdict)',
};

/** What a format's serialiser needs besides the annotations. */
export type SerialiseContext = {
  /** Every stored source (written once, in the head or the tail). */
  sources: readonly Source[];
  /** The extension version, for the document's generator. */
  version: string;
  /** The export time (file name and `exportedAt`). */
  now: Date;
};

/** A document written in pieces, so no single string holds all of it. */
export type StreamSerialiser = {
  /** The file's media type. */
  mime: string;
  /** The file name (no folder). */
  filename: string;
  /** The text before the first annotation. */
  head: string;
  /** The text of a chunk of annotations; `first` is true for the first non-empty chunk. */
  chunk(annotations: readonly Annotation[], first: boolean): string;
  /** The text after the last annotation, given how many were written. */
  tail(written: number): string;
};

/** Where the annotations go in the native document: split there to stream them. */
const ANNOTATIONS_SLOT = '"annotations": []';

/**
 * The native Sourcemark JSON, byte for byte what `serialiseExport` writes for the whole document:
 * the document is serialised with no annotations and cut at their slot; each annotation is
 * `JSON.stringify(…, null, 2)` indented to its depth (4 spaces) and joined with `,\n`.
 */
function sourcemarkJson({ sources, version, now }: SerialiseContext): StreamSerialiser {
  const empty = serialiseExport(buildExport([], sources, { version, now }));
  const at = empty.indexOf(ANNOTATIONS_SLOT);
  if (at < 0) throw new Error('The Sourcemark JSON document has no annotations slot to stream into.');
  const head = `${empty.slice(0, at)}"annotations": [`;
  const rest = empty.slice(at + ANNOTATIONS_SLOT.length);
  return {
    mime: 'application/json',
    filename: exportFilename(now),
    head,
    chunk(annotations, first) {
      if (annotations.length === 0) return '';
      const body = annotations.map((a) => `    ${JSON.stringify(a, null, 2).replaceAll('\n', '\n    ')}`).join(',\n');
      return `${first ? '\n' : ',\n'}${body}`;
    },
    // An empty list stays `[]`; a filled one closes on its own line, as JSON.stringify does.
    tail: (written) => `${written === 0 ? ']' : '\n  ]'}${rest}`,
  };
}

/**
 * The serialiser of a format. Formats lib/exchange does not provide yet throw an Error saying so
 * (the UI shows it and writes nothing).
 */
export function serialiserFor(format: ExportFormat, context: SerialiseContext): StreamSerialiser {
  switch (format) {
    case 'json':
      return sourcemarkJson(context);
    default:
      throw new Error(`Exporting as ${FORMAT_LABELS[format]} is not available in this build.`);
  }
}

/** What a file brings in, once read and validated. */
export type ImportedFile = {
  /** The format it was read as. */
  format: 'json' | 'w3c';
  annotations: Annotation[];
  sources: Source[];
};

/** The outcome of reading an import file: its records, or the first problem in words. */
export type ReadImportResult = { ok: true; value: ImportedFile } | { ok: false; error: string };

/**
 * Read and validate an import file's text. Never throws: a broken file gives `{ ok: false }`
 * naming the first problem.
 */
export function readImportText(text: string): ReadImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, error: 'The file is not a Sourcemark export: expected a JSON object.' };
  const record = doc as Record<string, unknown>;
  if (typeof record.schemaVersion !== 'number') return { ok: false, error: 'schemaVersion: missing; this is not a Sourcemark export.' };
  if (record.schemaVersion > SCHEMA_VERSION) {
    return { ok: false, error: `schemaVersion: ${record.schemaVersion} is newer than this version of Sourcemark reads (${SCHEMA_VERSION}). Update Sourcemark, then import again.` };
  }
  if (!Array.isArray(record.annotations)) return { ok: false, error: 'annotations: expected a list.' };
  if (!Array.isArray(record.sources)) return { ok: false, error: 'sources: expected a list.' };
  return { ok: true, value: { format: 'json', annotations: record.annotations as Annotation[], sources: record.sources as Source[] } };
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
 * progress shows and Cancel is heard, then validate it with `readImportText`. A byte order mark
 * is dropped; invalid UTF-8 becomes U+FFFD and then fails validation where it matters.
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
