/**
 * Options → Team sync: the server, database, sign-in and what to share; "Save" asks the browser
 * for access to that one server (host permission) and stores the settings in `storage.local`;
 * the status line and "Sync now". The password is typed into a masked field and kept only in `storage.local`.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Result, SyncSummary } from '../lib/messages';
import type { SettingsStorageApi } from '../lib/settings/storage';
import type { SourcemarkDb } from '../lib/store/db';
import { checkSyncSettings, DEFAULT_SYNC_SETTINGS, originPatternOf, type SyncSettings, type SyncSettingsProblem } from '../lib/sync/settings';
import { loadSyncSettings, saveSyncSettings } from '../lib/sync/settings-store';
import { useStatus } from './StatusRegion';
import { SyncStatusLine } from './SyncStatusLine';

/** What the section needs from the extension. */
export type SyncPorts = {
  storage: Pick<SettingsStorageApi, 'local'>;
  /** Whether the extension may already reach an origin pattern (Chrome counts the content script's `<all_urls>`). */
  hasHostPermission(pattern: string): Promise<boolean>;
  /** Ask for host permission on one origin pattern; resolves false when refused. Called straight from the click (a user gesture). */
  requestHostPermission(pattern: string): Promise<boolean>;
  /** Ask the background to sync now. */
  syncNow(): Promise<Result<SyncSummary>>;
};

/** Props of `SyncSettings`. */
export type SyncSettingsProps = { db: SourcemarkDb; ports: SyncPorts };

/** The origin pattern of a URL being typed, or null while it is not a URL yet. */
function patternOrNull(serverUrl: string): string | null {
  try {
    return originPatternOf(serverUrl.trim());
  } catch {
    return null;
  }
}

