/**
 * The library's "Not found on their page" section: saved annotations their page could not anchor
 * the last time the popup read it (lib/library/orphan-record.ts). Each links to its page, where
 * the user selects the sentence and re-attaches it from the popup, and can be deleted here (with
 * an undo). Deleted ones leave the list; found again, they leave the record.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { orphanIdsOf, type OrphanRecord } from '../../lib/library/orphan-record';
import type { OrphanRecordStore } from '../../lib/library/orphan-record-storage';
import type { Annotation } from '../../lib/model';
import { excerpt } from '../../lib/popup/labels';
import { quoteSelectorOf } from '../../lib/popup/match-annotation';
import { messageOf } from '../../lib/popup/ports';
import { annotationsByIds, deleteAnnotations, restoreAnnotations } from '../../lib/store/annotations';
import type { SourcemarkDb } from '../../lib/store/db';
import type { StatusTone } from '../StatusRegion';
import { useLiveQuery } from '../use-live-query';

/** Props of `OrphanedAnnotations`. */
export type OrphanedAnnotationsProps = {
  db: SourcemarkDb;
  /** Where the popup records each page's orphans. */
  store: Pick<OrphanRecordStore, 'load'>;
  /** The clock for `deletedAt`. */
  now: () => Date;
  /** The library's status line. */
  announce(tone: StatusTone, text: string): void;
};

/** `<section data-testid="library-orphans">`; nothing when no live annotation is recorded as not found. */
export function OrphanedAnnotations({ db, store, now, announce }: OrphanedAnnotationsProps) {
  const headingId = useId();
  const [record, setRecord] = useState<OrphanRecord | null>(null);
  const [deleted, setDeleted] = useState<Annotation | null>(null);
  const [busy, setBusy] = useState(false);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    store.load().then(setRecord, (error: unknown) => announce('error', `Couldn't read which annotations were not found on their page: ${messageOf(error)}`));
  }, [store]);
  useEffect(() => {
    if (deleted) undoRef.current?.focus();
  }, [deleted]);
  const ids = record ? orphanIdsOf(record) : null;
  const found = useLiveQuery<Annotation[]>(
    ids && ids.length > 0 ? async () => (await annotationsByIds(db, ids)).filter((a) => !a.deletedAt) : null,
    [db, ids?.join('\n')],
  );
  if (found.status === 'failed') return <p class="page-error">Couldn't read the annotations not found on their page: {found.error.message}</p>;
  const live = found.status === 'ready' ? found.value : [];
  if (live.length === 0 && !deleted) return null;

  const act = async (what: string, action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await action();
    } catch (error) {
      announce('error', `Couldn't ${what}: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };
  const quoteOf = (a: Annotation) => quoteSelectorOf(a)?.exact ?? '';
  const remove = (a: Annotation) =>
    act('delete the annotation', async () => {
      await deleteAnnotations(db, [a.id], now());
      setDeleted(a);
      announce('success', `Deleted the annotation on “${excerpt(quoteOf(a))}”. Undo brings it back.`);
    });
  const undo = (a: Annotation) =>
    act('undo the delete', async () => {
      await restoreAnnotations(db, [a.id], now());
      setDeleted(null);
      announce('success', `Restored the annotation on “${excerpt(quoteOf(a))}”.`);
    });

  return (
    <section class="library-orphans" aria-labelledby={headingId} data-testid="library-orphans">
      <h2 id={headingId}>Not found on their page ({live.length})</h2>
      <p class="detail">
        Their page’s text changed or was removed the last time it was read. Open the page, select the sentence the annotation belongs
        to, and press “Re-attach to selected text” in the Sourcemark popup; or delete it.
      </p>
      {deleted && (
        <p data-testid="library-orphan-deleted">
          Deleted the annotation on “{excerpt(quoteOf(deleted))}”.{' '}
          <button type="button" ref={undoRef} aria-disabled={busy} onClick={() => void undo(deleted)}>
            Undo delete
          </button>
        </p>
      )}
      <ul class="orphan-rows">
        {live.map((a) => (
          <li key={a.id} data-testid="library-orphan">
            <blockquote class="orphan-quote">{quoteOf(a) || '(no saved quote)'}</blockquote>
            {a.note.trim() ? <p>Note: {a.note}</p> : null}
            <p>
              <a href={a.url} target="_blank" rel="noopener">
                {a.pageTitle || a.url}
              </a>{' '}
              <button type="button" aria-label={`Delete the annotation on “${excerpt(quoteOf(a) || a.url)}”`} aria-disabled={busy} onClick={() => void remove(a)}>
                Delete
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
