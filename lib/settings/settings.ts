/**
 * The user's switches for highlights (on or off everywhere, and off on chosen sites) and the
 * name they sign their source ratings with. Pure:
 * types, defaults and the rules; lib/settings/storage.ts keeps them in `storage.local`, where
 * the content script reads them at start without a round trip to the background.
 */

/** What the user chose. */
export type Settings = {
  /** Highlights everywhere: false switches Sourcemark's marks and tags off on every site. */
  highlights: boolean;
  /** Sites (see `siteOf`) where highlights are off, sorted, without duplicates. */
  disabledSites: string[];
  /** The user's name or initials, prefilled as "Rated by" on source ratings; absent until set. */
  raterName?: string;
};

/** A fresh install: highlights on everywhere. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({ highlights: true, disabledSites: [] as string[] }) as Settings;

/** The `storage.local` key the settings live under. */
export const SETTINGS_KEY = 'sourcemark:settings';

/** Most sites kept in `disabledSites` (a bound on what a corrupted store can make us read). */
export const MAX_DISABLED_SITES = 10_000;

/** Longest rater name kept, in characters (a name or initials). */
export const MAX_RATER_NAME_LENGTH = 80;

/** The rater name to keep: white space collapsed, cut to `MAX_RATER_NAME_LENGTH`; '' for none. */
export function normaliseRaterName(raw: unknown): string {
  return typeof raw === 'string' ? raw.replace(/\s+/gu, ' ').trim().slice(0, MAX_RATER_NAME_LENGTH) : '';
}

/** Whether a page shows highlights, and if not, which switch says so. */
export type HighlightState = 'on' | 'off-site' | 'off-everywhere';

/**
 * The site a page belongs to for the per-site switch: its host name, lower case, without a
 * leading `www.` (example.com and www.example.com are one site; news.example.com is another).
 * '' for a URL without a host (file:, data:, about:).
 */
export function siteOf(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** True for a plausible host name (what `siteOf` returns for an http(s) URL). */
function isSite(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 253 && /^[a-z0-9.\-[\]:_]+$/.test(value);
}

/**
 * Settings from whatever the store holds: missing or malformed fields take their defaults, so an
 * older or damaged value never stops the extension (it is read on every page).
 */
export function parseSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_SETTINGS, disabledSites: [] };
  const record = raw as Record<string, unknown>;
  const highlights = typeof record.highlights === 'boolean' ? record.highlights : DEFAULT_SETTINGS.highlights;
  const sites = Array.isArray(record.disabledSites) ? record.disabledSites.filter(isSite).slice(0, MAX_DISABLED_SITES) : [];
  const raterName = normaliseRaterName(record.raterName);
  const settings: Settings = { highlights, disabledSites: [...new Set(sites)].sort() };
  if (raterName) settings.raterName = raterName;
  return settings;
}

/** Whether `site` shows highlights under `settings`, and which switch turned them off. */
export function highlightState(settings: Settings, site: string): HighlightState {
  if (!settings.highlights) return 'off-everywhere';
  return site !== '' && settings.disabledSites.includes(site) ? 'off-site' : 'on';
}

/** The settings with highlights switched on or off on `site` (the global switch untouched). */
export function withSite(settings: Settings, site: string, on: boolean): Settings {
  const others = settings.disabledSites.filter((s) => s !== site);
  const disabledSites = on || site === '' ? others : [...others, site].sort();
  return { ...settings, disabledSites };
}

/** The settings with the rater name set (an empty name removes it). */
export function withRaterName(settings: Settings, name: string): Settings {
  const { raterName: _old, ...rest } = settings;
  const raterName = normaliseRaterName(name);
  return raterName ? { ...rest, raterName } : rest;
}

/** The settings with highlights switched on or off everywhere (per-site choices kept). */
export function withEverywhere(settings: Settings, on: boolean): Settings {
  return { ...settings, highlights: on };
}
