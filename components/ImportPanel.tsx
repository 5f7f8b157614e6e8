/**
 * Import a file: choose it, it is read and validated, the panel shows what the import would do
 * (added, updated, unchanged, skipped and why), and only Confirm writes, everything in one
 * transaction. Cancel at any step writes nothing. A file that isn't valid gets a message naming
 * its first problem. Text from the file is only ever shown as text.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { countOf } from '../lib/popup/labels';
import type { SourcemarkDb } from '../lib/store/db';
import { describeSkip, type SkipReason } from '../lib/exchange/merge-plan';
import { applyImportPlan, planImport, planWrites, type ImportPlan, type MergePlan } from '../lib/store/exchange';
import { readImportFile, type ReadImportResult } from '../lib/store/exchange-formats';
import { ExportProgress } from './ExportProgress';

/** Props of `ImportPanel`. */
export type ImportPanelProps = {
  /** The open database. */
  db: SourcemarkDb;
  /** Read and validate a chosen file (`readImportFile` by default). */
  readFile?: typeof readImportFile;
  /** Called after an import wrote something (the page refreshes what it shows). */
  onImported?(): void;
};

/** Where the import is. */
type Stage =
  | { kind: 'idle' }
  | { kind: 'working'; label: string; done: number; total: number | null }
  | { kind: 'invalid'; fileName: string; error: string }
  | { kind: 'review'; fileName: string; plan: ImportPlan }
  | { kind: 'done'; text: string }
  | { kind: 'cancelled'; text: string }
  | { kind: 'failed'; text: string };

/** Skipped records listed by id before "and N more". */
const SKIPPED_SHOWN = 20;

/** Words for a thrown value. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The import panel. */
export function ImportPanel({ db, readFile = readImportFile, onImported }: ImportPanelProps) {
  const fileId = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Leaving the page mid-import aborts it (an apply in progress rolls back).
  useEffect(() => () => controller.current?.abort(), []);

  const begin = () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    return abort.signal;
  };
  const finish = () => {
    controller.current = null;
    if (input.current) input.current.value = '';
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const signal = begin();
    try {
      setStage({ kind: 'working', label: 'Reading the file', done: 0, total: file.size });
      const read: ReadImportResult = await readFile(file, { signal, onProgress: (done, total) => setStage({ kind: 'working', label: 'Reading the file', done, total }) });
      if (!read.ok) {
        setStage({ kind: 'invalid', fileName: file.name, error: read.error });
        return;
      }
      const { annotations, sources } = read.value;
      const total = annotations.length + sources.length;
      setStage({ kind: 'working', label: 'Comparing with your library', done: 0, total });
      const plan = await planImport(db, { annotations, sources }, { signal, onProgress: (done) => setStage({ kind: 'working', label: 'Comparing with your library', done, total }) });
      setStage({ kind: 'review', fileName: file.name, plan });
    } catch (error) {
      setStage(signal.aborted ? { kind: 'cancelled', text: 'Import cancelled. Nothing was written.' } : { kind: 'failed', text: `Couldn't read the file: ${messageOf(error)}. Nothing was written.` });
    } finally {
      finish();
    }
  };

  const confirm = async (plan: ImportPlan) => {
    const signal = begin();
    const total = planWrites(plan);
    setStage({ kind: 'working', label: 'Importing', done: 0, total });
    try {
      const result = await applyImportPlan(db, plan, { signal, onProgress: (done) => setStage({ kind: 'working', label: 'Importing', done, total }) });
      const overtaken = result.overtaken > 0 ? ` ${countOf(result.overtaken, 'record')} changed here meanwhile and kept your newer edit.` : '';
      setStage({ kind: 'done', text: `Imported ${countOf(result.annotationsWritten, 'annotation')} and ${countOf(result.sourcesWritten, 'source')}.${overtaken}` });
      if (result.annotationsWritten + result.sourcesWritten > 0) onImported?.();
    } catch (error) {
      setStage(signal.aborted ? { kind: 'cancelled', text: 'Import cancelled. Nothing was written.' } : { kind: 'failed', text: `Import failed: ${messageOf(error)}. Nothing was written.` });
    } finally {
      finish();
    }
  };

  const cancel = () => {
    if (controller.current) controller.current.abort();
    else setStage({ kind: 'cancelled', text: 'Import cancelled. Nothing was written.' });
  };

  const working = stage.kind === 'working';
  return (
    <section class="import-panel" aria-label="Import" data-testid="import-panel">
      <div class="field">
        <label for={fileId}>Import a file (Sourcemark JSON or W3C Web Annotation)…</label>
        <input
          id={fileId}
          ref={input}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          disabled={working || stage.kind === 'review'}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
      </div>
      {stage.kind === 'working' && <ExportProgress label={stage.label} done={stage.done} total={stage.total} onCancel={cancel} />}
      {stage.kind === 'invalid' && (
        <div role="alert" class="import-error" data-testid="import-error">
          <p>
            “{stage.fileName}”: <span data-testid="import-problem">{stage.error}</span>
          </p>
        </div>
      )}
      {stage.kind === 'review' && (
        <div class="import-review" data-testid="import-summary">
          <h3>What importing “{stage.fileName}” would do</h3>
          <PlanSummary what="annotation" plan={stage.plan.annotations} testid="annotations" />
          <PlanSummary what="source" plan={stage.plan.sources} testid="sources" />
          {planWrites(stage.plan) === 0 ? (
            <p>Nothing to write: your library already holds all of it.</p>
          ) : (
            <p>Nothing is written until you confirm.</p>
          )}
          <div class="actions">
            <button type="button" onClick={() => void confirm(stage.plan)} aria-disabled={planWrites(stage.plan) === 0} disabled={planWrites(stage.plan) === 0}>
              Confirm import
            </button>
            <button type="button" class="secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite" class="status" data-testid="import-status">
        {stage.kind === 'done' && <p class="status-success">{stage.text}</p>}
        {stage.kind === 'cancelled' && <p class="status-info">{stage.text}</p>}
        {stage.kind === 'failed' && <p class="status-error">{stage.text}</p>}
      </div>
    </section>
  );
}

/** Counts of one kind of record, and the skipped ones with their reasons. */
function PlanSummary({ what, plan, testid }: { what: string; plan: MergePlan<{ id: string }>; testid: string }) {
  const shown: { record: { id: string }; reason: SkipReason }[] = plan.skipped.slice(0, SKIPPED_SHOWN);
  return (
    <div class="plan" data-testid={`plan-${testid}`}>
      <h4>{what === 'annotation' ? 'Annotations' : 'Sources'}</h4>
      <dl class="plan-counts">
        <dt>Added</dt>
        <dd data-testid={`${testid}-added`}>{plan.added.length}</dd>
        <dt>Updated (newer in the file)</dt>
        <dd data-testid={`${testid}-updated`}>{plan.updated.length}</dd>
        <dt>Unchanged</dt>
        <dd data-testid={`${testid}-unchanged`}>{plan.unchanged.length}</dd>
        <dt>Skipped</dt>
        <dd data-testid={`${testid}-skipped`}>{plan.skipped.length}</dd>
      </dl>
      {shown.length > 0 && (
        <ul class="skipped" aria-label={`Skipped ${what}s`}>
          {shown.map((s, i) => (
            <li key={`${s.record.id}-${i}`}>
              <code>{s.record.id}</code>: {describeSkip(s.reason)}
            </li>
          ))}
          {plan.skipped.length > shown.length && <li>and {countOf(plan.skipped.length - shown.length, `other ${what}`)}</li>}
        </ul>
      )}
    </div>
  );
}
