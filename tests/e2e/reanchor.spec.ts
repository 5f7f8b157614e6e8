/**
 * Highlights that hold: a note saved on the reference article finds its sentence again after the
 * article is edited (re-attached to the changed text, and shown as such), is listed as "not found"
 * with its note when the sentence is removed, and is found under the same article's tracking
 * and fragment variants of the URL, and on an AMP copy that declares the article as canonical.
 *
 * The edited copies are served at the article's own URL with a route override: the extension
 * sees the same address with different text, as after a newsroom edit.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, FIXTURES_DIR, openLibrary, openPopup, tags, test } from './fixtures';

/** The saved claim, and the words the edits change. */
const CLAIM_START = 'article stated that the two sides’ trade and economic working groups';
const OLD_WORDS = 'had reached a deal';
const NEW_WORDS = 'had reached an agreement';
const NOTE = 'Compare with the Russian readout.';
/** A sentence detection does not flag, where the user re-attaches the orphan by hand. */
const TARGET_SENTENCE = 'Primorye is another colloquial name for Primorsky.';

/** The article's paragraph holding the saved claim, as written in the fixture. */
const CLAIM_PARAGRAPH = /<p>The <em>KCNA<\/em> article stated that[\s\S]*?<\/p>\s*/;

async function articleHtml(): Promise<string> {
  return readFile(join(FIXTURES_DIR, 'seed-article.html'), 'utf8');
}

/** Serve `html` at `url` (exactly) from now on, instead of the file. */
async function serve(context: BrowserContext, url: string, html: string): Promise<void> {
  await context.unroute(url);
  await context.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
}

/** The text of every range in a named CSS highlight. */
function highlightedTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    return highlight ? [...highlight].map((range) => (range as Range).toString().replace(/\s+/g, ' ').trim()) : [];
  }, name);
}

