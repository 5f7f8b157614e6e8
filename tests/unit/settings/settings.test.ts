/** The highlight switches: rules, parsing, and their store in storage.local. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  highlightState,
  MAX_RATER_NAME_LENGTH,
  parseSettings,
  SETTINGS_KEY,
  siteOf,
  withEverywhere,
  withRaterName,
  withSite,
} from '../../../lib/settings/settings';
import { createSettingsStore } from '../../../lib/settings/storage';
import { fakeStorage } from './fake-storage';

describe('siteOf', () => {
  it.each([
    ['https://www.Example.com/a?b#c', 'example.com'],
    ['https://news.example.com/a', 'news.example.com'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
    ['file:///home/a.html', ''],
    ['not a url', ''],
  ])('%s → %j', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});

describe('parseSettings', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    [null, DEFAULT_SETTINGS],
    ['on', DEFAULT_SETTINGS],
    [{ highlights: false }, { highlights: false, disabledSites: [] }],
    [{ highlights: 'no', disabledSites: ['b.com', 'a.com', 'a.com', 7, '', 'Bad Site!'] }, { highlights: true, disabledSites: ['a.com', 'b.com'] }],
  ])('%j → %j', (raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });
});

describe('the switches', () => {
  it('off everywhere wins over a site; a site off is off only there', () => {
    const settings = { highlights: true, disabledSites: ['a.com'] };
    expect(highlightState(settings, 'a.com')).toBe('off-site');
    expect(highlightState(settings, 'b.com')).toBe('on');
    expect(highlightState(withEverywhere(settings, false), 'b.com')).toBe('off-everywhere');
    expect(highlightState(settings, '')).toBe('on');
  });

  it('withSite adds and removes a site, keeping the list sorted and free of repeats', () => {
    let settings = withSite(DEFAULT_SETTINGS, 'b.com', false);
    settings = withSite(settings, 'a.com', false);
    settings = withSite(settings, 'a.com', false);
    expect(settings.disabledSites).toEqual(['a.com', 'b.com']);
    expect(withSite(settings, 'a.com', true).disabledSites).toEqual(['b.com']);
    expect(withSite(DEFAULT_SETTINGS, '', false).disabledSites).toEqual([]);
  });
});

describe('the rater name', () => {
  it.each([
    [{ raterName: '  Ana   K. ' }, 'Ana K.'],
    [{ raterName: 'x'.repeat(100) }, 'x'.repeat(MAX_RATER_NAME_LENGTH)],
    [{ raterName: 42 }, undefined],
    [{ raterName: '   ' }, undefined],
    [{}, undefined],
  ])('parseSettings(%j) keeps %j', (raw, name) => {
    expect(parseSettings(raw).raterName).toBe(name);
  });

  it('withRaterName sets, replaces and clears it, leaving the switches alone', () => {
    const named = withRaterName(withSite(DEFAULT_SETTINGS, 'a.com', false), ' Ana ');
    expect(named).toEqual({ highlights: true, disabledSites: ['a.com'], raterName: 'Ana' });
    expect(withRaterName(named, 'Bo').raterName).toBe('Bo');
    expect(withRaterName(named, '  ')).toEqual({ highlights: true, disabledSites: ['a.com'] });
  });

  it('is kept in storage.local across loads, and a switch change keeps it', async () => {
    const store = createSettingsStore(fakeStorage());
    await store.update((s) => withRaterName(s, 'Ana'));
    await store.update((s) => withEverywhere(s, false));
    expect(await store.load()).toEqual({ highlights: false, disabledSites: [], raterName: 'Ana' });
  });
});

describe('createSettingsStore', () => {
  it('loads defaults from an empty store, and what was stored after an update', async () => {
    const storage = fakeStorage();
    const store = createSettingsStore(storage);
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
    const saved = await store.update((s) => withSite(s, 'example.com', false));
    expect(saved.disabledSites).toEqual(['example.com']);
    expect(storage.data.get(SETTINGS_KEY)).toEqual(saved);
    expect(await store.load()).toEqual(saved);
  });

  it('reads malformed stored values as defaults', async () => {
    const store = createSettingsStore(fakeStorage({ [SETTINGS_KEY]: { highlights: 3, disabledSites: 'x' } }));
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
  });

  it('watch() follows changes of its key in storage.local, until the signal aborts', async () => {
    const storage = fakeStorage();
    const store = createSettingsStore(storage);
    const listener = vi.fn();
    const controller = new AbortController();
    store.watch(listener, controller.signal);
    await store.update((s) => withEverywhere(s, false));
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith({ highlights: false, disabledSites: [] }));
    // Other keys and other areas are not ours.
    for (const l of storage.listeners) l({ other: { newValue: 1 } }, 'local');
    for (const l of storage.listeners) l({ [SETTINGS_KEY]: { newValue: { highlights: true } } }, 'sync');
    expect(listener).toHaveBeenCalledTimes(1);
    controller.abort();
    expect(storage.listeners.size).toBe(0);
  });

  it('is pure: no global browser API, no DOM', () => {
    for (const file of ['settings.ts', 'storage.ts']) {
      const code = readFileSync(resolve(import.meta.dirname, '../../../lib/settings', file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code).not.toMatch(/from ['"]wxt\/browser['"]|\bbrowser\.|\bchrome\.|\b(document|window)\s*[.(]/);
    }
  });
});
