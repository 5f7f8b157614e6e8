/**
 * The library's list, virtual: it is as tall as all its rows, but only the rows in view (and a
 * few either side) are in the DOM, so 100,000 annotations scroll like 50. The page scrolls (not
 * an inner box), so zooming and the keyboard's Page Down work as on any page.
 *
 * Rows have one height, set in CSS in `rem` (`--row-height`) and measured in pixels here, again
 * on every resize (zoom resizes the layout). Rows not loaded yet show as placeholders while the
 * next ones are read.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TierLookup } from '../../lib/library/plan';
import { rowTier, type LibraryRow } from '../../lib/library/rows';
import { AnnotationRow } from './AnnotationRow';

/** Rows rendered beyond each edge of the view. */
export const OVERSCAN = 6;
/** The row height used until one is measured (and where there is no layout, as in tests). */
export const FALLBACK_ROW_PX = 150;

/** Props of `AnnotationList`. */
export type AnnotationListProps = {
  rows: readonly LibraryRow[];
  /** Number of matches when known; else the list is as long as the rows loaded (plus one while more may come). */
  total: number | null;
  done: boolean;
  selected: ReadonlySet<string>;
  /** The row `j`/`k` move to, -1 for none. */
  current: number;
  /** Changes each time the page wants the focus on the current row. */
  focusRequest: number;
  tiers: TierLookup;
  /** The id of the heading that names the list. */
  labelledBy: string;
  onToggle(id: string, index: number): void;
  onFocusRow(index: number): void;
  /** Rows up to this index are about to be shown: load them. */
  onNeedRows(index: number): void;
};

/** The first and last (exclusive) row indexes to render. */
type Range = { start: number; end: number };

/** The rows of a list of `count` rows `rowPx` high whose top is `listTop` px from the view's top, in a view `viewPx` high. */
export function visibleRange(listTop: number, viewPx: number, rowPx: number, count: number, overscan = OVERSCAN): Range {
  const first = Math.floor(-listTop / rowPx);
  const last = Math.ceil((viewPx - listTop) / rowPx);
  return { start: Math.max(0, Math.min(count, first - overscan)), end: Math.max(0, Math.min(count, last + overscan)) };
}

/** The virtual list of annotations. */
export function AnnotationList(props: AnnotationListProps) {
  const { rows, total, done, selected, current, focusRequest, tiers, labelledBy, onToggle, onFocusRow, onNeedRows } = props;
  const count = total ?? rows.length + (done ? 0 : 1);
  const listRef = useRef<HTMLUListElement>(null);
  const probeRef = useRef<HTMLDivElement>(null);
  const [rowPx, setRowPx] = useState(FALLBACK_ROW_PX);
  const [range, setRange] = useState<Range>(() => visibleRange(0, 900, FALLBACK_ROW_PX, count));

  // Measure the row height now and after every resize or zoom.
  useLayoutEffect(() => {
    const measure = () => {
      const px = probeRef.current?.getBoundingClientRect().height ?? 0;
      setRowPx(px > 0 ? px : FALLBACK_ROW_PX);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  // Follow the page's scroll: one update per frame at most.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const list = listRef.current;
      if (!list) return;
      const next = visibleRange(list.getBoundingClientRect().top, window.innerHeight, rowPx, count);
      setRange((previous) => (previous.start === next.start && previous.end === next.end ? previous : next));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [rowPx, count]);

  const lastWanted = Math.max(range.end, current + 1) - 1;
  useEffect(() => {
    if (lastWanted >= rows.length - OVERSCAN && !done) onNeedRows(lastWanted + OVERSCAN);
  }, [lastWanted, rows.length, done]);

  // Focus the current row when the page asks (j/k); focusing scrolls it into view. A row not
  // loaded yet takes the focus when it arrives (and only then: a later load never steals it).
  const focusPending = useRef(false);
  useEffect(() => {
    if (focusRequest > 0) focusPending.current = true;
  }, [focusRequest]);
  useEffect(() => {
    if (!focusPending.current || current < 0) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (row) {
      focusPending.current = false;
      row.focus();
    }
  }, [focusRequest, rows.length, current]);

  const indexes: number[] = [];
  for (let i = range.start; i < range.end; i++) indexes.push(i);
  if (current >= 0 && current < count && (current < range.start || current >= range.end)) indexes.push(current);

  return (
    <div class="list-frame">
      <div class="row-probe" ref={probeRef} aria-hidden="true" />
      <ul
        class="annotation-list"
        ref={listRef}
        aria-labelledby={labelledBy}
        style={{ height: `${count * rowPx}px` }}
        data-testid="annotation-list"
      >
        {indexes.map((index) => {
          const row = rows[index];
          if (!row) {
            return (
              <li key={`placeholder-${index}`} class="row placeholder" style={{ transform: `translateY(${index * rowPx}px)` }} aria-hidden="true">
                Loading…
              </li>
            );
          }
          const tier = rowTier(row, tiers);
          return (
            <AnnotationRow
              key={row.id}
              row={row}
              index={index}
              setSize={total ?? -1}
              top={index * rowPx}
              selected={selected.has(row.id)}
              current={index === current}
              tier={tier.tier}
              tierLabel={tier.label}
              onToggle={onToggle}
              onFocusRow={onFocusRow}
            />
          );
        })}
      </ul>
    </div>
  );
}
