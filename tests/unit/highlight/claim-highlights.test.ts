// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractText, rangeFromOffsets } from '../../../lib/anchor/dom-text';
import {
  ANNOTATED_HIGHLIGHT,
  CLAIM_HIGHLIGHT,
  createClaimHighlighter,
  FALLBACK_ATTRIBUTE,
  FALLBACK_TIER_ATTRIBUTE,
  installEarlyPageStyle,
  PAGE_STYLE_ID,
  RATED_TIERS,
  supportsHighlightApi,
  tierHighlight,
} from '../../../lib/highlight/claim-highlights';

const ARTICLE =
  '<p>Intro. State agency <a href="/k">KCNA</a> <em>said</em> on Wednesday. Then more.</p>' +
  '<p>Second paragraph, with <strong>no</strong> claim.</p><script>var said = 1;</script>';

function page(html = ARTICLE) {
  document.body.innerHTML = html;
  return extractText(document.body);
}

/** The range of `quote` in the extracted body text. */
function rangeOf(quote: string) {
  const extracted = extractText(document.body);
  const start = extracted.text.indexOf(quote);
  return rangeFromOffsets(extracted, start, start + quote.length);
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('createClaimHighlighter without the Highlight API (happy-dom has none)', () => {
  it('falls back to <mark> wrapping', () => {
    expect(supportsHighlightApi(document)).toBe(false);
    expect(createClaimHighlighter(document).changesDom).toBe(true);
  });

  it('wraps the text of a range that crosses elements, leaving the text unchanged', () => {
    const before = page();
    const highlighter = createClaimHighlighter(document);
    highlighter.draw([{ range: rangeOf('State agency KCNA said on Wednesday.'), kind: 'claim' }]);
    const marks = Array.from(document.querySelectorAll(`mark[${FALLBACK_ATTRIBUTE}]`));
    expect(marks.map((m) => m.textContent).join('')).toBe('State agency KCNA said on Wednesday.');
    expect(marks.every((m) => m.getAttribute(FALLBACK_ATTRIBUTE) === 'claim')).toBe(true);
    // The link keeps its href and text, now inside a mark.
    expect(document.querySelector('a')?.getAttribute('href')).toBe('/k');
    expect(extractText(document.body).text).toBe(before.text);
  });

  it('marks annotated ranges with their kind', () => {
    page();
    const highlighter = createClaimHighlighter(document);
    highlighter.draw([{ range: rangeOf('Second paragraph'), kind: 'annotated' }]);
    expect(document.querySelector(`mark[${FALLBACK_ATTRIBUTE}="annotated"]`)?.textContent).toBe('Second paragraph');
  });

  it('wraps several ranges in one text node', () => {
    page('<p>One said. Two said. Three said.</p>');
    const highlighter = createClaimHighlighter(document);
    const items = ['One said.', 'Three said.'].map((q) => ({ range: rangeOf(q), kind: 'claim' as const }));
    highlighter.draw(items);
    expect(Array.from(document.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['One said.', 'Three said.']);
    expect(document.querySelector('p')?.textContent).toBe('One said. Two said. Three said.');
  });

  it('treats page text as text: markup in it is never parsed', () => {
    page('<p>&lt;img src=x onerror="alert(1)"&gt; he said.</p>');
    const highlighter = createClaimHighlighter(document);
    highlighter.draw([{ range: rangeOf('<img src=x onerror="alert(1)"> he said.'), kind: 'claim' }]);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('mark')?.textContent).toBe('<img src=x onerror="alert(1)"> he said.');
  });

  it('never puts a mark inside a script', () => {
    page();
    const range = document.createRange();
    range.setStartBefore(document.body.firstChild as Node);
    range.setEndAfter(document.body.lastChild as Node);
    createClaimHighlighter(document).draw([{ range, kind: 'claim' }]);
    expect(document.querySelector('script mark')).toBeNull();
    expect(document.querySelector('script')?.textContent).toBe('var said = 1;');
  });

  it('clear() and destroy() put the page back as it was', () => {
    page();
    const html = document.body.innerHTML;
    const highlighter = createClaimHighlighter(document);
    highlighter.draw([{ range: rangeOf('KCNA said'), kind: 'claim' }]);
    expect(document.getElementById(PAGE_STYLE_ID)).not.toBeNull();
    highlighter.clear();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(html);
    highlighter.destroy();
    expect(document.getElementById(PAGE_STYLE_ID)).toBeNull();
  });

  it('adds one <style> with the ::highlight rules, replacing a stale one', () => {
    createClaimHighlighter(document);
    createClaimHighlighter(document);
    const styles = document.querySelectorAll(`#${PAGE_STYLE_ID}`);
    expect(styles).toHaveLength(1);
    expect(styles[0]?.textContent).toContain(`::highlight(${CLAIM_HIGHLIGHT})`);
    expect(styles[0]?.textContent).toContain(`::highlight(${ANNOTATED_HIGHLIGHT})`);
  });
});

describe('createClaimHighlighter with the Highlight API', () => {
  /** A minimal Highlight and registry, as Chromium provides them. */
  function stubHighlightApi() {
    class FakeHighlight extends Set<Range> {
      priority = 0;
      constructor(...ranges: Range[]) {
        super(ranges);
      }
    }
    const registry = new Map<string, FakeHighlight>();
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: registry });
    return registry;
  }

  it('registers claims and annotated claims under their names, without touching the DOM', () => {
    const registry = stubHighlightApi();
    page();
    const html = document.body.innerHTML;
    const highlighter = createClaimHighlighter(document);
    expect(highlighter.changesDom).toBe(false);
    const claim = rangeOf('KCNA said');
    const annotated = rangeOf('Second paragraph');
    highlighter.draw([
      { range: claim, kind: 'claim' },
      { range: annotated, kind: 'annotated' },
    ]);
    expect([...(registry.get(CLAIM_HIGHLIGHT) ?? [])]).toEqual([claim]);
    expect([...(registry.get(ANNOTATED_HIGHLIGHT) ?? [])]).toEqual([annotated]);
    expect(registry.get(ANNOTATED_HIGHLIGHT)?.priority).toBeGreaterThan(registry.get(CLAIM_HIGHLIGHT)?.priority ?? 0);
    expect(document.body.innerHTML).toBe(html);

    highlighter.draw([{ range: annotated, kind: 'claim' }]);
    expect(registry.get(CLAIM_HIGHLIGHT)?.size).toBe(1);
    expect(registry.get(ANNOTATED_HIGHLIGHT)?.size).toBe(0);

    highlighter.destroy();
    expect(registry.size).toBe(0);
    expect(document.getElementById(PAGE_STYLE_ID)).toBeNull();
  });

  it('leaves highlights registered by a newer run alone', () => {
    const registry = stubHighlightApi();
    page();
    const old = createClaimHighlighter(document);
    old.draw([{ range: rangeOf('KCNA said'), kind: 'claim' }]);
    const fresh = createClaimHighlighter(document);
    fresh.draw([{ range: rangeOf('KCNA said'), kind: 'claim' }]);
    const current = registry.get(CLAIM_HIGHLIGHT);
    old.destroy();
    expect(registry.get(CLAIM_HIGHLIGHT)).toBe(current);
  });
});

