/**
 * How the user reaches a claim's card: clicking or hovering highlighted text, clicking, hovering
 * or focusing its tag; Escape or the close button closes it. Page events are only observed
 * (passive, never `preventDefault`): links inside claims and the page's own handlers still work.
 */
import { offsetAtPoint, type ExtractedText } from '../anchor/dom-text';
import { markAt, type ClaimMark } from '../page/claim-marks';
import type { ClaimCard } from './card';
import type { SourceLookup } from './claim-label';
import { throttleToFrame } from './frame-throttle';
import { lastRect, type Overlay } from './overlay';

/** A mark and the DOM range it was drawn on. */
export type DrawnClaim = {
  /** What the card shows. */
  mark: ClaimMark;
  /** Where the mark's text is: for hit-testing the pointer and placing the card. */
  range: Range;
};

/** How the open card was opened, which decides what closes it. */
type CardMode =
  /** Pointer over the claim or its tag: closes shortly after the pointer leaves both. */
  | 'hover'
  /** Keyboard focus on the tag: closes when focus leaves Sourcemark's UI. */
  | 'focus'
  /** Click, Enter or the popup: stays until closed, Escape, or a click elsewhere. */
  | 'pinned';

/** What the interactions need. */
export type InteractionOptions = {
  /** The page's document. */
  doc: Document;
  /** The shadow-root UI holding the tags. */
  overlay: Overlay;
  /** The card to open and close. */
  card: ClaimCard;
  /** Aborting removes every listener. */
  signal: AbortSignal;
  /** The current extraction (the <mark> fallback replaces it after each draw); unused when `offsetAt` is given. */
  extracted?: () => ExtractedText;
  /** The page-text offset under a viewport point, or null (a page read in segments maps it itself). */
  offsetAt?: (x: number, y: number) => number | null;
};

/** The claims the user can open, and programmatic open/close (for `page:show-claim`). */
export type ClaimInteractions = {
  /** Replace the openable claims; an open card is refreshed, or closed if its claim is gone. */
  setClaims(claims: readonly DrawnClaim[], sources: SourceLookup): void;
  /** Open the card of the claim starting at `start`; false when there is none. */
  open(start: number, options: { pinned: boolean; focus: boolean }): boolean;
  /** Close the card; with `returnFocus`, focus goes back to the claim's tag. */
  close(options: { returnFocus: boolean }): void;
};

/** How long the pointer may be away from a hovered claim before its card closes. */
const HOVER_HIDE_DELAY_MS = 300;

/**
 * True when viewport point (x, y) is on the range's text. Client rects cover the glyphs' height
 * only, not the line's leading, so they are widened vertically by a quarter of their height: a
 * click between the glyphs of two lines of one claim still counts, a click in the margin beside
 * the text does not.
 */
function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const rect = rects[i];
    if (!rect) continue;
    const slack = rect.height / 4;
    if (x >= rect.left && x <= rect.right && y >= rect.top - slack && y <= rect.bottom + slack) return true;
  }
  return false;
}

