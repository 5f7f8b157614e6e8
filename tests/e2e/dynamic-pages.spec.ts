/**
 * Highlights that hold on pages that change: a live blog whose entries arrive after load and on
 * "Load more" (read incrementally: only the new text), an annotation saved on an entry that
 * arrives late (anchored when it arrives), a single-page app that swaps its article with
 * history.pushState (the new article's claims, not the old ones), and the popup's switches that
 * take highlights off a site (at once, and after a reload) and bring them back.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, openPopup, tags, test } from './fixtures';

const KCNA_CLAIM = 'The state news agency KCNA said on Tuesday that the talks had produced';
const TASS_ENTRY = 'TASS reported that the two sides signed a memorandum on grain deliveries.';
const YONHAP_ENTRY = 'The Yonhap news agency reported that South Korea’s spy service said the talks lasted three hours.';
const PESKOV_ENTRY = 'Kremlin spokesman Dmitry Peskov told reporters that the meeting had been';
const NOTE = 'Ask the Kremlin press office for the transcript.';

/** The text of every range in a named CSS highlight. */
function highlightedTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    return highlight ? [...highlight].map((range) => (range as Range).toString().replace(/\s+/g, ' ').trim()) : [];
  }, name);
}

/** Every range Sourcemark has in any of its highlights. */
function allHighlighted(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('sourcemark')) count += highlight.size;
    return count;
  });
}

/** The details of the content script's performance measures of one name. */
function measures(page: Page, name: string): Promise<Record<string, number>[]> {
  return page.evaluate(
    (measureName) => performance.getEntriesByName(measureName, 'measure').map((m) => (m as PerformanceMeasure).detail ?? {}),
    name,
  );
}

const tagNaming = (page: Page, source: string) => tags(page).filter({ hasText: source });

