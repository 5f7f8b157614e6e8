/**
 * Sourcemark annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), in
 * JSON-LD with the context http://www.w3.org/ns/anno.jsonld, so other annotation tools can read
 * them. Pure.
 *
 * Mapping (one annotation):
 * - `motivation`: `identifying` for a claim (it identifies who a claim comes from), `highlighting`
 *   for a highlight, `commenting` for a note.
 * - `body`: one `TextualBody` per meaning, each with its `purpose`: the note → `commenting`, each
 *   tag → `tagging`, the verdict → `assessing` (value "Mostly false: rationale"), each source
 *   attribution → `identifying` (value: the source's name).
 * - `target`: a `SpecificResource` on the page URL with our `TextQuoteSelector` and
 *   `TextPositionSelector`, and a `TimeState` whose `sourceDate` is when the page was read (the
 *   annotation's creation time: Sourcemark annotates the page as it reads it).
 * - `creator`: a `Person` for human judgement (origin confirmed, corrected or manual), the
 *   `Software` Sourcemark for a machine detection (origin detected); `generator` is always
 *   Sourcemark. `created`/`modified` are the annotation's times.
 * - Everything W3C has no term for (page title, kind, origin, the attributions' offsets and cues,
 *   the verdict's rating and time, sharing, conflict history) goes in `sourcemark:` properties,
 *   declared in the context, so our own round trip is lossless and other tools can ignore them.
 *
 * Deleted annotations (tombstones) are not written: another tool would show them as live.
 */
import { SCHEMA_VERSION, VERDICT_LABELS, type Annotation, type AnnotationVersion, type Attribution, type Selector, type VerdictRating } from '../model';
import { annotationIri } from './annotation-id';
import { eachItem, gatherChunks, prettyAt, type ItemSource } from './chunks';
import { GENERATOR_NAME } from './sourcemark-json';

/** The Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The IRI our extension terms expand to. JSON-LD only needs it to be stable and ours; the project
 * has no web address of its own yet, so it sits under the reserved `.invalid` domain rather than
 * borrowing someone else's. Change it only with an import rule for the old one.
 */
export const SOURCEMARK_VOCAB = 'https://sourcemark.invalid/ns#';

/**
 * The `@context` of every document we write: the W3C one, then our prefix. The attribution and
 * history values are Sourcemark records whose keys (`type`, `source`, `id`) the W3C context would
 * otherwise read as annotation terms, so they are declared opaque JSON literals (JSON-LD 1.1).
 */
export const W3C_CONTEXT = [
  ANNO_CONTEXT,
  {
    sourcemark: SOURCEMARK_VOCAB,
    'sourcemark:attribution': { '@type': '@json' },
    'sourcemark:history': { '@type': '@json' },
  },
] as const;

/** An agent: who made an annotation (`creator`) or what software wrote it (`generator`). */
export type W3cAgent = {
  id?: string;
  type: 'Person' | 'Software' | 'Organization';
  name?: string;
  homepage?: string;
  /** On Sourcemark's own agent: the version that wrote the annotation. */
  'sourcemark:version'?: string;
};

/** A body: some text with the reason (`purpose`) it is there. */
export type W3cTextualBody = {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging' | 'assessing' | 'identifying';
  value: string;
  format?: 'text/plain';
  /** On an `assessing` body: the time of the verdict. */
  created?: string;
  /** On an `assessing` body: the verdict's rating id. */
  'sourcemark:rating'?: VerdictRating;
  /** On an `assessing` body: the verdict's rationale alone. */
  'sourcemark:rationale'?: string;
  /** On an `identifying` body: the attribution as Sourcemark stores it. */
  'sourcemark:attribution'?: Attribution;
};

/** The target: our selectors on the page, and when it was read. */
export type W3cTarget = {
  type: 'SpecificResource';
  source: string;
  selector: Selector[];
  state: { type: 'TimeState'; sourceDate: string };
};

/** One Web Annotation as we write it. */
export type W3cAnnotation = {
  '@context'?: typeof W3C_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'identifying' | 'highlighting' | 'commenting';
  created: string;
  modified: string;
  creator: W3cAgent;
  generator: W3cAgent;
  body: W3cTextualBody[];
  target: W3cTarget;
  'sourcemark:kind': Annotation['kind'];
  'sourcemark:origin': Annotation['origin'];
  'sourcemark:pageTitle': string;
  'sourcemark:shared'?: boolean;
  'sourcemark:history'?: AnnotationVersion[];
};

