// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { extractText } from '../../../lib/anchor/dom-text';
import { createAnnotationEditor, SAVED_MESSAGE, type AnnotationEditor, type EditorRequest } from '../../../lib/highlight/annotation-editor';
import { annotateRange, manualRequest, NO_SELECTION_MESSAGE, NO_SELECTION_TO_REATTACH, rangeToSpan, selectionSelectors, trimSpan } from '../../../lib/page/annotate-selection';
import type { BackgroundRequest } from '../../../lib/messages';
import { BUILTIN_SOURCES } from '../../../lib/detect/registry';
import { mergeRegistry } from '../../../lib/sources/merge-registry';

const registry = mergeRegistry(BUILTIN_SOURCES, []);

/** A page, its extraction, and the page offset of a DOM position. */
function page(html: string) {
  document.body.innerHTML = html;
  const extracted = extractText(document.body);
  const offsetOf = (node: Node, offset: number) => {
    const chunk = extracted.chunks.find((c) => c.node === node);
    return chunk ? chunk.start + offset : null;
  };
  return { extracted, offsetOf };
}

/** A range from the start of `from`'s text to the end of `to`'s. */
function rangeOver(from: Node, fromOffset: number, to: Node, toOffset: number): Range {
  const range = document.createRange();
  range.setStart(from, fromOffset);
  range.setEnd(to, toOffset);
  return range;
}

describe('rangeToSpan', () => {
  it('maps a selection inside one text node', () => {
    const { extracted, offsetOf } = page('<p>Alpha beta gamma.</p>');
    const text = document.querySelector('p')?.firstChild as Text;
    const span = rangeToSpan(rangeOver(text, 6, text, 10), offsetOf);
    expect(span && extracted.text.slice(span.start, span.end)).toBe('beta');
  });

  it('maps a selection over elements and paragraphs, skipping text the extraction leaves out', () => {
    const { extracted, offsetOf } = page('<p id="a">One <b>two</b> three.</p><script>var x = 1;</script><p id="b">Four five.</p>');
    const range = document.createRange();
    range.setStart(document.getElementById('a') as Node, 0);
    range.setEnd(document.getElementById('b')?.firstChild as Node, 4);
    const span = rangeToSpan(range, offsetOf);
    expect(span && extracted.text.slice(span.start, span.end)).toBe('One two three.\n\nFour');
  });

  it('is null for a collapsed range or one over no extracted text', () => {
    const { offsetOf } = page('<p>Text.</p><script>var y = 2;</script>');
    const text = document.querySelector('p')?.firstChild as Text;
    expect(rangeToSpan(rangeOver(text, 2, text, 2), offsetOf)).toBeNull();
    const script = document.querySelector('script')?.firstChild as Text;
    expect(rangeToSpan(rangeOver(script, 0, script, 5), offsetOf)).toBeNull();
  });
});

describe('selectionSelectors (re-attaching an orphan to the selection)', () => {
  it('gives the quote, its context and the position of the selected text, white space trimmed', () => {
    const { extracted, offsetOf } = page('<p>First sentence here.</p><p>The minister said taxes would fall. Then more.</p>');
    const text = document.querySelectorAll('p')[1]?.firstChild as Text;
    const result = selectionSelectors(rangeOver(text, 0, text, 36), { text: () => extracted.text, offsetOf });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [quote, position] = result.value;
    expect(quote.exact).toBe('The minister said taxes would fall.');
    expect(quote.prefix).toContain('First sentence here.');
    expect(quote.suffix).toContain('Then more.');
    expect(extracted.text.slice(position.start, position.end)).toBe(quote.exact);
  });

  it('fails in words, with nothing built, for no selection or a blank one', () => {
    const { extracted, offsetOf } = page('<p>Alpha</p> <p>Beta</p>');
    const deps = { text: () => extracted.text, offsetOf };
    expect(selectionSelectors(null, deps)).toEqual({ ok: false, error: NO_SELECTION_TO_REATTACH });
    const alpha = document.querySelector('p')?.firstChild as Text;
    expect(selectionSelectors(rangeOver(alpha, 2, alpha, 2), deps)).toEqual({ ok: false, error: NO_SELECTION_TO_REATTACH });
  });
});

describe('trimSpan', () => {
  it.each([
    ['  ab c \n', { start: 0, end: 8 }, { start: 2, end: 6 }],
    ['abc', { start: 1, end: 2 }, { start: 1, end: 2 }],
    ['a \n\t b', { start: 1, end: 5 }, null],
  ])('%j %j → %j', (text, span, expected) => {
    expect(trimSpan(text, span)).toEqual(expected);
  });
});

