/**
 * The library: every annotation the user made, on every page, in one searchable list. Reads the
 * db directly (an extension page may) through lib/store/library.ts, writes through the
 * annotation repository, and reaches the background only through the export port it is given.
 *
 * The view (search, filters, sort, and which tab) lives in the page's URL, replaced as it
 * changes, so a view can be bookmarked and survives a reload. The list follows changes made in
 * other extension pages (a save in the popup shows up here).
 */
import { liveQuery } from 'dexie';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { createLatestRunner } from '../../lib/library/latest';
import type { IndexImportedPort, SelectionExportPort } from '../../lib/library/ports';
import { formatQuery, isNarrowed, parseQuery, queryKey, withFilter, type LibraryQuery } from '../../lib/library/query';
import { normaliseTag } from '../../lib/library/tags';
import { countOf } from '../../lib/popup/labels';
import { messageOf } from '../../lib/popup/ports';
import type { Source } from '../../lib/model';
import { deleteAnnotations, restoreAnnotations, retagAnnotations } from '../../lib/store/annotations';
import type { SourcemarkDb } from '../../lib/store/db';
import type { LibraryFacets } from '../../lib/library/stats';
import { FACET_ALL } from '../../lib/library/facets';
import { loadLibraryFacets, tierLookup } from '../../lib/store/library';
import { drainPendingIndex, pendingIndexCount } from '../../lib/store/library-pending';
import { listStoredSources } from '../../lib/store/sources';
import type { ExportRunner } from '../../lib/store/exchange-export';
import { ExportDisclosure } from '../ExportDisclosure';
import { ExportPanel } from '../ExportPanel';
import { ImportPanel } from '../ImportPanel';
import { ShortcutList, type Shortcut } from '../ShortcutList';
import { StatusRegion, useStatus } from '../StatusRegion';
import { useLiveQuery } from '../use-live-query';
import { AnnotationList } from './AnnotationList';
import { OrphanedAnnotations } from './OrphanedAnnotations';
import type { OrphanRecordStore } from '../../lib/library/orphan-record-storage';
import { BulkActions } from './BulkActions';
import { FilterBar } from './FilterBar';
import { SourceStats } from './SourceStats';
import { useLibraryResults } from './use-library-results';

/** The library's two views. */
export type LibraryView = 'annotations' | 'sources';

/** Props of `LibraryPage`. */
export type LibraryPageProps = {
  /** The open Sourcemark database. */
  db: SourcemarkDb;
  /** Ask the background to export some annotations. */
  exportSelection: SelectionExportPort;
  /** The page's query string when it opened (`location.search`): the view to start with. */
  initialSearch: string;
  /** Put the view's query string in the address bar without a history entry (`history.replaceState`). */
  replaceSearch(search: string): void;
  /** The clock for `updatedAt` and `deletedAt`; the system clock by default. */
  now?: () => Date;
  /** Runs exports in this page; without it the page offers no "Export and import" section. */
  runExport?: ExportRunner;
  /** Which annotations their page could not anchor (recorded by the popup); without it no such section. */
  orphans?: Pick<OrphanRecordStore, 'load'>;
  /** Have the background index what an import stored; without it (or when it fails) this page does it. */
  indexImported?: IndexImportedPort;
};

