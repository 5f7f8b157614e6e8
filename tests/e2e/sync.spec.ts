/**
 * Team sync between two browser profiles, each with the built extension, through a real
 * CouchDB-protocol server (express-pouchdb, tests/support/couch-server.ts) on 127.0.0.1.
 * Everything is done as a user would: the options page's "Team sync" section, the popup, the
 * library. The server sends CORS headers like a CouchDB 3 set up as the README says; Chromium
 * also counts the content script's `<all_urls>` as host access, so no permission prompt opens
 * (headless Chromium would leave one unanswered: the options page never waits on it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionId, launchWithExtension } from '../../scripts/chromium';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { expect, openPopup, tags, test } from './fixtures';

const USERS = { ana: 'ana-secret', ben: 'ben-secret' };
const CLAIM = 'working groups had reached a deal';

let couch: CouchServer;
const profiles: { context: BrowserContext; dir: string }[] = [];

test.beforeAll(async () => {
  couch = await startCouchServer({ users: USERS });
});
test.afterAll(async () => {
  await couch.close();
});
test.afterEach(async () => {
  for (const { context, dir } of profiles.splice(0)) {
    await context.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
  couch.onBulkDocs = null;
  await couch.start();
});

/** A fresh browser profile with the extension. */
async function openProfile(): Promise<BrowserContext> {
  const dir = await mkdtemp(join(tmpdir(), 'sourcemark-sync-profile-'));
  const context = await launchWithExtension({ profileDir: dir, headless: true });
  profiles.push({ context, dir });
  return context;
}

/** A database of its own for each test. */
async function newDesk(): Promise<string> {
  const name = `desk-${Math.random().toString(36).slice(2, 8)}`;
  await couch.createDatabase(name);
  return name;
}

async function openOptions(context: BrowserContext): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  await expect(options.getByRole('heading', { name: 'Team sync' })).toBeVisible();
  return options;
}

/** Fill in Options → Team sync and save; returns the options page. */
async function setUpSync(context: BrowserContext, desk: string, user: keyof typeof USERS, password: string = USERS[user], share: 'Everything' | 'Only' = 'Everything'): Promise<Page> {
  const options = await openOptions(context);
  const section = options.locator('section.team-sync');
  await section.getByLabel('Sync with a team server').check();
  await section.getByLabel('Server URL').fill(couch.url);
  await section.getByLabel('Database').fill(desk);
  await section.getByRole('textbox', { name: 'User name', exact: true }).fill(user);
  await section.getByLabel('Password', { exact: true }).fill(password);
  await section.getByRole('radio', { name: share === 'Everything' ? 'Everything' : /Only annotations/ }).check();
  await section.getByRole('button', { name: 'Save sync settings' }).click();
  await expect(section.getByTestId('sync-message')).toContainText('Saved');
  return options;
}

/** Press "Sync now" on the options page and wait for its outcome; returns the message. */
async function syncNow(options: Page): Promise<string> {
  const section = options.locator('section.team-sync');
  const message = section.getByTestId('sync-message').locator('p');
  // Each message is numbered: wait for one after the click's, not the one left from before.
  const before = Number((await message.getAttribute('data-seq', { timeout: 1 }).catch(() => null)) ?? -1);
  await section.getByRole('button', { name: 'Sync now' }).click();
  let text = '';
  await expect
    .poll(async () => {
      const seq = Number((await message.getAttribute('data-seq').catch(() => null)) ?? -1);
      text = seq > before ? ((await message.textContent()) ?? '') : '';
      return /^(Synced:|Sync failed)/.test(text);
    }, { message: 'the sync run ends' })
    .toBe(true);
  return text;
}

