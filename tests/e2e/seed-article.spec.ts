/**
 * A journalist's first session with Sourcemark on the reference article, in real Chromium with
 * the built extension: highlights and source tags appear by themselves, a click shows the claim
 * card, the popup saves a note, a verdict and a source rating, all of it survives a browser
 * restart, and "Export JSON" downloads a file that holds it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCHEMA_VERSION } from '../../lib/model';
import { downloadedFile, expect, FIXTURES_DIR, openPopup, tags, test } from './fixtures';

type Labelled = {
  text: string;
  claim: boolean;
  optional?: boolean;
  attributions: { source: string; cue: string | null; carriedOver?: boolean }[];
};

async function labelledSentences(): Promise<Labelled[]> {
  const raw = await readFile(join(FIXTURES_DIR, 'seed-article.expected.json'), 'utf8');
  return (JSON.parse(raw) as { sentences: Labelled[] }).sentences;
}

/** The text of every range in a named CSS highlight, in document order. */
function highlightedTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return [];
    return [...highlight]
      .map((range) => (range as Range).toString().replace(/\s+/g, ' ').trim());
  }, name);
}

async function openSeedArticle(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/seed-article.html`);
  await expect(tags(page).first()).toBeVisible();
}

test.describe('the reference article', () => {
  test('highlights every labelled claim with a tag naming its source, and nothing else', async ({ launch, server }) => {
    const context = await launch();
    const page = await context.newPage();
    await openSeedArticle(page, server.origin);

    const sentences = await labelledSentences();
    const highlighted = await highlightedTexts(page, 'sourcemark-claim');
    for (const sentence of sentences) {
      if (sentence.optional) continue;
      const isHighlighted = highlighted.some((text) => text === sentence.text.replace(/\s+/g, ' ').trim());
      expect(isHighlighted, `${sentence.claim ? 'should' : 'should not'} highlight: ${sentence.text}`).toBe(sentence.claim);
    }

    const tagSources = await tags(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-source') ?? ''));
    const joined = tagSources.join(' | ');
    expect(tagSources.filter((s) => s.includes('KCNA')).length, joined).toBeGreaterThanOrEqual(2);
    for (const name of ['Yonhap', 'TASS', 'Telegram', 'American authorities']) {
      expect(joined, `a tag names ${name}`).toContain(name);
    }
  });

  test('leaves the page working: same text, same layout, its own scripts run', async ({ launch, server }) => {
    const context = await launch();
    const page = await context.newPage();
    // The same page without the extension's effects, for comparison: read before the scan lands.
    await page.goto(`${server.origin}/seed-article.html`);
    await expect(tags(page).first()).toBeVisible();
    const after = await page.evaluate(() => ({
      text: document.querySelector('article')?.textContent ?? '',
      articleWidth: document.querySelector('article')?.getBoundingClientRect().width ?? 0,
      marks: document.querySelectorAll('mark').length,
      pageScriptRan: (window as unknown as { pageScriptRan?: boolean }).pageScriptRan === true,
    }));
    const original = await readFile(join(FIXTURES_DIR, 'seed-article.html'), 'utf8');
    const plain = await context.newPage();
    await plain.setContent(original);
    const before = await plain.evaluate(() => ({
      text: document.querySelector('article')?.textContent ?? '',
      articleWidth: document.querySelector('article')?.getBoundingClientRect().width ?? 0,
    }));
    expect(after.text).toBe(before.text);
    expect(after.articleWidth).toBe(before.articleWidth);
    expect(after.marks).toBe(0);
    expect(after.pageScriptRan).toBe(true);

    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page.locator('aside button')).toHaveText('Thanks!');
  });

  test('clicking a highlighted claim opens its card with the claim, the source and the cue', async ({ launch, server }) => {
    const context = await launch();
    const page = await context.newPage();
    await openSeedArticle(page, server.origin);

    await page.getByText('Pyongyang’s official media at the time', { exact: false }).click({ position: { x: 20, y: 5 } });
    const card = page.locator('#sourcemark-root .sm-card');
    await expect(card).toBeVisible();
    await expect(card).toContainText('friendly atmosphere');
    await expect(card).toContainText('Pyongyang’s official media');
    await expect(card).toContainText('according to');
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();

    const telegramTag = tags(page).filter({ hasText: 'Telegram' }).first();
    await telegramTag.hover();
    await expect(card).toBeVisible();
    await expect(card).toContainText('posted on');
    await expect(card).toContainText('Kozhemyako');
  });
});

test.describe('the popup', () => {
  test('saves a note, a verdict and a source rating that survive a browser restart', async ({ launch, server }) => {
    let context = await launch();
    let page = await context.newPage();
    await openSeedArticle(page, server.origin);

    const popup = await openPopup(context, page);
    const groups = popup.getByTestId('source-group');
    await expect(groups.first()).toBeVisible();
    const kcnaGroup = groups.filter({ hasText: 'KCNA' }).first();
    await expect(kcnaGroup.getByTestId('claim')).toHaveCount(2);

    const claim = kcnaGroup.getByTestId('claim').filter({ hasText: 'working groups had reached a deal' });
    await expect(claim).toContainText('stated');
    await claim.getByLabel('Note').fill('Check against the Russian readout <script>alert(1)</script>');
    await claim.getByLabel('Verdict').selectOption('unverifiable');
    await claim.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.getByRole('status')).toContainText(/saved/i);

    await kcnaGroup.getByLabel('Credibility of KCNA').selectOption('propaganda');
    await kcnaGroup.getByRole('button', { name: 'Save rating' }).click();
    await expect(kcnaGroup).toContainText('State-controlled or propaganda outlet');

    // The page follows: the saved claim is marked annotated, and KCNA's tags carry the tier.
    await expect(tags(page).filter({ hasText: 'KCNA' }).and(page.locator('[data-annotated="true"]'))).toHaveCount(1);
    await expect(tags(page).filter({ hasText: 'KCNA' }).first()).toContainText(/propaganda/i);

    await context.close();
    context = await launch();
    page = await context.newPage();
    await openSeedArticle(page, server.origin);

    const annotated = await highlightedTexts(page, 'sourcemark-annotated');
    expect(annotated).toHaveLength(1);
    expect(annotated[0]).toContain('working groups had reached a deal');
    await expect(tags(page).and(page.locator('[data-annotated="true"]'))).toHaveCount(1);

    const reopened = await openPopup(context, page);
    const again = reopened.getByTestId('claim').filter({ hasText: 'working groups had reached a deal' });
    await expect(again.getByLabel('Note')).toHaveValue('Check against the Russian readout <script>alert(1)</script>');
    await expect(again.getByLabel('Verdict')).toHaveValue('unverifiable');
    await expect(reopened.getByTestId('source-group').filter({ hasText: 'KCNA' }).first()).toContainText(
      'State-controlled or propaganda outlet',
    );
  });

  test('"Export JSON" downloads every annotation and source rating with selectors and timestamps', async ({
    launch,
    server,
  }) => {
    const context = await launch();
    const page = await context.newPage();
    await openSeedArticle(page, server.origin);
    const popup = await openPopup(context, page);

    const claim = popup.getByTestId('claim').filter({ hasText: 'American authorities claimed' });
    await claim.getByLabel('Note').fill('Which authorities? Ask the State Department.');
    await claim.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.getByRole('status')).toContainText(/saved/i);
    const group = popup.getByTestId('source-group').filter({ hasText: 'American authorities' }).first();
    await group.getByLabel('Credibility of American authorities').selectOption('mixed');
    await group.getByRole('button', { name: 'Save rating' }).click();
    await expect(group).toContainText('Mixed / use with care');

    await popup.getByRole('button', { name: 'Export JSON' }).click();
    await expect(popup.getByRole('status')).toContainText(/Exported 1 annotation/);

    const file = await downloadedFile(context);
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported.schemaVersion).toBe(SCHEMA_VERSION);
    expect(exported.annotations).toHaveLength(1);
    const [annotation] = exported.annotations;
    expect(annotation.url).toBe(`${server.origin}/seed-article.html`);
    expect(annotation.pageTitle).toContain('North Korea and Russia');
    expect(annotation.note).toBe('Which authorities? Ask the State Department.');
    const quote = annotation.target.selectors.find((s: { type: string }) => s.type === 'TextQuoteSelector');
    const position = annotation.target.selectors.find((s: { type: string }) => s.type === 'TextPositionSelector');
    expect(quote.exact).toContain('American authorities claimed to be proof');
    expect(quote.prefix.length).toBeGreaterThan(0);
    expect(quote.suffix.length).toBeGreaterThan(0);
    expect(position.end - position.start).toBe(quote.exact.length);
    expect(Date.parse(annotation.createdAt)).not.toBeNaN();
    expect(Date.parse(annotation.updatedAt)).not.toBeNaN();
    const source = exported.sources.find((s: { name: string }) => s.name === 'American authorities');
    expect(source.rating.tier).toBe('mixed');
    expect(Date.parse(source.rating.ratedAt)).not.toBeNaN();
  });
});
