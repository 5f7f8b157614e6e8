/**
 * The content script's pipeline, apart from the extension API so it can be tested on a DOM:
 * extract the page's text → load the user's sources and this page's annotations from the
 * background → detect claims → anchor the annotations → highlight, tag, card. Then follow the
 * page as it changes, and answer the popup's `PageRequest`s. Nothing here throws into the page:
 * failures become warnings or failed `Result`s.
 *
 * The page's text is held as segments (page-text.ts), so that:
 * - a long page is read in slices: extraction, detection, ranges and tags run a few milliseconds
 *   at a time between yields to the event loop (scheduler.ts), the segments at the viewport first;
 * - content the page adds later (lazy paragraphs, "load more", live blogs) is read on its own:
 *   only the added blocks are extracted and detected; removed text takes its claims with it;
 *   saved annotations not found yet are looked for in each new segment;
 * - a single-page app that moves to another article (History API) gets a new scan, with that
 *   URL's annotations.
 *
 * The user's switches (lib/settings) turn all of it off per site or everywhere, live.
 */
import {
  caretAt,
  createTextWalker,
  followSplitNodes,
  isExtractable,
  rangeFromOffsets,
  type ExtractedText,
} from '../anchor/dom-text';
import { preparePageText } from '../anchor/match-quote';
import { anchorQuote, buildSelectors } from '../anchor/text-quote';
import { detectClaims, readClaims, type DetectOptions } from '../detect';
import { createCard } from '../highlight/card';
import {
  createClaimHighlighter,
  PAGE_STYLE_ID,
  supportsHighlightApi,
  type ClaimHighlighter,
  type HighlightItem,
} from '../highlight/claim-highlights';
import { attachClaimInteractions, type ClaimInteractions, type DrawnClaim } from '../highlight/claim-interactions';
import { tagLabel, type SourceLookup, type TagLabel } from '../highlight/claim-label';
import { createOverlay, HOST_ID, removeEarlyHost, VIRTUAL_THRESHOLD, type Overlay, type TagSpec } from '../highlight/overlay';
import { fail, ok, parsePageRequest, type PageClaim, type PageRequest, type PageSnapshot, type ResponseOf, type Result } from '../messages';
import type { Annotation, Attribution, DetectedClaim, Source, TextPositionSelector, TextQuoteSelector } from '../model';
import { normalisePageUrl } from '../page-url';
import { DEFAULT_SETTINGS, highlightState, siteOf, type HighlightState, type Settings } from '../settings/settings';
import type { SettingsStore } from '../settings/storage';
import { askBackground, isAnnotationList, isSourceList, type SendMessage } from './background-client';
import {
  anchorAnnotations,
  markStartingAt,
  storedQuote,
  type AnchoredAnnotation,
  type ClaimMark,
  type OrphanedAnnotation,
} from './claim-marks';
import { createAnnotationEditor, type AnnotationEditor } from '../highlight/annotation-editor';
import { BUILTIN_SOURCES } from '../detect/registry';
import { mergeRegistry } from '../sources/merge-registry';
import { annotateRange, selectionSelectors, type SelectionAnnotatorDeps } from './annotate-selection';
import { buildCorrectedMarks, dismissedClaims, hasCorrectedSource } from './corrections';
import { observeDomChanges, planChanges, type DomChanges } from './dom-changes';
import { createPageTextModel, type Segment, type SegmentPart } from './page-text';
import { Cancelled, createSlicer, yieldFunction, type Slicer, type YieldToMain } from './scheduler';
import {
  anchoredIn,
  assignToSegments,
  claimsIn,
  CONTEXT_BLOCKS,
  CONTEXT_CHARS,
  detectWithContext,
  SEGMENT_LENGTH,
  segmentLengthAt,
  shiftClaim,
  SINGLE_PASS_LIMIT,
  viewportFirst,
} from './segment-claims';

/** Everything the pipeline takes from its surroundings (narrow, so tests can pass fakes). */
export type PageEnvironment = {
  document: Document;
  /** The page's address; `href` is read on each load of saved data and on each page change. */
  location: Pick<Location, 'href'>;
  /** `runtime.sendMessage` to the background. */
  sendMessage: SendMessage;
  /** WXT's `ctx.signal`: aborting removes every listener, observer and everything drawn. */
  signal: AbortSignal;
  /** The detector; `detectClaims` unless a test passes another. */
  detect?: (text: string, options: DetectOptions) => DetectedClaim[];
  /** Where warnings go; `console` by default. */
  log?: Pick<Console, 'warn'>;
  /** The user's highlight switches; without them highlights are always on. */
  settings?: Pick<SettingsStore, 'load' | 'watch'>;
  /** Follow the page's changes after the first scan (default true). */
  followChanges?: boolean;
  /** How work is sliced (tests shrink segments, or pass a clock). */
  slicing?: Partial<SlicingOptions>;
};

/** How the pipeline cuts its work. */
export type SlicingOptions = {
  /** Work per slice before yielding, ms. */
  budgetMs: number;
  /** How to yield to the event loop. */
  yieldToMain: YieldToMain;
  /** The clock. */
  now: () => number;
  /** Characters per segment of a long page. */
  segmentLength: number;
  /** Pages with at most this much text are one segment. */
  singlePassLimit: number;
};

/** A running page: the first scan, and the answers to the popup's requests. */
export type PageSession = {
  /** Settles once the first scan is drawn (or has failed and warned, or highlights are off). Never rejects. */
  ready: Promise<void>;
  /** Validate and answer a `PageRequest`; anything else gets a failed Result. */
  handleMessage(raw: unknown): Promise<Result<ResponseOf<PageRequest>>>;
  /** The URL may have changed (a History API navigation): check it once the page settles. */
  checkLocation(): void;
  /** Resolves once every change seen so far has been read and drawn (tests; never rejects). */
  settled(): Promise<void>;
};

