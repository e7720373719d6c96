import { describe, expect, it, vi } from 'vitest';
import { now } from '$lib/clock/clock';
import { FAR_ZONES, longDate, longMonth, onHardDays, stampAt } from '../../test/clock';
import {
  addDays,
  dayPart,
  daysBetween,
  daysSince,
  formatDate,
  formatMonth,
  formatTime,
  greetingKey,
  localDay,
  todayIso,
} from './format';

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

describe('todayIso', () => {
  it('pads month and day', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('formatTime', () => {
  it('shows the local hour and minute', () => {
    expect(formatTime(new Date(2026, 2, 1, 9, 7).toISOString())).toBe('09:07');
  });

  it('is empty for nonsense', () => {
    expect(formatTime('')).toBe('');
    expect(formatTime('soon')).toBe('');
  });
});

describe('localDay', () => {
  it('keeps a date-only value and reads a timestamp in local time', () => {
    expect(localDay('2026-03-04')).toBe('2026-03-04');
    expect(localDay(new Date(2026, 2, 4, 23, 30).toISOString())).toBe('2026-03-04');
    expect(localDay('never')).toBe('');
  });
});

describe('daysBetween', () => {
  it('counts calendar days, across month ends and leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(0);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('counts days the way the Go side does', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-11-01', '2026-11-15')).toBe(14);
    expect(daysBetween('2026-11-15', '2026-11-01')).toBe(-14);
  });

  it('is NaN for an unreadable date', () => {
    expect(daysBetween('', '2026-01-01')).toBeNaN();
    expect(daysBetween('2026-01-01', 'soon')).toBeNaN();
  });
});

describe('addDays', () => {
  it('adds days across months, leap days and daylight-saving changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-28', 14)).toBe('2026-04-11');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-06-10', 0)).toBe('2026-06-10');
  });

  it('is empty for an unreadable date', () => {
    expect(addDays('', 1)).toBe('');
    expect(addDays('soon', 1)).toBe('');
  });
});

describe('daysSince', () => {
  it('counts calendar days from the local day of a moment, as a person does', () => {
    expect(daysSince(new Date(2026, 5, 9, 23, 55).toISOString(), '2026-06-10')).toBe(1);
    expect(daysSince(new Date(2026, 5, 10, 0, 5).toISOString(), '2026-06-10')).toBe(0);
    expect(daysSince('never', '2026-06-10')).toBeNaN();
  });
});

describe('formatMonth', () => {
  it('names the month and year', () => {
    expect(formatMonth('2026-03')).toBe('March 2026');
    expect(formatMonth('2026-3')).toBe('');
    expect(formatMonth('nonsense')).toBe('');
  });
});

// Every zone far from UTC on every hard day: what a therapist sees dated, counted or greeted must
// follow the local calendar and clock, whatever the date is in UTC at that moment.
describe('on the hard days, in zones far from UTC', () => {
  it('today is the local date, not the date in UTC', () => {
    onHardDays((zone, day, local) => expect.soft(todayIso(), `${day} in ${zone}`).toBe(local.slice(0, 10)));
  });

  it('a moment stamped in UTC is dated, timed and grouped on its local day', () => {
    onHardDays((zone, day, local) => {
      const stamp = stampAt(local);
      expect.soft(localDay(stamp), `${day} in ${zone}`).toBe(local.slice(0, 10));
      expect.soft(formatDate(stamp), `${day} in ${zone}`).toBe(longDate(local));
      expect.soft(formatTime(stamp), `${day} in ${zone}`).toBe(local.slice(11, 16));
    });
  });

  it('a date-only value is shown as that day, never the day before or after', () => {
    onHardDays((zone, day, local) => {
      const date = local.slice(0, 10);
      expect.soft(formatDate(date), `${day} in ${zone}`).toBe(longDate(date));
      expect.soft(formatDate(addDays(date, 1)), `${day} in ${zone}`).toBe(longDate(addDays(date, 1)));
      expect.soft(formatMonth(date.slice(0, 7)), `${day} in ${zone}`).toBe(longMonth(date));
    });
  });

  it('names the months of the calendar, whatever zone the page was opened in', async () => {
    // The computer's zone can change while Tandem is open (a therapist travels): a name worked out
    // in the zone the page started in would put "November" above December's entries.
    for (const opened of FAR_ZONES) {
      const before = process.env.TZ;
      vi.resetModules();
      process.env.TZ = opened;
      let page: typeof import('./format');
      try {
        page = await import('./format');
      } finally {
        process.env.TZ = before;
      }
      onHardDays((zone, day, local) => {
        expect.soft(page.formatMonth(local.slice(0, 7)), `${day} in ${zone}, opened in ${opened}`).toBe(longMonth(local));
        expect.soft(page.formatDate(local.slice(0, 10)), `${day} in ${zone}, opened in ${opened}`).toBe(longDate(local));
      });
    }
  });

  it('greets for the local part of the day', () => {
    onHardDays((zone, day, local) => {
      const hour = Number(local.slice(11, 13));
      const part = hour >= 4 && hour < 12 ? 'morning' : hour >= 12 && hour < 18 ? 'afternoon' : 'evening';
      expect.soft(dayPart(now()), `${day} in ${zone}`).toBe(part);
      expect.soft(greetingKey(now()), `${day} in ${zone}`).toBe(`home.greeting.${part}`);
    });
  });

  it('counts calendar days across the year’s end, the leap day and the clock changes', () => {
    onHardDays((zone, day) => {
      const where = `${day} in ${zone}`;
      expect.soft(daysBetween('2026-12-31', '2027-01-01'), where).toBe(1);
      expect.soft(daysBetween('2028-02-28', '2028-03-01'), where).toBe(2);
      expect.soft(daysBetween('2027-03-27', '2027-03-29'), where).toBe(2);
      expect.soft(daysBetween('2027-10-30', '2027-11-01'), where).toBe(2);
      expect.soft(addDays('2026-12-31', 1), where).toBe('2027-01-01');
      expect.soft(addDays('2028-02-28', 1), where).toBe('2028-02-29');
      expect.soft(addDays('2028-02-29', 1), where).toBe('2028-03-01');
      expect.soft(addDays('2027-03-27', 1), where).toBe('2027-03-28');
      expect.soft(addDays('2027-03-28', 1), where).toBe('2027-03-29');
      expect.soft(addDays('2027-10-31', 1), where).toBe('2027-11-01');
      expect.soft(addDays('2027-11-01', -1), where).toBe('2027-10-31');
    });
  });

  it('a moment late yesterday is a day ago, one just after midnight is today', () => {
    onHardDays((zone, day, local) => {
      const today = local.slice(0, 10);
      const where = `${day} in ${zone}`;
      expect.soft(daysSince(stampAt(`${addDays(today, -1)}T23:50:00`)), where).toBe(1);
      expect.soft(daysSince(stampAt(`${today}T00:10:00`)), where).toBe(0);
      expect.soft(daysSince(stampAt(`${addDays(today, -3)}T00:10:00`)), where).toBe(3);
    });
  });
});
