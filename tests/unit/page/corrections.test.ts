import { describe, expect, it } from 'vitest';
import { anchorAnnotations } from '../../../lib/page/claim-marks';
import { buildCorrectedMarks, dismissedClaims, hasCorrectedSource, isDismissal } from '../../../lib/page/corrections';
import type { Annotation, DetectedClaim } from '../../../lib/model';
import { attributionFor } from '../../../lib/sources/choose-source';
import { annotation, attribution } from '../highlight/builders';

const text = 'Intro text here. KCNA said the talks went well. Yonhap reported a deal was near. The end.';
const kcnaSentence = 'KCNA said the talks went well.';
const yonhapSentence = 'Yonhap reported a deal was near.';
const claimOf = (sentence: string, source: string): DetectedClaim => {
  const start = text.indexOf(sentence);
  return { start, end: start + sentence.length, text: sentence, attributions: [attribution(source, { id: source.toLowerCase() })] };
};
const claims = [claimOf(kcnaSentence, 'KCNA'), claimOf(yonhapSentence, 'Yonhap')];
const notAClaim = { rating: 'not-a-claim' as const, rationale: '', ratedAt: '2026-11-27T10:00:00.000Z' };
const anchored = (annotations: Annotation[]) => anchorAnnotations(text, annotations).anchored;

describe('isDismissal and hasCorrectedSource', () => {
  it('a "not a claim" verdict dismisses, except on a manual annotation (the user made it)', () => {
    expect(isDismissal(annotation('a', text, kcnaSentence, { verdict: notAClaim, origin: 'corrected' }))).toBe(true);
    expect(isDismissal(annotation('a', text, kcnaSentence, { verdict: notAClaim, origin: 'manual' }))).toBe(false);
    expect(isDismissal(annotation('a', text, kcnaSentence, { verdict: { ...notAClaim, rating: 'false' } }))).toBe(false);
  });

  it('a corrected source is a corrected annotation carrying an attribution the user chose', () => {
    const chosen = [attributionFor({ ref: null, label: 'Someone', type: 'other' }, { start: 17 })];
    expect(hasCorrectedSource(annotation('a', text, kcnaSentence, { origin: 'corrected', attributions: chosen }))).toBe(true);
    expect(hasCorrectedSource(annotation('a', text, kcnaSentence, { origin: 'confirmed', attributions: chosen }))).toBe(false);
    expect(hasCorrectedSource(annotation('a', text, kcnaSentence, { origin: 'corrected', attributions: [attribution('KCNA')] }))).toBe(false);
    expect(hasCorrectedSource(null)).toBe(false);
  });
});

describe('buildCorrectedMarks', () => {
  it('leaves out a claim dismissed as not a claim, and makes no mark for the dismissal', () => {
    const dismissal = annotation('d', text, kcnaSentence, { verdict: notAClaim, origin: 'corrected' });
    const marks = buildCorrectedMarks(claims, anchored([dismissal]));
    expect(marks.map((m) => m.text)).toEqual([yonhapSentence]);
    expect(marks[0]?.annotation).toBeNull();
  });

  it('still dismisses when detection now cuts the sentence a little differently', () => {
    const dismissal = annotation('d', text, kcnaSentence, { verdict: notAClaim, origin: 'corrected' });
    const longer = { ...claims[0]!, start: text.indexOf('here. KCNA'), text: `here. ${kcnaSentence}` };
    expect(buildCorrectedMarks([longer, claims[1]!], anchored([dismissal])).map((m) => m.text)).toEqual([yonhapSentence]);
  });

  it('does not dismiss a claim that only touches the dismissed text', () => {
    const dismissal = annotation('d', text, 'went well.', { verdict: notAClaim, origin: 'corrected' });
    expect(buildCorrectedMarks(claims, anchored([dismissal])).map((m) => m.text)).toEqual([kcnaSentence, yonhapSentence]);
  });

  it("puts the user's source on a claim whose source was corrected", () => {
    const chosen = [attributionFor({ ref: { id: 'tass', name: 'TASS', type: 'state-media' }, label: 'TASS', type: 'state-media' }, { start: 17 })];
    const corrected = annotation('c', text, kcnaSentence, { origin: 'corrected', attributions: chosen });
    const marks = buildCorrectedMarks(claims, anchored([corrected]));
    expect(marks[0]?.attributions).toEqual(chosen);
    expect(marks[0]?.annotation?.id).toBe('c');
    expect(marks[1]?.attributions[0]?.label).toBe('Yonhap');
  });

  it('keeps the detected source on a confirmed annotation', () => {
    const confirmed = annotation('c', text, kcnaSentence, { origin: 'confirmed', attributions: [attribution('Old')] });
    expect(buildCorrectedMarks(claims, anchored([confirmed]))[0]?.attributions[0]?.label).toBe('KCNA');
  });
});

describe('dismissedClaims', () => {
  it('lists each dismissal in page offsets, with selectors, whether detection still flags it, and dismissed: true', () => {
    const dismissal = annotation('d', text, kcnaSentence, { verdict: notAClaim, origin: 'corrected', attributions: claims[0]!.attributions });
    const other = annotation('o', text, yonhapSentence, { note: 'kept' });
    const listed = dismissedClaims(anchored([dismissal, other]), claims, 0, text);
    expect(listed).toHaveLength(1);
    const [claim] = listed;
    expect(claim).toMatchObject({ start: text.indexOf(kcnaSentence), text: kcnaSentence, annotationId: 'd', detected: true, dismissed: true });
    expect(claim?.selectors[0].exact).toBe(kcnaSentence);
    expect(claim?.attributions[0]?.label).toBe('KCNA');
    expect(dismissedClaims(anchored([dismissal]), [claims[1]!], 0, text)[0]?.detected).toBe(false);
  });
});
