/**
 * The content script's pipeline, apart from the extension API so it can be tested on a DOM:
 * extract the page's text → load the user's sources and this page's annotations from the
 * background → detect claims → anchor the annotations → highlight, tag, card. Then answer the
 * popup's `PageRequest`s. Nothing here throws into the page: failures become warnings or
 * failed `Result`s.
 */
import { extractText, rangeFromOffsets, type ExtractedText } from '../anchor/dom-text';
import { preparePageText, type PageText } from '../anchor/match-quote';
import { buildSelectors } from '../anchor/text-quote';
import { detectClaims, type DetectOptions } from '../detect';
import { createCard } from '../highlight/card';
import { createClaimHighlighter, type ClaimHighlighter } from '../highlight/claim-highlights';
import { attachClaimInteractions, type ClaimInteractions, type DrawnClaim } from '../highlight/claim-interactions';
import { tagLabel, type SourceLookup } from '../highlight/claim-label';
import { createOverlay, type Overlay } from '../highlight/overlay';
import { fail, ok, parsePageRequest, type PageClaim, type PageSnapshot, type Result } from '../messages';
import type { Annotation, DetectedClaim, Source } from '../model';
import { normalisePageUrl } from '../page-url';
import { askBackground, isAnnotationList, isSourceList, type SendMessage } from './background-client';
import {
  anchorAnnotations,
  buildMarks,
  markStartingAt,
  storedQuote,
  type ClaimMark,
  type OrphanedAnnotation,
} from './claim-marks';

/** Everything the pipeline takes from its surroundings (narrow, so tests can pass fakes). */
export type PageEnvironment = {
  document: Document;
  /** The page's address; `href` is read on each load of saved data. */
  location: Pick<Location, 'href'>;
  /** `runtime.sendMessage` to the background. */
  sendMessage: SendMessage;
  /** WXT's `ctx.signal`: aborting removes every listener and everything drawn. */
  signal: AbortSignal;
  /** The detector; `detectClaims` unless a test passes another. */
  detect?: (text: string, options: DetectOptions) => DetectedClaim[];
  /** Where warnings go; `console` by default. */
  log?: Pick<Console, 'warn'>;
};

/** A running page: the first scan, and the answers to the popup's requests. */
export type PageSession = {
  /** Settles once the first scan is drawn (or has failed and warned). Never rejects. */
  ready: Promise<void>;
  /** Validate and answer a `PageRequest`; anything else gets a failed Result. */
  handleMessage(raw: unknown): Promise<Result<PageSnapshot | null>>;
};

/** Performance-timeline entry of a scan (DevTools and the benchmarks read it). */
export const SCAN_MEASURE = 'sourcemark:scan';

