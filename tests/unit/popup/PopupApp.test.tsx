// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CANNOT_READ_PAGE, PopupApp } from '../../../components/PopupApp';
import { fail, ok, type ExportSummary, type PageSnapshot, type Result } from '../../../lib/messages';
import type { Annotation, TextPositionSelector, TextQuoteSelector } from '../../../lib/model';
import type { PageClaim } from '../../../lib/messages';
import { buildSelectors } from '../../../lib/anchor/text-quote';
import type { ExportPort, OptionsPort, PagePort } from '../../../lib/popup/ports';
import { saveAnnotation } from '../../../lib/store/annotations';
import { openDb, type SourcemarkDb } from '../../../lib/store/db';
import { choose, getButton, getByLabel, textOf, typeInto, waitFor } from './dom-helpers';
import { SEED_TEXT, SEED_TITLE, SEED_URL, seedSnapshot } from './seed-snapshot';
import { createSettingsStore } from '../../../lib/settings/storage';
import { fakeStorage } from '../settings/fake-storage';

type FakePage = PagePort & {
  getSnapshot: ReturnType<typeof vi.fn<() => Promise<Result<PageSnapshot>>>>;
  notifyChanged: ReturnType<typeof vi.fn<() => Promise<void>>>;
  showClaim: ReturnType<typeof vi.fn<(start: number) => Promise<void>>>;
  notifySettingsChanged: ReturnType<typeof vi.fn<() => Promise<void>>>;
  selectionSelectors: ReturnType<typeof vi.fn<() => Promise<Result<[TextQuoteSelector, TextPositionSelector]>>>>;
};

let db: SourcemarkDb;
let container: HTMLElement;
let snapshot: PageSnapshot;
let page: FakePage;
let exportJson: ReturnType<typeof vi.fn<ExportPort>>;
let openOptions: ReturnType<typeof vi.fn<OptionsPort>>;
let storage: ReturnType<typeof fakeStorage>;

beforeEach(() => {
  db = openDb(`popup-test-${crypto.randomUUID()}`);
  container = document.createElement('div');
  document.body.append(container);
  snapshot = seedSnapshot();
  page = {
    getSnapshot: vi.fn(async () => ok(snapshot)),
    notifyChanged: vi.fn(async () => undefined),
    showClaim: vi.fn(async () => undefined),
    notifySettingsChanged: vi.fn(async () => undefined),
    selectionSelectors: vi.fn(async () => fail<[TextQuoteSelector, TextPositionSelector]>('nothing selected')),
  };
  storage = fakeStorage();
  exportJson = vi.fn<ExportPort>(async () => fail('not expected in this test'));
  openOptions = vi.fn<OptionsPort>(async () => undefined);
});

afterEach(async () => {
  render(null, container);
  container.remove();
  await db.delete();
});

function mount(): void {
  render(
    <PopupApp db={db} page={page} exportJson={exportJson} openOptions={openOptions} settings={createSettingsStore(storage)} />,
    container,
  );
}

function groups(): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-testid="source-group"]')];
}

function group(sourceId: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(`[data-testid="source-group"][data-source-id="${sourceId}"]`);
  if (!found) throw new Error(`No group for ${sourceId}`);
  return found;
}

function claimCard(start: number): HTMLElement {
  const found = container.querySelector<HTMLElement>(`[data-testid="claim"][data-claim-start="${start}"]`);
  if (!found) throw new Error(`No claim card at ${start}`);
  return found;
}

function statusText(): string {
  return textOf(container.querySelector('[data-testid="status"]'));
}

/** Mount and wait until the groups are on screen with every claim card (they come in steps). */
async function mountReady(): Promise<void> {
  mount();
  await waitFor(() => expect(groups().length).toBeGreaterThan(0));
  const cards = snapshot.claims.filter((c) => !c.dismissed).length;
  await waitFor(() => expect(container.querySelectorAll('[data-testid="claim"]')).toHaveLength(cards));
}

const firstKcna = () => snapshot.claims[0]!;
const secondKcna = () => snapshot.claims[1]!;
const yonhap = () => snapshot.claims[2]!;

