/**
 * The typed protocol between the extension's parts. Every request is a member of one
 * discriminated union, validated with a schema on arrival (a message is untrusted input:
 * a page can't reach the background, but a bug or a stale content script can send anything).
 *
 * - `BackgroundRequest`: sent with `runtime.sendMessage` by the content script and extension pages;
 *   the background answers.
 * - `PageRequest`: sent with `tabs.sendMessage` by the popup to the content script of a tab.
 *
 * Every answer is a `Result`, so a failure reaches the UI as words instead of a rejected promise.
 */
import * as v from 'valibot';
import type { AnchorStatus, OrphanReason } from './anchor/match-quote';
import type { BackupRunResult } from './backup/state';
import { SOURCE_TYPES, VERDICT_RATINGS, type Annotation, type DetectedClaim, type Source, type TextPositionSelector, type TextQuoteSelector } from './model';
import { MAX_SOURCE_NAME_LENGTH } from './sources/choose-source';
import type { HighlightState } from './settings/settings';

/** Longest quote a manual annotation may hold, in characters (a few pages of text). */
export const MAX_QUOTE_LENGTH = 20_000;
/** Longest note or verdict rationale, in characters. */
export const MAX_NOTE_LENGTH = 20_000;
/** Most tags on one annotation, and the longest tag. */
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 100;

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A manual annotation as the page's editor sends it: what the user selected and wrote. */
const ManualAnnotationSchema = v.strictObject({
  /** The page's normalised URL. */
  url: Text(8192),
  /** The page's title. */
  pageTitle: Text(2000),
  /** The selection's W3C selectors: quote (with 32 characters of context) and position. */
  quote: v.strictObject({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE_LENGTH)),
    prefix: Text(64),
    suffix: Text(64),
  }),
  position: v.pipe(
    v.strictObject({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset }),
    v.check((p) => p.end > p.start, 'the position must end after it starts'),
  ),
  note: Text(MAX_NOTE_LENGTH),
  tags: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_TAG_LENGTH))), v.maxLength(MAX_TAGS)),
  /** The verdict and its rationale, or null for none. */
  verdict: v.nullable(v.strictObject({ rating: v.picklist(VERDICT_RATINGS), rationale: Text(MAX_NOTE_LENGTH) })),
  /** The source the user picked (a registry id) or typed (id null), or null for a plain highlight. */
  source: v.nullable(
    v.strictObject({
      id: v.nullable(Text(200)),
      name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_SOURCE_NAME_LENGTH)),
      type: v.picklist(SOURCE_TYPES),
    }),
  ),
});

const BackgroundRequestSchema = v.variant('type', [
  /** Saved annotations (not deleted) for one normalised page URL. */
  v.strictObject({ type: v.literal('annotations:for-page'), url: v.pipe(v.string(), v.maxLength(8192)) }),
  /** The user's stored sources: their own entries and ratings of built-in ones. */
  v.strictObject({ type: v.literal('sources:list') }),
  /** Run team sync now, whatever the backoff says (options' and popup's "Sync now"). */
  v.strictObject({ type: v.literal('sync:now') }),
  /** Write a backup now (the options page's "Back up now"), whatever changed; answers how it went. */
  v.strictObject({ type: v.literal('backup:run-now') }),
  /** Save a new manual annotation (the user selected text on the page and annotated it). */
  v.strictObject({ type: v.literal('annotation:save-manual'), annotation: ManualAnnotationSchema }),
  /** Index what an import stored (the library page, after an import); answers how many annotations it indexed. */
  v.strictObject({ type: v.literal('library:index-imported') }),
]);

