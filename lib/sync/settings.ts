/**
 * Team sync settings, as kept in `storage.local` under `SYNC_SETTINGS_KEY` (never in Dexie, so
 * never in an export; never logged). Pure: parsing and checking only.
 */
import * as v from 'valibot';

/** The `storage.local` key of the sync settings. */
export const SYNC_SETTINGS_KEY = 'sourcemark:sync';

/** What the extension shares with the team. */
export const SHARE_MODES = ['everything', 'shared-only'] as const;
export type ShareMode = (typeof SHARE_MODES)[number];

/**
 * How the extension proves who it is to the server: a user name and password (sent as HTTP
 * Basic auth on each request), or the browser's own CouchDB session cookie (the user logged in
 * to the server in a tab; nothing is stored here).
 */
export type SyncAuth = { kind: 'password'; username: string; password: string } | { kind: 'session-cookie' };

/** The sync settings. */
export type SyncSettings = {
  /** Sync runs only when on. */
  enabled: boolean;
  /** The server's base URL, e.g. `https://couch.example.org` (no database, no trailing slash). */
  serverUrl: string;
  /** The database's name on that server: one per desk. */
  database: string;
  auth: SyncAuth;
  /** Everything, or only annotations and source entries marked shared. */
  share: ShareMode;
};

/** Sync off, nothing set. */
export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  enabled: false,
  serverUrl: '',
  database: '',
  auth: { kind: 'password', username: '', password: '' },
  share: 'shared-only',
};

const SettingsSchema = v.object({
  enabled: v.boolean(),
  serverUrl: v.string(),
  database: v.string(),
  auth: v.variant('kind', [
    v.object({ kind: v.literal('password'), username: v.string(), password: v.string() }),
    v.object({ kind: v.literal('session-cookie') }),
  ]),
  share: v.picklist(SHARE_MODES),
});

/** Stored settings, or the defaults when nothing (or something malformed) is stored. */
export function parseSyncSettings(raw: unknown): SyncSettings {
  const parsed = v.safeParse(SettingsSchema, raw);
  return parsed.success ? parsed.output : DEFAULT_SYNC_SETTINGS;
}

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/** A settings field and what is wrong with it. */
export type SyncSettingsProblem = { field: 'serverUrl' | 'database' | 'username' | 'password'; message: string };

/**
 * Check settings the user entered: the URL is http(s) with no path beyond `/`, the database
 * name follows CouchDB's rule, a password login has both parts. Returns the cleaned settings
 * (URL without trailing slash) or the problems. Settings with sync off are not checked.
 */
export function checkSyncSettings(input: SyncSettings): { ok: true; settings: SyncSettings } | { ok: false; problems: SyncSettingsProblem[] } {
  if (!input.enabled) return { ok: true, settings: input };
  const problems: SyncSettingsProblem[] = [];
  let serverUrl = input.serverUrl.trim();
  try {
    const url = new URL(serverUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push({ field: 'serverUrl', message: 'The server URL must start with https:// (or http://).' });
    else if (url.username || url.password) problems.push({ field: 'serverUrl', message: 'Put the user name and password in their own fields, not in the URL.' });
    else if (url.search || url.hash) problems.push({ field: 'serverUrl', message: 'The server URL takes no ?query or #fragment.' });
    serverUrl = url.origin + url.pathname.replace(/\/+$/, '');
  } catch {
    problems.push({ field: 'serverUrl', message: 'Enter the server’s address, e.g. https://couch.example.org' });
  }
  const database = input.database.trim();
  if (!DATABASE_NAME.test(database)) {
    problems.push({ field: 'database', message: 'A database name starts with a lowercase letter and has only lowercase letters, digits and _$()+-/.' });
  }
  let auth = input.auth;
  if (auth.kind === 'password') {
    const username = auth.username.trim();
    if (username === '') problems.push({ field: 'username', message: 'Enter your user name on the server.' });
    if (auth.password === '') problems.push({ field: 'password', message: 'Enter your password.' });
    auth = { kind: 'password', username, password: auth.password };
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { ...input, serverUrl, database, auth } };
}

/** The origin pattern to request host permission for, e.g. `https://couch.example.org/*`. */
export function originPatternOf(serverUrl: string): string {
  return `${new URL(serverUrl).origin}/*`;
}

/**
 * What identifies the remote store: server and database. When it changes, the checkpoint and
 * known revisions belong to another store and everything must be sent again.
 */
export function targetOf(settings: SyncSettings): string {
  return `${settings.serverUrl}/${settings.database}`;
}