describe('PopupApp', () => {
  it('shows the page’s claims grouped by their outer source, with the attribution chains', async () => {
    await mountReady();

    expect(textOf(container.querySelector('[data-testid="page-title"]'))).toBe(SEED_TITLE);
    expect(textOf(container.querySelector('[data-testid="page-counts"]'))).toBe('6 claims · 4 sources');
    expect(groups().map((g) => g.dataset.sourceId)).toEqual(['kcna', 'yonhap', 'telegram', 'american-authorities']);

    const kcna = group('kcna');
    const heading = container.querySelector(`[id="${kcna.getAttribute('aria-labelledby')}"]`);
    expect(textOf(heading)).toBe('KCNA');
    expect(textOf(kcna.querySelector('[data-testid="source-type"]'))).toBe('state media');
    expect(textOf(kcna.querySelector('[data-testid="source-tier"]'))).toBe('Unrated');
    expect(kcna.querySelectorAll('[data-testid="claim"]')).toHaveLength(2);
    expect(getByLabel(kcna, 'Credibility of KCNA')).toBeInstanceOf(HTMLSelectElement);
    expect(getByLabel(kcna, 'Rating rationale for KCNA')).toBeInstanceOf(HTMLInputElement);

    // The nested spy-service claim sits under Yonhap only, and shows the chain.
    const yonhapCard = claimCard(yonhap().start);
    expect(group('yonhap').contains(yonhapCard)).toBe(true);
    expect(container.querySelector('[data-source-id="south-koreas-spy-service"]')).toBeNull();
    const links = [...yonhapCard.querySelectorAll('[data-testid="attribution"]')].map(textOf);
    expect(links).toHaveLength(2);
    expect(links[0]).toContain('Yonhap (news agency) · “reports” · neutral');
    expect(links[1]).toContain('South Korea’s spy service (government) · “said” · neutral · reported by Yonhap');

    const telegramLinks = [...group('telegram').querySelectorAll('[data-testid="attribution"]')].map(textOf);
    expect(telegramLinks[0]).toContain('speaker: Kozhemyako · “posted on”');
    expect(telegramLinks[1]).toContain('carried over from an earlier sentence');

    const american = group('american-authorities');
    expect(textOf(american)).toContain('not in the source registry');
    expect(textOf(american.querySelector('[data-testid="attribution"]'))).toContain('“claimed” · distancing');

    // Every card has its own labelled controls.
    const card = claimCard(firstKcna().start);
    expect(textOf(card.querySelector('[data-testid="claim-text"]'))).toBe(firstKcna().text);
    expect(getByLabel(card, 'Note')).toBeInstanceOf(HTMLTextAreaElement);
    const verdict = getByLabel<HTMLSelectElement>(card, 'Verdict');
    expect([...verdict.options].map((o) => o.textContent)).toEqual([
      'No verdict', 'True', 'Mostly true', 'Mixed', 'Mostly false', 'False', 'Unverifiable', 'Not a claim',
    ]);
    expect(card.querySelector('[data-testid="claim-annotated"]')).toBeNull();
  });

  it('saves a note and verdict as a confirmed claim annotation and tells the page', async () => {
    await mountReady();
    const claim = secondKcna();
    const card = claimCard(claim.start);
    const before = new Date().toISOString();

    typeInto(getByLabel(card, 'Note'), 'KCNA gives no date for the agreement.');
    choose(getByLabel(card, 'Verdict'), 'unverifiable');
    getButton(card, 'Save').click();

    await waitFor(() => expect(card.querySelector('[data-testid="claim-annotated"]')).not.toBeNull());
    const rows = await db.annotations.toArray();
    expect(rows).toHaveLength(1);
    const annotation = rows[0]!;
    const after = new Date().toISOString();
    expect(annotation).toMatchObject({
      url: SEED_URL,
      pageTitle: SEED_TITLE,
      kind: 'claim',
      origin: 'confirmed',
      note: 'KCNA gives no date for the agreement.',
      tags: [],
      attributions: claim.attributions,
      verdict: { rating: 'unverifiable', rationale: '' },
    });
    expect(annotation.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(annotation.target.selectors).toEqual(claim.selectors);
    const quote = annotation.target.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
    const position = annotation.target.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
    expect(quote?.exact).toBe(claim.text);
    expect(quote?.prefix).toHaveLength(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start: claim.start, end: claim.end });
    expect(annotation.createdAt >= before && annotation.createdAt <= after).toBe(true);
    expect(annotation.updatedAt).toBe(annotation.createdAt);
    expect(annotation.verdict?.ratedAt).toBe(annotation.createdAt);

    await waitFor(() => expect(page.notifyChanged).toHaveBeenCalledTimes(1));
    expect(statusText()).toMatch(/^Saved the annotation on “The KCNA article stated that the two/);
    expect(textOf(card)).not.toContain('Unsaved changes');
  });

  it('shows the saved note again when reopened, and updates the same annotation on the next save', async () => {
    await mountReady();
    const claim = firstKcna();
    typeInto(getByLabel(claimCard(claim.start), 'Note'), 'First note');
    choose(getByLabel(claimCard(claim.start), 'Verdict'), 'mostly-true');
    getButton(claimCard(claim.start), 'Save').click();
    await waitFor(() => expect(claimCard(claim.start).querySelector('[data-testid="claim-annotated"]')).not.toBeNull());
    const [first] = await db.annotations.toArray();

    // Reopen: a fresh popup, and a snapshot that (like a reloaded content script) knows no annotation ids.
    render(null, container);
    snapshot = seedSnapshot();
    await mountReady();
    const card = claimCard(claim.start);
    await waitFor(() => expect(getByLabel<HTMLTextAreaElement>(card, 'Note').value).toBe('First note'));
    expect(getByLabel<HTMLSelectElement>(card, 'Verdict').value).toBe('mostly-true');
    expect(textOf(card.querySelector('[data-testid="claim-annotated"]'))).toBe('Annotated');
    // The other cards stay empty.
    expect(getByLabel<HTMLTextAreaElement>(claimCard(snapshot.claims[1]!.start), 'Note').value).toBe('');

    typeInto(getByLabel(card, 'Note'), 'Second note');
    getButton(card, 'Save').click();
    const all = await waitFor(async () => {
      const rows = await db.annotations.toArray();
      expect(rows.map((a) => a.note)).toEqual(['Second note']);
      return rows;
    });
    expect(all[0]!.id).toBe(first!.id);
    expect(all[0]!.createdAt).toBe(first!.createdAt);
    expect(all[0]!.verdict).toEqual(first!.verdict);
  });

  it('follows annotations saved elsewhere (another extension page) while open', async () => {
    await mountReady();
    const claim = yonhap();
    await saveAnnotation(db, {
      id: crypto.randomUUID(),
      url: SEED_URL,
      pageTitle: SEED_TITLE,
      target: { selectors: [...claim.selectors] },
      kind: 'claim',
      attributions: claim.attributions,
      note: 'Saved from the library page',
      tags: [],
      origin: 'confirmed',
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    const card = claimCard(claim.start);
    await waitFor(() => expect(getByLabel<HTMLTextAreaElement>(card, 'Note').value).toBe('Saved from the library page'));
    expect(card.querySelector('[data-testid="claim-annotated"]')).not.toBeNull();
  });

  it('rates a built-in source and an unresolved one, and shows the tier in words', async () => {
    await mountReady();
    const kcna = group('kcna');
    choose(getByLabel(kcna, 'Credibility of KCNA'), 'propaganda');
    typeInto(getByLabel(kcna, 'Rating rationale for KCNA'), 'State mouthpiece of the DPRK');
    getButton(kcna, 'Save rating').click();

    await waitFor(() =>
      expect(textOf(group('kcna').querySelector('[data-testid="source-tier"]'))).toBe('State-controlled or propaganda outlet'),
    );
    const stored = await db.sources.get('kcna');
    expect(stored).toMatchObject({
      id: 'kcna',
      name: 'KCNA',
      type: 'state-media',
      builtin: true,
      rating: { tier: 'propaganda', rationale: 'State mouthpiece of the DPRK', evidence: [] },
    });
    expect(Date.parse(stored!.rating!.ratedAt)).not.toBeNaN();
    expect(statusText()).toBe('Saved the rating of KCNA: State-controlled or propaganda outlet.');
    await waitFor(() => expect(page.notifyChanged).toHaveBeenCalledTimes(1));

    const american = group('american-authorities');
    choose(getByLabel(american, 'Credibility of American authorities'), 'mixed');
    getButton(american, 'Save rating').click();
    const user = await waitFor(async () => {
      const row = await db.sources.get('american-authorities');
      expect(row).toBeDefined();
      return row;
    });
    expect(user).toMatchObject({ name: 'American authorities', type: 'government', builtin: false, rating: { tier: 'mixed', rationale: '' } });
  });

  it('signs a rating with the user’s name and keeps the replaced one as history', async () => {
    await createSettingsStore(storage).update((s) => ({ ...s, raterName: 'Ana K.' }));
    await mountReady();
    choose(getByLabel(group('kcna'), 'Credibility of KCNA'), 'mixed');
    getButton(group('kcna'), 'Save rating').click();
    await waitFor(async () => expect((await db.sources.get('kcna'))?.rating).toMatchObject({ tier: 'mixed', ratedBy: 'Ana K.' }));
    await waitFor(() => expect(textOf(group('kcna').querySelector('[data-testid="rating-meta"]'))).toMatch(/^Rated by Ana K\., /));

    choose(getByLabel(group('kcna'), 'Credibility of KCNA'), 'propaganda');
    getButton(group('kcna'), 'Save rating').click();
    await waitFor(async () => expect((await db.sources.get('kcna'))?.rating?.tier).toBe('propaganda'));
    const stored = await db.sources.get('kcna');
    expect(stored?.ratingHistory).toEqual([expect.objectContaining({ tier: 'mixed', ratedBy: 'Ana K.' })]);
  });

  it('offers “Add to my sources” only for sources not in the registry, opening the options page prefilled', async () => {
    await mountReady();
    const offered = groups().filter((g) => g.querySelector('[data-testid="add-source"]') !== null);
    expect(offered.map((g) => g.dataset.sourceId)).toEqual(['american-authorities']);
    const american = group('american-authorities');
    const button = getButton(american, 'Add to my sources');
    // Screen readers hear which source the button is about.
    expect(textOf(container.querySelector(`[id="${button.getAttribute('aria-describedby')}"]`))).toBe('American authorities');

    button.click();
    expect(openOptions).toHaveBeenCalledWith({ name: 'American authorities', type: 'government' });

    openOptions.mockRejectedValueOnce(new Error('Tabs cannot be edited right now.'));
    button.click();
    await waitFor(() =>
      expect(statusText()).toBe("Couldn't open Sourcemark's sources page: Tabs cannot be edited right now."),
    );
  });

  it('shows the export summary, or the export error', async () => {
    const summary: ExportSummary = { filename: 'sourcemark-2026-11-27.json', annotationCount: 3, sourceCount: 2, downloadId: 7 };
    exportJson.mockResolvedValueOnce(ok(summary)).mockResolvedValueOnce(fail('The downloads API refused the file.'));
    await mountReady();

    getButton(container, 'Export JSON').click();
    await waitFor(() => expect(statusText()).toBe('Exported 3 annotations and 2 sources to sourcemark-2026-11-27.json'));

    getButton(container, 'Export JSON').click();
    await waitFor(() => expect(statusText()).toBe('Export failed: The downloads API refused the file.'));
    expect(exportJson).toHaveBeenCalledTimes(2);
  });

  it('says clearly when the page can’t be read, instead of failing', async () => {
    page.getSnapshot.mockResolvedValue(fail('Could not establish connection. Receiving end does not exist.'));
    mount();
    const error = await waitFor(() => {
      const found = container.querySelector('[data-testid="page-error"]');
      expect(found).not.toBeNull();
      return found;
    });
    expect(textOf(error)).toContain(CANNOT_READ_PAGE);
    expect(textOf(error)).toContain('Could not establish connection');
    expect(groups()).toHaveLength(0);
    // Export does not need the page.
    expect(getButton(container, 'Export JSON')).toBeDefined();
  });

  it('keeps the typed text and says what failed when a save fails', async () => {
    await mountReady();
    vi.spyOn(db.annotations, 'put').mockRejectedValue(new Error('QuotaExceededError: the disk is full'));
    const card = claimCard(firstKcna().start);
    typeInto(getByLabel(card, 'Note'), 'Do not lose this');
    choose(getByLabel(card, 'Verdict'), 'false');
    getButton(card, 'Save').click();

    await waitFor(() => expect(statusText()).toContain("Couldn't save the annotation on “In the most recent meeting"));
    expect(statusText()).toContain('QuotaExceededError: the disk is full');
    expect(statusText()).toContain('Your note, source and verdict are kept');
    expect(getByLabel<HTMLTextAreaElement>(card, 'Note').value).toBe('Do not lose this');
    expect(getByLabel<HTMLSelectElement>(card, 'Verdict').value).toBe('false');
    expect(textOf(card)).toContain('Unsaved changes');
    expect(card.querySelector('[data-testid="claim-annotated"]')).toBeNull();
    expect(await db.annotations.count()).toBe(0);
    expect(page.notifyChanged).not.toHaveBeenCalled();
    const status = container.querySelector('[data-testid="status"]');
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.getAttribute('aria-live')).toBe('polite');
  });

  it('still counts a save as saved when the page can’t be told to redraw', async () => {
    page.notifyChanged.mockRejectedValue(new Error('The page was closed.'));
    await mountReady();
    const card = claimCard(firstKcna().start);
    getButton(card, 'Save').click();
    await waitFor(() => expect(statusText()).toContain("but the page's marks didn't update (The page was closed.)"));
    expect(statusText()).toMatch(/^Saved the annotation/);
    expect(await db.annotations.count()).toBe(1);
  });

  it('asks the page to show a claim when its text is clicked, and reports if it can’t', async () => {
    await mountReady();
    const claim = yonhap();
    claimCard(claim.start).querySelector<HTMLButtonElement>('[data-testid="claim-text"]')!.click();
    expect(page.showClaim).toHaveBeenCalledWith(claim.start);

    page.showClaim.mockRejectedValueOnce(new Error('No claim starts there any more.'));
    claimCard(claim.start).querySelector<HTMLButtonElement>('[data-testid="claim-text"]')!.click();
    await waitFor(() => expect(statusText()).toBe("Couldn't show the claim on the page: No claim starts there any more."));
  });
});

describe('PopupApp with claims that have no detected source', () => {
  it('lists them in one group without a rating control', async () => {
    snapshot = { ...seedSnapshot(), claims: seedSnapshot().claims.map((c) => ({ ...c, attributions: [] })) };
    await mountReady();
    expect(groups().map((g) => g.dataset.sourceId)).toEqual(['(unattributed)']);
    const only = groups()[0]!;
    expect(textOf(only)).toContain('No source found');
    expect(textOf(only)).toContain('6 claims without a detected source');
    expect(only.querySelector('[data-testid="source-tier"]')).toBeNull();
    expect([...only.querySelectorAll('button')].some((b) => b.textContent === 'Save rating')).toBe(false);
    expect(textOf(container.querySelector('[data-testid="page-counts"]'))).toBe('6 claims · 0 sources');
  });
});

/** A stored claim annotation of the seed page on `exact` (selectors as the page would have built them). */
function storedAnnotation(id: string, exact: string, context: string, overrides: Partial<Annotation> = {}): Annotation {
  const start = context.indexOf(exact);
  if (start < 0) throw new Error(`fixture: "${exact}" not in its context`);
  return {
    id,
    url: SEED_URL,
    pageTitle: SEED_TITLE,
    target: { selectors: buildSelectors(context, start, start + exact.length) },
    kind: 'claim',
    attributions: [],
    note: '',
    tags: [],
    origin: 'confirmed',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    ...overrides,
  };
}

function orphanList(): HTMLElement | null {
  return container.querySelector<HTMLElement>('[data-testid="orphans"]');
}

function orphans(): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-testid="orphan"]')];
}

