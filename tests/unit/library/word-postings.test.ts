import { describe, expect, it } from 'vitest';
import { SEP } from '../../../lib/library/index-fields';
import { countOfPostingKey, foldedWordsMatch, newBlockId, postingsOf, sameWords, wordOfPostingKey } from '../../../lib/library/word-postings';

describe('postingsOf', () => {
  it('lists each word once per block, with every key holding it, and the count in the key', () => {
    const rows = postingsOf(
      [
        { key: 'k1', words: ['kcna', 'said'] },
        { key: 'k2', words: ['said'] },
        { key: 'k3', words: ['yonhap', 'kcna'] },
      ],
      'b1',
    );
    expect(rows).toEqual([
      { key: `kcna${SEP}b1${SEP}2`, keys: ['k1', 'k3'] },
      { key: `said${SEP}b1${SEP}2`, keys: ['k1', 'k2'] },
      { key: `yonhap${SEP}b1${SEP}1`, keys: ['k3'] },
    ]);
    expect(rows.map((row) => [wordOfPostingKey(row.key), countOfPostingKey(row.key)])).toEqual([
      ['kcna', 2],
      ['said', 2],
      ['yonhap', 1],
    ]);
  });

  it('gives nothing for rows without words', () => {
    expect(postingsOf([{ key: 'k1', words: [] }], 'b')).toEqual([]);
  });
});

describe('helpers', () => {
  it('makes block ids that differ and hold no separator', () => {
    const ids = new Set(Array.from({ length: 200 }, newBlockId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]+$/);
  });

  it('matches a prefix against folded words, and compares word lists', () => {
    expect(foldedWordsMatch(['missiles', 'kcna'], 'miss')).toBe(true);
    expect(foldedWordsMatch(['kcna'], 'miss')).toBe(false);
    expect(sameWords(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameWords(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameWords(['a'], ['a', 'b'])).toBe(false);
  });
});
