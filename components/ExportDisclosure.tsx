/**
 * A `<details>` for the export and import panels whose content exists only while it is open: a
 * closed disclosure then holds no controls, so Tab never stops at (or misses) hidden ones, and
 * its content takes no room until asked for.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** Props of `ExportDisclosure`. */
export type ExportDisclosureProps = {
  /** The summary's words ("Export and import…"). */
  summary: string;
  /** The class of the `<details>`, for layout. */
  class?: string;
  /** `data-testid` of the `<details>`. */
  testid?: string;
  /** The content, built only while open. */
  children: () => ComponentChildren;
};

/** A disclosure that renders its content only while open. */
export function ExportDisclosure({ summary, class: className, testid, children }: ExportDisclosureProps) {
  const [open, setOpen] = useState(false);
  return (
    <details class={className} data-testid={testid} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
