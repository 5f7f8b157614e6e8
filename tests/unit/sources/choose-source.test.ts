import { describe, expect, it } from 'vitest';
import { BUILTIN_SOURCES } from '../../../lib/detect/registry';
import { attributionFor, chooseSource, isUserAttribution, MAX_SOURCE_NAME_LENGTH, sameSource } from '../../../lib/sources/choose-source';
import { mergeRegistry } from '../../../lib/sources/merge-registry';
import { attribution, source } from '../highlight/builders';

const registry = mergeRegistry(BUILTIN_SOURCES, [source('ledger-wire', 'the Ledger Wire', { aliases: ['Ledger'], type: 'news-agency' })]);

describe('chooseSource', () => {
  it.each([
    ['a registry name', 'TASS', { id: 'tass', label: 'TASS' }],
    ['a name in another case, with extra spaces', '  kcna ', { id: 'kcna', label: 'KCNA' }],
    ['an alias', 'AP', { id: 'ap', label: 'Associated Press' }],
    ["one of the user's sources by alias", 'ledger', { id: 'ledger-wire', label: 'the Ledger Wire' }],
  ])('finds %s', (_name, typed, expected) => {
    const choice = chooseSource(typed, registry);
    expect(choice?.ref?.id).toBe(expected.id);
    expect(choice?.label).toBe(expected.label);
  });

  it('keeps a name the registry does not know as a new, unresolved source of type other', () => {
    expect(chooseSource(' US   State Department ', registry)).toEqual({ ref: null, label: 'US State Department', type: 'other' });
  });

  it('is null for a blank input, and refuses an overlong name', () => {
    expect(chooseSource('  \n ', registry)).toBeNull();
    expect(() => chooseSource('x'.repeat(MAX_SOURCE_NAME_LENGTH + 1), registry)).toThrow(RangeError);
  });
});

describe('attributionFor and isUserAttribution', () => {
  it('makes an attribution without cue words, told apart from detected ones', () => {
    const chosen = attributionFor({ ref: null, label: 'Someone', type: 'other' }, { start: 40 });
    expect(chosen).toMatchObject({ label: 'Someone', source: null, cue: null, sourceText: null, start: 40, end: 40, reportedBy: null });
    expect(isUserAttribution(chosen)).toBe(true);
    expect(isUserAttribution(attribution('KCNA', { id: 'kcna' }))).toBe(false);
    // A carried-over quotation has no cue either, but is the detector's.
    expect(isUserAttribution(attribution('KCNA', { cue: null, cueStance: null, carriedOver: true }))).toBe(false);
  });
});

describe('sameSource', () => {
  it('compares registry ids, else names', () => {
    const kcna = chooseSource('KCNA', registry);
    const typed = chooseSource('american AUTHORITIES', registry);
    if (!kcna || !typed) throw new Error('fixture');
    expect(sameSource([attribution('KCNA', { id: 'kcna' })], kcna)).toBe(true);
    expect(sameSource([attribution('Yonhap', { id: 'yonhap' })], kcna)).toBe(false);
    expect(sameSource([attribution('American authorities')], typed)).toBe(true);
    expect(sameSource([], typed)).toBe(false);
  });
});
