import { describe, expect, it } from 'vitest';
import { addDays, areaLabel, daysBetween, timeZones } from './labels';
import { AREAS } from '$lib/api';

describe('calendar days', () => {
  it('adds days across months, leap days and daylight-saving changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-28', 14)).toBe('2026-04-11');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('counts days the way the Go side does', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-11-01', '2026-11-15')).toBe(14);
    expect(daysBetween('2026-11-15', '2026-11-01')).toBe(-14);
  });
});

describe('labels', () => {
  it('names every area', () => {
    for (const area of AREAS) expect(areaLabel(area)).not.toMatch(/^labels\./);
  });

  it('always offers the current time zone', () => {
    expect(timeZones('Pacific/Chatham')).toContain('Pacific/Chatham');
  });
});