describe('PopupApp with annotations not found on the page', () => {
  const removed = 'The governor later said the deal would be signed in Pyongyang next spring.';

  it('lists them under “Not found on this page”, with quote, note, verdict and “text changed or removed”', async () => {
    await saveAnnotation(
      db,
      storedAnnotation('gone', removed, removed, {
        note: 'Ask the governor’s office.',
        verdict: { rating: 'false', rationale: '', ratedAt: '2026-11-02T09:00:00.000Z' },
      }),
      new Date('2026-11-02T09:00:00.000Z'),
    );
    snapshot = { ...seedSnapshot(), orphans: [{ annotationId: 'gone', quote: removed, reason: 'not-found' }] };
    await mountReady();

    const list = await waitFor(() => {
      const found = orphanList();
      expect(found).not.toBeNull();
      expect(textOf(found)).toContain('Note: Ask the governor’s office.');
      return found!;
    });
    const heading = container.querySelector(`[id="${list.getAttribute('aria-labelledby')}"]`);
    expect(textOf(heading)).toBe('Not found on this page');
    expect(orphans()).toHaveLength(1);
    const orphan = orphans()[0]!;
    expect(textOf(orphan.querySelector('[data-testid="orphan-quote"]'))).toBe(removed);
    expect(textOf(orphan.querySelector('[data-testid="orphan-note"]'))).toBe('Note: Ask the governor’s office.');
    expect(textOf(orphan.querySelector('[data-testid="orphan-verdict"]'))).toBe('Verdict: False');
    expect(textOf(orphan)).toContain('text changed or removed');
    expect(textOf(container.querySelector('[data-testid="page-counts"]'))).toBe('6 claims · 4 sources · 1 not found');
    // The claims are still listed, and the orphan is not one of them.
    expect(groups()).toHaveLength(4);
    expect(textOf(container.querySelector('.page-body'))).not.toMatch(/No claims found/);
  });

  it('says when an annotation fits more than one place, and still lists it when the page has no claims', async () => {
    await saveAnnotation(db, storedAnnotation('twice', removed, removed));
    snapshot = { ...seedSnapshot(), claims: [], orphans: [{ annotationId: 'twice', quote: removed, reason: 'ambiguous' }] };
    mount();
    await waitFor(() => expect(orphans()).toHaveLength(1));
    expect(textOf(orphans()[0]!)).toContain('text changed or removed, or it now appears more than once');
    // "No claims" shows once the stored annotations are in; the orphan stays listed.
    await waitFor(() => expect(container.querySelector('[data-testid="no-claims"]')).not.toBeNull());
    expect(orphans()).toHaveLength(1);
  });

  it('leaves out an orphan deleted since, and shows no list without orphans', async () => {
    snapshot = { ...seedSnapshot(), orphans: [{ annotationId: 'deleted', quote: removed, reason: 'not-found' }] };
    await mountReady();
    await waitFor(() => expect(orphanList()).toBeNull());
    render(null, container);
    snapshot = seedSnapshot();
    await mountReady();
    expect(orphanList()).toBeNull();
    expect(textOf(container.querySelector('[data-testid="page-counts"]'))).toBe('6 claims · 4 sources');
  });
});

