// @vitest-environment happy-dom
/** The options page's rating editor: rating a source, validation, rating history and "Your name". */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourceRegistryPage } from '../../../components/SourceRegistryPage';
import { SETTINGS_KEY } from '../../../lib/settings/settings';
import type { PagesNotified } from '../../../lib/sources/notify-pages';
import { createSettingsStore } from '../../../lib/settings/storage';
import { openDb, type SourcemarkDb } from '../../../lib/store/db';
import { rateSource } from '../../../lib/store/sources';
import { choose, getButton, getByLabel, textOf, typeInto, waitFor } from '../popup/dom-helpers';
import { fakeStorage } from '../settings/fake-storage';
import { makeRating } from '../support/store-fixtures';

const FIRST = new Date('2024-08-01T09:00:00.000Z');
const SECOND = new Date('2024-08-02T10:30:00.000Z');
const KCNA = { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true } as const;

let db: SourcemarkDb;
let container: HTMLElement;
let storage: ReturnType<typeof fakeStorage>;
let clock: Date;

beforeEach(() => {
  db = openDb(`ratings-test-${crypto.randomUUID()}`);
  storage = fakeStorage({ [SETTINGS_KEY]: { highlights: true, disabledSites: [], raterName: 'Ana K.' } });
  clock = FIRST;
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
  await db.delete();
});

async function mount(notifyPages?: () => Promise<PagesNotified>): Promise<void> {
  render(
    <SourceRegistryPage db={db} prefill={null} now={() => clock} settings={createSettingsStore(storage)} notifyPages={notifyPages} />,
    container,
  );
  await waitFor(() => expect(container.querySelector('[data-source-id="kcna"]')).not.toBeNull());
}

function entry(id: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(`[data-testid="registry-source"][data-source-id="${id}"]`);
  if (!found) throw new Error(`No entry ${id}`);
  return found;
}

const statusText = () => textOf(container.querySelector('[data-testid="status"]'));
const fact = (root: HTMLElement, what: string) => textOf(root.querySelector(`[data-testid="${what}"]`));

/** Open the rating form of `id` with its button named `button`. */
async function openRating(id: string, button: string): Promise<HTMLFormElement> {
  (await waitFor(() => getButton(entry(id), button))).click();
  return waitFor(() => {
    const form = entry(id).querySelector<HTMLFormElement>('[data-testid="rating-form"]');
    if (!form) throw new Error('no rating form');
    return form;
  });
}

type Fields = { tier?: string; score?: string; rationale?: string; evidence?: string; ratedBy?: string };

function fill(form: HTMLElement, fields: Fields): void {
  if (fields.tier !== undefined) choose(getByLabel(form, 'Credibility tier'), fields.tier);
  if (fields.score !== undefined) typeInto(getByLabel(form, 'Score (optional, 0–100)'), fields.score);
  if (fields.rationale !== undefined) typeInto(getByLabel(form, 'Rationale'), fields.rationale);
  if (fields.evidence !== undefined) typeInto(getByLabel(form, 'Evidence links'), fields.evidence);
  if (fields.ratedBy !== undefined) typeInto(getByLabel(form, 'Rated by'), fields.ratedBy);
}

