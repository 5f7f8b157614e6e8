/**
 * The one line an extension page uses to say what just happened ("Saved …", errors), read out
 * by screen readers: a `role="status"` `aria-live="polite"` region. Shared by the popup and the
 * options page.
 */
import { useRef, useState } from 'preact/hooks';

/** How a message reads: neutral, done, or failed. */
export type StatusTone = 'info' | 'success' | 'error';

/** A message to show. `seq` gives each its own DOM node, so a repeated message is announced again. */
export type StatusMessage = { tone: StatusTone; text: string; seq: number };

/** The current message and the function that replaces it. */
export type Status = {
  /** What the region shows, or null before the first message. */
  message: StatusMessage | null;
  /** Show `text` (and have it announced). */
  announce(tone: StatusTone, text: string): void;
};

/** State for a `StatusRegion`. */
export function useStatus(): Status {
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const seq = useRef(0);
  return {
    message,
    announce(tone, text) {
      seq.current += 1;
      setMessage({ tone, text, seq: seq.current });
    },
  };
}

/** Props of `StatusRegion`. */
export type StatusRegionProps = {
  /** The message to show, if any. */
  message: StatusMessage | null;
};

/** `<div role="status" aria-live="polite" data-testid="status">` with the message, its tone as a class. */
export function StatusRegion({ message }: StatusRegionProps) {
  return (
    <div role="status" aria-live="polite" data-testid="status" class="status">
      {message && (
        <p key={message.seq} class={`status-${message.tone}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
