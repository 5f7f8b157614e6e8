/**
 * Sourcemark's one element on the page: `<sourcemark-root>`, a zero-size box at the document's
 * top-left whose open shadow root holds all UI (tags and the claim card), out of reach of page CSS.
 * Tags sit just after the end of their claim, in document coordinates, and follow layout changes.
 *
 * Placing a tag reads layout (`getClientRects` of its claim), which costs on a long page, and
 * every tag element costs the browser style, layout and paint work on each frame. So:
 * - tags near the viewport (one viewport above and below) are placed first, within a frame; the
 *   others in idle time, a few milliseconds at a time;
 * - when the layout changes every placement is stale: a CSS rule hides stale tags at once, near
 *   ones are placed again at once and the rest lazily;
 * - past `VIRTUAL_THRESHOLD` tags (a very long page) only the tags near the viewport exist as
 *   elements: they are made and dropped as the reader scrolls (`virtual`), and listeners hear
 *   which claims came near or went away, so highlights can follow (lib/page).
 * Which tags are near is found by binary search over the claims in document order (two
 * `getBoundingClientRect` per step), assuming document order runs down the page.
 */
import { SOURCEMARK_HOST_TAG } from '../anchor/dom-text';
import type { TagLabel } from './claim-label';
import { throttleToFrame } from './frame-throttle';
import { whenIdleTime } from './idle';
import { OVERLAY_CSS } from './overlay-styles';

/** Id of the host element (the tag name is `SOURCEMARK_HOST_TAG`). */
export const HOST_ID = 'sourcemark-root';

/**
 * The host's inline style. `!important` inline declarations beat any page rule, so a page that
 * styles unknown elements (or `*`) cannot move, hide or resize the host; zero size and absolute
 * position mean it takes no room in the page's layout.
 */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'absolute',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  'pointer-events': 'none',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
};

/** Gap, in CSS pixels, between a claim's last character and its tag, and around clamped tags. */
const TAG_GAP = 3;
/** Height, in CSS pixels, of the rows of the index that finds overlapping tags. */
const ROW_HEIGHT = 32;
/** Work per placement slice (idle time), in ms. */
const PLACE_BUDGET_MS = 8;
/** Tags placed between two looks at the clock. */
const PLACE_BATCH = 40;
/** Near tags placed in the frame that finds them (the rest of them in idle time). */
const NEAR_BATCH = 24;
/** Longest wait for idle time before the next slice of placements, ms. */
const IDLE_TIMEOUT_MS = 500;
/** Viewports above and below the viewport that count as near: tags there are placed (and made) first. */
const NEAR_VIEWPORTS = 1;
/** Viewports above and below within which a made tag is kept in virtual mode (hysteresis). */
const KEEP_VIEWPORTS = 2;
/** More tags than this, and only those near the viewport are made (virtual mode). */
export const VIRTUAL_THRESHOLD = 200;

/** What a tag shows and where: the claim it belongs to and that claim's range. */
export type TagSpec = {
  /** The claim's start offset: the tag's `data-claim-start`. */
  start: number;
  /** The claim's text on the page; the tag goes after its last line box. Identifies the tag across updates. */
  range: Range;
  /** The first character after the claim in the same block, if any: tells a claim ending mid-line. */
  after: Range | null;
  /** What the tag says. */
  label: TagLabel;
};

/** A tag's box in document coordinates (relative to the host). */
type Box = { left: number; top: number; right: number; bottom: number };

/** A tag and where it stands. */
type PlacedTag = {
  spec: TagSpec;
  /** Its button; null while not made (virtual mode, far from the viewport). */
  element: HTMLButtonElement | null;
  /** Measured size (0 until measured). */
  width: number;
  height: number;
  /** The layout generation it was last placed in (-1: never). */
  generation: number;
  /** Its box in the overlap index, if placed. */
  box: Box | null;
};

