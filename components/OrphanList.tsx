/** Saved annotations of this page that Sourcemark could not find on it: listed, never dropped. */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { VERDICT_LABELS } from '../lib/model';
import { ORPHAN_REASON_TEXT, ORPHANS_HEADING, type OrphanEntry } from '../lib/popup/anchoring';
import { countOf, excerpt } from '../lib/popup/labels';
import type { OrphanActions } from './orphan-actions';

/** Props of `OrphanList`. */
export type OrphanListProps = {
  /** The orphans, with their notes and verdicts (see `orphanEntries`). */
  entries: readonly OrphanEntry[];
  /** Delete, undo and re-attach; without them the list only shows. */
  actions?: OrphanActions;
};

/** What the Re-attach buttons describe themselves with: what to do first. */
const REATTACH_HINT = 'Select the sentence it belongs to on the page first, then open this popup and press this button.';

/**
 * `<section data-testid="orphans">` headed "Not found on this page": one `data-testid="orphan"`
 * per annotation, with its stored quote, note, verdict and why it is not on the page.
 */
export function OrphanList({ entries, actions }: OrphanListProps) {
  const headingId = useId();
  const hintId = useId();
  /** The orphan just deleted: its Undo button shows (and takes focus) until used or another is deleted. */
  const [deleted, setDeleted] = useState<OrphanEntry | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (deleted) undoRef.current?.focus();
  }, [deleted]);
  if (entries.length === 0 && !deleted) return null;
  const run = async (entry: OrphanEntry, action: () => Promise<boolean>, after?: (done: boolean) => void) => {
    if (busy) return;
    setBusy(entry.annotationId);
    try {
      // Not `after?.(await action())`: an optional call skips its arguments when `after` is absent.
      const done = await action();
      after?.(done);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section data-testid="orphans" class="orphans" aria-labelledby={headingId}>
      <h2 id={headingId}>{ORPHANS_HEADING}</h2>
      {entries.length > 0 && <p class="detail">
        {countOf(entries.length, 'saved annotation')} of this page no longer {entries.length === 1 ? 'matches' : 'match'} its
        text. {entries.length === 1 ? 'It is' : 'They are'} kept, with your notes.
        {actions && ' Re-attach one to the sentence you select on the page, or delete it.'}
      </p>}
      {actions && <p hidden id={hintId}>{REATTACH_HINT}</p>}
      {actions && deleted && (
        <p data-testid="orphan-deleted" class="orphan-deleted">
          Deleted the annotation on “{excerpt(deleted.quote || 'no saved quote')}”.{' '}
          <button
            type="button"
            ref={undoRef}
            aria-disabled={busy !== null}
            onClick={() => void run(deleted, () => actions.onUndoDelete(deleted), (done) => done && setDeleted(null))}
          >
            Undo delete
          </button>
        </p>
      )}
      {entries.map((entry) => (
        <article key={entry.annotationId} data-testid="orphan" class="orphan" data-reason={entry.reason}>
          {entry.quote ? (
            <blockquote class="orphan-quote" data-testid="orphan-quote">
              {entry.quote}
            </blockquote>
          ) : null}
          <p class="orphan-reason">{ORPHAN_REASON_TEXT[entry.reason]}</p>
          {entry.note.trim() ? <p data-testid="orphan-note">Note: {entry.note}</p> : null}
          {entry.verdict ? <p data-testid="orphan-verdict">Verdict: {VERDICT_LABELS[entry.verdict.rating]}</p> : null}
          {entry.updatedAt ? (
            <p class="detail">
              Saved <time dateTime={entry.updatedAt}>{entry.updatedAt.slice(0, 10)}</time>
            </p>
          ) : null}
          {actions && (
            <div class="orphan-actions">
              <button
                type="button"
                aria-describedby={hintId}
                aria-label={`Re-attach to selected text: “${excerpt(entry.quote || 'annotation')}”`}
                aria-disabled={busy !== null}
                onClick={() => void run(entry, () => actions.onReattach(entry))}
              >
                Re-attach to selected text
              </button>{' '}
              <button
                type="button"
                aria-label={`Delete the annotation on “${excerpt(entry.quote || 'no saved quote')}”`}
                aria-disabled={busy !== null}
                onClick={() => void run(entry, () => actions.onDelete(entry), (done) => done && setDeleted(entry))}
              >
                Delete
              </button>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
