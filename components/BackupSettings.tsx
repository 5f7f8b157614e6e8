/**
 * The options page's "Automatic backups": turn them on, choose the format, how often and how many
 * files to keep; "Back up now"; the last backup's time and file; what went wrong, in words; and
 * whether the browser agreed to keep Sourcemark's data under storage pressure.
 *
 * The settings go to `storage.local`; the background hears the change and (re)schedules. The
 * state the background writes after each run is followed live, so a scheduled backup shows up
 * here while the page is open.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { describeLastBackup, describeLastRun, describeRunResult, describeSchedule, localTime, type FormatTime } from '../lib/backup/describe';
import { EXPORT_FORMATS } from '../lib/backup/formats';
import { describePersistence, type PersistenceOutcome } from '../lib/backup/persistence';
import type { BackupRunPort } from '../lib/backup/ports';
import { describeInterval, INTERVAL_CHOICES, MAX_KEEP, MIN_KEEP, type BackupSettings as Settings } from '../lib/backup/settings';
import type { BackupState } from '../lib/backup/state';
import type { BackupStore } from '../lib/backup/storage';
import { messageOf } from '../lib/popup/ports';
import { useStatus } from './StatusRegion';

/** Props of `BackupSettings`. */
export type BackupSettingsProps = {
  /** Backup settings and state in storage. */
  store: BackupStore;
  /** "Back up now", through the background. */
  runNow: BackupRunPort;
  /** Ask the browser for persistent storage (lib/backup/persistence.ts). */
  requestPersistence: () => Promise<PersistenceOutcome>;
  /** How times are shown; the user's locale by default. */
  formatTime?: FormatTime;
};

type Loaded = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; settings: Settings; state: BackupState };

