import { describe, expect, it } from 'vitest';
import { optionsPath, parsePrefill } from '../../../lib/sources/prefill';

describe('optionsPath', () => {
  it('puts the name and type in the options page’s query', () => {
    expect(optionsPath({ name: 'Pyongyang’s official media', type: 'state-media' })).toBe(
      '/options.html?name=Pyongyang%E2%80%99s+official+media&type=state-media',
    );
    expect(optionsPath({ name: 'A & B' })).toBe('/options.html?name=A+%26+B');
  });
});

describe('parsePrefill', () => {
  it('reads back what optionsPath wrote', () => {
    const prefill = { name: 'Pyongyang’s official media', type: 'state-media' } as const;
    expect(parsePrefill(new URL(optionsPath(prefill), 'chrome-extension://x').search)).toEqual(prefill);
  });

  it.each([
    ['no query', '', null],
    ['a blank name', '?name=%20%20&type=government', null],
    ['an unknown type', '?name=Ledger%20Wire&type=blog', { name: 'Ledger Wire' }],
    ['white space in the name', '?name=%20Ledger%0AWire%20', { name: 'Ledger Wire' }],
  ])('handles %s', (_case, search, expected) => {
    expect(parsePrefill(search)).toEqual(expected);
  });

  it('cuts a long name to 120 characters', () => {
    expect(parsePrefill(`?name=${'a'.repeat(500)}`)?.name).toHaveLength(120);
  });
});
