/**
 * Finding Debian's Chromium and launching it with the built extension, shared by the demo,
 * the end-to-end tests and the benchmarks. Playwright drives the system Chromium; it never
 * downloads a browser of its own.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** Where `wxt build` puts the Chrome MV3 extension. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3');

const CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];

/** The Chromium executable: `CHROMIUM_PATH` if set, else Debian's. Null when none is found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** The message shown wherever Chromium is needed and missing. */
export const NO_CHROMIUM_MESSAGE =
  'No Chromium found. Install Debian\'s: `sudo apt-get install -y chromium`, or point CHROMIUM_PATH at a Chromium/Chrome executable.';

/** Options for `launchWithExtension`. */
export type LaunchOptions = {
  /** Profile directory; reuse it to reopen the same profile. */
  profileDir: string;
  headless: boolean;
  /** Where downloads land (they are accepted only when this is set). */
  downloadsPath?: string;
  /** Extra Chromium flags. */
  args?: string[];
  /** The browser's environment (e.g. `DISPLAY` for a headed run on a private X server); Playwright's default otherwise. */
  env?: Record<string, string | undefined>;
};

/**
 * Launch Chromium with the built extension loaded in a persistent profile. The flags keep
 * Chromium off the network it cannot reach here (see SETUP-NOTES) without blocking 127.0.0.1.
 */
export async function launchWithExtension(options: LaunchOptions): Promise<BrowserContext> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npx wxt build\` first.`);
  }
  return chromium.launchPersistentContext(options.profileDir, {
    executablePath,
    headless: options.headless,
    acceptDownloads: options.downloadsPath !== undefined,
    downloadsPath: options.downloadsPath,
    ...(options.env && { env: options.env }),
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ...(options.args ?? []),
    ],
  });
}

/** The extension's service worker (waits for it to start). */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return running ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') });
}

/** The extension's id, from its service worker's URL. */
export async function extensionId(context: BrowserContext): Promise<string> {
  const worker = await extensionWorker(context);
  const id = new URL(worker.url()).host;
  if (!id) throw new Error(`Unexpected service worker URL ${worker.url()}`);
  return id;
}

/** The one `chrome.*` call evaluated in the service worker here (a type, not @types/chrome for one function). */
type TabsInWorker = { tabs: { query(q: object): Promise<{ id?: number }[]> } };

/**
 * The id Chromium gave the tab showing `page`: bring it to the front and ask the service worker
 * for the active tab. Sourcemark has no `tabs` permission, so tab URLs are hidden from it and a
 * tab cannot be looked up by URL.
 */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  const worker = await extensionWorker(context);
  await page.bringToFront();
  const id = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: TabsInWorker }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (id === null) throw new Error(`No active tab found for ${page.url()}`);
  return id;
}

/**
 * Open the popup for the tab showing `page`. Automation cannot click the toolbar button, so the
 * popup page opens in a tab of its own and is told which tab to work on (`?tabId=`).
 */
export async function openPopup(context: BrowserContext, page: Page): Promise<Page> {
  const [id, tabId] = await Promise.all([extensionId(context), tabIdOf(context, page)]);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html?tabId=${tabId}`);
  return popup;
}
