import { describe, expect, it } from 'vitest';
import { buildExport, serialiseExport } from '../../../lib/exchange/sourcemark-json';
import { readImportFile, type ReadStep } from '../../../lib/store/exchange-formats';
import { makeAnnotation } from '../support/store-fixtures';

const OPTIONS = { version: '1.0.0', now: new Date('2025-01-01T00:00:00.000Z') };
const annotations = Array.from({ length: 2500 }, (_, i) => makeAnnotation({ id: `a-${String(i).padStart(4, '0')}` }));
const text = serialiseExport(buildExport(annotations, [], OPTIONS));

describe('readImportFile', () => {
  it('reads a file in chunks, then checks its records, reporting both, with a byte-order mark dropped', async () => {
    const steps: [ReadStep, number, number][] = [];
    const read = await readImportFile(new Blob(['\uFEFF', text]), { onProgress: (step, done, total) => steps.push([step, done, total]) });
    expect(read.ok && read.value.annotations).toEqual(annotations);
    const reading = steps.filter(([step]) => step === 'reading');
    const checking = steps.filter(([step]) => step === 'checking');
    expect(reading.length).toBeGreaterThan(0);
    expect(reading.at(-1)?.slice(1)).toEqual([new Blob(['\uFEFF', text]).size, new Blob(['\uFEFF', text]).size]);
    expect(checking.length).toBeGreaterThan(1);
    expect(steps.indexOf(reading.at(-1) as [ReadStep, number, number])).toBeLessThan(steps.indexOf(checking[0] as [ReadStep, number, number]));
  });

  it('stops when cancelled, with the signal’s reason', async () => {
    const controller = new AbortController();
    const reading = readImportFile(new Blob([text]), {
      signal: controller.signal,
      onProgress: (step) => {
        if (step === 'checking') controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('gives the first problem of a broken file as a sentence, never throwing', async () => {
    const broken = text.replace('"annotations": [', '"annotations": [1, ');
    const read = await readImportFile(new Blob([broken]));
    expect(read).toEqual({ ok: false, error: expect.stringMatching(/^Cannot import: .*annotations\[0\].*Nothing was imported\.$/) });
  });
});
