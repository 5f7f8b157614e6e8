import { describe, expect, it } from 'vitest';
import type { DetectedClaim } from '../../../lib/model';
import { preparePageText } from '../../../lib/anchor/match-quote';
import { anchorAnnotations, buildMarks, markAt, markStartingAt } from '../../../lib/page/claim-marks';
import { annotation, attribution } from '../highlight/builders';

const TEXT = [
  'KCNA said the talks went well.',
  'Primorye is another name for Primorsky.',
  'Yonhap reported that the spy service said labourers may be sent.',
].join('\n\n');

function claim(quote: string): DetectedClaim {
  const start = TEXT.indexOf(quote);
  return { start, end: start + quote.length, text: quote, attributions: [attribution('X')] };
}

const kcnaClaim = claim('KCNA said the talks went well.');
const yonhapClaim = claim('Yonhap reported that the spy service said labourers may be sent.');

describe('anchorAnnotations', () => {
  it('anchors what it finds, with how, and reports the rest as orphaned, with why', () => {
    const found = annotation('a', TEXT, 'Primorye is another name');
    const gone = annotation('b', 'Some other text entirely.', 'other text');
    const result = anchorAnnotations(TEXT, [found, gone]);
    const start = TEXT.indexOf('Primorye');
    expect(result.anchored).toEqual([{ annotation: found, start, end: start + 24, text: 'Primorye is another name', status: 'exact' }]);
    expect(result.orphaned).toEqual([{ annotation: gone, reason: 'not-found' }]);
  });

  it('re-attaches changed text, reporting its current text', () => {
    const before = 'Primorye is another common name for Primorsky.';
    const changed = annotation('c', before, before);
    const [anchored] = anchorAnnotations(TEXT, [changed]).anchored;
    expect(anchored).toMatchObject({ status: 'fuzzy', text: 'Primorye is another name for Primorsky.' });
  });

  it('accepts a page prepared once for many annotations', () => {
    const page = preparePageText(TEXT);
    const a = annotation('a', TEXT, 'KCNA said');
    const b = annotation('b', TEXT, 'the spy service');
    expect(anchorAnnotations(page, [a, b]).anchored.map((x) => x.text)).toEqual(['KCNA said', 'the spy service']);
  });
});

describe('buildMarks', () => {
  it('marks detected claims, not annotated when nothing anchors on them', () => {
    const marks = buildMarks([kcnaClaim, yonhapClaim], []);
    expect(marks.map((m) => [m.start, m.detected, m.annotation])).toEqual([
      [kcnaClaim.start, true, null],
      [yonhapClaim.start, true, null],
    ]);
  });

  it('joins an annotation on the same span, or on an overlapping one', () => {
    const same = annotation('same', TEXT, kcnaClaim.text);
    const overlapping = annotation('part', TEXT, 'the spy service said');
    const marks = buildMarks([kcnaClaim, yonhapClaim], anchorAnnotations(TEXT, [same, overlapping]).anchored);
    expect(marks.map((m) => m.annotation?.id)).toEqual(['same', 'part']);
    expect(marks.every((m) => m.detected)).toBe(true);
  });

  it('prefers the exact span, then the largest overlap, then the latest update', () => {
    const exact = annotation('exact', TEXT, kcnaClaim.text, { updatedAt: '2020-01-01T00:00:00Z' });
    const bigger = annotation('bigger', TEXT, 'KCNA said the talks', { updatedAt: '2030-01-01T00:00:00Z' });
    const small = annotation('small', TEXT, 'KCNA', { updatedAt: '2030-01-01T00:00:00Z' });
    const { anchored } = anchorAnnotations(TEXT, [small, bigger, exact]);
    expect(buildMarks([kcnaClaim], anchored)[0]?.annotation?.id).toBe('exact');
    expect(buildMarks([kcnaClaim], anchored.filter((a) => a.annotation.id !== 'exact'))[0]?.annotation?.id).toBe('bigger');
    const older = annotation('older', TEXT, 'the talks', { updatedAt: '2020-01-01T00:00:00Z' });
    const newer = annotation('newer', TEXT, 'went well', { updatedAt: '2021-01-01T00:00:00Z' });
    expect(buildMarks([kcnaClaim], anchorAnnotations(TEXT, [older, newer]).anchored)[0]?.annotation?.id).toBe('newer');
  });

  it('carries how the annotation anchored, and the old text of a fuzzy one', () => {
    const exact = annotation('exact', TEXT, kcnaClaim.text);
    const before = 'Yonhap reported that the spy service said workers may be sent.';
    const fuzzy = annotation('fuzzy', before, before);
    const marks = buildMarks([kcnaClaim, yonhapClaim], anchorAnnotations(TEXT, [exact, fuzzy]).anchored);
    expect(marks.map((m) => [m.annotation?.id ?? null, m.anchoring, m.previousText])).toEqual([
      ['exact', 'exact', null],
      ['fuzzy', 'fuzzy', before],
    ]);
    expect(buildMarks([kcnaClaim], [])[0]).toMatchObject({ anchoring: null, previousText: null });
  });

  it('gives a fuzzy annotation outside every claim a mark of its own, on the current text', () => {
    const before = 'Primorye is another common name for Primorsky.';
    const marks = buildMarks([kcnaClaim, yonhapClaim], anchorAnnotations(TEXT, [annotation('m', before, before)]).anchored);
    expect(marks[1]).toMatchObject({
      text: 'Primorye is another name for Primorsky.',
      detected: false,
      anchoring: 'fuzzy',
      previousText: before,
    });
  });

  it('gives an annotation outside every claim a mark of its own, with its saved attributions', () => {
    const manual = annotation('manual', TEXT, 'Primorye is another name for Primorsky.', {
      attributions: [attribution('Saved source')],
    });
    const marks = buildMarks([kcnaClaim, yonhapClaim], anchorAnnotations(TEXT, [manual]).anchored);
    expect(marks).toHaveLength(3);
    expect(marks[1]).toMatchObject({
      start: TEXT.indexOf('Primorye'),
      text: 'Primorye is another name for Primorsky.',
      detected: false,
      annotation: manual,
    });
    expect(marks[1]?.attributions[0]?.label).toBe('Saved source');
  });
});

describe('markAt and markStartingAt', () => {
  const manual = annotation('manual', TEXT, 'KCNA said');
  const marks = buildMarks([yonhapClaim], anchorAnnotations(TEXT, [manual]).anchored);

  it.each([
    [0, 'manual'],
    [8, 'manual'],
    [9, null],
    [yonhapClaim.start, 'claim'],
    [yonhapClaim.end - 1, 'claim'],
    [yonhapClaim.end, null],
  ])('offset %d → %s', (offset, expected) => {
    const found = markAt(marks, offset);
    expect(found ? (found.detected ? 'claim' : found.annotation?.id) : null).toBe(expected);
  });

  it('prefers a detected claim over an annotation-only mark at the same place', () => {
    const overlapping = [
      { ...marks[0], start: 0, end: 10, detected: false },
      { ...marks[0], start: 0, end: 10, detected: true },
    ] as typeof marks;
    expect(markAt(overlapping, 3)?.detected).toBe(true);
    expect(markStartingAt(overlapping, 0)?.detected).toBe(true);
    expect(markStartingAt(overlapping, 1)).toBeNull();
  });
});
