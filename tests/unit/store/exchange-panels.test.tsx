// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ExportPanel } from '../../../components/ExportPanel';
import { ImportPanel } from '../../../components/ImportPanel';
import { buildExport, serialiseExport } from '../../../lib/exchange/sourcemark-json';
import type { ExportSummary } from '../../../lib/messages';
import type { SourcemarkDb } from '../../../lib/store/db';
import type { ExportScope } from '../../../lib/store/exchange';
import type { ExportControl, ExportRunner } from '../../../lib/store/exchange-export';
import type { ExportFormat } from '../../../lib/store/exchange-formats';
import { choose, getButton, textOf, waitFor } from '../popup/dom-helpers';
import { makeAnnotation, makeSource } from '../support/store-fixtures';
import { withRenderedDb } from '../support/rendered-db';

let db: SourcemarkDb;
let container: HTMLElement;
withRenderedDb((d, c) => {
  db = d;
  container = c;
});

const OPTIONS = { version: '1.0.0', now: new Date('2025-01-01T00:00:00.000Z') };
const twoAnnotations = () => [makeAnnotation({ id: 'a-1' }), makeAnnotation({ id: 'a-2', note: 'second' })];

/** Choose `file` in the panel's file input, as the browser does. */
function chooseFile(file: File): void {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const fileOf = (name: string, text: string) => new File([text], name, { type: 'application/json' });
const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('ImportPanel', () => {
  it('refuses a file that is not valid with its first problem, shown as text, and writes nothing', async () => {
    render(<ImportPanel db={db} />, container);
    chooseFile(fileOf('<img src=x onerror=alert(1)>.json', '{"schemaVersion": 1, "annotations": [<script>'));
    const error = await waitFor(() => {
      const found = byTestId('import-error');
      if (!found) throw new Error('no error yet');
      return found;
    });
    expect(error.getAttribute('role')).toBe('alert');
    expect(textOf(error)).toBe('“<img src=x onerror=alert(1)>.json”: Cannot import: line 1, column 38: not valid JSON: unexpected "<" where a value should be. Nothing was imported.');
    expect(error.querySelector('img, script')).toBeNull();
    expect(await db.annotations.count()).toBe(0);
  });

  it('refuses a newer schemaVersion', async () => {
    render(<ImportPanel db={db} />, container);
    chooseFile(fileOf('future.json', JSON.stringify({ schemaVersion: 99, annotations: [], sources: [] })));
    await waitFor(() => expect(textOf(byTestId('import-error'))).toMatch(/schemaVersion \(line 1, column 18\): this file was written by a newer Sourcemark/));
    expect(await db.annotations.count()).toBe(0);
  });

  it('shows what the import would do, and Cancel writes nothing', async () => {
    render(<ImportPanel db={db} />, container);
    chooseFile(fileOf('export.json', serialiseExport(buildExport(twoAnnotations(), [makeSource()], OPTIONS))));
    await waitFor(() => expect(textOf(byTestId('annotations-added'))).toBe('2'));
    expect(textOf(byTestId('sources-added'))).toBe('1');
    expect(textOf(byTestId('import-summary'))).toContain('Nothing is written until you confirm.');
    getButton(container, 'Cancel').click();
    await waitFor(() => expect(textOf(byTestId('import-status'))).toBe('Import cancelled. Nothing was written.'));
    expect(byTestId('import-summary')).toBeNull();
    expect(await db.annotations.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
  });

  it('writes everything on Confirm, says so, and tells the page; the same file again is all unchanged', async () => {
    const onImported = vi.fn();
    render(<ImportPanel db={db} onImported={onImported} />, container);
    const text = serialiseExport(buildExport(twoAnnotations(), [makeSource()], OPTIONS));
    chooseFile(fileOf('export.json', text));
    await waitFor(() => getButton(container, 'Confirm import'));
    getButton(container, 'Confirm import').click();
    await waitFor(() => expect(textOf(byTestId('import-status'))).toBe('Imported 2 annotations and 1 source.'));
    expect(onImported).toHaveBeenCalledOnce();
    expect((await db.annotations.toArray()).map((a) => a.id)).toEqual(['a-1', 'a-2']);

    chooseFile(fileOf('export.json', text));
    await waitFor(() => expect(textOf(byTestId('annotations-unchanged'))).toBe('2'));
    expect(textOf(byTestId('annotations-added'))).toBe('0');
    expect(getButton(container, 'Confirm import').disabled).toBe(true);
    expect(textOf(byTestId('import-summary'))).toContain('Nothing to write');
  });
});

describe('ImportPanel with W3C Web Annotation from another tool', () => {
  it('reads it, plans it, and imports it', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../fixtures/exchange/hypothesis-style.jsonld'), 'utf8');
    // A bare list of annotations, as Hypothesis' API gives them.
    const expected = (JSON.parse(text) as unknown[]).length;
    render(<ImportPanel db={db} />, container);
    chooseFile(fileOf('hypothesis.jsonld', text));
    await waitFor(() => expect(textOf(byTestId('annotations-added'))).toBe(String(expected)));
    getButton(container, 'Confirm import').click();
    await waitFor(() => expect(textOf(byTestId('import-status'))).toMatch(/^Imported \d+ annotations? and 0 sources\.$/));
    expect(await db.annotations.count()).toBe(expected);
  });
});

describe('ExportPanel', () => {
  /** A runner the test steps through: it reports progress, then waits for `finish` or the signal. */
  function steppedRunner() {
    const calls: { scope: ExportScope; format: ExportFormat; control: ExportControl }[] = [];
    let finish: (summary: ExportSummary) => void = () => {};
    const run: ExportRunner = (scope, format, control = {}) =>
      new Promise<ExportSummary>((resolve, reject) => {
        calls.push({ scope, format, control });
        control.onProgress?.(250, 1000);
        finish = resolve;
        control.signal?.addEventListener('abort', () => reject(control.signal?.reason));
      });
    return { run, calls, finish: (summary: ExportSummary) => finish(summary) };
  }

  const choices = [
    { id: 'page', label: 'This page’s annotations', scope: { kind: 'page', url: 'https://news.example/a' } as ExportScope },
    { id: 'selected', label: 'The selected annotations (0)', scope: null, unavailable: 'nothing is selected' },
  ];

  it('exports the chosen scope in the chosen format, with a progress bar, and says where the file went', async () => {
    const runner = steppedRunner();
    render(<ExportPanel choices={choices} run={runner.run} />, container);
    choose(container.querySelector('select') as HTMLSelectElement, 'csv');
    getButton(container, 'Export').click();
    const bar = await waitFor(() => {
      const found = container.querySelector('[role="progressbar"]');
      if (!found?.getAttribute('aria-valuenow')) throw new Error('no progress yet');
      return found;
    });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(runner.calls.map((c) => [c.scope, c.format])).toEqual([[{ kind: 'page', url: 'https://news.example/a' }, 'csv']]);
    runner.finish({ filename: 'Sourcemark/x.csv', annotationCount: 3, sourceCount: 0, downloadId: 1 });
    await waitFor(() => expect(textOf(container.querySelector('[role="status"]'))).toBe('Exported 3 annotations to Sourcemark/x.csv'));
    expect(container.querySelector('[role="progressbar"]')).toBeNull();
  });

  it('Cancel stops the export and says no file was saved', async () => {
    const runner = steppedRunner();
    render(<ExportPanel choices={choices} run={runner.run} />, container);
    getButton(container, 'Export').click();
    await waitFor(() => getButton(container, 'Cancel'));
    getButton(container, 'Cancel').click();
    await waitFor(() => expect(textOf(container.querySelector('[role="status"]'))).toBe('Export cancelled. No file was saved.'));
    expect(runner.calls[0]?.control.signal?.aborted).toBe(true);
  });

  it('does not start a choice that is not available, nor a date range without days, and says why', async () => {
    const runner = steppedRunner();
    render(<ExportPanel choices={choices} dateRange run={runner.run} />, container);
    const radios = [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    radios[1]?.click();
    getButton(container, 'Export').click();
    await waitFor(() => expect(textOf(container.querySelector('[role="status"]'))).toBe('nothing is selected'));
    radios[2]?.click();
    getButton(container, 'Export').click();
    await waitFor(() => expect(textOf(container.querySelector('[role="status"]'))).toBe('Choose a first day, a last day, or both.'));
    expect(runner.calls).toEqual([]);
  });
});
