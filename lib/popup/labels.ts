/** Words the popup shows for the model's enumerations (lib/model.ts has tier and verdict labels; these fill the rest). */
import type { CueStance, SourceType } from '../model';

/** Readable source types, lower case to sit inside a sentence ("KCNA · state media"). */
export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  'state-media': 'state media',
  'news-agency': 'news agency',
  'newspaper-broadcaster': 'newspaper or broadcaster',
  'social-media': 'social media',
  government: 'government',
  'official-person': 'official',
  organisation: 'organisation',
  anonymous: 'anonymous',
  other: 'other',
};

/** What each cue stance says about the writer's position towards the claim. */
export const STANCE_LABELS: Record<CueStance, string> = {
  neutral: 'neutral',
  distancing: 'distancing: the writer keeps a distance',
  endorsing: 'endorsing: the writer presents it as fact',
  denial: 'denial',
  belief: 'belief',
};

/** `1 claim`, `2 claims`: English plural by count. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The start of a long text, cut at a word boundary, for status messages that name a claim. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
