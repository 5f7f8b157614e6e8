/**
 * Cutting long work into slices so the page stays responsive: no task of Sourcemark's should hold
 * the main thread for more than a frame or two (the target is 50 ms, the "long task" threshold).
 * Work runs until its slice's budget is spent, then yields to the event loop (input, rendering,
 * the page's own scripts) and carries on in a new task.
 */

/** Hands the main thread back to the event loop; resolves in a later task. */
export type YieldToMain = () => Promise<void>;

/** What `yieldFunction` needs from the window (narrow, so tests can pass fakes). */
type SchedulingView = Pick<Window, 'setTimeout'> & {
  scheduler?: { yield?: () => Promise<void> };
  MessageChannel?: typeof MessageChannel;
};

/**
 * The best way `view` has to yield: `scheduler.yield()` (Chromium; the continuation runs before
 * other queued tasks of the page), else a MessageChannel message (a new task without the 4 ms
 * clamp of nested timeouts), else `setTimeout(0)`.
 */
export function yieldFunction(view: SchedulingView): YieldToMain {
  const scheduler = view.scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return () => scheduler.yield?.call(scheduler) ?? Promise.resolve();
  const Channel = view.MessageChannel;
  if (typeof Channel === 'function') {
    return () =>
      new Promise<void>((resolve) => {
        const channel = new Channel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve();
        };
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise<void>((resolve) => view.setTimeout(resolve, 0));
}

/** Thrown (and caught by the pipeline) when a sliced job is cancelled: a newer job replaces it. */
export class Cancelled extends Error {
  constructor() {
    super('Superseded by newer work.');
    this.name = 'Cancelled';
  }
}

/** Time-sliced execution of one job. */
export type Slicer = {
  /**
   * Call between units of work: when the slice's budget is spent, yields to the event loop and
   * starts a new slice. Throws `Cancelled` once `signal` aborts, so the job stops where it is.
   */
  checkpoint(): Promise<void>;
  /** Start a new slice now (after an await that already yielded, e.g. a message round trip). */
  restart(): void;
  /** True once the slice's budget is spent: the next `checkpoint` yields (for work that can stop anywhere). */
  due(): boolean;
  /** Slices so far (the current one included). */
  readonly slices: number;
  /** The longest slice so far, in ms (the current one included). */
  readonly longestSliceMs: number;
};

/** What a slicer needs. */
export type SlicerOptions = {
  /** Work per slice, in ms, before yielding. A unit of work started is never interrupted. */
  budgetMs: number;
  /** The clock (`performance.now`). */
  now: () => number;
  /** How to yield. */
  yieldToMain: YieldToMain;
  /** Aborting cancels the job at its next checkpoint. */
  signal: AbortSignal;
};

/** A slicer for one job; its first slice starts now. */
export function createSlicer(options: SlicerOptions): Slicer {
  const { budgetMs, now, yieldToMain, signal } = options;
  let sliceStart = now();
  let slices = 1;
  let longest = 0;
  const note = () => {
    longest = Math.max(longest, now() - sliceStart);
  };
  return {
    async checkpoint() {
      if (signal.aborted) throw new Cancelled();
      if (now() - sliceStart < budgetMs) return;
      note();
      await yieldToMain();
      if (signal.aborted) throw new Cancelled();
      sliceStart = now();
      slices += 1;
    },
    due() {
      return now() - sliceStart >= budgetMs;
    },
    restart() {
      note();
      sliceStart = now();
      slices += 1;
    },
    get slices() {
      return slices;
    },
    get longestSliceMs() {
      note();
      return longest;
    },
  };
}