/** axe-core's findings within `selector` on `page`, as readable lines. */
async function violationsIn(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)} — ${node.failureSummary ?? v.help}`));
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(tags(page).first()).toBeVisible();
}

/** Save a note and a verdict on the KCNA claim through the popup, as a journalist would. */
async function annotateClaim(context: BrowserContext, page: Page): Promise<void> {
  const popup = await openPopup(context, page);
  const claim = popup.getByTestId('claim').filter({ hasText: CLAIM_START });
  await claim.getByLabel('Note').fill(NOTE);
  await claim.getByLabel('Verdict').selectOption('unverifiable');
  await claim.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toContainText(/saved/i);
  await expect(tags(page).and(page.locator('[data-annotated="true"]'))).toHaveCount(1);
  await popup.close();
}

/** A fresh browser with the note saved on the article; returns the page and the article's URL. */
async function annotatedArticle(
  launch: () => Promise<BrowserContext>,
  origin: string,
): Promise<{ context: BrowserContext; page: Page; url: string; original: string }> {
  const context = await launch();
  const page = await context.newPage();
  const url = `${origin}/seed-article.html`;
  await open(page, url);
  await annotateClaim(context, page);
  const original = await articleHtml();
  return { context, page, url, original };
}

test.describe('a saved annotation when the article changes', () => {
  test('re-attaches to a sentence whose word changed, and says so on the page and in the popup', async ({ launch, server }) => {
    const { context, page, url, original } = await annotatedArticle(launch, server.origin);
    expect(original).toContain(OLD_WORDS);
    await serve(context, url, original.replace(OLD_WORDS, NEW_WORDS));
    await open(page, url);

    const fuzzyTag = tags(page).and(page.locator('[data-anchoring="fuzzy"]'));
    await expect(fuzzyTag).toHaveCount(1);
    await expect(fuzzyTag).toHaveAttribute('data-annotated', 'true');
    await expect(fuzzyTag).toContainText('KCNA');
    await expect(fuzzyTag).toHaveAttribute('aria-description', /re-attached to changed text/);
    const annotated = await highlightedTexts(page, 'sourcemark-annotated');
    expect(annotated).toHaveLength(1);
    expect(annotated[0]).toContain(NEW_WORDS);

    // The card says so, with the text the note was saved on.
    await fuzzyTag.click();
    const card = page.locator('#sourcemark-root .sm-card');
    await expect(card).toContainText('Re-attached to changed text');
    await expect(card.locator('.sm-card-previous')).toContainText(OLD_WORDS);
    await page.keyboard.press('Escape');

    const popup = await openPopup(context, page);
    const changed = popup.getByTestId('claim').filter({ hasText: NEW_WORDS });
    await expect(changed).toHaveCount(1);
    await expect(changed.getByTestId('reattached')).toContainText('Re-attached to changed text');
    await expect(changed.getByTestId('previous-text')).toContainText(OLD_WORDS);
    await expect(changed.getByTestId('claim-text')).toContainText(NEW_WORDS);
    await expect(changed.getByLabel('Note')).toHaveValue(NOTE);
    await expect(changed.getByLabel('Verdict')).toHaveValue('unverifiable');
    await expect(popup.getByTestId('orphans')).toHaveCount(0);
  });

  test('keeps an annotation whose sentence was removed, and lists it with its note as not found', async ({ launch, server }) => {
    const { context, page, url, original } = await annotatedArticle(launch, server.origin);
    expect(original).toMatch(CLAIM_PARAGRAPH);
    await serve(context, url, original.replace(CLAIM_PARAGRAPH, ''));
    await open(page, url);
    await expect(tags(page).and(page.locator('[data-annotated="true"]'))).toHaveCount(0);

    const popup = await openPopup(context, page);
    const orphans = popup.getByTestId('orphans');
    await expect(orphans.getByRole('heading', { name: 'Not found on this page' })).toBeVisible();
    const orphan = orphans.getByTestId('orphan');
    await expect(orphan).toHaveCount(1);
    await expect(orphan).toContainText(`${CLAIM_START} ${OLD_WORDS}`);
    await expect(orphan).toContainText(NOTE);
    await expect(orphan).toContainText('Unverifiable');
    await expect(orphan).toContainText('text changed or removed');
    await expect(popup.getByTestId('claim').filter({ hasText: CLAIM_START })).toHaveCount(0);
    await expect(popup.getByTestId('page-counts')).toContainText('1 not found');

    // Put back, the sentence is found again where it was.
    await context.unroute(url);
    await open(page, url);
    await expect(tags(page).and(page.locator('[data-anchoring="exact"]'))).toHaveCount(1);
  });

  test('an orphan re-attached by hand to the sentence the user selects is highlighted there, with its note, after a reload', async ({
    launch,
    server,
  }) => {
    const { context, page, url, original } = await annotatedArticle(launch, server.origin);
    await serve(context, url, original.replace(CLAIM_PARAGRAPH, ''));
    await open(page, url);
    expect(await highlightedTexts(page, 'sourcemark-annotated')).toEqual([]);

    // Nothing selected: the popup says what to do, and the orphan stays.
    await page.evaluate(() => getSelection()?.removeAllRanges());
    let popup = await openPopup(context, page);
    const reattach = popup.getByRole('button', { name: /^Re-attach to selected text: “/ });
    await expect(reattach).toHaveCount(1);
    await reattach.click();
    await expect(popup.getByRole('status')).toContainText('Nothing is selected on the page');
    await expect(popup.getByTestId('orphan')).toHaveCount(1);
    await popup.close();

    // The library lists it too (the popup recorded it), linking to its page.
    let library = await openLibrary(context);
    const notFound = library.getByTestId('library-orphans');
    await expect(notFound.getByRole('heading', { name: 'Not found on their page (1)' })).toBeVisible();
    await expect(notFound.getByTestId('library-orphan')).toContainText(CLAIM_START);
    await expect(notFound.getByTestId('library-orphan')).toContainText(NOTE);
    await expect(notFound.getByRole('link')).toHaveAttribute('href', url);
    expect(await violationsIn(library, '[data-testid="library-orphans"]')).toEqual([]);
    await library.close();

    // The user selects the sentence the note belongs to now, opens the popup and re-attaches it,
    // with the keyboard.
    await page.evaluate((text) => {
      const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(text));
      const range = document.createRange();
      if (paragraph?.firstChild) range.selectNodeContents(paragraph.firstChild);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }, TARGET_SENTENCE);
    popup = await openPopup(context, page);
    await popup.getByRole('button', { name: /^Re-attach to selected text: “/ }).focus();
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('status')).toContainText(`Re-attached the annotation to “${TARGET_SENTENCE}”`);
    await expect(popup.getByTestId('orphans')).toHaveCount(0);
    await expect.poll(() => highlightedTexts(page, 'sourcemark-annotated')).toEqual([TARGET_SENTENCE]);
    await popup.close();

    await page.reload();
    await expect(tags(page).first()).toBeVisible();
    await expect.poll(() => highlightedTexts(page, 'sourcemark-annotated')).toEqual([TARGET_SENTENCE]);
    popup = await openPopup(context, page);
    const moved = popup.getByTestId('claim').filter({ hasText: TARGET_SENTENCE });
    await expect(moved.getByLabel('Note')).toHaveValue(NOTE);
    await expect(moved.getByLabel('Verdict')).toHaveValue('unverifiable');
    await expect(popup.getByTestId('orphans')).toHaveCount(0);

    // Found again, it leaves the library's list.
    library = await openLibrary(context);
    await expect(library.getByTestId('annotation-row')).toHaveCount(1);
    await expect(library.getByTestId('library-orphans')).toHaveCount(0);
  });

  test('an orphan deleted from the popup is gone after a reload; Undo delete brings it back first', async ({ launch, server }) => {
    const { context, page, url, original } = await annotatedArticle(launch, server.origin);
    await serve(context, url, original.replace(CLAIM_PARAGRAPH, ''));
    await open(page, url);

    let popup = await openPopup(context, page);
    await expect(popup.getByTestId('orphan')).toHaveCount(1);
    expect(await violationsIn(popup, '[data-testid="orphans"]')).toEqual([]);
    await popup.getByRole('button', { name: /^Delete the annotation on “/ }).click();
    await expect(popup.getByRole('status')).toContainText('Deleted the annotation on');
    expect(await violationsIn(popup, '[data-testid="orphans"]')).toEqual([]);
    await expect(popup.getByTestId('orphan')).toHaveCount(0);
    // Undo (focused, for keyboard users) brings it back; delete it again for good.
    const undo = popup.getByRole('button', { name: 'Undo delete' });
    await expect(undo).toBeFocused();
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('status')).toContainText('Restored the annotation');
    await expect(popup.getByTestId('orphan')).toHaveCount(1);
    await popup.getByRole('button', { name: /^Delete the annotation on “/ }).click();
    await expect(popup.getByTestId('orphan')).toHaveCount(0);
    await popup.close();

    await page.reload();
    await expect(tags(page).first()).toBeVisible();
    popup = await openPopup(context, page);
    await expect(popup.getByTestId('page-counts')).toBeVisible();
    await expect(popup.getByTestId('orphans')).toHaveCount(0);
    await expect(popup.getByTestId('page-counts')).not.toContainText('not found');
    // Put back, the sentence is no longer annotated: the deletion held.
    await context.unroute(url);
    await open(page, url);
    await expect(tags(page).and(page.locator('[data-annotated="true"]'))).toHaveCount(0);
  });

  test('is found under tracking parameters and a fragment, and on an AMP copy declaring the article canonical', async ({
    launch,
    server,
  }) => {
    const { context, page, url, original } = await annotatedArticle(launch, server.origin);

    await open(page, `${url}?utm_source=x&utm_medium=y#frag`);
    const annotatedTag = tags(page).and(page.locator('[data-annotated="true"]'));
    await expect(annotatedTag).toHaveCount(1);
    await expect(annotatedTag).toHaveAttribute('data-anchoring', 'exact');
    let popup = await openPopup(context, page);
    const again = popup.getByTestId('claim').filter({ hasText: CLAIM_START });
    await expect(again.getByLabel('Note')).toHaveValue(NOTE);
    await expect(again.getByTestId('reattached')).toHaveCount(0);
    await expect(popup.getByTestId('orphans')).toHaveCount(0);
    await popup.close();

    const ampUrl = `${server.origin}/amp/seed-article.html?amp=1`;
    await serve(context, ampUrl, original.replace('<head>', `<head>\n<link rel="canonical" href="${url}">`));
    await open(page, ampUrl);
    await expect(tags(page).and(page.locator('[data-annotated="true"]'))).toHaveCount(1);
    popup = await openPopup(context, page);
    await expect(popup.getByTestId('claim').filter({ hasText: CLAIM_START }).getByLabel('Note')).toHaveValue(NOTE);
  });
});
