import { describe, expect, it } from 'vitest';
import { builtinSources, resolveSource } from '../../../lib/detect';
import type { Source, SourceRating } from '../../../lib/model';
import { filterRegistry, mergeRegistry, searchKey } from '../../../lib/sources/merge-registry';

const KCNA_RATING: SourceRating = { tier: 'propaganda', rationale: 'State-run.', evidence: [], ratedAt: '2024-05-02T09:00:00.000Z' };

const STORED: Source[] = [
  // A built-in the user rated and gave an alias (and one alias it already has).
  { id: 'kcna', name: 'KCNA', aliases: ['the state agency', 'Korean Central News Agency'], type: 'state-media', builtin: true, rating: KCNA_RATING },
  // The user's own sources.
  { id: 'ledger-wire', name: 'Ledger Wire', aliases: [], type: 'news-agency', builtin: false },
  { id: 'north-korean-state-media', name: 'North Korean state media', aliases: ['Pyongyang’s official media'], type: 'state-media', country: 'KP', builtin: false },
  // A user alias that is also a built-in's: the user's wins in detection.
  { id: 'guardian-nigeria', name: 'Guardian Nigeria', aliases: ['Guardian'], type: 'newspaper-broadcaster', country: 'NG', builtin: false },
];

describe('mergeRegistry', () => {
  const entries = mergeRegistry(builtinSources, STORED);
  const entry = (id: string) => {
    const found = entries.find((e) => e.id === id);
    if (!found) throw new Error(`no entry ${id}`);
    return found;
  };

  it('lists every built-in once and every user source, the user’s own first, each by name', () => {
    expect(entries).toHaveLength(builtinSources.length + 3);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.slice(0, 3).map((e) => e.source.name)).toEqual(['Guardian Nigeria', 'Ledger Wire', 'North Korean state media']);
    const shippedNames = entries.slice(3).map((e) => e.source.name);
    expect(shippedNames).toEqual([...shippedNames].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('ignores tombstones: a deleted user source is gone, a built-in with a deleted overlay shows as shipped', () => {
    const deletedAt = '2024-06-01T00:00:00.000Z';
    const merged = mergeRegistry(builtinSources, [
      { ...STORED[1]!, deletedAt },
      { id: 'tass', name: 'TASS', aliases: ['the Russian agency'], type: 'state-media', builtin: true, rating: KCNA_RATING, deletedAt },
    ]);
    expect(merged).toHaveLength(builtinSources.length);
    expect(merged.find((e) => e.id === 'ledger-wire')).toBeUndefined();
    const tass = merged.find((e) => e.id === 'tass');
    expect(tass?.stored).toBeUndefined();
    expect(tass?.userAliases).toEqual([]);
    expect(tass?.source).toEqual(builtinSources.find((b) => b.id === 'tass'));
  });

  it('overlays a stored row on its built-in: rating, merged aliases, and the user’s aliases apart', () => {
    expect(entry('kcna')).toMatchObject({
      origin: 'builtin',
      source: { id: 'kcna', name: 'KCNA', type: 'state-media', country: 'KP', rating: KCNA_RATING },
      builtinAliases: ['Korean Central News Agency'],
      userAliases: ['the state agency'],
    });
    expect(entry('kcna').source.aliases).toEqual(['Korean Central News Agency', 'the state agency']);
  });

  it('leaves an untouched built-in as shipped', () => {
    const tass = builtinSources.find((s) => s.id === 'tass');
    expect(entry('tass')).toEqual({ id: 'tass', source: tass, origin: 'builtin', builtinAliases: tass?.aliases, userAliases: [], stored: undefined });
  });

  it('marks user sources as the user’s, with all their aliases the user’s', () => {
    expect(entry('north-korean-state-media')).toMatchObject({ origin: 'user', builtinAliases: [], userAliases: ['Pyongyang’s official media'] });
  });

  it('treats a stored row whose built-in no longer exists as the user’s own', () => {
    const orphan: Source = { id: 'gone-agency', name: 'Gone Agency', aliases: [], type: 'news-agency', builtin: true };
    expect(mergeRegistry(builtinSources, [orphan])[0]).toMatchObject({ id: 'gone-agency', origin: 'user' });
  });

  it('agrees with detection: each user source’s name and aliases resolve to that entry', () => {
    for (const e of entries.filter((x) => x.origin === 'user' || x.userAliases.length > 0)) {
      for (const words of [e.source.name, ...e.userAliases]) {
        expect(resolveSource(words, STORED)?.id, words).toBe(e.id);
        expect(resolveSource(words, STORED)?.name).toBe(e.source.name);
      }
    }
  });
});

describe('filterRegistry', () => {
  const entries = mergeRegistry(builtinSources, STORED);
  const ids = (query: string) => filterRegistry(entries, query).map((e) => e.id);

  it.each([
    ['', entries.length],
    ['   ', entries.length],
  ])('keeps everything for %j', (query, count) => {
    expect(filterRegistry(entries, query)).toHaveLength(count);
  });

  it.each([
    ['ledger', ['ledger-wire']],
    ['pyongyang\'s', ['north-korean-state-media']],
    ['STATE AGENCY', ['kcna']],
    ['central news agency', ['kcna']],
    ['agence france presse', ['afp']],
    ['al jazeera', ['al-jazeera']],
  ])('finds %j by name or alias, ignoring case and apostrophe style', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('finds nothing for words no source has', () => {
    expect(ids('zzz no such source')).toEqual([]);
  });
});

describe('searchKey', () => {
  it('folds case, accents, apostrophes, hyphens and white space', () => {
    expect(searchKey('  Agence  FRANCE‑Presse’s Éditions ')).toBe("agence france presse's editions");
  });
});
