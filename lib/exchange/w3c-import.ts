/**
 * Reading W3C Web Annotations (JSON-LD) into Sourcemark annotations: our own exports without
 * loss, and what other W3C tools write (Hypothesis-style), in any of the shapes the model
 * allows: one `Annotation`, a list of them, an `AnnotationPage`, or an `AnnotationCollection`
 * with its pages embedded; a target that is just the page URL, or a `SpecificResource` with a
 * `source`; a body that is a string, an object or a list; selectors as one object, a list, or
 * nested in another selector's `refinedBy`. Pure.
 *
 * Another tool's annotation becomes: its `TextQuoteSelector` and `TextPositionSelector` (other
 * selector kinds are dropped: Sourcemark cannot anchor them); commenting (and untyped) bodies →
 * the note; tagging bodies → tags; the first assessing body whose text starts with a verdict
 * label ("Mostly false: …") → the verdict, others → the note; identifying bodies → attributions
 * to a source not in the registry; a `Software` creator → origin `detected`, anyone else →
 * `manual`. Its id IRI maps to a stable UUID (annotation-id.ts), so re-importing finds it again.
 * Only the first target of an annotation with several is kept.
 */
import * as v from 'valibot';
import { SCHEMA_VERSION, VERDICT_LABELS, VERDICT_RATINGS, type Annotation, type Attribution, type Selector, type Verdict, type VerdictRating } from '../model';
import { normalisePageUrl } from '../page-url';
import { idFromIri, uuidFromString } from './annotation-id';
import { describeIssue, issuePath } from './describe-issue';
import { describeValue, formatPath, type ImportErrorCode, type PathSegment } from './import-error';
import { IMPORT_LIMITS as L } from './limits';
import { AnnotationSchema, AnnotationVersionSchema, AttributionSchema } from './sourcemark-schema';

/** What `readW3cAnnotations` found, or why it refused. */
export type W3cReadResult =
  | { ok: true; value: { annotations: Annotation[]; generator?: string } }
  | { ok: false; code: ImportErrorCode; problem: string; path: PathSegment[] };

type Json = Record<string, unknown>;

/** A refusal with its place, thrown inside the reader and turned into a result at its edge. */
class ReadProblem extends Error {
  constructor(
    readonly path: PathSegment[],
    readonly problem: string,
    readonly code: ImportErrorCode = 'invalid',
  ) {
    super(problem);
  }
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `type` of a JSON-LD node, which may be one string or a list of them. */
function typesOf(node: unknown): string[] {
  if (!isObject(node)) return [];
  const type = node.type ?? node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

/** A value that may be one item or a list, as a list (JSON-LD allows both almost everywhere). */
function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** True when the parsed value looks like W3C Web Annotation JSON-LD. */
export function looksLikeW3c(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || typesOf(value[0]).includes('Annotation') || (isObject(value[0]) && '@context' in value[0]);
  if (!isObject(value)) return false;
  return '@context' in value || ['Annotation', 'AnnotationCollection', 'AnnotationPage'].some((t) => typesOf(value).includes(t));
}

/** A string field, checked for type and length. */
function text(value: unknown, path: PathSegment[], max: number = L.maxTextChars): string {
  if (typeof value !== 'string') throw new ReadProblem(path, `expected a text value, got ${describeValue(value)}`);
  if (value.length > max) throw new ReadProblem(path, `is longer than ${max.toLocaleString('en')} characters`, 'too-large');
  return value;
}

function optionalText(value: unknown, path: PathSegment[], max?: number): string | undefined {
  return value === undefined ? undefined : text(value, path, max);
}

function offset(value: unknown, path: PathSegment[]): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > L.maxOffset) {
    throw new ReadProblem(path, `expected a whole number from 0, got ${describeValue(value)}`);
  }
  return value;
}

/** A date: ISO 8601 date and time, as in `xsd:dateTime`. */
const TIMESTAMP = v.pipe(v.string(), v.maxLength(64), v.isoTimestamp());