/** The host element, its shadow root, and the tags in it. */
export type Overlay = {
  /** `<sourcemark-root id="sourcemark-root">`, the one element added to the page. */
  readonly host: HTMLElement;
  /** Its open shadow root, which holds all of Sourcemark's UI. */
  readonly root: ShadowRoot;
  /**
   * Make the tags exactly `specs`: tags are matched by `range` (the same Range object is the same
   * claim), kept, updated in place (start, label), added or removed. Placement is lazy: tags near
   * the viewport first (in the next frame), the rest in idle time; until placed a tag is hidden.
   */
  setTags(specs: readonly TagSpec[]): void;
  /** Add tags (a spec whose range has a tag already updates it). */
  addTags(specs: readonly TagSpec[]): void;
  /** Remove the tags of these ranges. */
  removeTags(ranges: Iterable<Range>): void;
  /** The tag of the claim starting at `start`, if there is one (and it is made). */
  tagFor(start: number): HTMLButtonElement | null;
  /** The claim start of a tag element (null for anything else). */
  startOfTag(element: Element | null): number | null;
  /** Make and place the tag of the claim at `start` now if it is not; true when it is placed on screen. */
  ensurePlaced(start: number): boolean;
  /** Place every made tag now, whatever it costs (tests; before a screenshot). */
  flush(): void;
  /** Layout changed: reposition tags near the viewport on the next frame, the rest lazily. */
  scheduleReposition(): void;
  /** Called after every placement pass, e.g. to move an open card with its tag. */
  onReposition(listener: () => void): void;
  /** True when only the tags near the viewport are made (more than `VIRTUAL_THRESHOLD` tags). */
  readonly virtual: boolean;
  /** Whether a claim is near the viewport; always true when not `virtual`. */
  isNear(range: Range): boolean;
  /**
   * Called when claims come near the viewport or go away while `virtual`, and on entering virtual
   * mode (far claims leave) or leaving it (every claim comes near).
   */
  onNearChange(listener: (entered: readonly Range[], left: readonly Range[]) => void): void;
  /**
   * Make the host the last child of <html>. The early host is the first (it went in before
   * <head>), and a page element with the same maximal z-index that comes later in the tree would
   * cover the card; moving the host costs a layout, so it is done only when a card opens.
   * Not while focus is in the host.
   */
  bringToFront(): void;
  /** Remove the host and stop observing layout. */
  destroy(): void;
};

/** The last non-empty client rect of a range: where its text ends on screen. */
export function lastRect(range: Range): DOMRect | null {
  const rects = range.getClientRects();
  for (let i = rects.length - 1; i >= 0; i--) {
    const rect = rects[i];
    if (rect && (rect.width > 0 || rect.height > 0)) return rect;
  }
  return null;
}

/** The same words, state and tier: a tag showing `a` needs no change to show `b`. */
function sameLabel(a: TagLabel, b: TagLabel): boolean {
  return (
    a.text === b.text &&
    a.description === b.description &&
    a.source === b.source &&
    a.annotated === b.annotated &&
    a.anchoring === b.anchoring &&
    a.tierId === b.tierId
  );
}

/**
 * The index range `[from, to)` of `count` items (in document order, running down the page) whose
 * vertical extent meets `[top, bottom]`: two binary searches over `extentOf`.
 */
export function windowOf(
  count: number,
  extentOf: (index: number) => { top: number; bottom: number },
  top: number,
  bottom: number,
): { from: number; to: number } {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (extentOf(mid).bottom < top) low = mid + 1;
    else high = mid;
  }
  const from = low;
  high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (extentOf(mid).top <= bottom) low = mid + 1;
    else high = mid;
  }
  return { from, to: Math.max(from, low) };
}

/** Attribute of a host put in by `installEarlyHost` and not taken by an overlay yet. */
const EARLY_ATTRIBUTE = 'data-sourcemark-early';

/** The host and the fixed parts of its shadow root. */
type HostParts = { host: HTMLElement; root: ShadowRoot; staleStyle: HTMLStyleElement; layer: HTMLDivElement };

/** Make the host element, its shadow root and the root's fixed parts (not in the page yet). */
function buildHost(doc: Document): HostParts {
  const host = doc.createElement(SOURCEMARK_HOST_TAG);
  host.id = HOST_ID;
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
  // Open so tests and assistive tools can reach it; page scripts can read it too (see README).
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  // Hides every tag not placed in the current layout generation (one rule, rewritten per generation).
  const staleStyle = doc.createElement('style');
  const layer = doc.createElement('div');
  layer.className = 'sm-tags';
  root.append(style, staleStyle, layer);
  return { host, root, staleStyle, layer };
}

