/**
 * Every page a person can use, checked in real Chromium with the built extension:
 *
 * - axe-core (through @axe-core/playwright, every rule it runs by default, WCAG 2.x A and AA
 *   included) finds nothing on the popup (claims of the reference article, one saved), the
 *   library (with annotations), the options page and the in-page claim card, in light and in
 *   dark mode (the system's, emulated);
 * - at 200% zoom (the same layout as a viewport half as wide and half as tall) nothing runs off
 *   the side of the page and no text is cut off;
 * - the keyboard alone reaches every control (Tab), and each shows where the focus is.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionId } from '../../scripts/chromium';
import { expect, openPopup, tags, test } from './fixtures';

type Scheme = 'light' | 'dark';

/** axe's findings on `page` (or within `include`), as readable lines: rule, impact, where, why. */
async function axeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact ?? 'n/a'}): ${JSON.stringify(node.target)} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`),
  );
}

/** The reference article with its tags drawn, in `scheme`. */
async function openArticle(context: BrowserContext, origin: string, scheme: Scheme): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${origin}/seed-article.html`);
  await expect(tags(page).first()).toBeVisible();
  return page;
}

/** The popup for `article`, in `scheme`, its claims listed. */
async function openPopupFor(context: BrowserContext, article: Page, scheme: Scheme): Promise<Page> {
  const popup = await openPopup(context, article);
  await popup.emulateMedia({ colorScheme: scheme });
  await expect(popup.getByTestId('claim').first()).toBeVisible();
  return popup;
}

/**
 * Through the popup: rate KCNA (so tiers show in every view) and save a note and a verdict on
 * one of its claims; wait for "Saved".
 */
async function saveOneAnnotation(popup: Page): Promise<void> {
  await popup.getByLabel('Credibility of KCNA').selectOption('propaganda');
  await popup.getByRole('group', { name: 'Rating of KCNA' }).getByRole('button', { name: 'Save rating' }).click();
  await expect(popup.getByRole('status')).toContainText('Saved the rating of KCNA');
  const claim = popup.getByTestId('claim').filter({ hasText: 'working groups had reached a deal' });
  await claim.getByLabel('Note').fill('Check against the Russian readout');
  await claim.getByLabel('Verdict').selectOption('unverifiable');
  await claim.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toContainText(/Saved the annotation/);
  await expect(claim.getByTestId('claim-annotated')).toBeVisible();
}

async function openExtensionPage(context: BrowserContext, path: string, scheme: Scheme): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${await extensionId(context)}/${path}`);
  return page;
}

async function openLibrary(context: BrowserContext, scheme: Scheme): Promise<Page> {
  const library = await openExtensionPage(context, 'library.html', scheme);
  await expect(library.getByTestId('annotation-row').first()).toBeVisible();
  return library;
}

async function openOptions(context: BrowserContext, scheme: Scheme): Promise<Page> {
  const options = await openExtensionPage(context, 'options.html', scheme);
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(options.getByTestId('registry-source').first()).toBeVisible();
  return options;
}

/** Open the card of the first claim by clicking its tag (the card keeps the focus). */
async function openCard(article: Page): Promise<void> {
  await tags(article).first().click();
  await expect(article.locator('#sourcemark-root .sm-card')).toBeVisible();
}

/**
 * What would be lost at this size: the page scrolling sideways, visible elements running past
 * the viewport's sides, and text cut by `overflow: hidden`/`clip` without a sign that it was
 * cut (an ellipsis or a line clamp, whose full text is one click or focus away). Looks into
 * open shadow roots. Returns readable lines; empty when all is well.
 */
function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`the page scrolls sideways: ${doc.scrollWidth}px of content in ${doc.clientWidth}px`);
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `<${el.tagName.toLowerCase()}${cls}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };
    const all: Element[] = [];
    const collect = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) collect(el.shadowRoot);
      }
    };
    collect(document);
    // Inside a box that scrolls sideways itself, running past the viewport is fine.
    const scrollsSideways = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && p.scrollWidth > p.clientWidth) return true;
      }
      return false;
    };
    for (const el of all) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue; // visually hidden text, probes
      if (el.closest('[hidden], [aria-hidden="true"]')) continue;
      if ((rect.right > doc.clientWidth + 1 || rect.left < -1) && !scrollsSideways(el)) {
        problems.push(`${describe(el)} runs past the viewport (${Math.round(rect.left)}–${Math.round(rect.right)} of ${doc.clientWidth}px)`);
      }
      const clips = (v: string) => v === 'hidden' || v === 'clip';
      const cutMarked = style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
      if (clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && !cutMarked) {
        problems.push(`${describe(el)} cuts its content sideways (${el.scrollWidth}px in ${el.clientWidth}px)`);
      }
      if (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 1 && !cutMarked) {
        problems.push(`${describe(el)} cuts its content at the bottom (${el.scrollHeight}px in ${el.clientHeight}px)`);
      }
    }
    return problems;
  });
}

