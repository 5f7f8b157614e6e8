/**
 * valibot's validation issues in words a user can act on: `expected a text value, got the number
 * 42`, `is missing`, `is not a field Sourcemark knows`. Pure.
 */
import type * as v from 'valibot';
import { describeValue, type PathSegment } from './import-error';

const EXPECTED_WORDS: Record<string, string> = {
  string: 'a text value',
  number: 'a number',
  boolean: 'true or false',
  Object: 'an object',
  Array: 'a list',
  null: 'null',
};

function expectedWords(expected: string): string {
  return expected
    .split(' | ')
    .map((part) => EXPECTED_WORDS[part] ?? part)
    .join(' or ');
}

/** The message for an issue that its schema did not word itself. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const expected = issue.expected ?? '';
  if (issue.kind === 'schema' && expected === 'never' && (issue.path?.at(-1) as { origin?: string } | undefined)?.origin === 'key') {
    return 'is not a field this version of Sourcemark knows';
  }
  if (issue.kind === 'schema' && issue.input === undefined && issue.path !== undefined) return 'is missing';
  if (issue.type === 'picklist' || issue.type === 'literal') {
    return `is ${describeValue(issue.input)}; expected ${expected.split(' | ').join(', ')}`;
  }
  if (issue.kind === 'schema') return `expected ${expectedWords(expected)}, got ${describeValue(issue.input)}`;
  return `${issue.message} (got ${describeValue(issue.input)})`;
}

/** The path of an issue as segments (object keys and array indexes). */
export function issuePath(issue: v.BaseIssue<unknown>): PathSegment[] {
  return (issue.path ?? []).map((item) => item.key as PathSegment);
}
