// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractText, rangeFromOffsets } from '../../../lib/anchor/dom-text';
import { createCard } from '../../../lib/highlight/card';
import { attachClaimInteractions, type DrawnClaim } from '../../../lib/highlight/claim-interactions';
import { tagLabel } from '../../../lib/highlight/claim-label';
import { createOverlay, HOST_ID } from '../../../lib/highlight/overlay';
import { attribution, mark } from './builders';

afterEach(() => {
  document.getElementById(HOST_ID)?.remove();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'caretPositionFromPoint');
});

function setup() {
  document.body.innerHTML =
    '<p>Intro. State agency <a href="/k">KCNA</a> said on Wednesday.</p><p>Nothing to see.</p>';
  const extracted = extractText(document.body);
  const quote = 'State agency KCNA said on Wednesday.';
  const start = extracted.text.indexOf(quote);
  const claim: DrawnClaim = {
    mark: mark(start, quote, { attributions: [attribution('KCNA', { cue: 'said' })] }),
    range: rangeFromOffsets(extracted, start, start + quote.length),
  };
  const controller = new AbortController();
  const overlay = createOverlay(document, controller.signal);
  const card = createCard(document, overlay.root, overlay.host, () => interactions.close({ returnFocus: true }), controller.signal);
  const interactions = attachClaimInteractions({
    doc: document,
    overlay,
    card,
    signal: controller.signal,
    extracted: () => extracted,
  });
  overlay.setTags([{ start, range: claim.range, after: null, label: tagLabel(claim.mark.attributions, new Map(), false) }]);
  interactions.setClaims([claim], new Map());
  const tag = overlay.tagFor(start);
  if (!tag) throw new Error('no tag');
  return { extracted, claim, overlay, card, interactions, tag, controller, start };
}

/** Make the caret APIs and client rects say that the pointer is on `node` at `offset`. */
function pointerOver(node: Node | null, offset = 0) {
  Object.defineProperty(document, 'caretPositionFromPoint', {
    configurable: true,
    value: () => (node ? { offsetNode: node, offset } : null),
  });
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([
    { left: 0, right: 500, top: 0, bottom: 20, width: 500, height: 20 },
  ] as unknown as DOMRectList);
}

function click(target: EventTarget, x = 10, y = 10) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, button: 0 });
  target.dispatchEvent(event);
  return event;
}

describe('attachClaimInteractions', () => {
  it('opens a pinned card from the tag, focused, and closes it on a second click', () => {
    const { card, tag, overlay, start } = setup();
    tag.click();
    expect(card.start).toBe(start);
    expect(card.pinned).toBe(true);
    expect(card.element.textContent).toContain('KCNA');
    expect(tag.getAttribute('aria-expanded')).toBe('true');
    expect(overlay.root.activeElement).toBe(card.element);
    tag.click();
    expect(card.start).toBeNull();
    expect(tag.getAttribute('aria-expanded')).toBe('false');
    expect(overlay.root.activeElement).toBe(tag);
  });

  it('closes on Escape and gives focus back to the tag', () => {
    const { card, tag, overlay } = setup();
    tag.click();
    card.element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(card.start).toBeNull();
    expect(overlay.root.activeElement).toBe(tag);
  });

  it('closes from the close button', () => {
    const { card, tag } = setup();
    tag.click();
    card.element.querySelector<HTMLButtonElement>('.sm-card-close')?.click();
    expect(card.start).toBeNull();
  });

  it('shows the card while the tag has keyboard focus', () => {
    const { card, tag, start } = setup();
    tag.focus();
    expect(card.start).toBe(start);
    expect(card.pinned).toBe(false);
    tag.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget: document.body }));
    expect(card.start).toBeNull();
  });

  it('opens the card when highlighted text is clicked, without preventing the click', () => {
    const { card, start } = setup();
    const link = document.querySelector('a');
    pointerOver(link?.firstChild ?? null, 1);
    const event = click(link as Element);
    expect(event.defaultPrevented).toBe(false);
    expect(card.start).toBe(start);
    expect(card.pinned).toBe(true);
  });

  it('ignores a click beside the text that the caret API snaps onto the claim', () => {
    const { card } = setup();
    pointerOver(document.querySelector('a')?.firstChild ?? null, 1);
    click(document.body, 900, 10); // right of every rect
    expect(card.start).toBeNull();
  });

  it('closes a pinned card on a click outside any claim', () => {
    const { card, tag } = setup();
    tag.click();
    pointerOver(document.querySelectorAll('p')[1]?.firstChild ?? null, 2);
    click(document.querySelectorAll('p')[1] as Element);
    expect(card.start).toBeNull();
  });

  it('does not open a card while the user selects text', () => {
    const { card } = setup();
    const link = document.querySelector('a');
    pointerOver(link?.firstChild ?? null, 1);
    const selection = document.getSelection();
    const range = document.createRange();
    range.selectNodeContents(link as Node);
    selection?.addRange(range);
    click(link as Element);
    expect(card.start).toBeNull();
    selection?.removeAllRanges();
  });

  it('opens and closes by start offset', () => {
    const { card, interactions, start } = setup();
    expect(interactions.open(start + 1, { pinned: true, focus: false })).toBe(false);
    expect(interactions.open(start, { pinned: true, focus: false })).toBe(true);
    expect(card.start).toBe(start);
    interactions.close({ returnFocus: false });
    expect(card.start).toBeNull();
  });

  it('refreshes an open card when the claims are redrawn, and closes it if its claim is gone', () => {
    const { card, interactions, claim, start } = setup();
    interactions.open(start, { pinned: true, focus: false });
    interactions.setClaims([{ ...claim, mark: { ...claim.mark, attributions: [attribution('TASS')] } }], new Map());
    expect(card.start).toBe(start);
    expect(card.element.textContent).toContain('TASS');
    interactions.setClaims([], new Map());
    expect(card.start).toBeNull();
  });

  it('puts the card right after its tag, so Tab goes from the tag into the card', () => {
    const { card, tag } = setup();
    tag.focus();
    expect(tag.nextElementSibling).toBe(card.element);
  });

  it('keeps the card when the tags are redrawn', () => {
    const { card, tag, overlay, claim, interactions, start } = setup();
    tag.click();
    overlay.setTags([{ start, range: claim.range, after: null, label: tagLabel([], new Map(), false) }]);
    interactions.setClaims([claim], new Map());
    expect(card.element.isConnected).toBe(true);
    expect(card.start).toBe(start);
    expect(overlay.root.querySelectorAll('.sm-tag')).toHaveLength(1);
  });

  it('stops listening once the signal aborts', () => {
    const { card, tag, controller } = setup();
    controller.abort();
    tag.click();
    expect(card.start).toBeNull();
  });
});