/** Wire the card to page, tag and keyboard events until `options.signal` aborts. */
export function attachClaimInteractions(options: InteractionOptions): ClaimInteractions {
  const { doc, overlay, card, signal } = options;
  const view = doc.defaultView ?? window;
  let claims: readonly DrawnClaim[] = [];
  // Built on first use after each change: a long page changes often while it is read, and most
  // changes are never followed by a click.
  let lookups: { marks: ClaimMark[]; byStart: Map<number, DrawnClaim>; byMark: Map<ClaimMark, DrawnClaim> } | null = null;
  const index = () => {
    if (!lookups) {
      const byStart = new Map<number, DrawnClaim>();
      // Several marks can share a start (a claim and an annotation-only mark): the first, a
      // detected claim, is the one tags and messages name.
      for (const claim of claims) if (!byStart.has(claim.mark.start)) byStart.set(claim.mark.start, claim);
      lookups = {
        marks: claims.map((c) => c.mark), // already sorted by start (buildMarks)
        byStart,
        byMark: new Map(claims.map((c) => [c.mark, c])),
      };
    }
    return lookups;
  };
  /** The range of the claim whose card is open: follows the claim when offsets shift. */
  let openRange: Range | null = null;
  let sources: SourceLookup = new Map();
  let mode: CardMode | null = null;
  let hideTimer = 0;
  // Set while `close` hands focus back to a tag, so that focus does not reopen the card.
  let returningFocus = false;

  const cancelHide = () => {
    if (hideTimer) view.clearTimeout(hideTimer);
    hideTimer = 0;
  };
  signal.addEventListener('abort', cancelHide, { once: true });

  const setExpanded = (start: number | null, expanded: boolean) => {
    if (start !== null) overlay.tagFor(start)?.setAttribute('aria-expanded', String(expanded));
  };

  const placeCard = () => {
    const start = card.start;
    const claim = start === null ? undefined : index().byStart.get(start);
    if (!claim) return;
    const tag = overlay.tagFor(claim.mark.start);
    const anchor = tag && overlay.ensurePlaced(claim.mark.start) ? tag.getBoundingClientRect() : lastRect(claim.range);
    card.place(anchor);
  };

  const openClaim = (claim: DrawnClaim, nextMode: CardMode, focus: boolean) => {
    cancelHide();
    setExpanded(card.start, false);
    mode = nextMode;
    openRange = claim.range;
    overlay.bringToFront();
    card.show(claim.mark, sources, { pinned: nextMode === 'pinned' });
    // Right after its tag in the DOM, so Tab goes tag → card → next tag. Not while the card
    // holds focus: moving a focused element blurs it.
    const tag = overlay.tagFor(claim.mark.start);
    if (tag && tag.nextElementSibling !== card.element && !card.element.contains(overlay.root.activeElement)) {
      tag.after(card.element);
    } else if (!card.element.isConnected) {
      overlay.root.append(card.element);
    }
    placeCard();
    setExpanded(claim.mark.start, true);
    if (focus) card.element.focus({ preventScroll: true });
  };

  const close = ({ returnFocus }: { returnFocus: boolean }) => {
    cancelHide();
    const start = card.start;
    if (start === null) return;
    setExpanded(start, false);
    card.hide();
    mode = null;
    openRange = null;
    if (!returnFocus) return;
    returningFocus = true;
    try {
      overlay.tagFor(start)?.focus({ preventScroll: true });
    } finally {
      returningFocus = false;
    }
  };

  const scheduleHide = () => {
    if (hideTimer || mode !== 'hover') return;
    hideTimer = view.setTimeout(() => {
      hideTimer = 0;
      if (mode === 'hover') close({ returnFocus: false });
    }, HOVER_HIDE_DELAY_MS);
  };

  /** The claim whose text is under viewport point (x, y), if any. */
  const claimAtPoint = (x: number, y: number): DrawnClaim | null => {
    if (claims.length === 0) return null;
    const offset = options.offsetAt
      ? options.offsetAt(x, y)
      : options.extracted
        ? offsetAtPoint(options.extracted(), x, y)
        : null;
    if (offset === null) return null;
    const { marks, byMark } = index();
    // A caret offset is a boundary: the character under the pointer is on either side of it.
    for (const candidate of [markAt(marks, offset), markAt(marks, offset - 1)]) {
      const claim = candidate ? byMark.get(candidate) : undefined;
      // The caret APIs snap to the nearest text, even from the margin: check the pointer is on it.
      if (claim && rangeContainsPoint(claim.range, x, y)) return claim;
    }
    return null;
  };

  const isInOverlay = (event: Event) => event.composedPath().includes(overlay.host);

  // Page: click on highlighted text opens its card; a click elsewhere closes a pinned one.
  // Capture phase, so a page that stops propagation still lets us see the click.
  doc.addEventListener(
    'click',
    (event) => {
      if (event.button !== 0 || isInOverlay(event)) return;
      const selection = doc.getSelection();
      if (selection && !selection.isCollapsed) return; // the user is selecting text, not clicking a claim
      const claim = claimAtPoint(event.clientX, event.clientY);
      if (claim) openClaim(claim, 'pinned', false);
      else if (mode === 'pinned') close({ returnFocus: false });
    },
    { capture: true, passive: true, signal },
  );

  // Page: hovering highlighted text shows its card. composedPath() is only valid during dispatch,
  // so "is it over our UI" is decided here and passed to the throttled handler.
  const onPointerMove = throttleToFrame(view, signal, (x: number, y: number, overOverlay: boolean) => {
    if (mode === 'pinned' || mode === 'focus') return;
    if (overOverlay) {
      cancelHide();
      return;
    }
    const claim = claimAtPoint(x, y);
    if (claim) {
      if (card.start !== claim.mark.start) openClaim(claim, 'hover', false);
      cancelHide();
    } else if (mode === 'hover') {
      scheduleHide();
    }
  });
  doc.addEventListener('pointermove', (event) => onPointerMove(event.clientX, event.clientY, isInOverlay(event)), {
    passive: true,
    signal,
  });

  // Escape closes the card wherever focus is; focus returns to the tag if it was in our UI.
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || card.start === null) return;
      close({ returnFocus: overlay.root.activeElement !== null });
    },
    { capture: true, signal },
  );

  // Tags and card, delegated on the shadow root (tags are replaced on every redraw).
  const root = overlay.root;
  const claimOfTag = (target: EventTarget | null): DrawnClaim | null => {
    const start = overlay.startOfTag(target instanceof Element ? target : null);
    return start === null ? null : (index().byStart.get(start) ?? null);
  };
  const inUi = (target: EventTarget | null) =>
    target instanceof Element && (card.element.contains(target) || overlay.startOfTag(target) !== null);

  root.addEventListener(
    'click',
    (event) => {
      const claim = claimOfTag(event.target);
      if (!claim) return;
      if (mode === 'pinned' && card.start === claim.mark.start) close({ returnFocus: true });
      else openClaim(claim, 'pinned', true);
    },
    { signal },
  );
  root.addEventListener(
    'focusin',
    (event) => {
      const claim = claimOfTag(event.target);
      if (claim && mode !== 'pinned' && !returningFocus) openClaim(claim, 'focus', false);
    },
    { signal },
  );
  root.addEventListener(
    'focusout',
    (event) => {
      if (mode === 'focus' && !inUi((event as FocusEvent).relatedTarget)) close({ returnFocus: false });
    },
    { signal },
  );
  root.addEventListener(
    'pointerover',
    (event) => {
      cancelHide();
      const claim = claimOfTag(event.target);
      if (claim && mode !== 'pinned' && mode !== 'focus' && card.start !== claim.mark.start) {
        openClaim(claim, 'hover', false);
      }
    },
    { signal },
  );
  root.addEventListener(
    'pointerout',
    (event) => {
      if (!inUi((event as PointerEvent).relatedTarget)) scheduleHide();
    },
    { signal },
  );

  overlay.onReposition(placeCard);

  return {
    setClaims(next, nextSources) {
      claims = next;
      sources = nextSources;
      lookups = null;
      const open = card.start;
      if (open === null || !mode) return;
      // The same claim (same range) even if its offsets moved; else whatever now starts there.
      const again = next.find((c) => c.range === openRange) ?? index().byStart.get(open);
      if (again) {
        if (again.mark.start !== open) setExpanded(open, false);
        openClaim(again, mode, false);
      } else {
        close({ returnFocus: false });
      }
    },
    open(start, { pinned, focus }) {
      const claim = index().byStart.get(start);
      if (!claim) return false;
      openClaim(claim, pinned ? 'pinned' : 'hover', focus);
      return true;
    },
    close,
  };
}
