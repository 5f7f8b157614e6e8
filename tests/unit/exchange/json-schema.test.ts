/**
 * schema/sourcemark-export.schema.json, the published description of the native export: every
 * export validates against it (checked with ajv), and it agrees with the importer's own schema
 * on generated documents and on broken ones, so the two cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectChunks } from '../../../lib/exchange/chunks';
import { exportChunks } from '../../../lib/exchange/export-chunks';
import { parseImport } from '../../../lib/exchange/parse-import';
import { buildExport } from '../../../lib/exchange/sourcemark-json';
import { SCHEMA_VERSION } from '../../../lib/model';
import { annotationsArb, sourcesArb } from './arbitraries';
import { SAMPLE_ANNOTATIONS, SAMPLE_OPTIONS, SAMPLE_SOURCES } from './sample-data';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(resolve(ROOT, 'schema', 'sourcemark-export.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: false }).compile(schema);

describe('schema/sourcemark-export.schema.json', () => {
  it('is for the current schema version', () => {
    expect(schema.properties.schemaVersion.const).toBe(SCHEMA_VERSION);
  });

  it('accepts the sample export', async () => {
    const doc = JSON.parse(await collectChunks(exportChunks('json', { annotations: SAMPLE_ANNOTATIONS, sources: SAMPLE_SOURCES }, SAMPLE_OPTIONS)));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts every generated export, which the importer accepts too', () => {
    fc.assert(
      fc.property(annotationsArb(), sourcesArb(), (annotations, sources) => {
        const doc = buildExport(annotations, sources, SAMPLE_OPTIONS);
        expect(validate(JSON.parse(JSON.stringify(doc))), JSON.stringify(validate.errors)).toBe(true);
        expect(parseImport(JSON.stringify(doc)).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  /** Breakages of one field each; both schemas must refuse every one. */
  const BREAKAGES: [string, (doc: any) => void][] = [
    ['an unknown top-level field', (d) => (d.extra = 1)],
    ['a missing exportedAt', (d) => delete d.exportedAt],
    ['a wrong schemaVersion', (d) => (d.schemaVersion = SCHEMA_VERSION + 1)],
    ['another generator name', (d) => (d.generator.name = 'Other')],
    ['an unknown annotation field', (d) => (d.annotations[0].colour = 'red')],
    ['an empty id', (d) => (d.annotations[0].id = '')],
    ['a kind outside the list', (d) => (d.annotations[0].kind = 'quote')],
    ['an origin outside the list', (d) => (d.annotations[0].origin = 'ai')],
    ['a date that is not ISO', (d) => (d.annotations[0].createdAt = '01/05/2024')],
    ['a selector of an unknown type', (d) => (d.annotations[0].target.selectors[0] = { type: 'CssSelector', value: 'p' })],
    ['a negative offset', (d) => (d.annotations[0].target.selectors[1].start = -1)],
    ['a fractional offset', (d) => (d.annotations[0].target.selectors[1].end = 1.5)],
    ['a quote selector without suffix', (d) => delete d.annotations[0].target.selectors[0].suffix],
    ['a stance outside the list', (d) => (d.annotations[0].attributions[0].cueStance = 'angry')],
    ['a missing carriedOver', (d) => delete d.annotations[0].attributions[0].carriedOver],
    ['a note that is a number', (d) => (d.annotations[0].note = 5)],
    ['a tag that is null', (d) => (d.annotations[0].tags = [null])],
    ['a note over the limit', (d) => (d.annotations[0].note = 'x'.repeat(100_001))],
    ['a verdict without rationale', (d) => (d.annotations[1].verdict = { rating: 'false', ratedAt: '2024-05-01T00:00:00Z' })],
    ['a history reason that is not conflict', (d) => (d.annotations[5].history[0].reason = 'manual')],
    ['a history version with its own history', (d) => (d.annotations[5].history[0].annotation.history = [])],
    ['a shared flag that is a string', (d) => (d.annotations[0].shared = 'yes')],
    ['a tier outside the list', (d) => (d.sources[0].rating.tier = 'great')],
    ['a score over 100', (d) => (d.sources[0].rating.score = 101)],
    ['a source without builtin', (d) => delete d.sources[0].builtin],
    ['a rating history entry without ratedAt', (d) => delete d.sources[0].ratingHistory[0].ratedAt],
  ];

  it.each(BREAKAGES)('both refuse %s', (_name, breakIt) => {
    const doc = JSON.parse(JSON.stringify(buildExport(SAMPLE_ANNOTATIONS, SAMPLE_SOURCES, SAMPLE_OPTIONS)));
    breakIt(doc);
    expect(validate(doc)).toBe(false);
    expect(parseImport(JSON.stringify(doc)).ok).toBe(false);
  });
});
