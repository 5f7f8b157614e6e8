/**
 * `ExportPanel`, loaded the first time it is shown. The popup opens far more often than anyone
 * exports from it, and the panel brings every export format's code (lib/exchange): left out of
 * the popup's first screen, that is less script to load, parse and run before it paints.
 */
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '../lib/popup/ports';
import type { ExportPanel, ExportPanelProps } from './ExportPanel';

/** Where the panel's code stands. */
type Loading = { status: 'loading' } | { status: 'ready'; Panel: typeof ExportPanel } | { status: 'failed'; error: string };

/** `ExportPanel` with the same props, once its code has loaded (a moment after it is first opened). */
export function LazyExportPanel(props: ExportPanelProps) {
  const [loading, setLoading] = useState<Loading>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    import('./ExportPanel').then(
      (module) => {
        if (current) setLoading({ status: 'ready', Panel: module.ExportPanel });
      },
      (error: unknown) => {
        if (current) setLoading({ status: 'failed', error: messageOf(error) });
      },
    );
    return () => {
      current = false;
    };
  }, []);
  if (loading.status === 'failed') {
    return (
      <p class="page-error" role="alert">
        Couldn't load the export choices: {loading.error}. Close and reopen the popup to try again.
      </p>
    );
  }
  if (loading.status === 'loading') return <p aria-busy="true">Loading the export choices…</p>;
  return <loading.Panel {...props} />;
}
