/**
 * The position scanner: it must agree with JSON.parse on what is valid (else a message would
 * point at the wrong place or at nothing), and find the line of any path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPathPosition, findSyntaxError, positionAt } from '../../../lib/exchange/json-position';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON texts, then damaged: a character dropped, replaced or inserted, or the text cut short. */
const damagedJson = fc
  .tuple(fc.jsonValue(), fc.boolean(), fc.nat(), fc.constantFrom('', ',', '"', '{', ']', ':', '\\', '\n', 'x', '0', '-', '\u0001'), fc.constantFrom('drop', 'replace', 'insert', 'cut'))
  .map(([value, pretty, at, char, how]) => {
    const text = JSON.stringify(value, null, pretty ? 2 : 0) ?? 'null';
    const i = at % (text.length + 1);
    if (how === 'drop') return text.slice(0, i) + text.slice(i + 1);
    if (how === 'replace') return text.slice(0, i) + char + text.slice(i + 1);
    if (how === 'insert') return text.slice(0, i) + char + text.slice(i);
    return text.slice(0, i);
  });

describe('findSyntaxError', () => {
  it('finds an error exactly when JSON.parse rejects the text', () => {
    fc.assert(
      fc.property(fc.oneof(damagedJson, fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
        expect(findSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['{"a": 1,}', 1, 9, 'expected a field name'],
    ['{\n  "a": [1,\n  2,,]\n}', 3, 5, 'where a value should be'],
    ['{"a": "b', 1, 7, 'never closed'],
    ['[1, 2', 1, 6, 'cut short'],
    ['{"a": tru}', 1, 7, 'where a value should be'],
    ['{"a": "x\ny"}', 1, 9, 'line break or control character'],
    ['{} {}', 1, 4, 'after the end'],
  ])('%j: line %i, column %i', (text, line, column, problem) => {
    const found = findSyntaxError(text);
    expect(found?.position).toMatchObject({ line, column });
    expect(found?.problem).toContain(problem);
  });

  it('scans a million levels of nesting without overflowing the stack', () => {
    expect(findSyntaxError(`${'['.repeat(1_000_000)}${']'.repeat(999_999)}`)?.problem).toContain('cut short');
  });
});

describe('findPathPosition', () => {
  const text = '{\n  "annotations": [\n    {"id": "a"},\n    {\n      "id": "b",\n      "target": {"selectors": [{"exact": 5}]}\n    }\n  ],\n  "k\\"ey": 1\n}';

  it.each([
    [['annotations', 1, 'target', 'selectors', 0, 'exact'], 6, 42],
    [['annotations', 0, 'id'], 3, 12],
    [['annotations', 1], 4, 5],
    [['k"ey'], 9, 12],
    [[], 1, 1],
  ])('%j is at line %i, column %i', (path, line, column) => {
    expect(findPathPosition(text, path)).toMatchObject({ line, column });
  });

  it('a missing field points at the record that lacks it', () => {
    expect(findPathPosition(text, ['annotations', 0, 'url'])).toMatchObject({ line: 3, column: 5 });
  });

  it('positionAt counts lines by \\n, CRLF once', () => {
    expect(positionAt('a\r\nbc', 4)).toEqual({ offset: 4, line: 2, column: 2 });
  });
});
