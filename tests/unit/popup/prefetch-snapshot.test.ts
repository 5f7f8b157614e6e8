import { describe, expect, it } from 'vitest';
import type { PageSnapshot, Result } from '../../../lib/messages';
import { prefetchSnapshot, withFirstSnapshot } from '../../../lib/popup/prefetch-snapshot';
import type { PagePort } from '../../../lib/popup/ports';

function countingPort(): { port: PagePort; calls: () => number } {
  let calls = 0;
  const port: PagePort = {
    getSnapshot: async () => {
      calls += 1;
      return { ok: false, error: `answer ${calls}` } satisfies Result<PageSnapshot>;
    },
    notifyChanged: async () => {},
    showClaim: async () => {},
    notifySettingsChanged: async () => {},
    selectionSelectors: async () => ({ ok: false, error: 'unused' }),
  };
  return { port, calls: () => calls };
}

describe('prefetchSnapshot', () => {
  it('asks the page at once, and hands that answer to the first caller', async () => {
    const { port, calls } = countingPort();
    const prefetched = prefetchSnapshot(port);
    expect(calls()).toBe(1);
    expect(await prefetched.getSnapshot()).toEqual({ ok: false, error: 'answer 1' });
    expect(calls()).toBe(1);
  });

  it('asks again on later calls', async () => {
    const { port, calls } = countingPort();
    const prefetched = prefetchSnapshot(port);
    await prefetched.getSnapshot();
    expect(await prefetched.getSnapshot()).toEqual({ ok: false, error: 'answer 2' });
    expect(calls()).toBe(2);
  });

  it('keeps the other requests of the port', () => {
    const { port } = countingPort();
    const prefetched = prefetchSnapshot(port);
    expect(prefetched.notifyChanged).toBe(port.notifyChanged);
    expect(prefetched.showClaim).toBe(port.showClaim);
  });
});

describe('withFirstSnapshot', () => {
  it('answers the first call with the request already made, and asks the page on later calls', async () => {
    const { port, calls } = countingPort();
    const early = Promise.resolve<Result<PageSnapshot>>({ ok: false, error: 'asked early' });
    const wrapped = withFirstSnapshot(port, early);
    expect(calls()).toBe(0);
    expect(await wrapped.getSnapshot()).toEqual({ ok: false, error: 'asked early' });
    expect(calls()).toBe(0);
    expect(await wrapped.getSnapshot()).toEqual({ ok: false, error: 'answer 1' });
  });
});