const PageRequestSchema = v.variant('type', [
  /** The page's detected claims, with selectors, URL and title. */
  v.strictObject({ type: v.literal('page:claims') }),
  /** Saved annotations or ratings changed: fetch them again and redraw marks and tags. */
  v.strictObject({ type: v.literal('page:annotations-changed') }),
  /** Scroll to the claim that starts at this offset and open its card. */
  v.strictObject({ type: v.literal('page:show-claim'), start: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** The highlight switches changed: read them again and apply them now (answers once applied). */
  v.strictObject({ type: v.literal('page:settings-changed') }),
  /**
   * The user asked to annotate the selected text (context menu or keyboard shortcut): open the
   * editor on it, or say on the page that there is no selection. Answers once the editor is open.
   */
  v.strictObject({ type: v.literal('page:annotate-selection') }),
  /**
   * The W3C selectors (quote and position) of the text selected on the page now, for re-attaching
   * an orphaned annotation to it from the popup; a failed Result in words when nothing is selected.
   */
  v.strictObject({ type: v.literal('page:selection-selectors') }),
]);

export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;
/** A manual annotation as the page sends it to be saved. */
export type ManualAnnotationInput = v.InferOutput<typeof ManualAnnotationSchema>;
export type PageRequest = v.InferOutput<typeof PageRequestSchema>;

/**
 * A claim as the page reports it to the popup, with the selectors that would anchor it: a claim
 * detection flags now, or a saved annotation anchored on text detection does not flag (it is
 * still the user's, and still on the page).
 */
export type PageClaim = DetectedClaim & {
  /** Quote and position selectors, ready to store in an annotation's target. */
  selectors: [TextQuoteSelector, TextPositionSelector];
  /** Id of the saved annotation anchored on this claim, if any. */
  annotationId: string | null;
  /** True when detection flags this text now; false for a saved annotation it no longer flags. */
  detected: boolean;
  /**
   * How the annotation anchored: on the same text where it was saved (`exact`), the same text
   * elsewhere (`moved`), or changed text (`fuzzy`); null without an annotation.
   */
  anchoring: AnchorStatus | null;
  /** The annotation's stored quote when it re-attached to changed text (`fuzzy`), else null. */
  previousText: string | null;
  /**
   * True when the user marked this text "not a claim" (a correction, lib/page/corrections.ts): the
   * page neither highlights nor tags it, and the popup lists it apart, with an undo. Absent: false.
   */
  dismissed?: boolean;
};

/** A saved annotation of this page that could not be anchored on it. */
export type PageOrphan = {
  /** The annotation's id. */
  annotationId: string;
  /** Its stored quote ('' if it has none). */
  quote: string;
  /** Why: the text is gone or changed beyond recognition, or fits more than one place. */
  reason: OrphanReason;
};

/** What the content script knows of its page. */
export type PageSnapshot = {
  /** Normalised URL: the key annotations are stored under. */
  url: string;
  title: string;
  /** The site the per-site highlight switch applies to (lib/settings `siteOf`; '' for none). */
  site: string;
  /** Whether the page shows highlights; when off, it is not read and `claims` and `orphans` are empty. */
  highlights: HighlightState;
  /** Detected claims and anchored annotations, in page order. */
  claims: PageClaim[];
  /** Saved annotations of this page that are not on it now: never dropped, never guessed. */
  orphans: PageOrphan[];
};

/** Summary of a finished export. */
export type ExportSummary = {
  filename: string;
  annotationCount: number;
  sourceCount: number;
  downloadId: number;
};

/** What a finished sync run did (a failed one answers with the error in words). */
export type SyncSummary = {
  /** Documents the server confirmed. */
  pushed: number;
  /** Server documents applied locally. */
  pulled: number;
  /** Server documents merged with an unsent local edit by the merge rule. */
  merged: number;
};

/** The answer type of each request type. */
type ResponseMap = {
  'annotations:for-page': Annotation[];
  'sources:list': Source[];
  'sync:now': SyncSummary;
  'backup:run-now': BackupRunResult;
  'page:claims': PageSnapshot;
  'page:annotations-changed': null;
  'page:show-claim': null;
  'page:settings-changed': null;
  'annotation:save-manual': Annotation;
  'library:index-imported': number;
  'page:annotate-selection': null;
  'page:selection-selectors': [TextQuoteSelector, TextPositionSelector];
};

/** The answer type for a request (or a union of requests). */
export type ResponseOf<R extends { type: keyof ResponseMap }> = ResponseMap[R['type']];

/** Every answer: a value, or an error in words a user can act on. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Wrap a value as a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** Wrap an error message as a failed result. */
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

function describeIssues(issues: v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'unknown problem';
  const path = v.getDotPath(first);
  return path ? `${path}: ${first.message}` : first.message;
}

/** Validate an incoming background request; the error names the first problem. */
export function parseBackgroundRequest(raw: unknown): Result<BackgroundRequest> {
  const parsed = v.safeParse(BackgroundRequestSchema, raw);
  return parsed.success ? ok(parsed.output) : fail(`Unexpected message: ${describeIssues(parsed.issues)}`);
}

/** Validate an incoming page request; the error names the first problem. */
export function parsePageRequest(raw: unknown): Result<PageRequest> {
  const parsed = v.safeParse(PageRequestSchema, raw);
  return parsed.success ? ok(parsed.output) : fail(`Unexpected message: ${describeIssues(parsed.issues)}`);
}
