// @vitest-environment happy-dom
/** The page's text as segments: offsets, cuts, lookups and context. */
import { afterEach, describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, createTextWalker, extractText, type ExtractedText } from '../../../lib/anchor/dom-text';
import { createPageTextModel, lastBlocks } from '../../../lib/page/page-text';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Segments of the body, one per paragraph. */
function paragraphs(html: string): ExtractedText[] {
  document.body.innerHTML = html;
  const walker = createTextWalker([document.body], { segmentLength: 1 });
  const out: ExtractedText[] = [];
  for (let s = walker.next(); s; s = walker.next()) out.push(s);
  return out;
}

const HTML = '<p id="a">Alpha one.</p><p id="b">Bravo <em>two</em>.</p><p id="c">Charlie three.</p>';

describe('createPageTextModel', () => {
  it('joins segments into the page text, with offsets', () => {
    const model = createPageTextModel<string>();
    const [a, b, c] = model.reset(paragraphs(HTML).map((extracted, i) => ({ extracted, data: `d${i}` })));
    expect(model.text()).toBe(extractText(document.body).text);
    expect(model.length).toBe(model.text().length);
    expect([a?.offset, b?.offset, c?.offset]).toEqual([0, 12, 24]);
    expect(model.segmentAt(13)).toBe(b);
    expect(model.segmentAt(11)).toBe(a); // a separator belongs to the segment before it
  });

  it('maps DOM positions to page offsets', () => {
    const model = createPageTextModel<null>();
    model.reset(paragraphs(HTML).map((extracted) => ({ extracted, data: null })));
    const two = document.querySelector('em')?.firstChild as Text;
    expect(model.offsetOf(two, 1)).toBe(model.text().indexOf('two') + 1);
    expect(model.segmentOf(two)?.extracted.text).toBe('Bravo two.');
    expect(model.offsetOf(document.body, 0)).toBeNull();
  });

  it('cuts text out, splitting a segment into the parts it keeps, with rebased data', () => {
    const model = createPageTextModel<string>();
    const [whole] = model.reset([{ extracted: extractText((document.body.innerHTML = HTML, document.body)), data: 'all' }]);
    const cut = document.getElementById('b');
    const nodes = [cut?.firstChild, cut?.querySelector('em')?.firstChild, cut?.lastChild].filter((n): n is Text => n instanceof Text);
    const parts: { from: number; to: number }[] = [];
    const change = model.cut(nodes, (_segment, part) => {
      parts.push(part);
      return `${part.from}-${part.to}`;
    });
    expect(change.removed).toEqual([whole]);
    expect(whole?.live).toBe(false);
    expect(change.added.map((s) => [s.extracted.text, s.data, s.offset])).toEqual([
      ['Alpha one.', '0-10', 0],
      ['Charlie three.', '24-38', 12],
    ]);
    expect(model.text()).toBe(`Alpha one.${BLOCK_SEPARATOR}Charlie three.`);
    expect(model.segmentOf(nodes[0] as Text)).toBeNull();
    expect(model.segmentOf(document.getElementById('c')?.firstChild as Text)?.extracted.text).toBe('Charlie three.');
  });

  it('finds where a new block goes in document order, and inserts it there', () => {
    const model = createPageTextModel<null>();
    model.reset(paragraphs('<p id="a">Alpha.</p><p id="c">Charlie.</p>').map((extracted) => ({ extracted, data: null })));
    const b = document.createElement('p');
    b.textContent = 'Bravo.';
    document.getElementById('a')?.after(b);
    const first = b.firstChild as Text;
    expect(model.insertionIndex(first)).toBe(1);
    model.insert(1, [{ extracted: extractText(b), data: null }]);
    expect(model.text()).toBe(['Alpha.', 'Bravo.', 'Charlie.'].join(BLOCK_SEPARATOR));
    const z = document.createElement('p');
    z.textContent = 'Zulu.';
    document.body.append(z);
    expect(model.insertionIndex(z.firstChild as Text)).toBe(3);
  });

  it('gives the end of the previous segment and the start of the next as context', () => {
    const model = createPageTextModel<null>();
    model.reset(paragraphs(HTML).map((extracted) => ({ extracted, data: null })));
    expect(model.contextBefore(0, 3, 100)).toBe('');
    expect(model.contextBefore(1, 3, 100)).toBe(`Alpha one.${BLOCK_SEPARATOR}`);
    expect(model.contextAfter(1, 5)).toBe(`${BLOCK_SEPARATOR}Charl`);
    expect(model.contextAfter(2, 5)).toBe('');
  });
});

describe('lastBlocks', () => {
  it.each([
    ['a\n\nbb\n\nccc', 2, 100, 'bb\n\nccc'],
    ['a\n\nbb\n\nccc', 5, 100, 'a\n\nbb\n\nccc'],
    ['a\n\nbb\n\nccc', 3, 6, 'ccc'],
    ['a\n\nbb\n\nccc', 3, 2, ''],
    ['', 3, 100, ''],
  ])('lastBlocks(%j, %i, %i) is %j', (text, blocks, chars, expected) => {
    expect(lastBlocks(text, blocks, chars)).toBe(expected);
  });
});
