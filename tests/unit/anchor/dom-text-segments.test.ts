// @vitest-environment happy-dom
/** Extraction in segments, of several roots, and the helpers the incremental pipeline uses. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  BLOCK_SEPARATOR,
  blockContainer,
  bordersOnlyBlocks,
  chunkEnd,
  createTextWalker,
  extractText,
  followSplitNodes,
  isExtractable,
  rangeFromOffsets,
  sliceExtraction,
  type ExtractedText,
} from '../../../lib/anchor/dom-text';

afterEach(() => {
  document.body.innerHTML = '';
});

const PAGE =
  '<article><p>One <em>said</em> this.</p><p>Two is <a href="#">here</a>.</p><h2>Skipped</h2>' +
  '<div>Three<br>three and a half</div><p>Four.</p><ul><li>Five</li><li>Six</li></ul></article>';

/** Every segment of a walker. */
function segments(roots: Node[], segmentLength?: number | ((i: number) => number)): ExtractedText[] {
  const walker = createTextWalker(roots, { segmentLength });
  const out: ExtractedText[] = [];
  for (let s = walker.next(); s; s = walker.next()) out.push(s);
  return out;
}

describe('createTextWalker', () => {
  it.each([1, 5, 12, 30, 1000])('cut every %i characters, joins back into exactly extractText', (length) => {
    document.body.innerHTML = PAGE;
    const whole = extractText(document.body);
    const parts = segments([document.body], length);
    expect(parts.map((p) => p.text).join(BLOCK_SEPARATOR)).toBe(whole.text);
    // Each cut is a block boundary: no segment starts or ends with a separator, none is empty.
    for (const part of parts) {
      expect(part.text.length).toBeGreaterThan(0);
      expect(part.text.startsWith('\n')).toBe(false);
      expect(part.text.endsWith('\n')).toBe(false);
    }
    // Chunks map back to the same nodes.
    expect(parts.flatMap((p) => p.chunks.map((c) => c.node))).toEqual(whole.chunks.map((c) => c.node));
  });

  it('makes one segment without a length, and none for no text', () => {
    document.body.innerHTML = PAGE;
    expect(segments([document.body])).toHaveLength(1);
    document.body.innerHTML = '<p>   </p><script>x</script>';
    expect(segments([document.body])).toEqual([]);
  });

  it('takes a length per segment index (shorter first segments)', () => {
    document.body.innerHTML = Array.from({ length: 10 }, (_, i) => `<p>Paragraph number ${i}.</p>`).join('');
    const parts = segments([document.body], (i) => (i < 2 ? 1 : 60));
    expect(parts.slice(0, 2).map((p) => p.text)).toEqual(['Paragraph number 0.', 'Paragraph number 1.']);
    expect(parts[2]?.text.split(BLOCK_SEPARATOR).length).toBeGreaterThan(1);
  });

  it('reads several roots in order, each a block of its own', () => {
    document.body.innerHTML = '<div id="a">First <b>root</b></div><p>not read</p><span id="b">second</span>';
    const roots = [document.getElementById('a'), document.getElementById('b')].filter((n): n is HTMLElement => n !== null);
    expect(segments(roots).map((p) => p.text)).toEqual([`First root${BLOCK_SEPARATOR}second`]);
  });
});

describe('sliceExtraction and chunkEnd', () => {
  it('a run of whole blocks is what extracting those blocks alone gives', () => {
    document.body.innerHTML = PAGE;
    const whole = extractText(document.body);
    const first = whole.chunks.findIndex((c) => c.node.data === 'Two is ');
    const last = whole.chunks.findIndex((c) => c.node.data === 'three and a half');
    const part = sliceExtraction(whole, first, last);
    expect(part.text).toBe(`Two is here.${BLOCK_SEPARATOR}Three${BLOCK_SEPARATOR}three and a half`);
    expect(part.chunks[0]?.start).toBe(0);
    expect(chunkEnd(whole, last)).toBe(whole.text.indexOf('three and a half') + 'three and a half'.length);
    expect(rangeFromOffsets(part, 0, 12).toString()).toBe('Two is here.');
  });
});

describe('followSplitNodes', () => {
  it('follows text nodes split after extraction (the <mark> fallback)', () => {
    document.body.innerHTML = '<p>State agency KCNA said so.</p><p>Next.</p>';
    const before = extractText(document.body);
    const node = before.chunks[0]?.node;
    if (!node) throw new Error('fixture');
    const rest = node.splitText(13);
    const mark = document.createElement('mark');
    rest.before(mark);
    mark.append(rest);
    expect(() => rangeFromOffsets(before, 13, 22)).toThrow();
    const after = followSplitNodes(before);
    expect(after.text).toBe(before.text);
    expect(after.chunks.map((c) => [c.node.data, c.start])).toEqual([
      ['State agency ', 0],
      ['KCNA said so.', 13],
      ['Next.', 28],
    ]);
    expect(rangeFromOffsets(after, 13, 22).toString()).toBe('KCNA said');
    expect(followSplitNodes(after)).toBe(after);
  });
});

describe('where a change is read', () => {
  it('blockContainer finds the block around a node', () => {
    document.body.innerHTML = '<div id="d"><p id="p">a <em id="e">b</em></p></div>';
    expect(blockContainer(document.getElementById('e') as Node)?.id).toBe('p');
    expect(blockContainer(document.getElementById('d') as Node)?.id).toBe('d');
  });

  it('isExtractable says whether extraction of the body reads a node', () => {
    document.body.innerHTML = '<p id="p">x</p><nav><p id="n">y</p></nav><div hidden><p id="h">z</p></div>';
    const byId = (id: string) => document.getElementById(id) as Node;
    expect(isExtractable(byId('p'), document.body)).toBe(true);
    expect(isExtractable(byId('n'), document.body)).toBe(false);
    expect(isExtractable(byId('h'), document.body)).toBe(false);
    expect(isExtractable(document.createElement('p'), document.body)).toBe(false);
  });

  it.each([
    ['between paragraphs', '<div id="parent"><p>a</p><p id="x">b</p><p>c</p></div>', true],
    ['alone in a block', '<div id="parent"><p id="x">b</p></div>', true],
    ['between paragraphs with whitespace and comments', '<div id="parent"><p>a</p>\n  <!-- c --><p id="x">b</p>\n</div>', true],
    ['after inline text', '<div id="parent">loose text<p id="x">b</p></div>', false],
    ['inside an inline element', '<p>a <span id="parent"><p id="x">b</p></span> c</p>', false],
    ['beside a skipped inline element, then text', '<div id="parent">text<button>b</button><p id="x">b</p></div>', false],
  ])('bordersOnlyBlocks: a block %s → %s', (_name, html, expected) => {
    document.body.innerHTML = html;
    const x = document.getElementById('x') as Node;
    const parent = x.parentNode as Node;
    expect(bordersOnlyBlocks(parent, x.previousSibling, x.nextSibling)).toBe(expected);
  });
});
