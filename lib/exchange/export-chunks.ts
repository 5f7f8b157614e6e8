/**
 * One entry point for every export format, as the extension's export and the command line use
 * it: the data and the options in, a stream of text chunks out. Pure.
 */
import type { Annotation, Source } from '../model';
import type { ItemSource } from './chunks';
import { claimReviewChunks, type SchemaAgent } from './claim-review';
import { csvChunks } from './csv';
import type { ExportFormat } from './formats';
import { exportHeader, sourcemarkJsonChunks } from './sourcemark-json';
import { w3cChunks } from './w3c-annotation';

/** What is exported: annotations (any iterable, e.g. paged store reads, already filtered by a selection) and the stored sources. */
export type ExportInput = {
  annotations: ItemSource<Annotation>;
  /** The stored sources: all of them go into native JSON; CSV uses their tiers. */
  sources: readonly Source[];
};

/** Options for every format; each uses the ones that concern it. */
export type ExportOptions = {
  /** The Sourcemark version (JSON `generator.version`, W3C generator). */
  version: string;
  /** The export time (JSON `exportedAt`, W3C `generated`). */
  now: Date;
  /** W3C: the person whose judgements these are (`creator` of non-detected annotations). */
  person?: { name?: string; id?: string };
  /** ClaimReview: the reviewing organisation or person (`author`). */
  reviewer?: SchemaAgent;
  /** CSV: start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
};

/**
 * The export in `format` as a stream of text chunks. Native JSON keeps every annotation given,
 * tombstones included; W3C, CSV and ClaimReview leave deleted annotations out.
 */
export function exportChunks(format: ExportFormat, input: ExportInput, options: ExportOptions): AsyncGenerator<string> {
  switch (format) {
    case 'json':
      return sourcemarkJsonChunks(exportHeader(options), input.annotations, input.sources);
    case 'w3c':
      return w3cChunks(input.annotations, options);
    case 'csv':
      return csvChunks(input.annotations, { sources: input.sources, ...(options.bom === undefined ? {} : { bom: options.bom }) });
    case 'claimreview':
      return claimReviewChunks(input.annotations, options.reviewer ? { reviewer: options.reviewer } : {});
  }
}