/** Performance-timeline entry of a full scan, start → every slice done (DevTools and the benchmarks read it). */
export const SCAN_MEASURE = 'sourcemark:scan';
/** Performance-timeline entry from the start of a scan to the frame that first shows the viewport's highlights. */
export const FIRST_PAINT_MEASURE = 'sourcemark:first-paint';
/** Performance-timeline entry of reading a batch of page changes. */
export const UPDATE_MEASURE = 'sourcemark:update';

/** Work per slice, ms: one unit started (a segment's detection) may add ~10 ms more. */
const DEFAULT_BUDGET_MS = 10;
/**
 * During a scan, how often what is read so far is shown, ms: highlights and tags are added in a
 * few batches, not at every slice (each batch costs the browser a layout and a paint of the page).
 */
const SHOW_INTERVAL_MS = 200;
/** Longest wait for the frame after the first highlights of a long page before their tags are added anyway, ms. */
const HELD_TAGS_TIMEOUT_MS = 250;
/** Characters of context around a new segment when looking for saved annotations in it. */
const ANCHOR_CONTEXT_CHARS = 300;

/** One mark of a segment, and how it is drawn. */
type SegmentMark = {
  /** What the card and the popup show; `start`/`end` are page offsets (kept up to date). */
  mark: ClaimMark;
  /** The mark's span in its segment's text. */
  local: { start: number; end: number };
  /** Its text on the page, once drawn; null when the offsets do not map to the DOM. */
  range: Range | null;
  /**
   * The first character after it in the same block (tag placement): where to look it up (the
   * extraction and offset its range was made from, apart from `local`, which moves when its
   * segment is cut) and, once looked up, the range (null at a block's end). Looked up only when
   * its tag is placed: on a long page most tags never are (see `Overlay.virtual`). Shared by the
   * marks that keep the same range, so their tags see the same object.
   */
  after: { extracted: ExtractedText; end: number; range?: Range | null } | null;
  /** What its tag says; null until first needed (a tag made, a highlight's tier). */
  label: TagLabel | null;
};

/** What the pipeline keeps about a segment. */
type SegmentData = {
  /** Detected claims, in the segment's offsets; null until detected. */
  claims: DetectedClaim[] | null;
  /** Saved annotations anchored in it, in its offsets. */
  anchored: AnchoredAnnotation[];
  /** Its marks, in page order. */
  marks: SegmentMark[];
  /** The segment offset its marks' page offsets were computed for. */
  markedOffset: number;
};

type PageSegment = Segment<SegmentData>;

/** The page's UI parts, created on the first draw that has something to show. */
type PageUi = {
  highlighter: ClaimHighlighter;
  overlay: Overlay;
  interactions: ClaimInteractions;
  /** Aborts with the session, or when the UI is taken down (highlights switched off). */
  controller: AbortController;
};

/** The page's `<link rel="canonical">` URL, if any (`.href` is already absolute). */
function canonicalUrl(doc: Document): string | null {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  return link?.href ?? null;
}

/** An error's message, for warnings and failed Results. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A URL without its fragment (a fragment change is no navigation). */
function withoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

/** Record a User Timing measure; some test DOMs lack the options form. */
function measure(name: string, start: number, end: number, detail: Record<string, unknown>): void {
  try {
    performance.measure(name, { start, end, detail });
  } catch {
    // The work itself succeeded.
  }
}

