// @vitest-environment happy-dom
/**
 * A long page read with the built-in detector: the viewport's segments first, then the whole text
 * as one document, a few blocks per slice. Its claims are exactly those of one detection over the
 * page's text, which reading segment by segment (with only some context) could not promise.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateArticle } from '../../../bench/generate-article';
import { extractText } from '../../../lib/anchor/dom-text';
import { detectClaims } from '../../../lib/detect';
import { HOST_ID } from '../../../lib/highlight/overlay';
import type { BackgroundRequest, PageSnapshot, Result } from '../../../lib/messages';
import { startPage } from '../../../lib/page/run-page';

const controllers: AbortController[] = [];

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  vi.unstubAllGlobals();
  document.getElementById(HOST_ID)?.remove();
  document.body.innerHTML = '';
});

/** The page's article: each paragraph of the generated text a <p>, built without innerHTML of text. */
function writeArticle(text: string): void {
  const article = document.createElement('article');
  for (const paragraph of text.split('\n\n')) {
    const p = document.createElement('p');
    p.textContent = paragraph;
    article.append(p);
  }
  document.body.replaceChildren(article);
}

/** Start the content script's pipeline on the article written to the page, with `slicing`. */
function startLongPage(slicing: Parameters<typeof startPage>[0]['slicing']) {
  const controller = new AbortController();
  controllers.push(controller);
  return startPage({
    document,
    location: { href: 'https://news.example.com/long' },
    sendMessage: async (message: BackgroundRequest) => ({ ok: true, value: message.type === 'sources:list' || message.type === 'annotations:for-page' ? [] : null }),
    signal: controller.signal,
    log: { warn: vi.fn() },
    followChanges: false,
    slicing,
  });
}

describe('a long page read with the built-in detector', () => {
  it('gets the claims of one detection over the whole text, read in many slices', async () => {
    writeArticle(generateArticle(30_000));
    const yields = vi.fn(async () => undefined);
    let clock = 0;
    // Small segments and a clock that runs fast: many segments, a yield every few blocks.
    const session = startLongPage({ segmentLength: 2_000, singlePassLimit: 0, budgetMs: 3, now: () => (clock += 1), yieldToMain: yields });
    await session.ready;
    const result = (await session.handleMessage({ type: 'page:claims' })) as Result<PageSnapshot>;
    if (!result.ok) throw new Error(result.error);
    const text = extractText(document.body).text;
    const expected = detectClaims(text);
    expect(expected.length).toBeGreaterThan(50);
    expect(yields.mock.calls.length).toBeGreaterThan(20);
    expect(result.value.claims.map((c) => ({ start: c.start, end: c.end, text: c.text, attributions: c.attributions }))).toEqual(
      expected.map((c) => ({ start: c.start, end: c.end, text: c.text, attributions: c.attributions })),
    );
  });

  it('paints the first highlights before it makes their tags, and has every tag made when ready', async () => {
    // A minimal Highlight API, as Chromium provides it (happy-dom has none).
    const tagsWhenPainted: number[] = [];
    const tagCount = () => document.getElementById(HOST_ID)?.shadowRoot?.querySelectorAll('.sm-tag').length ?? 0;
    class FakeHighlight extends Set<Range> {
      priority = 0;
      override add(range: Range): this {
        tagsWhenPainted.push(tagCount());
        return super.add(range);
      }
    }
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: new Map<string, FakeHighlight>() });
    writeArticle(generateArticle(30_000));
    const session = startLongPage({ segmentLength: 2_000, singlePassLimit: 0 });
    await session.ready;
    // The first batch's ranges went into the highlights while no tag was on the page yet.
    expect(tagsWhenPainted.length).toBeGreaterThan(0);
    expect(tagsWhenPainted[0]).toBe(0);
    const result = (await session.handleMessage({ type: 'page:claims' })) as Result<PageSnapshot>;
    if (!result.ok) throw new Error(result.error);
    const starts = new Set(result.value.claims.map((c) => String(c.start)));
    const tags = Array.from(document.getElementById(HOST_ID)?.shadowRoot?.querySelectorAll('.sm-tag') ?? []);
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(starts.has(tag.getAttribute('data-claim-start') ?? '')).toBe(true);
  });
});
