/**
 * The library's rows for the current query: the first page as soon as the query changes, more
 * as the list scrolls, and a fresh read when the data changes. Answers for an older query are
 * dropped (see `createLatestRunner`), so what shows is always the current query's.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createLatestRunner, type LatestRunner } from '../../lib/library/latest';
import type { TierLookup } from '../../lib/library/plan';
import { queryKey, type LibraryQuery } from '../../lib/library/query';
import { toLibraryRow, type LibraryRow } from '../../lib/library/rows';
import type { SourcemarkDb } from '../../lib/store/db';
import { openLibraryQuery, type LibraryCursor } from '../../lib/store/library';

/** Rows per read. */
export const PAGE_ROWS = 50;
/** Most rows a refresh reads again at once (the rest load again as the list scrolls to them). */
const MAX_REFRESH_ROWS = 1000;

/** The rows of one query. */
export type LibraryResults = {
  /** `queryKey` of the query these rows answer. */
  key: string;
  status: 'loading' | 'ready' | 'failed';
  /** Why the read failed. */
  error: string | null;
  rows: LibraryRow[];
  /** All matches, when known. */
  total: number | null;
  /** True when every match is in `rows`. */
  done: boolean;
};

type Request = { query: LibraryQuery; key: string; tiers: TierLookup; want: number };
type Loaded = { cursor: LibraryCursor; rows: LibraryRow[] };

/** What the page does with its results. */
export type LibraryResultsControl = {
  results: LibraryResults;
  /** Make sure rows up to `index` are loaded (or loading). */
  loadUpTo(index: number): void;
  /** Read the current query again (after a change to the data). */
  refresh(): void;
};

/**
 * Follow `query`. `tiers` are only waited for when the query filters by tier: the rows don't
 * depend on them otherwise, and the first page shouldn't wait for the sources.
 */
export function useLibraryResults(db: SourcemarkDb, query: LibraryQuery, tiers: TierLookup | null): LibraryResultsControl {
  const key = queryKey(query);
  const [results, setResults] = useState<LibraryResults>({ key, status: 'loading', error: null, rows: [], total: null, done: false });
  const cursor = useRef<LibraryCursor | null>(null);
  /** The cursor a `loadUpTo` is reading from: a cursor is read by one call at a time. */
  const reading = useRef<LibraryCursor | null>(null);
  const latest = useRef(results);
  latest.current = results;

  const runner = useMemo<LatestRunner<Request>>(
    () =>
      createLatestRunner<Request, Loaded>(
        async (request) => {
          const opened = await openLibraryQuery(db, request.query, request.tiers);
          const rows = (await opened.next(request.want)).map(toLibraryRow);
          return { cursor: opened, rows };
        },
        (request, outcome) => {
          if (outcome.ok) {
            cursor.current = outcome.value.cursor;
            setResults({
              key: request.key,
              status: 'ready',
              error: null,
              rows: outcome.value.rows,
              total: outcome.value.cursor.total,
              done: outcome.value.cursor.done,
            });
          } else {
            cursor.current = null;
            const error = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
            setResults({ key: request.key, status: 'failed', error, rows: [], total: null, done: true });
          }
        },
      ),
    [db],
  );
  useEffect(() => () => runner.dispose(), [runner]);

  const needsTiers = query.filters.tier !== undefined;
  const tiersForQuery: TierLookup | null = needsTiers ? tiers : EMPTY_TIERS;
  const run = (want: number) => {
    if (tiersForQuery === null) return;
    runner.run({ query, key, tiers: tiersForQuery, want });
  };

  // A layout effect, not an effect: the query starts as soon as the new view is rendered, not a frame later.
  useLayoutEffect(() => {
    setResults((previous) => (previous.key === key ? previous : { ...previous, key, status: 'loading' }));
    run(PAGE_ROWS);
  }, [key, tiersForQuery]);

  return {
    results,
    loadUpTo(index) {
      const current = cursor.current;
      const shown = latest.current;
      if (!current || reading.current === current || shown.done || shown.status !== 'ready' || index < shown.rows.length) return;
      reading.current = current;
      const done = () => {
        if (reading.current === current) reading.current = null;
      };
      const want = Math.min(MAX_REFRESH_ROWS, Math.max(PAGE_ROWS, index + PAGE_ROWS - shown.rows.length));
      current.next(want).then(
        (more) => {
          done();
          // A newer query or a refresh replaced the cursor meanwhile: these rows are not wanted.
          if (cursor.current !== current) return;
          setResults((previous) => ({
            ...previous,
            rows: [...previous.rows, ...more.map(toLibraryRow)],
            total: current.total,
            done: current.done,
          }));
        },
        (error: unknown) => {
          done();
          if (cursor.current !== current) return;
          setResults((previous) => ({ ...previous, status: 'failed', error: error instanceof Error ? error.message : String(error) }));
        },
      );
    },
    refresh() {
      cursor.current = null;
      run(Math.min(MAX_REFRESH_ROWS, Math.max(PAGE_ROWS, latest.current.rows.length)));
    },
  };
}

const EMPTY_TIERS: TierLookup = new Map();
