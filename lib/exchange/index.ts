/**
 * lib/exchange: Sourcemark's formats (native JSON, W3C Web Annotation, CSV, ClaimReview), import
 * validation and merge planning. Everything here is pure (no DOM, no extension API), shared by
 * the extension and the command line (cli/convert.ts).
 *
 * Export: `exportChunks(format, { annotations, sources }, options)` streams text chunks;
 * `selectionPredicate` / `selectAnnotations` choose what goes in; `formatFilename` names the file.
 * Import: `parseImport(text)` (or `parseImportAsync(text, { signal, onProgress })`, the same in
 * batches) → `{ ok, value: { annotations, sources } }` or `{ ok: false, error }` (`error.message`
 * is the sentence to show); then `planImport(value, storedById)` says what would be added,
 * updated, left or skipped (`countPlan`, `describeSkip` for the summary), and
 * `recordsToWrite(plan)` is what to put in one transaction.
 */
export * from './chunks';
export * from './claim-review';
export * from './csv';
export * from './export-chunks';
export * from './formats';
export * from './import-error';
export * from './limits';
export * from './merge-plan';
export * from './parse-import';
export * from './selection';
export * from './sourcemark-json';
export * from './w3c-annotation';
export { verdictFromText } from './w3c-import';
export { annotationIri, idFromIri } from './annotation-id';