function timestamp(value: unknown, path: PathSegment[]): string {
  if (!v.is(TIMESTAMP, value)) throw new ReadProblem(path, `is not an ISO 8601 date and time like 2024-05-01T10:00:00Z (got ${describeValue(value)})`);
  return value;
}

/** Check a value against one of our schemas, reporting the first issue under `path`. */
function checked<T>(schema: v.GenericSchema<unknown, T>, value: unknown, path: PathSegment[]): T {
  const parsed = v.safeParse(schema, value, { abortEarly: true, message: describeIssue });
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  throw new ReadProblem([...path, ...issuePath(issue)], issue.message);
}

/** Selectors Sourcemark can anchor, in order, including those inside `refinedBy`. */
function selectorsOf(value: unknown, path: PathSegment[], out: Selector[], depth = 0): void {
  if (depth > 8) throw new ReadProblem(path, 'selectors are nested more than 8 levels deep in refinedBy');
  const many = Array.isArray(value);
  for (const [index, selector] of listOf(value).entries()) {
    const at = many ? [...path, index] : path;
    if (out.length >= L.maxListItems) throw new ReadProblem(at, `more than ${L.maxListItems} selectors`, 'too-large');
    if (!isObject(selector)) continue; // an IRI naming a selector elsewhere: nothing to anchor with
    const types = typesOf(selector);
    if (types.includes('TextQuoteSelector')) {
      out.push({
        type: 'TextQuoteSelector',
        exact: text(selector.exact, [...at, 'exact']),
        prefix: optionalText(selector.prefix, [...at, 'prefix']) ?? '',
        suffix: optionalText(selector.suffix, [...at, 'suffix']) ?? '',
      });
    } else if (types.includes('TextPositionSelector')) {
      out.push({ type: 'TextPositionSelector', start: offset(selector.start, [...at, 'start']), end: offset(selector.end, [...at, 'end']) });
    }
    if (selector.refinedBy !== undefined) selectorsOf(selector.refinedBy, [...at, 'refinedBy'], out, depth + 1);
  }
}

/** The page and selectors of an annotation's (first) target. */
function targetOf(item: Json, path: PathSegment[]): { url: string; selectors: Selector[]; readAt?: string; title?: string } {
  const targets = listOf(item.target);
  const many = Array.isArray(item.target);
  const target = targets[0];
  const at = many ? [...path, 'target', 0] : [...path, 'target'];
  if (typeof target === 'string') return { url: text(target, at, L.maxUrlChars), selectors: [] };
  if (!isObject(target)) throw new ReadProblem(at, target === undefined ? 'is missing: an annotation needs the page it is about' : 'expected the page URL or a SpecificResource');
  const source = target.source ?? target.id;
  const sourceAt = [...at, target.source === undefined ? 'id' : 'source'];
  let url: string;
  let title: string | undefined;
  if (isObject(source)) {
    url = text(source.id, [...sourceAt, 'id'], L.maxUrlChars);
    title = typeof source.title === 'string' ? source.title : undefined;
  } else {
    url = text(source, sourceAt, L.maxUrlChars);
  }
  const selectors: Selector[] = [];
  selectorsOf(target.selector, [...at, 'selector'], selectors);
  const state = listOf(target.state).find((s) => typesOf(s).includes('TimeState'));
  const readAt = isObject(state) && state.sourceDate !== undefined ? timestamp(state.sourceDate, [...at, 'state', 'sourceDate']) : undefined;
  return { url, selectors, ...(readAt ? { readAt } : {}), ...(title !== undefined ? { title } : {}) };
}

/** Labels and ids of verdicts, longest first, lower-cased, for reading another tool's assessments. */
const VERDICT_WORDS: [string, VerdictRating][] = VERDICT_RATINGS.flatMap((rating): [string, VerdictRating][] => [
  [VERDICT_LABELS[rating].toLowerCase(), rating],
  [rating, rating],
]).sort((a, b) => b[0].length - a[0].length);

