// @vitest-environment happy-dom
/**
 * The pipeline on pages that change and pages that are long: only new text is read, results equal
 * a full scan, removed text takes its claims along, late text gets its annotations, a new URL
 * gets a new scan, long pages are read in slices, and the switches turn it all off and on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOST_ID } from '../../../lib/highlight/overlay';
import type { BackgroundRequest, PageSnapshot, Result } from '../../../lib/messages';
import type { Annotation, DetectedClaim } from '../../../lib/model';
import { startPage, type PageEnvironment } from '../../../lib/page/run-page';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';
import { attribution, annotation } from '../highlight/builders';

/** A detector that flags sentences with "said" or "reported", attributed to their first word. */
function fakeDetect(text: string): DetectedClaim[] {
  return [...text.matchAll(/[^.\n]*\b(?:said|reported)\b[^.\n]*\./g)].map((m) => {
    const sentence = m[0];
    const start = m.index + (sentence.length - sentence.trimStart().length);
    const trimmed = sentence.trimStart();
    const name = trimmed.split(' ')[0] ?? '';
    return {
      start,
      end: start + trimmed.length,
      text: trimmed,
      attributions: [attribution(name, { id: name.toLowerCase(), start, end: start + name.length })],
    };
  });
}

type Options = {
  html?: string;
  annotations?: Annotation[];
  href?: string;
  settings?: Settings;
  slicing?: PageEnvironment['slicing'];
};

const sessions: AbortController[] = [];

function setup(options: Options = {}) {
  document.body.innerHTML = options.html ?? '<article id="a"><p>KCNA said talks went well.</p><p>Nothing here.</p></article>';
  const detect = vi.fn((text: string) => fakeDetect(text));
  const requests: BackgroundRequest[] = [];
  const byUrl = new Map<string, Annotation[]>();
  const location = { href: options.href ?? 'https://news.example.com/live' };
  const sendMessage = vi.fn(async (message: BackgroundRequest): Promise<unknown> => {
    requests.push(message);
    if (message.type === 'sources:list') return { ok: true, value: [] };
    if (message.type === 'annotations:for-page') return { ok: true, value: byUrl.get(message.url) ?? options.annotations ?? [] };
    return { ok: false, error: 'unexpected' };
  });
  let current = options.settings ?? DEFAULT_SETTINGS;
  const watchers: ((s: Settings) => void)[] = [];
  const settings = {
    load: vi.fn(async () => current),
    watch: (listener: (s: Settings) => void) => watchers.push(listener),
  };
  const controller = new AbortController();
  sessions.push(controller);
  const log = { warn: vi.fn() };
  const session = startPage({
    document,
    location,
    sendMessage,
    signal: controller.signal,
    detect,
    log,
    settings,
    slicing: { yieldToMain: () => Promise.resolve(), ...options.slicing },
  });
  const tags = () => Array.from(document.getElementById(HOST_ID)?.shadowRoot?.querySelectorAll('.sm-tag') ?? []);
  const marked = () => Array.from(document.querySelectorAll('mark[data-sourcemark]')).map((m) => m.textContent).join('|');
  const snapshot = async () => {
    const result = (await session.handleMessage({ type: 'page:claims' })) as Result<PageSnapshot>;
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };
  /** Characters the detector was given since the last call. */
  let seen = 0;
  const detectedSince = () => {
    const all = detect.mock.calls.slice(seen).map(([text]) => text);
    seen = detect.mock.calls.length;
    return all;
  };
  const setSettings = (next: Settings) => {
    current = next;
    for (const watcher of watchers) watcher(next);
  };
  /** Change the stored settings without an onChanged event. */
  const storeSettings = (next: Settings) => {
    current = next;
  };
  return { session, detect, detectedSince, requests, byUrl, location, tags, marked, snapshot, controller, log, setSettings, storeSettings };
}

afterEach(() => {
  for (const controller of sessions.splice(0)) controller.abort();
  document.getElementById(HOST_ID)?.remove();
  document.body.innerHTML = '';
});

/** Append a paragraph to the article. */
function addParagraph(text: string, parent = document.getElementById('a')) {
  const p = document.createElement('p');
  p.textContent = text;
  parent?.append(p);
  return p;
}