/** Start the pipeline on `env.document`; the first scan starts at once. */
export function startPage(env: PageEnvironment): PageSession {
  const { document: doc, signal } = env;
  const view = doc.defaultView;
  const detector = env.detect ?? detectClaims;
  const log = env.log ?? console;
  const slicing: SlicingOptions = {
    budgetMs: env.slicing?.budgetMs ?? DEFAULT_BUDGET_MS,
    yieldToMain: env.slicing?.yieldToMain ?? (view ? yieldFunction(view) : () => new Promise((r) => setTimeout(r, 0))),
    now: env.slicing?.now ?? (() => performance.now()),
    segmentLength: env.slicing?.segmentLength ?? SEGMENT_LENGTH,
    singlePassLimit: env.slicing?.singlePassLimit ?? SINGLE_PASS_LIMIT,
  };

  const model = createPageTextModel<SegmentData>();
  /** The <body> the model was read from; a new one means a new scan. */
  let body: Element | null = null;
  let sources: Source[] = [];
  let lookup: SourceLookup = new Map();
  let annotations: Annotation[] = [];
  /** Saved annotations of this page not anchored anywhere on it (the popup lists them). */
  let orphans: OrphanedAnnotation[] = [];
  let url = '';
  /** The address (without fragment) `url` was computed from. */
  let readHref = '';
  let settings: Settings = DEFAULT_SETTINGS;
  let state: HighlightState = 'on';
  let ui: PageUi | null = null;
  /** True while the `<mark>` fallback needs a full redraw at the next sync point. */
  let fallbackDirty = false;
  /** Aborted to stop the running scan early (navigation, switches off, teardown). */
  let work = new AbortController();
  signal.addEventListener('abort', () => work.abort(), { once: true });

  const site = () => siteOf(env.location.href);
  const isOn = () => state === 'on';

  // ---------------------------------------------------------------------------------------------
  // Drawing

  /** True for Sourcemark's own nodes: its host element (and what is in it) and its page style. */
  const isOwn = (node: Node): boolean => {
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element) return false;
    return element.id === HOST_ID || element.id === PAGE_STYLE_ID || element.closest(`#${HOST_ID}`) !== null;
  };

  const changes: DomChanges | null =
    env.followChanges === false || !doc.documentElement
      ? null
      : observeDomChanges({ doc, isOwn, signal, onBatch: (records) => onBatch(records) });
  const unobserved = <T>(change: () => T): T => (changes ? changes.unobserved(change) : change());

  const createUi = (): PageUi => {
    // Aborted with the session, or alone when highlights are switched off.
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    const uiSignal = controller.signal;
    const highlighter = unobserved(() => createClaimHighlighter(doc));
    const overlay = createOverlay(doc, uiSignal);
    // A very long page paints only the claims near the viewport (see `Overlay.virtual`): every
    // highlighted range costs the browser work on each frame that changes any highlight.
    overlay.onNearChange((entered, left) => {
      if (highlighter.changesDom) return;
      highlighter.remove(left);
      const items: HighlightItem[] = [];
      for (const range of entered) {
        const m = byRange.get(range);
        if (m?.range) items.push(highlightItem({ ...m, range: m.range }));
      }
      paint(highlighter, items);
    });
    const card = createCard(doc, overlay.root, overlay.host, () => interactions.close({ returnFocus: true }), uiSignal);
    const interactions = attachClaimInteractions({
      doc,
      overlay,
      card,
      signal: uiSignal,
      offsetAt: (x, y) => {
        const caret = caretAt(doc, x, y);
        return caret ? model.offsetOf(caret.node, caret.offset) : null;
      },
    });
    uiSignal.addEventListener(
      'abort',
      () => {
        // Switched off, the page keeps the stylesheet (unused without highlights): taking it out
        // and back in would restyle a long page twice. Torn down, nothing of ours stays.
        unobserved(() => (signal.aborted ? highlighter.destroy() : highlighter.clear()));
        overlay.destroy();
      },
      { once: true },
    );
    return { highlighter, overlay, interactions, controller };
  };

  /** Take every highlight, tag and the card off the page. */
  const takeDown = () => {
    ui?.controller.abort();
    ui = null;
    fallbackDirty = false;
    byRange.clear();
  };

  /**
   * A scan that drew nothing takes off the UI made for it, the page style its highlighter added
   * (one put in early stays: taking it out would restyle the page) and the host put in early.
   */
  const dropUnusedUi = () => {
    if (ui && byRange.size === 0 && !fallbackDirty) {
      const unused = ui;
      unobserved(() => unused.highlighter.release());
      takeDown();
    }
    removeEarlyHost(doc);
  };

  /** Drawn marks by range: what a claim coming near the viewport paints. */
  const byRange = new Map<Range, SegmentMark>();
  /** Set when a scan's first segments are drawn: the next highlights painted are its first paint. */
  let firstPaint: { started: number; segments: number } | null = null;
  /** Paint highlight items; the first paint of a scan is measured on the frame that shows it. */
  const paint = (highlighter: ClaimHighlighter, items: readonly HighlightItem[]) => {
    if (items.length === 0) return;
    highlighter.add(items);
    const pending = firstPaint;
    if (!pending) return;
    firstPaint = null;
    view?.requestAnimationFrame(() => measure(FIRST_PAINT_MEASURE, pending.started, performance.now(), { segments: pending.segments }));
  };

  const allMarks = (): SegmentMark[] => model.segments.flatMap((s) => s.data.marks);
  const drawnClaims = (): DrawnClaim[] =>
    allMarks().filter((m): m is SegmentMark & { range: Range } => m.range !== null);

  /** The first visible character after `end` in the same block of `segment`, or null at a block's end. */
  const rangeAfter = (extracted: ExtractedText, end: number): Range | null => {
    const match = /\S/.exec(extracted.text.slice(end, end + 200));
    if (!match) return null;
    const at = end + match.index;
    if (extracted.text.slice(end, at).includes('\n')) return null; // a block separator: the claim ends its block
    try {
      return rangeFromOffsets(extracted, at, at + 1);
    } catch {
      return null;
    }
  };

  /** Ranges of a segment's marks (what is missing only); the rest is looked up when needed. */
  const prepare = (segment: PageSegment, fresh: boolean): number => {
    let failed = 0;
    for (const m of segment.data.marks) {
      if (fresh || !m.range) {
        try {
          m.range = rangeFromOffsets(segment.extracted, m.local.start, m.local.end);
          m.after = { extracted: segment.extracted, end: m.local.end };
        } catch {
          m.range = null;
          m.after = null;
          failed++;
        }
      }
    }
    return failed;
  };

  /** The mark's `after` range, looked up on first use. */
  const afterOf = (m: SegmentMark): Range | null => {
    const after = m.after;
    if (!after) return null;
    if (after.range === undefined) after.range = rangeAfter(after.extracted, after.end);
    return after.range;
  };
  /** The mark's tag label, made on first use. */
  const labelOf = (m: SegmentMark): TagLabel =>
    (m.label ??= tagLabel(m.mark.attributions, lookup, m.mark.annotation !== null, m.mark.anchoring));

  const highlightItem = (m: SegmentMark & { range: Range }): HighlightItem => ({
    range: m.range,
    kind: m.mark.annotation ? 'annotated' : 'claim',
    tier: labelOf(m).tierId,
  });
  /** A tag spec whose `after` and `label` are looked up only when the overlay reads them. */
  const tagSpec = (m: SegmentMark & { range: Range }): TagSpec => ({
    start: m.mark.start,
    range: m.range,
    get after() {
      return afterOf(m);
    },
    get label() {
      return labelOf(m);
    },
  });
  const withRange = (list: readonly SegmentMark[]) => list.filter((m): m is SegmentMark & { range: Range } => m.range !== null);

  /**
   * Ranges for these segments' marks (new, or changed); returns the marks to show, or nothing
   * when there is nothing to show or the `<mark>` fallback redraws everything at the next sync.
   */
  const prepareSegments = (segments: readonly PageSegment[]): (SegmentMark & { range: Range })[] => {
    if (!isOn() || signal.aborted) return [];
    const marks = segments.flatMap((s) => s.data.marks);
    if (marks.length === 0) return [];
    // The UI is made when there is something to show (in the same frame as the first highlights).
    if (ui ? ui.highlighter.changesDom : !supportsHighlightApi(doc)) {
      ui ??= createUi();
      fallbackDirty = true;
      return [];
    }
    let failed = 0;
    for (const segment of segments) failed += prepare(segment, false);
    if (failed > 0) log.warn(`Sourcemark: ${failed} claim(s) could not be mapped back to the page and are not marked.`);
    return withRange(marks);
  };

  /** Paint and tag prepared marks (repainted and relabelled when drawn already). */
  const show = (drawable: readonly (SegmentMark & { range: Range })[]) => {
    if (drawable.length === 0 || !isOn() || signal.aborted) return;
    ui ??= createUi();
    for (const m of drawable) byRange.set(m.range, m);
    const overlay = ui.overlay;
    // Tags first: they may turn the overlay virtual, and then only the claims near the viewport
    // are painted (each change of the page's highlights makes the browser repaint all of it).
    overlay.addTags(drawable.map(tagSpec));
    paint(ui.highlighter, drawable.filter((m) => overlay.isNear(m.range)).map(highlightItem));
  };

  /** Tags held back from the first highlights of a long page, added a frame later (see `showHighlightsFirst`). */
  let heldTags: Promise<void> = Promise.resolve();

  /**
   * Like `show`, for the first batch of a long page (the claims near the viewport, fewer than the
   * overlay makes virtual): highlights now, tags in a task after the frame that paints them. That
   * frame repaints the whole page and is the scan's longest task; laying out and painting new tag
   * elements in it too (their styles, fonts and a layout pass over the page's root) would make it
   * about a third longer. The scan goes on reading meanwhile and waits for the tags at its end.
   */
  const showHighlightsFirst = (drawable: readonly (SegmentMark & { range: Range })[]) => {
    if (drawable.length === 0 || !isOn() || signal.aborted) return;
    ui ??= createUi();
    const current = ui;
    if (!view || current.highlighter.changesDom || current.overlay.virtual || drawable.length > VIRTUAL_THRESHOLD) {
      show(drawable);
      return;
    }
    for (const m of drawable) byRange.set(m.range, m);
    paint(current.highlighter, drawable.map(highlightItem));
    const specs = drawable.map(tagSpec);
    heldTags = new Promise<void>((resolve) => {
      let added = false;
      const add = () => {
        if (added) return;
        added = true;
        // Still the same UI, and these claims still drawn (a newer scan or a change may have taken them off).
        if (ui === current && !signal.aborted) current.overlay.addTags(specs.filter((spec) => byRange.has(spec.range)));
        resolve();
      };
      view.requestAnimationFrame(() => view.setTimeout(add, 0));
      // A tab in the background gets no frames: the tags come anyway.
      view.setTimeout(add, HELD_TAGS_TIMEOUT_MS);
    });
  };

  /**
   * The marks within a viewport of the viewport (the overlay's "near"), read before anything of
   * ours is on the page (layout is clean). The first batch of a long page shows only these: a far
   * claim shown and then dropped when the overlay turns virtual would cost a repaint of the page
   * and the removal of its tag (slow with thousands of live ranges on the page).
   */
  const nearViewport = (marks: readonly (SegmentMark & { range: Range })[]): Set<SegmentMark> => {
    const height = view?.innerHeight ?? 0;
    if (!view || height <= 0) return new Set(marks);
    return new Set(
      marks.filter((m) => {
        const rect = m.range.getBoundingClientRect();
        return rect.bottom >= -height && rect.top <= 2 * height;
      }),
    );
  };

  /** Draw these segments' marks (new, or changed: repainted and relabelled). */
  const drawSegments = (segments: readonly PageSegment[]) => show(prepareSegments(segments));

  /** Take these marks off the page. */
  const undraw = (marks: readonly SegmentMark[]) => {
    if (!ui || marks.length === 0) return;
    if (ui.highlighter.changesDom) {
      fallbackDirty = true;
      return;
    }
    const ranges = withRange(marks).map((m) => m.range);
    for (const range of ranges) byRange.delete(range);
    ui.highlighter.remove(ranges);
    ui.overlay.removeTags(ranges);
  };

  /** The `<mark>` fallback: unwrap, map the split text again, wrap everything, map again. */
  const redrawFallback = (current: PageUi) => {
    unobserved(() => {
      current.highlighter.clear();
      for (const segment of model.segments) prepare(segment, true);
      current.highlighter.draw(withRange(allMarks()).map(highlightItem));
      for (const segment of model.segments) {
        model.remap(segment, followSplitNodes(segment.extracted));
        prepare(segment, true);
      }
    });
    const drawable = withRange(allMarks());
    byRange.clear();
    for (const m of drawable) byRange.set(m.range, m);
    current.overlay.setTags(drawable.map(tagSpec));
  };

  /** Bring what responds to the user (card, clicks, fallback marks) up to date with the model. */
  const sync = () => {
    if (!ui || !isOn()) return;
    if (fallbackDirty) {
      fallbackDirty = false;
      redrawFallback(ui);
    }
    ui.interactions.setClaims(drawnClaims(), lookup);
  };

  /** Page offsets of marks in segments that moved; their tags learn their new starts. */
  const renumber = () => {
    const moved: SegmentMark[] = [];
    for (const segment of model.segments) {
      if (segment.data.markedOffset === segment.offset) continue;
      segment.data.markedOffset = segment.offset;
      for (const m of segment.data.marks) {
        m.mark.start = segment.offset + m.local.start;
        m.mark.end = segment.offset + m.local.end;
        if (m.range) moved.push(m);
      }
    }
    if (ui && !ui.highlighter.changesDom && moved.length > 0) ui.overlay.addTags(withRange(moved).map(tagSpec));
  };

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** An empty segment record. */
  const emptyData = (): SegmentData => ({ claims: null, anchored: [], marks: [], markedOffset: -1 });

  /** Marks of a segment from its claims and anchored annotations; ranges of unchanged spans are kept. */
  const buildSegmentMarks = (segment: PageSegment) => {
    const previous = new Map(segment.data.marks.map((m) => [`${m.local.start}:${m.local.end}`, m]));
    const marks = buildCorrectedMarks(segment.data.claims ?? [], segment.data.anchored);
    segment.data.marks = marks.map((mark): SegmentMark => {
      const local = { start: mark.start, end: mark.end };
      const old = previous.get(`${local.start}:${local.end}`);
      previous.delete(`${local.start}:${local.end}`);
      mark.start += segment.offset;
      mark.end += segment.offset;
      return { mark, local, range: old?.range ?? null, after: old?.after ?? null, label: null };
    });
    segment.data.markedOffset = segment.offset;
    // Marks that are gone (their range not reused) leave the page.
    undraw([...previous.values()]);
  };

  const detectSegment = (segment: PageSegment) => {
    const index = model.segments.indexOf(segment);
    const context = model.contextBefore(index, CONTEXT_BLOCKS, CONTEXT_CHARS);
    segment.data.claims = detectWithContext((text) => detector(text, { userSources: sources }), context, segment.extracted.text);
  };

  /** What the background answered; null for a part that failed (and was warned about). */
  type Saved = { sources: Source[] | null; annotations: Annotation[] | null; errors: string[] };

  /** Sources and annotations from the background, for the page's normalised URL. */
  const loadSaved = async (): Promise<Saved> => {
    readHref = withoutFragment(env.location.href);
    url = normalisePageUrl(env.location.href, canonicalUrl(doc));
    const [storedSources, stored] = await Promise.all([
      askBackground(env.sendMessage, { type: 'sources:list' }, isSourceList),
      askBackground(env.sendMessage, { type: 'annotations:for-page', url }, isAnnotationList),
    ]);
    const errors: string[] = [];
    if (!storedSources.ok) {
      errors.push(storedSources.error);
      log.warn(`Sourcemark: your sources and ratings are not shown: ${storedSources.error}`);
    }
    if (!stored.ok) {
      errors.push(stored.error);
      log.warn(`Sourcemark: saved annotations are not shown: ${stored.error}`);
    }
    return {
      sources: storedSources.ok ? storedSources.value : null,
      annotations: stored.ok ? stored.value : null,
      errors,
    };
  };

  const setSources = (next: Source[]) => {
    sources = next;
    lookup = new Map(sources.map((s) => [s.id, s]));
  };

  /** A slicer for a job, cancelled by `work`. */
  const slicer = (): Slicer =>
    createSlicer({ budgetMs: slicing.budgetMs, now: slicing.now, yieldToMain: slicing.yieldToMain, signal: work.signal });

  /** The index of the segment at the viewport (0 when unknown). */
  const segmentAtViewport = (): number => {
    if (!view || model.segments.length <= 1) return 0;
    const width = view.innerWidth;
    const height = view.innerHeight;
    for (const [fx, fy] of [[0.5, 0.3], [0.35, 0.5], [0.5, 0.7], [0.3, 0.2]] as const) {
      const caret = caretAt(doc, width * fx, height * fy);
      const segment = caret ? model.segmentOf(caret.node) : null;
      if (segment) return model.segments.indexOf(segment);
    }
    return 0;
  };

  /**
   * Read the whole page: extract it in segments, anchor the saved annotations on its text, detect
   * and draw segment by segment (the viewport's first), yielding between slices.
   */
  const scan = async () => {
    work.abort();
    work = new AbortController();
    firstPaint = null;
    // The UI (host, card, listeners, highlights) is made now, before the wait for the background:
    // the browser's first rendering work for it (measured: ~25 ms of CPU on a 2.6 MB page, in the
    // first task or frame after it is made) then falls in that wait, not in the frame that shows
    // the first highlights (the scan's longest task). A scan that draws nothing takes it off again.
    const early = isOn() && doc.body !== null && supportsHighlightApi(doc);
    if (early) {
      takeDown();
      ui = createUi();
    }
    const saved = await loadSaved();
    if (signal.aborted) return;
    setSources(saved.sources ?? []);
    annotations = saved.annotations ?? [];
    if (!early) takeDown();
    model.reset([]);
    orphans = [];
    body = doc.body;
    if (!body || !isOn()) {
      // Not an HTML page (an image, XML), or switched off: nothing to read, nothing to draw.
      dropUnusedUi();
      return;
    }
    const root = body;
    const job = slicer();
    const now = slicing.now;
    const started = now();
    let extractMs = 0;
    let anchorMs = 0;
    let detectMs = 0;
    let drawMs = 0;

    // 1. Extract, a segment at a time.
    const parts: ExtractedText[] = [];
    const walker = createTextWalker([root], { segmentLength: (index) => segmentLengthAt(index, slicing.segmentLength) });
    for (;;) {
      const t = now();
      const part = walker.next();
      extractMs += now() - t;
      if (!part) break;
      parts.push(part);
      await job.checkpoint();
    }
    const total = parts.reduce((sum, p) => sum + p.text.length + 2, 0);
    const single = parts.length > 1 && total <= slicing.singlePassLimit ? [createTextWalker([root]).next()] : parts;
    model.reset(single.filter((p): p is ExtractedText => p !== null).map((extracted) => ({ extracted, data: emptyData() })));

    // 2. Anchor saved annotations on the whole text (stored positions are in it).
    let t = now();
    const pageText = preparePageText(model.text());
    const anchoring = anchorAnnotations(pageText, annotations);
    orphans = anchoring.orphaned;
    for (const { index, anchored } of assignToSegments(anchoring.anchored, model.segments.map((s) => ({ offset: s.offset, length: s.extracted.text.length })))) {
      model.segments[index]?.data.anchored.push(anchored);
    }
    anchorMs = now() - t;
    await job.checkpoint();

    // 3. Detect and draw, the segments at the viewport first.
    const order = viewportFirst(model.segments.length, segmentAtViewport());
    const firstGroup = Math.min(2, order.length);
    // The first highlights painted from here on are the viewport's: measured on the frame that shows them.
    firstPaint = { started, segments: firstGroup };
    // With the built-in detector, a long page is read as one document once the viewport's segments
    // are shown: `readClaims` goes through the whole text a few blocks per slice, so nothing is read
    // twice as context, and the claims are those of one detection over the whole page.
    const asOneDocument = !env.detect && model.segments.length > firstGroup;
    // Ranges are made segment by segment, but shown in a few batches: each batch of highlights and
    // tags makes the browser lay out and paint the page again.
    const waiting: (SegmentMark & { range: Range })[] = [];
    let shownAt = now();
    /** Marks and ranges of a segment; shown now when `viewportDone` (the last of the first group), else in the next batch. */
    const drawInTurn = async (segment: PageSegment, viewportDone: boolean) => {
      const from = now();
      buildSegmentMarks(segment);
      for (const m of prepareSegments([segment])) waiting.push(m);
      if (viewportDone && asOneDocument) {
        // Only what is near the viewport now; the rest of these segments comes with the next batch.
        const near = nearViewport(waiting);
        showHighlightsFirst(waiting.filter((m) => near.has(m)));
        const rest = waiting.filter((m) => !near.has(m));
        waiting.length = 0;
        waiting.push(...rest);
        shownAt = now();
      } else if (viewportDone || from - shownAt >= SHOW_INTERVAL_MS) {
        show(waiting.splice(0));
        shownAt = now();
      }
      drawMs += now() - from;
      // The viewport's segments are drawn: the reader can click them while the rest is read.
      if (viewportDone) sync();
      await job.checkpoint();
    };
    for (let i = 0; i < (asOneDocument ? firstGroup : order.length); i++) {
      const segment = model.segments[order[i] ?? -1];
      if (!segment) continue;
      t = now();
      detectSegment(segment);
      detectMs += now() - t;
      await job.checkpoint();
      await drawInTurn(segment, i + 1 === firstGroup);
    }
    if (asOneDocument) {
      t = now();
      const reading = readClaims(model.text(), { userSources: sources });
      while (!reading.readOn(() => job.due())) {
        detectMs += now() - t;
        await job.checkpoint();
        t = now();
      }
      const claims = reading.claims();
      for (const segment of model.segments) segment.data.claims = [];
      for (const claim of claims) {
        const segment = model.segmentAt(claim.start);
        segment?.data.claims?.push(shiftClaim(claim, -segment.offset));
      }
      detectMs += now() - t;
      await job.checkpoint();
      // The viewport's segments again too: one detection over the page may read them differently
      // (their marks not shown yet are made again with the rest).
      waiting.length = 0;
      for (let i = 0; i < order.length; i++) {
        const segment = model.segments[order[i] ?? -1];
        if (segment) await drawInTurn(segment, false);
      }
    }
    t = now();
    show(waiting);
    await heldTags;
    sync();
    drawMs += now() - t;
    firstPaint = null; // nothing painted: no first paint to measure
    // Nothing shown on this page: the UI made for it goes, with the host put in early.
    dropUnusedUi();
    const done = now();
    const claimCount = model.segments.reduce((sum, s) => sum + (s.data.claims?.length ?? 0), 0);
    measure(SCAN_MEASURE, started, done, {
      characters: model.length,
      claims: claimCount,
      marks: allMarks().length,
      segments: model.segments.length,
      extractMs,
      anchorMs,
      detectMs,
      drawMs,
      slices: job.slices,
      longestSliceMs: job.longestSliceMs,
    });
  };

  /** Look for annotations not anchored yet in new segments; those found join their segment. */
  const anchorInSegments = (pending: OrphanedAnnotation[], segments: readonly PageSegment[]): OrphanedAnnotation[] => {
    let left = pending;
    for (const segment of segments) {
      if (left.length === 0) break;
      const index = model.segments.indexOf(segment);
      const before = model.contextBefore(index, 2, ANCHOR_CONTEXT_CHARS);
      const after = model.contextAfter(index, ANCHOR_CONTEXT_CHARS);
      const prepared = preparePageText(before + segment.extracted.text + after);
      const span = { from: before.length, to: before.length + segment.extracted.text.length };
      left = left.filter((orphan) => {
        const result = anchorQuote(prepared, orphan.annotation.target.selectors);
        if (result.status === 'orphan' || result.start < span.from || result.end > span.to) return true;
        const start = result.start - span.from;
        const end = result.end - span.from;
        segment.data.anchored.push({ annotation: orphan.annotation, start, end, status: result.status, text: segment.extracted.text.slice(start, end) });
        return false;
      });
    }
    return left;
  };

  /** Read a batch of page changes: cut what went, extract and detect what came, draw the difference. */
  const applyChanges = async (records: MutationRecord[]) => {
    if (signal.aborted) return;
    if (withoutFragment(env.location.href) !== readHref) {
      const previous = url;
      const next = normalisePageUrl(env.location.href, canonicalUrl(doc));
      readHref = withoutFragment(env.location.href);
      if (next !== previous || !isOn()) {
        // Another article (a single-page app's navigation): its own annotations, a new scan.
        if (isOn()) await scan();
        else url = next;
        return;
      }
    }
    if (!isOn()) return;
    if (doc.body !== body || !body) {
      await scan();
      return;
    }
    const root = body;
    const plan = planChanges(records, root, isOwn);
    if (plan.roots.length === 0 && plan.removed.length === 0) return;
    const job = slicer();
    const now = slicing.now;
    const started = now();

    // What goes: removed text, and the old text of every block read again.
    const cut = new Set<Text>(plan.removed);
    for (const block of plan.roots) {
      const walker = doc.createTreeWalker(block, 4 /* SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) cut.add(node as Text);
    }
    const carried = new Set<SegmentMark>();
    const carriedAnchors = new Set<Annotation>();
    const change = model.cut(cut, (segment: PageSegment, part: SegmentPart): SegmentData => {
      const span = { from: part.from, to: part.to };
      const marks = segment.data.marks.filter((m) => m.local.start >= span.from && m.local.end <= span.to);
      for (const m of marks) {
        m.local = { start: m.local.start - span.from, end: m.local.end - span.from };
        carried.add(m);
      }
      const anchored = anchoredIn(segment.data.anchored, span);
      for (const a of anchored) carriedAnchors.add(a.annotation);
      return { claims: segment.data.claims ? claimsIn(segment.data.claims, span) : null, anchored, marks, markedOffset: -1 };
    });
    const dropped = change.removed.flatMap((s) => s.data.marks).filter((m) => !carried.has(m));
    undraw(dropped);
    // Annotations whose text went are looked for again in what came (it may have moved).
    let pending: OrphanedAnnotation[] = [
      ...orphans,
      ...change.removed
        .flatMap((s) => s.data.anchored)
        .filter((a) => !carriedAnchors.has(a.annotation))
        .map((a): OrphanedAnnotation => ({ annotation: a.annotation, reason: 'not-found' })),
    ];
    await job.checkpoint();

    // What comes: each block extracted on its own, in its place.
    const added: PageSegment[] = [];
    for (const block of plan.roots) {
      if (!block.isConnected || !isExtractable(block, root)) continue;
      const parts: ExtractedText[] = [];
      const walker = createTextWalker([block], { segmentLength: slicing.segmentLength });
      for (let part = walker.next(); part; part = walker.next()) parts.push(part);
      const first = parts[0]?.chunks[0]?.node;
      if (!first) continue;
      added.push(...model.insert(model.insertionIndex(first), parts.map((extracted) => ({ extracted, data: emptyData() }))));
      await job.checkpoint();
    }
    renumber();
    pending = anchorInSegments(pending, added);
    orphans = pending;
    for (const segment of added) {
      detectSegment(segment);
      buildSegmentMarks(segment);
      drawSegments([segment]);
      await job.checkpoint();
    }
    sync();
    measure(UPDATE_MEASURE, started, now(), {
      roots: plan.roots.length,
      removedNodes: plan.removed.length,
      addedCharacters: added.reduce((sum, s) => sum + s.extracted.text.length, 0),
      addedSegments: added.length,
      slices: job.slices,
      longestSliceMs: job.longestSliceMs,
    });
  };

  /** Reload sources and annotations and redraw; what fails to load keeps its previous value. */
  const refresh = async (): Promise<Result<null>> => {
    const saved = await loadSaved();
    if (signal.aborted) return ok(null);
    setSources(saved.sources ?? sources);
    annotations = saved.annotations ?? annotations;
    if (isOn() && body) {
      work.abort();
      work = new AbortController();
      const job = slicer();
      const anchoring = anchorAnnotations(preparePageText(model.text()), annotations);
      orphans = anchoring.orphaned;
      for (const segment of model.segments) segment.data.anchored = [];
      for (const { index, anchored } of assignToSegments(anchoring.anchored, model.segments.map((s) => ({ offset: s.offset, length: s.extracted.text.length })))) {
        model.segments[index]?.data.anchored.push(anchored);
      }
      for (const segment of model.segments) {
        buildSegmentMarks(segment);
        drawSegments([segment]);
        await job.checkpoint();
      }
      sync();
    }
    return saved.errors.length > 0 ? fail(saved.errors.join(' ')) : ok(null);
  };

  /** Apply the switches: off takes everything down at once; on reads the page. */
  const applySettings = async (next: Settings) => {
    settings = next;
    const was = state;
    state = highlightState(settings, site());
    if (state === was) return;
    if (state === 'on') {
      await scan();
    } else {
      work.abort();
      takeDown();
      removeEarlyHost(doc);
      model.reset([]);
      orphans = [];
    }
  };

  // ---------------------------------------------------------------------------------------------
  // Scheduling: one job at a time, in order.

  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(task: () => Promise<T> | T): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch((error: unknown) => {
      if (!(error instanceof Cancelled)) log.warn(`Sourcemark: could not mark this page: ${messageOf(error)}`);
    });
    return run;
  };
  /** Run a job; a cancelled one (superseded) ends quietly. */
  const quietly = (job: () => Promise<void>) => async () => {
    try {
      await job();
    } catch (error) {
      if (!(error instanceof Cancelled)) throw error;
    }
  };

  /** Batches collected while a job runs, read together after it. */
  let pendingRecords: MutationRecord[] | null = null;
  const onBatch = (records: MutationRecord[]) => {
    if (signal.aborted) return;
    // A navigation makes the running scan pointless: stop it, the batch starts the new one.
    if (withoutFragment(env.location.href) !== readHref && normalisePageUrl(env.location.href, canonicalUrl(doc)) !== url) work.abort();
    if (pendingRecords) {
      pendingRecords.push(...records);
      return;
    }
    pendingRecords = [...records];
    void enqueue(
      quietly(async () => {
        const batch = pendingRecords ?? [];
        pendingRecords = null;
        await applyChanges(batch);
      }),
    );
  };

  if (view) {
    // History traversal and fragment changes: check the URL (pushState is seen on the next batch,
    // or through `checkLocation`).
    const poke = () => changes?.poke();
    view.addEventListener('popstate', poke, { signal });
    view.addEventListener('hashchange', poke, { signal });
  }
  if (env.settings) {
    env.settings.watch((next) => void enqueue(quietly(() => applySettings(next))), signal);
  }

  const start = async () => {
    if (env.settings) {
      try {
        settings = await env.settings.load();
      } catch (error) {
        log.warn(`Sourcemark: could not read your highlight settings, highlights stay on: ${messageOf(error)}`);
      }
    }
    state = highlightState(settings, site());
    if (state !== 'on') {
      removeEarlyHost(doc);
      readHref = withoutFragment(env.location.href);
      url = normalisePageUrl(env.location.href, canonicalUrl(doc));
      return;
    }
    await scan();
  };
  const ready = enqueue(quietly(start)).catch(() => undefined);

  // ---------------------------------------------------------------------------------------------
  // The popup's requests

  /** Detected claims and annotation-only marks (saved text detection does not flag), in page order. */
  const snapshot = (): PageSnapshot => {
    const base = { url, title: doc.title, site: site(), highlights: state };
    if (!isOn()) return { ...base, claims: [], orphans: [] };
    const text = model.text();
    const claims = model.segments.flatMap((segment) =>
      segment.data.marks.map(({ mark }): PageClaim => {
        const shift = (a: Attribution): Attribution => ({ ...a, start: a.start + segment.offset, end: a.end + segment.offset });
        return {
          start: mark.start,
          end: mark.end,
          text: mark.text,
          // Detected attributions are in the segment's offsets; saved ones (and the user's corrections) keep theirs.
          attributions: mark.detected && !hasCorrectedSource(mark.annotation) ? mark.attributions.map(shift) : mark.attributions,
          selectors: buildSelectors(text, mark.start, mark.end),
          annotationId: mark.annotation?.id ?? null,
          detected: mark.detected,
          anchoring: mark.anchoring,
          previousText: mark.previousText,
        };
      }),
    );
    // Claims the user marked "not a claim": not drawn, but listed in the popup (with an undo).
    for (const segment of model.segments) claims.push(...dismissedClaims(segment.data.anchored, segment.data.claims, segment.offset, text));
    return {
      ...base,
      claims,
      orphans: orphans.map(({ annotation, reason }) => ({ annotationId: annotation.id, quote: storedQuote(annotation), reason })),
    };
  };

  const showClaim = (start: number): Result<null> => {
    const marks = allMarks();
    const mark = markStartingAt(
      marks.map((m) => m.mark),
      start,
    );
    const claim = mark ? marks.find((m) => m.mark === mark && m.range) : undefined;
    if (!claim?.range || !ui) return fail(`No claim starts at offset ${start} on this page.`);
    sync();
    // The element, not the window: the claim may sit in a scrolling container.
    claim.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    ui.interactions.open(claim.mark.start, { pinned: true, focus: false });
    return ok(null);
  };

  // ---------------------------------------------------------------------------------------------
  // Manual annotations (lib/page/annotate-selection.ts)

  /** The manual-annotation editor, made in the current UI's overlay on first use. */
  let editor: { ui: PageUi; editor: AnnotationEditor } | null = null;
  const currentEditor = (): AnnotationEditor => {
    ui ??= createUi();
    if (editor?.ui !== ui) editor = { ui, editor: createAnnotationEditor(doc, ui.overlay.root, ui.overlay.host, ui.controller.signal) };
    return editor.editor;
  };
  const annotator: SelectionAnnotatorDeps = {
    text: () => model.text(),
    offsetOf: (node, offset) => model.offsetOf(node, offset),
    page: () => ({ url, title: doc.title }),
    registry: () => mergeRegistry(BUILTIN_SOURCES, sources),
    editor: currentEditor,
    sendMessage: env.sendMessage,
    onSaved: () => void enqueue(refresh),
  };
  /** Open the editor on the selection as it is now (read before waiting for the queue). */
  const annotateSelection = async (): Promise<Result<null>> => {
    const selection = doc.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
    return enqueue(() => {
      if (!isOn()) {
        const off = 'Sourcemark is switched off on this page: switch highlights on in its popup to annotate.';
        currentEditor().notice(off);
        return fail(off);
      }
      return annotateRange(range, annotator);
    });
  };

  /** The selectors of the selection as it is now (read before waiting for the queue), for re-attaching an orphan. */
  const selectedSelectors = async (): Promise<Result<[TextQuoteSelector, TextPositionSelector]>> => {
    const selection = doc.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
    return enqueue(() => {
      if (!isOn()) return fail('Sourcemark is switched off on this page: switch highlights on to re-attach an annotation here.');
      return selectionSelectors(range, annotator);
    });
  };

  const reloadSettings = async (): Promise<Result<null>> => {
    if (!env.settings) return ok(null);
    try {
      await applySettings(await env.settings.load());
      return ok(null);
    } catch (error) {
      if (error instanceof Cancelled) return ok(null);
      return fail(`Could not read the highlight settings: ${messageOf(error)}`);
    }
  };

  return {
    ready,
    async handleMessage(raw) {
      const parsed = parsePageRequest(raw);
      if (!parsed.ok) return fail(parsed.error);
      const request = parsed.value;
      try {
        switch (request.type) {
          case 'page:claims':
            return await enqueue(() => ok(snapshot()));
          case 'page:annotations-changed':
            return await enqueue(refresh);
          case 'page:show-claim':
            return await enqueue(() => showClaim(request.start));
          case 'page:settings-changed':
            return await enqueue(reloadSettings);
          case 'page:annotate-selection':
            return await annotateSelection();
          case 'page:selection-selectors':
            return await selectedSelectors();
        }
      } catch (error) {
        return fail(`Sourcemark could not answer ${request.type}: ${messageOf(error)}`);
      }
      return fail('Unknown request.');
    },
    checkLocation() {
      changes?.poke();
    },
    async settled() {
      // Let pending records be batched, then wait for every queued job.
      for (let i = 0; i < 3; i++) {
        changes?.flush();
        await queue;
        await Promise.resolve();
      }
    },
  };
}
