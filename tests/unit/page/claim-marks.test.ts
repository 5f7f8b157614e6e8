import { describe, expect, it } from 'vitest';
import type { DetectedClaim } from '../../../lib/model';
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
  it('anchors what it finds and reports the rest as orphaned', () => {
    const found = annotation('a', TEXT, 'Primorye is another name');
    const gone = annotation('b', 'Some other text entirely.', 'other text');
    const result = anchorAnnotations(TEXT, [found, gone]);
    expect(result.anchored).toEqual([{ annotation: found, start: TEXT.indexOf('Primorye'), end: TEXT.indexOf('Primorye') + 24 }]);
    expect(result.orphaned).toEqual([gone]);
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
