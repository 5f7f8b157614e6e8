// @vitest-environment happy-dom
/** The page pipeline with the user's corrections and manual annotations (lib/page/corrections.ts, annotate-selection.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOST_ID } from '../../../lib/highlight/overlay';
import type { BackgroundRequest, PageSnapshot, Result } from '../../../lib/messages';
import type { Annotation, DetectedClaim } from '../../../lib/model';
import { startPage } from '../../../lib/page/run-page';
import { attributionFor } from '../../../lib/sources/choose-source';
import { annotation, attribution } from '../highlight/builders';

const BODY = `
  <article>
    <p>KCNA said on Wednesday that talks went well.</p>
    <p>Primorye is another name for Primorsky.</p>
    <p>TASS reported that farmers may use the land.</p>
  </article>`;
const KCNA = 'KCNA said on Wednesday that talks went well.';
const TEXT = `${KCNA}\n\nPrimorye is another name for Primorsky.\n\nTASS reported that farmers may use the land.`;

/** A detector that flags sentences with "said" or "reported", attributed to their first word. */
function fakeDetect(text: string): DetectedClaim[] {
  return [...text.matchAll(/[^.\n]*\b(?:said|reported)\b[^.\n]*\./g)].map((m) => {
    const name = m[0].trim().split(' ')[0] ?? '';
    return { start: m.index, end: m.index + m[0].length, text: m[0], attributions: [attribution(name, { id: name.toLowerCase() })] };
  });
}

const sessions: AbortController[] = [];
afterEach(() => {
  for (const controller of sessions.splice(0)) controller.abort();
  document.getElementById(HOST_ID)?.remove();
  document.body.innerHTML = '';
});

function setup(annotations: Annotation[]) {
  document.body.innerHTML = BODY;
  const stored = [...annotations];
  const requests: BackgroundRequest[] = [];
  const sendMessage = vi.fn(async (message: BackgroundRequest): Promise<unknown> => {
    requests.push(message);
    if (message.type === 'sources:list') return { ok: true, value: [] };
    if (message.type === 'annotations:for-page') return { ok: true, value: stored };
    if (message.type === 'annotation:save-manual') {
      const saved = annotation('m1', TEXT, message.annotation.quote.exact, { origin: 'manual', kind: 'highlight', note: message.annotation.note });
      stored.push(saved);
      return { ok: true, value: saved };
    }
    return { ok: false, error: 'unexpected' };
  });
  const controller = new AbortController();
  sessions.push(controller);
  const session = startPage({ document, location: { href: 'https://news.example.com/talks' }, sendMessage, signal: controller.signal, detect: fakeDetect });
  const root = () => document.getElementById(HOST_ID)?.shadowRoot ?? null;
  const tags = () => Array.from(root()?.querySelectorAll('.sm-tag') ?? []).map((t) => t.getAttribute('data-source'));
  const snapshot = async () => {
    const result = (await session.handleMessage({ type: 'page:claims' })) as Result<PageSnapshot>;
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };
  return { session, requests, root, tags, snapshot };
}

const notAClaim = { rating: 'not-a-claim' as const, rationale: '', ratedAt: '2026-11-27T10:00:00.000Z' };

describe('startPage with corrections', () => {
  it('neither marks nor tags a sentence the user said is not a claim, and reports it as dismissed', async () => {
    const { session, tags, snapshot } = setup([annotation('d1', TEXT, KCNA, { origin: 'corrected', verdict: notAClaim })]);
    await session.ready;
    expect(tags()).toEqual(['TASS']);
    const marks = Array.from(document.querySelectorAll('mark[data-sourcemark]')).map((m) => m.textContent).join('');
    expect(marks).not.toContain('KCNA said');
    const { claims } = await snapshot();
    expect(claims.filter((c) => !c.dismissed).map((c) => c.text)).toEqual(['TASS reported that farmers may use the land.']);
    expect(claims.filter((c) => c.dismissed)).toEqual([expect.objectContaining({ text: KCNA, annotationId: 'd1', detected: true, start: 0 })]);
  });

  it("tags a claim with the source the user put in place of the detected one", async () => {
    const chosen = [attributionFor({ ref: { id: 'yonhap', name: 'Yonhap', type: 'news-agency' }, label: 'Yonhap', type: 'news-agency' }, { start: 0 })];
    const { session, tags, snapshot } = setup([annotation('c1', TEXT, KCNA, { origin: 'corrected', attributions: chosen })]);
    await session.ready;
    expect(tags()).toEqual(['Yonhap', 'TASS']);
    const claim = (await snapshot()).claims.find((c) => c.text === KCNA);
    expect(claim?.attributions).toEqual(chosen);
  });
});

describe('startPage: annotating a selection', () => {
  it('opens the editor on the selection, saves through the background, and marks the text at once', async () => {
    const { session, requests, root, tags } = setup([]);
    await session.ready;
    const paragraph = document.querySelectorAll('p')[1]?.firstChild as Text;
    const range = document.createRange();
    range.setStart(paragraph, 0);
    range.setEnd(paragraph, paragraph.length);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);

    expect(await session.handleMessage({ type: 'page:annotate-selection' })).toEqual({ ok: true, value: null });
    const editor = root()?.querySelector<HTMLElement>('.sm-editor');
    expect(editor?.hidden).toBe(false);
    expect(editor?.querySelector('blockquote')?.textContent).toBe('Primorye is another name for Primorsky.');
    (root()?.getElementById('sm-editor-note') as HTMLTextAreaElement).value = 'A note';
    editor?.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(editor?.hidden).toBe(true));
    await session.settled();

    const save = requests.find((r) => r.type === 'annotation:save-manual');
    expect(save).toMatchObject({ annotation: { note: 'A note', quote: { exact: 'Primorye is another name for Primorsky.' }, source: null } });
    await vi.waitFor(() => expect(tags()).toContain('Unattributed'));
    const marks = Array.from(document.querySelectorAll('mark[data-sourcemark="annotated"]')).map((m) => m.textContent).join('');
    expect(marks).toContain('Primorye is another name for Primorsky.');
  });
});
