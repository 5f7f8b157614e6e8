/**
 * Source ratings in real Chromium with the built extension: a fact-checker rates KCNA on the
 * options page (tier, score, rationale, evidence, signed with their name); every KCNA tag on the
 * seed article then says the tier in words and in colour, and the claim card gives the
 * rationale; a changed rating reaches the open article at once and keeps the earlier one in the
 * source's rating history.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { extensionId } from '../../scripts/chromium';
import { expect, openPopup, tags, test } from './fixtures';

const PROPAGANDA = 'State-controlled or propaganda outlet';
const RATIONALE = 'Official news agency of the DPRK government; no editorial independence.';
const EVIDENCE = ['https://rsf.example/en/country/north-korea', 'https://freedomhouse.example/country/north-korea'];

/** The options page, opened the way a user would from the extensions menu. */
async function openOptions(context: BrowserContext): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await expect(options.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
  return options;
}

/** KCNA's entry in the options page's list. */
const kcnaEntry = (options: Page): Locator => options.locator('[data-testid="registry-source"][data-source-id="kcna"]');

/** Open the seed article and wait for its KCNA tags. */
async function openSeedArticle(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/seed-article.html`);
  await expect(tags(page).filter({ hasText: 'KCNA' }).first()).toBeVisible();
  return page;
}

test.describe('source ratings', () => {
  test('a rating made on the options page shows on every KCNA tag and card, and a new one keeps it as history', async ({
    launch,
    server,
  }) => {
    const context = await launch();
    const options = await openOptions(context);

    // The rater's name is kept in the settings and signs the rating.
    await options.getByLabel('Your name or initials').fill('Ana K.');
    await options.getByRole('button', { name: 'Save name' }).click();
    await expect(options.getByRole('status')).toHaveText('Saved your name. New ratings are signed with it.');

    const entry = kcnaEntry(options);
    await entry.getByRole('button', { name: 'Rate KCNA' }).click();
    const form = options.getByRole('form', { name: 'Rate KCNA' });
    await expect(form.getByLabel('Credibility tier')).toBeFocused();
    await expect(form.getByLabel('Rated by')).toHaveValue('Ana K.');
    await form.getByLabel('Credibility tier').selectOption({ label: PROPAGANDA });
    // A score out of range is refused, and what was typed stays.
    await form.getByLabel('Rationale').fill(RATIONALE);
    await form.getByLabel('Score (optional, 0–100)').fill('500');
    await form.getByRole('button', { name: 'Save rating' }).click();
    await expect(form.getByTestId('form-error')).toContainText('“500” is not a score');
    await expect(form.getByLabel('Score (optional, 0–100)')).toBeFocused();
    await expect(form.getByLabel('Rationale')).toHaveValue(RATIONALE);

    await form.getByLabel('Score (optional, 0–100)').fill('5');
    await form.getByLabel('Evidence links').fill(EVIDENCE.join('\n'));
    await form.getByRole('button', { name: 'Save rating' }).click();
    await expect(options.getByRole('status')).toContainText(`Saved the rating of KCNA: ${PROPAGANDA}.`);
    await expect(entry.getByTestId('source-tier')).toHaveText(PROPAGANDA);
    await expect(entry.getByTestId('rating-score')).toHaveText('Score 5/100');
    await expect(entry.getByTestId('rating-rationale')).toHaveText(RATIONALE);
    await expect(entry.getByTestId('rating-evidence').getByRole('link')).toHaveText(EVIDENCE);
    await expect(entry.getByTestId('rating-by')).toContainText('Rated by Ana K.');

    // The seed article: every KCNA tag says the tier in words, and draws it (a double red edge).
    const page = await openSeedArticle(context, server.origin);
    const kcnaTags = tags(page).filter({ hasText: 'KCNA' });
    const count = await kcnaTags.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i++) {
      const tag = kcnaTags.nth(i);
      await expect(tag).toContainText(PROPAGANDA);
      await expect(tag).toHaveAttribute('data-tier', 'propaganda');
      await expect(tag).toHaveAttribute('aria-description', new RegExp(`KCNA is rated ${PROPAGANDA}`));
      await expect(tag).toHaveCSS('border-left-style', 'double');
    }
    // An unrated source's tag has neither.
    const telegram = tags(page).filter({ hasText: 'Telegram' }).first();
    await expect(telegram).toHaveAttribute('data-tier', 'unrated');
    await expect(telegram).not.toContainText(PROPAGANDA);
    await expect(telegram).not.toHaveCSS('border-left-style', 'double');

    // The claim card gives the tier, score, rationale and rater.
    await kcnaTags.first().click();
    const card = page.locator('#sourcemark-root .sm-card');
    await expect(card).toBeVisible();
    await expect(card.locator('.sm-card-rating')).toHaveText(`KCNA: ${PROPAGANDA} · Score 5/100`);
    await expect(card).toContainText(RATIONALE);
    await expect(card).toContainText('Rated by Ana K.');

    // A changed rating: the earlier one is listed under "Rating history", also after a reload.
    await entry.getByRole('button', { name: 'Change rating of KCNA' }).click();
    const change = options.getByRole('form', { name: 'Rate KCNA' });
    await expect(change.getByLabel('Score (optional, 0–100)')).toHaveValue('5');
    await change.getByLabel('Credibility tier').selectOption({ label: 'Generally unreliable' });
    await change.getByLabel('Score (optional, 0–100)').fill('15');
    await change.getByLabel('Rationale').fill('Reassessed: reports are sometimes confirmed by other sources.');
    await change.getByRole('button', { name: 'Save rating' }).click();
    await expect(options.getByRole('status')).toContainText('The earlier rating is in its rating history. Open pages show it now.');
    // The article, still open in its tab, follows at once.
    await expect(tags(page).filter({ hasText: 'KCNA' }).first()).toContainText('Generally unreliable');
    await expect(tags(page).filter({ hasText: PROPAGANDA })).toHaveCount(0);

    await options.reload();
    const history = kcnaEntry(options).getByTestId('rating-history');
    await expect(kcnaEntry(options).getByTestId('source-tier')).toHaveText('Generally unreliable');
    await history.getByText('Rating history (1 earlier rating)').click();
    const earlier = history.getByTestId('history-item');
    await expect(earlier).toHaveCount(1);
    await expect(earlier.getByTestId('rating-tier')).toHaveText(PROPAGANDA);
    await expect(earlier.getByTestId('rating-score')).toHaveText('Score 5/100');
    await expect(earlier.getByTestId('rating-rationale')).toHaveText(RATIONALE);
    await expect(earlier.getByTestId('rating-by')).toContainText('Rated by Ana K.');
    await expect(earlier.getByTestId('rating-evidence').getByRole('link')).toHaveText(EVIDENCE);

    // Reloaded, the article still shows the new rating.
    await page.reload();
    await expect(tags(page).filter({ hasText: 'KCNA' }).first()).toContainText('Generally unreliable');
    await expect(tags(page).filter({ hasText: PROPAGANDA })).toHaveCount(0);
  });

  test('rating from the keyboard alone; the popup shows the rating, and its own re-rating joins the history', async ({ launch, server }) => {
    const context = await launch();
    const options = await openOptions(context);
    await options.getByLabel('Search sources').fill('TASS');
    const tass = options.locator('[data-testid="registry-source"][data-source-id="tass"]');
    await tass.getByRole('button', { name: 'Rate TASS' }).focus();
    await options.keyboard.press('Enter');
    const form = options.getByRole('form', { name: 'Rate TASS' });
    const tier = form.getByLabel('Credibility tier');
    await expect(tier).toBeFocused();
    await tier.press('End'); // the last tier, "Unrated", then up to "State-controlled or propaganda outlet"
    await tier.press('ArrowUp');
    await expect(tier).toHaveValue('propaganda');
    await options.keyboard.press('Tab');
    await expect(form.getByLabel('Score (optional, 0–100)')).toBeFocused();
    await options.keyboard.type('10');
    await options.keyboard.press('Tab');
    await expect(form.getByLabel('Rationale')).toBeFocused();
    await options.keyboard.type('Russian state news agency.');
    await options.keyboard.press('Tab');
    await expect(form.getByLabel('Evidence links')).toBeFocused();
    await options.keyboard.press('Tab');
    await expect(form.getByLabel('Rated by')).toBeFocused();
    await options.keyboard.type('R. M.');
    await options.keyboard.press('Enter');
    await expect(options.getByRole('status')).toContainText(`Saved the rating of TASS: ${PROPAGANDA}.`);
    await expect(tass.getByRole('button', { name: 'Change rating of TASS' })).toBeFocused();
    await expect(tass.getByTestId('rating-by')).toContainText('Rated by R. M.');

    // The popup's TASS group: tier, rationale and score.
    const page = await context.newPage();
    await page.goto(`${server.origin}/seed-article.html`);
    await expect(tags(page).filter({ hasText: 'TASS' }).first()).toContainText(PROPAGANDA);
    const popup = await openPopup(context, page);
    const group = popup.locator('[data-testid="source-group"][data-source-id="tass"]');
    await expect(group.getByTestId('source-tier')).toHaveText(PROPAGANDA);
    await expect(group).toContainText('Russian state news agency.');
    await expect(group.getByTestId('rating-meta')).toContainText('Score 10/100 · Rated by R. M.');

    // Re-rated in the popup: the options page lists the options rating as history.
    await group.getByLabel('Credibility of TASS').selectOption('unreliable');
    await group.getByRole('button', { name: 'Save rating' }).click();
    await expect(popup.getByRole('status')).toHaveText('Saved the rating of TASS: Generally unreliable.');
    await options.reload();
    await options.getByLabel('Search sources').fill('TASS');
    await expect(tass.getByTestId('source-tier')).toHaveText('Generally unreliable');
    await tass.getByText('Rating history (1 earlier rating)').click();
    await expect(tass.getByTestId('history-item').getByTestId('rating-tier')).toHaveText(PROPAGANDA);
    await expect(tass.getByTestId('history-item').getByTestId('rating-rationale')).toHaveText('Russian state news agency.');
  });
});