/** Options of a W3C export. */
export type W3cExportOptions = {
  /** The person whose judgements these are (`creator` of non-detected annotations); unnamed when absent. */
  person?: { name?: string; id?: string };
  /** The Sourcemark version, for `generator`. */
  version: string;
  /** The export time (`generated`, and the collection's id). */
  now: Date;
};

/** The software agent Sourcemark. */
export function sourcemarkAgent(version: string): W3cAgent {
  return { type: 'Software', name: GENERATOR_NAME, 'sourcemark:version': version };
}

const MOTIVATION: Record<Annotation['kind'], W3cAnnotation['motivation']> = {
  claim: 'identifying',
  highlight: 'highlighting',
  note: 'commenting',
};

/** The value of an assessing body: the verdict's label, then its rationale. */
export function verdictValue(rating: VerdictRating, rationale: string): string {
  return rationale === '' ? VERDICT_LABELS[rating] : `${VERDICT_LABELS[rating]}: ${rationale}`;
}

/** The bodies of an annotation, in a fixed order: attributions, verdict, note, tags. */
function bodiesOf(annotation: Annotation): W3cTextualBody[] {
  const bodies: W3cTextualBody[] = annotation.attributions.map((attribution) => ({
    type: 'TextualBody',
    purpose: 'identifying',
    value: attribution.label,
    'sourcemark:attribution': attribution,
  }));
  if (annotation.verdict) {
    const { rating, rationale, ratedAt } = annotation.verdict;
    bodies.push({
      type: 'TextualBody',
      purpose: 'assessing',
      value: verdictValue(rating, rationale),
      created: ratedAt,
      'sourcemark:rating': rating,
      'sourcemark:rationale': rationale,
    });
  }
  if (annotation.note !== '') bodies.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note, format: 'text/plain' });
  for (const tag of annotation.tags) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return bodies;
}

/** One annotation as a W3C Web Annotation (without `@context`: pass `withContext` for a standalone one). */
export function toW3cAnnotation(annotation: Annotation, options: Omit<W3cExportOptions, 'now'>, withContext = false): W3cAnnotation {
  const person: W3cAgent = { type: 'Person', ...(options.person?.id ? { id: options.person.id } : {}), ...(options.person?.name ? { name: options.person.name } : {}) };
  return {
    ...(withContext ? { '@context': W3C_CONTEXT } : {}),
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: MOTIVATION[annotation.kind],
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    creator: annotation.origin === 'detected' ? sourcemarkAgent(options.version) : person,
    generator: sourcemarkAgent(options.version),
    body: bodiesOf(annotation),
    target: {
      type: 'SpecificResource',
      source: annotation.url,
      selector: annotation.target.selectors,
      state: { type: 'TimeState', sourceDate: annotation.createdAt },
    },
    'sourcemark:kind': annotation.kind,
    'sourcemark:origin': annotation.origin,
    'sourcemark:pageTitle': annotation.pageTitle,
    ...(annotation.shared === undefined ? {} : { 'sourcemark:shared': annotation.shared }),
    ...(annotation.history === undefined ? {} : { 'sourcemark:history': annotation.history }),
  };
}

/**
 * The W3C export as a stream of text chunks: one `AnnotationCollection` whose `first` page holds
 * every live annotation as `items`, `total` written last (so the count need not be known before
 * the stream starts). Pretty-printed like the native export.
 */
export async function* w3cChunks(annotations: ItemSource<Annotation>, options: W3cExportOptions): AsyncGenerator<string> {
  const exportedAt = options.now.toISOString();
  const head = {
    '@context': W3C_CONTEXT,
    id: `urn:sourcemark:export:${exportedAt}`,
    type: 'AnnotationCollection',
    label: 'Sourcemark annotations',
    generator: sourcemarkAgent(options.version),
    generated: exportedAt,
    // The version of our `sourcemark:` terms: a newer reader can upgrade them, an older one refuses.
    'sourcemark:schemaVersion': SCHEMA_VERSION,
  };
  async function* pieces(): AsyncGenerator<string> {
    yield JSON.stringify(head, null, 2).slice(0, -2);
    yield ',\n  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [';
    let total = 0;
    for await (const annotation of eachItem(annotations)) {
      if (annotation.deletedAt !== undefined) continue;
      const item = prettyAt(toW3cAnnotation(annotation, options), 3);
      yield `${total === 0 ? '' : ','}\n      ${item}`;
      total += 1;
    }
    yield total === 0 ? ']\n  },' : '\n    ]\n  },';
    yield `\n  "total": ${total}\n}\n`;
  }
  yield* gatherChunks(pieces());
}
