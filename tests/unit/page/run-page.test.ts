// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGE_STYLE_ID } from '../../../lib/highlight/claim-highlights';
import { HOST_ID, installEarlyHost } from '../../../lib/highlight/overlay';
import type { BackgroundRequest, PageSnapshot, Result } from '../../../lib/messages';
import type { Annotation, DetectedClaim, Source } from '../../../lib/model';
import { startPage } from '../../../lib/page/run-page';
import { annotation, attribution, rating, source } from '../highlight/builders';

const BODY = `
  <header><h1>Talks in Vladivostok</h1></header>
  <article>
    <p>State agency <a href="/kcna">KCNA</a> said on Wednesday that talks went well.</p>
    <p>Primorye is another name for Primorsky.</p>
    <p>TASS reported that farmers may use the land.</p>
  </article>`;

/** A detector that flags sentences with "said" or "reported", attributed to their first word. */
function fakeDetect(text: string): DetectedClaim[] {
  return [...text.matchAll(/[^.\n]*\b(?:said|reported)\b[^.\n]*\./g)].map((m) => {
    const start = m.index;
    const sentence = m[0];
    const name = sentence.trim().split(' ')[0] === 'State' ? 'KCNA' : (sentence.trim().split(' ')[0] ?? '');
    const id = name.toLowerCase();
    return {
      start,
      end: start + sentence.length,
      text: sentence,
      attributions: [attribution(name, { id, cue: sentence.includes('said') ? 'said' : 'reported' })],
    };
  });
}

type Backend = { sources?: Source[]; annotations?: Annotation[]; fail?: boolean };

function setup(backend: Backend = {}, html = BODY) {
  document.head.innerHTML = '<link rel="canonical" href="https://News.example.com/talks?utm_source=rss">';
  document.title = 'Talks | The Ledger';
  document.body.innerHTML = html;
  const requests: BackgroundRequest[] = [];
  const sendMessage = vi.fn(async (message: BackgroundRequest): Promise<unknown> => {
    requests.push(message);
    if (backend.fail) throw new Error('Receiving end does not exist.');
    if (message.type === 'sources:list') return { ok: true, value: backend.sources ?? [] };
    if (message.type === 'annotations:for-page') return { ok: true, value: backend.annotations ?? [] };
    return { ok: false, error: 'unexpected' };
  });
  const controller = new AbortController();
  // Each test's session stops with it: a live one would follow the next test's page changes.
  sessions.push(controller);
  const log = { warn: vi.fn() };
  const session = startPage({
    document,
    location: { href: 'https://news.example.com/talks?id=1#comments' },
    sendMessage,
    signal: controller.signal,
    detect: fakeDetect,
    log,
  });
  const root = () => document.getElementById(HOST_ID)?.shadowRoot ?? null;
  const tags = () => Array.from(root()?.querySelectorAll('.sm-tag') ?? []);
  return { session, requests, controller, log, root, tags };
}

/** The page text a detector sees in BODY, to build annotations against. */
const TEXT = 'State agency KCNA said on Wednesday that talks went well.';

/** Sessions started by the current test. */
const sessions: AbortController[] = [];

