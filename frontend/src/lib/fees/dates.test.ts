import { describe, expect, it } from 'vitest';
import { onHardDays } from '../../test/clock';
import { reversalDate, statementPeriod } from './dates';

describe('statementPeriod', () => {
  it('runs from the first of January to today', () => {
    expect(statementPeriod('2026-06-10')).toEqual({ from: '2026-01-01', to: '2026-06-10' });
  });

  it('covers the local year on the hard days, in every zone, whatever the year in UTC', () => {
    onHardDays((zone, day, local) => {
      const today = local.slice(0, 10);
      expect.soft(statementPeriod(), `${day} in ${zone}`).toEqual({ from: `${local.slice(0, 4)}-01-01`, to: today });
    });
  });
});

describe('reversalDate', () => {
  it('is today, or the payment’s own date if that is later', () => {
    expect(reversalDate('2026-06-01', '2026-06-10')).toBe('2026-06-10');
    expect(reversalDate('2026-06-12', '2026-06-10')).toBe('2026-06-12');
  });

  it('is the local today on the hard days, in every zone', () => {
    onHardDays((zone, day, local) => {
      expect.soft(reversalDate('2026-01-05'), `${day} in ${zone}`).toBe(local.slice(0, 10));
    });
  });
});