/** A verdict read from free text that starts with a verdict label: "Mostly false: the figures are from 2019". */
export function verdictFromText(value: string): { rating: VerdictRating; rationale: string } | null {
  const lower = value.trimStart().toLowerCase();
  for (const [word, rating] of VERDICT_WORDS) {
    if (!lower.startsWith(word)) continue;
    const rest = value.trimStart().slice(word.length);
    if (rest === '') return { rating, rationale: '' };
    const separated = /^\s*[:\-–—.]\s*/.exec(rest);
    if (separated) return { rating, rationale: rest.slice(separated[0].length) };
  }
  return null;
}

type Bodies = { notes: string[]; tags: string[]; verdict?: Verdict; attributions: Attribution[] };

/** Read an annotation's bodies by purpose. */
function bodiesOf(item: Json, path: PathSegment[], own: boolean, fallbackDate: string): Bodies {
  const out: Bodies = { notes: [], tags: [], attributions: [] };
  const motivation = typesOf({ type: item.motivation })[0];
  const many = Array.isArray(item.body);
  const bodies = listOf(item.body);
  if (bodies.length > L.maxListItems) throw new ReadProblem([...path, 'body'], `has more than ${L.maxListItems} bodies`, 'too-large');
  if (item.bodyValue !== undefined) out.notes.push(text(item.bodyValue, [...path, 'bodyValue']));
  for (const [index, body] of bodies.entries()) {
    const at = many ? [...path, 'body', index] : [...path, 'body'];
    let value: string;
    let purpose: string | undefined;
    if (typeof body === 'string') {
      value = text(body, at, L.maxUrlChars); // a body given as an IRI: keep the link as text
      purpose = motivation;
    } else if (isObject(body)) {
      purpose = typesOf({ type: body.purpose })[0] ?? motivation;
      if (body.value !== undefined) value = text(body.value, [...at, 'value']);
      else if (typeof body.source === 'string' || typeof body.id === 'string') value = text(body.source ?? body.id, [...at, body.source === undefined ? 'id' : 'source'], L.maxUrlChars);
      else continue; // a body with nothing to read (e.g. a Choice we cannot represent)
    } else {
      throw new ReadProblem(at, 'expected a text body or a link');
    }
    const node: Json = isObject(body) ? body : {};
    switch (purpose) {
      case 'tagging':
      case 'classifying':
        out.tags.push(text(value, at, L.maxShortChars));
        break;
      case 'identifying':
        if (own && node['sourcemark:attribution'] !== undefined) {
          out.attributions.push(checked(AttributionSchema, node['sourcemark:attribution'], [...at, 'sourcemark:attribution']));
        } else {
          const label = text(value, [...at, 'value'], L.maxShortChars);
          out.attributions.push({ source: null, label, type: 'other', sourceText: null, speaker: null, cue: null, cueStance: null, start: 0, end: 0, reportedBy: null, carriedOver: false });
        }
        break;
      case 'assessing': {
        const ratedAt = node.created === undefined ? fallbackDate : timestamp(node.created, [...at, 'created']);
        const ownRating = node['sourcemark:rating'];
        if (own && ownRating !== undefined) {
          if (!(VERDICT_RATINGS as readonly unknown[]).includes(ownRating)) throw new ReadProblem([...at, 'sourcemark:rating'], `is not a verdict; expected one of ${VERDICT_RATINGS.join(', ')}`);
          out.verdict = { rating: ownRating as VerdictRating, rationale: text(node['sourcemark:rationale'] ?? '', [...at, 'sourcemark:rationale']), ratedAt };
          break;
        }
        const read = out.verdict ? null : verdictFromText(value);
        if (read) out.verdict = { ...read, ratedAt };
        else out.notes.push(value);
        break;
      }
      case 'highlighting':
        break;
      default:
        // commenting, describing, replying, questioning, editing, linking… or no purpose at all.
        out.notes.push(value);
    }
  }
  return out;
}

