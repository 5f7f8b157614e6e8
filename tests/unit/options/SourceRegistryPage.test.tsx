// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { SourceRegistryPage } from '../../../components/SourceRegistryPage';
import { builtinSources } from '../../../lib/detect';
import { SOURCE_TYPES } from '../../../lib/model';
import type { SourcePrefill } from '../../../lib/sources/prefill';
import type { SourcemarkDb } from '../../../lib/store/db';
import { rateSource, saveUserSource } from '../../../lib/store/sources';
import { choose, getButton, getByLabel, textOf, typeInto, waitFor } from '../popup/dom-helpers';
import { makeRating } from '../support/store-fixtures';
import { withRenderedDb } from '../support/rendered-db';

const NOW = new Date('2024-08-01T09:00:00.000Z');
const BUILTIN_COUNT = builtinSources.length;

let db: SourcemarkDb;
let container: HTMLElement;

withRenderedDb((d, c) => {
  db = d;
  container = c;
});

async function mount(prefill: SourcePrefill | null = null): Promise<void> {
  render(<SourceRegistryPage db={db} prefill={prefill} now={() => NOW} />, container);
  await waitFor(() => expect(entries().length).toBeGreaterThan(0));
}

function entries(): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-testid="registry-source"]')];
}

function entry(id: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(`[data-testid="registry-source"][data-source-id="${id}"]`);
  if (!found) throw new Error(`No entry ${id}`);
  return found;
}

function addForm(): HTMLFormElement {
  const heading = [...container.querySelectorAll('h2')].find((h) => textOf(h) === 'Add a source');
  const form = container.querySelector<HTMLFormElement>(`form[aria-labelledby="${heading?.id}"]`);
  if (!form) throw new Error('No "Add a source" form');
  return form;
}

function formIn(root: HTMLElement): HTMLFormElement {
  const form = root.querySelector('form');
  if (!form) throw new Error('No form');
  return form;
}

const statusText = () => textOf(container.querySelector('[data-testid="status"]'));
const countText = () => textOf(container.querySelector('[data-testid="registry-count"]'));
const fact = (root: HTMLElement, what: string) => textOf(root.querySelector(`[data-testid="${what}"]`));
/** The aliases an entry lists, one string per alias. */
const aliasesOf = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="source-aliases"] li')].map(textOf);

function fillSource(form: HTMLElement, fields: { name?: string; aliases?: string; type?: string; country?: string }): void {
  if (fields.name !== undefined) typeInto(getByLabel(form, 'Name'), fields.name);
  if (fields.aliases !== undefined) typeInto(getByLabel(form, 'Aliases'), fields.aliases);
  if (fields.type !== undefined) choose(getByLabel(form, 'Type'), fields.type);
  if (fields.country !== undefined) typeInto(getByLabel(form, 'Country'), fields.country);
}

