/**
 * The built extension as shipped: least permissions, and a content script (which runs on every
 * page a person reads) that carries neither the database nor the UI framework.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from '../../scripts/chromium';

test('the manifest asks only for downloads, storage, alarms and contextMenus, no host permissions beyond the content script, and team sync hosts only as optional', async () => {
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  // contextMenus: "Annotate selection with Sourcemark" on selected text (no install warning).
  expect(manifest.permissions).toEqual(['downloads', 'storage', 'alarms', 'contextMenus']);
  // The keyboard shortcut of the same action, through the commands API (needs no permission).
  expect(manifest.commands?.['annotate-selection']?.suggested_key?.default).toBe('Alt+Shift+M');
  // Team sync asks for its one server at run time; nothing is granted at install.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.content_scripts?.[0]?.matches).toEqual(['<all_urls>']);
});

test('the content script bundle carries neither Dexie nor Preact', async () => {
  const bundle = await readFile(join(EXTENSION_DIR, 'content-scripts', 'claims.js'), 'utf8');
  expect(bundle.length).toBeGreaterThan(1000);
  expect(bundle).not.toMatch(/\bDexie\b|indexedDB/);
  expect(bundle).not.toMatch(/__PREACT|preact/i);
});

test("the popup's early script is loaded before its module and stays small: no Dexie, no Preact", async () => {
  const html = await readFile(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const early = html.indexOf('src="/popup-early.js"');
  expect(early).toBeGreaterThan(0);
  expect(early).toBeLessThan(html.indexOf('type="module"'));
  const bundle = await readFile(join(EXTENSION_DIR, 'popup-early.js'), 'utf8');
  expect(bundle).toMatch(/indexedDB/);
  expect(bundle).not.toMatch(/\bDexie\b/);
  expect(bundle).not.toMatch(/__PREACT|preact/i);
  // Most of what is left is webextension-polyfill; valibot would double it.
  expect(bundle.length).toBeLessThan(20_000);
});

test('popup.html carries its stylesheet inline: no stylesheet file to fetch before the first paint', async () => {
  const html = await readFile(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  expect(html).not.toMatch(/rel="stylesheet"/);
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  // The theme and the popup's own rules are both in it.
  expect(style).toMatch(/prefers-color-scheme|color-scheme/);
  expect(style).toMatch(/\.page-body\b/);
});
