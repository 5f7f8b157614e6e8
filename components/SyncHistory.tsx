/**
 * The versions of an annotation that lost a sync conflict: another device's later edit won,
 * and this one was kept, not dropped. Shown under the claim in the popup.
 */
import { VERDICT_LABELS, type Annotation } from '../lib/model';

/** Props of `SyncHistory`. */
export type SyncHistoryProps = { annotation: Annotation | undefined };

/** A disclosure "Earlier versions (n)" listing each set-aside version's note, verdict and time; nothing without history. */
export function SyncHistory({ annotation }: SyncHistoryProps) {
  const history = annotation?.history ?? [];
  if (history.length === 0) return null;
  return (
    <details class="sync-history" data-testid="sync-history">
      <summary>
        Earlier versions ({history.length}): replaced by a later edit from another device
      </summary>
      <ol>
        {history.map((version) => (
          <li key={`${version.replacedAt}-${version.annotation.updatedAt}`} data-testid="sync-history-version">
            <span class="detail">Edited {new Date(version.annotation.updatedAt).toLocaleString()}{version.annotation.deletedAt ? ' (deleted)' : ''}: </span>
            <span data-testid="sync-history-note">{version.annotation.note || '(no note)'}</span>
            {version.annotation.verdict && <span> · {VERDICT_LABELS[version.annotation.verdict.rating]}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
