// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncSettings, type SyncPorts } from '../../../components/SyncSettings';
import { ok } from '../../../lib/messages';
import { putAnnotations } from '../../../lib/store/annotations';
import { openDb, type SourcemarkDb } from '../../../lib/store/db';
import { updateSyncStatus } from '../../../lib/store/sync-store';
import { SYNC_SETTINGS_KEY } from '../../../lib/sync/settings';
import { getButton, getByLabel, textOf, typeInto, waitFor } from '../popup/dom-helpers';
import { makeAnnotation } from '../support/store-fixtures';

let db: SourcemarkDb;
let container: HTMLElement;
let stored: Record<string, unknown>;
let asked: string[];
let granted: Set<string>;

function ports(): SyncPorts {
  return {
    storage: {
      local: {
        get: async (key: string) => (key in stored ? { [key]: stored[key] } : {}),
        set: async (items: Record<string, unknown>) => {
          Object.assign(stored, items);
        },
      },
    },
    hasHostPermission: async (pattern) => granted.has(pattern),
    requestHostPermission: async (pattern) => {
      asked.push(pattern);
      return true;
    },
    syncNow: async () => ok({ pushed: 2, pulled: 1, merged: 0 }),
  };
}

beforeEach(() => {
  db = openDb(`sync-settings-${crypto.randomUUID()}`);
  container = document.createElement('div');
  document.body.append(container);
  stored = {};
  asked = [];
  granted = new Set();
});
afterEach(async () => {
  render(null, container);
  container.remove();
  await db.delete();
});

const checkbox = (label: string) => [...container.querySelectorAll('label')].find((l) => textOf(l).startsWith(label))?.querySelector('input') as HTMLInputElement;
const message = () => textOf(container.querySelector('[data-testid="sync-message"]'));

async function fillIn(url: string) {
  render(<SyncSettings db={db} ports={ports()} />, container);
  await waitFor(() => getByLabel(container, 'Server URL'));
  checkbox('Sync with a team server').click();
  typeInto(getByLabel(container, 'Server URL'), url);
  typeInto(getByLabel(container, 'Database'), 'desk-a');
  typeInto(getByLabel(container, 'User name'), 'ana');
  typeInto(getByLabel(container, 'Password'), 'pw');
}

describe('Options → Team sync', () => {
  it('stores checked settings in storage.local and asks for the one server’s origin', async () => {
    await fillIn('https://couch.example.org/');
    getButton(container, 'Save sync settings').click();
    await waitFor(() => expect(message()).toMatch(/Saved/));
    expect(stored[SYNC_SETTINGS_KEY]).toEqual({
      enabled: true,
      serverUrl: 'https://couch.example.org',
      database: 'desk-a',
      auth: { kind: 'password', username: 'ana', password: 'pw' },
      share: 'shared-only',
    });
    expect(asked).toEqual(['https://couch.example.org/*']);
  });

  it('does not ask again for an origin it may already reach', async () => {
    granted.add('http://127.0.0.1:5984/*');
    await fillIn('http://127.0.0.1:5984');
    await new Promise((resolve) => setTimeout(resolve, 20));
    getButton(container, 'Save sync settings').click();
    await waitFor(() => expect(message()).toMatch(/Saved/));
    expect(asked).toEqual([]);
  });

  it('names the wrong fields and stores nothing', async () => {
    await fillIn('not a url');
    typeInto(getByLabel(container, 'Database'), 'Desk A');
    getButton(container, 'Save sync settings').click();
    await waitFor(() => expect(message()).toMatch(/Not saved/));
    expect(textOf(container)).toContain('Enter the server’s address');
    expect(textOf(container)).toContain('A database name starts with a lowercase letter');
    expect(stored).toEqual({});
    expect(asked).toEqual([]);
  });

  it('shows the status, pending changes and the last error, and runs "Sync now"', async () => {
    await putAnnotations(db, [makeAnnotation({ id: 'a' }), makeAnnotation({ id: 'b' })]);
    await updateSyncStatus(db, (s) => ({ ...s, lastError: 'The sync server refused the user name or password (401).' }));
    stored[SYNC_SETTINGS_KEY] = { enabled: true, serverUrl: 'https://c.example', database: 'd', auth: { kind: 'session-cookie' }, share: 'everything' };
    render(<SyncSettings db={db} ports={ports()} />, container);
    await waitFor(() => expect(textOf(container.querySelector('[data-testid="sync-pending"]'))).toBe('2 changes waiting to be sent'));
    expect(textOf(container.querySelector('[data-testid="sync-last"]'))).toBe('Not synced yet');
    expect(textOf(container.querySelector('[data-testid="sync-error"]'))).toContain('(401)');
    getButton(container, 'Sync now').click();
    await waitFor(() => expect(message()).toBe('Synced: 2 sent, 1 received.'));
  });
});
