// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BLOCK_SEPARATOR,
  extractText,
  offsetAtPoint,
  offsetOfPosition,
  rangeFromOffsets,
} from '../../../lib/anchor/dom-text';

// Not `new URL(…, import.meta.url)`: happy-dom replaces the global URL, which then rejects file: paths.
const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** A fresh <div> holding `html` (test fixtures are trusted markup). */
function fragment(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('extractText', () => {
  it('keeps inline elements in one run of text', () => {
    const root = fragment('<p>State agency <a href="#">KCNA</a> <em>said</em> on <strong>Wednesday</strong>.</p>');
    expect(extractText(root).text).toBe('State agency KCNA said on Wednesday.');
  });

  it('separates paragraphs, list items, quotes and line breaks with a blank line', () => {
    const root = fragment(
      '<p>One.</p><p>Two.</p><ul><li>Three</li><li>Four</li></ul><blockquote>Five</blockquote>Six<br>Seven',
    );
    expect(extractText(root).text).toBe(['One.', 'Two.', 'Three', 'Four', 'Five', 'Six', 'Seven'].join(BLOCK_SEPARATOR));
  });

  it('drops the indentation between block tags but keeps spaces between inline ones', () => {
    const root = fragment('\n  <p>First <a>link</a> <em>word</em></p>\n  <div>\n    <p>Second</p>\n  </div>\n');
    expect(extractText(root).text).toBe(`First link word${BLOCK_SEPARATOR}Second`);
  });

  it('keeps node text 1:1 in length, newlines and tabs as spaces', () => {
    const root = fragment('<p>a line\nbroken\tby the source</p>');
    const { text, chunks } = extractText(root);
    expect(text).toBe('a line broken by the source');
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.node.data.length).toBe(text.length);
  });

  it.each([
    ['script', '<script>var said = 1;</script>'],
    ['style', '<style>p { color: red }</style>'],
    ['noscript', '<noscript>Enable JS, the editor said.</noscript>'],
    ['template', '<template>He said so.</template>'],
    ['textarea', '<textarea>typed</textarea>'],
    ['select', '<select><option>Option said</option></select>'],
    ['button', '<button>Share</button>'],
    ['svg', '<svg><text>icon</text></svg>'],
    ['canvas', '<canvas>fallback text</canvas>'],
    ['nav', '<nav><a>World</a></nav>'],
    ['header', '<header>Site</header>'],
    ['footer', '<footer>© Paper</footer>'],
    ['aside', '<aside>Most read</aside>'],
    ['form', '<form><label>Email</label></form>'],
    ['h1', '<h1>Headline says</h1>'],
    ['h3', '<h3>Subhead</h3>'],
    ['figcaption', '<figure><figcaption>Photo: agency</figcaption></figure>'],
    ['[hidden]', '<div hidden>secret</div>'],
    ['[aria-hidden=true]', '<div aria-hidden="true">Advertisement</div>'],
    ['contenteditable', '<div contenteditable="true">my draft</div>'],
    ['contenteditable (empty value)', '<div contenteditable>my draft</div>'],
    ['the Sourcemark host', '<sourcemark-root>KCNA</sourcemark-root>'],
  ])('skips %s', (_name, html) => {
    const root = fragment(`<p>Before.</p>${html}<p>After.</p>`);
    expect(extractText(root).text).toBe(`Before.${BLOCK_SEPARATOR}After.`);
  });

  it('reads elements that are only marked not hidden', () => {
    const root = fragment('<p aria-hidden="false">Kept</p><div contenteditable="false">Also kept</div>');
    expect(extractText(root).text).toBe(`Kept${BLOCK_SEPARATOR}Also kept`);
  });

  it('separates text around a skipped heading inside one block', () => {
    const root = fragment('<div>Above<h2>Heading</h2>Below</div>');
    expect(extractText(root).text).toBe(`Above${BLOCK_SEPARATOR}Below`);
  });

  it('does not separate text around a skipped inline element', () => {
    const root = fragment('<p>Tap <button>here</button> to share</p>');
    expect(extractText(root).text).toBe('Tap  to share');
  });

  it.each([
    ['a byline by class', '<p class="byline">By Jane Doe, Reuters</p><p>Body.</p>'],
    ['a dateline by a prefixed class', '<span class="article-dateline">SEOUL (Reuters) -</span><p>Body.</p>'],
    ['a photo credit', '<p>Body.</p><span class="photo-credit">Photo: AP</span>'],
    ['a caption by class', '<div class="caption">Protesters in Tbilisi, AFP said.</div><p>Body.</p>'],
    ['an author by microdata', '<span itemprop="author">Jane Doe</span><p>Body.</p>'],
    ['an <address>', '<address>Contact the newsroom</address><p>Body.</p>'],
  ])('leaves out %s', (_name, html) => {
    expect(extractText(fragment(html)).text).toBe('Body.');
  });

  it.each([
    ['a class that only contains a furniture word', '<p class="creditworthiness">Body.</p>'],
    ['a class that starts with one', '<p class="captioned-story">Body.</p>'],
  ])('keeps %s', (_name, html) => {
    expect(extractText(fragment(html)).text).toBe('Body.');
  });

  it('maps every chunk back to its node', () => {
    const root = fragment('<p>A <a>b</a> c</p><p>d <em>e</em></p>');
    const extracted = extractText(root);
    for (const chunk of extracted.chunks) {
      expect(extracted.text.slice(chunk.start, chunk.start + chunk.node.data.length)).toBe(chunk.node.data);
    }
  });

  it('finds every hand-labelled sentence of the seed article', () => {
    const html = readFileSync(join(FIXTURES, 'seed-article.html'), 'utf8');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'seed-article.expected.json'), 'utf8')) as {
      sentences: { text: string }[];
    };
    const { text } = extractText(doc.body);
    for (const sentence of expected.sentences) expect(text).toContain(sentence.text);
    expect(text).not.toContain('North Korea and Russia\u2019s Primorsky discuss ways'); // the h1
    expect(text).not.toContain('Most read');
    expect(text).not.toContain('Advertisement');
    expect(text).not.toContain('pageScriptRan');
    expect(text).not.toContain('Vladivostok, the capital');
    expect(text).not.toContain('By Staff Reporter');
  });
});

