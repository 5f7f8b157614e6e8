/**
 * "Share {source} with team": a checkbox under a source's rating in the popup. Ticking it stores
 * the choice at once (no Save button: it is one bit, and undone by unticking).
 */
import { useState } from 'preact/hooks';

/** Props of `SyncShareSource`. */
export type SyncShareSourceProps = {
  sourceName: string;
  /** The stored choice. */
  shared: boolean;
  /** Store the choice; resolves false when that failed (the caller has said why). */
  onChange(shared: boolean): Promise<boolean>;
};

/** The checkbox; it shows the choice at once and springs back if storing it fails. */
export function SyncShareSource({ sourceName, shared, onChange }: SyncShareSourceProps) {
  const [pending, setPending] = useState<boolean | null>(null);
  return (
    <label class="field share">
      <input
        type="checkbox"
        checked={pending ?? shared}
        onChange={async (event) => {
          const next = event.currentTarget.checked;
          setPending(next);
          await onChange(next);
          setPending(null);
        }}
      />{' '}
      Share {sourceName} and its rating with team
    </label>
  );
}
