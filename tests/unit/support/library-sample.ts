/**
 * A small deterministic library for the library's tests: annotations over a few sites, sources
 * (resolved, unresolved, none), verdicts, origins, tags and dates, with words to search for.
 */
import type { Annotation, Attribution, AnnotationOrigin, SourceType, VerdictRating } from '../../../lib/model';
import { seededRandom as random } from '../../../bench/generate-article';
import { makeAnnotation } from './store-fixtures';

const SOURCES: { id: string | null; label: string; type: SourceType }[] = [
  { id: 'kcna', label: 'KCNA', type: 'state-media' },
  { id: 'yonhap', label: 'Yonhap', type: 'news-agency' },
  { id: 'tass', label: 'TASS', type: 'state-media' },
  { id: null, label: 'American authorities', type: 'government' },
  { id: null, label: 'Société Générale analysts', type: 'organisation' },
];
const SITES = ['https://news.example/a', 'https://www.wire.example/b', 'https://daily.example/c', 'https://blog.example/d'];
const SUBJECTS = ['missile', 'missiles', 'factory', 'talks', 'drones', 'Kremlin', 'sanctions', 'harvest', 'élection'];
const VERDICTS: (VerdictRating | null)[] = [null, null, 'false', 'true', 'mixed', 'unverifiable'];
const ORIGINS: AnnotationOrigin[] = ['detected', 'confirmed', 'confirmed', 'manual'];
const TAGS = ['korea', 'russia', 'follow up', 'Korea'];

function attribution(source: (typeof SOURCES)[number]): Attribution {
  return {
    source: source.id ? { id: source.id, name: source.label, type: source.type } : null,
    label: source.label,
    type: source.type,
    sourceText: source.label,
    speaker: null,
    cue: 'said',
    cueStance: 'neutral',
    start: 0,
    end: source.label.length,
    reportedBy: null,
    carriedOver: false,
  };
}

/** `n` annotations, ids `s0000`…, made a few hours apart from 2024-01-01 (some at the same time). */
export function sampleAnnotations(n: number, seed = 7): Annotation[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const out: Annotation[] = [];
  for (let i = 0; i < n; i++) {
    const id = `s${String(i).padStart(4, '0')}`;
    const sourceIndex = Math.floor(next() * (SOURCES.length + 1));
    const source = SOURCES[sourceIndex];
    const subject = pick(SUBJECTS);
    const exact = `${source?.label ?? 'Officials'} said the ${subject} report was issued on day ${i % 17}.`;
    const verdict = pick(VERDICTS);
    const tagCount = Math.floor(next() * 3);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(TAGS)))];
    // Every fifth one shares its time with the previous one: ties must sort by id.
    const hours = i % 5 === 4 ? i - 1 : i;
    const created = new Date(Date.UTC(2024, 0, 1) + hours * 3_600_000 * 7).toISOString();
    out.push(
      makeAnnotation({
        id,
        url: pick(SITES),
        target: {
          selectors: [
            { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: exact.length },
          ],
        },
        attributions: source ? [attribution(source)] : [],
        note: next() < 0.3 ? `Check ${pick(SUBJECTS)} figures` : '',
        tags,
        origin: pick(ORIGINS),
        createdAt: created,
        updatedAt: created,
        ...(verdict ? { verdict: { rating: verdict, rationale: '', ratedAt: created } } : {}),
      }),
    );
  }
  return out;
}
