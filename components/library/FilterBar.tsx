/**
 * The library's search box, filters and sort. Every control is labelled; choices come from what
 * the library holds (sources, sites, tags) and from the model's enumerations (types, tiers,
 * verdicts, origins), in words.
 */
import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import { SOURCE_TYPE_LABELS } from '../../lib/popup/labels';
import {
  ANNOTATION_ORIGINS,
  CREDIBILITY_TIERS,
  SOURCE_TYPES,
  TIER_LABELS,
  type AnnotationOrigin,
  type CredibilityTier,
  type SourceType,
} from '../../lib/model';
import { DEFAULT_DIRECTION, isNarrowed, VERDICT_KEYS, withFilter, type LibraryFilters, type LibraryQuery, type SortField } from '../../lib/library/query';
import { verdictLabel } from '../../lib/library/rows';
import type { LibraryFacets } from '../../lib/library/stats';
import type { VerdictKey } from '../../lib/library/index-fields';

/** Words for annotation origins. */
export const ORIGIN_LABELS: Record<AnnotationOrigin, string> = {
  detected: 'Detected, not reviewed',
  confirmed: 'Confirmed by you',
  corrected: 'Corrected by you',
  manual: 'Made by you',
};

/** Words for sorts, each with its direction. */
const SORT_CHOICES: { value: string; label: string; sort: SortField; direction: 'asc' | 'desc' }[] = [
  { value: 'date-desc', label: 'Newest first', sort: 'date', direction: 'desc' },
  { value: 'date-asc', label: 'Oldest first', sort: 'date', direction: 'asc' },
  { value: 'site-asc', label: 'Site, A to Z', sort: 'site', direction: 'asc' },
  { value: 'site-desc', label: 'Site, Z to A', sort: 'site', direction: 'desc' },
  { value: 'source-asc', label: 'Source, A to Z', sort: 'source', direction: 'asc' },
  { value: 'source-desc', label: 'Source, Z to A', sort: 'source', direction: 'desc' },
];

/** Props of `FilterBar`. */
export type FilterBarProps = {
  query: LibraryQuery;
  facets: LibraryFacets | null;
  /** The search box, for the `/` shortcut. */
  searchRef: Ref<HTMLInputElement>;
  onChange(query: LibraryQuery): void;
  /** Escape in the search box: back to the list. */
  onLeaveSearch(): void;
};

/** Props of one `<select>` filter. */
type ChoiceProps<T extends string> = {
  label: string;
  value: T | undefined;
  choices: readonly { value: T; label: string }[];
  onChoose(value: T | undefined): void;
  testId: string;
};

function Choice<T extends string>({ label, value, choices, onChoose, testId }: ChoiceProps<T>) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        data-testid={testId}
        value={value ?? ''}
        onChange={(event) => onChoose(event.currentTarget.value === '' ? undefined : (event.currentTarget.value as T))}
      >
        <option value="">Any</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A free-text filter with suggestions, applied when the user leaves it or presses Enter. */
function Suggest({ label, value, suggestions, onApply, testId }: { label: string; value: string | undefined; suggestions: readonly string[]; onApply(value: string | undefined): void; testId: string }) {
  const id = useId();
  const listId = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        list={listId}
        data-testid={testId}
        value={value ?? ''}
        autocomplete="off"
        onChange={(event) => onApply(event.currentTarget.value.trim() || undefined)}
      />
      <datalist id={listId}>
        {suggestions.slice(0, 500).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}

/** The library's search and filter controls. */
export function FilterBar({ query, facets, searchRef, onChange, onLeaveSearch }: FilterBarProps) {
  const searchId = useId();
  const hintId = useId();
  const fromId = useId();
  const toId = useId();
  const sortId = useId();
  const f = query.filters;
  const set = <K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K] | undefined) => onChange(withFilter(query, key, value));

  const sourceChoices = (facets?.sources ?? []).map((s) => ({ value: s.key, label: `${s.label} (${s.count})` }));
  if (f.source !== undefined && !sourceChoices.some((c) => c.value === f.source)) sourceChoices.unshift({ value: f.source, label: f.source });

  return (
    <form class="filters" role="search" aria-label="Search and filter annotations" onSubmit={(event) => event.preventDefault()}>
      <div class="field search-field">
        <label for={searchId}>Search quotes, notes and tags</label>
        <input
          id={searchId}
          ref={searchRef}
          type="search"
          value={query.text}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={hintId}
          data-testid="library-search"
          onInput={(event) => onChange({ ...query, text: event.currentTarget.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onLeaveSearch();
            }
          }}
        />
        <span id={hintId} class="hint">
          Words match their beginnings: “miss” finds “missile”. Press / to come back here.
        </span>
      </div>
      <div class="filter-grid">
        <Choice label="Source" testId="filter-source" value={f.source} choices={sourceChoices} onChoose={(v) => set('source', v)} />
        <Choice<SourceType>
          label="Source type"
          testId="filter-type"
          value={f.sourceType}
          choices={SOURCE_TYPES.map((t) => ({ value: t, label: SOURCE_TYPE_LABELS[t] }))}
          onChoose={(v) => set('sourceType', v)}
        />
        <Choice<CredibilityTier>
          label="Source’s tier"
          testId="filter-tier"
          value={f.tier}
          choices={CREDIBILITY_TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }))}
          onChoose={(v) => set('tier', v)}
        />
        <Choice<VerdictKey>
          label="Verdict"
          testId="filter-verdict"
          value={f.verdict}
          choices={VERDICT_KEYS.map((v) => ({ value: v, label: verdictLabel(v) }))}
          onChoose={(v) => set('verdict', v)}
        />
        <Choice<AnnotationOrigin>
          label="Origin"
          testId="filter-origin"
          value={f.origin}
          choices={ANNOTATION_ORIGINS.map((o) => ({ value: o, label: ORIGIN_LABELS[o] }))}
          onChoose={(v) => set('origin', v)}
        />
        <Suggest label="Tag" testId="filter-tag" value={f.tag} suggestions={facets?.tags ?? []} onApply={(v) => set('tag', v)} />
        <Suggest label="Site" testId="filter-site" value={f.site} suggestions={facets?.sites ?? []} onApply={(v) => set('site', v?.toLowerCase())} />
        <div class="field">
          <label for={fromId}>Made from</label>
          <input id={fromId} type="date" value={f.from ?? ''} data-testid="filter-from" onChange={(event) => set('from', event.currentTarget.value || undefined)} />
        </div>
        <div class="field">
          <label for={toId}>Made until</label>
          <input id={toId} type="date" value={f.to ?? ''} data-testid="filter-to" onChange={(event) => set('to', event.currentTarget.value || undefined)} />
        </div>
        <div class="field">
          <label for={sortId}>Sort</label>
          <select
            id={sortId}
            data-testid="library-sort"
            value={`${query.sort}-${query.direction}`}
            onChange={(event) => {
              const choice = SORT_CHOICES.find((c) => c.value === event.currentTarget.value);
              if (choice) onChange({ ...query, sort: choice.sort, direction: choice.direction });
            }}
          >
            {SORT_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {isNarrowed(query) && (
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={() => onChange({ text: '', filters: {}, sort: query.sort, direction: query.direction ?? DEFAULT_DIRECTION[query.sort] })}
          >
            Clear search and filters
          </button>
        </div>
      )}
    </form>
  );
}
