/**
 * A realistic PageSnapshot built from the seed article (tests/fixtures/seed-article.txt): offsets
 * and selectors are computed from the real text, attributions follow the hand labels in
 * seed-article.expected.json. Two KCNA claims, a Yonhap claim that reports South Korea's spy
 * service, a Telegram post and its carried-over continuation, and unresolved "American authorities".
 */
import { readFileSync } from 'node:fs';
// Node's URL, not the DOM environment's: readFileSync accepts only Node file URLs.
import { URL as NodeURL } from 'node:url';
import { buildSelectors } from '../../../lib/anchor/text-quote';
import type { Attribution, CueStance, SourceRef, SourceType } from '../../../lib/model';
import type { PageClaim, PageSnapshot } from '../../../lib/messages';

/** The seed article's text, as the content script would extract it. */
export const SEED_TEXT = readFileSync(new NodeURL('../../fixtures/seed-article.txt', import.meta.url), 'utf8');

/** The normalised URL the snapshot reports. */
export const SEED_URL = 'https://news.example/2023/11/north-korea-russia-economic-cooperation';
/** The page title the snapshot reports. */
export const SEED_TITLE = 'North Korea and Russia discuss closer economic ties';

const REGISTRY: Record<string, SourceRef> = {
  kcna: { id: 'kcna', name: 'KCNA', type: 'state-media' },
  yonhap: { id: 'yonhap', name: 'Yonhap', type: 'news-agency' },
  telegram: { id: 'telegram', name: 'Telegram', type: 'social-media' },
};

function offsetOf(needle: string, from = 0): number {
  const at = SEED_TEXT.indexOf(needle, from);
  if (at < 0) throw new Error(`Seed text has no "${needle}" after ${from}`);
  return at;
}

type AttributionSpec = {
  source?: keyof typeof REGISTRY;
  label?: string;
  type?: SourceType;
  sourceText: string | null;
  cue: string | null;
  cueStance?: CueStance | null;
  speaker?: string;
  reportedBy?: number;
  carriedOver?: boolean;
  /** Where the source words are, when carried over from an earlier sentence. */
  mentionFrom?: number;
};

function claim(sentence: string, specs: AttributionSpec[]): PageClaim {
  const start = offsetOf(sentence);
  const end = start + sentence.length;
  const attributions: Attribution[] = specs.map((spec) => {
    const source = spec.source ? (REGISTRY[spec.source] ?? null) : null;
    const words = spec.sourceText ?? source?.name ?? spec.label ?? '';
    const at = spec.sourceText === null ? offsetOf(words, spec.mentionFrom ?? 0) : offsetOf(words, start);
    return {
      source,
      label: source?.name ?? spec.label ?? words,
      type: source?.type ?? spec.type ?? 'other',
      sourceText: spec.sourceText,
      speaker: spec.speaker ?? null,
      cue: spec.cue,
      cueStance: spec.cueStance === undefined ? (spec.cue ? 'neutral' : null) : spec.cueStance,
      start: at,
      end: at + words.length,
      reportedBy: spec.reportedBy ?? null,
      carriedOver: spec.carriedOver ?? false,
    };
  });
  return {
    start,
    end,
    text: sentence,
    attributions,
    selectors: buildSelectors(SEED_TEXT, start, end),
    annotationId: null,
    detected: true,
    anchoring: null,
    previousText: null,
  };
}

const KCNA_1 =
  'In the most recent meeting between the neighbours, a North Korean minister and the governor of the Russian area that borders both Korea and Russia discussed ways to strengthen regional economic cooperation, state agency KCNA said on Wednesday.';
const KCNA_2 =
  'The KCNA article stated that the two sides’ trade and economic working groups had reached a deal, but it omitted information on the specifics of that agreement or the officials’ meeting.';
const YONHAP =
  'The meeting takes place as the Yonhap news agency reports that on Tuesday, South Korea’s spy service said that there had been indications that North Korea was planning to send labourers to Russia.';
const TELEGRAM_1 =
  '“This marks our first visit following a protracted hiatus brought on by the pandemic,” Kozhemyako posted on his Telegram account.';
const TELEGRAM_2 =
  'The itinerary of our visit includes numerous talks aimed at fostering humanitarian relations between the DPRK and Primorye. primarily in the areas of sports, tourism, and culture.”';
const AMERICAN =
  'This promise was made against the backdrop of what American authorities claimed to be proof of an arms trade between Russia, which is consuming enormous quantities of ammunition in its conflict with Ukraine, and the North.';

/** The snapshot's claims, in page order. */
export function seedClaims(): PageClaim[] {
  const telegram1 = claim(TELEGRAM_1, [{ source: 'telegram', sourceText: 'Telegram', cue: 'posted on', speaker: 'Kozhemyako' }]);
  return [
    claim(KCNA_1, [{ source: 'kcna', sourceText: 'KCNA', cue: 'said' }]),
    claim(KCNA_2, [{ source: 'kcna', sourceText: 'KCNA', cue: 'stated' }]),
    claim(YONHAP, [
      { source: 'yonhap', sourceText: 'Yonhap news agency', cue: 'reports' },
      { label: 'South Korea’s spy service', type: 'government', sourceText: 'South Korea’s spy service', cue: 'said', reportedBy: 0 },
    ]),
    telegram1,
    claim(TELEGRAM_2, [
      { source: 'telegram', sourceText: null, cue: null, speaker: 'Kozhemyako', carriedOver: true, mentionFrom: telegram1.start },
    ]),
    claim(AMERICAN, [
      { label: 'American authorities', type: 'government', sourceText: 'American authorities', cue: 'claimed', cueStance: 'distancing' },
    ]),
  ];
}

/** The whole snapshot the content script would answer `page:claims` with. */
export function seedSnapshot(): PageSnapshot {
  return { url: SEED_URL, title: SEED_TITLE, site: 'news.example.com', highlights: 'on', claims: seedClaims(), orphans: [] };
}
