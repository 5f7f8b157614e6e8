import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../../components/library/AnnotationList';

describe('visibleRange', () => {
  it.each<[string, number, number, number, number, { start: number; end: number }]>([
    ['the list at the top of a 900px view', 300, 900, 100, 1000, { start: 0, end: 12 }],
    ['scrolled 5,000px into the list', -5000, 900, 100, 1000, { start: 44, end: 65 }],
    ['near the end', -99_500, 900, 100, 1000, { start: 989, end: 1000 }],
    ['a list below the view', 2000, 900, 100, 1000, { start: 0, end: 0 }],
    ['an empty list', 0, 900, 100, 0, { start: 0, end: 0 }],
  ])('renders only the rows in view of %s, and a few either side', (_case, top, view, row, count, range) => {
    expect(visibleRange(top, view, row, count)).toEqual(range);
  });
});