describe('rangeFromOffsets', () => {
  it('maps offsets back across <a>, <em> and <strong> boundaries', () => {
    const root = fragment('<p>State agency <a href="#">KCNA</a> <em>said</em> on <strong>Wednes</strong>day.</p>');
    const extracted = extractText(root);
    const start = extracted.text.indexOf('agency');
    const end = extracted.text.indexOf('Wednesday') + 'Wednesday'.length;
    const range = rangeFromOffsets(extracted, start, end);
    expect(range.toString()).toBe('agency KCNA said on Wednesday');
    expect(range.startContainer.parentElement?.tagName).toBe('P');
    expect(range.endContainer.textContent).toBe('day.');
  });

  it('gives a range inside one element', () => {
    const root = fragment('<p>The <em>KCNA</em> article stated that</p>');
    const extracted = extractText(root);
    const start = extracted.text.indexOf('KCNA');
    const range = rangeFromOffsets(extracted, start + 1, start + 3);
    expect(range.toString()).toBe('CN');
    expect(range.startContainer).toBe(range.endContainer);
  });

  it('snaps offsets inside a separator to the neighbouring text', () => {
    const root = fragment('<p>One.</p><p>Two.</p>');
    const extracted = extractText(root);
    expect(rangeFromOffsets(extracted, 2, 6).toString()).toBe('e.');
    expect(rangeFromOffsets(extracted, 5, 8).toString()).toBe('Tw');
    expect(rangeFromOffsets(extracted, 0, extracted.text.length).toString()).toBe('One.Two.');
  });

  it.each([
    [-1, 3],
    [3, 3],
    [0, 999],
  ])('throws for offsets %d–%d', (start, end) => {
    const extracted = extractText(fragment('<p>One.</p><p>Two.</p>'));
    expect(() => rangeFromOffsets(extracted, start, end)).toThrow(RangeError);
  });

  it('throws for a span that is only a separator', () => {
    const extracted = extractText(fragment('<p>One.</p><p>Two.</p>'));
    expect(() => rangeFromOffsets(extracted, 4, 6)).toThrow(RangeError);
  });

  it('round-trips every offset of a mixed paragraph', () => {
    const root = fragment('<div>Lead <b>bold</b><i>it</i> tail</div><p>Next <a>link</a>.</p>');
    const extracted = extractText(root);
    for (let start = 0; start < extracted.text.length; start++) {
      for (let end = start + 1; end <= extracted.text.length; end++) {
        const slice = extracted.text.slice(start, end);
        if (slice.includes('\n')) continue;
        expect(rangeFromOffsets(extracted, start, end).toString()).toBe(slice);
      }
    }
  });
});

