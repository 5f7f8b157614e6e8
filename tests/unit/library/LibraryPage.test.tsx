// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryPage } from '../../../components/library/LibraryPage';
import type { SelectionExportPort } from '../../../lib/library/ports';
import { fail, ok } from '../../../lib/messages';
import type { Annotation } from '../../../lib/model';
import { allAnnotations, putAnnotations, saveAnnotation } from '../../../lib/store/annotations';
import { openDb, type SourcemarkDb } from '../../../lib/store/db';
import { applyImportPlan, planImport } from '../../../lib/store/exchange';
import { drainPendingIndex } from '../../../lib/store/library-pending';
import { rateSource } from '../../../lib/store/sources';
import { choose, getButton, getByLabel, textOf, typeInto, waitFor } from '../popup/dom-helpers';
import { makeAnnotation, makeRating } from '../support/store-fixtures';

const NOW = new Date('2025-01-10T09:00:00.000Z');

let db: SourcemarkDb;
let container: HTMLElement;
let urls: string[];
let exportSelection: ReturnType<typeof vi.fn<SelectionExportPort>>;

/** Three annotations: KCNA (propaganda-rated, false), Yonhap (no verdict, tagged), unresolved "American authorities". */
function seedRows(): Annotation[] {
  const base = makeAnnotation();
  const kcnaAttribution = base.attributions[0]!;
  const quote = (exact: string) => ({
    selectors: [
      { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
      { type: 'TextPositionSelector' as const, start: 0, end: exact.length },
    ],
  });
  return [
    makeAnnotation({
      id: 'kcna-1',
      target: quote('The two sides reached a deal on the factory, state agency KCNA said.'),
      note: 'Check against the Russian readout',
      verdict: { rating: 'false', rationale: '', ratedAt: '2024-05-01T10:00:00.000Z' },
      createdAt: '2024-05-01T10:00:00.000Z',
    }),
    makeAnnotation({
      id: 'yonhap-1',
      url: 'https://www.wire.example/seoul',
      target: quote('Missiles were fired into the sea, Yonhap reported.'),
      attributions: [{ ...kcnaAttribution, source: { id: 'yonhap', name: 'Yonhap', type: 'news-agency' }, label: 'Yonhap', type: 'news-agency' }],
      tags: ['korea'],
      createdAt: '2024-05-03T10:00:00.000Z',
    }),
    makeAnnotation({
      id: 'us-1',
      url: 'https://daily.example/drones',
      target: quote('American authorities claimed the drones were Iranian.'),
      attributions: [{ ...kcnaAttribution, source: null, label: 'American authorities', type: 'government' }],
      origin: 'manual',
      createdAt: '2024-05-02T10:00:00.000Z',
    }),
  ];
}

beforeEach(async () => {
  db = openDb(`library-test-${crypto.randomUUID()}`);
  await putAnnotations(db, seedRows());
  await rateSource(db, { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true }, makeRating({ tier: 'propaganda' }));
  container = document.createElement('div');
  document.body.append(container);
  urls = [];
  exportSelection = vi.fn<SelectionExportPort>(async (ids) => ok({ filename: 'Sourcemark/x.json', annotationCount: ids.length, sourceCount: 1, downloadId: 3 }));
});

afterEach(async () => {
  render(null, container);
  container.remove();
  await db.delete();
});

function mount(search = ''): void {
  render(<LibraryPage db={db} exportSelection={exportSelection} initialSearch={search} replaceSearch={(s) => urls.push(s)} now={() => NOW} />, container);
}

const rows = () => [...container.querySelectorAll<HTMLElement>('[data-testid="annotation-row"]')];
const ids = () => rows().map((r) => r.dataset.id);
const statusText = () => textOf(container.querySelector('[data-testid="status"]'));
const countText = () => textOf(container.querySelector('[data-testid="results-count"]'));
const row = (id: string) => {
  const found = rows().find((r) => r.dataset.id === id);
  if (!found) throw new Error(`No row ${id}`);
  return found;
};
const field = (r: HTMLElement, what: string) => textOf(r.querySelector(`[data-testid="${what}"]`));
const press = (key: string, target: EventTarget = document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

async function mountReady(search = ''): Promise<void> {
  mount(search);
  await waitFor(() => expect(container.querySelector('[data-testid="results"]')?.getAttribute('data-state')).toBe('ready'));
}

describe('LibraryPage', () => {
  it('lists every annotation newest first, with quote, source, tier, verdict, note, tags, site and day', async () => {
    await mountReady();
    await waitFor(() => expect(ids()).toEqual(['yonhap-1', 'us-1', 'kcna-1']));
    expect(countText()).toBe('3 annotations');
    const kcna = row('kcna-1');
    expect(field(kcna, 'row-quote')).toBe('The two sides reached a deal on the factory, state agency KCNA said.');
    expect(kcna.querySelector('a')?.getAttribute('href')).toBe(
      'https://news.example/korea-russia#:~:text=The%20two%20sides%20reached%20a%20deal%20on%20the%20factory%2C%20state%20agency%20KCNA%20said.',
    );
    expect(kcna.querySelector('a')?.getAttribute('target')).toBe('_blank');
    expect(field(kcna, 'row-source')).toBe('KCNA');
    await waitFor(() => expect(field(row('kcna-1'), 'row-tier')).toBe('State-controlled or propaganda outlet'));
    expect(field(kcna, 'row-verdict')).toBe('False');
    expect(field(kcna, 'row-note')).toBe('Note: Check against the Russian readout');
    expect(field(kcna, 'row-site')).toBe('news.example');
    expect(textOf(kcna.querySelector('time'))).toBe('2024-05-01');
    const yonhap = row('yonhap-1');
    expect(field(yonhap, 'row-tier')).toBe('Unrated');
    expect(field(yonhap, 'row-verdict')).toBe('No verdict');
    expect(field(yonhap, 'row-tags')).toBe('korea');
    expect(field(yonhap, 'row-site')).toBe('wire.example');
    expect(field(row('us-1'), 'row-source')).toBe('American authorities');
    // Screen readers get the position in the whole list.
    expect(yonhap.getAttribute('aria-posinset')).toBe('1');
    expect(yonhap.getAttribute('aria-setsize')).toBe('3');
    expect(getByLabel(container, 'Search quotes, notes and tags')).toBeDefined();
  });

  it('searches as the user types, and puts the search in the URL', async () => {
    await mountReady();
    typeInto(getByLabel(container, 'Search quotes, notes and tags'), 'russian read');
    await waitFor(() => expect(ids()).toEqual(['kcna-1']));
    expect(countText()).toBe('1 annotation matches');
    expect(urls.at(-1)).toBe('?q=russian+read');

    typeInto(getByLabel(container, 'Search quotes, notes and tags'), 'zzz');
    await waitFor(() => expect(container.querySelector('[data-testid="results-empty"]')).not.toBeNull());
    expect(ids()).toEqual([]);
    expect(textOf(container.querySelector('[data-testid="results-empty"]'))).toContain('No annotation matches');
  });

  it('filters by verdict, source and origin, and opens the view a URL describes', async () => {
    await mountReady();
    choose(getByLabel(container, 'Verdict'), 'false');
    await waitFor(() => expect(ids()).toEqual(['kcna-1']));
    expect(urls.at(-1)).toBe('?verdict=false');

    choose(getByLabel(container, 'Verdict'), '');
    await waitFor(() => expect(ids()).toHaveLength(3));
    // The source list is filled from the library, with counts.
    await waitFor(() => expect(textOf(getByLabel(container, 'Source'))).toContain('American authorities (1)'));
    choose(getByLabel(container, 'Source'), 'american-authorities');
    await waitFor(() => expect(ids()).toEqual(['us-1']));
    expect(urls.at(-1)).toBe('?source=american-authorities');

    render(null, container);
    await mountReady('?tier=propaganda&sort=site');
    await waitFor(() => expect(ids()).toEqual(['kcna-1']));
    expect(getByLabel<HTMLSelectElement>(container, 'Source’s tier').value).toBe('propaganda');
    expect(getByLabel<HTMLSelectElement>(container, 'Sort').value).toBe('site-asc');
    render(null, container);
    await mountReady('?origin=manual&q=drones');
    await waitFor(() => expect(ids()).toEqual(['us-1']));
    expect(getByLabel<HTMLInputElement>(container, 'Search quotes, notes and tags').value).toBe('drones');
  });

  it('sorts by site', async () => {
    await mountReady();
    choose(getByLabel(container, 'Sort'), 'site-asc');
    await waitFor(() => expect(ids()).toEqual(['us-1', 'kcna-1', 'yonhap-1']));
    expect(urls.at(-1)).toBe('?sort=site');
  });

  it('deletes the selected annotations as tombstones, and Undo brings them back', async () => {
    await mountReady();
    await waitFor(() => expect(ids()).toHaveLength(3));
    (row('us-1').querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    (row('kcna-1').querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    await waitFor(() => expect(textOf(container.querySelector('[data-testid="selected-count"]'))).toBe('2 annotations selected'));
    getButton(container, 'Delete selected').click();
    await waitFor(() => expect(ids()).toEqual(['yonhap-1']));
    expect(statusText()).toBe('Deleted 2 annotations. Undo brings them back.');
    const stored = await allAnnotations(db);
    expect(stored.find((a) => a.id === 'us-1')?.deletedAt).toBe(NOW.toISOString());

    getButton(container, 'Undo').click();
    await waitFor(() => expect(ids()).toEqual(['yonhap-1', 'us-1', 'kcna-1']));
    expect(statusText()).toBe('Restored 2 annotations.');
    expect((await allAnnotations(db)).every((a) => !a.deletedAt)).toBe(true);
    expect(container.querySelector('[data-testid="undo"]')).toBeNull();
  });

  it('adds a tag to every selected annotation, and says which already had it', async () => {
    await mountReady();
    await waitFor(() => expect(ids()).toHaveLength(3));
    (container.querySelector('[data-testid="select-all"]') as HTMLInputElement).click();
    await waitFor(() => expect(textOf(container.querySelector('[data-testid="selected-count"]'))).toBe('3 annotations selected'));
    typeInto(getByLabel(container, 'Tag to add or remove'), ' korea ');
    getButton(container, 'Add tag').click();
    await waitFor(() => expect(statusText()).toBe('Added the tag “korea” to 2 annotations. 1 other already had it.'));
    expect((await allAnnotations(db)).map((a) => a.tags)).toEqual([['korea'], ['korea'], ['korea']]);
    await waitFor(() => expect(field(row('kcna-1'), 'row-tags')).toBe('korea'));

    getButton(container, 'Remove tag').click();
    await waitFor(() => expect(statusText()).toBe('Removed the tag “korea” from 3 annotations.'));

    typeInto(getByLabel(container, 'Tag to add or remove'), '   ');
    getButton(container, 'Add tag').click();
    await waitFor(() => expect(statusText()).toBe("Couldn't add the tag: Type a tag first."));
  });

  it('exports the selection through the background, and reports a failure', async () => {
    await mountReady();
    await waitFor(() => expect(ids()).toHaveLength(3));
    (row('kcna-1').querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    await waitFor(() => expect(textOf(container.querySelector('[data-testid="selected-count"]'))).toBe('1 annotation selected'));
    getButton(container, 'Export selected').click();
    await waitFor(() => expect(statusText()).toBe('Exported 1 annotation to Sourcemark/x.json'));
    expect(exportSelection).toHaveBeenCalledWith(['kcna-1']);

    exportSelection.mockResolvedValueOnce(fail('Export failed: disk full'));
    getButton(container, 'Export selected').click();
    await waitFor(() => expect(statusText()).toBe("Couldn't export: Export failed: disk full"));
  });

  it('does nothing with the bulk buttons while nothing is selected', async () => {
    await mountReady();
    const remove = getButton(container, 'Delete selected');
    expect(remove.getAttribute('aria-disabled')).toBe('true');
    remove.click();
    getButton(container, 'Export selected').click();
    await new Promise((r) => setTimeout(r, 20));
    expect(exportSelection).not.toHaveBeenCalled();
    expect((await allAnnotations(db)).every((a) => !a.deletedAt)).toBe(true);
  });

  it('works from the keyboard: / searches, j and k move, x selects, Delete deletes, Escape leaves the search', async () => {
    await mountReady();
    await waitFor(() => expect(ids()).toHaveLength(3));
    const search = getByLabel<HTMLInputElement>(container, 'Search quotes, notes and tags');
    press('/');
    expect(document.activeElement).toBe(search);
    // Typing in the search box is not a shortcut.
    press('j', search);
    press('Escape', search);
    await waitFor(() => expect(document.activeElement).toBe(row('yonhap-1')));

    press('j', document.activeElement ?? document.body);
    await waitFor(() => expect(document.activeElement).toBe(row('us-1')));
    press('j', document.activeElement ?? document.body);
    press('k', document.activeElement ?? document.body);
    await waitFor(() => expect(document.activeElement).toBe(row('us-1')));
    press('x', document.activeElement ?? document.body);
    await waitFor(() => expect((row('us-1').querySelector('input') as HTMLInputElement).checked).toBe(true));
    press('Delete', document.activeElement ?? document.body);
    await waitFor(() => expect(ids()).toEqual(['yonhap-1', 'kcna-1']));
    expect(statusText()).toBe('Deleted 1 annotation. Undo brings it back.');
    // The shortcuts are listed on the page.
    expect(textOf(container.querySelector('.shortcuts'))).toContain('/ search');
  });

  it('renders only the rows in view, and loads the next page as the keyboard moves past the first', async () => {
    const many = Array.from({ length: 117 }, (_, i) =>
      makeAnnotation({ id: `m${String(i).padStart(3, '0')}`, createdAt: new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString() }),
    );
    await putAnnotations(db, many);
    await mountReady();
    await waitFor(() => expect(countText()).toBe('120 annotations'));
    // 50 rows are loaded, far fewer are in the DOM.
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(30);
    expect(textOf(container.querySelector('[data-testid="select-all"]')?.parentElement ?? null)).toBe('Select all 50 shown');
    for (let i = 0; i < 60; i++) press('j', document.activeElement ?? document.body);
    // Row 61 (0-based 60) is past the first page: it is loaded, rendered and focused.
    await waitFor(() => expect((document.activeElement as HTMLElement | null)?.dataset.index).toBe('60'));
    expect((document.activeElement as HTMLElement).getAttribute('aria-posinset')).toBe('61');
    await waitFor(() => expect(textOf(container.querySelector('[data-testid="select-all"]')?.parentElement ?? null)).not.toBe('Select all 50 shown'));
  });

  it('follows annotations saved elsewhere while open', async () => {
    await mountReady();
    await waitFor(() => expect(ids()).toHaveLength(3));
    await saveAnnotation(db, makeAnnotation({ id: 'new-1', createdAt: '2024-06-01T00:00:00.000Z', note: 'from the popup' }));
    await waitFor(() => expect(ids()[0]).toBe('new-1'));
    expect(countText()).toBe('4 annotations');
  });

  it('says an import is still being indexed, and shows its annotations once they are', async () => {
    await mountReady();
    await waitFor(() => expect(ids()).toHaveLength(3));
    // Another tab imported two annotations; the library has not indexed them yet.
    const imported = [makeAnnotation({ id: 'imp-1', createdAt: '2024-06-01T00:00:00.000Z' }), makeAnnotation({ id: 'imp-2', createdAt: '2024-06-02T00:00:00.000Z' })];
    await applyImportPlan(db, await planImport(db, { annotations: imported, sources: [] }));
    await waitFor(() => expect(textOf(container.querySelector('[data-testid="indexing"]'))).toContain('Indexing 2 imported annotations for the library'));
    expect(ids()).toHaveLength(3);
    await drainPendingIndex(db);
    await waitFor(() => expect(ids()).toEqual(['imp-2', 'imp-1', 'yonhap-1', 'us-1', 'kcna-1']));
    await waitFor(() => expect(container.querySelector('[data-testid="indexing"]')).toBeNull());
  });

  it('shows each source’s figures, and a source’s button shows its annotations', async () => {
    await putAnnotations(db, [makeAnnotation({ id: 'kcna-2', url: 'https://other.example/x', createdAt: '2024-04-01T00:00:00.000Z' })]);
    await mountReady();
    getButton(container, 'By source').click();
    await waitFor(() => expect(container.querySelectorAll('[data-testid="source-stat"]')).toHaveLength(3));
    expect(urls.at(-1)).toBe('?view=sources');
    const kcna = container.querySelector<HTMLElement>('[data-testid="source-stat"][data-source-key="kcna"]')!;
    expect(field(kcna, 'stat-count')).toBe('2');
    expect(field(kcna, 'stat-sites')).toBe('2');
    expect(field(kcna, 'stat-verdicts')).toBe('False 1 · No verdict 1');
    expect(textOf(kcna)).toContain('State-controlled or propaganda outlet');
    expect(textOf(container.querySelector('caption'))).toBe('How often each source is quoted in your annotations');

    getButton(kcna, 'KCNA').click();
    await waitFor(() => expect(ids()).toEqual(['kcna-1', 'kcna-2']));
    expect(urls.at(-1)).toBe('?source=kcna');
  });

  it('says so when the library is empty', async () => {
    await Promise.all([db.annotations.clear(), db.libraryIndex.clear(), db.libraryFacets.clear()]);
    await mountReady();
    await waitFor(() => expect(textOf(container.querySelector('[data-testid="results-empty"]'))).toContain('Nothing here yet'));
  });
});

describe('LibraryPage: annotations not found on their page', () => {
  function mountWithOrphans(record: Record<string, string[]>): void {
    const store = { load: async () => record };
    render(
      <LibraryPage db={db} exportSelection={exportSelection} initialSearch="" replaceSearch={(s) => urls.push(s)} now={() => NOW} orphans={store} />,
      container,
    );
  }
  const section = () => container.querySelector<HTMLElement>('[data-testid="library-orphans"]');
  const orphanRows = () => [...container.querySelectorAll<HTMLElement>('[data-testid="library-orphan"]')];

  it('lists the recorded live ones with quote, note and a link to their page; Delete tombstones, Undo brings back', async () => {
    mountWithOrphans({ 'https://news.example/korea-russia': ['kcna-1', 'gone-id'], 'https://daily.example/drones': ['us-1'] });
    await waitFor(() => expect(orphanRows()).toHaveLength(2));
    expect(textOf(section()!.querySelector('h2'))).toBe('Not found on their page (2)');
    const kcna = orphanRows().find((r) => textOf(r).includes('state agency KCNA said'))!;
    expect(textOf(kcna)).toContain('Note: Check against the Russian readout');
    expect(kcna.querySelector('a')?.getAttribute('href')).toBe('https://news.example/korea-russia');
    getButton(kcna, 'Delete').click();
    await waitFor(() => expect(orphanRows()).toHaveLength(1));
    expect((await db.annotations.get('kcna-1'))?.deletedAt).toBe(NOW.toISOString());
    expect(textOf(container.querySelector('[data-testid="status"]'))).toContain('Deleted the annotation on “The two sides');
    const undo = getButton(section()!, 'Undo delete');
    await waitFor(() => expect(document.activeElement).toBe(undo));
    undo.click();
    await waitFor(() => expect(orphanRows()).toHaveLength(2));
    expect((await db.annotations.get('kcna-1'))?.deletedAt).toBeUndefined();
  });

  it('shows nothing when no recorded orphan is still a live annotation', async () => {
    mountWithOrphans({ 'https://news.example/korea-russia': ['gone-id'] });
    await waitFor(() => expect(rows()).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(section()).toBeNull();
  });
});