describe('SourceRegistryPage', () => {
  it('lists every built-in source and the user’s own, theirs first and marked “yours”', async () => {
    await saveUserSource(db, { name: 'Ledger Wire', aliases: ['LW Markets'], type: 'news-agency', country: 'GB' }, NOW);
    await rateSource(db, { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true }, makeRating({ tier: 'propaganda' }), NOW);
    await mount();

    expect(entries()).toHaveLength(BUILTIN_COUNT + 1);
    expect(countText()).toBe(`${BUILTIN_COUNT + 1} sources`);
    const [first] = entries();
    expect(first?.dataset.sourceId).toBe('ledger-wire');
    expect(fact(first!, 'source-origin')).toBe('yours');
    expect(fact(first!, 'source-type')).toBe('news agency');
    expect(fact(first!, 'source-country')).toBe('GB');
    expect(fact(first!, 'source-aliases')).toBe('LW Markets');
    expect(fact(first!, 'source-tier')).toBe('Unrated');
    const heading = container.querySelector(`[id="${first!.querySelector('article')?.getAttribute('aria-labelledby')}"]`);
    expect(textOf(heading)).toBe('Ledger Wire');

    const kcna = entry('kcna');
    expect(fact(kcna, 'source-origin')).toBe('built-in');
    expect(fact(kcna, 'source-type')).toBe('state media');
    expect(fact(kcna, 'source-country')).toBe('KP');
    expect(fact(kcna, 'source-aliases')).toBe('Korean Central News Agency');
    expect(fact(kcna, 'source-tier')).toBe('State-controlled or propaganda outlet');
    // A user source can be deleted; a built-in without the user's aliases has only "Edit" and its rating.
    expect(getButton(first!, 'Delete Ledger Wire')).toBeDefined();
    expect(getButton(first!, 'Rate Ledger Wire')).toBeDefined();
    expect([...kcna.querySelectorAll('button')].map(textOf)).toEqual(['Edit KCNA', 'Change rating of KCNA']);
  });

  it('filters by name or alias as the user types in the search box', async () => {
    await saveUserSource(db, { name: 'North Korean state media', aliases: ['Pyongyang’s official media'], type: 'state-media' }, NOW);
    await mount();
    const search = getByLabel<HTMLInputElement>(container, 'Search sources');
    expect(search.type).toBe('search');

    typeInto(search, "pyongyang's");
    await waitFor(() => expect(entries().map((e) => e.dataset.sourceId)).toEqual(['north-korean-state-media']));
    expect(countText()).toBe(`1 of ${BUILTIN_COUNT + 1} sources`);

    typeInto(search, 'central news');
    await waitFor(() => expect(entries().map((e) => e.dataset.sourceId)).toEqual(['kcna']));

    typeInto(search, 'no such outlet');
    await waitFor(() => expect(entries()).toHaveLength(0));
    expect(textOf(container.querySelector('[data-testid="registry-empty"]'))).toBe('No source has a name or alias with “no such outlet”.');
  });

  it('adds a source from the form, announces it, and clears the form for the next one', async () => {
    await mount();
    const form = addForm();
    fillSource(form, { name: 'North Korean state media', aliases: 'Pyongyang’s official media, DPRK media\nthe state agency', type: 'state-media', country: 'kp' });
    getButton(form, 'Add source').click();

    await waitFor(() => expect(statusText()).toBe('Saved North Korean state media. Pages you open or reload from now on use it.'));
    expect(await db.sources.get('north-korean-state-media')).toEqual({
      id: 'north-korean-state-media',
      name: 'North Korean state media',
      aliases: ['Pyongyang’s official media', 'DPRK media', 'the state agency'],
      type: 'state-media',
      country: 'KP',
      builtin: false,
      updatedAt: NOW.toISOString(),
    });
    const added = await waitFor(() => entry('north-korean-state-media'));
    expect(fact(added, 'source-origin')).toBe('yours');
    expect(aliasesOf(added)).toEqual(['Pyongyang’s official media', 'DPRK media', 'the state agency']);
    expect(getByLabel<HTMLInputElement>(form, 'Name').value).toBe('');
    expect(getByLabel<HTMLTextAreaElement>(form, 'Aliases').value).toBe('');
    const status = container.querySelector('[data-testid="status"]');
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.getAttribute('aria-live')).toBe('polite');
  });

  it('submits with Enter (a real form) and offers every source type in the Type select', async () => {
    await mount();
    const form = addForm();
    const types = [...getByLabel<HTMLSelectElement>(form, 'Type').options].map((o) => o.value);
    expect(types).toEqual([...SOURCE_TYPES]);
    expect(getByLabel<HTMLSelectElement>(form, 'Type').options[0]?.textContent).toBe('State media');
    fillSource(form, { name: 'Ledger Wire', type: 'news-agency' });
    form.requestSubmit();
    await waitFor(async () => expect(await db.sources.get('ledger-wire')).toMatchObject({ name: 'Ledger Wire', type: 'news-agency' }));
  });

  it.each([
    ['an empty name', { name: '  ' }, 'Name', /Couldn't save the source: Give the source a name\. What you typed is kept\./],
    ['a built-in’s name', { name: 'KCNA' }, 'Name', /“KCNA” is a built-in source/],
    ['a bad country code', { name: 'Ledger Wire', country: 'U1' }, 'Country', /not a two-letter country code/],
  ])('refuses %s: says why, marks and focuses the field, keeps the input', async (_case, fields, label, message) => {
    await mount();
    const form = addForm();
    fillSource(form, { ...fields, aliases: 'Keep me' });
    getButton(form, 'Add source').click();

    await waitFor(() => expect(statusText()).toMatch(message));
    const field = getByLabel<HTMLInputElement>(form, label);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    const error = form.querySelector('[data-testid="form-error"]');
    expect(field.getAttribute('aria-describedby')).toContain(error?.id);
    expect(getByLabel<HTMLTextAreaElement>(form, 'Aliases').value).toBe('Keep me');
    expect(await db.sources.count()).toBe(0);
  });

  it('edits a user source in place and returns the focus to its Edit button', async () => {
    await saveUserSource(db, { name: 'Ledger Wire', aliases: ['LW'], type: 'news-agency' }, NOW);
    await mount();
    getButton(entry('ledger-wire'), 'Edit Ledger Wire').click();
    const form = await waitFor(() => formIn(entry('ledger-wire')));
    expect(form.getAttribute('aria-label')).toBe('Edit Ledger Wire');
    expect(getByLabel<HTMLInputElement>(form, 'Name').value).toBe('Ledger Wire');
    expect(getByLabel<HTMLTextAreaElement>(form, 'Aliases').value).toBe('LW');
    expect(getByLabel<HTMLSelectElement>(form, 'Type').value).toBe('news-agency');
    expect(document.activeElement).toBe(getByLabel(form, 'Name'));

    fillSource(form, { aliases: 'LW\nLedger Wire Service', type: 'newspaper-broadcaster', country: 'IE' });
    getButton(form, 'Save changes').click();

    await waitFor(() => expect(statusText()).toBe('Saved Ledger Wire. Pages you open or reload from now on use it.'));
    expect(await db.sources.get('ledger-wire')).toMatchObject({ aliases: ['LW', 'Ledger Wire Service'], type: 'newspaper-broadcaster', country: 'IE' });
    await waitFor(() => expect(entry('ledger-wire').querySelector('form')).toBeNull());
    await waitFor(() => expect(fact(entry('ledger-wire'), 'source-country')).toBe('IE'));
    expect(document.activeElement).toBe(getButton(entry('ledger-wire'), 'Edit Ledger Wire'));
  });

  it('cancels an edit without saving', async () => {
    await saveUserSource(db, { name: 'Ledger Wire', aliases: [], type: 'news-agency' }, NOW);
    await mount();
    getButton(entry('ledger-wire'), 'Edit Ledger Wire').click();
    const form = await waitFor(() => formIn(entry('ledger-wire')));
    fillSource(form, { name: 'Changed' });
    getButton(form, 'Cancel').click();
    await waitFor(() => expect(entry('ledger-wire').querySelector('form')).toBeNull());
    expect((await db.sources.get('ledger-wire'))?.name).toBe('Ledger Wire');
    expect(document.activeElement).toBe(getButton(entry('ledger-wire'), 'Edit Ledger Wire'));

    // Escape does the same, from any field.
    getButton(entry('ledger-wire'), 'Edit Ledger Wire').click();
    const again = await waitFor(() => formIn(entry('ledger-wire')));
    getByLabel(again, 'Aliases').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => expect(entry('ledger-wire').querySelector('form')).toBeNull());
  });

  it('adds the user’s aliases to a built-in, marks them, and removes them again keeping the rating', async () => {
    const rating = makeRating({ tier: 'propaganda' });
    await rateSource(db, { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true }, rating, NOW);
    await mount();
    getButton(entry('kcna'), 'Edit KCNA').click();
    const form = await waitFor(() => formIn(entry('kcna')));
    expect(form.getAttribute('aria-label')).toBe('Your aliases for KCNA');
    // A built-in's name, type and country are the registry's: only aliases are offered.
    expect(form.querySelectorAll('input[type="text"], select')).toHaveLength(0);
    expect(textOf(form)).toContain('KCNA is already found by “KCNA”, “Korean Central News Agency”.');

    typeInto(getByLabel(form, 'Aliases'), 'the state agency');
    getButton(form, 'Save aliases').click();
    await waitFor(() => expect(statusText()).toBe('Saved your aliases for KCNA. Pages you open or reload from now on use it.'));
    expect(await db.sources.get('kcna')).toMatchObject({ builtin: true, aliases: ['the state agency'], rating });
    await waitFor(() => expect(aliasesOf(entry('kcna'))).toEqual(['Korean Central News Agency', 'the state agency (yours)']));
    expect(fact(entry('kcna'), 'source-origin')).toBe('built-in');

    getButton(entry('kcna'), 'Remove my aliases from KCNA').click();
    await waitFor(() => expect(statusText()).toBe('Removed your aliases from KCNA. Your rating of it stays.'));
    expect(await db.sources.get('kcna')).toMatchObject({ aliases: [], rating, updatedAt: NOW.toISOString() });
    await waitFor(() => expect(aliasesOf(entry('kcna'))).toEqual(['Korean Central News Agency']));
    expect(document.activeElement).toBe(getButton(entry('kcna'), 'Edit KCNA'));
  });

  it('deletes a user source only after a confirmation, whose Cancel takes the focus', async () => {
    await saveUserSource(db, { name: 'Ledger Wire', aliases: [], type: 'news-agency' }, NOW);
    await mount();
    getButton(entry('ledger-wire'), 'Delete Ledger Wire').click();
    const cancel = await waitFor(() => getButton(entry('ledger-wire'), 'Cancel'));
    expect(document.activeElement).toBe(cancel);
    expect(textOf(entry('ledger-wire'))).toContain('Delete Ledger Wire?');
    cancel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => expect(document.activeElement).toBe(getButton(entry('ledger-wire'), 'Edit Ledger Wire')));
    expect(await db.sources.count()).toBe(1);

    getButton(entry('ledger-wire'), 'Delete Ledger Wire').click();
    (await waitFor(() => getButton(entry('ledger-wire'), 'Yes, delete'))).click();
    await waitFor(() => expect(statusText()).toBe('Deleted Ledger Wire.'));
    expect((await db.sources.get('ledger-wire'))?.deletedAt).toBe(NOW.toISOString());
    await waitFor(() => expect(container.querySelector('[data-source-id="ledger-wire"]')).toBeNull());
    expect(textOf(document.activeElement)).toBe('All sources');
  });

  it('says what failed when the database refuses a write, keeping the input', async () => {
    await mount();
    vi.spyOn(db.sources, 'put').mockRejectedValue(new Error('QuotaExceededError: the disk is full'));
    const form = addForm();
    fillSource(form, { name: 'Ledger Wire', aliases: 'LW' });
    getButton(form, 'Add source').click();
    await waitFor(() => expect(statusText()).toBe("Couldn't save Ledger Wire: QuotaExceededError: the disk is full What you typed is kept."));
    expect(getByLabel<HTMLInputElement>(form, 'Name').value).toBe('Ledger Wire');
  });

  it('starts the add form from the popup’s prefill, focused', async () => {
    await mount({ name: 'Pyongyang’s official media', type: 'state-media' });
    const form = addForm();
    expect(getByLabel<HTMLInputElement>(form, 'Name').value).toBe('Pyongyang’s official media');
    expect(getByLabel<HTMLSelectElement>(form, 'Type').value).toBe('state-media');
    expect(document.activeElement).toBe(getByLabel(form, 'Name'));
    expect(textOf(container.querySelector('[data-testid="prefill-note"]'))).toContain('Filled in from the page');
  });

  it('opens the edit form of a prefilled source that is already listed, instead of adding a twin', async () => {
    await rateSource(db, { id: 'american-authorities', name: 'American authorities', type: 'government', builtin: false }, makeRating(), NOW);
    await mount({ name: 'American authorities', type: 'government' });
    await waitFor(() => expect(statusText()).toBe('American authorities is already one of the sources: edit it below.'));
    expect(entries().map((e) => e.dataset.sourceId)).toEqual(['american-authorities']);
    const form = await waitFor(() => formIn(entry('american-authorities')));
    expect(getByLabel<HTMLInputElement>(form, 'Name').value).toBe('American authorities');
    expect(getByLabel<HTMLInputElement>(addForm(), 'Name').value).toBe('American authorities');
  });

  it('follows sources saved in another extension page while open', async () => {
    await mount();
    await saveUserSource(db, { name: 'Ledger Wire', aliases: [], type: 'news-agency' }, NOW);
    await waitFor(() => expect(entries()[0]?.dataset.sourceId).toBe('ledger-wire'));
    expect(countText()).toBe(`${BUILTIN_COUNT + 1} sources`);
  });
});