/** The page's UI parts, created on the first draw that has something to show. */
type PageUi = {
  highlighter: ClaimHighlighter;
  overlay: Overlay;
  interactions: ClaimInteractions;
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

/** Start the pipeline on `env.document`; the first scan runs at once. */
export function startPage(env: PageEnvironment): PageSession {
  const { document: doc, signal } = env;
  const detect = env.detect ?? detectClaims;
  const log = env.log ?? console;

  /** The text detection ran on: claim offsets and selectors refer to it. */
  let text = '';
  /** `text` prepared for anchoring, once per scan (re-anchoring after a save reuses it). */
  let pageText: PageText = preparePageText('');
  /** The current extraction (the <mark> fallback replaces it after each draw). */
  let extracted: ExtractedText = { text: '', chunks: [] };
  let claims: DetectedClaim[] = [];
  let marks: ClaimMark[] = [];
  /** Saved annotations that did not anchor on this page. */
  let orphans: OrphanedAnnotation[] = [];
  let drawn: DrawnClaim[] = [];
  let sources: Source[] = [];
  let annotations: Annotation[] = [];
  let url = '';
  let ui: PageUi | null = null;

  const createUi = (): PageUi => {
    const highlighter = createClaimHighlighter(doc);
    const overlay = createOverlay(doc, signal);
    const card = createCard(doc, overlay.root, overlay.host, () => interactions.close({ returnFocus: true }), signal);
    const interactions = attachClaimInteractions({ doc, overlay, card, signal, extracted: () => extracted });
    signal.addEventListener(
      'abort',
      () => {
        highlighter.destroy();
        overlay.destroy();
      },
      { once: true },
    );
    return { highlighter, overlay, interactions };
  };

  /** What the background answered; null for a part that failed (and was warned about). */
  type Saved = { sources: Source[] | null; annotations: Annotation[] | null; errors: string[] };

  /** Sources and annotations from the background, for the page's normalised URL. */
  const loadSaved = async (): Promise<Saved> => {
    url = normalisePageUrl(env.location.href, canonicalUrl(doc));
    const [storedSources, annotations] = await Promise.all([
      askBackground(env.sendMessage, { type: 'sources:list' }, isSourceList),
      askBackground(env.sendMessage, { type: 'annotations:for-page', url }, isAnnotationList),
    ]);
    const errors: string[] = [];
    if (!storedSources.ok) {
      errors.push(storedSources.error);
      log.warn(`Sourcemark: your sources and ratings are not shown: ${storedSources.error}`);
    }
    if (!annotations.ok) {
      errors.push(annotations.error);
      log.warn(`Sourcemark: saved annotations are not shown: ${annotations.error}`);
    }
    return {
      sources: storedSources.ok ? storedSources.value : null,
      annotations: annotations.ok ? annotations.value : null,
      errors,
    };
  };

  /** Marks from the current claims and freshly anchored annotations; the rest are orphans. */
  const markAnnotations = () => {
    const anchoring = anchorAnnotations(pageText, annotations);
    marks = buildMarks(claims, anchoring.anchored);
    orphans = anchoring.orphaned; // the popup lists them (page:claims)
  };

  /** Ranges for every mark on the current extraction; marks whose offsets do not map are left out. */
  const rangesForMarks = (): DrawnClaim[] => {
    const result: DrawnClaim[] = [];
    let failed = 0;
    for (const mark of marks) {
      try {
        result.push({ mark, range: rangeFromOffsets(extracted, mark.start, mark.end) });
      } catch {
        failed++;
      }
    }
    if (failed > 0) log.warn(`Sourcemark: ${failed} claim(s) could not be mapped back to the page and are not marked.`);
    return result;
  };

  /** The first visible character after `end` in the same block, or null at a block's end. */
  const rangeAfter = (end: number): Range | null => {
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

  /** Paint marks, tags and card data; the first call with something to show creates the UI. */
  const draw = () => {
    const body = doc.body;
    if (!body || signal.aborted || (marks.length === 0 && !ui)) return;
    ui ??= createUi();
    if (ui.highlighter.changesDom) {
      // Unwrap the previous <mark>s before computing ranges: moving nodes collapses live ranges.
      ui.highlighter.clear();
      extracted = extractText(body);
    }
    drawn = rangesForMarks();
    ui.highlighter.draw(drawn.map(({ mark, range }) => ({ range, kind: mark.annotation ? 'annotated' : 'claim' })));
    if (ui.highlighter.changesDom) {
      // Wrapping split text nodes: map offsets anew. The text itself is unchanged.
      extracted = extractText(body);
      if (extracted.text !== text) log.warn('Sourcemark: the page changed while it was being marked; marks may be off.');
      drawn = rangesForMarks();
    }
    const lookup: SourceLookup = new Map(sources.map((s) => [s.id, s]));
    ui.overlay.setTags(
      drawn.map(({ mark, range }) => ({
        start: mark.start,
        range,
        after: rangeAfter(mark.end),
        label: tagLabel(mark.attributions, lookup, mark.annotation !== null, mark.anchoring),
      })),
    );
    ui.interactions.setClaims(drawn, lookup);
  };

  const scan = async () => {
    const body = doc.body;
    if (!body) return; // not an HTML page (an image, XML): nothing to read
    const saved = await loadSaved();
    if (signal.aborted) return;
    const started = performance.now();
    sources = saved.sources ?? [];
    annotations = saved.annotations ?? [];
    extracted = extractText(body);
    text = extracted.text;
    pageText = preparePageText(text);
    const extractedAt = performance.now();
    claims = detect(text, { userSources: sources });
    const detectedAt = performance.now();
    markAnnotations();
    draw();
    const drawnAt = performance.now();
    try {
      performance.measure(SCAN_MEASURE, {
        start: started,
        end: drawnAt,
        detail: {
          characters: text.length,
          claims: claims.length,
          marks: marks.length,
          extractMs: extractedAt - started,
          detectMs: detectedAt - extractedAt,
          drawMs: drawnAt - detectedAt,
        },
      });
    } catch {
      // User Timing with options is missing in some test DOMs; the scan itself succeeded.
    }
  };

  const ready = scan().catch((error: unknown) => {
    log.warn(`Sourcemark: could not mark this page: ${messageOf(error)}`);
  });

  // Requests that redraw run one after another, after the first scan.
  let queue: Promise<unknown> = ready;
  const enqueue = <T>(task: () => Promise<T> | T): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Reload sources and annotations and redraw; what fails to load keeps its previous value. */
  const refresh = async (): Promise<Result<null>> => {
    const saved = await loadSaved();
    if (signal.aborted) return ok(null);
    sources = saved.sources ?? sources;
    annotations = saved.annotations ?? annotations;
    markAnnotations();
    draw();
    return saved.errors.length > 0 ? fail(saved.errors.join(' ')) : ok(null);
  };

  /** Detected claims and annotation-only marks (saved text detection does not flag), in page order. */
  const snapshot = (): PageSnapshot => ({
    url,
    title: doc.title,
    claims: marks.map(
      (mark): PageClaim => ({
        start: mark.start,
        end: mark.end,
        text: mark.text,
        attributions: mark.attributions,
        selectors: buildSelectors(text, mark.start, mark.end),
        annotationId: mark.annotation?.id ?? null,
        detected: mark.detected,
        anchoring: mark.anchoring,
        previousText: mark.previousText,
      }),
    ),
    orphans: orphans.map(({ annotation, reason }) => ({ annotationId: annotation.id, quote: storedQuote(annotation), reason })),
  });

  const showClaim = (start: number): Result<null> => {
    const mark = markStartingAt(marks, start);
    const claim = mark ? drawn.find((d) => d.mark === mark) : undefined;
    if (!claim || !ui) return fail(`No claim starts at offset ${start} on this page.`);
    // The element, not the window: the claim may sit in a scrolling container.
    claim.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    ui.interactions.open(claim.mark.start, { pinned: true, focus: false });
    return ok(null);
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
        }
      } catch (error) {
        return fail(`Sourcemark could not answer ${request.type}: ${messageOf(error)}`);
      }
    },
  };
}
