/**
 * A fact-checker's own sources, in real Chromium with the built extension: added on the options
 * page ("Sources"), they name claims on every page opened afterwards (no reload of the
 * extension), and the user's sources and aliases win over the built-in registry.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { extensionId } from '../../scripts/chromium';
import { expect, openPopup, tags, test } from './fixtures';

/** Open a test page and wait for Sourcemark's tags on it. */
async function openTagged(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(tags(page).first()).toBeVisible();
  return page;
}

/** The options page, opened the way a user would from the extensions menu. */
async function openOptions(context: BrowserContext): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await expect(options.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
  return options;
}

/** The "Add a source" form of the options page. */
const addForm = (options: Page): Locator => options.getByRole('form', { name: 'Add a source' });

/** One source of the options page's list. */
const listed = (options: Page, id: string): Locator => options.locator(`[data-testid="registry-source"][data-source-id="${id}"]`);

test.describe('the user’s own sources', () => {
  test('a source added from the popup’s “Add to my sources” names the claim on pages opened afterwards', async ({ launch, server }) => {
    const context = await launch();
    const article = `${server.origin}/seed-article.html`;
    const before = await openTagged(context, article);
    // Unresolved at first: the tag carries the page's own words.
    await expect(tags(before).filter({ hasText: 'Pyongyang’s official media' })).toHaveCount(1);

    const popup = await openPopup(context, before);
    const unresolved = popup.getByTestId('source-group').filter({ hasText: 'Pyongyang’s official media' });
    await expect(unresolved).toContainText('not in the source registry');
    const [options] = await Promise.all([
      context.waitForEvent('page'),
      unresolved.getByRole('button', { name: 'Add to my sources' }).click(),
    ]);
    await expect(options).toHaveURL(/\/options\.html\?name=Pyongyang%E2%80%99s\+official\+media&type=state-media$/);

    // The form starts from the page's words; the user names the source and keeps the words as an alias.
    const form = addForm(options);
    await expect(form.getByLabel('Name')).toHaveValue('Pyongyang’s official media');
    await expect(form.getByLabel('Name')).toBeFocused();
    await expect(form.getByLabel('Type')).toHaveValue('state-media');
    await form.getByLabel('Name').fill('North Korean state media');
    await form.getByLabel('Aliases').fill('Pyongyang’s official media');
    await form.getByLabel('Country').fill('KP');
    await form.getByRole('button', { name: 'Add source' }).click();
    await expect(options.getByRole('status')).toHaveText('Saved North Korean state media. Pages you open or reload from now on use it.');
    const entry = listed(options, 'north-korean-state-media');
    await expect(entry.getByTestId('source-origin')).toHaveText('yours');
    await expect(entry.getByTestId('source-aliases')).toHaveText('Pyongyang’s official media');

    // A page opened afterwards: the tag on the "friendly atmosphere" claim names the user's source.
    const after = await openTagged(context, article);
    await expect(tags(after).filter({ hasText: 'North Korean state media' })).toHaveCount(1);
    await expect(tags(after).filter({ hasText: 'Pyongyang’s official media' })).toHaveCount(0);
    await after.getByText('Pyongyang’s official media at the time', { exact: false }).click({ position: { x: 20, y: 5 } });
    const card = after.locator('#sourcemark-root .sm-card');
    await expect(card).toContainText('friendly atmosphere');
    await expect(card).toContainText('North Korean state media');

    // The popup groups the claim under it, as a registry source.
    const again = await openPopup(context, after);
    const group = again.locator('[data-testid="source-group"][data-source-id="north-korean-state-media"]');
    await expect(group.getByRole('heading', { name: 'North Korean state media' })).toBeVisible();
    await expect(group.getByTestId('claim')).toHaveCount(1);
    await expect(group.getByTestId('claim')).toContainText('friendly atmosphere');
    await expect(group).not.toContainText('not in the source registry');
    await expect(group.getByRole('button', { name: 'Add to my sources' })).toHaveCount(0);
  });

  test('the user’s sources and aliases win over the built-in registry, keyboard only', async ({ launch, server }) => {
    const context = await launch();
    const url = `${server.origin}/user-sources.html`;
    const before = await openTagged(context, url);
    await expect(tags(before)).toHaveCount(3);
    await expect(tags(before).nth(0)).toHaveAttribute('data-source', 'Ledger Wire');
    await expect(tags(before).nth(1)).toHaveAttribute('data-source', 'state agency');
    await expect(tags(before).nth(2)).toHaveAttribute('data-source', 'The Guardian');

    const options = await openOptions(context);
    const form = addForm(options);

    // A source no registry knows.
    await form.getByLabel('Name').fill('Ledger Wire');
    await form.getByLabel('Type').selectOption('news-agency');
    await form.getByLabel('Name').press('Enter');
    await expect(options.getByRole('status')).toHaveText('Saved Ledger Wire. Pages you open or reload from now on use it.');

    // A source whose alias is also a built-in's ("Guardian"): the user's wins.
    await form.getByLabel('Name').fill('Guardian Nigeria');
    await form.getByLabel('Aliases').fill('Guardian, The Guardian Nigeria');
    await form.getByLabel('Type').selectOption('newspaper-broadcaster');
    await form.getByLabel('Country').fill('NG');
    await form.getByRole('button', { name: 'Add source' }).press('Enter');
    await expect(options.getByRole('status')).toHaveText('Saved Guardian Nigeria. Pages you open or reload from now on use it.');

    // The user's words for a built-in: found through the search box, edited with the keyboard.
    await options.getByLabel('Search sources').fill('korean central news');
    const kcna = listed(options, 'kcna');
    await expect(options.getByTestId('registry-source')).toHaveCount(1);
    await expect(kcna.getByTestId('source-origin')).toHaveText('built-in');
    await kcna.getByRole('button', { name: 'Edit KCNA' }).press('Enter');
    const aliases = kcna.getByRole('form', { name: 'Your aliases for KCNA' }).getByLabel('Aliases');
    await expect(aliases).toBeFocused();
    await options.keyboard.type('the state agency');
    await options.keyboard.press('Tab');
    await options.keyboard.press('Enter');
    await expect(options.getByRole('status')).toHaveText('Saved your aliases for KCNA. Pages you open or reload from now on use it.');
    await expect(kcna.getByTestId('user-alias')).toHaveText('the state agency (yours)');
    await expect(kcna.getByRole('button', { name: 'Edit KCNA' })).toBeFocused();

    // A page opened afterwards, with no reload of the extension.
    const after = await openTagged(context, url);
    await expect(tags(after).nth(1)).toHaveAttribute('data-source', 'KCNA');
    await expect(tags(after).nth(2)).toHaveAttribute('data-source', 'Guardian Nigeria');
    await expect(tags(after).nth(0)).toHaveAttribute('data-source', 'Ledger Wire');
    const popup = await openPopup(context, after);
    const ledger = popup.locator('[data-testid="source-group"][data-source-id="ledger-wire"]');
    await expect(ledger.getByTestId('source-type')).toHaveText('news agency');
    await expect(ledger).not.toContainText('not in the source registry');
    await expect(popup.locator('[data-testid="source-group"][data-source-id="kcna"]')).toContainText('review the tariff on fertiliser');
    await expect(popup.locator('[data-testid="source-group"][data-source-id="guardian-nigeria"]')).toContainText('port of Apapa');

    // "Remove my aliases" gives "the state agency" back: KCNA no longer claims it on the next page.
    await options.getByLabel('Search sources').fill('');
    await kcna.getByRole('button', { name: 'Remove my aliases from KCNA' }).click();
    await expect(options.getByRole('status')).toHaveText('Removed your aliases from KCNA.');
    const removed = await openTagged(context, url);
    await expect(tags(removed).nth(1)).toHaveAttribute('data-source', 'state agency');
  });
});