/** The annotations of a collection, page, list or single annotation, with their paths. */
function itemsOf(value: unknown): { item: unknown; path: PathSegment[] }[] {
  if (Array.isArray(value)) return value.map((item, index) => ({ item, path: [index] }));
  if (!isObject(value)) return [];
  const types = typesOf(value);
  if (types.includes('Annotation')) return [{ item: value, path: [] }];
  const out: { item: unknown; path: PathSegment[] }[] = [];
  const pageItems = (page: Json, at: PathSegment[]) => {
    const items = page.items ?? page['as:items'];
    if (items === undefined) return;
    if (!Array.isArray(items)) throw new ReadProblem([...at, 'items'], 'expected a list of annotations');
    for (const [index, item] of items.entries()) {
      out.push({ item, path: [...at, 'items', index] });
      if (out.length > L.maxAnnotations) throw new ReadProblem([...at, 'items', index], `more than ${L.maxAnnotations.toLocaleString('en')} annotations in one file`, 'too-large');
    }
  };
  if (types.includes('AnnotationPage')) {
    pageItems(value, []);
    return out;
  }
  // An AnnotationCollection (or anything with @context but no type): its items, then its pages.
  pageItems(value, []);
  let page: unknown = value.first;
  let at: PathSegment[] = ['first'];
  for (let pages = 0; page !== undefined; pages += 1) {
    if (typeof page === 'string') {
      throw new ReadProblem(at, 'this page of the collection is only a link; download every page and import each file, or export the annotations inline');
    }
    if (!isObject(page)) throw new ReadProblem(at, 'expected an AnnotationPage');
    if (pages > 10_000) throw new ReadProblem(at, 'more than 10,000 pages', 'too-large');
    pageItems(page, at);
    page = page.next;
    at = [...at, 'next'];
  }
  return out;
}

/** The name of what wrote the annotations, as the file says. */
function generatorOf(value: unknown): string | undefined {
  const node = Array.isArray(value) ? value[0] : value;
  if (!isObject(node)) return undefined;
  const generator = listOf(node.generator)[0];
  if (typeof generator === 'string') return generator.slice(0, 200);
  if (isObject(generator) && typeof generator.name === 'string') {
    const version = generator['sourcemark:version'];
    return `${generator.name}${typeof version === 'string' ? ` ${version}` : ''}`.slice(0, 200);
  }
  return undefined;
}

