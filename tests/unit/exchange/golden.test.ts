/**
 * Golden files: the sample store (sample-data.ts, saved as tests/fixtures/exchange/sample.sourcemark.json)
 * exported in every format must equal the checked-in file byte for byte, so any change to a
 * format shows up in review as a diff of the file. After a deliberate change, regenerate with
 * `SOURCEMARK_UPDATE_GOLDEN=1 npx vitest run tests/unit/exchange/golden.test.ts` and read the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectChunks } from '../../../lib/exchange/chunks';
import { exportChunks } from '../../../lib/exchange/export-chunks';
import type { ExportFormat } from '../../../lib/exchange/formats';
import { parseImport } from '../../../lib/exchange/parse-import';
import { buildExport, serialiseExport } from '../../../lib/exchange/sourcemark-json';
import { SAMPLE_ANNOTATIONS, SAMPLE_OPTIONS, SAMPLE_SOURCES } from './sample-data';

const DIR = resolve(import.meta.dirname, '..', '..', 'fixtures', 'exchange');
const UPDATE = process.env.SOURCEMARK_UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): string {
  const file = join(DIR, name);
  if (UPDATE) writeFileSync(file, actual);
  return readFileSync(file, 'utf8');
}

const REVIEWER = { '@type': 'Organization' as const, name: 'Example Fact Desk', url: 'https://factdesk.example' };

describe('golden files', () => {
  const sampleText = serialiseExport(buildExport(SAMPLE_ANNOTATIONS, SAMPLE_SOURCES, SAMPLE_OPTIONS));

  it('the sample store is saved as sample.sourcemark.json', () => {
    expect(sampleText).toBe(golden('sample.sourcemark.json', sampleText));
  });

  it.each<[ExportFormat, string]>([
    ['json', 'sample.export.json'],
    ['w3c', 'sample.w3c.jsonld'],
    ['csv', 'sample.csv'],
    ['claimreview', 'sample.claimreview.jsonld'],
  ])('the sample file imported and exported as %s equals %s', async (format, file) => {
    const imported = parseImport(readFileSync(join(DIR, 'sample.sourcemark.json'), 'utf8'));
    if (!imported.ok) throw new Error(imported.error.message);
    const text = await collectChunks(exportChunks(format, imported.value, { ...SAMPLE_OPTIONS, reviewer: REVIEWER, person: { name: 'J. Kim' } }));
    expect(text).toBe(golden(file, text));
  });
});
