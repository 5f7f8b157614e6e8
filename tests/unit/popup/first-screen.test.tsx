// @vitest-environment happy-dom
/**
 * What the popup's first screen holds, and what waits for it: the claim cards (with their saved
 * state) come first; the footer's shortcut hint and the sources' datalist mount once that screen
 * is painted, and still mount when the page never answers.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../components/PopupApp';
import { fail, ok, type PageSnapshot, type Result } from '../../../lib/messages';
import { buildAnnotation } from '../../../lib/popup/build-annotation';
import type { FirstScreenData } from '../../../lib/popup/early-read';
import type { PagePort } from '../../../lib/popup/ports';
import { annotationsForPage, saveAnnotation } from '../../../lib/store/annotations';
import { listStoredSources } from '../../../lib/store/sources';
import { openDb, type SourcemarkDb } from '../../../lib/store/db';
import { createSettingsStore } from '../../../lib/settings/storage';
import { fakeStorage } from '../settings/fake-storage';
import { getByLabel, waitFor } from './dom-helpers';
import { seedSnapshot } from './seed-snapshot';

let db: SourcemarkDb;
let container: HTMLElement;

beforeEach(() => {
  db = openDb(`popup-first-screen-test-${crypto.randomUUID()}`);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  render(null, container);
  container.remove();
  await db.delete();
});

function mount(getSnapshot: () => Promise<Result<PageSnapshot>>, firstScreen?: FirstScreenData): void {
  const page: PagePort = {
    getSnapshot,
    notifyChanged: async () => undefined,
    showClaim: async () => undefined,
    notifySettingsChanged: async () => undefined,
    selectionSelectors: async () => ({ ok: false, error: 'unused' }),
  };
  render(
    <PopupApp
      db={db}
      page={page}
      exportJson={async () => fail('not in this test')}
      openOptions={async () => undefined}
      settings={createSettingsStore(fakeStorage())}
      shortcut={async () => 'Alt+Shift+M'}
      firstScreen={firstScreen}
    />,
    container,
  );
}

const options = () => container.querySelectorAll('datalist option').length;
const hint = () => container.querySelector('[data-testid="annotate-shortcut"]');

describe('PopupApp: the first screen', () => {
  it('shows the claim cards before the shortcut hint and the source options, then those too', async () => {
    const whenCardsCame: { options: number; hint: boolean }[] = [];
    // Called right after the render that put the first cards in, before any later frame.
    const observer = new MutationObserver(() => {
      if (whenCardsCame.length === 0 && container.querySelector('[data-testid="claim"]')) whenCardsCame.push({ options: options(), hint: hint() !== null });
    });
    observer.observe(container, { childList: true, subtree: true });
    mount(async () => ok(seedSnapshot()));
    await waitFor(() => expect(whenCardsCame).toHaveLength(1));
    observer.disconnect();
    expect(whenCardsCame[0]).toEqual({ options: 0, hint: false });
    await waitFor(() => {
      expect(options()).toBeGreaterThan(100);
      expect(hint()?.textContent).toContain('Alt+Shift+M');
    });
  });

  it('still shows the footer when the page never answers', async () => {
    mount(() => new Promise<Result<PageSnapshot>>(() => undefined));
    await waitFor(() => expect(hint()?.textContent).toContain('Alt+Shift+M'), 3000);
    expect(container.querySelector('[data-testid="page-loading"]')).not.toBeNull();
  });

  it('shows the claim cards with their saved notes in its very first render when the data was read as it opened', async () => {
    const snapshot = seedSnapshot();
    const claim = snapshot.claims[0];
    if (!claim) throw new Error('The seed snapshot has no claims.');
    const saved = await saveAnnotation(
      db,
      buildAnnotation({ claim, existing: undefined, note: 'Checked against the readout', verdict: 'mixed', page: { url: snapshot.url, title: snapshot.title }, now: new Date() }),
    );
    const firstScreen: FirstScreenData = { snapshot, annotations: await annotationsForPage(db, snapshot.url), sources: await listStoredSources(db) };
    let loadingShown = false;
    const observer = new MutationObserver(() => {
      if (container.querySelector('[data-testid="page-loading"]')) loadingShown = true;
    });
    observer.observe(container, { childList: true, subtree: true });
    // The page answers with the same snapshot (the early script's request), a moment later.
    mount(async () => ok(snapshot), firstScreen);
    // No waiting: the first render holds the cards and the saved state.
    const card = container.querySelector<HTMLElement>(`[data-claim-start="${claim.start}"]`);
    expect(card?.querySelector('[data-testid="claim-annotated"]')).not.toBeNull();
    expect(getByLabel<HTMLTextAreaElement>(card as HTMLElement, 'Note').value).toBe('Checked against the readout');
    // The popup still follows the database: a change made elsewhere shows, and nothing went back to "loading".
    await saveAnnotation(db, { ...saved, note: 'Edited in the library' });
    await waitFor(() => expect(getByLabel<HTMLTextAreaElement>(card as HTMLElement, 'Note').value).toBe('Edited in the library'));
    observer.disconnect();
    expect(loadingShown).toBe(false);
  });
});
