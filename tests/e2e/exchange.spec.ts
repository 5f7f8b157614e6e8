/**
 * Export and import in real Chromium with the built extension, as a user does it: two claims
 * annotated in the popup are exported from the library (and this page's from the popup), the
 * file is read back from the downloads folder, then imported into a fresh browser profile (a new
 * machine): the summary says what it would add, Confirm writes it, and the annotations are back
 * in the library and on the article. A broken file is refused with its first problem and
 * nothing is written; the same file imported again changes nothing.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionWorker, launchWithExtension } from '../../scripts/chromium';
import { buildExport, serialiseExport } from '../../lib/exchange/sourcemark-json';
import { SCHEMA_VERSION } from '../../lib/model';
import { makeAnnotation } from '../unit/support/store-fixtures';
import type { ChromeInWorker } from './chrome-api';
import { annotateTwoClaims, expect, openLibrary, openPopup, tags, test } from './fixtures';

/** The KCNA note: markup in it must come back as text, never as markup. */
const KCNA_NOTE = 'Check against the Russian readout <b>not bold</b>';

/** The library page with its export and import panel open. */
async function openLibraryExchange(context: BrowserContext): Promise<Page> {
  const library = await openLibrary(context);
  await library.getByText('Export and import…').click();
  return library;
}

/** The path of the `n`-th completed download of this profile (polls until there are `n`). */
async function nthDownload(context: BrowserContext, n: number): Promise<string> {
  const worker = await extensionWorker(context);
  let path = '';
  await expect
    .poll(
      async () => {
        path = await worker.evaluate(async (n) => {
          const items = await (globalThis as unknown as { chrome: ChromeInWorker }).chrome.downloads.search({});
          const done = items.filter((d) => d.state === 'complete').sort((a, b) => a.id - b.id);
          return done.length >= n ? (done[n - 1]?.filename ?? '') : '';
        }, n);
        return path;
      },
      { message: `download #${n} completes` },
    )
    .not.toBe('');
  return path;
}

const exportPanel = (page: Page) => page.getByTestId('export-panel');
const importPanel = (page: Page) => page.getByTestId('import-panel');

