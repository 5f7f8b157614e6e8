/**
 * W3C Web Annotation: what we write follows the model (motivations, TextualBody purposes,
 * SpecificResource with both selectors, TimeState, creator vs generator), and what other W3C
 * tools write comes in, in each shape the model allows.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idFromIri, uuidFromString } from '../../../lib/exchange/annotation-id';
import { collectChunks } from '../../../lib/exchange/chunks';
import { parseImport } from '../../../lib/exchange/parse-import';
import { ANNO_CONTEXT, toW3cAnnotation, w3cChunks } from '../../../lib/exchange/w3c-annotation';
import { verdictFromText } from '../../../lib/exchange/w3c-import';
import { SCHEMA_VERSION, type Annotation } from '../../../lib/model';
import { makeAnnotation } from '../support/store-fixtures';
import { SAMPLE_ANNOTATIONS, SAMPLE_OPTIONS } from './sample-data';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures', 'exchange');

function imported(value: unknown): Annotation[] {
  const result = parseImport(JSON.stringify(value));
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.format).toBe('w3c');
  return result.value.annotations;
}

function refused(value: unknown) {
  const result = parseImport(JSON.stringify(value, null, 2));
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('W3C export', () => {
  const byId = (id: string) => SAMPLE_ANNOTATIONS.find((a) => a.id.endsWith(id)) as Annotation;

  it('writes one AnnotationCollection with the anno.jsonld context, a first page of items and the total', async () => {
    const doc = JSON.parse(await collectChunks(w3cChunks(SAMPLE_ANNOTATIONS, SAMPLE_OPTIONS)));
    expect(doc['@context'][0]).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.items).toHaveLength(SAMPLE_ANNOTATIONS.length - 1); // the tombstone stays out
    expect(doc.total).toBe(doc.first.items.length);
    expect(doc.generator).toMatchObject({ type: 'Software', name: 'Sourcemark' });
  });

  it('an empty export is still a valid collection', async () => {
    const doc = JSON.parse(await collectChunks(w3cChunks([], SAMPLE_OPTIONS)));
    expect(doc).toMatchObject({ type: 'AnnotationCollection', first: { items: [] }, total: 0 });
  });

  it.each([
    ['claim', 'identifying'],
    ['highlight', 'highlighting'],
    ['note', 'commenting'],
  ] as const)('a %s is motivated by %s', (kind, motivation) => {
    expect(toW3cAnnotation(makeAnnotation({ kind }), SAMPLE_OPTIONS).motivation).toBe(motivation);
  });

  it('gives each meaning its own TextualBody: source → identifying, verdict → assessing, note → commenting, tags → tagging', () => {
    const w3c = toW3cAnnotation(byId('0002'), SAMPLE_OPTIONS);
    expect(w3c.body.map((b) => [b.type, b.purpose, b.value])).toEqual([
      ['TextualBody', 'identifying', 'Yonhap'],
      ['TextualBody', 'identifying', 'South Korea’s spy service'],
      ['TextualBody', 'assessing', 'Mostly false: The NIS release says 2,000, not 3,000.'],
      ['TextualBody', 'commenting', 'Figure differs from the NIS press release (2,000).\nAsked the ministry, no answer yet.'],
      ['TextualBody', 'tagging', 'troops'],
      ['TextualBody', 'tagging', 'needs follow-up'],
    ]);
    expect(w3c.body[2]?.created).toBe('2024-05-03T08:15:00.000Z');
  });

  it('targets a SpecificResource on the page with both selectors and a TimeState of when it was read', () => {
    const annotation = byId('0002');
    expect(toW3cAnnotation(annotation, SAMPLE_OPTIONS).target).toEqual({
      type: 'SpecificResource',
      source: annotation.url,
      selector: annotation.target.selectors,
      state: { type: 'TimeState', sourceDate: annotation.createdAt },
    });
  });

  it('a machine detection is created by the Software Sourcemark; a person’s judgement by a Person', () => {
    const person = { name: 'J. Kim' };
    expect(toW3cAnnotation(byId('0001'), { ...SAMPLE_OPTIONS, person }).creator).toMatchObject({ type: 'Software', name: 'Sourcemark' });
    for (const origin of ['confirmed', 'corrected', 'manual'] as const) {
      const w3c = toW3cAnnotation(makeAnnotation({ origin }), { ...SAMPLE_OPTIONS, person });
      expect(w3c.creator).toEqual({ type: 'Person', name: 'J. Kim' });
      expect(w3c.generator).toMatchObject({ type: 'Software', name: 'Sourcemark' });
    }
  });

  it('writes created and modified, and UUID ids as urn:uuid', () => {
    const w3c = toW3cAnnotation(byId('0003'), SAMPLE_OPTIONS);
    expect([w3c.id, w3c.created, w3c.modified]).toEqual(['urn:uuid:0b8e5c1e-0003-4000-8000-000000000003', '2024-05-04T11:00:00.000Z', '2024-05-04T12:00:00.000Z']);
  });
});

describe('W3C import from other tools', () => {
  const base = {
    '@context': ANNO_CONTEXT,
    type: 'Annotation',
    id: 'https://annotations.example/1',
    created: '2024-04-02T12:00:00Z',
  };

  it('reads a Hypothesis-style export: account creator, untyped note, target list, extra selector kinds, microseconds', () => {
    const [first, second] = imported(JSON.parse(readFileSync(join(FIXTURES, 'hypothesis-style.jsonld'), 'utf8')));
    expect(first).toEqual({
      id: idFromIri('https://hypothes.is/a/kZx3Tv8XEe6oQ2dWb1pTqw'),
      url: 'https://news.example/korea-russia',
      pageTitle: 'North Korea and Russia discuss cooperation',
      target: {
        selectors: [
          { type: 'TextPositionSelector', start: 212, end: 248 },
          { type: 'TextQuoteSelector', exact: 'state agency KCNA said on Wednesday.', prefix: 'strengthen regional economic co', suffix: ' “Elevating economic cooperati' },
        ],
      },
      kind: 'note',
      attributions: [],
      note: 'The ministry never said this on the record.',
      tags: ['sourcing'],
      origin: 'manual',
      createdAt: '2024-04-02T12:43:20.405Z',
      updatedAt: '2024-04-02T13:01:02.000Z',
    });
    expect(second).toMatchObject({
      kind: 'claim',
      verdict: { rating: 'mostly-false', rationale: 'the figure is from 2019.', ratedAt: '2024-04-03T08:00:00.000Z' },
      target: { selectors: [{ type: 'TextQuoteSelector', exact: '3,000 more troops', prefix: 'said ', suffix: ' had been sent' }] },
      note: '',
    });
  });

  it('re-importing another tool’s file maps its ids to the same records', () => {
    const text = readFileSync(join(FIXTURES, 'hypothesis-style.jsonld'), 'utf8');
    const once = parseImport(text);
    const twice = parseImport(text);
    expect(once.ok && twice.ok && once.value.annotations.map((a) => a.id)).toEqual(twice.ok && twice.value.annotations.map((a) => a.id));
    expect(idFromIri('https://hypothes.is/a/x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idFromIri('https://hypothes.is/a/x')).not.toBe(idFromIri('https://hypothes.is/a/y'));
  });

  it('reads a single annotation whose target is a plain URL and whose body is a string', () => {
    const [annotation] = imported({ ...base, body: 'http://tags.example/economy', target: 'https://news.example/p#top' });
    expect(annotation).toMatchObject({ url: 'https://news.example/p', target: { selectors: [] }, note: 'http://tags.example/economy', kind: 'note' });
  });

  it('reads a single selector object, a body object and bodyValue', () => {
    const [annotation] = imported({
      ...base,
      bodyValue: 'first',
      body: { type: 'TextualBody', value: 'second', purpose: 'commenting' },
      target: { source: 'https://news.example/p', selector: { type: 'TextPositionSelector', start: 3, end: 9 } },
    });
    expect(annotation).toMatchObject({ note: 'first\n\nsecond', target: { selectors: [{ type: 'TextPositionSelector', start: 3, end: 9 }] } });
  });

  it('reads a source given as an object with id', () => {
    const [annotation] = imported({ ...base, target: { type: 'SpecificResource', source: { id: 'https://news.example/q', type: 'Text' } } });
    expect(annotation?.url).toBe('https://news.example/q');
  });

  it('reads an AnnotationPage and a collection whose pages are embedded and chained', () => {
    const item = (n: number) => ({ ...base, id: `https://annotations.example/${n}`, target: 'https://news.example/p' });
    expect(imported({ '@context': ANNO_CONTEXT, type: 'AnnotationPage', items: [item(1), item(2)] })).toHaveLength(2);
    expect(imported({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [item(1)], next: { type: 'AnnotationPage', items: [item(2), item(3)] } } })).toHaveLength(3);
  });

  it('a machine-made annotation (creator is Software) comes in as a detection; highlighting alone as a highlight', () => {
    const [annotation] = imported({ ...base, motivation: 'highlighting', creator: { type: 'Software', name: 'Some NLP tool' }, target: 'https://news.example/p' });
    expect(annotation).toMatchObject({ origin: 'detected', kind: 'highlight' });
  });

  it('identifying bodies from another tool become attributions to a source outside the registry', () => {
    const [annotation] = imported({ ...base, target: 'https://news.example/p', body: { type: 'TextualBody', purpose: 'identifying', value: 'Interfax' } });
    expect(annotation).toMatchObject({ kind: 'claim', attributions: [{ source: null, label: 'Interfax', type: 'other', sourceText: null }] });
  });

  it('an assessing body that names no verdict is kept as a note, not lost', () => {
    const [annotation] = imported({ ...base, target: 'https://news.example/p', body: { type: 'TextualBody', purpose: 'assessing', value: 'Plausible' } });
    expect(annotation).toMatchObject({ note: 'Plausible' });
    expect(annotation?.verdict).toBeUndefined();
  });

  it('keeps hostile text as text', () => {
    const value = '<script>alert(1)</script>\u202e';
    const [annotation] = imported({ ...base, target: 'https://news.example/p', body: { type: 'TextualBody', value } });
    expect(annotation?.note).toBe(value);
  });

  it.each([
    ['no target', { ...base }, 'target', 'is missing'],
    ['no date at all', { '@context': ANNO_CONTEXT, type: 'Annotation', id: 'x:1', target: 'https://a.example' }, 'created', 'needs a date'],
    ['a date that is not one', { ...base, created: 'yesterday', target: 'https://a.example' }, 'created', 'ISO 8601'],
    ['a quote selector without exact', { ...base, target: { source: 'https://a.example', selector: { type: 'TextQuoteSelector', prefix: 'p' } } }, 'target.selector.exact', 'expected a text value'],
    ['a negative position', { ...base, target: { source: 'https://a.example', selector: [{ type: 'TextPositionSelector', start: -1, end: 2 }] } }, 'target.selector[0].start', 'whole number'],
    ['a body that is a number', { ...base, target: 'https://a.example', body: [7] }, 'body[0]', 'expected a text body'],
    ['something that is not an annotation in a page', { '@context': ANNO_CONTEXT, type: 'AnnotationPage', items: [{ type: 'Note' }] }, 'items[0].type', 'expected "Annotation"'],
    ['a collection whose pages are links', { '@context': ANNO_CONTEXT, type: 'AnnotationCollection', first: 'https://a.example/page1' }, 'first', 'only a link'],
  ])('refuses %s, naming the field', (_name, value, path, problem) => {
    const error = refused(value);
    expect(error.path).toBe(path);
    expect(error.problem).toContain(problem);
    expect(error.line).toBeGreaterThan(0);
  });

  it('refuses two annotations with the same id', () => {
    const item = { ...base, target: 'https://news.example/p' };
    expect(refused([item, item])).toMatchObject({ code: 'duplicate-id', path: '[1].id' });
  });

  it('refuses a quote over the size limit', () => {
    const error = refused({ ...base, target: { source: 'https://a.example', selector: { type: 'TextQuoteSelector', exact: 'x'.repeat(100_001) } } });
    expect(error).toMatchObject({ code: 'too-large', path: 'target.selector.exact' });
  });

  it('refuses selectors nested too deep in refinedBy', () => {
    let selector: Record<string, unknown> = { type: 'TextQuoteSelector', exact: 'x' };
    for (let i = 0; i < 20; i += 1) selector = { type: 'FragmentSelector', value: 'p', refinedBy: selector };
    expect(refused({ ...base, target: { source: 'https://a.example', selector } }).problem).toContain('nested more than 8 levels');
  });
});

describe('verdictFromText', () => {
  it.each([
    ['Mostly false – old figures', { rating: 'mostly-false', rationale: 'old figures' }],
    ['false: no', { rating: 'false', rationale: 'no' }],
    ['TRUE', { rating: 'true', rationale: '' }],
    ['not-a-claim. Opinion', { rating: 'not-a-claim', rationale: 'Opinion' }],
    ['Mostly true', { rating: 'mostly-true', rationale: '' }],
    ['Truest thing', null],
    ['Plausible', null],
  ])('%j → %j', (text, expected) => {
    expect(verdictFromText(text)).toEqual(expected);
  });
});

describe('uuidFromString', () => {
  it('is stable and spreads', () => {
    const ids = new Set(Array.from({ length: 10_000 }, (_, i) => uuidFromString(`https://hypothes.is/a/${i}`)));
    expect(ids.size).toBe(10_000);
    expect(uuidFromString('a')).toBe(uuidFromString('a'));
  });
});

describe('W3C schema version', () => {
  it('our collection says the version of its sourcemark: terms; a newer one is refused', async () => {
    const text = await collectChunks(w3cChunks(SAMPLE_ANNOTATIONS, SAMPLE_OPTIONS));
    expect(JSON.parse(text)['sourcemark:schemaVersion']).toBe(SCHEMA_VERSION);
    const result = parseImport(text.replace(`"sourcemark:schemaVersion": ${SCHEMA_VERSION}`, `"sourcemark:schemaVersion": ${SCHEMA_VERSION + 1}`));
    expect(result.ok).toBe(false);
    const line = text.slice(0, text.indexOf('"sourcemark:schemaVersion"')).split('\n').length;
    expect(!result.ok && result.error).toMatchObject({ code: 'unsupported-version', path: 'sourcemark:schemaVersion', line });
  });
});
