import { describe, expect, it } from 'vitest';
import type { PowerMapEntry } from '$lib/api';
import { latestEntry, powerMapDue } from './powermap';

const entry = (writtenOn: string): PowerMapEntry => ({
  id: 1,
  clientId: 1,
  writtenOn,
  difference: 'x',
  showsUp: '',
  agreed: '',
  visibility: 'shared',
  author: 'together',
  updated: '',
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
});

describe('latestEntry', () => {
  it('finds the newest date whatever the order', () => {
    expect(latestEntry([entry('2026-01-02'), entry('2026-03-01'), entry('2025-12-31')])).toBe('2026-03-01');
  });
});
