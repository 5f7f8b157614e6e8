/**
 * The progress bar of a long export or import, with its Cancel button: `role="progressbar"` with
 * `aria-valuenow` (a percentage) so screen readers say how far it is, and a text line that says
 * it in words. Without a known total the bar is indeterminate (no `aria-valuenow`).
 */

/** Props of `ExportProgress`. */
export type ExportProgressProps = {
  /** What is running ("Exporting", "Importing"). */
  label: string;
  /** Records done so far. */
  done: number;
  /** Records in all, when known. */
  total: number | null;
  /** Stop the work; nothing half-done is kept. */
  onCancel(): void;
};

/** Percent done, 0–100, or null when the total is unknown. */
export function percentOf(done: number, total: number | null): number | null {
  if (total === null) return null;
  if (total <= 0) return 100;
  return Math.min(100, Math.round((done / total) * 100));
}

/** A labelled progress bar and a Cancel button. */
export function ExportProgress({ label, done, total, onCancel }: ExportProgressProps) {
  const percent = percentOf(done, total);
  const words = total === null ? `${done.toLocaleString('en')} so far` : `${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
  return (
    <div class="exchange-progress" data-testid="exchange-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? words : `${percent}% (${words})`}
        class="progress-track"
      >
        <div class="progress-fill" style={{ width: `${percent ?? 100}%` }} data-indeterminate={percent === null} />
      </div>
      <p class="progress-words">
        {label}… {words}
      </p>
      <button type="button" class="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
