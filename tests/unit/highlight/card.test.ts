// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCard, renderCardContent } from '../../../lib/highlight/card';
import { annotation, attribution, mark, rating, source } from './builders';

const TEXT = 'The meeting takes place as the Yonhap news agency reports that the spy service said so.';

function textOf(fragment: DocumentFragment): string {
  const div = document.createElement('div');
  div.append(fragment);
  return div.textContent ?? '';
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('renderCardContent', () => {
  it('shows the claim and each attribution with type, cue, stance, speaker and chain', () => {
    const claim = mark(0, TEXT, {
      attributions: [
        attribution('Yonhap', { id: 'yonhap', type: 'news-agency', cue: 'reports' }),
        attribution('South Korea’s spy service', { type: 'government', cue: 'said', reportedBy: 0, speaker: 'Kim' }),
      ],
    });
    const text = textOf(renderCardContent(document, claim, new Map()));
    expect(text).toContain(TEXT);
    expect(text).toContain('Attributed to (outermost first)');
    expect(text).toContain('Yonhap — News agency');
    expect(text).toContain('Cue: “reports”: neutral reporting verb');
    expect(text).toContain('South Korea’s spy service — Government');
    expect(text).toContain('Speaker: Kim');
    expect(text).toContain('As reported by Yonhap');
  });

  it('says when an attribution is carried over', () => {
    const claim = mark(0, 'It was fine.', {
      attributions: [attribution('Kozhemyako', { cue: null, cueStance: null, carriedOver: true })],
    });
    expect(textOf(renderCardContent(document, claim, new Map()))).toContain('Carried over from the previous sentence');
  });

  it('handles a claim without attribution', () => {
    expect(textOf(renderCardContent(document, mark(0, 'Claim.'), new Map()))).toContain(
      'No source detected for this sentence.',
    );
  });

  it('shows the rating tier and rationale of a rated source once', () => {
    const kcna = attribution('KCNA', { id: 'kcna', type: 'state-media' });
    const sources = new Map([['kcna', source('kcna', 'KCNA', { rating: rating('propaganda', 'Run by the state.') })]]);
    const text = textOf(renderCardContent(document, mark(0, 'Claim.', { attributions: [kcna, { ...kcna }] }), sources));
    expect(text).toContain('KCNA: State-controlled or propaganda outlet');
    expect(text).toContain('Run by the state.');
    expect(text.match(/State-controlled/g)).toHaveLength(1);
    expect(text).not.toContain('Score');
    expect(text).not.toContain('Rated by');
  });

  it('adds the score and the rater of a rating that has them', () => {
    const kcna = attribution('KCNA', { id: 'kcna', type: 'state-media' });
    const scored = { ...rating('propaganda', 'Run by the state.'), score: 5, ratedBy: 'Ana K.' };
    const content = renderCardContent(document, mark(0, 'Claim.', { attributions: [kcna] }), new Map([['kcna', source('kcna', 'KCNA', { rating: scored })]]));
    const line = content.querySelector('.sm-card-rating');
    expect(line?.textContent).toBe('KCNA: State-controlled or propaganda outlet · Score 5/100');
    expect(line?.getAttribute('data-tier')).toBe('propaganda');
    expect(content.querySelector('.sm-card-rationale')?.textContent).toBe('Run by the state.');
    expect(textOf(content)).toContain('Rated by Ana K.');
  });

  it('shows the user’s note, verdict and tags', () => {
    const saved = annotation('a1', TEXT, TEXT, {
      note: 'Check the readout.',
      tags: ['dprk', 'labour'],
      verdict: { rating: 'unverifiable', rationale: 'No second source.', ratedAt: '2024-01-01T00:00:00Z' },
    });
    const text = textOf(renderCardContent(document, mark(0, TEXT, { annotation: saved }), new Map()));
    expect(text).toContain('Your annotation');
    expect(text).toContain('Verdict: Unverifiable');
    expect(text).toContain('No second source.');
    expect(text).toContain('Note: Check the readout.');
    expect(text).toContain('Tags: dprk, labour');
  });

  it('never parses page text or notes as HTML', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const saved = annotation('a1', hostile, hostile, { note: '<script>alert(1)</script>' });
    const fragment = renderCardContent(
      document,
      mark(0, hostile, { annotation: saved, attributions: [attribution('<b>bold</b>')] }),
      new Map(),
    );
    const div = document.createElement('div');
    div.append(fragment);
    expect(div.querySelector('img, script, b')).toBeNull();
    expect(div.textContent).toContain(hostile);
    expect(div.textContent).toContain('<script>alert(1)</script>');
  });

  it('shortens a very long claim', () => {
    const text = textOf(renderCardContent(document, mark(0, 'x'.repeat(5000)), new Map()));
    expect(text).toContain(`${'x'.repeat(600)}…`);
    expect(text).not.toContain('x'.repeat(601));
  });
});

describe('createCard', () => {
  function setup() {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const onClose = vi.fn();
    const card = createCard(document, root, host, onClose, new AbortController().signal);
    return { root, card, onClose };
  }

  it('is a hidden, labelled dialog until shown', () => {
    const { card } = setup();
    expect(card.element.getAttribute('role')).toBe('dialog');
    expect(card.element.getAttribute('aria-label')).toBe('Claim details');
    expect(card.element.classList.contains('sm-card')).toBe(true);
    expect(card.element.hidden).toBe(true);
    expect(card.start).toBeNull();
  });

  it('shows a claim, and hides again', () => {
    const { card } = setup();
    card.show(mark(42, 'A claim.'), new Map(), { pinned: true });
    expect(card.element.hidden).toBe(false);
    expect(card.start).toBe(42);
    expect(card.pinned).toBe(true);
    expect(card.element.textContent).toContain('A claim.');
    card.hide();
    expect(card.element.hidden).toBe(true);
    expect(card.start).toBeNull();
  });

  it('titles an annotated claim', () => {
    const { card } = setup();
    card.show(mark(0, TEXT, { annotation: annotation('a', TEXT, TEXT) }), new Map(), { pinned: false });
    expect(card.element.querySelector('.sm-card-title')?.textContent).toBe('Annotated claim');
    expect(card.element.getAttribute('data-annotated')).toBe('true');
  });

  it('has a labelled close button', () => {
    const { card, onClose } = setup();
    card.show(mark(0, 'A claim.'), new Map(), { pinned: true });
    const close = card.element.querySelector<HTMLButtonElement>('button.sm-card-close');
    expect(close?.getAttribute('aria-label')).toBe('Close claim details');
    close?.click();
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('renderCardContent: the user’s own annotations and corrections', () => {
  it('says a manual annotation is the user’s own, and a source the user set is theirs', () => {
    const chosen = attribution('TASS', { id: 'tass', cue: null, cueStance: null, sourceText: null });
    const manual = mark(0, TEXT, {
      detected: false,
      attributions: [chosen],
      annotation: annotation('m', TEXT, TEXT, { origin: 'manual', attributions: [chosen] }),
    });
    const text = textOf(renderCardContent(document, manual, new Map()));
    expect(text).toContain('Your own annotation, on text you selected.');
    expect(text).not.toContain('detection does not flag');
    expect(text).toContain('Source set by you');
    const detected = textOf(renderCardContent(document, mark(0, TEXT, { attributions: [attribution('Yonhap', { id: 'yonhap' })] }), new Map()));
    expect(detected).not.toContain('Source set by you');
  });
});