describe('state and tier highlights', () => {
  function stubHighlightApi() {
    class FakeHighlight extends Set<Range> {
      priority = 0;
    }
    const registry = new Map<string, FakeHighlight>();
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: registry });
    return registry;
  }

  it('paints a rated source’s claim into its tier’s highlight as well, and repaints on change', () => {
    const registry = stubHighlightApi();
    page();
    const highlighter = createClaimHighlighter(document);
    const claim = rangeOf('KCNA said');
    const other = rangeOf('Second paragraph');
    highlighter.add([
      { range: claim, kind: 'claim', tier: 'propaganda' },
      { range: other, kind: 'annotated', tier: 'unrated' },
    ]);
    expect([...(registry.get(tierHighlight('propaganda')) ?? [])]).toEqual([claim]);
    expect([...(registry.get(CLAIM_HIGHLIGHT) ?? [])]).toEqual([claim]);
    expect([...(registry.get(ANNOTATED_HIGHLIGHT) ?? [])]).toEqual([other]);
    expect(registry.get(tierHighlight('propaganda'))?.priority).toBeGreaterThan(registry.get(ANNOTATED_HIGHLIGHT)?.priority ?? 0);

    // Rated again and annotated: moved, not duplicated.
    highlighter.add([{ range: claim, kind: 'annotated', tier: 'reliable' }]);
    expect(registry.get(tierHighlight('propaganda'))?.size).toBe(0);
    expect([...(registry.get(tierHighlight('reliable')) ?? [])]).toEqual([claim]);
    expect(registry.get(CLAIM_HIGHLIGHT)?.size).toBe(0);
    expect(registry.get(ANNOTATED_HIGHLIGHT)?.size).toBe(2);

    highlighter.remove([claim]);
    expect(registry.get(tierHighlight('reliable'))?.size).toBe(0);
    expect([...(registry.get(ANNOTATED_HIGHLIGHT) ?? [])]).toEqual([other]);
  });

  it('styles each tier with its own line style as well as colour', () => {
    createClaimHighlighter(document);
    const css = document.getElementById(PAGE_STYLE_ID)?.textContent ?? '';
    for (const tier of RATED_TIERS) expect(css).toContain(`::highlight(${tierHighlight(tier)})`);
    expect(css).toMatch(/sourcemark-tier-reliable\) \{\s*text-decoration: underline solid/);
    expect(css).toMatch(/sourcemark-tier-mixed\) \{\s*text-decoration: underline dashed/);
    expect(css).toMatch(/sourcemark-tier-unreliable\) \{\s*text-decoration: underline wavy/);
  });

  it('marks a rated claim’s fallback <mark> with its tier', () => {
    page();
    createClaimHighlighter(document).draw([{ range: rangeOf('KCNA said'), kind: 'claim', tier: 'mixed' }]);
    const marks = Array.from(document.querySelectorAll(`mark[${FALLBACK_TIER_ATTRIBUTE}="mixed"]`));
    expect(marks.map((m) => m.textContent).join('')).toBe('KCNA said');
  });

  it('keeps an identical stylesheet put in early (no restyling of the page), and replaces a different one', () => {
    installEarlyPageStyle(document);
    const early = document.getElementById(PAGE_STYLE_ID);
    createClaimHighlighter(document);
    expect(document.getElementById(PAGE_STYLE_ID)).toBe(early);
    early?.replaceChildren('/* an older version */');
    createClaimHighlighter(document);
    expect(document.getElementById(PAGE_STYLE_ID)).not.toBe(early);
    expect(document.querySelectorAll(`#${PAGE_STYLE_ID}`)).toHaveLength(1);
  });

  it('release() removes the stylesheet it added, and leaves one put in early', () => {
    page();
    document.getElementById(PAGE_STYLE_ID)?.remove();
    const own = createClaimHighlighter(document);
    own.draw([{ range: rangeOf('KCNA said'), kind: 'claim' }]);
    own.release();
    expect(document.getElementById(PAGE_STYLE_ID)).toBeNull();
    expect(document.querySelectorAll(`mark[${FALLBACK_ATTRIBUTE}]`)).toHaveLength(0);
    installEarlyPageStyle(document);
    const early = document.getElementById(PAGE_STYLE_ID);
    createClaimHighlighter(document).release();
    expect(document.getElementById(PAGE_STYLE_ID)).toBe(early);
  });
});