/**
 * Put the (empty) host in before the page is first laid out: a content script at
 * `document_start`. Added later, the host's first layout and the repaint of the page it causes
 * (a new stacking context on <html>) would fall in the frame that shows the first highlights, the
 * longest task of a scan (on a 2.6 MB page about as long as the highlight repaint itself); put in
 * early it is part of the page's own first layout. `createOverlay` takes it; a page where
 * nothing is drawn loses it again (`removeEarlyHost`). Does nothing if a host is there already.
 */
export function installEarlyHost(doc: Document): void {
  // HTML only: an XML document (a feed, an SVG file) is not drawn on.
  if (doc.documentElement?.namespaceURI !== 'http://www.w3.org/1999/xhtml' || doc.getElementById(HOST_ID)) return;
  const parts = buildHost(doc);
  parts.host.setAttribute(EARLY_ATTRIBUTE, '');
  doc.documentElement.append(parts.host);
}

/** The early host's parts, if it is on the page and no overlay has taken it (nor anyone changed it). */
function takeEarlyHost(doc: Document): HostParts | null {
  const host = doc.getElementById(HOST_ID);
  if (!host?.hasAttribute(EARLY_ATTRIBUTE)) return null;
  const root = host.shadowRoot;
  const [style, staleStyle, layer] = root ? Array.from(root.children) : [];
  const unchanged =
    host.localName === SOURCEMARK_HOST_TAG &&
    host.parentElement === doc.documentElement &&
    root?.childElementCount === 3 &&
    style?.textContent === OVERLAY_CSS &&
    staleStyle?.localName === 'style' &&
    layer?.localName === 'div' &&
    layer.className === 'sm-tags' &&
    layer.childElementCount === 0;
  if (!root || !unchanged) return null;
  host.removeAttribute(EARLY_ATTRIBUTE);
  return { host, root, staleStyle: staleStyle as HTMLStyleElement, layer: layer as HTMLDivElement };
}

/** Remove the early host if no overlay has taken it (nothing to draw on this page, or switched off). */
export function removeEarlyHost(doc: Document): void {
  const host = doc.getElementById(HOST_ID);
  if (host?.hasAttribute(EARLY_ATTRIBUTE)) host.remove();
}

/**
 * Take the early host (`installEarlyHost`) or add a new one, and keep tags placed until `signal`
 * aborts.
 */
