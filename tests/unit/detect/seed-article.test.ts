/**
 * The hand-labelled seed article: every sentence's claim/no-claim and every labelled attribution.
 * Predictions are matched to labels by the sentence's offsets in the article, so a detector that
 * splits or joins sentences differently fails here too. The same article is then run the way a web
 * page delivers it (blank lines with spaces on them, stray spaces and newlines around inline
 * elements) and must give the same claims.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinSources, detectClaims } from '../../../lib/detect/index';
import type { Attribution, DetectedClaim } from '../../../lib/model';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures');
const text = readFileSync(join(FIXTURES, 'seed-article.txt'), 'utf8');

type LabelledAttribution = {
  source: string;
  sourceText: string | null;
  cue: string | null;
  type: string;
  speaker?: string;
  reportedBy?: string;
  carriedOver?: boolean;
};
type LabelledSentence = {
  text: string;
  claim: boolean;
  optional?: boolean;
  attributions: LabelledAttribution[];
};
const labels = JSON.parse(readFileSync(join(FIXTURES, 'seed-article.expected.json'), 'utf8')) as {
  sentences: LabelledSentence[];
};

/** Each labelled sentence with its offsets in the article, found in order. */
const rows = (() => {
  let cursor = 0;
  return labels.sentences.map((s, index) => {
    const start = text.indexOf(s.text, cursor);
    if (start < 0) throw new Error(`Labelled sentence ${index} is not in seed-article.txt: ${s.text.slice(0, 60)}`);
    cursor = start + s.text.length;
    return { index, start, end: start + s.text.length, label: s, preview: s.text.slice(0, 50) };
  });
})();

const builtinNames = new Set(builtinSources.map((s) => s.name));

function claimAt(claims: readonly DetectedClaim[], start: number, end: number): DetectedClaim | undefined {
  return claims.find((c) => c.start === start && c.end === end);
}

const claims = detectClaims(text);

describe('detectClaims on the seed article', () => {
  it('finds every labelled sentence in the article text', () => {
    expect(rows).toHaveLength(labels.sentences.length);
  });

  it('flags no span that is not a labelled sentence', () => {
    for (const c of claims) {
      expect(rows.some((r) => r.start === c.start && r.end === c.end), `unexpected claim: ${c.text}`).toBe(true);
    }
  });

  it('gives offsets that slice to the claim text and to every source text', () => {
    for (const c of claims) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      for (const a of c.attributions) {
        if (a.sourceText !== null) expect(text.slice(a.start, a.end)).toBe(a.sourceText);
      }
    }
  });

  it.each(rows)('sentence $index is flagged as labelled: "$preview…"', ({ start, end, label }) => {
    const claim = claimAt(claims, start, end);
    if (label.optional) return;
    expect(claim !== undefined).toBe(label.claim);
  });

  const attributionRows = rows.flatMap((r) =>
    r.label.attributions.map((expected, k) => ({ ...r, k, expected, name: `${expected.source} (${expected.cue ?? 'carried'})` })),
  );

  it.each(attributionRows)('sentence $index attribution $k: $name', ({ start, end, k, expected, label }) => {
    const claim = claimAt(claims, start, end);
    expect(claim, 'the sentence is not flagged').toBeDefined();
    if (!claim) return;
    expect(claim.attributions).toHaveLength(label.attributions.length);
    const a = claim.attributions[k] as Attribution;
    expect(a.label).toBe(expected.source);
    if (builtinNames.has(expected.source)) expect(a.source?.name).toBe(expected.source);
    else expect(a.source).toBeNull();
    expect(a.sourceText).toBe(expected.sourceText);
    expect(a.cue).toBe(expected.cue);
    expect(a.type).toBe(expected.type);
    expect(a.speaker).toBe(expected.speaker ?? null);
    expect(a.carriedOver).toBe(expected.carriedOver ?? false);
    if (expected.carriedOver) {
      expect(a.cueStance).toBeNull();
    } else {
      expect(a.cueStance).not.toBeNull();
      expect(text.slice(a.start, a.end)).toBe(expected.sourceText);
    }
    const outer = expected.reportedBy === undefined ? null : label.attributions.findIndex((x) => x.source === expected.reportedBy);
    expect(a.reportedBy).toBe(outer);
  });

  it('keeps, on a carried-over attribution, the offsets of the original mention', () => {
    const carried = claims.flatMap((c) => c.attributions).filter((a) => a.carriedOver);
    expect(carried.length).toBeGreaterThan(0);
    for (const a of carried) {
      const original = claims.flatMap((c) => c.attributions).find((o) => !o.carriedOver && o.start === a.start && o.end === a.end);
      expect(original?.label).toBe(a.label);
      expect(original?.speaker).toBe(a.speaker);
    }
  });

  it('gives the expected stances (said: neutral, claimed: distancing)', () => {
    const byCue = new Map(claims.flatMap((c) => c.attributions).map((a) => [a.cue, a.cueStance] as const));
    expect(byCue.get('said')).toBe('neutral');
    expect(byCue.get('claimed')).toBe('distancing');
    expect(byCue.get('according to')).toBe('neutral');
  });
});

/** The article as a content script extracts it from the page: messy whitespace, same words. */
function asWebPageText(article: string): string {
  return article
    .split('\n\n')
    .map((p) =>
      p
        // Inline elements (links, <em>) leave spaces and newlines at their edges.
        .replace('Telegram', ' \nTelegram\n ')
        .replace('Yonhap news agency', '\n Yonhap news agency \n')
        .replace(', ', ',  ')
        .replace(/ the /, '  the '),
    )
    .map((p) => `  ${p} `)
    .join('\n\n  \n');
}

function normalise(s: string | null): string | null {
  return s === null ? null : s.replace(/\s+/g, ' ').trim();
}

describe('detectClaims on the seed article as extracted from a web page', () => {
  const page = asWebPageText(text);
  const pageClaims = detectClaims(page);

  it('really has messier whitespace than the plain text', () => {
    expect(page).not.toBe(text);
    expect(page).toContain('\n\n  \n');
  });

  it('finds the same claims', () => {
    expect(pageClaims.map((c) => normalise(c.text))).toEqual(claims.map((c) => normalise(c.text)));
  });

  it('finds the same attributions', () => {
    const shape = (cs: readonly DetectedClaim[]) =>
      cs.map((c) =>
        c.attributions.map((a) => ({
          source: a.source,
          label: normalise(a.label),
          type: a.type,
          sourceText: normalise(a.sourceText),
          speaker: a.speaker,
          cue: a.cue,
          cueStance: a.cueStance,
          reportedBy: a.reportedBy,
          carriedOver: a.carriedOver,
        })),
      );
    expect(shape(pageClaims)).toEqual(shape(claims));
  });

  it('gives trimmed sentences and offsets into the page text', () => {
    for (const c of pageClaims) {
      expect(page.slice(c.start, c.end)).toBe(c.text);
      expect(c.text).toBe(c.text.trim());
      for (const a of c.attributions) if (a.sourceText !== null) expect(page.slice(a.start, a.end)).toBe(a.sourceText);
    }
  });
});
