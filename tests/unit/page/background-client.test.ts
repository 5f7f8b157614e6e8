import { describe, expect, it } from 'vitest';
import { askBackground, isAnnotationList, isSourceList } from '../../../lib/page/background-client';
import { annotation, source } from '../highlight/builders';

const list = { type: 'sources:list' } as const;

describe('askBackground', () => {
  it('returns the value of a successful Result', async () => {
    const sources = [source('kcna', 'KCNA')];
    const result = await askBackground(async () => ({ ok: true, value: sources }), list, isSourceList);
    expect(result).toEqual({ ok: true, value: sources });
  });

  it('passes a failed Result on', async () => {
    const result = await askBackground(async () => ({ ok: false, error: 'Database closed.' }), list, isSourceList);
    expect(result).toEqual({ ok: false, error: 'Database closed.' });
  });

  it.each([
    ['no answer', undefined],
    ['a bare value', []],
    ['a Result without value', { ok: true }],
    ['a failure without words', { ok: false }],
  ])('fails on %s', async (_name, answer) => {
    const result = await askBackground(async () => answer, list, isSourceList);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('not a Result') });
  });

  it('fails on a value of the wrong shape', async () => {
    const result = await askBackground(async () => ({ ok: true, value: [{ id: 1 }] }), list, isSourceList);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('unexpected value') });
  });

  it('fails, not throws, when the message cannot be sent', async () => {
    const result = await askBackground(
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      list,
      isSourceList,
    );
    expect(result).toEqual({ ok: false, error: expect.stringContaining('Receiving end does not exist') });
  });

  it('fails after a timeout when the background never answers', async () => {
    const result = await askBackground(() => new Promise(() => undefined), list, isSourceList, 10);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('did not answer sources:list within 10 ms') });
  });
});

describe('answer shape checks', () => {
  it('accepts sources and annotations as the store returns them', () => {
    expect(isSourceList([source('a', 'A')])).toBe(true);
    expect(isAnnotationList([annotation('x', 'some text', 'text')])).toBe(true);
  });

  it('rejects malformed lists', () => {
    expect(isSourceList({})).toBe(false);
    expect(isSourceList([null])).toBe(false);
    expect(isAnnotationList([{ id: 'x' }])).toBe(false);
    expect(isAnnotationList([{ ...annotation('x', 'some text', 'text'), target: null }])).toBe(false);
  });
});
