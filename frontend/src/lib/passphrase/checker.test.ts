import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PassphraseCheck } from '$lib/api';
import { DebouncedCheck, EMPTY_STRENGTH, strengthAllows, type StrengthState } from './checker';

const weak: PassphraseCheck = { ok: false, message: 'Too short.', hint: 'Add words.' };
const strong: PassphraseCheck = { ok: true, message: '', hint: '' };

describe('DebouncedCheck', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks once after typing pauses for 250 ms', async () => {
    const check = vi.fn(async (p: string) => (p.length > 10 ? strong : weak));
    const states: StrengthState[] = [];
    const checker = new DebouncedCheck(check, (s) => states.push(s));

    checker.update('k');
    checker.update('ke');
    checker.update('kettle orbit');
    await vi.advanceTimersByTimeAsync(249);
    expect(check).not.toHaveBeenCalled();
    expect(states.at(-1)).toMatchObject({ value: 'kettle orbit', pending: true });

    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(1);
    expect(check).toHaveBeenCalledWith('kettle orbit');
    expect(states.at(-1)).toEqual({ value: 'kettle orbit', pending: false, result: strong, failed: false });
  });

  it('drops an answer for a value that is no longer typed', async () => {
    let resolveFirst: (c: PassphraseCheck) => void = () => {};
    const check = vi
      .fn<(p: string) => Promise<PassphraseCheck>>()
      .mockImplementationOnce(() => new Promise((r) => (resolveFirst = r)))
      .mockImplementationOnce(async () => weak);
    const states: StrengthState[] = [];
    const checker = new DebouncedCheck(check, (s) => states.push(s));

    checker.update('first value');
    await vi.advanceTimersByTimeAsync(250);
    checker.update('second');
    await vi.advanceTimersByTimeAsync(250);
    resolveFirst(strong);
    await vi.advanceTimersByTimeAsync(0);

    expect(states.at(-1)).toEqual({ value: 'second', pending: false, result: weak, failed: false });
  });

  it('resets at once when the field is emptied', async () => {
    const check = vi.fn(async () => weak);
    const states: StrengthState[] = [];
    const checker = new DebouncedCheck(check, (s) => states.push(s));
    checker.update('abc');
    checker.update('');
    await vi.advanceTimersByTimeAsync(1000);
    expect(check).not.toHaveBeenCalled();
    expect(states.at(-1)).toEqual(EMPTY_STRENGTH);
  });

  it('marks a failed check so the Go side can judge on submit', async () => {
    const checker = new DebouncedCheck(
      async () => {
        throw new Error('x');
      },
      (s) => states.push(s),
    );
    const states: StrengthState[] = [];
    checker.update('anything');
    await vi.advanceTimersByTimeAsync(250);
    expect(states.at(-1)).toEqual({ value: 'anything', pending: false, result: null, failed: true });
  });

  it('runs a waiting check at once on flush and resolves when it is done', async () => {
    const check = vi.fn(async (p: string) => (p.length > 10 ? strong : weak));
    const checker = new DebouncedCheck(check, () => {});
    checker.update('kettle orbit velvet');
    const settled = await checker.flush();
    expect(check).toHaveBeenCalledTimes(1);
    expect(settled).toEqual({ value: 'kettle orbit velvet', pending: false, result: strong, failed: false });
    await vi.advanceTimersByTimeAsync(1000);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('waits on flush for a check already running', async () => {
    let resolve: (c: PassphraseCheck) => void = () => {};
    const check = vi.fn(() => new Promise<PassphraseCheck>((r) => (resolve = r)));
    const checker = new DebouncedCheck(check, () => {});
    checker.update('some value');
    await vi.advanceTimersByTimeAsync(250);
    const flushed = checker.flush();
    resolve(weak);
    expect(await flushed).toMatchObject({ value: 'some value', pending: false, result: weak });
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('returns the current state on flush when nothing is waiting', async () => {
    const checker = new DebouncedCheck(async () => strong, () => {});
    expect(await checker.flush()).toEqual(EMPTY_STRENGTH);
  });

  it('does nothing after dispose', async () => {
    const check = vi.fn(async () => strong);
    const onChange = vi.fn();
    const checker = new DebouncedCheck(check, onChange);
    checker.update('some words here');
    onChange.mockClear();
    checker.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('strengthAllows', () => {
  it('allows only a finished, ok check for the current value', () => {
    expect(strengthAllows({ value: 'a b c d', pending: false, result: strong, failed: false }, 'a b c d')).toBe(true);
    expect(strengthAllows({ value: 'a b c d', pending: true, result: strong, failed: false }, 'a b c d')).toBe(false);
    expect(strengthAllows({ value: 'a b c', pending: false, result: strong, failed: false }, 'a b c d')).toBe(false);
    expect(strengthAllows({ value: 'abc', pending: false, result: weak, failed: false }, 'abc')).toBe(false);
    expect(strengthAllows(EMPTY_STRENGTH, '')).toBe(false);
  });

  it('defers to the Go side when the check failed', () => {
    expect(strengthAllows({ value: 'abc', pending: false, result: null, failed: true }, 'abc')).toBe(true);
  });
});
