/**
 * Property-based round trips: for generated annotation sets, the native export imported into an
 * empty store and exported again is the same file, byte for byte; a W3C export imported back
 * keeps every annotation whole (so every selector, body and date).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectChunks } from '../../../lib/exchange/chunks';
import { exportChunks } from '../../../lib/exchange/export-chunks';
import { planImport, recordsToWrite } from '../../../lib/exchange/merge-plan';
import { parseImport } from '../../../lib/exchange/parse-import';
import { buildExport, serialiseExport } from '../../../lib/exchange/sourcemark-json';
import type { Annotation, Source } from '../../../lib/model';
import { annotationsArb, sourcesArb } from './arbitraries';

const OPTIONS = { version: '0.1.0', now: new Date('2025-03-04T05:06:07.890Z') };

/** A store as a map by id: what the extension's tables hold. */
function emptyStore() {
  return { annotations: new Map<string, Annotation>(), sources: new Map<string, Source>() };
}

describe('native JSON round trip', () => {
  it('export → import into an empty store → export gives the identical file', async () => {
    await fc.assert(
      fc.asyncProperty(annotationsArb(), sourcesArb(), async (annotations, sources) => {
        const first = await collectChunks(exportChunks('json', { annotations, sources }, OPTIONS));
        expect(first).toBe(serialiseExport(buildExport(annotations, sources, OPTIONS)));
        const imported = parseImport(first);
        if (!imported.ok) throw new Error(imported.error.message);
        const plan = planImport(imported.value, emptyStore());
        expect(plan.annotations.added).toHaveLength(annotations.length);
        const store = emptyStore();
        for (const a of recordsToWrite(plan.annotations)) store.annotations.set(a.id, a);
        for (const s of recordsToWrite(plan.sources)) store.sources.set(s.id, s);
        const second = await collectChunks(exportChunks('json', { annotations: [...store.annotations.values()], sources: [...store.sources.values()] }, OPTIONS));
        expect(second).toBe(first);
      }),
      { numRuns: 150 },
    );
  });

  it('re-importing the same file into the store it came from changes nothing and duplicates nothing', async () => {
    await fc.assert(
      fc.asyncProperty(annotationsArb(), sourcesArb(), async (annotations, sources) => {
        const text = await collectChunks(exportChunks('json', { annotations, sources }, OPTIONS));
        const imported = parseImport(text);
        if (!imported.ok) throw new Error(imported.error.message);
        const plan = planImport(imported.value, {
          annotations: new Map(annotations.map((a) => [a.id, a])),
          sources: new Map(sources.map((s) => [s.id, s])),
        });
        expect(plan.annotations.unchanged).toHaveLength(annotations.length);
        expect(plan.sources.unchanged).toHaveLength(sources.length);
        expect(recordsToWrite(plan.annotations)).toEqual([]);
        expect(recordsToWrite(plan.sources)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('W3C Web Annotation round trip', () => {
  it('export → import gives back every live annotation whole: selectors, bodies, dates, attributions', async () => {
    await fc.assert(
      fc.asyncProperty(annotationsArb(), async (annotations) => {
        const text = await collectChunks(exportChunks('w3c', { annotations, sources: [] }, OPTIONS));
        const imported = parseImport(text);
        if (!imported.ok) throw new Error(imported.error.message);
        expect(imported.value.format).toBe('w3c');
        const live = annotations.filter((a) => a.deletedAt === undefined);
        expect(imported.value.annotations).toEqual(live);
        for (const [index, annotation] of imported.value.annotations.entries()) {
          const original = live[index] as Annotation;
          expect(annotation.target.selectors).toEqual(original.target.selectors);
          expect([annotation.note, annotation.tags, annotation.verdict]).toEqual([original.note, original.tags, original.verdict]);
          expect([annotation.createdAt, annotation.updatedAt]).toEqual([original.createdAt, original.updatedAt]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('W3C → native → W3C gives the same W3C file', async () => {
    await fc.assert(
      fc.asyncProperty(annotationsArb(), async (annotations) => {
        const w3c = await collectChunks(exportChunks('w3c', { annotations, sources: [] }, OPTIONS));
        const imported = parseImport(w3c);
        if (!imported.ok) throw new Error(imported.error.message);
        const native = await collectChunks(exportChunks('json', { annotations: imported.value.annotations, sources: [] }, OPTIONS));
        const again = parseImport(native);
        if (!again.ok) throw new Error(again.error.message);
        expect(await collectChunks(exportChunks('w3c', { annotations: again.value.annotations, sources: [] }, OPTIONS))).toBe(w3c);
      }),
      { numRuns: 50 },
    );
  });
});
