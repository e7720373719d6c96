// Calls a function at most once per interval (on the leading edge), ignoring calls in between.

export interface Throttled {
  (): void;
  /** Forgets the last call, so the next one goes through at once. */
  reset(): void;
}

export function throttle(fn: () => void, intervalMs: number, now: () => number = Date.now): Throttled {
  let last: number | undefined;
  const throttled = (() => {
    const time = now();
    if (last !== undefined && time - last < intervalMs) return;
    last = time;
    fn();
  }) as Throttled;
  throttled.reset = () => {
    last = undefined;
  };
  return throttled;
}