/** The element that has the focus, looking into open shadow roots. */
const FOCUSED = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el;
})()`;

/**
 * Press Tab until the focus comes back round (or `limit` presses), and return, for each
 * control of `scope` that could take the focus, whether Tab reached it and whether it then
 * showed a focus indicator (an outline or a box shadow different from its unfocused look).
 */
async function tabThrough(page: Page, scope: string, limit = 400): Promise<{ unreached: string[]; noIndicator: string[]; reached: number }> {
  // Mark the candidates: visible, enabled, in the tab order.
  const total = await page.evaluate((scopeSelector) => {
    const found: Element[] = [];
    const walk = (root: Document | ShadowRoot | Element) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        found.push(el);
      }
    };
    const scopeEl = document.querySelector(scopeSelector);
    if (!scopeEl) throw new Error(`No ${scopeSelector} on the page.`);
    walk(scopeEl);
    if (scopeEl.shadowRoot) walk(scopeEl.shadowRoot);
    let n = 0;
    for (const el of found) {
      if (!(el instanceof HTMLElement)) continue;
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || (rect.width === 0 && rect.height === 0)) continue;
      if (el.closest('[hidden]')) continue;
      // A radio group is one Tab stop (its checked radio, else its first); arrows move inside it.
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        const group = [...(el.form ?? document).querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(el.name)}"]`)];
        const stop = group.find((r) => r.checked) ?? group[0];
        if (stop !== el) continue;
      }
      el.dataset.a11yTab = String(n++);
    }
    return n;
  }, scope);
  const seen = new Map<string, boolean>();
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
  });
  let first: string | null = null;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((expr) => {
      const el = (0, eval)(expr) as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1;
      const shadow = style.boxShadow !== 'none';
      // Focusable elements outside the scope (the page's own links) get an id on the way, so
      // that the loop can tell when the focus has come round.
      if (!el.dataset.a11yTab && !el.dataset.a11yOther) el.dataset.a11yOther = String(document.querySelectorAll('[data-a11y-other]').length);
      return { id: el.dataset.a11yTab ?? `other:${el.dataset.a11yOther}`, visible: outline || shadow };
    }, FOCUSED);
    if (!focused) continue;
    if (focused.id === first) break;
    first ??= focused.id;
    if (!focused.id.startsWith('other:') && !seen.has(focused.id)) seen.set(focused.id, focused.visible);
    if (seen.size === total && i > total) break;
  }
  const names = await page.evaluate(() => {
    const out: Record<string, string> = {};
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (el.dataset.a11yTab) out[el.dataset.a11yTab] = `<${el.tagName.toLowerCase()}> ${el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40)}`;
      }
    };
    walk(document);
    return out;
  });
  const unreached: string[] = [];
  const noIndicator: string[] = [];
  for (let i = 0; i < total; i++) {
    const id = String(i);
    if (!seen.has(id)) unreached.push(names[id] ?? id);
    else if (!seen.get(id)) noIndicator.push(names[id] ?? id);
  }
  return { unreached, noIndicator, reached: seen.size };
}

