/**
 * The library in real Chromium with the built extension: two claims annotated in the popup on
 * the reference article are listed on library.html, found by search and by a filter; the view
 * lives in the URL and survives a reload; a bulk delete is undone; the keyboard does it all too.
 */
import type { Page } from '@playwright/test';
import { extensionId } from '../../scripts/chromium';
import { annotateTwoClaims, expect, openLibrary, openPopup, tags, test } from './fixtures';

const rows = (library: Page) => library.getByTestId('annotation-row');
const ready = (library: Page) => expect(library.getByTestId('results')).toHaveAttribute('data-state', 'ready');

test.describe('the library', () => {
  test("opens from the popup's footer", async ({ launch, server }) => {
    const context = await launch();
    const page = await context.newPage();
    await page.goto(`${server.origin}/seed-article.html`);
    await expect(tags(page).first()).toBeVisible();
    const popup = await openPopup(context, page);
    const [library] = await Promise.all([
      context.waitForEvent('page'),
      popup.getByRole('link', { name: 'Open the library' }).click(),
    ]);
    await library.waitForLoadState();
    expect(library.url()).toBe(`chrome-extension://${await extensionId(context)}/library.html`);
  });

  test('finds annotations by search and by filter, keeps the view in the URL, and undoes a bulk delete', async ({ launch, server }) => {
    const context = await launch();
    await annotateTwoClaims(context, server.origin);
    const library = await openLibrary(context);

    // Both annotations, newest first, with their source, verdict, note and site.
    await expect(rows(library)).toHaveCount(2);
    await expect(library.getByTestId('results-count')).toHaveText('2 annotations');
    await expect(rows(library).first()).toContainText('American authorities claimed');
    await expect(rows(library).first().getByTestId('row-verdict')).toHaveText('False');
    const kcnaRow = rows(library).filter({ hasText: 'working groups had reached a deal' });
    await expect(kcnaRow.getByTestId('row-source')).toHaveText('KCNA');
    await expect(kcnaRow.getByTestId('row-verdict')).toHaveText('Unverifiable');
    await expect(kcnaRow.getByTestId('row-note')).toContainText('Check against the Russian readout');
    await expect(kcnaRow.getByTestId('row-site')).toHaveText('127.0.0.1');
    // Its link opens the article scrolled to the quote.
    const href = (await kcnaRow.getByTestId('row-quote').getAttribute('href')) ?? '';
    expect(href.startsWith(`${server.origin}/seed-article.html#:~:text=`)).toBe(true);

    // Search: the note's words find it; the URL carries the query.
    await library.getByLabel('Search quotes, notes and tags').fill('russian read');
    await expect(rows(library)).toHaveCount(1);
    await expect(rows(library)).toContainText('working groups had reached a deal');
    await expect(library).toHaveURL(/library\.html\?q=russian\+read$/);

    // Reload: the same view.
    await library.reload();
    await expect(library.getByLabel('Search quotes, notes and tags')).toHaveValue('russian read');
    await expect(rows(library)).toHaveCount(1);
    await expect(rows(library)).toContainText('working groups had reached a deal');

    // A filter instead of the search.
    await library.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(rows(library)).toHaveCount(2);
    await library.getByLabel('Verdict').selectOption('false');
    await expect(rows(library)).toHaveCount(1);
    await expect(rows(library)).toContainText('American authorities claimed');
    await expect(library).toHaveURL(/library\.html\?verdict=false$/);
    await library.reload();
    await expect(library.getByLabel('Verdict')).toHaveValue('false');
    await expect(rows(library)).toHaveCount(1);

    // And by source, with the URL a bookmark would keep.
    const bySource = await openLibrary(context, '?source=kcna');
    await expect(rows(bySource)).toHaveCount(1);
    await expect(rows(bySource)).toContainText('working groups had reached a deal');
    await bySource.close();

    // Bulk delete, then Undo.
    await library.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(rows(library)).toHaveCount(2);
    await kcnaRow.getByRole('checkbox').check();
    await expect(library.getByTestId('selected-count')).toHaveText('1 annotation selected');
    await library.getByRole('button', { name: 'Delete selected' }).click();
    await expect(library.getByRole('status')).toHaveText('Deleted 1 annotation. Undo brings it back.');
    await expect(rows(library)).toHaveCount(1);
    await expect(rows(library)).toContainText('American authorities claimed');
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect(library.getByRole('status')).toHaveText('Restored 1 annotation.');
    await expect(rows(library)).toHaveCount(2);
    await expect(kcnaRow).toBeVisible();
  });

  test('is usable from the keyboard alone, and shows the figures per source', async ({ launch, server }) => {
    const context = await launch();
    await annotateTwoClaims(context, server.origin);
    const library = await openLibrary(context);
    await ready(library);
    await expect(rows(library)).toHaveCount(2);

    await library.keyboard.press('/');
    await expect(library.getByLabel('Search quotes, notes and tags')).toBeFocused();
    await library.keyboard.type('authorities');
    await expect(rows(library)).toHaveCount(1);
    await library.keyboard.press('Escape');
    await expect(rows(library).first()).toBeFocused();
    await library.keyboard.press('x');
    await expect(rows(library).first().getByRole('checkbox')).toBeChecked();
    await library.keyboard.press('Delete');
    await expect(library.getByRole('status')).toHaveText('Deleted 1 annotation. Undo brings it back.');
    await expect(library.getByTestId('results-empty')).toBeVisible();

    await library.keyboard.press('/');
    await library.keyboard.press('Control+A');
    await library.keyboard.press('Backspace');
    await expect(rows(library)).toHaveCount(1);
    await library.keyboard.press('Escape');
    await library.keyboard.press('j');
    await expect(rows(library).first()).toBeFocused();

    await library.getByRole('button', { name: 'By source' }).click();
    await expect(library).toHaveURL(/\?view=sources$/);
    const kcna = library.locator('[data-testid="source-stat"][data-source-key="kcna"]');
    await expect(kcna.getByTestId('stat-count')).toHaveText('1');
    await expect(kcna.getByTestId('stat-verdicts')).toHaveText('Unverifiable 1');
    await expect(library.locator('[data-testid="source-stat"][data-source-key="american-authorities"]')).toHaveCount(0);
  });
});