describe('PopupApp: deleting and re-attaching an orphan', () => {
  const removed = 'The governor later said the deal would be signed in Pyongyang next spring.';

  async function mountWithOrphan(): Promise<HTMLElement> {
    await saveAnnotation(db, storedAnnotation('gone', removed, removed, { note: 'Ask the governor’s office.' }), new Date('2026-11-02T09:00:00.000Z'));
    snapshot = { ...seedSnapshot(), orphans: [{ annotationId: 'gone', quote: removed, reason: 'not-found' }] };
    await mountReady();
    return waitFor(() => {
      expect(orphans()).toHaveLength(1);
      return orphans()[0]!;
    });
  }

  it('Delete tombstones it and says so; Undo delete brings it back', async () => {
    const orphan = await mountWithOrphan();
    const del = getButton(orphan, 'Delete');
    expect(del.getAttribute('aria-label')).toContain(removed.slice(0, 20));
    del.click();
    await waitFor(() => expect(orphans()).toHaveLength(0));
    expect((await db.annotations.get('gone'))?.deletedAt).toBeTruthy();
    expect(statusText()).toContain('Deleted the annotation on “The governor later said');
    const undo = getButton(orphanList()!, 'Undo delete');
    await waitFor(() => expect(document.activeElement).toBe(undo));
    undo.click();
    await waitFor(() => expect(orphans()).toHaveLength(1));
    expect((await db.annotations.get('gone'))?.deletedAt).toBeUndefined();
    expect(statusText()).toContain('Restored the annotation');
    expect(container.querySelector('[data-testid="orphan-deleted"]')).toBeNull();
  });

  it('Re-attach moves it onto the page’s selected text, keeps the note, and tells the page', async () => {
    const orphan = await mountWithOrphan();
    const claim = yonhap();
    page.selectionSelectors.mockImplementation(async () => ok(claim.selectors));
    page.getSnapshot.mockClear();
    getButton(orphan, 'Re-attach to selected text').click();
    await waitFor(() => expect(statusText()).toContain(`Re-attached the annotation to “${claim.text.slice(0, 20)}`));
    const saved = await db.annotations.get('gone');
    expect(saved?.target.selectors).toEqual(claim.selectors);
    expect(saved?.note).toBe('Ask the governor’s office.');
    expect(saved?.updatedAt).not.toBe('2026-11-02T09:00:00.000Z');
    await waitFor(() => expect(page.notifyChanged).toHaveBeenCalledTimes(1));
    // The page is read again, so the orphan list follows what the page now anchors.
    await waitFor(() => expect(page.getSnapshot).toHaveBeenCalledTimes(1));
  });

  it('Re-attach with nothing selected says so and changes nothing', async () => {
    const orphan = await mountWithOrphan();
    const before = await db.annotations.get('gone');
    page.selectionSelectors.mockImplementation(async () => fail('Nothing is selected on the page: select the sentence.'));
    getButton(orphan, 'Re-attach to selected text').click();
    await waitFor(() => expect(statusText()).toBe('Nothing re-attached. Nothing is selected on the page: select the sentence.'));
    expect(await db.annotations.get('gone')).toEqual(before);
    expect(page.notifyChanged).not.toHaveBeenCalled();
    expect(orphans()).toHaveLength(1);
  });
});

