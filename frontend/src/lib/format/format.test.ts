import { describe, expect, it } from 'vitest';
import { dayPart, formatDate, greetingKey } from './format';

describe('dayPart', () => {
  const at = (hour: number) => new Date(2025, 2, 12, hour, 30);

  it('follows the clock', () => {
    expect(dayPart(at(4))).toBe('morning');
    expect(dayPart(at(11))).toBe('morning');
    expect(dayPart(at(12))).toBe('afternoon');
    expect(dayPart(at(17))).toBe('afternoon');
    expect(dayPart(at(18))).toBe('evening');
    expect(dayPart(at(23))).toBe('evening');
    expect(dayPart(at(2))).toBe('evening');
  });

  it('names the matching greeting', () => {
    expect(greetingKey(at(9))).toBe('home.greeting.morning');
    expect(greetingKey(at(20), false)).toBe('home.greetingPlain.evening');
  });
});

describe('formatDate', () => {
  it('reads a calendar date without shifting it', () => {
    expect(formatDate('2025-03-01')).toBe('1 March 2025');
  });

  it('gives nothing for empty or unreadable values', () => {
    expect(formatDate('')).toBe('');
    expect(formatDate('soon')).toBe('');
  });
});
