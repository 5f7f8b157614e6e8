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
  const page = parseHttpUrl(url);
  const declared = parseHttpUrl(canonical);
  // A page controls its own <link rel="canonical">: accept it only on the same site, or any page
  // could point it at another site's URL and read the annotations saved there.
  const parsed = declared && page && sameSite(declared.hostname, page.hostname) ? declared : page;
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

/**
 * The registrable part of a host name, approximately: the last two labels, or three under a
 * two-letter country code with a short second level ("bbc.co.uk", "abc.net.au"). Written by hand
 * because the Public Suffix List is 200 KB and this only has to keep AMP and mobile hosts
 * (amp.example.com, m.example.com) together and other sites apart.
 */
function siteOf(hostname: string): string {
  const labels = hostname.toLowerCase().split('.');
  const last = labels.at(-1) ?? '';
  const second = labels.at(-2) ?? '';
  const take = last.length === 2 && second.length <= 3 && labels.length > 2 ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** True when two host names belong to the same site (see `siteOf`). */
export function sameSite(a: string, b: string): boolean {
  return siteOf(a) === siteOf(b);
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