describe('a page that changes', () => {
  it('reads only the paragraphs added, and marks and tags their claims', async () => {
    const filler = Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i} says nothing.</p>`).join('');
    const page = setup({ html: `<article id="a"><p>KCNA said talks went well.</p>${filler}</article>` });
    await page.session.ready;
    expect(page.detectedSince().join('')).toContain('KCNA said');
    expect(page.tags().map((t) => t.getAttribute('data-source'))).toEqual(['KCNA']);

    addParagraph('TASS reported that farmers may use the land.');
    addParagraph('Yonhap said the spy service agreed.');
    await page.session.settled();

    // The new blocks, after at most a few paragraphs of context: never the page again.
    const read = page.detectedSince();
    expect(read.join('')).toContain('TASS reported');
    expect(read.join('')).toContain('Yonhap said');
    expect(read.some((text) => text.includes('KCNA said'))).toBe(false);
    expect(read.join('').length).toBeLessThan(300); // the page holds over 800 characters
    expect(page.tags().map((t) => t.getAttribute('data-source'))).toEqual(['KCNA', 'TASS', 'Yonhap']);
    expect(page.marked()).toContain('TASS reported that farmers may use the land.');
  });

  it('ends up with what a full scan of the final page finds', async () => {
    const page = setup();
    await page.session.ready;
    addParagraph('TASS reported that farmers may use the land.');
    document.getElementById('a')?.prepend(Object.assign(document.createElement('p'), { textContent: 'Reuters reported a first item.' }));
    const middle = addParagraph('Interfax said it twice.');
    middle.before(Object.assign(document.createElement('div'), { textContent: 'AFP said something in between.' }));
    await page.session.settled();
    const incremental = await page.snapshot();

    const html = document.body.innerHTML;
    page.controller.abort();
    document.getElementById(HOST_ID)?.remove();
    const fresh = setup({ html: html.replace(/<\/?mark[^>]*>/g, '') });
    await fresh.session.ready;
    const full = await fresh.snapshot();

    const shape = (s: PageSnapshot) => s.claims.map((c) => ({ start: c.start, end: c.end, text: c.text, source: c.attributions[0]?.label, selectors: c.selectors }));
    expect(shape(incremental)).toEqual(shape(full));
    expect(incremental.claims).toHaveLength(5);
  });

  it('drops the claims, highlights and tags of removed text, and moves later offsets', async () => {
    const page = setup({ html: '<article id="a"><p>KCNA said one.</p><p>TASS said two.</p><p>Yonhap said three.</p></article>' });
    await page.session.ready;
    page.detectedSince();
    const before = await page.snapshot();
    const yonhapBefore = before.claims.find((c) => c.text === 'Yonhap said three.');
    document.querySelector('p')?.remove();
    await page.session.settled();
    const after = await page.snapshot();
    expect(after.claims.map((c) => c.text)).toEqual(['TASS said two.', 'Yonhap said three.']);
    expect(page.tags().map((t) => t.getAttribute('data-source'))).toEqual(['TASS', 'Yonhap']);
    expect(page.marked()).not.toContain('KCNA');
    const yonhapAfter = after.claims.find((c) => c.text === 'Yonhap said three.');
    expect(yonhapAfter?.start).toBe((yonhapBefore?.start ?? 0) - 'KCNA said one.\n\n'.length);
    expect(page.tags()[1]?.getAttribute('data-claim-start')).toBe(String(yonhapAfter?.start));
    // Nothing was read again for a removal.
    expect(page.detectedSince().join('')).not.toContain('TASS said two.');
  });

  it('reads a paragraph again when text is added inside it', async () => {
    const page = setup({ html: '<article id="a"><p id="p">Nothing yet.</p></article>' });
    await page.session.ready;
    expect(page.tags()).toHaveLength(0);
    document.getElementById('p')?.append(' TASS reported news.');
    await page.session.settled();
    expect(page.tags().map((t) => t.getAttribute('data-source'))).toEqual(['TASS']);
    expect((await page.snapshot()).claims[0]?.text).toBe('TASS reported news.');
  });

  it('anchors a saved annotation when its text arrives, and takes it off the orphan list', async () => {
    const late = 'Interfax reported the late news.';
    const saved = annotation('late', `Nothing here.\n\n${late}`, late, { note: 'Check.' });
    const page = setup({ annotations: [saved] });
    await page.session.ready;
    expect((await page.snapshot()).orphans.map((o) => o.annotationId)).toEqual(['late']);

    addParagraph(late);
    await page.session.settled();
    const snapshot = await page.snapshot();
    expect(snapshot.orphans).toEqual([]);
    expect(snapshot.claims.find((c) => c.text === late)).toMatchObject({ annotationId: 'late', anchoring: 'moved' });
    const tag = page.tags().find((t) => t.getAttribute('data-source') === 'Interfax');
    expect(tag?.getAttribute('data-annotated')).toBe('true');
    expect(document.querySelector('mark[data-sourcemark="annotated"]')?.textContent).toBe(late);
  });

  it('ignores its own nodes: drawing causes no new reading', async () => {
    const page = setup();
    await page.session.ready;
    page.detectedSince();
    await page.session.settled();
    await page.session.settled();
    expect(page.detectedSince()).toEqual([]);
  });

  it('scans again, with the new URL’s annotations, when a single-page app changes the URL', async () => {
    const other = 'Xinhua said the other story.';
    const page = setup();
    page.byUrl.set('https://news.example.com/other', [annotation('o1', other, other)]);
    await page.session.ready;
    document.getElementById('a')?.replaceChildren(Object.assign(document.createElement('p'), { textContent: other }));
    page.location.href = 'https://news.example.com/other';
    page.session.checkLocation();
    await page.session.settled();
    const snapshot = await page.snapshot();
    expect(snapshot.url).toBe('https://news.example.com/other');
    expect(snapshot.claims.map((c) => [c.text, c.annotationId])).toEqual([[other, 'o1']]);
    expect(page.tags().map((t) => t.getAttribute('data-source'))).toEqual(['Xinhua']);
    expect(page.requests.filter((r) => r.type === 'annotations:for-page')).toHaveLength(2);
  });

  it('does not scan again for a fragment change', async () => {
    const page = setup();
    await page.session.ready;
    page.location.href = 'https://news.example.com/live#update-3';
    page.session.checkLocation();
    await page.session.settled();
    expect(page.requests.filter((r) => r.type === 'annotations:for-page')).toHaveLength(1);
  });
});

describe('a long page', () => {
  const paragraphs = Array.from({ length: 60 }, (_, i) =>
    i % 3 === 0 ? `Agency${i} said item ${i} happened.` : `Plain paragraph ${i} with no claim in it at all.`,
  );
  const html = `<article id="a">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>`;

  it('is read in segments and slices, with the same claims as one pass', async () => {
    let clock = 0;
    const yields = vi.fn(async () => undefined);
    const page = setup({
      html,
      slicing: { segmentLength: 300, singlePassLimit: 0, budgetMs: 5, now: () => (clock += 1), yieldToMain: yields },
    });
    await page.session.ready;
    const calls = page.detectedSince();
    expect(calls.length).toBeGreaterThan(5);
    // No detection call read the whole page.
    expect(Math.max(...calls.map((c) => c.length))).toBeLessThan(paragraphs.join('\n\n').length / 2);
    expect(yields.mock.calls.length).toBeGreaterThan(3);

    const sliced = await page.snapshot();
    const whole = fakeDetect(paragraphs.join('\n\n'));
    expect(sliced.claims.map((c) => [c.start, c.end, c.text])).toEqual(whole.map((c) => [c.start, c.end, c.text]));
    expect(page.tags()).toHaveLength(20);
  });

  it('records the scan as one performance measure covering every slice', async () => {
    const measure = vi.spyOn(performance, 'measure');
    const page = setup({ html, slicing: { segmentLength: 300, singlePassLimit: 0 } });
    await page.session.ready;
    const scans = measure.mock.calls.filter(([name]) => name === 'sourcemark:scan');
    expect(scans).toHaveLength(1);
    const detail = (scans[0]?.[1] as PerformanceMeasureOptions).detail as Record<string, number>;
    expect(detail.characters).toBe(paragraphs.join('\n\n').length);
    expect(detail.claims).toBe(20);
    expect(detail.segments).toBeGreaterThan(5);
    measure.mockRestore();
  });

  it('stops a scan that a navigation makes pointless', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let yields = 0;
    const page = setup({
      html,
      slicing: {
        segmentLength: 300,
        singlePassLimit: 0,
        budgetMs: 0,
        yieldToMain: async () => {
          if (++yields === 3) await gate;
        },
      },
    });
    await vi.waitFor(() => expect(yields).toBeGreaterThanOrEqual(3));
    page.location.href = 'https://news.example.com/elsewhere';
    page.session.checkLocation();
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await page.session.settled();
    const snapshot = await page.snapshot();
    expect(snapshot.url).toBe('https://news.example.com/elsewhere');
    expect(snapshot.claims).toHaveLength(20);
  });
});

describe('the highlight switches', () => {
  it('reads nothing on a site switched off, and says so to the popup', async () => {
    const page = setup({ settings: { highlights: true, disabledSites: ['news.example.com'] } });
    await page.session.ready;
    expect(page.detect).not.toHaveBeenCalled();
    expect(document.getElementById(HOST_ID)).toBeNull();
    const snapshot = await page.snapshot();
    expect(snapshot).toMatchObject({ site: 'news.example.com', highlights: 'off-site', claims: [], orphans: [] });
    expect(page.requests).toEqual([]);
  });

  it('takes everything off at once when switched off, and reads the page when switched on', async () => {
    const page = setup();
    await page.session.ready;
    expect(page.tags()).toHaveLength(1);
    page.setSettings({ highlights: false, disabledSites: [] });
    await page.session.settled();
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(document.querySelectorAll('mark[data-sourcemark]')).toHaveLength(0);
    expect((await page.snapshot()).highlights).toBe('off-everywhere');

    // Changes while off are not read.
    addParagraph('TASS reported more.');
    await page.session.settled();
    page.detectedSince();

    page.setSettings({ highlights: true, disabledSites: [] });
    await page.session.settled();
    expect(page.tags().map((t) => t.getAttribute('data-source'))).toEqual(['KCNA', 'TASS']);
    expect((await page.snapshot()).highlights).toBe('on');
  });

  it('applies the stored switches on page:settings-changed before answering', async () => {
    const page = setup();
    await page.session.ready;
    // The store changed but no onChanged event came (yet): the popup's message applies it.
    page.storeSettings({ highlights: true, disabledSites: ['news.example.com'] });
    expect(await page.session.handleMessage({ type: 'page:settings-changed' })).toEqual({ ok: true, value: null });
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect((await page.snapshot()).highlights).toBe('off-site');
  });
});
