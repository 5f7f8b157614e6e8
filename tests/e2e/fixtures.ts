/**
 * Playwright fixtures: a static server for the test pages, a fresh profile per test, and a
 * launcher that opens Chromium with the built extension (again, on the same profile, to test
 * what survives a browser restart).
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionId, extensionWorker, launchWithExtension, openPopup } from '../../scripts/chromium';
export { openPopup } from '../../scripts/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';
import type { ChromeInWorker } from './chrome-api';

/** Test pages live here and are served from 127.0.0.1. */
export const FIXTURES_DIR = resolve(import.meta.dirname, '..', 'fixtures');

type Fixtures = {
  /** A fresh profile directory for this test. */
  profileDir: string;
  /** Where the extension's downloads land. */
  downloadsDir: string;
  /** Launch (or relaunch) Chromium with the extension on this test's profile. */
  launch: () => Promise<BrowserContext>;
};

export const test = base.extend<Fixtures, { server: StaticServer }>({
  server: [
    async ({}, use) => {
      const server = await startStaticServer(FIXTURES_DIR);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  profileDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'sourcemark-profile-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  downloadsDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'sourcemark-downloads-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  launch: async ({ profileDir, downloadsDir }, use) => {
    const opened: BrowserContext[] = [];
    await use(async () => {
      const context = await launchWithExtension({ profileDir, headless: true, downloadsPath: downloadsDir });
      opened.push(context);
      return context;
    });
    for (const context of opened) await context.close().catch(() => undefined);
  },
});

export { expect };

/** The Sourcemark tags drawn on `page` (inside the open shadow root, which Playwright's CSS engine pierces). */
export const tags = (page: Page) => page.locator('#sourcemark-root .sm-tag');

/** The path of the extension's first completed download (polls until there is one). */
export async function downloadedFile(context: BrowserContext): Promise<string> {
  const worker = await extensionWorker(context);
  let filename = '';
  await expect
    .poll(
      async () => {
        filename = await worker.evaluate(async () => {
          const items = await (globalThis as unknown as { chrome: ChromeInWorker }).chrome.downloads.search({});
          return items.find((d) => d.state === 'complete')?.filename ?? '';
        });
        return filename;
      },
      { message: 'a download completes' },
    )
    .not.toBe('');
  return filename;
}

/**
 * Annotate two claims of the reference article through the popup, as a user would: the KCNA
 * claim with `kcnaNote`, verdict "unverifiable"; the American one "Which authorities?", "false".
 */
export async function annotateTwoClaims(context: BrowserContext, origin: string, kcnaNote = 'Check against the Russian readout'): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${origin}/seed-article.html`);
  await expect(tags(page).first()).toBeVisible();
  const popup = await openPopup(context, page);

  const kcna = popup.getByTestId('claim').filter({ hasText: 'working groups had reached a deal' });
  await kcna.getByLabel('Note').fill(kcnaNote);
  await kcna.getByLabel('Verdict').selectOption('unverifiable');
  await kcna.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toContainText(/saved/i);

  const american = popup.getByTestId('claim').filter({ hasText: 'American authorities claimed' });
  await american.getByLabel('Note').fill('Which authorities?');
  await american.getByLabel('Verdict').selectOption('false');
  await american.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toContainText(/Saved the annotation on “This promise/);
  await popup.close();
  await page.close();
}

/** Open the library page (`search` is its query string, e.g. `?source=kcna`) once its heading shows. */
export async function openLibrary(context: BrowserContext, search = ''): Promise<Page> {
  const library = await context.newPage();
  await library.goto(`chrome-extension://${await extensionId(context)}/library.html${search}`);
  await expect(library.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  return library;
}
