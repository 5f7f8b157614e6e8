/**
 * The library by source: for each source, how many annotations quote it, on how many sites,
 * and the verdicts they got, as a table whose bars repeat the numbers written beside them (the
 * bars are decoration for sighted readers; the numbers are the data).
 */
import { useId } from 'preact/hooks';
import type { VerdictKey } from '../../lib/library/index-fields';
import type { TierLookup } from '../../lib/library/plan';
import { tierOf } from '../../lib/library/plan';
import { VERDICT_KEYS } from '../../lib/library/query';
import { verdictLabel } from '../../lib/library/rows';
import type { SourceStat } from '../../lib/library/stats';
import { countOf } from '../../lib/popup/labels';
import { TIER_LABELS } from '../../lib/model';

/** Props of `SourceStats`. */
export type SourceStatsProps = {
  /** The figures, most quoted first; null while they are counted. */
  stats: readonly SourceStat[] | null;
  tiers: TierLookup;
  /** Show the annotations of one source. */
  onShowSource(key: string): void;
};

/** Verdict counts in words, rated ones first: "False 3 · Mixed 1 · No verdict 20". */
export function verdictSummary(verdicts: Record<VerdictKey, number>): string {
  const parts = VERDICT_KEYS.filter((v) => verdicts[v] > 0).map((v) => `${verdictLabel(v)} ${verdicts[v]}`);
  return parts.length > 0 ? parts.join(' · ') : 'none';
}

/** The per-source table. */
export function SourceStats({ stats, tiers, onShowSource }: SourceStatsProps) {
  const captionId = useId();
  if (stats === null) return <p data-testid="stats-loading">Counting…</p>;
  if (stats.length === 0) return <p data-testid="stats-empty">No annotations yet, so no sources to count.</p>;
  const most = Math.max(...stats.map((s) => s.count), 1);
  return (
    <table class="source-stats" aria-labelledby={captionId} data-testid="source-stats">
      <caption id={captionId}>How often each source is quoted in your annotations</caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Tier</th>
          <th scope="col">Annotations</th>
          <th scope="col">Sites</th>
          <th scope="col">Verdicts</th>
        </tr>
      </thead>
      <tbody>
        {stats.map((stat) => {
          const tier = tierOf(tiers, stat.key);
          return (
            <tr key={stat.key} data-testid="source-stat" data-source-key={stat.key}>
              <th scope="row">
                <button type="button" class="link-button" onClick={() => onShowSource(stat.key)} aria-label={`Show the ${countOf(stat.count, 'annotation')} quoting ${stat.label}`}>
                  {stat.label}
                </button>
              </th>
              <td class={`tier tier-${tier}`}>{TIER_LABELS[tier]}</td>
              <td class="bar-cell">
                <span class="bar" aria-hidden="true" style={{ width: `${(stat.count / most) * 100}%` }} />
                <span class="bar-value" data-testid="stat-count">
                  {stat.count}
                </span>
              </td>
              <td data-testid="stat-sites">{stat.sites}</td>
              <td>
                <span class="verdict-bar" aria-hidden="true">
                  {VERDICT_KEYS.filter((v) => stat.verdicts[v] > 0).map((v) => (
                    <span key={v} class={`verdict-segment verdict-${v}`} style={{ width: `${(stat.verdicts[v] / stat.count) * 100}%` }} />
                  ))}
                </span>
                <span data-testid="stat-verdicts">{verdictSummary(stat.verdicts)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