/** One W3C annotation as a Sourcemark annotation. */
function readAnnotation(item: unknown, path: PathSegment[]): Annotation {
  if (!isObject(item)) throw new ReadProblem(path, 'expected an Annotation object');
  if (!typesOf(item).includes('Annotation')) throw new ReadProblem([...path, 'type'], `expected "Annotation", got ${describeValue(item.type)}`);
  const own = item['sourcemark:kind'] !== undefined;
  const iri = item.id === undefined ? undefined : text(item.id, [...path, 'id'], L.maxUrlChars);
  const target = targetOf(item, path);
  const created = item.created !== undefined ? timestamp(item.created, [...path, 'created']) : target.readAt ?? (item.modified !== undefined ? timestamp(item.modified, [...path, 'modified']) : undefined);
  if (created === undefined) throw new ReadProblem([...path, 'created'], 'is missing: an annotation needs a date (created, modified or the target’s TimeState)');
  const modified = item.modified !== undefined ? timestamp(item.modified, [...path, 'modified']) : created;
  const bodies = bodiesOf(item, path, own, modified);
  const creatorTypes = listOf(item.creator).flatMap(typesOf);

  const kind: Annotation['kind'] = own
    ? checked(AnnotationSchema.entries.kind, item['sourcemark:kind'], [...path, 'sourcemark:kind'])
    : bodies.verdict || bodies.attributions.length > 0
      ? 'claim'
      : bodies.notes.length > 0
        ? 'note'
        : 'highlight';
  const origin: Annotation['origin'] = own
    ? checked(AnnotationSchema.entries.origin, item['sourcemark:origin'], [...path, 'sourcemark:origin'])
    : creatorTypes.includes('Software') && !creatorTypes.includes('Person')
      ? 'detected'
      : 'manual';
  // Hypothesis-style exports name the page in `document.title` (a list); read it by key.
  const pageNode = item['document'];
  const documentTitle = isObject(pageNode) ? listOf(pageNode.title)[0] : undefined;
  const pageTitle = own
    ? text(item['sourcemark:pageTitle'] ?? '', [...path, 'sourcemark:pageTitle'])
    : typeof documentTitle === 'string'
      ? documentTitle.slice(0, L.maxTextChars)
      : (target.title ?? '').slice(0, L.maxTextChars);
  // Our own dates come back exactly as written; another tool's are normalised to UTC like ours.
  const date = (iso: string) => (own ? iso : new Date(iso).toISOString());

  const fields: Omit<Annotation, 'id'> = {
    url: own ? target.url : normalisePageUrl(target.url),
    pageTitle,
    target: { selectors: target.selectors },
    kind,
    attributions: bodies.attributions,
    note: bodies.notes.join('\n\n'),
    tags: bodies.tags,
    ...(bodies.verdict ? { verdict: { ...bodies.verdict, ratedAt: date(bodies.verdict.ratedAt) } } : {}),
    origin,
    createdAt: date(created),
    updatedAt: date(modified),
    ...(own && item['sourcemark:shared'] !== undefined ? { shared: checked(v.boolean(), item['sourcemark:shared'], [...path, 'sourcemark:shared']) } : {}),
    ...(own && item['sourcemark:history'] !== undefined
      ? { history: checked(v.pipe(v.array(AnnotationVersionSchema), v.maxLength(L.maxHistory)), item['sourcemark:history'], [...path, 'sourcemark:history']) }
      : {}),
  };
  // Without an id, the same content gets the same id on every import (hashing what was read, not
  // the raw item: that may hold anything, nested arbitrarily deep, in fields we ignore).
  const annotation: Annotation = { id: iri === undefined ? uuidFromString(JSON.stringify(fields)) : idFromIri(iri), ...fields };
  // The same checks as a native import (lengths, list sizes), reported at the annotation.
  const parsed = v.safeParse(AnnotationSchema, annotation, { abortEarly: true, message: describeIssue });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new ReadProblem(path, `its ${issuePath(issue).join('.')} ${issue.message}`, issue.type === 'max_length' ? 'too-large' : 'invalid');
  }
  return annotation;
}

/** Annotations read between two progress reports. */
const BATCH = 1000;

/**
 * Read W3C Web Annotation JSON-LD (already parsed) into annotations, all or nothing: the first
 * problem is reported with its path in the file; two annotations with one id are refused. Yields
 * `{ done, total }` after every batch, so a caller can report progress and stop between batches.
 */
export function* readW3cSteps(value: unknown): Generator<{ done: number; total: number }, W3cReadResult> {
  try {
    const version = isObject(value) ? value['sourcemark:schemaVersion'] : undefined;
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new ReadProblem(
        ['sourcemark:schemaVersion'],
        `this file was written by a newer Sourcemark (schema version ${version}); this version reads up to ${SCHEMA_VERSION}. Update Sourcemark, then import the file again`,
        'unsupported-version',
      );
    }
    const items = itemsOf(value);
    const annotations: Annotation[] = [];
    const seen = new Map<string, PathSegment[]>();
    for (const [index, { item, path }] of items.entries()) {
      if (index % BATCH === 0 && index > 0) yield { done: index, total: items.length };
      const annotation = readAnnotation(item, path);
      const earlier = seen.get(annotation.id);
      if (earlier) throw new ReadProblem([...path, 'id'], `is the id of an earlier annotation in this file (${earlier.length === 0 ? 'the top' : formatPath(earlier)}); ids must be unique within a file`, 'duplicate-id');
      seen.set(annotation.id, path);
      annotations.push(annotation);
    }
    const generator = generatorOf(value);
    return { ok: true, value: { annotations, ...(generator ? { generator } : {}) } };
  } catch (error) {
    if (error instanceof ReadProblem) return { ok: false, code: error.code, problem: error.problem, path: error.path };
    throw error;
  }
}

/** `readW3cSteps` run to the end at once. */
export function readW3cAnnotations(value: unknown): W3cReadResult {
  const steps = readW3cSteps(value);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
