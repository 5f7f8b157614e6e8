/**
 * What the library's views read from its counters: the per-source figures (how often each
 * source is quoted, on how many sites, with which verdicts), the choices of the filter bar, and
 * the total. Pure.
 */
import type { Source, SourceType } from '../model';
import { FACET_ALL, type FacetRow } from './facets';
import type { VerdictKey } from './index-fields';
import { VERDICT_KEYS } from './query';

/** One source's figures. */
export type SourceStat = {
  /** The source key (registry id or slug of the label). */
  key: string;
  /** The source's name. */
  label: string;
  type: SourceType;
  /** Live annotations whose outer source this is. */
  count: number;
  /** Distinct sites those annotations are on. */
  sites: number;
  /** Annotations per verdict (`none` included); every key present, zeros too. */
  verdicts: Record<VerdictKey, number>;
};

/** Everything the library's views read from the counters. */
export type LibraryFacets = {
  /** Every source quoted by a live annotation, most quoted first. */
  sources: SourceStat[];
  /** Every site with a live annotation, A to Z. */
  sites: string[];
  /** Every tag in use, A to Z. */
  tags: string[];
  /** Live annotations. */
  total: number;
};

/** Read the counters. A stored source's own name wins over the name last seen on a page. */
export function summariseFacets(rows: readonly FacetRow[], stored: readonly Source[] = []): LibraryFacets {
  const names = new Map(stored.map((s) => [s.id, s.name]));
  const sources: SourceStat[] = [];
  const sites: string[] = [];
  const tags: string[] = [];
  let total = 0;
  for (const row of rows) {
    if (row.key === FACET_ALL) {
      total = row.count;
      continue;
    }
    const colon = row.key.indexOf(':');
    const kind = row.key.slice(0, colon);
    const value = row.key.slice(colon + 1);
    if (kind === 'source') {
      const verdicts = Object.fromEntries(VERDICT_KEYS.map((v) => [v, row.verdicts?.[v] ?? 0])) as Record<VerdictKey, number>;
      sources.push({
        key: value,
        label: names.get(value) ?? row.label ?? value,
        type: row.type ?? 'other',
        count: row.count,
        sites: Object.keys(row.sites ?? {}).length,
        verdicts,
      });
    } else if (kind === 'site' && value !== '') sites.push(value);
    else if (kind === 'tag') tags.push(value);
  }
  sources.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  sites.sort();
  tags.sort((a, b) => a.localeCompare(b));
  return { sources, sites, tags, total };
}
