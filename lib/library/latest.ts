/**
 * Run async work for the latest input only: what keeps the search box responsive. Pure.
 *
 * At most one run is in flight. An input that arrives meanwhile waits, and is replaced by any
 * later one, so a burst of keystrokes costs at most two queries, the first and the last, and no
 * fixed delay is added before the first. An answer is delivered only if its input is still the
 * latest: a slow answer for "kre" never overwrites the answer for "kremlin".
 */

/** The outcome of one run. */
export type RunOutcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

/** A runner over one kind of work. */
export type LatestRunner<I> = {
  /** Ask for the answer to `input`; earlier inputs not yet answered are dropped. */
  run(input: I): void;
  /** Deliver nothing more (the view is gone). */
  dispose(): void;
};

/**
 * Make a runner: `work` computes an answer, `deliver` receives the answer of the latest input
 * (a failure too, as `ok: false`).
 */
export function createLatestRunner<I, O>(
  work: (input: I) => Promise<O>,
  deliver: (input: I, outcome: RunOutcome<O>) => void,
): LatestRunner<I> {
  let latest: { input: I } | null = null;
  let busy = false;
  let waiting = false;
  let disposed = false;

  const start = (input: I) => {
    busy = true;
    const finish = (outcome: RunOutcome<O>) => {
      busy = false;
      if (disposed) return;
      if (latest !== null && latest.input === input && !waiting) deliver(input, outcome);
      if (waiting && latest !== null) {
        waiting = false;
        start(latest.input);
      }
    };
    let pending: Promise<O>;
    try {
      pending = work(input);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => finish({ ok: true, value }),
      (error: unknown) => finish({ ok: false, error }),
    );
  };

  return {
    run(input) {
      if (disposed) return;
      latest = { input };
      if (busy) waiting = true;
      else start(input);
    },
    dispose() {
      disposed = true;
    },
  };
}
