/**
 * Export with a choice of format and of what goes in (everything, this page, the library's view,
 * the selection, a date range), a progress bar and Cancel. The export itself runs in this page
 * (`ExportRunner`: Dexie read in pages, a Blob built from parts, a blob: URL for the downloads
 * API), so it works at any size.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isDay } from '../lib/library/query';
import { countOf } from '../lib/popup/labels';
import type { ExportScope } from '../lib/store/exchange';
import type { ExportRunner } from '../lib/store/exchange-export';
import { EXPORT_FORMATS, FORMAT_LABELS, type ExportFormat } from '../lib/store/exchange-formats';
import { ExportProgress } from './ExportProgress';
import { StatusRegion, useStatus } from './StatusRegion';

/** One "what to export" choice. */
export type ExportChoice = {
  /** Stable id of the choice (the radio's value). */
  id: string;
  /** What the user reads ("Everything", "This page"). */
  label: string;
  /** The scope, or null when the choice is not available now (`unavailable` says why). */
  scope: ExportScope | null;
  /** Why the choice can't be used now ("Nothing is selected"). */
  unavailable?: string;
};

/** Props of `ExportPanel`. */
export type ExportPanelProps = {
  /** The choices of what to export; the first available one is chosen at first. */
  choices: readonly ExportChoice[];
  /** Offer a date range (from/to days) as one more choice. */
  dateRange?: boolean;
  /** Runs an export in this page. */
  run: ExportRunner;
  /** Formats offered (all by default). */
  formats?: readonly ExportFormat[];
};

/** What the form holds. */
type FormState = {
  /** The chosen format. */
  format: ExportFormat;
  /** The id of the chosen "what to export". */
  choice: string;
  /** The date range's first and last days (YYYY-MM-DD, or '' for none). */
  from: string;
  to: string;
};

/** The id of the date-range choice. */
const DATES = 'dates';

/** Words for an error thrown by an export. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The export panel. */
export function ExportPanel({ choices, dateRange = false, run, formats = EXPORT_FORMATS }: ExportPanelProps) {
  const formatId = useId();
  const fromId = useId();
  const toId = useId();
  const groupName = useId();
  const status = useStatus();
  const [form, setForm] = useState<FormState>(() => ({
    format: formats[0] ?? 'json',
    choice: choices.find((c) => c.scope)?.id ?? choices[0]?.id ?? DATES,
    from: '',
    to: '',
  }));
  // What the form holds as of the last input event, ahead of the render: a click can come first.
  const latest = useRef(form);
  latest.current = form;
  const change = (patch: Partial<FormState>) => {
    latest.current = { ...latest.current, ...patch };
    setForm(latest.current);
  };
  const { format, choice, from, to } = form;
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null);
  const controller = useRef<AbortController | null>(null);
  // A panel closed mid-export (page left, popup closed) stops its export.
  useEffect(() => () => controller.current?.abort(), []);

  const scopeOf = (): ExportScope | string => {
    const { choice, from, to } = latest.current;
    const chosen = choices.find((c) => c.id === choice);
    if (choice === DATES) {
      if (from === '' && to === '') return 'Choose a first day, a last day, or both.';
      if ((from !== '' && !isDay(from)) || (to !== '' && !isDay(to))) return 'Days are written YYYY-MM-DD.';
      if (from !== '' && to !== '' && from > to) return 'The first day is after the last day.';
      return { kind: 'dates', ...(from !== '' && { from }), ...(to !== '' && { to }) };
    }
    if (!chosen) return 'Choose what to export.';
    return chosen.scope ?? chosen.unavailable ?? 'That choice is not available now.';
  };

  const start = async () => {
    if (controller.current) return;
    const scope = scopeOf();
    if (typeof scope === 'string') {
      status.announce('error', scope);
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ done: 0, total: null });
    status.announce('info', 'Exporting…');
    try {
      const summary = await run(scope, latest.current.format, { signal: abort.signal, onProgress: (done, total) => setProgress({ done, total }) });
      status.announce('success', `Exported ${countOf(summary.annotationCount, 'annotation')} to ${summary.filename}`);
    } catch (error) {
      if (abort.signal.aborted) status.announce('info', 'Export cancelled. No file was saved.');
      else status.announce('error', `Export failed: ${messageOf(error)}`);
    } finally {
      controller.current = null;
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <section class="export-panel" aria-label="Export" data-testid="export-panel">
      <fieldset disabled={busy}>
        <legend>What to export</legend>
        {choices.map((c) => (
          <label key={c.id} class="choice">
            <input type="radio" name={groupName} value={c.id} checked={choice === c.id} onChange={() => change({ choice: c.id })} />
            {c.label}
            {!c.scope && c.unavailable && <span class="hint"> ({c.unavailable})</span>}
          </label>
        ))}
        {dateRange && (
          <>
            <label class="choice">
              <input type="radio" name={groupName} value={DATES} checked={choice === DATES} onChange={() => change({ choice: DATES })} />
              Annotations made between two days
            </label>
            <div class="date-range">
              <div class="field">
                <label for={fromId}>From (first day)</label>
                <input id={fromId} type="date" value={from} onInput={(e) => change({ from: e.currentTarget.value, choice: DATES })} />
              </div>
              <div class="field">
                <label for={toId}>To (last day)</label>
                <input id={toId} type="date" value={to} onInput={(e) => change({ to: e.currentTarget.value, choice: DATES })} />
              </div>
            </div>
          </>
        )}
      </fieldset>
      <div class="field">
        <label for={formatId}>Format</label>
        <select id={formatId} value={format} disabled={busy} onChange={(e) => change({ format: e.currentTarget.value as ExportFormat })}>
          {formats.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={start} aria-disabled={busy}>
        Export
      </button>
      {progress && <ExportProgress label="Exporting" done={progress.done} total={progress.total} onCancel={() => controller.current?.abort()} />}
      <StatusRegion message={status.message} />
    </section>
  );
}