async function openArticle(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/seed-article.html`);
  await expect(tags(page).first()).toBeVisible();
  return page;
}

/** Write a note on the KCNA claim in the popup and save it. */
async function writeNote(context: BrowserContext, origin: string, note: string, share = false): Promise<void> {
  const page = await openArticle(context, origin);
  const popup = await openPopup(context, page);
  const claim = popup.getByTestId('claim').filter({ hasText: CLAIM });
  await claim.getByLabel('Note').fill(note);
  if (share) await claim.getByLabel('Share with team').check();
  await claim.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toContainText(/saved/i);
  await popup.close();
  await page.close();
}

test.describe('team sync', () => {
  test('an annotation and a source rating made in one profile appear in the other; a deletion there disappears here', async ({ server }) => {
    const desk = await newDesk();
    const a = await openProfile();
    const b = await openProfile();

    const page = await openArticle(a, server.origin);
    const popup = await openPopup(a, page);
    const claim = popup.getByTestId('claim').filter({ hasText: CLAIM });
    await claim.getByLabel('Note').fill('Seen first on A');
    await claim.getByLabel('Share with team').check();
    await claim.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.getByRole('status')).toContainText(/saved/i);
    // A second note, left private.
    const other = popup.getByTestId('claim').filter({ hasText: 'American authorities claimed' });
    await other.getByLabel('Note').fill('Private to A');
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.getByRole('status')).toContainText(/saved/i);
    const kcna = popup.getByTestId('source-group').filter({ hasText: 'KCNA' }).first();
    await kcna.getByLabel('Credibility of KCNA').selectOption('propaganda');
    await kcna.getByRole('button', { name: 'Save rating' }).click();
    await expect(kcna).toContainText('State-controlled or propaganda outlet');
    await kcna.getByLabel('Share KCNA and its rating with team').check();
    await expect(popup.getByRole('status')).toContainText('KCNA and its rating will be shared');

    // Shared items only (the default): the private note stays in A.
    const optionsA = await setUpSync(a, desk, 'ana', USERS.ana, 'Only');
    expect(await syncNow(optionsA)).toMatch(/Synced/);
    await expect(optionsA.getByTestId('sync-pending')).toHaveText('All changes sent');
    const onServer = await couch.allDocs(desk);
    expect(onServer.map((d) => d.id.split(':')[0]).sort()).toEqual(['annotation', 'source']);
    expect(JSON.stringify(onServer)).not.toContain('Private to A');

    const optionsB = await setUpSync(b, desk, 'ben');
    expect(await syncNow(optionsB)).toMatch(/Synced/);
    const pageB = await openArticle(b, server.origin);
    const popupB = await openPopup(b, pageB);
    await expect(popupB.getByTestId('claim').filter({ hasText: CLAIM }).getByLabel('Note')).toHaveValue('Seen first on A');
    await expect(popupB.getByTestId('source-group').filter({ hasText: 'KCNA' }).first()).toContainText('State-controlled or propaganda outlet');
    await expect(tags(pageB).filter({ hasText: 'KCNA' }).first()).toContainText(/propaganda/i);
    // The popup's status line says where sync stands.
    await expect(popupB.getByTestId('sync-status')).toContainText('Last synced');

    // B deletes it in the library; A loses it after both sync.
    const library = await b.newPage();
    await library.goto(`chrome-extension://${await extensionId(b)}/library.html`);
    const row = library.getByTestId('annotation-row').filter({ hasText: CLAIM });
    await row.getByRole('checkbox').check();
    await library.getByRole('button', { name: 'Delete selected' }).click();
    await expect(library.getByTestId('annotation-row')).toHaveCount(0);
    expect(await syncNow(optionsB)).toMatch(/Synced/);
    await expect(optionsB.getByTestId('sync-pending')).toHaveText('All changes sent');
    expect((await couch.allDocs(desk)).find((d) => d.id.startsWith('annotation:'))?.doc.annotation).toHaveProperty('deletedAt');
    expect(await syncNow(optionsA)).toMatch(/Synced/);

    const libraryA = await a.newPage();
    await libraryA.goto(`chrome-extension://${await extensionId(a)}/library.html`);
    await expect(libraryA.getByTestId('results')).toHaveAttribute('data-state', 'ready');
    // Only A's private note is left.
    await expect(libraryA.getByTestId('annotation-row')).toHaveCount(1);
    await expect(libraryA.getByTestId('annotation-row')).toContainText('American authorities claimed');
    const reopened = await openPopup(a, await openArticle(a, server.origin));
    await expect(reopened.getByTestId('claim').filter({ hasText: CLAIM }).getByLabel('Note')).toHaveValue('');
  });

  test('both profiles edit the same annotation while the server is down: both keep the same winner, the loser shows under it', async ({ server }) => {
    const desk = await newDesk();
    const a = await openProfile();
    const b = await openProfile();
    await writeNote(a, server.origin, 'First version', true);
    const optionsA = await setUpSync(a, desk, 'ana', USERS.ana, 'Only');
    expect(await syncNow(optionsA)).toMatch(/Synced/);
    await expect(optionsA.getByTestId('sync-pending')).toHaveText('All changes sent');
    expect(await couch.allDocs(desk)).toHaveLength(1);
    const optionsB = await setUpSync(b, desk, 'ben', USERS.ben, 'Only');
    expect(await syncNow(optionsB)).toMatch(/Synced/);

    await couch.stop();
    await writeNote(a, server.origin, 'Edited on A');
    await writeNote(b, server.origin, 'Edited on B, later');
    expect(await syncNow(optionsA)).toMatch(/could not be reached/);
    await expect(optionsA.getByTestId('sync-pending')).toHaveText('1 change waiting to be sent');
    await expect(optionsA.getByTestId('sync-error')).toContainText('could not be reached');
    await couch.start();

    expect(await syncNow(optionsA)).toMatch(/Synced/);
    expect(await syncNow(optionsB)).toMatch(/Synced/);
    expect(await syncNow(optionsA)).toMatch(/Synced/);

    for (const context of [a, b]) {
      const popup = await openPopup(context, await openArticle(context, server.origin));
      const claim = popup.getByTestId('claim').filter({ hasText: CLAIM });
      await expect(claim.getByLabel('Note')).toHaveValue('Edited on B, later');
      const history = claim.getByTestId('sync-history');
      await expect(history).toContainText('Earlier versions (1)');
      await history.locator('summary').click();
      await expect(history.getByTestId('sync-history-note')).toHaveText(['Edited on A']);
    }
    const docs = await couch.allDocs(desk);
    expect(docs).toHaveLength(1);
    expect((docs[0]?.doc.annotation as { note: string }).note).toBe('Edited on B, later');
  });

  test('the server stopped during a 5,000-annotation push: after the next sync it holds exactly 5,000', async () => {
    const desk = await newDesk();
    const a = await openProfile();
    const options = await openOptions(a);
    // 5,000 annotations written as the repository writes them: the row and its outbox entry.
    await options.evaluate(async (count) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('sourcemark');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['annotations', 'outbox'], 'readwrite');
      const stamp = new Date().toISOString();
      for (let i = 0; i < count; i++) {
        const id = `bulk-${String(i).padStart(5, '0')}`;
        tx.objectStore('annotations').put({
          id, url: `https://news.example/story-${i % 50}`, pageTitle: 'Story', kind: 'claim', attributions: [], note: `note ${i}`, tags: [], origin: 'manual',
          target: { selectors: [{ type: 'TextQuoteSelector', exact: `quote ${i}`, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 5 }] },
          createdAt: stamp, updatedAt: stamp,
        });
        tx.objectStore('outbox').put({ docId: `annotation:${id}`, kind: 'annotation', id, token: crypto.randomUUID(), queuedAt: stamp });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, 5000);

    let requests = 0;
    couch.onBulkDocs = () => {
      if (++requests === 4) void couch.stop();
    };
    await setUpSync(a, desk, 'ana');
    // Saving starts a sync; it fails when the server goes away in the middle.
    const section = options.locator('section.team-sync');
    await options.reload();
    await expect(section.getByTestId('sync-error')).toContainText('could not be reached');
    const waiting = Number(/(\d+) changes? waiting/.exec((await section.getByTestId('sync-pending').textContent()) ?? '')?.[1]);
    expect(waiting).toBeGreaterThan(0);
    expect(waiting).toBeLessThan(5000);
    const onServer = (await couch.allDocs(desk)).length;
    expect(onServer).toBeLessThan(5000);

    couch.onBulkDocs = null;
    await couch.start();
    expect(await syncNow(options)).toMatch(/Synced/);
    await expect(section.getByTestId('sync-pending')).toHaveText('All changes sent');
    await expect(section.getByTestId('sync-error')).toHaveCount(0);
    const docs = await couch.allDocs(desk);
    expect(docs).toHaveLength(5000);
    expect(new Set(docs.map((d) => d.id)).size).toBe(5000);
  });

  test('a wrong password gives a clear status and loses nothing', async ({ server }) => {
    const desk = await newDesk();
    const a = await openProfile();
    await writeNote(a, server.origin, 'Kept through a wrong password');
    const options = await setUpSync(a, desk, 'ana', 'not-the-password');
    expect(await syncNow(options)).toMatch(/refused the user name or password \(401\)/);
    await expect(options.getByTestId('sync-pending')).toHaveText('1 change waiting to be sent');
    const popup = await openPopup(a, await openArticle(a, server.origin));
    await expect(popup.getByTestId('sync-error')).toContainText('refused the user name or password');
    await expect(popup.getByTestId('claim').filter({ hasText: CLAIM }).getByLabel('Note')).toHaveValue('Kept through a wrong password');
    expect(await couch.allDocs(desk)).toHaveLength(0);

    // The right password: the note goes through.
    const fixed = await setUpSync(a, desk, 'ana');
    expect(await syncNow(fixed)).toMatch(/Synced/);
    expect(await couch.allDocs(desk)).toHaveLength(1);
  });
});
