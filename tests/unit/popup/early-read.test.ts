import { describe, expect, it } from 'vitest';
import { fail, ok, type PageSnapshot, type Result } from '../../../lib/messages';
import type { Annotation, Source } from '../../../lib/model';
import { firstScreenWithin, startEarlyRead, type EarlyReadPorts, type FirstScreenReader } from '../../../lib/popup/early-read';
import { makeAnnotation, makeSource } from '../support/store-fixtures';
import { seedSnapshot } from './seed-snapshot';

/** A promise and the functions that settle it, for answers that arrive when the test says. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Ports whose answers the test releases, recording what was asked and when. */
function controlledPorts() {
  const log: string[] = [];
  const page = deferred<Result<PageSnapshot>>();
  const store = deferred<FirstScreenReader>();
  const annotations: Annotation[] = [makeAnnotation({ id: 'saved', note: 'Checked' })];
  const sources: Source[] = [makeSource()];
  const reader: FirstScreenReader = {
    pageAnnotations: async (url) => {
      log.push(`annotations of ${url}`);
      return annotations;
    },
    sources: async () => {
      log.push('sources');
      return sources;
    },
    close: () => log.push('closed'),
  };
  const ports: EarlyReadPorts = {
    findTab: async () => {
      log.push('tab');
      return 7;
    },
    askPage: (tab) => {
      log.push('page asked');
      return tab.then(() => page.promise);
    },
    openStore: () => {
      log.push('store opened');
      return store.promise;
    },
  };
  return { ports, log, page, store, reader, annotations, sources };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startEarlyRead', () => {
  it('asks the page and opens the database at once, side by side', () => {
    const { ports, log } = controlledPorts();
    startEarlyRead(ports);
    expect(log).toEqual(['tab', 'page asked', 'store opened']);
  });

  it("reads the sources as soon as the database is open, the page's annotations once the page says its URL", async () => {
    const { ports, log, page, store, reader, annotations, sources } = controlledPorts();
    const early = startEarlyRead(ports);
    store.resolve(reader);
    await flush();
    expect(log).toContain('sources');
    expect(log.some((l) => l.startsWith('annotations'))).toBe(false);
    expect(early.settled()).toBeUndefined();
    const snapshot = seedSnapshot();
    page.resolve(ok(snapshot));
    const data = await early.firstScreen;
    expect(data).toEqual({ snapshot, annotations, sources });
    expect(log).toContain(`annotations of ${snapshot.url}`);
    expect(early.settled()).toBe(data);
    expect(await early.snapshot).toEqual(ok(snapshot));
    await flush();
    expect(log.at(-1)).toBe('closed');
  });

  it('gives no first screen when the page cannot be read, and still answers its failure', async () => {
    const { ports, page, store, reader, log } = controlledPorts();
    const early = startEarlyRead(ports);
    store.resolve(reader);
    page.resolve(fail('No content script on this page.'));
    expect(await early.firstScreen).toBeNull();
    expect(early.settled()).toBeNull();
    expect(await early.snapshot).toEqual(fail('No content script on this page.'));
    expect(log.some((l) => l.startsWith('annotations'))).toBe(false);
  });

  it('gives no first screen when there is no database yet, and the page answer stays usable', async () => {
    const { ports, page, store } = controlledPorts();
    const early = startEarlyRead(ports);
    store.reject(new Error('no database yet'));
    page.resolve(ok(seedSnapshot()));
    expect(await early.firstScreen).toBeNull();
    expect((await early.snapshot).ok).toBe(true);
  });

  it('gives no first screen when a read fails, and closes the connection', async () => {
    const { ports, page, store, reader, log } = controlledPorts();
    const early = startEarlyRead(ports);
    store.resolve({ ...reader, pageAnnotations: async () => Promise.reject(new Error('read failed')) });
    page.resolve(ok(seedSnapshot()));
    expect(await early.firstScreen).toBeNull();
    await flush();
    expect(log.at(-1)).toBe('closed');
  });
});

describe('firstScreenWithin', () => {
  it('answers at once with what has settled', async () => {
    const { ports, page, store, reader } = controlledPorts();
    const early = startEarlyRead(ports);
    store.resolve(reader);
    page.resolve(ok(seedSnapshot()));
    await early.firstScreen;
    let timers = 0;
    const data = await firstScreenWithin(early, 100, () => {
      timers += 1;
    });
    expect(data?.snapshot.url).toBe(seedSnapshot().url);
    expect(timers).toBe(0);
  });

  it('gives up after the time given (null: the popup renders and fills in later)', async () => {
    const { ports } = controlledPorts();
    const early = startEarlyRead(ports);
    let fire: (() => void) | undefined;
    const waiting = firstScreenWithin(early, 100, (run, ms) => {
      expect(ms).toBe(100);
      fire = run;
    });
    fire?.();
    expect(await waiting).toBeNull();
  });
});
