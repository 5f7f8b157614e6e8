/**
 * A page unlike the reference article: wire copy in <div>s, a dateline, a pull quote that runs
 * over two sentences, a byline and credits to leave alone, and page CSS that would restyle any
 * <mark> or <button> the extension put into the page.
 */
import type { Page } from '@playwright/test';
import { expect, tags, test } from './fixtures';

/** Claim text → the source its tag must name. */
const EXPECTED: [string, string][] = [
  ['struck a fuel depot in Russia', 'General Staff'],
  ['The depot stores diesel', 'Telegram'],
  ['air defences destroyed 34 drones', 'defence ministry'],
  ['debris had fallen on an industrial site', 'Telegram'],
  ['Every depot we hit is fuel', 'Ledger Wire'],
  ['The strikes will continue', 'Ledger Wire'],
  ['was "not interested in peace,"', 'RIA Novosti'],
];
const NOT_CLAIMS = ['could not independently verify', 'has been hit repeatedly since 2022', 'Fuel prices in the region', 'Reporting by', 'By Olena Marchuk'];

function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('sourcemark-claim') ?? [])].map((r) => (r as Range).toString()));
}

test('marks the attributed sentences of a wire story, and only those', async ({ launch, server }) => {
  const context = await launch();
  const page = await context.newPage();
  await page.goto(`${server.origin}/wire-article.html?utm_source=newsletter#top`);
  await expect(tags(page)).toHaveCount(EXPECTED.length);

  const texts = await highlighted(page);
  for (const [fragment] of EXPECTED) expect(texts.some((t) => t.includes(fragment)), fragment).toBe(true);
  for (const fragment of NOT_CLAIMS) expect(texts.some((t) => t.includes(fragment)), fragment).toBe(false);

  const labels = await tags(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-source') ?? ''));
  EXPECTED.forEach(([, source], i) => expect(labels[i]).toContain(source));
});

test("the page's CSS cannot hide or restyle the tags", async ({ launch, server }) => {
  const context = await launch();
  const page = await context.newPage();
  await page.goto(`${server.origin}/wire-article.html`);
  const tag = tags(page).first();
  await expect(tag).toBeVisible();
  const style = await tag.evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, display: s.display, width: el.getBoundingClientRect().width };
  });
  expect(style.color).not.toBe('rgba(0, 0, 0, 0)');
  expect(style.display).not.toBe('contents');
  expect(style.width).toBeGreaterThan(10);
});
