// @vitest-environment happy-dom
/** Which blocks a batch of page changes asks to read again, and the observer that batches them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeDomChanges, planChanges } from '../../../lib/page/dom-changes';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The records a change makes, taken synchronously. */
function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

const notOwn = () => false;
const ids = (elements: Element[]) => elements.map((e) => e.id || e.localName);

describe('planChanges', () => {
  it('reads an added paragraph on its own', () => {
    document.body.innerHTML = '<div id="feed"><p id="a">a</p></div>';
    const p = Object.assign(document.createElement('p'), { id: 'b', textContent: 'b' });
    const plan = planChanges(recordsOf(() => document.getElementById('feed')?.append(p)), document.body, notOwn);
    expect(ids(plan.roots)).toEqual(['b']);
    expect(plan.removed).toEqual([]);
  });

  it('reads the paragraph again when text is added inside it, or a text node changes', () => {
    document.body.innerHTML = '<p id="p">one <em id="e">two</em></p>';
    let plan = planChanges(recordsOf(() => document.getElementById('e')?.append(' three')), document.body, notOwn);
    expect(ids(plan.roots)).toEqual(['p']);
    const text = document.getElementById('e')?.firstChild as Text;
    plan = planChanges(recordsOf(() => (text.data = 'TWO')), document.body, notOwn);
    expect(ids(plan.roots)).toEqual(['p']);
  });

  it('drops a removed paragraph without reading anything, and reads a paragraph that lost inline text', () => {
    document.body.innerHTML = '<div id="d"><p id="a">a</p><p id="b">b <em id="e">e</em></p></div>';
    const a = document.getElementById('a');
    let plan = planChanges(recordsOf(() => a?.remove()), document.body, notOwn);
    expect(plan.roots).toEqual([]);
    expect(plan.removed.map((t) => t.data)).toEqual(['a']);
    plan = planChanges(recordsOf(() => document.getElementById('e')?.remove()), document.body, notOwn);
    expect(ids(plan.roots)).toEqual(['b']);
    expect(plan.removed.map((t) => t.data)).toEqual(['e']);
  });

  it('reads the enclosing block when a block lands between inline text', () => {
    document.body.innerHTML = '<div id="d">before <span>x</span></div>';
    const p = Object.assign(document.createElement('p'), { textContent: 'inserted' });
    const plan = planChanges(recordsOf(() => document.querySelector('span')?.before(p)), document.body, notOwn);
    expect(ids(plan.roots)).toEqual(['d']);
  });

  it('keeps one root when a block and something inside it both changed', () => {
    document.body.innerHTML = '<div id="feed"></div>';
    const entry = Object.assign(document.createElement('div'), { id: 'entry' });
    const plan = planChanges(
      recordsOf(() => {
        document.getElementById('feed')?.append(entry);
        entry.append(Object.assign(document.createElement('p'), { textContent: 'x' }));
      }),
      document.body,
      notOwn,
    );
    expect(ids(plan.roots)).toEqual(['entry']);
  });

  it('reads a block revealed by removing `hidden`', () => {
    document.body.innerHTML = '<div><p>a</p><section id="s" hidden><p>more</p></section></div>';
    const plan = planChanges(recordsOf(() => document.getElementById('s')?.removeAttribute('hidden')), document.body, notOwn);
    expect(ids(plan.roots)).toEqual(['s']);
  });

  it('ignores Sourcemark’s own nodes and changes outside the body', () => {
    document.body.innerHTML = '<div id="own"></div>';
    const own = document.getElementById('own') as Element;
    const plan = planChanges(
      recordsOf(() => {
        own.append(Object.assign(document.createElement('p'), { textContent: 'ours' }));
        document.head.append(document.createElement('style'));
      }),
      document.body,
      (node) => node === own || own.contains(node),
    );
    expect(plan.roots).toEqual([]);
  });
});

describe('observeDomChanges', () => {
  it('hands on the page’s changes in one batch, without its own', async () => {
    document.body.innerHTML = '<div id="feed"></div>';
    const onBatch = vi.fn();
    const controller = new AbortController();
    const changes = observeDomChanges({ doc: document, isOwn: () => false, onBatch, signal: controller.signal, maxDelayMs: 10 });
    const feed = document.getElementById('feed');
    feed?.append(document.createElement('p'));
    feed?.append(document.createElement('p'));
    changes.unobserved(() => feed?.append(document.createElement('mark')));
    await vi.waitFor(() => expect(onBatch).toHaveBeenCalledTimes(1));
    const records = onBatch.mock.calls[0]?.[0] as MutationRecord[];
    expect(records.flatMap((r) => [...r.addedNodes]).map((n) => n.nodeName)).toEqual(['P', 'P']);
    controller.abort();
    feed?.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(onBatch).toHaveBeenCalledTimes(1);
  });

  it('poke() asks for a batch with nothing in it (a URL check)', async () => {
    const onBatch = vi.fn();
    const controller = new AbortController();
    const changes = observeDomChanges({ doc: document, isOwn: () => false, onBatch, signal: controller.signal, maxDelayMs: 10 });
    changes.poke();
    await vi.waitFor(() => expect(onBatch).toHaveBeenCalledWith([]));
    controller.abort();
  });
});
