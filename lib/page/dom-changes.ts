/**
 * Following a page that changes after it was read: lazy-loaded paragraphs, "load more", live
 * blogs, single-page apps swapping their article. A MutationObserver collects what the page
 * changed; batches are handed on once the page is idle (or after a short wait), as a plan of
 * which blocks to read again and which text is gone, so only what changed is extracted again.
 */
import { blockContainer, bordersOnlyBlocks, isBlockElement } from '../anchor/dom-text';
import { whenIdleTime } from '../highlight/idle';

/** What a batch of page changes asks of the pipeline. */
export type ChangePlan = {
  /**
   * Blocks to extract again, in document order, none inside another: added blocks, and the
   * blocks whose text changed inside. Old text inside them is cut before they are read again.
   */
  roots: Element[];
  /** Text nodes that left the page (their characters are cut wherever they were). */
  removed: Text[];
};

/** The text nodes of a subtree (the node itself for a text node). */
function textNodesOf(node: Node): Text[] {
  if (node.nodeType === 3 /* TEXT_NODE */) return [node as Text];
  if (node.nodeType !== 1 /* ELEMENT_NODE */ && node.nodeType !== 11 /* DOCUMENT_FRAGMENT_NODE */) return [];
  const doc = node.ownerDocument;
  if (!doc) return [];
  const found: Text[] = [];
  const walker = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) found.push(text as Text);
  return found;
}

/** True when a node (or its subtree) holds any characters. */
function hasText(node: Node): boolean {
  return (node.textContent ?? '') !== '';
}

/**
 * The plan for a batch of mutation records on `body`. `isOwn` tells Sourcemark's own nodes (its
 * host element, its style), whose changes are ignored. Pure over its inputs: reads the DOM, changes nothing.
 */
export function planChanges(records: readonly MutationRecord[], body: Element, isOwn: (node: Node) => boolean): ChangePlan {
  const roots = new Set<Element>();
  const removed: Text[] = [];
  /** The block around a change inside `node`, when the page reads it. */
  const blockAround = (node: Node) => {
    const block = blockContainer(node);
    if (block && block.isConnected && body.contains(block)) roots.add(block);
  };

  for (const record of records) {
    const target = record.target;
    if (isOwn(target) || !(target === body || body.contains(target))) continue;
    if (record.type === 'characterData') {
      blockAround(target);
      continue;
    }
    if (record.type === 'attributes') {
      // `hidden` or `aria-hidden` toggled: the element's text appears or goes.
      const element = target as Element;
      const parent = element.parentNode;
      if (isBlockElement(element) && parent && bordersOnlyBlocks(parent, element.previousSibling, element.nextSibling)) {
        roots.add(element);
      } else if (parent) {
        blockAround(parent);
      }
      continue;
    }
    for (const node of Array.from(record.removedNodes)) {
      if (isOwn(node)) continue;
      const texts = textNodesOf(node);
      removed.push(...texts);
      if (texts.length === 0) continue;
      // A whole paragraph between paragraphs just goes; anything else changes its block's text.
      const separate =
        node.nodeType === 1 && isBlockElement(node as Element) && bordersOnlyBlocks(target, record.previousSibling, record.nextSibling);
      if (!separate) blockAround(target);
    }
    for (const node of Array.from(record.addedNodes)) {
      if (isOwn(node) || !node.isConnected || node.parentNode !== target) continue;
      if (node.nodeType === 1 && isBlockElement(node as Element) && bordersOnlyBlocks(target, node.previousSibling, node.nextSibling)) {
        roots.add(node as Element);
      } else if (hasText(node)) {
        blockAround(target);
      }
    }
  }

  // Document order, and nothing inside another root (it is read with it).
  const ordered = [...roots]
    .filter((root) => root.isConnected)
    .sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  const kept: Element[] = [];
  for (const root of ordered) {
    const last = kept[kept.length - 1];
    if (last && last.contains(root)) continue;
    kept.push(root);
  }
  return { roots: kept, removed };
}

/** What `observeDomChanges` needs. */
export type DomChangeOptions = {
  /** The document to watch (its `<body>`, and `<html>` for a replaced body). */
  doc: Document;
  /** Sourcemark's own nodes: their changes are not the page's. */
  isOwn: (node: Node) => boolean;
  /** Called with each batch of records, once the page has been idle for a moment. */
  onBatch: (records: MutationRecord[]) => void;
  /** Stops observing. */
  signal: AbortSignal;
  /** Longest wait for an idle moment before a batch is handed on, ms. */
  maxDelayMs?: number;
};

/** A running observer. */
export type DomChanges = {
  /**
   * Run `change` (Sourcemark's own DOM writes, e.g. the `<mark>` fallback) without its mutations
   * reaching the batches. Records the page made before it are kept.
   */
  unobserved<T>(change: () => T): T;
  /** Hand on what is pending now (without waiting for idle time). */
  flush(): void;
  /** Ask for a batch even if no records are pending (e.g. after `popstate`): `onBatch([])`. */
  poke(): void;
};

/** Default for `DomChangeOptions.maxDelayMs`. */
const DEFAULT_MAX_DELAY_MS = 200;

/**
 * Observe the document's body and batch its changes: text added, removed or edited, and `hidden`
 * / `aria-hidden` toggled. Batches wait for an idle callback (at most `maxDelayMs`), so a page
 * inserting a hundred nodes in a loop gives one batch, not a hundred.
 */
export function observeDomChanges(options: DomChangeOptions): DomChanges {
  const { doc, isOwn, onBatch, signal } = options;
  const view = doc.defaultView;
  const pending: MutationRecord[] = [];
  let scheduled: (() => void) | null = null;
  let poked = false;

  const deliver = () => {
    scheduled = null;
    if (signal.aborted) return;
    pending.push(...observer.takeRecords());
    if (pending.length === 0 && !poked) return;
    poked = false;
    onBatch(pending.splice(0));
  };
  const schedule = () => {
    if (scheduled || signal.aborted || !view) return;
    scheduled = whenIdleTime(view, deliver, options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS);
  };

  const observer = new (view?.MutationObserver ?? MutationObserver)((records) => {
    for (const record of records) if (!isOwn(record.target)) pending.push(record);
    if (pending.length > 0) schedule();
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden', 'aria-hidden'],
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      scheduled?.();
      scheduled = null;
      pending.length = 0;
    },
    { once: true },
  );

  return {
    unobserved(change) {
      for (const record of observer.takeRecords()) if (!isOwn(record.target)) pending.push(record);
      try {
        return change();
      } finally {
        observer.takeRecords(); // ours: dropped
        if (pending.length > 0) schedule();
      }
    },
    flush() {
      scheduled?.();
      deliver();
    },
    poke() {
      poked = true;
      schedule();
    },
  };
}
