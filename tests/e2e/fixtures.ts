/**
 * Playwright fixtures: a static server for the test pages, a fresh profile per test, and a
 * launcher that opens Chromium with the built extension (again, on the same profile, to test
 * what survives a browser restart).
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionWorker, launchWithExtension } from '../../scripts/chromium';
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
