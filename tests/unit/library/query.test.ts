import { describe, expect, it } from 'vitest';
import {
  dayRange,
  DEFAULT_QUERY,
  formatQuery,
  isDay,
  isNarrowed,
  parseQuery,
  queryKey,
  withFilter,
  type LibraryQuery,
} from '../../../lib/library/query';

const parse = (search: string) => parseQuery(new URLSearchParams(search));

describe('parseQuery', () => {
  it.each<[string, string, LibraryQuery]>([
    ['nothing: the default view', '', DEFAULT_QUERY],
    ['a search, kept as typed', '?q=kim+j', { ...DEFAULT_QUERY, text: 'kim j' }],
    [
      'every filter',
      '?source=kcna&type=state-media&tier=propaganda&verdict=false&origin=confirmed&tag=follow+up&site=News.Example&from=2024-01-01&to=2024-02-29',
      {
        ...DEFAULT_QUERY,
        filters: {
          source: 'kcna',
          sourceType: 'state-media',
          tier: 'propaganda',
          verdict: 'false',
          origin: 'confirmed',
          tag: 'follow up',
          site: 'news.example',
          from: '2024-01-01',
          to: '2024-02-29',
        },
      },
    ],
    ['no verdict', '?verdict=none', { ...DEFAULT_QUERY, filters: { verdict: 'none' } }],
    ['a sort with its usual direction', '?sort=site', { ...DEFAULT_QUERY, sort: 'site', direction: 'asc' }],
    ['a sort against its usual direction', '?sort=source&dir=desc', { ...DEFAULT_QUERY, sort: 'source', direction: 'desc' }],
    ['oldest first', '?dir=asc', { ...DEFAULT_QUERY, direction: 'asc' }],
    [
      'unknown values and parameters ignored',
      '?type=blog&tier=best&verdict=maybe&origin=robot&sort=colour&dir=up&from=2024-02-30&to=yesterday&tabId=3',
      DEFAULT_QUERY,
    ],
    ['empty and blank values ignored', '?source=&tag=%20%20&site=', DEFAULT_QUERY],
    ['an overlong search ignored', `?q=${'x'.repeat(501)}`, DEFAULT_QUERY],
  ])('%s', (_case, search, query) => {
    expect(parse(search)).toEqual(query);
  });
});

describe('formatQuery', () => {
  it('leaves every default out', () => {
    expect(formatQuery(DEFAULT_QUERY).toString()).toBe('');
  });

  it('writes parameters in a fixed order, whatever order the filters were set in', () => {
    const query: LibraryQuery = { text: 'kcna said', filters: { to: '2024-02-01', site: 'a.example', source: 'kcna' }, sort: 'date', direction: 'asc' };
    expect(formatQuery(query).toString()).toBe('q=kcna+said&source=kcna&site=a.example&to=2024-02-01&dir=asc');
  });

  it.each([
    '?q=kim+j',
    '?q=missile&source=kcna&type=state-media&tier=unrated&verdict=none&origin=manual&tag=Korea&site=wire.example&from=2024-01-01&to=2024-01-31&sort=source&dir=desc',
    '?sort=site',
    '?dir=asc',
  ])('round-trips %s', (search) => {
    const query = parse(search);
    expect(parse(`?${formatQuery(query).toString()}`)).toEqual(query);
    expect(`?${formatQuery(query).toString()}`).toBe(search);
  });
});

describe('withFilter, isNarrowed, queryKey', () => {
  it('sets and clears one filter, keeping the others', () => {
    const one = withFilter(DEFAULT_QUERY, 'verdict', 'false');
    const two = withFilter(one, 'site', 'a.example');
    expect(two.filters).toEqual({ verdict: 'false', site: 'a.example' });
    expect(withFilter(two, 'verdict', undefined).filters).toEqual({ site: 'a.example' });
    expect(DEFAULT_QUERY.filters).toEqual({});
  });

  it('tells a narrowed view from the whole library; the sort does not narrow', () => {
    expect(isNarrowed(DEFAULT_QUERY)).toBe(false);
    expect(isNarrowed({ ...DEFAULT_QUERY, sort: 'site' })).toBe(false);
    expect(isNarrowed({ ...DEFAULT_QUERY, text: '  ' })).toBe(false);
    expect(isNarrowed({ ...DEFAULT_QUERY, text: 'x' })).toBe(true);
    expect(isNarrowed(withFilter(DEFAULT_QUERY, 'tag', 'a'))).toBe(true);
  });

  it('gives equal keys to equal views', () => {
    expect(queryKey({ ...DEFAULT_QUERY, filters: { site: 'a', tag: 'b' } })).toBe(queryKey({ ...DEFAULT_QUERY, filters: { tag: 'b', site: 'a' } }));
    expect(queryKey({ ...DEFAULT_QUERY, sort: 'site' })).not.toBe(queryKey(DEFAULT_QUERY));
  });
});

describe('isDay and dayRange', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['', false],
  ])('isDay(%j) is %s', (day, ok) => {
    expect(isDay(day)).toBe(ok);
  });

  it('spans whole local days, either end open, and is null when from is after to', () => {
    expect(dayRange({})).toEqual({ fromMs: -Infinity, toMs: Infinity });
    const range = dayRange({ from: '2024-03-01', to: '2024-03-02' });
    expect(range?.fromMs).toBe(new Date(2024, 2, 1).getTime());
    expect(range?.toMs).toBe(new Date(2024, 2, 3).getTime() - 1);
    expect(dayRange({ from: '2024-03-02', to: '2024-03-01' })).toBeNull();
    expect(dayRange({ from: '2024-03-02', to: '2024-03-02' })).not.toBeNull();
  });
});
