/** Saved annotations of this page that Sourcemark could not find on it: listed, never dropped. */
import { useId } from 'preact/hooks';
import { VERDICT_LABELS } from '../lib/model';
import { ORPHAN_REASON_TEXT, ORPHANS_HEADING, type OrphanEntry } from '../lib/popup/anchoring';
import { countOf } from '../lib/popup/labels';

/** Props of `OrphanList`. */
export type OrphanListProps = {
  /** The orphans, with their notes and verdicts (see `orphanEntries`). */
  entries: readonly OrphanEntry[];
};

/**
 * `<section data-testid="orphans">` headed "Not found on this page": one `data-testid="orphan"`
 * per annotation, with its stored quote, note, verdict and why it is not on the page.
 */
export function OrphanList({ entries }: OrphanListProps) {
  const headingId = useId();
  if (entries.length === 0) return null;
  return (
    <section data-testid="orphans" class="orphans" aria-labelledby={headingId}>
      <h2 id={headingId}>{ORPHANS_HEADING}</h2>
      <p class="detail">
        {countOf(entries.length, 'saved annotation')} of this page no longer {entries.length === 1 ? 'matches' : 'match'} its
        text. {entries.length === 1 ? 'It is' : 'They are'} kept, with your notes.
      </p>
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
        </article>
      ))}
    </section>
  );
}