afterEach(() => {
  for (const controller of sessions.splice(0)) controller.abort();
  document.getElementById(HOST_ID)?.remove();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('startPage', () => {
  it('loads sources and annotations for the normalised (canonical) URL, then marks and tags the claims', async () => {
    const { session, requests, tags, log } = setup();
    await session.ready;
    expect(requests).toEqual([
      { type: 'sources:list' },
      { type: 'annotations:for-page', url: 'https://news.example.com/talks' },
    ]);
    expect(tags().map((t) => t.getAttribute('data-source'))).toEqual(['KCNA', 'TASS']);
    // happy-dom has no Highlight API: the fallback wraps the claims in <mark>s.
    const marks = Array.from(document.querySelectorAll('mark[data-sourcemark]')).map((m) => m.textContent);
    expect(marks.join('')).toContain('KCNA said on Wednesday');
    expect(marks.join('')).not.toContain('Primorye');
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('takes away the host put in at document_start when the page has no claims', async () => {
    installEarlyHost(document);
    const { session } = setup({}, '<p>Nothing here.</p>');
    await session.ready;
    expect(document.getElementById(HOST_ID)).toBeNull();
  });

  it('draws in the host put in at document_start', async () => {
    installEarlyHost(document);
    const early = document.getElementById(HOST_ID);
    const { session } = setup();
    await session.ready;
    expect(document.getElementById(HOST_ID)).toBe(early);
    expect(early?.shadowRoot?.querySelectorAll('.sm-tag').length).toBeGreaterThan(0);
  });

  it('adds nothing to a page without claims', async () => {
    const { session } = setup({}, '<p>Nothing here.</p>');
    await session.ready;
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(document.getElementById(PAGE_STYLE_ID)).toBeNull();
  });

  it('still marks detections when the background fails, and warns', async () => {
    const { session, tags, log } = setup({ fail: true });
    await session.ready;
    expect(tags()).toHaveLength(2);
    expect(log.warn).toHaveBeenCalledTimes(2);
    expect(log.warn.mock.calls[0]?.[0]).toContain('Receiving end does not exist');
  });

  it('shows ratings and annotations from the background on the tags', async () => {
    const saved = annotation('a1', TEXT, TEXT.slice(0, 20), { note: 'Check it.' });
    const sources = [source('kcna', 'KCNA', { rating: rating('propaganda') })];
    const { session, tags } = setup({ sources, annotations: [saved] });
    await session.ready;
    const [kcna, tass] = tags();
    expect(kcna?.textContent).toBe('KCNA · State-controlled or propaganda outlet · ✎');
    expect(kcna?.getAttribute('data-annotated')).toBe('true');
    expect(tass?.getAttribute('data-annotated')).toBe('false');
    const annotated = Array.from(document.querySelectorAll('mark[data-sourcemark="annotated"]'));
    expect(annotated.map((m) => m.textContent).join('')).toBe(TEXT);
  });

  it('answers page:claims with URL, title, claims, selectors and annotation ids', async () => {
    const saved = annotation('a1', TEXT, TEXT);
    const { session } = setup({ annotations: [saved] });
    const result = (await session.handleMessage({ type: 'page:claims' })) as Result<PageSnapshot>;
    if (!result.ok) throw new Error(result.error);
    const { url, title, claims, orphans } = result.value;
    expect(url).toBe('https://news.example.com/talks');
    expect(title).toBe('Talks | The Ledger');
    expect(claims.map((c) => c.annotationId)).toEqual(['a1', null]);
    expect(claims.map((c) => [c.detected, c.anchoring, c.previousText])).toEqual([
      [true, 'exact', null],
      [true, null, null],
    ]);
    expect(orphans).toEqual([]);
    const [first] = claims;
    expect(first?.text).toBe(TEXT);
    expect(first?.selectors[0]).toMatchObject({ type: 'TextQuoteSelector', exact: TEXT, prefix: '' });
    // Stored normalised: the paragraph break is one space.
    expect(first?.selectors[0].suffix).toBe(' Primorye is another name for Pr');
    expect(first?.selectors[1]).toEqual({ type: 'TextPositionSelector', start: first?.start, end: first?.end });
  });

  it('re-attaches an annotation to changed text: annotated on the page, marked fuzzy, old text reported', async () => {
    const before = 'State agency KCNA said on Tuesday that talks went well.';
    const saved = annotation('a1', `${before}\n\nPrimorye is another name for Primorsky.`, before, { note: 'Which day?' });
    const { session, tags, root } = setup({ annotations: [saved] });
    await session.ready;
    const [kcna] = tags();
    expect(kcna?.getAttribute('data-annotated')).toBe('true');
    expect(kcna?.getAttribute('data-anchoring')).toBe('fuzzy');
    expect(kcna?.getAttribute('aria-description')).toContain('re-attached to changed text');
    const annotated = Array.from(document.querySelectorAll('mark[data-sourcemark="annotated"]'));
    expect(annotated.map((m) => m.textContent).join('')).toBe(TEXT);

    const result = (await session.handleMessage({ type: 'page:claims' })) as Result<PageSnapshot>;
    if (!result.ok) throw new Error(result.error);
    expect(result.value.claims[0]).toMatchObject({ annotationId: 'a1', anchoring: 'fuzzy', previousText: before, text: TEXT });
    expect(result.value.orphans).toEqual([]);

    expect(await session.handleMessage({ type: 'page:show-claim', start: result.value.claims[0]?.start ?? -1 })).toEqual({
      ok: true,
      value: null,
    });
    const card = root()?.querySelector<HTMLElement>('.sm-card');
    expect(card?.textContent).toContain('Re-attached to changed text');
    expect(card?.querySelector('.sm-card-previous')?.textContent).toBe(before);
  });

  it('highlights an annotation re-attached to text detection does not flag, and lists it for the popup', async () => {
    const before = 'Primorye is another common name for Primorsky.';
    const saved = annotation('a2', before, before, { attributions: [attribution('Atlas', { id: 'atlas' })] });
    const { session, tags } = setup({ annotations: [saved] });
    await session.ready;
    expect(tags().map((t) => [t.getAttribute('data-source'), t.getAttribute('data-anchoring')])).toEqual([
      ['KCNA', null],
      ['Atlas', 'fuzzy'],
      ['TASS', null],
    ]);
    const annotated = Array.from(document.querySelectorAll('mark[data-sourcemark="annotated"]'));
    expect(annotated.map((m) => m.textContent).join('')).toBe('Primorye is another name for Primorsky.');

    const result = (await session.handleMessage({ type: 'page:claims' })) as Result<PageSnapshot>;
    if (!result.ok) throw new Error(result.error);
    expect(result.value.claims.map((c) => [c.text, c.detected, c.annotationId, c.anchoring])).toEqual([
      [TEXT, true, null, null],
      ['Primorye is another name for Primorsky.', false, 'a2', 'fuzzy'],
      ['TASS reported that farmers may use the land.', true, null, null],
    ]);
    expect(result.value.claims[1]?.previousText).toBe(before);
    expect(result.value.claims[1]?.attributions[0]?.label).toBe('Atlas');
  });

  it('reports annotations it cannot anchor as orphans, with their quote and why, and marks nothing for them', async () => {
    const gone = annotation('gone', 'The ministry denied any talks had taken place at all.', 'The ministry denied any talks had taken place at all.');
    const twice = annotation('twice', 'x KCNA y', 'KCNA', {
      target: { selectors: [{ type: 'TextQuoteSelector', exact: 'a', prefix: '', suffix: '' }] },
    });
    const { session, tags } = setup({ annotations: [gone, twice] });
    await session.ready;
    expect(tags().every((t) => t.getAttribute('data-annotated') === 'false')).toBe(true);
    const result = (await session.handleMessage({ type: 'page:claims' })) as Result<PageSnapshot>;
    if (!result.ok) throw new Error(result.error);
    expect(result.value.orphans).toEqual([
      { annotationId: 'gone', quote: 'The ministry denied any talks had taken place at all.', reason: 'not-found' },
      { annotationId: 'twice', quote: 'a', reason: 'ambiguous' },
    ]);
  });

  it('redraws on page:annotations-changed without detecting again', async () => {
    const backend: Backend = {};
    const { session, tags } = setup(backend);
    await session.ready;
    expect(tags()[0]?.getAttribute('data-annotated')).toBe('false');
    backend.annotations = [annotation('a1', TEXT, TEXT, { note: 'New.' })];
    backend.sources = [source('tass', 'TASS', { rating: rating('reliable') })];
    expect(await session.handleMessage({ type: 'page:annotations-changed' })).toEqual({ ok: true, value: null });
    expect(tags()[0]?.getAttribute('data-annotated')).toBe('true');
    expect(tags()[1]?.textContent).toBe('TASS · Generally reliable');
    // Still one set of marks: the fallback unwrapped the old ones before wrapping again.
    expect(document.querySelectorAll('mark[data-sourcemark]').length).toBeGreaterThan(0);
    expect(document.querySelector('article')?.textContent).toContain('State agency KCNA said on Wednesday');
  });

  it('keeps what it showed when a reload fails, and says so', async () => {
    const backend: Backend = { annotations: [annotation('a1', TEXT, TEXT)] };
    const { session, tags } = setup(backend);
    await session.ready;
    backend.fail = true;
    const result = await session.handleMessage({ type: 'page:annotations-changed' });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('Receiving end does not exist') });
    expect(tags()[0]?.getAttribute('data-annotated')).toBe('true');
  });

  it('opens a claim’s card on page:show-claim', async () => {
    const { session, root } = setup();
    const snapshot = (await session.handleMessage({ type: 'page:claims' })) as Result<PageSnapshot>;
    if (!snapshot.ok) throw new Error(snapshot.error);
    const start = snapshot.value.claims[1]?.start ?? -1;
    expect(await session.handleMessage({ type: 'page:show-claim', start })).toEqual({ ok: true, value: null });
    const card = root()?.querySelector<HTMLElement>('.sm-card');
    expect(card?.hidden).toBe(false);
    expect(card?.textContent).toContain('TASS reported that farmers');
    expect(await session.handleMessage({ type: 'page:show-claim', start: start + 1 })).toEqual({
      ok: false,
      error: `No claim starts at offset ${start + 1} on this page.`,
    });
  });

  it.each([
    ['an unknown type', { type: 'page:explode' }],
    ['a missing field', { type: 'page:show-claim' }],
    ['a negative offset', { type: 'page:show-claim', start: -1 }],
    ['not an object', 'page:claims'],
  ])('answers %s with a failed Result', async (_name, message) => {
    const { session } = setup();
    const result = await session.handleMessage(message);
    expect(result.ok).toBe(false);
  });

  it('removes everything it added when the signal aborts', async () => {
    const { session, controller } = setup();
    await session.ready;
    const text = document.body.textContent;
    controller.abort();
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(document.getElementById(PAGE_STYLE_ID)).toBeNull();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.body.textContent).toBe(text);
  });
});
