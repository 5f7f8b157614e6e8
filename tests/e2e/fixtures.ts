/**
 * Playwright fixtures: a static server for the test pages, a fresh profile per test, and a
 * launcher that opens Chromium with the built extension (again, on the same profile, to test
 * what survives a browser restart).
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionId, extensionWorker, launchWithExtension } from '../../scripts/chromium';
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

/**
 * The id Chromium gave the tab showing `page`: bring it to the front and ask the service worker
 * for the active tab (without the `tabs` permission, which Sourcemark does not ask for, tab URLs
 * are hidden from the extension, so the tab cannot be looked up by URL).
 */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  const worker = await extensionWorker(context);
  await page.bringToFront();
  const id = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ChromeInWorker }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (id === null) throw new Error(`No active tab found for ${page.url()}`);
  return id;
}

/**
 * Open the popup for the tab showing `page`. A test cannot click the toolbar button, so the
 * popup page is opened in a tab of its own and told which tab to work on (`?tabId=`).
 */
export async function openPopup(context: BrowserContext, page: Page): Promise<Page> {
  const [id, tabId] = await Promise.all([extensionId(context), tabIdOf(context, page)]);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
  return popup;
}

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