/** The "Team sync" section of the options page. */
export function SyncSettings({ db, ports }: SyncSettingsProps) {
  const id = useId();
  const { message, announce } = useStatus();
  const [form, setFormState] = useState<SyncSettings | null>(null);
  // The form as of the last input, not the last render: events can come faster than renders
  // (autofill, a fast typist), and each change and the save must see the ones before it.
  const latest = useRef<SyncSettings | null>(null);
  const setForm = (next: SyncSettings) => {
    latest.current = next;
    setFormState(next);
  };
  const [problems, setProblems] = useState<SyncSettingsProblem[]>([]);
  const [busy, setBusy] = useState(false);
  // Known before the click, so the click can ask (or not) at once, inside its user gesture.
  const [grantedPattern, setGrantedPattern] = useState<string | null>(null);
  const pattern = patternOrNull(form?.serverUrl ?? '');
  useEffect(() => {
    if (!pattern) return;
    let live = true;
    ports.hasHostPermission(pattern).then((has) => live && setGrantedPattern(has ? pattern : null), () => live && setGrantedPattern(null));
    return () => {
      live = false;
    };
  }, [pattern, ports]);

  useEffect(() => {
    loadSyncSettings(ports.storage).then(setForm, (error: unknown) => {
      announce('error', `Could not read the sync settings: ${error instanceof Error ? error.message : String(error)}`);
      setForm(DEFAULT_SYNC_SETTINGS);
    });
  }, [ports]);

  if (!form) return <section class="team-sync" aria-busy="true"><h2>Team sync</h2><p>Loading…</p></section>;

  const current = () => latest.current ?? form;
  const set = (change: Partial<SyncSettings>) => setForm({ ...current(), ...change });
  const problem = (field: SyncSettingsProblem['field']) => problems.find((p) => p.field === field)?.message;
  const password = form.auth.kind === 'password' ? form.auth : { kind: 'password' as const, username: '', password: '' };
  const setLogin = (field: 'username' | 'password', value: string) => {
    const auth = current().auth;
    set({ auth: { ...(auth.kind === 'password' ? auth : password), [field]: value } });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const checked = checkSyncSettings(current());
    if (!checked.ok) {
      setProblems(checked.problems);
      announce('error', `Not saved: ${checked.problems.map((p) => p.message).join(' ')}`);
      return;
    }
    setProblems([]);
    const wanted = originPatternOf(checked.settings.serverUrl || 'http://invalid');
    // Asked before any await, inside the click's user gesture, which the browser requires for its
    // prompt; not awaited before saving, since a prompt may stay open (headless Chromium never answers it).
    const permission = checked.settings.enabled && grantedPattern !== wanted ? ports.requestHostPermission(wanted).catch(() => false) : null;
    setBusy(true);
    try {
      await saveSyncSettings(ports.storage, checked.settings);
      setForm(checked.settings);
      if (!checked.settings.enabled) announce('success', 'Saved. Team sync is off.');
      else announce('success', 'Saved. Syncing now; the status below follows it.');
      if (permission) {
        void permission.then((granted) => {
          if (granted) announce('success', `Saved, with access to ${new URL(checked.settings.serverUrl).origin}. Syncing now.`);
          else announce('info', 'Saved, without access to that server: it must allow this extension itself (CORS, see the README), or sync will fail with “could not be reached”.');
        });
      }
    } catch (error) {
      announce('error', `Could not save the sync settings: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const syncNow = async () => {
    if (busy) return;
    setBusy(true);
    announce('info', 'Syncing…');
    try {
      const result = await ports.syncNow();
      if (result.ok) announce('success', `Synced: ${result.value.pushed} sent, ${result.value.pulled} received${result.value.merged ? `, ${result.value.merged} merged` : ''}.`);
      else announce('error', result.error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="team-sync" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Team sync</h2>
      <p class="intro">
        Share annotations and source ratings with your desk through a CouchDB server. Your user name and password stay in this browser; they are
        never exported.
      </p>
      <form class="sync-form" onSubmit={save} noValidate>
        <label>
          <input type="checkbox" name="enabled" checked={form.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} /> Sync with a team server
        </label>
        <label for={`${id}-url`}>Server URL</label>
        <input id={`${id}-url`} name="serverUrl" type="url" placeholder="https://couch.example.org" value={form.serverUrl} aria-invalid={!!problem('serverUrl')} onInput={(e) => set({ serverUrl: e.currentTarget.value })} />
        {problem('serverUrl') && <p class="form-error">{problem('serverUrl')}</p>}
        <label for={`${id}-db`}>Database</label>
        <input id={`${id}-db`} name="database" type="text" placeholder="desk-politics" value={form.database} aria-invalid={!!problem('database')} onInput={(e) => set({ database: e.currentTarget.value })} />
        {problem('database') && <p class="form-error">{problem('database')}</p>}
        <fieldset>
          <legend>Sign in with</legend>
          <label>
            <input type="radio" name="auth" checked={form.auth.kind === 'password'} onChange={() => set({ auth: password })} /> User name and password
          </label>
          <label>
            <input type="radio" name="auth" checked={form.auth.kind === 'session-cookie'} onChange={() => set({ auth: { kind: 'session-cookie' } })} /> My browser’s session with the server
            (log in to the server in a tab first)
          </label>
        </fieldset>
        {form.auth.kind === 'password' && (
          <>
            <label for={`${id}-user`}>User name</label>
            <input id={`${id}-user`} name="username" type="text" autocomplete="username" value={password.username} aria-invalid={!!problem('username')} onInput={(e) => setLogin('username', e.currentTarget.value)} />
            {problem('username') && <p class="form-error">{problem('username')}</p>}
            <label for={`${id}-pw`}>Password</label>
            <input id={`${id}-pw`} name="password" type="password" autocomplete="current-password" value={password.password} aria-invalid={!!problem('password')} onInput={(e) => setLogin('password', e.currentTarget.value)} />
            {problem('password') && <p class="form-error">{problem('password')}</p>}
          </>
        )}
        <fieldset>
          <legend>Share</legend>
          <label>
            <input type="radio" name="share" checked={form.share === 'shared-only'} onChange={() => set({ share: 'shared-only' })} /> Only annotations and sources I mark “Share with team”
          </label>
          <label>
            <input type="radio" name="share" checked={form.share === 'everything'} onChange={() => set({ share: 'everything' })} /> Everything
          </label>
        </fieldset>
        <div class="actions">
          <button type="submit" aria-disabled={busy}>
            Save sync settings
          </button>
          <button type="button" onClick={syncNow} aria-disabled={busy} disabled={!form.enabled}>
            Sync now
          </button>
        </div>
      </form>
      <SyncStatusLine db={db} />
      {/* Its own live region, announced politely; not role="status", which the page's sources section has (one per page). */}
      <div aria-live="polite" data-testid="sync-message" class="status">
        {message && (
          <p key={message.seq} data-seq={message.seq} class={`status-${message.tone}`}>
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