describe('rating a source on the options page', () => {
  it('stores tier, score, rationale, evidence and rater, shows them, and says "Saved"', async () => {
    await mount();
    const form = await openRating('kcna', 'Rate KCNA');
    expect(document.activeElement).toBe(getByLabel(form, 'Credibility tier'));
    await waitFor(() => expect(getByLabel<HTMLInputElement>(form, 'Rated by').value).toBe('Ana K.'));
    fill(form, {
      tier: 'propaganda',
      score: '5',
      rationale: 'State-run news agency of the DPRK.',
      evidence: 'https://rsf.example/north-korea\n\nhttps://freedomhouse.example/kp',
    });
    getButton(form, 'Save rating').click();

    await waitFor(() => expect(statusText()).toMatch(/^Saved the rating of KCNA: State-controlled or propaganda outlet\./));
    expect(container.querySelector('[role="status"][aria-live="polite"]')).not.toBeNull();
    expect((await db.sources.get('kcna'))?.rating).toEqual({
      tier: 'propaganda',
      score: 5,
      rationale: 'State-run news agency of the DPRK.',
      evidence: ['https://rsf.example/north-korea', 'https://freedomhouse.example/kp'],
      ratedBy: 'Ana K.',
      ratedAt: FIRST.toISOString(),
    });
    const kcna = entry('kcna');
    await waitFor(() => expect(fact(kcna, 'source-tier')).toBe('State-controlled or propaganda outlet'));
    expect(fact(kcna, 'rating-score')).toBe('Score 5/100');
    expect(fact(kcna, 'rating-rationale')).toBe('State-run news agency of the DPRK.');
    expect([...kcna.querySelectorAll('[data-testid="rating-evidence"] a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://rsf.example/north-korea',
      'https://freedomhouse.example/kp',
    ]);
    expect(fact(kcna, 'rating-by')).toMatch(/^Rated by Ana K\., /);
    expect(kcna.querySelector('[data-testid="rating-by"] time')?.getAttribute('datetime')).toBe(FIRST.toISOString());
    expect(kcna.querySelector('[data-testid="rating-history"]')).toBeNull();
    expect(document.activeElement).toBe(getButton(kcna, 'Change rating of KCNA'));
  });

  it.each<[string, Fields, string, RegExp]>([
    ['a score over 100', { score: '150' }, 'Score (optional, 0–100)', /“150” is not a score/],
    ['a score that is not a number', { score: 'low' }, 'Score (optional, 0–100)', /whole number from 0 to 100/],
    ['evidence that is not a link', { evidence: 'https://ok.example\nsee the UN report' }, 'Evidence links', /Evidence line 2/],
  ])('refuses %s: the field is marked and focused, nothing is stored, the input stays', async (_case, fields, label, message) => {
    await mount();
    const form = await openRating('kcna', 'Rate KCNA');
    fill(form, { tier: 'unreliable', rationale: 'Keep me', ...fields });
    getButton(form, 'Save rating').click();
    await waitFor(() => expect(textOf(form.querySelector('[data-testid="form-error"]'))).toMatch(message));
    const field = getByLabel(form, label);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(form.querySelector('[data-testid="form-error"]')?.id);
    expect(document.activeElement).toBe(field);
    expect(statusText()).toMatch(/^Couldn't save the rating of KCNA: .* What you typed is kept\.$/);
    expect(await db.sources.get('kcna')).toBeUndefined();
    expect(getByLabel<HTMLTextAreaElement>(form, 'Rationale').value).toBe('Keep me');
    expect(getByLabel<HTMLSelectElement>(form, 'Credibility tier').value).toBe('unreliable');
  });

  it('keeps the input when the database refuses the write', async () => {
    await mount();
    const form = await openRating('kcna', 'Rate KCNA');
    fill(form, { tier: 'mixed', rationale: 'Typed with care' });
    vi.spyOn(db.sources, 'put').mockRejectedValue(new Error('QuotaExceededError: the disk is full'));
    getButton(form, 'Save rating').click();
    await waitFor(() => expect(statusText()).toMatch(/QuotaExceededError: the disk is full What you typed is kept; try again\./));
    expect(entry('kcna').querySelector('[data-testid="rating-form"]')).toBe(form);
    expect(getByLabel<HTMLTextAreaElement>(form, 'Rationale').value).toBe('Typed with care');
  });

  it('keeps the earlier rating in a "Rating history" disclosure when the rating changes', async () => {
    await rateSource(db, KCNA, makeRating({ tier: 'unreliable', score: 20, rationale: 'First look.', ratedBy: 'Bo', ratedAt: FIRST.toISOString() }), FIRST);
    clock = SECOND;
    await mount();
    const form = await openRating('kcna', 'Change rating of KCNA');
    expect(getByLabel<HTMLInputElement>(form, 'Rated by').value).toBe('Bo');
    expect(getByLabel<HTMLInputElement>(form, 'Score (optional, 0–100)').value).toBe('20');
    fill(form, { tier: 'propaganda', score: '', rationale: 'Second look.', ratedBy: 'Ana K.' });
    getButton(form, 'Save rating').click();
    await waitFor(() => expect(statusText()).toContain('The earlier rating is in its rating history.'));

    const history = await waitFor(() => {
      const found = entry('kcna').querySelector<HTMLDetailsElement>('[data-testid="rating-history"]');
      if (!found) throw new Error('no history');
      return found;
    });
    expect(textOf(history.querySelector('summary'))).toBe('Rating history (1 earlier rating)');
    const items = [...history.querySelectorAll('[data-testid="history-item"]')];
    expect(items).toHaveLength(1);
    expect(fact(items[0] as HTMLElement, 'rating-tier')).toBe('Generally unreliable');
    expect(fact(items[0] as HTMLElement, 'rating-score')).toBe('Score 20/100');
    expect(fact(items[0] as HTMLElement, 'rating-rationale')).toBe('First look.');
    expect(fact(items[0] as HTMLElement, 'rating-by')).toMatch(/^Rated by Bo, /);
    // The current rating has no score now.
    expect(entry('kcna').querySelector('[data-testid="rating-details"] [data-testid="rating-score"]')).toBeNull();
    expect((await db.sources.get('kcna'))?.ratingHistory).toHaveLength(1);
  });

  it('stores nothing, and says so, when the same rating is saved again', async () => {
    await rateSource(db, KCNA, makeRating({ ratedBy: 'Ana K.', ratedAt: FIRST.toISOString() }), FIRST);
    const before = await db.sources.get('kcna');
    clock = SECOND;
    await mount();
    const form = await openRating('kcna', 'Change rating of KCNA');
    getButton(form, 'Save rating').click();
    await waitFor(() => expect(statusText()).toBe('The rating of KCNA is unchanged; nothing to save.'));
    expect(await db.sources.get('kcna')).toEqual(before);
  });

  it('tells open pages after a save, and says when they could not be told', async () => {
    const notify = vi.fn(async () => ({ tabs: 2, answered: 1 }));
    await mount(notify);
    let form = await openRating('kcna', 'Rate KCNA');
    fill(form, { tier: 'mixed' });
    getButton(form, 'Save rating').click();
    await waitFor(() => expect(statusText()).toBe('Saved the rating of KCNA: Mixed / use with care. Open pages show it now.'));
    expect(notify).toHaveBeenCalledTimes(1);

    notify.mockRejectedValueOnce(new Error('no tabs'));
    form = await openRating('kcna', 'Change rating of KCNA');
    fill(form, { tier: 'reliable' });
    getButton(form, 'Save rating').click();
    await waitFor(() => expect(statusText()).toMatch(/Open pages show it once reloaded \(they could not be told: no tabs\)\.$/));
    expect((await db.sources.get('kcna'))?.rating?.tier).toBe('reliable');
  });

  it('Escape and Cancel close the form without saving, the focus back on the button', async () => {
    await mount();
    const form = await openRating('kcna', 'Rate KCNA');
    fill(form, { tier: 'reliable' });
    form.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => expect(document.activeElement).toBe(getButton(entry('kcna'), 'Rate KCNA')));
    const again = await openRating('kcna', 'Rate KCNA');
    getButton(again, 'Cancel').click();
    await waitFor(() => expect(document.activeElement).toBe(getButton(entry('kcna'), 'Rate KCNA')));
    expect(await db.sources.get('kcna')).toBeUndefined();
  });
});

describe('"Your name"', () => {
  it('is read from the settings, saved there, and fills "Rated by" of the next rating', async () => {
    await mount();
    const field = getByLabel<HTMLInputElement>(container, 'Your name or initials');
    await waitFor(() => expect(field.value).toBe('Ana K.'));
    typeInto(field, '  Chris  ');
    getButton(container, 'Save name').click();
    await waitFor(() => expect(statusText()).toBe('Saved your name. New ratings are signed with it.'));
    expect(storage.data.get(SETTINGS_KEY)).toEqual({ highlights: true, disabledSites: [], raterName: 'Chris' });
    const form = await openRating('tass', 'Rate TASS');
    expect(getByLabel<HTMLInputElement>(form, 'Rated by').value).toBe('Chris');
  });

  it('keeps what was typed when the settings cannot be saved', async () => {
    storage.local.set = () => Promise.reject(new Error('storage is full'));
    await mount();
    const field = getByLabel<HTMLInputElement>(container, 'Your name or initials');
    typeInto(field, 'Chris');
    getButton(container, 'Save name').click();
    await waitFor(() => expect(statusText()).toBe("Couldn't save your name: storage is full What you typed is kept."));
    expect(field.value).toBe('Chris');
  });
});