describe('offsetAtPoint', () => {
  it('maps the caret position under a point to a text offset', () => {
    const root = fragment('<p>One.</p><p>Two <em>three</em></p>');
    const extracted = extractText(root);
    const em = root.querySelector('em')?.firstChild;
    if (!em) throw new Error('fixture');
    const spy = vi.fn(() => ({ offsetNode: em, offset: 2 }) as unknown as CaretPosition);
    Object.defineProperty(document, 'caretPositionFromPoint', { value: spy, configurable: true });
    expect(offsetAtPoint(extracted, 10, 20)).toBe(extracted.text.indexOf('three') + 2);
    expect(spy).toHaveBeenCalledWith(10, 20);
    Reflect.deleteProperty(document, 'caretPositionFromPoint');
  });

  it('falls back to caretRangeFromPoint', () => {
    const root = fragment('<p>One.</p><p>Two</p>');
    const extracted = extractText(root);
    const two = root.querySelectorAll('p')[1]?.firstChild;
    if (!two) throw new Error('fixture');
    const range = document.createRange();
    range.setStart(two, 1);
    Object.defineProperty(document, 'caretPositionFromPoint', { value: undefined, configurable: true });
    Object.defineProperty(document, 'caretRangeFromPoint', { value: () => range, configurable: true });
    expect(offsetAtPoint(extracted, 1, 1)).toBe(extracted.text.indexOf('Two') + 1);
    Reflect.deleteProperty(document, 'caretPositionFromPoint');
    Reflect.deleteProperty(document, 'caretRangeFromPoint');
  });

  it('returns null over something that is not extracted text', () => {
    const root = fragment('<p>One.</p><button>Share</button>');
    const extracted = extractText(root);
    const button = root.querySelector('button')?.firstChild;
    Object.defineProperty(document, 'caretPositionFromPoint', {
      value: () => ({ offsetNode: button, offset: 0 }),
      configurable: true,
    });
    expect(offsetAtPoint(extracted, 1, 1)).toBeNull();
    Object.defineProperty(document, 'caretPositionFromPoint', { value: () => null, configurable: true });
    expect(offsetAtPoint(extracted, 1, 1)).toBeNull();
    Reflect.deleteProperty(document, 'caretPositionFromPoint');
  });

  it('maps a node and offset straight to a text offset', () => {
    const root = fragment('<p>One.</p><p>Two</p>');
    const extracted = extractText(root);
    const two = root.querySelectorAll('p')[1]?.firstChild;
    if (!two) throw new Error('fixture');
    expect(offsetOfPosition(extracted, two, 3)).toBe(extracted.text.length);
    expect(offsetOfPosition(extracted, root, 0)).toBeNull();
  });
});