test.describe('accessibility', () => {
  // axe over the options page's ~190 sources takes a while on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations on the popup and the in-page claim card in ${scheme} mode`, async ({ launch, server }) => {
      const context = await launch();
      const article = await openArticle(context, server.origin, scheme);
      const popup = await openPopupFor(context, article, scheme);
      await saveOneAnnotation(popup);
      await popup.getByText('Keyboard shortcuts').click(); // open, so its lists are checked too
      expect(await axeViolations(popup), 'popup').toEqual([]);
      await popup.close();

      // The popup that cannot read its page says so, readably too.
      const failed = await openExtensionPage(context, 'popup.html?tabId=999999', scheme);
      await expect(failed.getByTestId('page-error')).toBeVisible();
      expect(await axeViolations(failed), 'popup, page not readable').toEqual([]);
      await failed.close();

      await article.bringToFront();
      await openCard(article);
      expect(await axeViolations(article, '#sourcemark-root'), 'claim card and tags').toEqual([]);
    });

    test(`axe finds no violations on the library and the options page in ${scheme} mode`, async ({ launch, server }) => {
      const context = await launch();
      const article = await openArticle(context, server.origin, scheme);
      const popup = await openPopupFor(context, article, scheme);
      await saveOneAnnotation(popup);
      await popup.close();

      const library = await openLibrary(context, scheme);
      expect(await axeViolations(library), 'library').toEqual([]);
      await library.getByRole('button', { name: 'By source' }).click();
      await expect(library.getByRole('table')).toBeVisible();
      expect(await axeViolations(library), 'library, by source').toEqual([]);
      await library.close();

      const options = await openOptions(context, scheme);
      expect(await axeViolations(options), 'options').toEqual([]);
      // With the add form's error showing.
      await options.getByRole('button', { name: 'Add source' }).click();
      await expect(options.getByTestId('form-error')).toBeVisible();
      expect(await axeViolations(options), 'options, with a form error').toEqual([]);
    });
  }

  test('at 200% zoom nothing runs off the side or is cut off', async ({ launch, server }) => {
    const context = await launch();
    const article = await openArticle(context, server.origin, 'light');
    const popup = await openPopupFor(context, article, 'light');
    await saveOneAnnotation(popup);
    // Chrome's popup is at most 800 × 600 device pixels: 400 × 300 CSS pixels at 200%.
    await popup.setViewportSize({ width: 400, height: 300 });
    expect(await overflowProblems(popup), 'popup').toEqual([]);
    await popup.getByText('Keyboard shortcuts').click();
    expect(await overflowProblems(popup), 'popup, keyboard shortcuts open').toEqual([]);

    // A 1280 × 900 window at 200%.
    const half = { width: 640, height: 450 };
    const library = await openLibrary(context, 'light');
    await library.setViewportSize(half);
    expect(await overflowProblems(library), 'library').toEqual([]);
    const options = await openOptions(context, 'light');
    await options.setViewportSize(half);
    expect(await overflowProblems(options), 'options').toEqual([]);

    await article.setViewportSize(half);
    await article.bringToFront();
    await openCard(article);
    expect(await overflowProblems(article), 'article with the claim card').toEqual([]);
  });

  test('the keyboard alone reaches every control, and the focus is always visible', async ({ launch, server }) => {
    const context = await launch();
    const article = await openArticle(context, server.origin, 'light');
    const popup = await openPopupFor(context, article, 'light');
    await saveOneAnnotation(popup);
    const inPopup = await tabThrough(popup, '#app');
    expect(inPopup.unreached, 'popup controls Tab never reached').toEqual([]);
    expect(inPopup.noIndicator, 'popup controls without a focus indicator').toEqual([]);
    expect(inPopup.reached).toBeGreaterThan(20);
    await popup.close();

    const library = await openLibrary(context, 'light');
    const inLibrary = await tabThrough(library, '#app');
    expect(inLibrary.unreached, 'library controls Tab never reached').toEqual([]);
    expect(inLibrary.noIndicator, 'library controls without a focus indicator').toEqual([]);
    await library.close();

    const options = await openOptions(context, 'light');
    const inOptions = await tabThrough(options, '#app', 800);
    expect(inOptions.unreached, 'options controls Tab never reached').toEqual([]);
    expect(inOptions.noIndicator, 'options controls without a focus indicator').toEqual([]);
    await options.close();

    // On the article: every tag, and the card's close button once a tag opened the card.
    await article.bringToFront();
    const onArticle = await tabThrough(article, '#sourcemark-root');
    expect(onArticle.unreached, 'tags Tab never reached').toEqual([]);
    expect(onArticle.noIndicator, 'tags without a focus indicator').toEqual([]);
    expect(onArticle.reached).toBeGreaterThanOrEqual(await tags(article).count());
    await tags(article).first().focus();
    await expect(article.locator('#sourcemark-root .sm-card')).toBeVisible();
    await article.keyboard.press('Tab');
    const closeFocused = await article.evaluate((expr) => {
      const el = (0, eval)(expr) as HTMLElement | null;
      const style = el ? getComputedStyle(el) : null;
      return { label: el?.getAttribute('aria-label') ?? null, outline: style?.outlineStyle ?? 'none' };
    }, FOCUSED);
    expect(closeFocused).toEqual({ label: 'Close claim details', outline: 'solid' });
    await article.keyboard.press('Escape');
    await expect(article.locator('#sourcemark-root .sm-card')).toBeHidden();
  });

  test('the popup and the library list their keyboard shortcuts, and Ctrl+Enter saves in the popup', async ({ launch, server }) => {
    const context = await launch();
    const article = await openArticle(context, server.origin, 'light');
    const popup = await openPopupFor(context, article, 'light');
    const popupShortcuts = popup.getByRole('region', { name: 'Keyboard shortcuts' });
    await popupShortcuts.getByText('Keyboard shortcuts').click();
    await expect(popupShortcuts).toContainText('open this popup from any page');
    await expect(popupShortcuts.locator('kbd', { hasText: 'Alt' })).toBeVisible();

    // Ctrl+Enter in a note saves that claim, from the keyboard.
    const claim = popup.getByTestId('claim').filter({ hasText: 'working groups had reached a deal' });
    await claim.getByLabel('Note').fill('Saved from the keyboard');
    await claim.getByLabel('Note').press('Control+Enter');
    await expect(popup.getByRole('status')).toContainText(/Saved the annotation/);
    await expect(claim.getByTestId('claim-annotated')).toBeVisible();
    await expect(claim.getByLabel('Note')).toHaveValue('Saved from the keyboard');
    // And in a rating's rationale, the rating.
    await popup.getByLabel('Rating rationale for KCNA').fill('State-run');
    await popup.getByLabel('Rating rationale for KCNA').press('Control+Enter');
    await expect(popup.getByRole('status')).toContainText('Saved the rating of KCNA');
    await popup.close();

    const library = await openLibrary(context, 'light');
    const libraryShortcuts = library.getByRole('region', { name: 'Keyboard shortcuts' });
    await expect(libraryShortcuts).toContainText('search');
    await expect(libraryShortcuts.locator('kbd')).toHaveCount(7);
  });
});