describe('PopupApp with a claim re-attached to changed text', () => {
  /** The second KCNA claim as it was saved, before the page changed a word. */
  function changedClaim(): { claim: PageClaim; before: string; annotation: Annotation } {
    const claim = snapshot.claims[1]!;
    const before = claim.text.replace('had reached a deal', 'had struck a deal');
    const oldPage = SEED_TEXT.replace(claim.text, before);
    const annotation = storedAnnotation('fuzzy', before, oldPage, { note: 'Check the readout.' });
    return { claim: { ...claim, annotationId: 'fuzzy', anchoring: 'fuzzy', previousText: before }, before, annotation };
  }

  it('says so and shows the text it was saved on beside the new text', async () => {
    const { claim, before, annotation } = changedClaim();
    await saveAnnotation(db, annotation);
    snapshot.claims[1] = claim;
    await mountReady();
    const card = claimCard(claim.start);
    await waitFor(() => expect(card.querySelector('[data-testid="previous-text"]')).not.toBeNull());
    expect(textOf(card.querySelector('[data-testid="reattached"]'))).toContain('Re-attached to changed text');
    expect(textOf(card.querySelector('[data-testid="previous-text"]'))).toBe(before);
    expect(textOf(card.querySelector('[data-testid="claim-text"]'))).toBe(claim.text);
    expect(card.dataset.anchoring).toBe('fuzzy');
    expect(getByLabel<HTMLTextAreaElement>(card, 'Note').value).toBe('Check the readout.');
    // Screen readers hear the old text with the claim.
    const describedBy = card.querySelector('[data-testid="claim-text"]')?.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ')).toContain(card.querySelector('[data-testid="reattached"]')?.id);

    // Saving again confirms the new text: the annotation now stores it, and the notice goes.
    getButton(card, 'Save').click();
    await waitFor(() => expect(card.querySelector('[data-testid="previous-text"]')).toBeNull());
    const [saved] = await db.annotations.toArray();
    expect(saved?.target.selectors).toEqual(claim.selectors);
  });

  it('shows no notice on a claim that anchored on the same text', async () => {
    const claim = { ...snapshot.claims[0]!, annotationId: 'same', anchoring: 'moved' as const };
    await saveAnnotation(db, storedAnnotation('same', claim.text, SEED_TEXT));
    snapshot.claims[0] = claim;
    await mountReady();
    await waitFor(() => expect(claimCard(claim.start).querySelector('[data-testid="claim-annotated"]')).not.toBeNull());
    expect(claimCard(claim.start).querySelector('[data-testid="reattached"]')).toBeNull();
  });

  it('says when detection no longer flags the annotated text', async () => {
    const { claim, annotation } = changedClaim();
    await saveAnnotation(db, annotation);
    snapshot.claims[1] = { ...claim, detected: false };
    await mountReady();
    expect(textOf(claimCard(claim.start).querySelector('[data-testid="not-detected"]'))).toContain('detection does not flag');
  });
});