/** The keyboard shortcuts, as the page lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['/'], what: 'search' },
  { keys: ['j'], what: 'next annotation' },
  { keys: ['k'], what: 'previous annotation' },
  { keys: ['x'], what: 'select or unselect it' },
  { keys: ['o'], what: 'open its page' },
  { keys: ['Delete'], what: 'delete the selected ones (or the current one)' },
  { keys: ['Esc'], what: 'from the search box back to the list' },
];

/** Where a keystroke is text input, so the page's shortcuts must leave it alone. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target.closest('textarea, select, [contenteditable="true"]') !== null;
}

/** The library page's root component. */
export function LibraryPage({ db, exportSelection, initialSearch, replaceSearch, now = () => new Date(), runExport, orphans, indexImported }: LibraryPageProps) {
  const listHeadingId = useId();
  const shortcutsHeadingId = useId();
  const [query, setQuery] = useState<LibraryQuery>(() => parseQuery(new URLSearchParams(initialSearch)));
  const [view, setView] = useState<LibraryView>(() => (new URLSearchParams(initialSearch).get('view') === 'sources' ? 'sources' : 'annotations'));
  const status = useStatus();
  const stored = useLiveQuery<Source[]>(() => listStoredSources(db), [db]);
  const storedSources = stored.status === 'ready' ? stored.value : null;
  // Imported annotations the library has not indexed yet (lib/store/library-pending.ts).
  const pending = useLiveQuery<number>(() => pendingIndexCount(db), [db]);
  const unindexed = pending.status === 'ready' ? pending.value : 0;
  const tiers = useMemo(() => (storedSources ? tierLookup(storedSources) : null), [storedSources]);
  const { results, loadUpTo, refresh } = useLibraryResults(db, query, tiers);
  const key = queryKey(query);
  const [facets, setFacets] = useState<LibraryFacets | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);
  const [busy, setBusy] = useState(false);
  const [undo, setUndo] = useState<{ ids: string[] } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // The view in the URL, replaced (not pushed) as it changes.
  useEffect(() => {
    const params = formatQuery(query);
    if (view === 'sources') params.set('view', 'sources');
    const search = params.toString();
    replaceSearch(search === '' ? '' : `?${search}`);
  }, [key, view]);

  // Facets (sources, sites, tags, per-source figures): after the first page, and after changes.
  const facetRunner = useMemo(
    () =>
      createLatestRunner<readonly Source[], LibraryFacets>(
        (sources) => loadLibraryFacets(db, sources),
        (_input, outcome) => {
          if (outcome.ok) setFacets(outcome.value);
          else status.announce('error', `Couldn't count the library by source: ${messageOf(outcome.error)}`);
        },
      ),
    [db],
  );
  useEffect(() => () => facetRunner.dispose(), [facetRunner]);
  const firstPageShown = results.status !== 'loading' || results.rows.length > 0;
  useEffect(() => {
    if (firstPageShown && storedSources) facetRunner.run(storedSources);
  }, [firstPageShown, storedSources]);

  // An import's annotations show once indexed: by the background, else here.
  const indexImportedAnnotations = async () => {
    const viaBackground = indexImported ? await indexImported() : null;
    if (viaBackground?.ok) return;
    await drainPendingIndex(db).catch((error: unknown) => status.announce('error', `Couldn't index the imported annotations for the library: ${messageOf(error)}`));
  };

  // Follow changes made anywhere (this page, the popup, another library tab).
  const onDataChanged = useRef(() => {});
  onDataChanged.current = () => {
    refresh();
    if (storedSources) facetRunner.run(storedSources);
  };
  useEffect(() => {
    let seen: string | null = null;
    // Cheap to re-run on every write: one counter row and one index key (never a count of the table).
    const subscription = liveQuery(() =>
      Promise.all([db.libraryFacets.get(FACET_ALL), db.annotations.orderBy('updatedAt').reverse().limit(1).keys()]),
    ).subscribe({
      next: ([all, newest]) => {
        const signature = `${all?.count ?? 0}|${String(newest[0] ?? '')}`;
        if (seen !== null && signature !== seen) onDataChanged.current();
        seen = signature;
      },
      error: (error: unknown) => status.announce('error', `Stopped following changes to the library: ${messageOf(error)}. Reload the page.`),
    });
    return () => subscription.unsubscribe();
  }, [db]);

  // A new view starts at its first row with nothing selected.
  useEffect(() => {
    setCurrent(0);
    setSelected(new Set());
  }, [key]);

  const rows = results.rows;
  const fresh = results.key === key;
  const count = results.total ?? rows.length;
  const clampedCurrent = Math.min(current, Math.max(0, count - 1));
  // The current row as of the last key press, ahead of the render (two keys can come before one).
  const currentRef = useRef(clampedCurrent);
  currentRef.current = clampedCurrent;

  const changeQuery = (next: LibraryQuery) => setQuery(next);
  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const selectAllShown = (select: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      for (const row of rows) {
        if (select) next.add(row.id);
        else next.delete(row.id);
      }
      return next;
    });

  const moveTo = (index: number) => {
    if (count === 0) return;
    const target = Math.max(0, Math.min(index, count - 1));
    if (target >= rows.length) loadUpTo(target);
    currentRef.current = target;
    setCurrent(target);
    setFocusRequest((n) => n + 1);
  };
  const focusRow = (index: number) => {
    currentRef.current = index;
    setCurrent(index);
  };

  const run = async (what: string, action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await action();
    } catch (error) {
      status.announce('error', `Couldn't ${what}: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const deleteIds = (ids: readonly string[]) =>
    run('delete', async () => {
      if (ids.length === 0) {
        status.announce('info', 'Nothing is selected. Select annotations with their checkboxes, or with x.');
        return;
      }
      const deleted = await deleteAnnotations(db, ids, now());
      setSelected(new Set());
      setUndo({ ids: deleted });
      status.announce('success', `Deleted ${countOf(deleted.length, 'annotation')}. Undo brings ${deleted.length === 1 ? 'it' : 'them'} back.`);
      refresh();
    });

  const deleteSelectedOrCurrent = () => {
    if (selected.size > 0) deleteIds([...selected]);
    else {
      const row = rows[currentRef.current];
      deleteIds(row ? [row.id] : []);
    }
  };

  const undoDelete = () =>
    run('undo the delete', async () => {
      if (!undo) return;
      const restored = await restoreAnnotations(db, undo.ids, now());
      setUndo(null);
      status.announce('success', `Restored ${countOf(restored.length, 'annotation')}.`);
      refresh();
    });

  const retag = (action: 'add' | 'remove', typed: string) =>
    run(action === 'add' ? 'add the tag' : 'remove the tag', async () => {
      const tag = normaliseTag(typed);
      const ids = [...selected];
      const changed = await retagAnnotations(db, ids, action === 'add' ? { add: tag } : { remove: tag }, now());
      setUndo(null);
      const rest = ids.length - changed.length;
      const already = rest > 0 ? ` ${countOf(rest, 'other')} ${action === 'add' ? 'already had it' : "didn't have it"}.` : '';
      status.announce(
        'success',
        action === 'add'
          ? `Added the tag “${tag}” to ${countOf(changed.length, 'annotation')}.${already}`
          : `Removed the tag “${tag}” from ${countOf(changed.length, 'annotation')}.${already}`,
      );
      refresh();
    });

  const exportSelected = () =>
    run('export', async () => {
      status.announce('info', `Exporting ${countOf(selected.size, 'annotation')}…`);
      const result = await exportSelection([...selected]);
      if (!result.ok) throw new Error(result.error);
      status.announce('success', `Exported ${countOf(result.value.annotationCount, 'annotation')} to ${result.value.filename}`);
    });

  // Keyboard shortcuts; the handler is replaced each render so it always sees the current state.
  const onKey = useRef<(event: KeyboardEvent) => void>(() => {});
  onKey.current = (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    if (event.key === '/') {
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
      return;
    }
    if (view !== 'annotations') return;
    const at = currentRef.current;
    const row = rows[at];
    switch (event.key) {
      case 'j':
        moveTo(at + 1);
        break;
      case 'k':
        moveTo(at - 1);
        break;
      case 'x':
        if (row) toggle(row.id);
        break;
      case 'o':
        document.querySelector<HTMLAnchorElement>(`[data-testid="annotation-row"][data-index="${at}"] a`)?.click();
        break;
      case 'Enter':
        if (event.target instanceof HTMLElement && event.target.dataset.testid === 'annotation-row') {
          event.target.querySelector<HTMLAnchorElement>('a')?.click();
        } else return;
        break;
      case 'Delete':
        deleteSelectedOrCurrent();
        break;
      default:
        return;
    }
    event.preventDefault();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const allShownSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const resultsState = fresh ? results.status : 'loading';

  return (
    <div class="library">
      <header class="library-header">
        <h1>Library</h1>
        <p class="intro">Every claim you annotated, on every page. Search, filter, and act on many at once.</p>
        <nav class="views" aria-label="Views">
          <button type="button" class={view === 'annotations' ? '' : 'secondary'} aria-pressed={view === 'annotations'} onClick={() => setView('annotations')}>
            Annotations
          </button>
          <button type="button" class={view === 'sources' ? '' : 'secondary'} aria-pressed={view === 'sources'} onClick={() => setView('sources')}>
            By source
          </button>
        </nav>
        <section class="shortcuts" aria-labelledby={shortcutsHeadingId}>
          <h2 id={shortcutsHeadingId} class="visually-hidden">
            Keyboard shortcuts
          </h2>
          <ShortcutList shortcuts={SHORTCUTS} />
        </section>
        {runExport && (
          <ExportDisclosure summary="Export and import…" class="exchange" testid="exchange">
            {() => (
              <>
                <ExportPanel
                  run={runExport}
                  dateRange
                  choices={[
                    { id: 'all', label: 'Everything (deleted annotations too, for a full backup)', scope: { kind: 'all' } },
                    { id: 'view', label: `The annotations this view shows${isNarrowed(query) ? ' (its search and filters)' : ''}`, scope: { kind: 'query', query, tiers: tiers ?? new Map() } },
                    {
                      id: 'selected',
                      label: `The selected annotations (${selected.size})`,
                      scope: selected.size > 0 ? { kind: 'ids', ids: [...selected] } : null,
                      unavailable: 'nothing is selected',
                    },
                  ]}
                />
                <ImportPanel
                  db={db}
                  onImported={() => {
                    onDataChanged.current();
                    void indexImportedAnnotations();
                  }}
                />
              </>
            )}
          </ExportDisclosure>
        )}
      </header>
      <main>
        {view === 'annotations' ? (
          <>
            <FilterBar
              query={query}
              facets={facets}
              searchRef={searchRef}
              onChange={changeQuery}
              onLeaveSearch={() => {
                searchRef.current?.blur();
                moveTo(clampedCurrent);
              }}
            />
            <BulkActions
              count={selected.size}
              shown={rows.length}
              allShownSelected={allShownSelected}
              busy={busy}
              tags={facets?.tags ?? []}
              onSelectAllShown={selectAllShown}
              onDelete={() => deleteIds([...selected])}
              onTag={retag}
              onExport={exportSelected}
              onClear={() => setSelected(new Set())}
            />
            {unindexed > 0 && (
              <p class="indexing" role="status" data-testid="indexing">
                Indexing {countOf(unindexed, 'imported annotation')} for the library… They appear here as they are ready.
              </p>
            )}
            <section
              class="results"
              aria-labelledby={listHeadingId}
              aria-busy={resultsState === 'loading'}
              data-testid="results"
              data-state={resultsState}
              data-query-key={results.key}
            >
              <h2 id={listHeadingId}>Annotations</h2>
              <p class="count" aria-live="polite" data-testid="results-count">
                {resultsState === 'loading' && rows.length === 0 ? 'Reading the library…' : describeCount(results.total, rows.length, query, resultsState === 'loading')}
              </p>
              {results.status === 'failed' && fresh && (
                <p class="page-error" role="alert" data-testid="results-error">
                  Couldn't read the library: {results.error}
                </p>
              )}
              {results.status === 'ready' && fresh && count === 0 && (
                <div class="empty" data-testid="results-empty">
                  {isNarrowed(query) ? (
                    <p>No annotation matches. Try fewer words, or clear the filters.</p>
                  ) : (
                    <p>Nothing here yet. Annotations you save in the Sourcemark popup on a news page show up here.</p>
                  )}
                </div>
              )}
              {count > 0 && (
                <AnnotationList
                  rows={rows}
                  total={results.total}
                  done={results.done}
                  selected={selected}
                  current={clampedCurrent}
                  focusRequest={focusRequest}
                  tiers={tiers ?? new Map()}
                  labelledBy={listHeadingId}
                  onToggle={toggle}
                  onFocusRow={focusRow}
                  onNeedRows={loadUpTo}
                />
              )}
            </section>
            {orphans && <OrphanedAnnotations db={db} store={orphans} now={now} announce={status.announce} />}
          </>
        ) : (
          <section class="by-source" aria-label="Annotations by source">
            <SourceStats
              stats={facets?.sources ?? null}
              tiers={tiers ?? new Map()}
              onShowSource={(sourceKey) => {
                setQuery(withFilter({ ...query, text: '', filters: {} }, 'source', sourceKey));
                setView('annotations');
              }}
            />
          </section>
        )}
      </main>
      <footer class="library-footer">
        <StatusRegion message={status.message} />
        {undo && (
          <button type="button" class="secondary" onClick={undoDelete} aria-disabled={busy} data-testid="undo">
            Undo
          </button>
        )}
      </footer>
    </div>
  );
}

/** "1,234 annotations", "12 match", "50 shown, more as you scroll". */
function describeCount(total: number | null, loaded: number, query: LibraryQuery, updating: boolean): string {
  const suffix = updating ? ' (updating…)' : '';
  if (total === null) return `${loaded.toLocaleString('en')} shown so far; more load as you scroll${suffix}`;
  const n = total.toLocaleString('en');
  if (!isNarrowed(query)) return `${n} ${total === 1 ? 'annotation' : 'annotations'}${suffix}`;
  return `${n} ${total === 1 ? 'annotation matches' : 'annotations match'}${suffix}`;
}
