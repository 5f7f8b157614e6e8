/**
 * The key a page's annotations are stored under. Pure: no DOM, no extension API.
 *
 * Two visits to the same article must produce the same key, so everything that varies
 * between visits without changing the page (fragment, campaign tracking, host case) goes.
 */

/** Query parameters that only track where a reader came from; removed from the key. */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_src',
  'ref_url',
  'cmpid',
  'cmp',
  'icid',
  'ito',
  'ocid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'smid',
  'sr_share',
]);

/** Prefixes of tracking parameter families (`utm_source`, `utm_medium`, …). */
const TRACKING_PREFIXES: readonly string[] = ['utm_', 'pk_', 'mtm_', 'at_', 'oly_'];

/** True when `name` (case-insensitive) is a tracking parameter. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Parse an absolute http(s) URL, or null for anything else (relative, `javascript:`, garbage). */
function parseHttpUrl(raw: string | null | undefined): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Normalise a page URL into the key annotations are stored under: the canonical URL when the page
 * declares a usable one (`<link rel="canonical">`, absolute http(s)), else `url`; without the
 * `#fragment` and tracking parameters, host lowercased (the URL parser does it), other parameters
 * kept in their order. A URL that does not parse is returned trimmed, without its fragment, so
 * the caller still gets a stable key.
 */
export function normalisePageUrl(url: string, canonical?: string | null): string {
  const parsed = parseHttpUrl(canonical) ?? parseHttpUrl(url);
  if (!parsed) {
    // Not http(s) (file:, about:, data:…) or not a URL at all: keep it, minus the fragment.
    const trimmed = url.trim();
    const hash = trimmed.indexOf('#');
    return hash === -1 ? trimmed : trimmed.slice(0, hash);
  }
  parsed.hash = '';
  // Rebuild the query by hand: URLSearchParams.toString() re-encodes values ("a b" → "a+b",
  // "%20" → "+"), which would give two keys for one page depending on who normalised it.
  const query = parsed.search.replace(/^\?/, '');
  const kept = query
    .split('&')
    .filter((pair) => pair !== '')
    .filter((pair) => !isTrackingParam(decodeParamName(pair)));
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return parsed.href;
}

/** The decoded name of one `name=value` query pair (undecodable names are compared as written). */
function decodeParamName(pair: string): string {
  const eq = pair.indexOf('=');
  const name = (eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
