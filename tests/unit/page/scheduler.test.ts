/** Time slicing: yield only when the budget is spent, stop when cancelled. */
import { describe, expect, it, vi } from 'vitest';
import { Cancelled, createSlicer, yieldFunction } from '../../../lib/page/scheduler';

describe('createSlicer', () => {
  it('yields once a slice has used its budget, and counts slices', async () => {
    let clock = 0;
    const yieldToMain = vi.fn(async () => undefined);
    const slicer = createSlicer({ budgetMs: 10, now: () => clock, yieldToMain, signal: new AbortController().signal });
    clock = 4;
    await slicer.checkpoint();
    expect(yieldToMain).not.toHaveBeenCalled();
    clock = 12;
    await slicer.checkpoint();
    expect(yieldToMain).toHaveBeenCalledTimes(1);
    expect(slicer.slices).toBe(2);
    clock = 15;
    expect(slicer.longestSliceMs).toBe(12);
  });

  it('throws Cancelled at the next checkpoint once aborted', async () => {
    const controller = new AbortController();
    const slicer = createSlicer({ budgetMs: 10, now: () => 0, yieldToMain: async () => undefined, signal: controller.signal });
    controller.abort();
    await expect(slicer.checkpoint()).rejects.toBeInstanceOf(Cancelled);
  });

  it('notices an abort that came while it yielded', async () => {
    const controller = new AbortController();
    let clock = 0;
    const slicer = createSlicer({
      budgetMs: 1,
      now: () => (clock += 5),
      yieldToMain: async () => controller.abort(),
      signal: controller.signal,
    });
    await expect(slicer.checkpoint()).rejects.toBeInstanceOf(Cancelled);
  });
});

describe('yieldFunction', () => {
  it('uses scheduler.yield where there is one', async () => {
    const yieldSpy = vi.fn(async () => undefined);
    const fn = yieldFunction({ setTimeout: globalThis.setTimeout, scheduler: { yield: yieldSpy } } as never);
    await fn();
    expect(yieldSpy).toHaveBeenCalledTimes(1);
  });

  it('falls back to a MessageChannel task, then to setTimeout', async () => {
    await yieldFunction({ setTimeout: globalThis.setTimeout, MessageChannel } as never)();
    const timeout = vi.fn((callback: () => void) => globalThis.setTimeout(callback, 0));
    await yieldFunction({ setTimeout: timeout } as never)();
    expect(timeout).toHaveBeenCalledTimes(1);
  });
});