test.describe('export and import', () => {
  test('exports from the library and the popup, and imports the JSON into a fresh profile: summary, confirm, back in the library and on the page; again: all unchanged', async ({
    launch,
    server,
  }) => {
    const context = await launch();
    await annotateTwoClaims(context, server.origin, KCNA_NOTE);

    // Library: everything, as Sourcemark JSON.
    const library = await openLibraryExchange(context);
    await exportPanel(library).getByLabel(/^Everything/).check();
    await exportPanel(library).getByLabel('Format').selectOption('json');
    await exportPanel(library).getByRole('button', { name: 'Export' }).click();
    await expect(exportPanel(library).getByRole('status')).toContainText('Exported 2 annotations to Sourcemark/sourcemark-export-');
    // Read now: Playwright deletes a context's downloads when it closes.
    const jsonBytes = await readFile(await nthDownload(context, 1));
    const json = JSON.parse(jsonBytes.toString('utf8'));
    expect(json.schemaVersion).toBe(SCHEMA_VERSION);
    expect(json.annotations).toHaveLength(2);
    expect(json.annotations.map((a: { note: string }) => a.note).sort()).toEqual(['Check against the Russian readout <b>not bold</b>', 'Which authorities?']);

    // The other formats, from the same panel.
    const exportAs = async (format: string, n: number) => {
      await exportPanel(library).getByLabel('Format').selectOption(format);
      await exportPanel(library).getByRole('button', { name: 'Export' }).click();
      await expect(exportPanel(library).getByRole('status')).toContainText(new RegExp(`^Exported \\d+ annotations? to Sourcemark/sourcemark-\\w+-[-\\dT]+\\.${format === 'csv' ? 'csv' : 'jsonld'}$`));
      return (await readFile(await nthDownload(context, n))).toString('utf8');
    };
    const w3c = JSON.parse(await exportAs('w3c', 2));
    expect(w3c.type).toBe('AnnotationCollection');
    expect(w3c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    const items = w3c.first.items as { target: { selector: { type: string }[] } }[];
    expect(items).toHaveLength(2);
    for (const item of items) expect(item.target.selector.map((sel) => sel.type).sort()).toEqual(['TextPositionSelector', 'TextQuoteSelector']);
    const csv = await exportAs('csv', 3);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
    expect(lines[0]?.startsWith('id,url,site,page_title,')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(csv).toContain('Which authorities?');
    const claimReview = JSON.parse(await exportAs('claimreview', 4));
    const reviews = claimReview['@graph'] as { '@type': string; reviewRating: { alternateName: string }; claimReviewed: string }[];
    expect(reviews.map((r) => r['@type'])).toContain('ClaimReview');
    expect(reviews.find((r) => r.claimReviewed.includes('American authorities claimed'))?.reviewRating.alternateName).toBe('False');

    // Popup: this page's annotations.
    const article = await context.newPage();
    await article.goto(`${server.origin}/seed-article.html`);
    await expect(tags(article).first()).toBeVisible();
    const popup = await openPopup(context, article);
    await popup.getByText('More export choices…').click();
    await exportPanel(popup).getByLabel('This page’s annotations').check();
    await exportPanel(popup).getByRole('button', { name: 'Export' }).click();
    await expect(exportPanel(popup).getByRole('status')).toContainText('Exported 2 annotations');
    const pageExport = JSON.parse(await readFile(await nthDownload(context, 5), 'utf8'));
    expect(pageExport.annotations.map((a: { id: string }) => a.id).sort()).toEqual(json.annotations.map((a: { id: string }) => a.id).sort());
    await context.close();

    // A fresh profile: nothing in it yet.
    const freshDir = await mkdtemp(join(tmpdir(), 'sourcemark-fresh-'));
    const fresh = await launchWithExtension({ profileDir: freshDir, headless: true });
    try {
      const target = await openLibraryExchange(fresh);
      await expect(target.getByTestId('results-empty')).toBeVisible();
      const file = { name: 'sourcemark-export.json', mimeType: 'application/json', buffer: jsonBytes };

      // The summary first; nothing is written before Confirm.
      await importPanel(target).getByLabel(/^Import a file/).setInputFiles(file);
      const summary = importPanel(target).getByTestId('import-summary');
      await expect(summary).toBeVisible();
      await expect(summary.getByTestId('annotations-added')).toHaveText('2');
      await expect(summary.getByTestId('annotations-unchanged')).toHaveText('0');
      await expect(target.getByTestId('results-empty')).toBeVisible();
      await summary.getByRole('button', { name: 'Confirm import' }).click();
      await expect(importPanel(target).getByTestId('import-status')).toContainText('Imported 2 annotations');

      // Back in the library, with their notes (as text) and verdicts.
      await expect(target.getByTestId('annotation-row')).toHaveCount(2);
      await expect(target.getByTestId('annotation-row').filter({ hasText: 'working groups had reached a deal' }).getByTestId('row-note')).toContainText(
        'Check against the Russian readout <b>not bold</b>',
      );

      // And on the page: the popup shows both claims as annotated, with their notes.
      const page = await fresh.newPage();
      await page.goto(`${server.origin}/seed-article.html`);
      await expect(tags(page).first()).toBeVisible();
      const freshPopup = await openPopup(fresh, page);
      await expect(freshPopup.getByTestId('claim-annotated')).toHaveCount(2);
      await expect(freshPopup.getByTestId('claim').filter({ hasText: 'American authorities claimed' }).getByLabel('Note')).toHaveValue('Which authorities?');

      // The same file again: all unchanged, nothing to confirm.
      await target.reload();
      await target.getByText('Export and import…').click();
      await importPanel(target).getByLabel(/^Import a file/).setInputFiles(file);
      await expect(summary.getByTestId('annotations-unchanged')).toHaveText('2');
      await expect(summary.getByTestId('annotations-added')).toHaveText('0');
      await expect(summary.getByTestId('annotations-updated')).toHaveText('0');
      await expect(summary.getByRole('button', { name: 'Confirm import' })).toBeDisabled();
      await expect(target.getByTestId('annotation-row')).toHaveCount(2);
    } finally {
      await fresh.close();
      await rm(freshDir, { recursive: true, force: true });
    }
  });

  test('a large import is stored at once and indexed by the background, even when the library page closes', async ({ launch }) => {
    const context = await launch();
    const count = 3_000;
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString();
    const annotations = Array.from({ length: count }, (_, i) =>
      makeAnnotation({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, url: `https://news.example/story-${i % 40}`, createdAt: day(i), updatedAt: day(i), tags: i % 3 === 0 ? ['batch'] : [] }),
    );
    const file = serialiseExport(buildExport(annotations, [], { version: 'test', now: new Date('2025-01-01T00:00:00Z') }));
    const library = await openLibraryExchange(context);
    await importPanel(library).getByLabel(/^Import a file/).setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await importPanel(library).getByTestId('import-summary').getByRole('button', { name: 'Confirm import' }).click();
    await expect(importPanel(library).getByTestId('import-status')).toContainText(`Imported ${count} annotations`);
    // Gone before the library indexed much: the background carries on.
    await library.close();

    const again = await openLibrary(context);
    await expect(again.getByTestId('results-count')).toHaveText(`${count.toLocaleString('en')} annotations`);
    await expect(again.getByTestId('indexing')).toHaveCount(0);
    // Every imported annotation is queued for team sync, and nothing waits to be indexed.
    const tables = await again.evaluate(
      () =>
        new Promise<{ outbox: number; pending: number }>((resolve, reject) => {
          const open = indexedDB.open('sourcemark');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['outbox', 'libraryPending'], 'readonly');
            const outbox = tx.objectStore('outbox').count();
            const pending = tx.objectStore('libraryPending').count();
            tx.oncomplete = () => {
              open.result.close();
              resolve({ outbox: outbox.result, pending: pending.result });
            };
          };
        }),
    );
    expect(tables).toEqual({ outbox: count, pending: 0 });
  });

  test('refuses a broken file, a newer schemaVersion and hostile text with a message, shown as text, and writes nothing', async ({ launch }) => {
    const context = await launch();
    const library = await openLibraryExchange(context);
    await expect(library.getByTestId('results-empty')).toBeVisible();
    const input = importPanel(library).getByLabel(/^Import a file/);
    const error = importPanel(library).getByTestId('import-error');

    await input.setInputFiles({ name: '<img src=x onerror=alert(1)>.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 1, "annotations": [<script>alert(1)</script>') });
    await expect(error).toContainText('Cannot import: line 1, column 38: not valid JSON');
    await expect(error).toContainText('<img src=x onerror=alert(1)>.json');
    await expect(error.locator('img, script')).toHaveCount(0);
    await expect(error).toContainText('Nothing was imported.');

    await input.setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ schemaVersion: 99, annotations: [], sources: [] })) });
    await expect(error).toContainText('schemaVersion (line 1, column 18): this file was written by a newer Sourcemark');

    await library.reload();
    await expect(library.getByTestId('results-empty')).toBeVisible();
    expect(await library.evaluate(() => new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('sourcemark');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction(['annotations', 'sources'], 'readonly');
        let total = 0;
        const a = tx.objectStore('annotations').count();
        const s = tx.objectStore('sources').count();
        tx.oncomplete = () => {
          total = a.result + s.result;
          open.result.close();
          resolve(total);
        };
      };
    }))).toBe(0);
  });
});
