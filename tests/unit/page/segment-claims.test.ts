/** Detection and anchoring per segment: context, offsets, assignment, order. */
import { describe, expect, it, vi } from 'vitest';
import type { DetectedClaim } from '../../../lib/model';
import type { AnchoredAnnotation } from '../../../lib/page/claim-marks';
import {
  anchoredIn,
  assignToSegments,
  claimsIn,
  detectWithContext,
  FIRST_SEGMENT_LENGTH,
  FIRST_SEGMENTS,
  SEGMENT_LENGTH,
  segmentLengthAt,
  shiftClaim,
  viewportFirst,
} from '../../../lib/page/segment-claims';
import { annotation, attribution } from '../highlight/builders';

/** Claims for every "X said …." sentence, attributed to X, offsets in the text given. */
function detect(text: string): DetectedClaim[] {
  return [...text.matchAll(/(\w+) said[^.]*\./g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    attributions: [attribution(m[1] ?? '', { start: m.index, end: m.index + (m[1] ?? '').length })],
  }));
}

describe('detectWithContext', () => {
  it('keeps only the segment’s claims, in the segment’s offsets', () => {
    const spy = vi.fn(detect);
    const claims = detectWithContext(spy, 'KCNA said one.\n\n', 'TASS said two. Yonhap said three.');
    expect(spy).toHaveBeenCalledWith('KCNA said one.\n\nTASS said two. Yonhap said three.');
    expect(claims.map((c) => [c.start, c.end, c.text])).toEqual([
      [0, 14, 'TASS said two.'],
      [15, 33, 'Yonhap said three.'],
    ]);
    expect(claims[1]?.attributions[0]).toMatchObject({ start: 15, end: 21 });
  });

  it('is detection itself without context', () => {
    expect(detectWithContext(detect, '', 'TASS said two.')).toEqual(detect('TASS said two.'));
  });
});

describe('moving claims and annotations between segments', () => {
  const claims = detect('KCNA said one.\n\nTASS said two.\n\nYonhap said three.');

  it('shiftClaim moves every offset', () => {
    const shifted = shiftClaim(claims[1] as DetectedClaim, -16);
    expect([shifted.start, shifted.end, shifted.attributions[0]?.start]).toEqual([0, 14, 0]);
    expect(shiftClaim(claims[0] as DetectedClaim, 0)).toBe(claims[0]);
  });

  it('claimsIn keeps the claims of a part, rebased', () => {
    expect(claimsIn(claims, { from: 16, to: 30 }).map((c) => [c.start, c.text])).toEqual([[0, 'TASS said two.']]);
  });

  it('anchoredIn and assignToSegments split anchored annotations among segments', () => {
    const anchored = (start: number, end: number): AnchoredAnnotation => ({
      annotation: annotation('a', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'x'),
      start,
      end,
      text: '',
      status: 'exact',
    });
    expect(anchoredIn([anchored(16, 30), anchored(0, 5)], { from: 16, to: 30 }).map((a) => [a.start, a.end])).toEqual([[0, 14]]);
    const segments = [
      { offset: 0, length: 14 },
      { offset: 16, length: 14 },
      { offset: 32, length: 18 },
    ];
    const result = assignToSegments([anchored(35, 40), anchored(0, 4), anchored(10, 20)], segments);
    expect(result.map((r) => [r.index, r.anchored.start, r.anchored.end])).toEqual([
      [2, 3, 8],
      [0, 0, 4],
    ]);
  });
});

describe('reading order and segment lengths', () => {
  it.each([
    [5, 0, [0, 1, 2, 3, 4]],
    [5, 2, [2, 3, 0, 1, 4]],
    [5, 4, [4, 0, 1, 2, 3]],
    [1, 3, [0]],
    [0, 0, []],
  ])('viewportFirst(%i, %i) is %j', (count, at, expected) => {
    expect(viewportFirst(count, at)).toEqual(expected);
  });

  it('makes the first segments short', () => {
    expect(segmentLengthAt(0)).toBe(FIRST_SEGMENT_LENGTH);
    expect(segmentLengthAt(FIRST_SEGMENTS - 1)).toBe(FIRST_SEGMENT_LENGTH);
    expect(segmentLengthAt(FIRST_SEGMENTS)).toBe(SEGMENT_LENGTH);
    expect(segmentLengthAt(0, 100)).toBe(100);
  });
});
