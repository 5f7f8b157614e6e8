/**
 * One annotation in the library's list: a checkbox to select it, the quote as a link that opens
 * its page scrolled to it, who it comes from and that source's tier, the verdict, the note, the
 * tags, the site and the day. Rows have one fixed height (the list is virtual): long texts are
 * cut by CSS, and the whole quote is in the link's title.
 */
import { SOURCE_TYPE_LABELS } from '../../lib/popup/labels';
import { localDay, verdictLabel, type LibraryRow } from '../../lib/library/rows';
import type { CredibilityTier } from '../../lib/model';

/** Props of `AnnotationRow`. */
export type AnnotationRowProps = {
  row: LibraryRow;
  /** Position in the whole result list, from 0. */
  index: number;
  /** Number of results (for `aria-setsize`), -1 when not known yet. */
  setSize: number;
  /** Pixels from the list's top. */
  top: number;
  selected: boolean;
  /** True for the row `j`/`k` move to: it takes the focus. */
  current: boolean;
  tier: CredibilityTier;
  tierLabel: string;
  onToggle(id: string, index: number): void;
  onFocusRow(index: number): void;
};

/** One row of the library's list (only the visible rows are rendered, so no memoisation is needed). */
export function AnnotationRow({ row, index, setSize, top, selected, current, tier, tierLabel, onToggle, onFocusRow }: AnnotationRowProps) {
  const quoteId = `quote-${row.id}`;
  const day = localDay(row.createdAt);
  return (
    <li
      class={`row${selected ? ' selected' : ''}${current ? ' current' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="annotation-row"
      data-id={row.id}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-labelledby={quoteId}
      tabIndex={current ? 0 : -1}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(index);
      }}
    >
      <input
        type="checkbox"
        class="row-select"
        checked={selected}
        aria-label={`Select: ${row.quote.slice(0, 80)}`}
        onChange={() => onToggle(row.id, index)}
        onFocus={() => onFocusRow(index)}
      />
      <div class="row-body">
        <a
          id={quoteId}
          class="row-quote"
          href={row.href}
          target="_blank"
          rel="noopener noreferrer"
          title={row.quote}
          data-testid="row-quote"
          onFocus={() => onFocusRow(index)}
        >
          {row.quote || '(no quote)'}
        </a>
        <p class="row-meta">
          <span class="row-source" data-testid="row-source">
            {row.sourceLabel || 'No source found'}
          </span>
          <span class="visually-hidden">, {SOURCE_TYPE_LABELS[row.sourceType]}</span>
          {' · '}
          <span class={`tier tier-${tier}`} data-testid="row-tier">
            {tierLabel}
          </span>
          {' · '}
          <span class={`row-verdict verdict-${row.verdict}`} data-testid="row-verdict">
            {verdictLabel(row.verdict)}
          </span>
        </p>
        {row.note !== '' && (
          <p class="row-note" data-testid="row-note">
            <span class="visually-hidden">Note: </span>
            {row.note}
          </p>
        )}
        <p class="row-facts">
          <span data-testid="row-site">{row.site || row.pageTitle}</span>
          {day !== '' && (
            <>
              {' · '}
              <time dateTime={row.createdAt}>{day}</time>
            </>
          )}
          {row.tags.length > 0 && (
            <>
              {' · '}
              <span class="visually-hidden">Tags: </span>
              <span class="row-tags" data-testid="row-tags">
                {row.tags.map((tag) => (
                  <span class="tag" key={tag}>
                    {tag}
                  </span>
                ))}
              </span>
            </>
          )}
        </p>
      </div>
    </li>
  );
}
