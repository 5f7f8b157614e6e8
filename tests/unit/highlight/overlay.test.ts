// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extractText, rangeFromOffsets } from '../../../lib/anchor/dom-text';
import { tagLabel } from '../../../lib/highlight/claim-label';
import { createOverlay, HOST_ID, type TagSpec } from '../../../lib/highlight/overlay';
import { attribution } from './builders';

afterEach(() => {
  document.getElementById(HOST_ID)?.remove();
  document.body.innerHTML = '';
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
    expect(buttons[0]?.getAttribute('aria-label')).toBe('Claim attributed to KCNA (said)');
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
