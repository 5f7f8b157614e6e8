// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractText, rangeFromOffsets } from '../../../lib/anchor/dom-text';
import { tagLabel } from '../../../lib/highlight/claim-label';
import { createOverlay, HOST_ID, installEarlyHost, removeEarlyHost, VIRTUAL_THRESHOLD, windowOf, type TagSpec } from '../../../lib/highlight/overlay';
import { attribution } from './builders';

afterEach(() => {
  document.getElementById(HOST_ID)?.remove();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function specs(): TagSpec[] {
  document.body.innerHTML = '<p>State agency KCNA said on Wednesday.</p><p>Yonhap reports the spy service said so.</p>';
  const extracted = extractText(document.body);
  const first = extracted.text.indexOf('State');
  const second = extracted.text.indexOf('Yonhap');
  return [
    {
      start: first,
      range: rangeFromOffsets(extracted, first, extracted.text.indexOf('.') + 1),
      after: null,
      label: tagLabel([attribution('KCNA')], new Map(), false),
    },
    {
      start: second,
      range: rangeFromOffsets(extracted, second, extracted.text.length),
      after: null,
      label: tagLabel(
        [attribution('Yonhap', { cue: 'reports' }), attribution('South Korea’s spy service', { reportedBy: 0 })],
        new Map(),
        true,
        'fuzzy',
      ),
    },
  ];
}

describe('createOverlay', () => {
  it('adds one host element to <html>, outside <body>, with an open shadow root', () => {
    const overlay = createOverlay(document, new AbortController().signal);
    const host = document.getElementById(HOST_ID);
    expect(host).toBe(overlay.host);
    expect(host?.localName).toBe('sourcemark-root');
    expect(host?.parentElement).toBe(document.documentElement);
    expect(host?.shadowRoot).toBe(overlay.root);
    expect(host?.style.getPropertyValue('position')).toBe('absolute');
    expect(host?.style.getPropertyPriority('position')).toBe('important');
    expect(host?.style.getPropertyValue('pointer-events')).toBe('none');
    expect(overlay.root.querySelector('style')?.textContent).toContain('.sm-tag');
  });

  it('takes the host put in at document_start instead of adding another', () => {
    installEarlyHost(document);
    const early = document.getElementById(HOST_ID);
    expect(early?.shadowRoot?.querySelector('.sm-tags')).not.toBeNull();
    const overlay = createOverlay(document, new AbortController().signal);
    expect(overlay.host).toBe(early);
    expect(overlay.root).toBe(early?.shadowRoot);
    expect(document.querySelectorAll(`#${HOST_ID}`)).toHaveLength(1);
    const [first] = specs();
    if (!first) throw new Error('fixture');
    overlay.setTags([first]);
    expect(overlay.root.querySelectorAll('.sm-tag')).toHaveLength(1);
    // Taken: no longer the early host, so nothing removes it but the overlay.
    removeEarlyHost(document);
    expect(overlay.host.isConnected).toBe(true);
  });

  it('brings the early host after the page\'s elements when asked (a card opens), but not while it holds focus', () => {
    installEarlyHost(document);
    const overlay = createOverlay(document, new AbortController().signal);
    // At document_start the host went in before <head>; a page element appended later comes after it.
    document.documentElement.prepend(overlay.host);
    const banner = document.createElement('div');
    document.documentElement.append(banner);
    const [first] = specs();
    if (!first) throw new Error('fixture');
    overlay.setTags([first]);
    overlay.tagFor(first.start)?.focus();
    expect(document.activeElement).toBe(overlay.host);
    overlay.bringToFront();
    expect(document.documentElement.lastElementChild).toBe(banner);
    overlay.tagFor(first.start)?.blur();
    expect(document.activeElement).not.toBe(overlay.host);
    overlay.bringToFront();
    expect(document.documentElement.lastElementChild).toBe(overlay.host);
    banner.remove();
  });

  it('removes the early host when no overlay took it, and never takes one that was changed', () => {
    installEarlyHost(document);
    removeEarlyHost(document);
    expect(document.getElementById(HOST_ID)).toBeNull();
    installEarlyHost(document);
    const early = document.getElementById(HOST_ID);
    early?.shadowRoot?.querySelector('.sm-tags')?.append(document.createElement('span'));
    const overlay = createOverlay(document, new AbortController().signal);
    expect(overlay.host).not.toBe(early);
    expect(early?.isConnected).toBe(false);
    expect(document.querySelectorAll(`#${HOST_ID}`)).toHaveLength(1);
  });

  it('replaces a host left by an earlier run', () => {
    createOverlay(document, new AbortController().signal);
    createOverlay(document, new AbortController().signal);
    expect(document.querySelectorAll(`#${HOST_ID}`)).toHaveLength(1);
  });

  it('draws one labelled tag button per claim', () => {
    const overlay = createOverlay(document, new AbortController().signal);
    const [kcna, chain] = specs();
    if (!kcna || !chain) throw new Error('fixture');
    overlay.setTags([kcna, chain]);
    const buttons = Array.from(overlay.root.querySelectorAll('button.sm-tag'));
    expect(buttons.map((b) => b.textContent)).toEqual(['KCNA', 'Yonhap ← South Korea’s spy service · ✎']);
    expect(buttons[0]?.getAttribute('data-claim-start')).toBe(String(kcna.start));
    expect(buttons[0]?.getAttribute('data-source')).toBe('KCNA');
    expect(buttons[0]?.getAttribute('data-annotated')).toBe('false');
    expect(buttons[0]?.getAttribute('aria-description')).toBe('Claim attributed to KCNA (said)');
    expect(buttons[0]?.hasAttribute('aria-label')).toBe(false);
    expect(buttons[1]?.getAttribute('data-source')).toBe('Yonhap ← South Korea’s spy service');
    expect(buttons[1]?.getAttribute('data-annotated')).toBe('true');
    expect(buttons[0]?.hasAttribute('data-anchoring')).toBe(false);
    expect(buttons[1]?.getAttribute('data-anchoring')).toBe('fuzzy');
    expect(overlay.tagFor(chain.start)).toBe(buttons[1]);
    expect(overlay.startOfTag(buttons[1] ?? null)).toBe(chain.start);
    expect(overlay.startOfTag(document.body)).toBeNull();
  });

  it('replaces the tags on each call', () => {
    const overlay = createOverlay(document, new AbortController().signal);
    const all = specs();
    overlay.setTags(all);
    overlay.setTags(all.slice(0, 1));
    expect(overlay.root.querySelectorAll('.sm-tag')).toHaveLength(1);
  });

  it('hides a tag whose claim has no rendered text (happy-dom renders nothing)', () => {
    const overlay = createOverlay(document, new AbortController().signal);
    overlay.setTags(specs());
    overlay.flush();
    expect(overlay.root.querySelector('.sm-tag')?.getAttribute('data-placed')).toBe('false');
  });

  it('keeps label text as text', () => {
    const overlay = createOverlay(document, new AbortController().signal);
    const [first] = specs();
    if (!first) throw new Error('fixture');
    overlay.setTags([{ ...first, label: tagLabel([attribution('<img src=x onerror=alert(1)>')], new Map(), false) }]);
    expect(overlay.root.querySelector('img')).toBeNull();
    expect(overlay.root.querySelector('.sm-tag')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('destroy() removes the host', () => {
    const overlay = createOverlay(document, new AbortController().signal);
    overlay.destroy();
    expect(document.getElementById(HOST_ID)).toBeNull();
  });
});

describe('tags on a changing and a long page', () => {
  /** `count` one-line paragraphs, each a claim, with specs for them. */
  function manySpecs(count: number): TagSpec[] {
    document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p>Source${i} said ${i}.</p>`).join('');
    const extracted = extractText(document.body);
    return Array.from({ length: count }, (_, i) => {
      const start = extracted.text.indexOf(`Source${i} said`);
      const end = extracted.text.indexOf('.', start) + 1;
      return { start, range: rangeFromOffsets(extracted, start, end), after: null, label: tagLabel([attribution(`Source${i}`)], new Map(), false) };
    });
  }

  it('keeps a tag element across updates of the same range, with its new start and label', () => {
    const overlay = createOverlay(document, new AbortController().signal);
    const [first, second] = manySpecs(2);
    if (!first || !second) throw new Error('fixture');
    overlay.setTags([first, second]);
    const element = overlay.tagFor(second.start);
    overlay.setTags([{ ...second, start: second.start + 100, label: tagLabel([attribution('Renamed')], new Map(), true) }]);
    expect(overlay.root.querySelectorAll('.sm-tag')).toHaveLength(1);
    expect(overlay.tagFor(second.start + 100)).toBe(element);
    expect(element?.getAttribute('data-claim-start')).toBe(String(second.start + 100));
    expect(element?.textContent).toBe('Renamed · ✎');
    overlay.removeTags([second.range]);
    expect(overlay.root.querySelectorAll('.sm-tag')).toHaveLength(0);
  });

  it('puts tags added later in document order', () => {
    const overlay = createOverlay(document, new AbortController().signal);
    const specs = manySpecs(5);
    overlay.addTags([specs[4], specs[1]].filter((s): s is TagSpec => !!s));
    overlay.addTags([specs[0], specs[3], specs[2]].filter((s): s is TagSpec => !!s));
    const sources = Array.from(overlay.root.querySelectorAll('.sm-tag')).map((t) => t.getAttribute('data-source'));
    expect(sources).toEqual(['Source0', 'Source1', 'Source2', 'Source3', 'Source4']);
  });

  it('past the threshold, makes only the tags near the viewport, and tells which claims came and went', async () => {
    // Each claim 100px below the previous one; the viewport is 768px high.
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
      const index = Number(/Source(\d+)/.exec(this.toString())?.[1] ?? 0);
      const top = index * 100 - scrollY;
      return { top, bottom: top + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
    });
    let scrollY = 0;
    const overlay = createOverlay(document, new AbortController().signal);
    const changes: { entered: number; left: number }[] = [];
    overlay.onNearChange((entered, left) => changes.push({ entered: entered.length, left: left.length }));
    const specs = manySpecs(VIRTUAL_THRESHOLD + 100);
    overlay.addTags(specs);
    expect(overlay.virtual).toBe(true);
    await vi.waitFor(() => expect(overlay.root.querySelectorAll('.sm-tag').length).toBeGreaterThan(0));
    const made = () => Array.from(overlay.root.querySelectorAll('.sm-tag')).map((t) => Number(t.getAttribute('data-source')?.slice(6)));
    // Within a viewport above and below: claims 0–15 (top ≤ 2 × 768).
    expect(made()).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(overlay.isNear(specs[3]?.range as Range)).toBe(true);
    expect(overlay.isNear(specs[300]?.range as Range)).toBe(false);

    scrollY = 30_000;
    window.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(made()[0]).toBeGreaterThan(250));
    expect(Math.min(...made())).toBeGreaterThanOrEqual(300 - 16);
    expect(Math.max(...made())).toBeLessThanOrEqual(300 + 24);
    expect(changes.some((c) => c.left > 0)).toBe(true);
    expect(overlay.tagFor(specs[0]?.start ?? -1)).toBeNull();
    // Asked for (the popup's "show on page"), a far tag is made at once.
    expect(overlay.ensurePlaced(specs[0]?.start ?? -1)).toBe(false); // happy-dom has no layout: made, not placed
    expect(overlay.tagFor(specs[0]?.start ?? -1)).not.toBeNull();

    // Back under half the threshold: every tag is made again.
    overlay.removeTags(specs.slice(0, VIRTUAL_THRESHOLD + 100 - 50).map((s) => s.range));
    expect(overlay.virtual).toBe(false);
    expect(overlay.root.querySelectorAll('.sm-tag')).toHaveLength(50);
  });
});

describe('windowOf', () => {
  const extents = [0, 100, 200, 300, 400, 500].map((top) => ({ top, bottom: top + 50 }));
  it.each([
    [0, 120, 0, 2],
    [160, 260, 2, 3],
    [140, 190, 1, 2],
    [155, 190, 2, 2],
    [-100, 1000, 0, 6],
    [900, 1000, 6, 6],
  ])('items meeting [%i, %i] are %i–%i', (top, bottom, from, to) => {
    expect(windowOf(extents.length, (i) => extents[i] ?? { top: 0, bottom: 0 }, top, bottom)).toEqual({ from, to });
  });
});
