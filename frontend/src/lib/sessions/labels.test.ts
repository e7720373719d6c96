import { describe, expect, it } from 'vitest';
import { onHardDays } from '../../test/clock';
import { areaLabel, timeZones, worksheetDate, worksheetDay } from './labels';
import { AREAS } from '$lib/api';

describe('the worksheet’s days', () => {
  it('reads a day of one to three digits', () => {
    expect(worksheetDay(' 14 ')).toBe(14);
    expect(worksheetDay('0')).toBe(0);
    expect(worksheetDay('1000')).toBeNaN();
    expect(worksheetDay('-1')).toBeNaN();
    expect(worksheetDay('')).toBeNaN();
  });

  it('dates a day from the session: day 1 is the day after', () => {
    expect(worksheetDate('2026-06-10', '0')).toBe('2026-06-10');
    expect(worksheetDate('2026-06-10', '1')).toBe('2026-06-11');
    expect(worksheetDate('2026-06-10', '21')).toBe('2026-07-01');
    expect(worksheetDate('2026-06-10', 'x')).toBe('');
    expect(worksheetDate('', '1')).toBe('');
  });

  it('dates days across the year’s end, the leap day and the clock changes, in every zone', () => {
    onHardDays((zone, day) => {
      const where = `${day} in ${zone}`;
      expect.soft(worksheetDate('2026-12-31', '1'), where).toBe('2027-01-01');
      expect.soft(worksheetDate('2026-12-30', '2'), where).toBe('2027-01-01');
      expect.soft(worksheetDate('2028-02-28', '1'), where).toBe('2028-02-29');
      expect.soft(worksheetDate('2028-02-28', '2'), where).toBe('2028-03-01');
      expect.soft(worksheetDate('2027-03-27', '1'), where).toBe('2027-03-28');
      expect.soft(worksheetDate('2027-03-27', '2'), where).toBe('2027-03-29');
      expect.soft(worksheetDate('2027-10-30', '1'), where).toBe('2027-10-31');
      expect.soft(worksheetDate('2027-10-30', '2'), where).toBe('2027-11-01');
      expect.soft(worksheetDate('2027-10-01', '31'), where).toBe('2027-11-01');
    });
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