describe('manualRequest', () => {
  const text = 'Before the quote. Primorye is another name for Primorsky. After the quote.';
  const span = { start: text.indexOf('Primorye'), end: text.indexOf(' After') };
  const draft = { note: 'n', tags: ['a'], verdict: null, rationale: 'ignored', source: '' };

  it('builds quote and position selectors, and no source for an empty source field', () => {
    const request = manualRequest(draft, text, span, { url: 'https://x.example/', title: 'X' }, registry);
    expect(request.quote).toEqual({ type: 'TextQuoteSelector', exact: 'Primorye is another name for Primorsky.', prefix: 'Before the quote. ', suffix: ' After the quote.' });
    expect(request.position).toEqual({ type: 'TextPositionSelector', ...span });
    expect(request.source).toBeNull();
    expect(request.verdict).toBeNull();
  });

  it('resolves a registry source by alias, keeps a new name, and sends a verdict with its rationale', () => {
    const known = manualRequest({ ...draft, source: 'Korean Central News Agency', verdict: 'false', rationale: 'why' }, text, span, { url: 'u', title: 't' }, registry);
    expect(known.source).toEqual({ id: 'kcna', name: 'KCNA', type: 'state-media' });
    expect(known.verdict).toEqual({ rating: 'false', rationale: 'why' });
    const typed = manualRequest({ ...draft, source: 'A local blogger' }, text, span, { url: 'u', title: 't' }, registry);
    expect(typed.source).toEqual({ id: null, name: 'A local blogger', type: 'other' });
  });
});

describe('annotateRange', () => {
  /** An editor that records what it was asked. */
  function fakeEditor() {
    const opened: EditorRequest[] = [];
    const notices: string[] = [];
    const editor: AnnotationEditor = {
      element: document.createElement('div'),
      isOpen: false,
      open: (request) => opened.push(request),
      close: () => undefined,
      notice: (text) => notices.push(text),
    };
    return { editor, opened, notices };
  }

  function deps(offsetOf: (node: Node, offset: number) => number | null, text: string, answer: unknown) {
    const { editor, opened, notices } = fakeEditor();
    const sent: BackgroundRequest[] = [];
    const onSaved = vi.fn();
    return {
      opened,
      notices,
      sent,
      onSaved,
      deps: {
        text: () => text,
        offsetOf,
        page: () => ({ url: 'https://news.example/a', title: 'A' }),
        registry: () => registry,
        editor: () => editor,
        sendMessage: async (message: BackgroundRequest) => {
          sent.push(message);
          return answer;
        },
        onSaved,
      },
    };
  }

  it('says on the page, and in its answer, that nothing is selected', () => {
    const { extracted, offsetOf } = page('<p>Some text.</p>');
    const run = deps(offsetOf, extracted.text, null);
    expect(annotateRange(null, run.deps)).toEqual({ ok: false, error: NO_SELECTION_MESSAGE });
    expect(run.notices).toEqual([NO_SELECTION_MESSAGE]);
    // Only white space selected: the same.
    const blank = page('<p>Some   text.</p>');
    const words = document.querySelector('p')?.firstChild as Text;
    const spaceRun = deps(blank.offsetOf, blank.extracted.text, null);
    expect(annotateRange(rangeOver(words, 4, words, 7), spaceRun.deps).ok).toBe(false);
    expect(spaceRun.notices).toEqual([NO_SELECTION_MESSAGE]);
    expect(run.notices).toEqual([NO_SELECTION_MESSAGE]);
    expect(run.opened).toEqual([]);
  });

  it('opens the editor on the trimmed selection; a submit saves through the background and redraws', async () => {
    const { extracted, offsetOf } = page('<p>Intro. Primorye is another name.</p>');
    const text = document.querySelector('p')?.firstChild as Text;
    const saved = { id: 'new', target: { selectors: [] }, attributions: [], note: '', tags: [] };
    const run = deps(offsetOf, extracted.text, { ok: true, value: saved });
    expect(annotateRange(rangeOver(text, 6, text, text.length), run.deps)).toEqual({ ok: true, value: null });
    expect(run.opened).toHaveLength(1);
    const request = run.opened[0];
    expect(request?.quote).toBe('Primorye is another name.');
    expect(request?.sourceNames).toContain('KCNA');
    const error = await request?.onSubmit({ note: 'n', tags: ['t'], verdict: null, rationale: '', source: 'Yonhap' });
    expect(error).toBeNull();
    expect(run.sent).toEqual([
      {
        type: 'annotation:save-manual',
        annotation: expect.objectContaining({
          url: 'https://news.example/a',
          quote: expect.objectContaining({ exact: 'Primorye is another name.', prefix: 'Intro. ' }),
          position: { type: 'TextPositionSelector', start: 7, end: 32 },
          source: { id: 'yonhap', name: 'Yonhap', type: 'news-agency' },
          tags: ['t'],
        }),
      },
    ]);
    expect(run.onSaved).toHaveBeenCalledWith(saved);
  });

  it('passes a failed save back to the editor, which keeps the draft', async () => {
    const { extracted, offsetOf } = page('<p>Some selected words.</p>');
    const text = document.querySelector('p')?.firstChild as Text;
    const run = deps(offsetOf, extracted.text, { ok: false, error: 'Could not save your annotation: disk full' });
    annotateRange(rangeOver(text, 0, text, 4), run.deps);
    expect(await run.opened[0]?.onSubmit({ note: '', tags: [], verdict: null, rationale: '', source: '' })).toBe('Could not save your annotation: disk full');
    expect(run.onSaved).not.toHaveBeenCalled();
  });
});

