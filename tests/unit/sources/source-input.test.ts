import { describe, expect, it } from 'vitest';
import {
  matchableForm,
  normaliseAliases,
  normaliseCountry,
  normaliseName,
  SourceInputError,
  splitAliasList,
} from '../../../lib/sources/source-input';

describe('splitAliasList', () => {
  it.each([
    ['one per line', 'Pyongyang’s official media\nthe state agency\n', ['Pyongyang’s official media', 'the state agency']],
    ['comma-separated', 'KCNA English,  Korean Central News ,', ['KCNA English', 'Korean Central News']],
    ['both, with Windows line ends and blank lines', 'a, b\r\n\r\nc', ['a', 'b', 'c']],
    ['nothing', '  \n , ', []],
  ])('splits %s', (_case, text, expected) => {
    expect(splitAliasList(text)).toEqual(expected);
  });
});

describe('matchableForm', () => {
  it.each([
    ['The Ledger Wire', 'the Ledger Wire'],
    ['the state agency', 'the state agency'],
    ['The', 'The'],
    ['Theodore Media', 'Theodore Media'],
    ['Pyongyang’s official media', 'Pyongyang’s official media'],
  ])('%s → %s', (input, expected) => {
    expect(matchableForm(input)).toBe(expected);
  });
});

describe('normaliseAliases', () => {
  it('trims, collapses white space, drops empty entries and duplicates, keeping the first', () => {
    expect(normaliseAliases(['  Ledger   Wire ', '', 'Ledger Wire', 'LW', ' LW'])).toEqual(['Ledger Wire', 'LW']);
  });

  it('drops what the source already has (its name, a built-in’s aliases)', () => {
    expect(normaliseAliases(['KCNA', 'Korean Central News Agency', 'state agency KCNA'], ['KCNA', 'Korean Central News Agency'])).toEqual([
      'state agency KCNA',
    ]);
  });

  it('accepts 50 aliases of 120 characters', () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(120, 'x'));
    expect(normaliseAliases(aliases)).toHaveLength(50);
  });

  it.each([
    ['an alias over 120 characters', ['y'.repeat(121)], /longer than 120 characters/],
    ['51 distinct aliases', Array.from({ length: 51 }, (_, i) => `Alias ${i}`), /at most 50 aliases; this one has 51/],
  ])('refuses %s', (_case, aliases, message) => {
    expect(() => normaliseAliases(aliases)).toThrow(message);
    expect(() => normaliseAliases(aliases)).toThrow(SourceInputError);
  });

  it('counts aliases after removing duplicates', () => {
    expect(normaliseAliases(Array.from({ length: 60 }, (_, i) => `Alias ${i % 10}`))).toHaveLength(10);
  });
});

describe('normaliseName', () => {
  it('trims and collapses white space', () => {
    expect(normaliseName('  Ledger \n Wire ')).toBe('Ledger Wire');
  });
  it.each([['', /Give the source a name/], ['z'.repeat(121), /longer than 120/]])('refuses %j', (name, message) => {
    expect(() => normaliseName(name)).toThrow(message);
  });
});

describe('normaliseCountry', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    [' kp ', 'KP'],
    ['RU', 'RU'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseCountry(input)).toBe(expected);
  });
  it.each(['K', 'KPR', 'K1', 'Korea'])('refuses %j', (input) => {
    expect(() => normaliseCountry(input)).toThrow(/not a two-letter country code/);
  });
});
