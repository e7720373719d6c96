import { describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';
import { ACTIVITY_INTERVAL_MS, trackActivity } from './tracker';

function clock(start = 1_000) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe('throttle', () => {
  it('calls at once, then at most once per interval', () => {
    const c = clock();
    const fn = vi.fn();
    const throttled = throttle(fn, 15_000, c.now);

    throttled();
    expect(fn).toHaveBeenCalledTimes(1);

    c.advance(5_000);
    throttled();
    c.advance(9_999);
    throttled();
    expect(fn).toHaveBeenCalledTimes(1);

    c.advance(1);
    throttled();
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('goes through again at once after reset', () => {
    const c = clock();
    const fn = vi.fn();
    const throttled = throttle(fn, 15_000, c.now);
    throttled();
    throttled.reset();
    throttled();
    expect(fn).toHaveBeenCalledTimes(2);
  });
});

describe('trackActivity', () => {
  it('reports keyboard, pointer, wheel and input events, throttled to one per 15 s', () => {
    const c = clock();
    const target = new EventTarget();
    const report = vi.fn();
    const stop = trackActivity({ target, report, now: c.now });

    target.dispatchEvent(new Event('keydown'));
    target.dispatchEvent(new Event('pointerdown'));
    target.dispatchEvent(new Event('wheel'));
    target.dispatchEvent(new Event('input'));
    expect(report).toHaveBeenCalledTimes(1);

    c.advance(ACTIVITY_INTERVAL_MS);
    target.dispatchEvent(new Event('wheel'));
    expect(report).toHaveBeenCalledTimes(2);

    stop();
    c.advance(ACTIVITY_INTERVAL_MS);
    target.dispatchEvent(new Event('keydown'));
    expect(report).toHaveBeenCalledTimes(2);
  });

  it('ignores events that do not show someone is there', () => {
    const target = new EventTarget();
    const report = vi.fn();
    trackActivity({ target, report });
    target.dispatchEvent(new Event('focus'));
    target.dispatchEvent(new Event('mousemove'));
    expect(report).not.toHaveBeenCalled();
  });
});
