/**
 * Corrections to the machine, in real Chromium with the built extension: a detected claim marked
 * "not a claim" in the popup leaves the page at once and stays corrected after a reload (the
 * popup lists it, with an undo that brings it back); a claim's source changed in the popup shows
 * on its tag and card, also after a reload.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, openPopup, tags, test } from './fixtures';

const KCNA_DEAL = 'working groups had reached a deal';
const AMERICAN = 'American authorities claimed to be proof';

/** The text of every range in a named CSS highlight. */
function highlightedTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    return highlight ? [...highlight].map((range) => (range as Range).toString().replace(/\s+/g, ' ').trim()) : [];
  }, name);
}

/** Every highlighted text, detected or annotated. */
async function allHighlighted(page: Page): Promise<string[]> {
  return [...(await highlightedTexts(page, 'sourcemark-claim')), ...(await highlightedTexts(page, 'sourcemark-annotated'))];
}

async function openSeedArticle(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/seed-article.html`);
  await expect(tags(page).first()).toBeVisible();
  return page;
}

test.describe('correcting the detector', () => {
  test('a claim marked "not a claim" leaves the page, stays corrected after reload, and comes back on undo', async ({ launch, server }) => {
    const context = await launch();
    const page = await openSeedArticle(context, server.origin);
    expect((await allHighlighted(page)).some((t) => t.includes(KCNA_DEAL))).toBe(true);
    await expect(tags(page).filter({ hasText: 'KCNA' })).toHaveCount(2);

    let popup = await openPopup(context, page);
    const claim = popup.getByTestId('claim').filter({ hasText: KCNA_DEAL });
    await claim.getByLabel('Verdict').selectOption('not-a-claim');
    await claim.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.getByRole('status')).toContainText('is not a claim');

    // The page follows at once: no highlight, no tag for it; the popup lists it apart.
    await expect.poll(async () => (await allHighlighted(page)).some((t) => t.includes(KCNA_DEAL))).toBe(false);
    await expect(tags(page).filter({ hasText: 'KCNA' })).toHaveCount(1);
    await expect(popup.getByTestId('dismissed-claim').filter({ hasText: KCNA_DEAL })).toBeVisible();
    await expect(popup.getByTestId('claim').filter({ hasText: KCNA_DEAL })).toHaveCount(0);
    await popup.close();

    // Reloaded, the correction is remembered for the page.
    await page.reload();
    await expect(tags(page).first()).toBeVisible();
    await expect(tags(page).filter({ hasText: 'KCNA' })).toHaveCount(1);
    const highlighted = await allHighlighted(page);
    expect(highlighted.some((t) => t.includes(KCNA_DEAL)), highlighted.join('\n')).toBe(false);
    // The other KCNA claim is untouched.
    expect(highlighted.some((t) => t.includes('state agency KCNA said'))).toBe(true);

    popup = await openPopup(context, page);
    const dismissed = popup.getByTestId('dismissed-claim').filter({ hasText: KCNA_DEAL });
    await expect(dismissed).toContainText('Corrected: not a claim');
    await expect(popup.getByTestId('page-counts')).toContainText('1 marked not a claim');
    await expect(popup.getByTestId('claim').filter({ hasText: KCNA_DEAL })).toHaveCount(0);

    // Undo: a detected claim again, on the page and in the popup.
    await dismissed.getByRole('button', { name: /^Undo/ }).click();
    await expect(popup.getByRole('status')).toContainText('is a claim again');
    await expect.poll(async () => (await highlightedTexts(page, 'sourcemark-claim')).some((t) => t.includes(KCNA_DEAL))).toBe(true);
    await expect(tags(page).filter({ hasText: 'KCNA' })).toHaveCount(2);
    await expect(popup.getByTestId('claim').filter({ hasText: KCNA_DEAL })).toBeVisible();
    await expect(popup.getByTestId('dismissed')).toHaveCount(0);
  });

  test("a claim's source changed in the popup shows on its tag and card, also after reload", async ({ launch, server }) => {
    const context = await launch();
    const page = await openSeedArticle(context, server.origin);
    const popup = await openPopup(context, page);

    const claim = popup.getByTestId('claim').filter({ hasText: AMERICAN });
    await expect(claim.getByLabel('Source')).toHaveValue('American authorities');
    // A registry source, picked by one of its aliases.
    await claim.getByLabel('Source').fill('AP');
    await claim.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.getByRole('status')).toContainText(/saved/i);

    const americanTag = () => tags(page).filter({ hasText: 'Associated Press' }).and(page.locator('[data-annotated="true"]'));
    await expect(americanTag()).toHaveCount(1);
    await expect(tags(page).filter({ hasText: 'American authorities' })).toHaveCount(0);
    // The popup moves it to its new source, marked as the user's correction.
    const moved = popup.getByTestId('source-group').filter({ has: popup.getByRole('heading', { name: 'Associated Press', exact: true }) });
    await expect(moved.getByTestId('claim').filter({ hasText: AMERICAN })).toContainText('source corrected by you');

    await page.reload();
    await expect(tags(page).first()).toBeVisible();
    await expect(americanTag()).toHaveCount(1);
    await americanTag().click();
    const card = page.locator('#sourcemark-root .sm-card');
    await expect(card).toBeVisible();
    await expect(card).toContainText(AMERICAN);
    await expect(card.locator('.sm-card-source')).toHaveText(['Associated Press']);
    await expect(card).toContainText('Source set by you');
  });
});