export function createOverlay(doc: Document, signal: AbortSignal): Overlay {
  let parts = takeEarlyHost(doc);
  if (!parts) {
    // A host left by an earlier run of the content script (extension reloaded) goes first.
    doc.getElementById(HOST_ID)?.remove();
    parts = buildHost(doc);
    // On <html>, not <body>: a positioned or margined <body> would shift document coordinates.
    doc.documentElement.append(parts.host);
  }
  const { host, root, staleStyle, layer } = parts;

  const view = doc.defaultView;
  const tags = new Map<Range, PlacedTag>();
  /** Every tag in document order (by start). */
  let ordered: PlacedTag[] = [];
  let byStart: Map<number, PlacedTag> | null = null;
  /** Made tags waiting to be placed: new, relabelled, or stale after a layout change. */
  const queue = new Set<PlacedTag>();
  /** Tags near the viewport, as last computed. */
  let near = new Set<PlacedTag>();
  /** Placed boxes by row of `ROW_HEIGHT`, to find overlaps without looking at every tag. */
  const rows = new Map<number, Set<PlacedTag>>();
  const listeners: (() => void)[] = [];
  const nearListeners: ((entered: readonly Range[], left: readonly Range[]) => void)[] = [];
  let generation = 0;
  let virtual = false;
  let cancelIdle: (() => void) | null = null;

  const setGeneration = (next: number) => {
    generation = next;
    staleStyle.textContent = `.sm-tag:not([data-gen="${generation}"]) { visibility: hidden !important; }`;
  };
  setGeneration(0);

  // --- overlap index ---------------------------------------------------------------------------

  const rowsOf = (box: Box): number[] => {
    const first = Math.floor(box.top / ROW_HEIGHT);
    const last = Math.floor(box.bottom / ROW_HEIGHT);
    const list: number[] = [];
    for (let row = first; row <= last; row++) list.push(row);
    return list;
  };
  const unindex = (tag: PlacedTag) => {
    if (!tag.box) return;
    for (const row of rowsOf(tag.box)) rows.get(row)?.delete(tag);
    tag.box = null;
  };
  const index = (tag: PlacedTag, box: Box) => {
    tag.box = box;
    for (const row of rowsOf(box)) {
      let set = rows.get(row);
      if (!set) rows.set(row, (set = new Set()));
      set.add(tag);
    }
  };
  /** Move `box` right past any placed tag it overlaps. */
  const clearOf = (tag: PlacedTag, box: Box): Box => {
    let moved = box;
    for (let tries = 0; tries < 20; tries++) {
      let blocker: Box | null = null;
      for (const row of rowsOf(moved)) {
        for (const other of rows.get(row) ?? []) {
          const b = other.box;
          if (other === tag || !b) continue;
          if (moved.top < b.bottom && moved.bottom > b.top && moved.left < b.right && moved.right > b.left) {
            blocker = b;
            break;
          }
        }
        if (blocker) break;
      }
      if (!blocker) return moved;
      const shift = blocker.right + TAG_GAP - moved.left;
      moved = { ...moved, left: moved.left + shift, right: moved.right + shift };
    }
    return moved;
  };

  // --- placement -------------------------------------------------------------------------------

  /**
   * Put each tag just after the end of its claim's last line; clamped inside the viewport's
   * width (a tag past the right edge would give the page a horizontal scrollbar); nudged right
   * past a tag it would overlap. Reads all geometry first, then writes, so the browser lays out
   * once per batch.
   */
  const place = (candidates: readonly PlacedTag[]) => {
    const batch = candidates.filter((tag): tag is PlacedTag & { element: HTMLButtonElement } => tag.element !== null);
    for (const tag of candidates) if (!tag.element) queue.delete(tag);
    if (batch.length === 0 || signal.aborted) return;
    const origin = host.getBoundingClientRect();
    const viewportWidth = doc.documentElement.clientWidth;
    for (const tag of batch) {
      if (tag.width === 0 && tag.height === 0) {
        tag.width = tag.element.offsetWidth;
        tag.height = tag.element.offsetHeight;
      }
    }
    const ends = batch.map((tag) => lastRect(tag.spec.range));
    const nexts = batch.map((tag) => (tag.spec.after ? lastRect(tag.spec.after) : null));
    const boxes = batch.map((tag, i): Box | null => {
      const end = ends[i];
      if (!end) return null;
      let left = end.right + TAG_GAP;
      if (left + tag.width > viewportWidth - TAG_GAP) left = Math.max(TAG_GAP, viewportWidth - TAG_GAP - tag.width);
      const next = nexts[i];
      const midLine = !!next && Math.abs(next.top - end.top) < end.height / 2;
      // At a line's end the tag is centred on the line. Mid-line it would hide the next words, so it
      // is raised like a superscript: it then clips only descenders above and cap tops beside it.
      const top = midLine ? end.top - tag.height + Math.round(end.height * 0.3) : end.top + (end.height - tag.height) / 2;
      const docLeft = left - origin.left;
      const docTop = top - origin.top;
      return { left: docLeft, top: docTop, right: docLeft + tag.width, bottom: docTop + tag.height };
    });
    batch.forEach((tag, i) => {
      queue.delete(tag);
      unindex(tag);
      tag.generation = generation;
      tag.element.setAttribute('data-gen', String(generation));
      const box = boxes[i];
      if (!box) {
        // The claim's text is not rendered (collapsed, or removed by the page): hidden, and out of
        // the tab order, until a later placement finds it again.
        tag.element.setAttribute('data-placed', 'false');
        return;
      }
      const free = clearOf(tag, box);
      index(tag, free);
      tag.element.setAttribute('data-placed', 'true');
      tag.element.style.left = `${Math.round(free.left)}px`;
      tag.element.style.top = `${Math.round(free.top)}px`;
    });
    for (const listener of listeners) listener();
  };

  const inOrder = (list: Iterable<PlacedTag>) => [...list].sort((a, b) => a.spec.start - b.spec.start);

  /** Keep placing queued tags in idle time, near ones first, until none is left. */
  const scheduleIdle = () => {
    if (cancelIdle || queue.size === 0 || signal.aborted || !view) return;
    cancelIdle = whenIdleTime(
      view,
      (timeLeft) => {
        cancelIdle = null;
        const started = performance.now();
        const budget = Math.min(PLACE_BUDGET_MS, Math.max(2, timeLeft()));
        const urgent = inOrder([...near].filter((tag) => queue.has(tag)));
        for (let i = 0; i < urgent.length && performance.now() - started < budget; i += PLACE_BATCH) {
          place(urgent.slice(i, i + PLACE_BATCH));
        }
        while (queue.size > 0 && performance.now() - started < budget) {
          const batch: PlacedTag[] = [];
          for (const tag of queue) {
            batch.push(tag);
            if (batch.length >= PLACE_BATCH) break;
          }
          place(batch);
        }
        scheduleIdle();
      },
      IDLE_TIMEOUT_MS,
    );
  };

  // --- elements --------------------------------------------------------------------------------

  /** The index in `ordered` of the first tag starting after `start`. */
  const orderIndex = (start: number): number => {
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((ordered[mid]?.spec.start ?? 0) <= start) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  /** Make a tag's button and put it in the layer in document order. */
  const make = (tag: PlacedTag) => {
    if (tag.element) return;
    const element = createTag(doc, tag.spec);
    tag.element = element;
    tag.width = 0;
    tag.height = 0;
    tag.generation = -1;
    // Before the next made tag in document order (tab order follows the page).
    let next: HTMLButtonElement | null = null;
    for (let i = orderIndex(tag.spec.start); i < ordered.length && !next; i++) {
      const other = ordered[i];
      if (other && other !== tag && other.element) next = other.element;
    }
    if (next) layer.insertBefore(element, next);
    else layer.append(element);
    queue.add(tag);
  };

  /** Drop a tag's button (virtual mode, gone far from the viewport). */
  const unmake = (tag: PlacedTag) => {
    if (!tag.element) return;
    tag.element.remove();
    tag.element = null;
    queue.delete(tag);
    unindex(tag);
  };

  // --- nearness --------------------------------------------------------------------------------

  /** The tags whose claims lie within `viewports` viewports of the viewport. */
  const tagsWithin = (viewports: number): PlacedTag[] => {
    if (!view || ordered.length === 0) return [...ordered];
    const height = view.innerHeight || doc.documentElement.clientHeight;
    const extents = new Map<number, { top: number; bottom: number }>();
    const extentOf = (i: number) => {
      let extent = extents.get(i);
      if (!extent) {
        const rect = ordered[i]?.spec.range.getBoundingClientRect();
        extent = { top: rect?.top ?? 0, bottom: rect?.bottom ?? 0 };
        extents.set(i, extent);
      }
      return extent;
    };
    const { from, to } = windowOf(ordered.length, extentOf, -height * viewports, height * (1 + viewports));
    return ordered.slice(from, to);
  };

  /**
   * Find the tags near the viewport again; in virtual mode make those that came near, drop those
   * gone beyond the keep margin, and tell the listeners.
   */
  const updateNear = () => {
    if (signal.aborted) return;
    const nextNear = new Set(tagsWithin(NEAR_VIEWPORTS));
    if (virtual) {
      const keep = new Set(tagsWithin(KEEP_VIEWPORTS));
      const entered: Range[] = [];
      const left: Range[] = [];
      for (const tag of nextNear) {
        if (!tag.element) {
          make(tag);
          entered.push(tag.spec.range);
        }
      }
      for (const tag of ordered) {
        if (tag.element && !keep.has(tag) && !nextNear.has(tag)) {
          unmake(tag);
          left.push(tag.spec.range);
        }
      }
      near = new Set([...keep].filter((tag) => tag.element));
      for (const tag of nextNear) near.add(tag);
      if (entered.length > 0 || left.length > 0) for (const listener of nearListeners) listener(entered, left);
    } else {
      near = nextNear;
    }
    // Near tags are placed now (a frame's worth); the rest wait for idle time.
    const urgent = inOrder([...near].filter((tag) => queue.has(tag)));
    place(urgent.slice(0, NEAR_BATCH));
    scheduleIdle();
  };
  // Throttled to frames, but run in a task of its own after the frame: the rendering update of a
  // long page is costly enough without our layout reads in it.
  const scheduleNear = throttleToFrame(view ?? window, signal, () => (view ?? window).setTimeout(updateNear, 0));

  /** Enter or leave virtual mode as the number of tags requires (with hysteresis). */
  const updateMode = () => {
    if (!virtual && ordered.length > VIRTUAL_THRESHOLD) {
      virtual = true;
      const keep = new Set(tagsWithin(KEEP_VIEWPORTS));
      const left: Range[] = [];
      for (const tag of ordered) {
        if (!keep.has(tag)) {
          if (tag.element) unmake(tag);
          left.push(tag.spec.range);
        }
      }
      near = new Set([...keep].filter((tag) => tag.element));
      if (left.length > 0) for (const listener of nearListeners) listener([], left);
    } else if (virtual && ordered.length < VIRTUAL_THRESHOLD / 2) {
      virtual = false;
      const entered: Range[] = [];
      for (const tag of ordered) {
        if (!tag.element) {
          make(tag);
          entered.push(tag.spec.range);
        }
      }
      if (entered.length > 0) for (const listener of nearListeners) listener(entered, []);
    }
  };

  // --- tags ------------------------------------------------------------------------------------

  const update = (tag: PlacedTag, spec: TagSpec) => {
    const old = tag.spec;
    tag.spec = spec;
    if (old.start !== spec.start) {
      tag.element?.setAttribute('data-claim-start', String(spec.start));
      byStart = null;
    }
    if (!sameLabel(old.label, spec.label)) {
      if (tag.element) {
        applyLabel(tag.element, spec.label);
        tag.width = 0;
        tag.height = 0;
        queue.add(tag);
      }
    } else if (old.after !== spec.after && tag.element) {
      queue.add(tag);
    }
  };

  const addTags = (specs: readonly TagSpec[]) => {
    const added: PlacedTag[] = [];
    for (const spec of specs) {
      const existing = tags.get(spec.range);
      if (existing) {
        update(existing, spec);
        continue;
      }
      const tag: PlacedTag = { spec, element: null, width: 0, height: 0, generation: -1, box: null };
      tags.set(spec.range, tag);
      added.push(tag);
    }
    if (added.length > 0) {
      added.sort((a, b) => a.spec.start - b.spec.start);
      // Merge into document order (one batch is usually one run).
      const merged: PlacedTag[] = [];
      let i = 0;
      let j = 0;
      while (i < ordered.length || j < added.length) {
        const a = ordered[i];
        const b = added[j];
        if (b && (!a || b.spec.start < a.spec.start)) {
          merged.push(b);
          j++;
        } else if (a) {
          merged.push(a);
          i++;
        }
      }
      ordered = merged;
      byStart = null;
      updateMode();
      // Eager: every tag is made at once (placed lazily). Virtual: only near ones, on the next frame.
      if (!virtual) {
        // Batched inserts: new tags with the same next made tag go in one fragment before it.
        const fragmentAfter = new Map<HTMLButtonElement | null, DocumentFragment>();
        for (const tag of added) {
          tag.element = createTag(doc, tag.spec);
          queue.add(tag);
        }
        const isNew = new Set(added);
        for (const tag of added) {
          let next: HTMLButtonElement | null = null;
          for (let k = orderIndex(tag.spec.start); k < ordered.length && !next; k++) {
            const other = ordered[k];
            if (other && !isNew.has(other) && other.element) next = other.element;
          }
          let fragment = fragmentAfter.get(next);
          if (!fragment) fragmentAfter.set(next, (fragment = doc.createDocumentFragment()));
          if (tag.element) fragment.append(tag.element);
        }
        for (const [next, fragment] of fragmentAfter) {
          if (next) layer.insertBefore(fragment, next);
          else layer.append(fragment);
        }
      }
    }
    // Keep document order if starts moved past each other (they do not, short of a bug).
    for (let k = 1; k < ordered.length; k++) {
      if ((ordered[k - 1]?.spec.start ?? 0) > (ordered[k]?.spec.start ?? 0)) {
        ordered.sort((a, b) => a.spec.start - b.spec.start);
        break;
      }
    }
    scheduleNear();
    scheduleIdle();
  };

  const removeTags = (ranges: Iterable<Range>) => {
    const gone = new Set<PlacedTag>();
    for (const range of ranges) {
      const tag = tags.get(range);
      if (!tag) continue;
      tags.delete(range);
      unmake(tag);
      near.delete(tag);
      gone.add(tag);
    }
    if (gone.size > 0) {
      ordered = ordered.filter((tag) => !gone.has(tag));
      byStart = null;
      updateMode();
    }
  };

  const lookup = () => {
    if (!byStart) {
      byStart = new Map();
      // Several claims can share a start (a claim and an annotation-only mark): the first is kept.
      for (const tag of ordered) if (!byStart.has(tag.spec.start)) byStart.set(tag.spec.start, tag);
    }
    return byStart;
  };

  /** Layout changed: every placement is stale. Near tags are placed again now, the rest lazily. */
  const relayout = () => {
    if (signal.aborted) return;
    setGeneration(generation + 1);
    rows.clear();
    for (const tag of ordered) {
      tag.box = null;
      if (tag.element) queue.add(tag);
    }
    updateNear();
  };
  // Resize, load, fonts: once per frame, in a task of its own (tags keep their old places one
  // frame longer rather than add layout reads to the browser's rendering of a long page).
  const scheduleReposition = throttleToFrame(view ?? window, signal, () => (view ?? window).setTimeout(relayout, 0));

  if (view) {
    view.addEventListener('resize', scheduleReposition, { signal, passive: true });
    view.addEventListener('load', scheduleReposition, { signal, passive: true });
    // Scrolling changes which tags are near (any scroller: capture sees scrolls of inner ones).
    view.addEventListener(
      'scroll',
      () => {
        if (virtual || queue.size > 0) scheduleNear();
      },
      { signal, passive: true, capture: true },
    );
    if (typeof view.ResizeObserver === 'function') {
      // Reflow from late images, fonts, ads or the page's own scripts changes the body's size.
      // Resize observations arrive after layout and before paint: repositioning then shows no
      // frame with tags out of place.
      let first = true;
      const resizeObserver = new view.ResizeObserver(() => {
        if (first) {
          first = false; // the initial observation: nothing moved yet
          return;
        }
        relayout();
      });
      resizeObserver.observe(doc.documentElement);
      if (doc.body) resizeObserver.observe(doc.body);
      signal.addEventListener('abort', () => resizeObserver.disconnect(), { once: true });
    }
  }
  void doc.fonts?.ready.then(scheduleReposition);
  signal.addEventListener(
    'abort',
    () => {
      cancelIdle?.();
      cancelIdle = null;
    },
    { once: true },
  );

  return {
    host,
    root,
    setTags(specs) {
      const wanted = new Set(specs.map((spec) => spec.range));
      removeTags([...tags.keys()].filter((range) => !wanted.has(range)));
      addTags(specs);
    },
    addTags,
    removeTags,
    tagFor: (start) => lookup().get(start)?.element ?? null,
    startOfTag(element) {
      const tag = element?.closest('.sm-tag');
      if (!tag || !layer.contains(tag)) return null;
      const start = Number(tag.getAttribute('data-claim-start'));
      return Number.isInteger(start) ? start : null;
    },
    ensurePlaced(start) {
      const tag = lookup().get(start);
      if (!tag) return false;
      if (!tag.element) {
        make(tag);
        near.add(tag);
        for (const listener of nearListeners) listener([tag.spec.range], []);
      }
      if (queue.has(tag) || tag.generation !== generation) place([tag]);
      return tag.element?.getAttribute('data-placed') === 'true';
    },
    flush() {
      place(inOrder(queue));
    },
    scheduleReposition,
    onReposition: (listener) => listeners.push(listener),
    get virtual() {
      return virtual;
    },
    isNear(range) {
      if (!virtual) return true;
      const tag = tags.get(range);
      return !!tag && tag.element !== null;
    },
    onNearChange: (listener) => nearListeners.push(listener),
    bringToFront() {
      const html = doc.documentElement;
      // Not while focus is inside: moving an element blurs what it holds (a keyboard user's tag).
      if (host.parentNode === html && host !== html.lastElementChild && doc.activeElement !== host) html.append(host);
    },
    destroy() {
      cancelIdle?.();
      cancelIdle = null;
      tags.clear();
      ordered = [];
      byStart = null;
      queue.clear();
      near.clear();
      rows.clear();
      host.remove();
    },
  };
}

/** Set a tag's words and state (textContent and attributes only: labels come from page text). */
function applyLabel(button: HTMLButtonElement, label: TagLabel): void {
  button.setAttribute('data-source', label.source);
  button.setAttribute('data-annotated', String(label.annotated));
  if (label.anchoring) button.setAttribute('data-anchoring', label.anchoring);
  else button.removeAttribute('data-anchoring');
  button.setAttribute('data-tier', label.tierId);
  button.setAttribute('aria-description', label.description);
  button.textContent = label.text;
}

/** One tag button. Built with textContent and attributes only: labels come from page text. */
function createTag(doc: Document, spec: TagSpec): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'sm-tag';
  button.setAttribute('data-claim-start', String(spec.start));
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  applyLabel(button, spec.label);
  return button;
}
