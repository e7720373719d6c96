// Tells the Go side's idle timer that someone is using Tandem, at most once per interval.
import { throttle } from './throttle';

/** The kinds of input that count as "someone is here". */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'input'] as const;

/** How often, at most, activity is reported. */
export const ACTIVITY_INTERVAL_MS = 15_000;

export interface ActivityOptions {
  target: EventTarget;
  report: () => void;
  intervalMs?: number;
  now?: () => number;
}

/** Starts listening for input on target; returns a function that stops listening. */
export function trackActivity({ target, report, intervalMs = ACTIVITY_INTERVAL_MS, now }: ActivityOptions): () => void {
  const throttled = throttle(report, intervalMs, now);
  const listener = (): void => throttled();
  const options: AddEventListenerOptions = { capture: true, passive: true };
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, listener, options);
  return () => {
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, listener, options);
  };
}
