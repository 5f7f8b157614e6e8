/**
 * The content script's side of `BackgroundRequest`s: send, wait (not forever), and turn every
 * outcome into a `Result`, so a missing or broken background never throws into the page.
 */
import { fail, type BackgroundRequest, type ResponseOf, type Result } from '../messages';
import type { Annotation, Source } from '../model';

/** Sends a message to the background and resolves with its answer (`runtime.sendMessage`). */
export type SendMessage = (message: BackgroundRequest) => Promise<unknown>;

/** How long to wait for an answer; an MV3 service worker may first have to start. */
export const BACKGROUND_TIMEOUT_MS = 10_000;

/** True when `value` has the shape of a `Result` (the background's answers are checked, not trusted). */
function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'string';
}

/**
 * Send `request` and return the background's `Result`. A rejected send (no background, extension
 * reloaded), a timeout, or an answer that is not a Result of the expected value all come back as a
 * failed Result whose error says what happened.
 */
export async function askBackground<R extends BackgroundRequest>(
  send: SendMessage,
  request: R,
  isValue: (value: unknown) => value is ResponseOf<R>,
  timeoutMs = BACKGROUND_TIMEOUT_MS,
): Promise<Result<ResponseOf<R>>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const answer = await Promise.race([send(request), timeout]);
    if (answer === 'timeout') return fail(`The background did not answer ${request.type} within ${timeoutMs} ms.`);
    if (!isResult(answer)) return fail(`The background answered ${request.type} with something that is not a Result.`);
    if (!answer.ok) return fail(answer.error);
    if (!isValue(answer.value)) return fail(`The background answered ${request.type} with an unexpected value.`);
    return { ok: true, value: answer.value };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`Could not reach the background for ${request.type}: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
}

/** A plain object (not null, not an array). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Shape check of a `sources:list` answer: the fields the page reads. The background is ours, so
 * this catches bugs and version skew (a stale content script), not attacks.
 */
export function isSourceList(value: unknown): value is Source[] {
  return (
    Array.isArray(value) &&
    value.every((s) => isRecord(s) && typeof s.id === 'string' && typeof s.name === 'string' && (s.rating === undefined || isRecord(s.rating)))
  );
}

/** Shape check of an `annotations:for-page` answer: the fields anchoring and the card read. */
export function isAnnotationList(value: unknown): value is Annotation[] {
  return (
    Array.isArray(value) &&
    value.every(
      (a) =>
        isRecord(a) &&
        typeof a.id === 'string' &&
        isRecord(a.target) &&
        Array.isArray(a.target.selectors) &&
        Array.isArray(a.attributions) &&
        typeof a.note === 'string' &&
        Array.isArray(a.tags),
    )
  );
}
