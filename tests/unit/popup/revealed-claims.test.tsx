// @vitest-environment happy-dom
/**
 * A page with many claims: the popup renders the first cards at once and the rest in steps after
 * it has painted, ending with every card, and every group says its full count from the start.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PopupApp } from '../../../components/PopupApp';
import { fail, ok, type PageClaim, type PageSnapshot } from '../../../lib/messages';
import type { PagePort } from '../../../lib/popup/ports';
import type { SourcemarkDb } from '../../../lib/store/db';
import { createSettingsStore } from '../../../lib/settings/storage';
import { fakeStorage } from '../settings/fake-storage';
import { textOf, waitFor } from './dom-helpers';
import { seedSnapshot } from './seed-snapshot';
import { withRenderedDb } from '../support/rendered-db';

let db: SourcemarkDb;
let container: HTMLElement;

withRenderedDb((d, c) => {
  db = d;
  container = c;
});

/** The seed snapshot's claims repeated until there are `n`, each at its own offset. */
function manyClaims(n: number): PageSnapshot {
  const seed = seedSnapshot();
  const claims: PageClaim[] = [];
  for (let i = 0; claims.length < n; i++) {
    const base = seed.claims[i % seed.claims.length];
    if (!base) throw new Error('The seed snapshot has no claims.');
    const shift = Math.floor(i / seed.claims.length) * 100_000;
    claims.push({ ...base, start: base.start + shift, end: base.end + shift });
  }
  return { ...seed, claims };
}

function mount(snapshot: PageSnapshot): void {
  const page: PagePort = {
    getSnapshot: async () => ok(snapshot),
    notifyChanged: async () => undefined,
    showClaim: async () => undefined,
    notifySettingsChanged: async () => undefined,
    selectionSelectors: async () => ({ ok: false, error: 'unused' }),
  };
  render(
    <PopupApp db={db} page={page} exportJson={async () => fail('not in this test')} openOptions={async () => undefined} settings={createSettingsStore(fakeStorage())} />,
    container,
  );
}

const cards = () => container.querySelectorAll('[data-testid="claim"]').length;

describe('PopupApp with many claims', () => {
  it('renders the first cards at once and the rest in later steps, ending with all of them', async () => {
    mount(manyClaims(120));
    const first = await waitFor(() => {
      expect(cards()).toBeGreaterThan(0);
      return cards();
    });
    expect(first).toBeLessThan(120);
    await waitFor(() => expect(cards()).toBe(120), 5000);
    expect(textOf(container.querySelector('[data-testid="page-counts"]'))).toContain('120 claims');
  });

  it('gives each group its full claim count while its cards are still coming', async () => {
    const snapshot = manyClaims(120);
    mount(snapshot);
    await waitFor(() => expect(cards()).toBeGreaterThan(0));
    expect(cards()).toBeLessThan(120);
    const kcnaClaims = snapshot.claims.filter((c) => c.attributions[0]?.source?.id === 'kcna' && c.attributions.length === 1).length;
    const kcna = container.querySelector('[data-testid="source-group"][data-source-id="kcna"]');
    expect(textOf(kcna)).toContain(`${kcnaClaims} claims`);
  });
});
