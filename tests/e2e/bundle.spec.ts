/**
 * The built extension as shipped: least permissions, and a content script (which runs on every
 * page a person reads) that carries neither the database nor the UI framework.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from '../../scripts/chromium';

test('the manifest asks only for downloads, storage and alarms, no host permissions beyond the content script, and team sync hosts only as optional', async () => {
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions).toEqual(['downloads', 'storage', 'alarms']);
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
