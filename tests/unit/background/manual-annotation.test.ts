import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../../lib/background/handle-request';
import { buildManualAnnotation } from '../../../lib/background/manual-annotation';
import type { ManualAnnotationInput, Result } from '../../../lib/messages';
import type { Annotation } from '../../../lib/model';
import { annotationsForPage } from '../../../lib/store/annotations';
import type { SourcemarkDb } from '../../../lib/store/db';
import { openTestDb } from '../support/store-fixtures';

const NOW = new Date('2026-11-27T19:00:00.000Z');
const PAGE = 'https://news.example/korea-russia';

/** What the page's editor sends for a selection. */
function input(overrides: Partial<ManualAnnotationInput> = {}): ManualAnnotationInput {
  return {
    url: PAGE,
    pageTitle: 'Korea and Russia',
    quote: { type: 'TextQuoteSelector', exact: 'Primorye is another name for Primorsky.', prefix: 'the meeting. ', suffix: ' The meeting' },
    position: { type: 'TextPositionSelector', start: 500, end: 539 },
    note: 'Naming matters',
    tags: ['geography', 'naming', 'geography'],
    verdict: null,
    source: null,
    ...overrides,
  };
}

describe('buildManualAnnotation', () => {
  it('makes a manual highlight without a source: both selectors, no attributions, tags without repeats', () => {
    expect(buildManualAnnotation(input(), 'id-1', NOW)).toEqual({
      id: 'id-1',
      url: PAGE,
      pageTitle: 'Korea and Russia',
      target: { selectors: [input().quote, input().position] },
      kind: 'highlight',
      attributions: [],
      note: 'Naming matters',
      tags: ['geography', 'naming'],
      origin: 'manual',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it('makes a manual claim with the chosen source, resolved or new, and a dated verdict', () => {
    const fromRegistry = buildManualAnnotation(
      input({ source: { id: 'yonhap', name: 'Yonhap', type: 'news-agency' }, verdict: { rating: 'mostly-true', rationale: 'Two sources' } }),
      'id-2',
      NOW,
    );
    expect(fromRegistry.kind).toBe('claim');
    expect(fromRegistry.attributions).toEqual([
      expect.objectContaining({ source: { id: 'yonhap', name: 'Yonhap', type: 'news-agency' }, label: 'Yonhap', cue: null, start: 500, end: 500 }),
    ]);
    expect(fromRegistry.verdict).toEqual({ rating: 'mostly-true', rationale: 'Two sources', ratedAt: NOW.toISOString() });
    const typed = buildManualAnnotation(input({ source: { id: null, name: 'A local blogger', type: 'other' } }), 'id-3', NOW);
    expect(typed.attributions[0]).toMatchObject({ source: null, label: 'A local blogger', type: 'other' });
  });
});

describe('the background saves manual annotations', () => {
  const dbs: SourcemarkDb[] = [];
  afterEach(async () => {
    await Promise.all(dbs.splice(0).map((db) => db.delete()));
  });
  const setup = () => {
    const db = openTestDb();
    dbs.push(db);
    const handle = createRequestHandler({
      db,
      extensionId: 'me',
      now: () => NOW,
      newId: () => 'new-id',
      logError: () => undefined,
    });
    const ask = (message: unknown) => handle(message, { id: 'me' }) as Promise<Result<unknown>>;
    return { db, ask };
  };

  it('stores a valid request as a manual annotation of its page and answers it', async () => {
    const { db, ask } = setup();
    const answer = await ask({ type: 'annotation:save-manual', annotation: input() });
    expect(answer.ok).toBe(true);
    const stored = await annotationsForPage(db, PAGE);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: 'new-id', origin: 'manual', kind: 'highlight', note: 'Naming matters' });
    expect(answer.ok && (answer.value as Annotation).id).toBe('new-id');
  });

  it.each([
    ['an empty quote', { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } }, 'annotation.quote.exact'],
    ['a position that ends before it starts', { position: { type: 'TextPositionSelector', start: 9, end: 3 } }, 'annotation.position'],
    ['an unknown verdict', { verdict: { rating: 'pants-on-fire', rationale: '' } }, 'annotation.verdict'],
    ['an unknown source type', { source: { id: null, name: 'X', type: 'blog' } }, 'annotation.source'],
    ['a blank source name', { source: { id: null, name: '   ', type: 'other' } }, 'annotation.source.name'],
    ['a blank tag', { tags: ['ok', '  '] }, 'annotation.tags'],
    ['too many tags', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, 'annotation.tags'],
    ['an extra field', { origin: 'confirmed' }, 'annotation'],
  ])('refuses %s, saying where, and stores nothing', async (_name, overrides, path) => {
    const { db, ask } = setup();
    const answer = await ask({ type: 'annotation:save-manual', annotation: { ...input(), ...overrides } });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toContain(path);
    expect(await annotationsForPage(db, PAGE)).toEqual([]);
  });
});