async function openLiveBlog(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/live-blog.html`);
  await expect(tagNaming(page, 'KCNA')).toHaveCount(1);
  return page;
}

test.describe('a live blog', () => {
  test('highlights and tags entries that arrive after load and on "Load more", reading only the new text', async ({
    launch,
    server,
  }) => {
    const context = await launch();
    const page = await openLiveBlog(context, server.origin);

    // Entries added by the page's script after load.
    await expect(tagNaming(page, 'TASS')).toHaveCount(1);
    await expect(tagNaming(page, 'Yonhap ← South Korea’s spy service')).toHaveCount(1);
    await expect(tagNaming(page, 'TASS')).toBeVisible();
    await expect.poll(() => highlightedTexts(page, 'sourcemark-claim')).toContainEqual(expect.stringContaining(TASS_ENTRY));

    // "Load more" appends older entries.
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(tagNaming(page, 'Dmitry Peskov')).toHaveCount(1);
    await expect(tagNaming(page, 'Officials at the port')).toHaveCount(1);
    await expect.poll(() => highlightedTexts(page, 'sourcemark-claim')).toContainEqual(expect.stringContaining(PESKOV_ENTRY));

    // One full scan; then each update read only the entries added, never the page again: the
    // characters updates extracted are exactly the entries' (time, block break, paragraph).
    expect(await measures(page, 'sourcemark:scan')).toHaveLength(1);
    const entryCharacters = await page.evaluate(() =>
      [...document.querySelectorAll('#feed .entry')].reduce(
        (sum, entry) => sum + (entry.querySelector('time')?.textContent ?? '').length + 2 + (entry.querySelector('p')?.textContent ?? '').length,
        0,
      ),
    );
    const updates = await measures(page, 'sourcemark:update');
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.reduce((sum, u) => sum + (u.addedCharacters ?? 0), 0)).toBe(entryCharacters);

    // An entry the page takes back takes its claim, highlight and tag with it.
    await page.evaluate(() => (window as unknown as { withdrawFirst(): void }).withdrawFirst());
    await expect(tagNaming(page, 'Yonhap')).toHaveCount(0);
    await expect.poll(() => highlightedTexts(page, 'sourcemark-claim')).not.toContainEqual(expect.stringContaining(YONHAP_ENTRY));
    await expect(tagNaming(page, 'TASS')).toHaveCount(1);
    await expect(tags(page)).toHaveCount(4);

    // The popup lists what is on the page now.
    const popup = await openPopup(context, page);
    await expect(popup.getByTestId('claim').filter({ hasText: PESKOV_ENTRY })).toHaveCount(1);
    await expect(popup.getByTestId('claim').filter({ hasText: 'spy service' })).toHaveCount(0);
  });

  test('anchors an annotation saved on an entry that arrives late when it arrives', async ({ launch, server }) => {
    const context = await launch();
    let page = await openLiveBlog(context, server.origin);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(tagNaming(page, 'Dmitry Peskov')).toHaveCount(1);

    let popup = await openPopup(context, page);
    const claim = popup.getByTestId('claim').filter({ hasText: PESKOV_ENTRY });
    await claim.getByLabel('Note').fill(NOTE);
    await claim.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.getByRole('status')).toContainText(/saved/i);
    await expect(tagNaming(page, 'Dmitry Peskov').and(page.locator('[data-annotated="true"]'))).toHaveCount(1);
    await popup.close();

    // Reloaded, the entry is not there yet: the annotation waits in "Not found on this page".
    await page.close();
    page = await openLiveBlog(context, server.origin);
    await expect(tagNaming(page, 'TASS')).toHaveCount(1);
    popup = await openPopup(context, page);
    await expect(popup.getByTestId('orphan')).toHaveCount(1);
    await expect(popup.getByTestId('orphan')).toContainText(NOTE);
    await popup.close();

    // It arrives: the note is on it, and nothing is missing any more.
    await page.getByRole('button', { name: 'Load more' }).click();
    const annotated = tagNaming(page, 'Dmitry Peskov').and(page.locator('[data-annotated="true"]'));
    await expect(annotated).toHaveCount(1);
    await expect(annotated).toHaveAttribute('data-anchoring', /exact|moved/);
    await expect.poll(() => highlightedTexts(page, 'sourcemark-annotated')).toEqual([expect.stringContaining(PESKOV_ENTRY)]);
    popup = await openPopup(context, page);
    await expect(popup.getByTestId('claim').filter({ hasText: PESKOV_ENTRY }).getByLabel('Note')).toHaveValue(NOTE);
    await expect(popup.getByTestId('orphans')).toHaveCount(0);
  });
});

test.describe('a single-page app', () => {
  test('shows the new article’s claims after history.pushState, and the old ones are gone', async ({ launch, server }) => {
    const context = await launch();
    const page = await context.newPage();
    await page.goto(`${server.origin}/spa.html`);
    await expect(tagNaming(page, 'KCNA')).toHaveCount(1);
    await expect(tagNaming(page, 'TASS')).toHaveCount(1);

    await page.getByRole('link', { name: 'Grain' }).click();
    await expect(page).toHaveURL(/story=grain/);
    await expect(tagNaming(page, 'Yonhap ← South Korea’s spy service')).toHaveCount(1);
    await expect(tagNaming(page, 'KCNA')).toHaveCount(0);
    await expect(tags(page)).toHaveCount(1);
    await expect.poll(() => highlightedTexts(page, 'sourcemark-claim')).toEqual([expect.stringContaining('shipments would resume')]);

    // The popup reads the new article, under its own URL.
    const popup = await openPopup(context, page);
    await expect(popup.getByTestId('page-title')).toHaveText('Grain corridor reopens | The Ledger');
    await expect(popup.getByTestId('claim')).toHaveCount(1);
    await popup.close();

    // Back (popstate): the first article again.
    await page.goBack();
    await expect(page).not.toHaveURL(/story=grain/);
    await expect(tagNaming(page, 'KCNA')).toHaveCount(1);
    await expect(tagNaming(page, 'Yonhap')).toHaveCount(0);
  });
});

test.describe('highlight colours', () => {
  test('show the state (detected, annotated) and the tier of a rated source, which the tag says in words', async ({ launch, server }) => {
    const context = await launch();
    const page = await openLiveBlog(context, server.origin);
    const popup = await openPopup(context, page);
    const kcna = popup.getByTestId('source-group').filter({ hasText: 'KCNA' }).first();
    await kcna.getByLabel('Credibility of KCNA').selectOption('propaganda');
    await kcna.getByRole('button', { name: 'Save rating' }).click();

    const tag = tagNaming(page, 'KCNA');
    await expect(tag).toHaveAttribute('data-tier', 'propaganda');
    await expect(tag).toContainText('State-controlled or propaganda outlet');
    await expect.poll(() => highlightedTexts(page, 'sourcemark-tier-propaganda')).toEqual([expect.stringContaining(KCNA_CLAIM)]);
    await expect(tagNaming(page, 'TASS')).toHaveAttribute('data-tier', 'unrated');
    expect(await highlightedTexts(page, 'sourcemark-claim')).toContainEqual(expect.stringContaining(KCNA_CLAIM));

    const claim = popup.getByTestId('claim').filter({ hasText: KCNA_CLAIM });
    await claim.getByLabel('Note').fill(NOTE);
    await claim.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => highlightedTexts(page, 'sourcemark-annotated')).toEqual([expect.stringContaining(KCNA_CLAIM)]);
    expect(await highlightedTexts(page, 'sourcemark-claim')).not.toContainEqual(expect.stringContaining(KCNA_CLAIM));
    expect(await highlightedTexts(page, 'sourcemark-tier-propaganda')).toEqual([expect.stringContaining(KCNA_CLAIM)]);
  });
});

test.describe('the highlight switches', () => {
  test('"Highlights on this site" takes highlights and tags off at once, brings them back, and holds after a reload', async ({
    launch,
    server,
  }) => {
    const context = await launch();
    const page = await openLiveBlog(context, server.origin);
    await expect(tagNaming(page, 'TASS')).toHaveCount(1);
    const shown = await tags(page).count();

    const popup = await openPopup(context, page);
    const siteSwitch = popup.getByRole('switch', { name: 'Highlights on this site' });
    await expect(siteSwitch).toBeChecked();
    await siteSwitch.uncheck();
    await expect(tags(page)).toHaveCount(0);
    await expect.poll(() => allHighlighted(page)).toBe(0);
    await expect(popup.getByTestId('highlights-off')).toContainText('Highlights are off on 127.0.0.1');

    await siteSwitch.check();
    await expect(tags(page)).toHaveCount(shown);
    await expect.poll(() => allHighlighted(page)).toBe(shown);
    await expect(popup.getByTestId('claim').filter({ hasText: KCNA_CLAIM })).toHaveCount(1);

    // Off again, and reloaded: it stays off.
    await siteSwitch.uncheck();
    await expect(tags(page)).toHaveCount(0);
    await popup.close();
    await page.reload();
    await expect(page.getByText('Delegations from both countries')).toBeVisible();
    const again = await openPopup(context, page);
    await expect(again.getByTestId('highlights-off')).toBeVisible();
    await expect(again.getByRole('switch', { name: 'Highlights on this site' })).not.toBeChecked();
    await expect(tags(page)).toHaveCount(0);
    expect(await allHighlighted(page)).toBe(0);
  });

  test('"Highlights everywhere" switches every site off and on', async ({ launch, server }) => {
    const context = await launch();
    const page = await openLiveBlog(context, server.origin);
    const popup = await openPopup(context, page);
    const everywhere = popup.getByRole('switch', { name: 'Highlights everywhere' });
    await everywhere.uncheck();
    await expect(tags(page)).toHaveCount(0);
    await expect(popup.getByTestId('highlights-off')).toContainText('off everywhere');

    // Another page opened meanwhile stays unmarked.
    const other = await context.newPage();
    await other.goto(`${server.origin}/spa.html`);
    await expect(other.getByText('The state news agency KCNA said')).toBeVisible();

    await everywhere.check();
    await expect(tagNaming(page, 'KCNA')).toHaveCount(1);
    // The open tab follows the setting live too (storage.onChanged).
    await expect(tagNaming(other, 'KCNA')).toHaveCount(1);
  });
});
