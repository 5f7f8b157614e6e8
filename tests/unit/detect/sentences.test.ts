/**
 * Sentence segmentation: Intl.Segmenter plus the repairs news text needs, blocks that no sentence
 * crosses, and trimmed offsets.
 */
import { describe, expect, it } from 'vitest';
import { splitBlocks, splitSentences } from '../../../lib/detect/sentences';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it.each([
    ['Mr. Smith said hello. He left.', ['Mr. Smith said hello.', 'He left.']],
    ['Dr. Jones and Gen. Petraeus spoke. They agreed.', ['Dr. Jones and Gen. Petraeus spoke.', 'They agreed.']],
    ['U.S. officials said the talks failed.', ['U.S. officials said the talks failed.']],
    ['The U.S. Army said it was ready.', ['The U.S. Army said it was ready.']],
    ['He moved to the U.S. The next day he left.', ['He moved to the U.S.', 'The next day he left.']],
    ['J. K. Rowling wrote a book. It sold well.', ['J. K. Rowling wrote a book.', 'It sold well.']],
    ['The vote is on Jan. 5 in Seoul. Results follow.', ['The vote is on Jan. 5 in Seoul.', 'Results follow.']],
    ['It was signed in St. Petersburg. Talks went on.', ['It was signed in St. Petersburg.', 'Talks went on.']],
    ['The shop at No. 10 closed. It reopened.', ['The shop at No. 10 closed.', 'It reopened.']],
    ['The meeting ended at 5 p.m. Tuesday in Seoul. Nobody spoke.', ['The meeting ended at 5 p.m. Tuesday in Seoul.', 'Nobody spoke.']],
    ['“Why now?” he asked. Nobody answered.', ['“Why now?” he asked.', 'Nobody answered.']],
    ['Relations with Primorye. primarily in sports.” Then they left.', ['Relations with Primorye. primarily in sports.”', 'Then they left.']],
    ['Growth was 3.5 percent. Prices rose 1,000-fold.', ['Growth was 3.5 percent.', 'Prices rose 1,000-fold.']],
  ])('%s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('never lets a sentence cross a blank line, even one holding spaces', () => {
    const text = 'A headline without a full stop\n\nThe body starts here. It goes on.\n \t \nLast paragraph';
    expect(sentences(text)).toEqual(['A headline without a full stop', 'The body starts here.', 'It goes on.', 'Last paragraph']);
    expect(splitSentences(text).map((s) => s.block)).toEqual([0, 1, 1, 2]);
  });

  it('reads a single newline inside a block as a stray space from an inline element', () => {
    const text = 'according to \nPyongyang’s official media\n at the time, the visit went well.';
    expect(sentences(text)).toEqual([text]);
  });

  it('trims spaces so offsets cover only the sentence', () => {
    const text = '   \n  First sentence.    Second one.  \n\n   ';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First sentence.', 'Second one.']);
  });

  it('splits an over-long line-broken list back at its newlines', () => {
    const line = 'item without any punctuation at all';
    const text = Array.from({ length: 40 }, () => line).join('\n');
    expect(sentences(text)).toHaveLength(40);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \t ')).toEqual([]);
  });
});

describe('splitBlocks', () => {
  it('drops blank blocks and trims the others', () => {
    const text = '\n\n  one \n two\n\n\n\n three  \n';
    expect(splitBlocks(text).map((b) => text.slice(b.start, b.end))).toEqual(['one \n two', 'three']);
  });
});