describe('PopupApp’s highlight switches', () => {
  /** The switch (role="switch" checkbox) whose label starts with `name`. */
  function switchNamed(name: string): HTMLInputElement {
    const label = [...container.querySelectorAll('label')].find((l) => textOf(l).startsWith(name));
    const input = label?.querySelector<HTMLInputElement>('input[role="switch"]');
    if (!input) throw new Error(`No switch "${name}"`);
    return input;
  }
  const toggle = (input: HTMLInputElement) => {
    input.checked = !input.checked;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  it('shows both switches, labelled, on by default, with the site named', async () => {
    await mountReady();
    await waitFor(() => expect(switchNamed('Highlights on this site').disabled).toBe(false));
    expect(switchNamed('Highlights on this site').checked).toBe(true);
    expect(switchNamed('Highlights everywhere').checked).toBe(true);
    expect(textOf(container.querySelector('[data-testid="highlight-switches"]'))).toContain('news.example.com');
  });

  it('switching a site off stores it, tells the page, and reads the page again', async () => {
    await mountReady();
    await waitFor(() => expect(switchNamed('Highlights on this site').disabled).toBe(false));
    page.getSnapshot.mockImplementation(async () => ok({ ...snapshot, highlights: 'off-site', claims: [], orphans: [] }));
    toggle(switchNamed('Highlights on this site'));
    await waitFor(() => expect(page.notifySettingsChanged).toHaveBeenCalledTimes(1));
    const stored = await createSettingsStore(storage).load();
    expect(stored.disabledSites).toEqual(['news.example.com']);
    await waitFor(() => expect(textOf(container.querySelector('[data-testid="highlights-off"]'))).toContain('Highlights are off on news.example.com'));
    expect(groups()).toHaveLength(0);
    expect(statusText()).toContain('Highlights off on news.example.com');
    expect(switchNamed('Highlights on this site').checked).toBe(false);
  });

  it('switching everywhere off is stored too, and says so when the page cannot be told', async () => {
    page.notifySettingsChanged.mockRejectedValue(new Error('Receiving end does not exist.'));
    await mountReady();
    await waitFor(() => expect(switchNamed('Highlights everywhere').disabled).toBe(false));
    toggle(switchNamed('Highlights everywhere'));
    await waitFor(() => expect(statusText()).toContain('reload it to see the change'));
    expect((await createSettingsStore(storage).load()).highlights).toBe(false);
  });

  it('follows a change made in another popup', async () => {
    await mountReady();
    await waitFor(() => expect(switchNamed('Highlights everywhere').disabled).toBe(false));
    await createSettingsStore(storage).update((s) => ({ ...s, highlights: false }));
    await waitFor(() => expect(switchNamed('Highlights everywhere').checked).toBe(false));
  });
});

describe('PopupApp: corrections to the detector', () => {
  it('saves "not a claim" as a correction, reads the page again, and lists it apart with an undo that deletes it', async () => {
    await mountReady();
    const claim = secondKcna();
    const card = claimCard(claim.start);
    // What the page answers once it has applied the correction (or its undo): read from the db.
    const original = snapshot;
    const dismiss = (id: string | null) => ({
      ...original,
      claims: original.claims.map((c) => (c.start === claim.start ? { ...c, dismissed: id !== null, annotationId: id } : c)),
    });
    page.getSnapshot.mockImplementation(async () => {
      const live = (await db.annotations.toArray()).find((a) => !a.deletedAt);
      return ok(dismiss(live?.id ?? null));
    });
    choose(getByLabel(card, 'Verdict'), 'not-a-claim');
    getButton(card, 'Save').click();

    const row = await waitFor(async () => {
      const rows = await db.annotations.toArray();
      expect(rows).toHaveLength(1);
      return rows[0]!;
    });
    expect(row).toMatchObject({ origin: 'corrected', kind: 'claim', verdict: { rating: 'not-a-claim' }, attributions: claim.attributions });
    await waitFor(() => expect(page.getSnapshot).toHaveBeenCalledTimes(2));
    const listed = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('[data-testid="dismissed-claim"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(textOf(listed)).toContain(claim.text);
    // Keyboard focus follows the sentence to its Undo button.
    await waitFor(() => expect(document.activeElement).toBe(listed.querySelector('button')));
    expect(container.querySelector(`[data-testid="claim"][data-claim-start="${claim.start}"]`)).toBeNull();
    expect(textOf(container.querySelector('[data-testid="page-counts"]'))).toContain('5 claims');
    expect(textOf(container.querySelector('[data-testid="page-counts"]'))).toContain('1 marked not a claim');
    expect(statusText()).toContain('is not a claim');

    const undo = listed.querySelector('button');
    expect(undo?.getAttribute('aria-label')).toMatch(/^Undo “not a claim” on “The KCNA article/);
    undo?.click();
    await waitFor(async () => expect((await db.annotations.get(row.id))?.deletedAt).toBeDefined());
    await waitFor(() => expect(container.querySelector('[data-testid="dismissed"]')).toBeNull());
    expect(claimCard(claim.start)).toBeTruthy();
    expect(statusText()).toContain('is a claim again');
    expect(page.notifyChanged).toHaveBeenCalledTimes(2);
  });

  it('a source picked in the Source field replaces the detected one and makes the annotation corrected', async () => {
    await mountReady();
    const claim = firstKcna();
    const card = claimCard(claim.start);
    expect(getByLabel<HTMLInputElement>(card, 'Source').value).toBe('KCNA');
    typeInto(getByLabel(card, 'Source'), 'tass');
    getButton(card, 'Save').click();
    const row = await waitFor(async () => {
      const rows = await db.annotations.toArray();
      expect(rows).toHaveLength(1);
      return rows[0]!;
    });
    expect(row.origin).toBe('corrected');
    expect(row.attributions).toEqual([expect.objectContaining({ source: { id: 'tass', name: 'TASS', type: 'state-media' }, label: 'TASS', cue: null })]);
    await waitFor(() => expect(page.getSnapshot).toHaveBeenCalledTimes(2));
  });

  it('a note saved with the detected source unchanged stays confirmed and keeps the detected attributions', async () => {
    await mountReady();
    const claim = firstKcna();
    const card = claimCard(claim.start);
    typeInto(getByLabel(card, 'Source'), ' kcna ');
    typeInto(getByLabel(card, 'Note'), 'Same source, other case');
    getButton(card, 'Save').click();
    const row = await waitFor(async () => {
      const rows = await db.annotations.toArray();
      expect(rows).toHaveLength(1);
      return rows[0]!;
    });
    expect(row.origin).toBe('confirmed');
    expect(row.attributions).toEqual(claim.attributions);
  });
});

describe('PopupApp: the shortcut of "Annotate selection"', () => {
  function mountWith(shortcut: (command: string) => Promise<string>) {
    render(
      <PopupApp db={db} page={page} exportJson={exportJson} openOptions={openOptions} settings={createSettingsStore(storage)} shortcut={shortcut} />,
      container,
    );
  }
  const hint = () => textOf(container.querySelector('[data-testid="annotate-shortcut"]'));

  it('lists the binding the browser has, and the context menu', async () => {
    const asked: string[] = [];
    mountWith(async (command) => {
      asked.push(command);
      return 'Ctrl+Shift+9';
    });
    await waitFor(() => expect(hint()).toContain('Ctrl+Shift+9'));
    expect(hint()).toContain('right-click → Annotate selection with Sourcemark');
    expect(asked).toEqual(['annotate-selection']);
  });

  it('says where to set one when the command has none', async () => {
    mountWith(async () => '');
    await waitFor(() => expect(hint()).toContain('no keyboard shortcut set'));
  });
});
