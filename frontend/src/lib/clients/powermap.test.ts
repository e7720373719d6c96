import { describe, expect, it } from 'vitest';
import type { PowerMapEntry } from '$lib/api';
import { addDays } from '$lib/format/format';
import { onHardDays } from '../../test/clock';
import { latestEntry, powerMapDue, revisitDue } from './powermap';

const entry = (writtenOn: string, more: Partial<PowerMapEntry> = {}): PowerMapEntry => ({
  id: 1,
  clientId: 1,
  writtenOn,
  difference: 'x',
  showsUp: '',
  agreed: '',
  visibility: 'shared',
  author: 'together',
  updated: '',
  ...more,
});

describe('powerMapDue', () => {
  it('suggests a first conversation when there is no entry', () => {
    expect(powerMapDue([], '2026-05-01')).toEqual({ due: true, latest: '' });
  });

  it('stays quiet within 90 days of the newest entry', () => {
    expect(powerMapDue([entry('2025-01-01'), entry('2026-02-01')], '2026-05-01')).toEqual({ due: false });
    expect(powerMapDue([entry('2026-01-31')], '2026-05-01')).toEqual({ due: false });
  });

  it('suggests revisiting after 90 days', () => {
    expect(powerMapDue([entry('2026-01-30')], '2026-05-01')).toEqual({ due: true, latest: '2026-01-30' });
  });

  it('counts calendar days over a leap day', () => {
    expect(powerMapDue([entry('2027-12-01')], '2028-02-29')).toEqual({ due: false });
    expect(powerMapDue([entry('2027-11-30')], '2028-02-29')).toEqual({ due: true, latest: '2027-11-30' });
  });

  it('counts up to the local today on the hard days, in every zone', () => {
    onHardDays((zone, day, local) => {
      const today = local.slice(0, 10);
      expect.soft(powerMapDue([entry(addDays(today, -90))]), `${day} in ${zone}`).toEqual({ due: false });
      expect.soft(powerMapDue([entry(addDays(today, -91))]), `${day} in ${zone}`).toEqual({ due: true, latest: addDays(today, -91) });
    });
  });
});

describe('only a revisit together resets the clock', () => {
  it('ignores a private note and an entry of the therapist alone', () => {
    const entries = [
      entry('2026-01-10'),
      entry('2026-04-20', { visibility: 'private', author: 'therapist' }),
      entry('2026-04-21', { author: 'therapist' }),
    ];
    expect(latestEntry(entries)).toBe('2026-01-10');
    expect(powerMapDue(entries, '2026-05-01')).toEqual({ due: true, latest: '2026-01-10' });
  });

  it('counts an entry the client wrote', () => {
    expect(powerMapDue([entry('2026-04-20', { author: 'client' })], '2026-05-01')).toEqual({ due: false });
  });

  it('is due when only the therapist has written', () => {
    expect(powerMapDue([entry('2026-04-20', { author: 'therapist' })], '2026-05-01')).toEqual({ due: true, latest: '' });
  });
});

describe('revisitDue', () => {
  it('reads the date the client list gives', () => {
    expect(revisitDue('', '2026-05-01')).toEqual({ due: true, latest: '' });
    expect(revisitDue('2026-01-31', '2026-05-01')).toEqual({ due: false });
    expect(revisitDue('2026-01-30', '2026-05-01')).toEqual({ due: true, latest: '2026-01-30' });
  });
});

describe('latestEntry', () => {
  it('finds the newest date whatever the order', () => {
    expect(latestEntry([entry('2026-01-02'), entry('2026-03-01'), entry('2025-12-31')])).toBe('2026-03-01');
  });
});
