import { describe, expect, it } from 'vitest';
import { isTrackingParam, normalisePageUrl } from '../../lib/page-url';

describe('normalisePageUrl', () => {
  it.each([
    ['drops the fragment', 'https://example.com/a/b#section-2', 'https://example.com/a/b'],
    ['lowercases the host', 'https://News.Example.COM/Story', 'https://news.example.com/Story'],
    [
      'drops utm_* parameters',
      'https://example.com/a?utm_source=tw&utm_medium=social&id=7',
      'https://example.com/a?id=7',
    ],
    [
      'drops click ids and mailing-list ids',
      'https://example.com/a?fbclid=x&gclid=y&mc_cid=z&mc_eid=w&ref=home&cmpid=rss',
      'https://example.com/a',
    ],
    [
      'keeps other parameters in their order and encoding',
      'https://example.com/search?z=1&utm_campaign=c&a=hello%20world&m=a+b',
      'https://example.com/search?z=1&a=hello%20world&m=a+b',
    ],
    ['matches tracking names case-insensitively', 'https://example.com/a?UTM_Source=x&CMP=share&p=2', 'https://example.com/a?p=2'],
    ['removes a query left empty', 'https://example.com/a?utm_source=x#top', 'https://example.com/a'],
    ['keeps the path case and trailing slash', 'https://example.com/News/Item/', 'https://example.com/News/Item/'],
    ['drops a default port', 'https://example.com:443/a', 'https://example.com/a'],
    ['keeps a parameter that only starts like a tracking one', 'https://example.com/a?reference=1&refresh=0', 'https://example.com/a?reference=1&refresh=0'],
  ])('%s', (_name, input, expected) => {
    expect(normalisePageUrl(input)).toBe(expected);
  });

  it('prefers an absolute http(s) canonical URL, normalised the same way', () => {
    expect(normalisePageUrl('https://m.example.com/a?utm_source=x', 'https://WWW.example.com/a?ref=amp#x')).toBe(
      'https://www.example.com/a',
    );
  });

  it.each([
    ['empty', ''],
    ['relative', '/a/b'],
    ['javascript:', 'javascript:alert(1)'],
    ['not a URL', 'http://'],
  ])('ignores a %s canonical URL', (_name, canonical) => {
    expect(normalisePageUrl('https://example.com/a#b', canonical)).toBe('https://example.com/a');
  });

  it('ignores a null canonical', () => {
    expect(normalisePageUrl('https://example.com/a', null)).toBe('https://example.com/a');
  });

  it('keeps a non-http URL as written, minus its fragment', () => {
    expect(normalisePageUrl('file:///tmp/page.html#x')).toBe('file:///tmp/page.html');
    expect(normalisePageUrl('not a url#frag')).toBe('not a url');
  });

  it('is idempotent', () => {
    const once = normalisePageUrl('https://Example.com/a?b=1&utm_x=2&c=%C3%A9#f');
    expect(normalisePageUrl(once)).toBe(once);
  });
});

describe('isTrackingParam', () => {
  it.each([
    ['utm_source', true],
    ['utm_anything', true],
    ['fbclid', true],
    ['ref', true],
    ['page', false],
    ['id', false],
    ['referrer_id', false],
  ])('%s → %s', (name, expected) => {
    expect(isTrackingParam(name)).toBe(expected);
  });
});

describe('normalisePageUrl with a canonical URL from another host', () => {
  it.each([
    ['an AMP host of the same site', 'https://amp.example.com/a?utm_source=x', 'https://www.example.com/a', 'https://www.example.com/a'],
    ['a mobile host under a two-level country suffix', 'https://m.bbc.co.uk/news/1', 'https://www.bbc.co.uk/news/1', 'https://www.bbc.co.uk/news/1'],
  ])('accepts %s', (_name, url, canonical, expected) => {
    expect(normalisePageUrl(url, canonical)).toBe(expected);
  });

  it.each([
    ['another site', 'https://evil.example.net/a', 'https://news.example.com/story'],
    ['another site under the same country suffix', 'https://evil.co.uk/a', 'https://bbc.co.uk/story'],
  ])('refuses %s, so a page cannot read the annotations of a URL it does not own', (_name, url, canonical) => {
    expect(normalisePageUrl(url, canonical)).toBe(url);
  });
});