describe('the editor', () => {
  function open(onSubmit: EditorRequest['onSubmit']) {
    document.body.innerHTML = '<button id="before">before</button><div id="host"></div>';
    const host = document.getElementById('host') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    const controller = new AbortController();
    const editor = createAnnotationEditor(document, root, host, controller.signal);
    const before = document.getElementById('before') as HTMLButtonElement;
    before.focus();
    editor.open({ quote: 'The quote', anchor: null, sourceNames: ['KCNA', 'Yonhap'], onSubmit });
    const field = <T extends HTMLElement>(id: string) => root.getElementById(id) as T;
    return { editor, root, before, field, controller };
  }

  it('opens on the quote with focus in the note, and suggests registry names for the source', () => {
    const { root, field } = open(async () => null);
    expect(root.querySelector('blockquote')?.textContent).toBe('The quote');
    expect(root.activeElement).toBe(field('sm-editor-note'));
    expect([...root.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value)).toEqual(['KCNA', 'Yonhap']);
  });

  it('Escape closes without saving and gives focus back', () => {
    const onSubmit = vi.fn(async () => null);
    const { editor, field, before } = open(onSubmit);
    field<HTMLTextAreaElement>('sm-editor-note').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(editor.isOpen).toBe(false);
    expect(editor.element.hidden).toBe(true);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(before);
  });

  it('Ctrl+Enter submits the draft; a failure is shown and the text kept; success closes', async () => {
    const answers = ['Could not save: disk full', null];
    const drafts: unknown[] = [];
    const { editor, field, root } = open(async (draft) => {
      drafts.push(draft);
      return answers.shift() ?? null;
    });
    field<HTMLTextAreaElement>('sm-editor-note').value = 'My note';
    field<HTMLInputElement>('sm-editor-tags').value = ' dprk,  labour , ,dprk';
    field<HTMLSelectElement>('sm-editor-verdict').value = 'mostly-false';
    field<HTMLTextAreaElement>('sm-editor-rationale').value = 'Because';
    field<HTMLInputElement>('sm-editor-source').value = ' Yonhap ';
    const ctrlEnter = () =>
      field<HTMLTextAreaElement>('sm-editor-note').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    ctrlEnter();
    await vi.waitFor(() => expect(root.querySelector('.sm-editor-status')?.textContent).toContain('disk full'));
    expect(editor.isOpen).toBe(true);
    expect(field<HTMLTextAreaElement>('sm-editor-note').value).toBe('My note');
    expect(drafts[0]).toEqual({ note: 'My note', tags: ['dprk', 'labour'], verdict: 'mostly-false', rationale: 'Because', source: 'Yonhap' });
    ctrlEnter();
    await vi.waitFor(() => expect(editor.isOpen).toBe(false));
    expect(root.querySelector('.sm-notice')?.textContent).toBe(SAVED_MESSAGE);
  });

  it('keeps key presses from the page (its shortcuts must not act on typing)', () => {
    const { field } = open(async () => null);
    const heard: string[] = [];
    document.addEventListener('keydown', (event) => heard.push(event.key));
    field<HTMLInputElement>('sm-editor-tags').dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(heard).toEqual([]);
  });

  it('shows a notice as an alert', () => {
    const { editor, root } = open(async () => null);
    editor.notice('Select some text first');
    const notice = root.querySelector('.sm-notice') as HTMLElement;
    expect(notice.hidden).toBe(false);
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toBe('Select some text first');
  });
});
