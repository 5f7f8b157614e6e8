/**
 * The demo: serve the bundled reference article on 127.0.0.1 and open it in Chromium with the
 * built extension. `--headless` saves screenshots of the annotated page and of the popup instead
 * and prints their paths (for machines with no display).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension, openPopup } from './chromium';
import { startStaticServer } from './static-server';

const ROOT = resolve(import.meta.dirname, '..');
const headless = process.argv.includes('--headless');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (!headless && !hasDisplay) {
  console.error(
    [
      'No display found, so Chromium cannot open a window here.',
      'Either run it under a virtual display:   xvfb-run -a npm run demo',
      'or save screenshots instead:             npm run demo -- --headless',
    ].join('\n'),
  );
  process.exit(2);
}

const server = await startStaticServer(join(ROOT, 'tests', 'fixtures'));
const articleUrl = `${server.origin}/seed-article.html`;
// A profile that outlives the run, so notes and ratings made in the demo are there next time.
const profileDir = join(tmpdir(), 'sourcemark-demo-profile');
const context = await launchWithExtension({ profileDir, headless });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(articleUrl);

if (!headless) {
  console.log(`Sourcemark is loaded. Demo article: ${articleUrl}`);
  console.log('Open the extensions menu (puzzle icon) → Sourcemark for the popup. Close the browser to stop.');
  await new Promise((done) => context.on('close', done));
  await server.close();
  process.exit(0);
}

const outDir = join(ROOT, 'demo-output');
mkdirSync(outDir, { recursive: true });
await page.locator('#sourcemark-root .sm-tag').first().waitFor({ timeout: 15_000 });
const pageShot = join(outDir, 'annotated-page.png');
await page.screenshot({ path: pageShot, fullPage: true });

const popup = await openPopup(context, page);
await popup.setViewportSize({ width: 440, height: 600 });
await popup.getByTestId('source-group').first().waitFor({ timeout: 15_000 });
const popupShot = join(outDir, 'popup.png');
await popup.screenshot({ path: popupShot, fullPage: true });

const tagCount = await page.locator('#sourcemark-root .sm-tag').count();
console.log(`${tagCount} claims tagged on ${articleUrl}`);
console.log(`Screenshot of the annotated page: ${pageShot}`);
console.log(`Screenshot of the popup:          ${popupShot}`);
await context.close();
await server.close();