/** The "Automatic backups" section. */
export function BackupSettings({ store, runNow, requestPersistence, formatTime = localTime }: BackupSettingsProps) {
  const headingId = useId();
  const enabledId = useId();
  const formatId = useId();
  const intervalId = useId();
  const keepId = useId();
  const keepErrorId = useId();
  const status = useStatus();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [keepDraft, setKeepDraft] = useState<string | null>(null);
  const [keepError, setKeepError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [persistence, setPersistence] = useState<PersistenceOutcome | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    Promise.all([store.loadSettings(), store.loadState()]).then(
      ([settings, state]) => {
        if (!signal.aborted) setLoaded({ status: 'ready', settings, state });
      },
      (error: unknown) => {
        if (!signal.aborted) setLoaded({ status: 'failed', error: messageOf(error) });
      },
    );
    store.watchSettings((settings) => setLoaded((l) => (l.status === 'ready' ? { ...l, settings } : l)), signal);
    store.watchState((state) => setLoaded((l) => (l.status === 'ready' ? { ...l, state } : l)), signal);
    return () => controller.abort();
  }, [store]);

  useEffect(() => {
    let current = true;
    requestPersistence().then((outcome) => {
      if (current) setPersistence(outcome);
    });
    return () => {
      current = false;
    };
  }, [requestPersistence]);

  /** Store a change; the stored value comes back through `watchSettings`. */
  const change = async (update: (s: Settings) => Settings, done: (s: Settings) => string) => {
    try {
      const saved = await store.updateSettings(update);
      setLoaded((l) => (l.status === 'ready' ? { ...l, settings: saved } : l));
      status.announce('success', done(saved));
    } catch (error) {
      status.announce('error', `Couldn't save the backup settings: ${messageOf(error)}`);
    }
  };

  const commitKeep = (text: string) => {
    const n = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || n < MIN_KEEP || n > MAX_KEEP) {
      setKeepError(`Enter a whole number from ${MIN_KEEP} to ${MAX_KEEP}.`);
      return;
    }
    setKeepError(null);
    setKeepDraft(null);
    void change((s) => ({ ...s, keep: n }), (s) => `Keeping the last ${s.keep === 1 ? 'backup file' : `${s.keep} backup files`}.`);
  };

  const backUpNow = async () => {
    if (running) return;
    setRunning(true);
    status.announce('info', 'Backing up…');
    try {
      const result = await runNow();
      if (result.ok) status.announce(result.value.kind === 'failed' ? 'error' : 'success', describeRunResult(result.value));
      else status.announce('error', `Backup failed: ${result.error}`);
    } finally {
      setRunning(false);
    }
  };

  if (loaded.status !== 'ready') {
    return (
      <section class="backups" aria-labelledby={headingId}>
        <h2 id={headingId}>Automatic backups</h2>
        {loaded.status === 'loading' ? (
          <p>Loading the backup settings…</p>
        ) : (
          <p class="page-error">Couldn't read the backup settings: {loaded.error}</p>
        )}
      </section>
    );
  }

  const { settings, state } = loaded;
  const last = describeLastBackup(state, formatTime);
  const lastRun = describeLastRun(state, formatTime);
  const intervals = INTERVAL_CHOICES.some((c) => c.minutes === settings.intervalMinutes)
    ? INTERVAL_CHOICES
    : [...INTERVAL_CHOICES, { minutes: settings.intervalMinutes, label: describeInterval(settings.intervalMinutes) }];

  return (
    <section class="backups" aria-labelledby={headingId} data-testid="backups">
      <h2 id={headingId}>Automatic backups</h2>
      <p class="intro">
        Sourcemark can save everything you made, on a schedule, as a file in the <strong>Sourcemark</strong> folder of
        your downloads: only when something changed since the last one. At each backup or check, older backup
        files beyond the number to keep are deleted (only files Sourcemark wrote).
      </p>
      <div class="backup-form">
        <label class="switch" for={enabledId}>
          <input
            id={enabledId}
            type="checkbox"
            role="switch"
            checked={settings.enabled}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              void change(
                (s) => ({ ...s, enabled: on }),
                () => (on ? 'Automatic backups are on. A first backup is written now unless a recent one is kept.' : 'Automatic backups are off.'),
              );
            }}
          />
          <span>Back up automatically</span>
        </label>
        <div class="field-row">
          <div class="field">
            <label for={formatId}>Format</label>
            <select
              id={formatId}
              value={settings.format}
              onChange={(event) => {
                const format = event.currentTarget.value;
                void change((s) => ({ ...s, format }), () => 'Saved the backup format.');
              }}
            >
              {EXPORT_FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={intervalId}>How often</label>
            <select
              id={intervalId}
              value={String(settings.intervalMinutes)}
              onChange={(event) => {
                const minutes = Number(event.currentTarget.value);
                void change((s) => ({ ...s, intervalMinutes: minutes }), (s) => `Backups are checked ${describeInterval(s.intervalMinutes)}.`);
              }}
            >
              {intervals.map((c) => (
                <option key={c.minutes} value={String(c.minutes)}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={keepId}>Files to keep</label>
            <input
              id={keepId}
              class="keep"
              type="number"
              inputMode="numeric"
              min={MIN_KEEP}
              max={MAX_KEEP}
              step={1}
              value={keepDraft ?? String(settings.keep)}
              aria-invalid={keepError !== null}
              aria-describedby={keepError ? keepErrorId : undefined}
              onInput={(event) => setKeepDraft(event.currentTarget.value)}
              onChange={(event) => commitKeep(event.currentTarget.value)}
            />
          </div>
        </div>
        {keepError && (
          <p class="form-error" id={keepErrorId}>
            {keepError}
          </p>
        )}
        <p class="hint" data-testid="backup-schedule">
          {describeSchedule(settings)}
        </p>
        <div class="actions">
          <button type="button" onClick={backUpNow} aria-disabled={running}>
            Back up now
          </button>
        </div>
      </div>
      <dl class="backup-facts">
        <div>
          <dt>Last backup</dt>
          <dd data-testid="backup-last">{last ?? 'none yet'}</dd>
        </div>
      </dl>
      {lastRun && (
        <p class={lastRun.tone === 'error' ? 'page-error' : 'hint'} data-testid="backup-last-run">
          {lastRun.text}
        </p>
      )}
      {state.warnings.length > 0 && (
        <ul class="backup-warnings" data-testid="backup-warnings">
          {state.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <p class={persistence?.status === 'granted' ? 'hint' : 'persistence-warning'} data-testid="persistence">
        {persistence ? describePersistence(persistence) : 'Persistent storage: asking the browser…'}
      </p>
      {/* Its own live region, announced politely; not role="status", which the page's sources section has (one per page). */}
      <div aria-live="polite" data-testid="backup-status" class="status">
        {status.message && (
          <p key={status.message.seq} class={`status-${status.message.tone}`}>
            {status.message.text}
          </p>
        )}
      </div>
    </section>
  );
}
