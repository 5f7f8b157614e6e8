/**
 * Chromium traces of a page's renderer, for the benchmarks that read main-thread tasks from them
 * (bench/browser.ts: the longest task of a scan; bench/library.ts: the popup's CPU time).
 */
import type { BrowserContext, Page } from 'playwright-core';

/** One trace event, as much of it as the benchmarks read. */
export type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of an `X` event, µs: unlike `dur`, not inflated while the thread waits for a core. */
  tdur?: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; startTime?: number };
};

/** Categories that hold the main thread's tasks (`RunTask`) and `performance.measure()` spans. */
export const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing', '__metadata'];

/** Start tracing `page`'s renderer; returns a function that stops and returns the events. */
export async function startTrace(context: BrowserContext, page: Page): Promise<() => Promise<TraceEvent[]>> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (message) => {
    // Typed by the protocol as string maps; the events carry numbers and objects too.
    for (const event of message.value as unknown as TraceEvent[]) events.push(event);
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  } as never);
  return async () => {
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => undefined);
    return events;
  };
}
