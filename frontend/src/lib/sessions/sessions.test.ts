import { describe, expect, it } from 'vitest';
import { emptySession, type IntegrationRecord, type Pattern, type PlanItem, type Shift } from '$lib/api';
import { integrationFocus, newestFirst } from './sessions';

const session = (id: number, kind: 'medicine' | 'integration' | 'preparation', date: string, intentionIds: number[] = []) => ({
  ...emptySession(1, kind, date, 'Europe/Berlin'),
  id,
  intentionIds,
});

const shift = (id: number, sessionId: number, noticedOn: string, area: Shift['area']): Shift => ({
  id,
  clientId: 1,
  sessionId,
  noticedOn,
  dayCount: 0,
  area,
  description: `shift ${id}`,
  justNoticing: false,
  intensity: 3,
  recordedBy: 'client',
  meaning: '',
  meaningOn: '',
  meaningBy: '',
  created: '',
  updated: '',
});

const pattern = (id: number, status: Pattern['status'], shiftIds: number[]): Pattern => ({
  id,
  clientId: 1,
  name: `pattern ${id}`,
  examples: '',
  examplesVisibility: 'shared',
  proposedBy: 'client',
  status,
  statuses: [],
  shiftIds,
  sessionIds: [],
  revisions: [],
  created: '',
  updated: '',
});

const intention = (id: number): PlanItem => ({
  id,
  clientId: 1,
  kind: 'intention',
  text: `intention ${id}`,
  proposedBy: 'client',
  status: 'agreed',
  agreedOn: '',
  retiredReason: '',
  position: 0,
  created: '',
  revisions: [],
});

describe('integrationFocus', () => {
  const record: IntegrationRecord = {
    clientId: 1,
    sessions: [
      session(1, 'medicine', '2026-01-10', [11]),
      session(2, 'integration', '2026-01-20'),
      session(3, 'medicine', '2026-06-01', [12, 11]),
      session(4, 'integration', '2026-06-20'),
    ],
    shifts: [
      shift(1, 1, '2026-01-11', 'body'),
      shift(2, 3, '2026-06-02', 'body'),
      shift(3, 3, '2026-06-05', 'self'),
      shift(4, 3, '2026-06-03', 'body'),
      shift(5, 3, '2026-06-25', 'self'),
    ],
    patterns: [pattern(1, 'exploring', []), pattern(2, 'updated', [1]), pattern(3, 'updated', [3])],
    resources: [],
    measures: [],
  };
  const plan = [intention(11), intention(12)];

  it('takes the latest medicine session before the integration session, and the shifts since up to it', () => {
    const focus = integrationFocus(record, plan, record.sessions[3]);
    expect(focus.medicine?.id).toBe(3);
    expect(focus.intentions.map((p) => p.id)).toEqual([12, 11]);
    expect(focus.shifts.map((s) => s.id)).toEqual([2, 3, 4]);
    expect(focus.byArea.get('body')?.map((s) => s.id)).toEqual([2, 4]);
    expect(focus.patterns.map((p) => p.id)).toEqual([1, 3]);
  });

  it('looks back to the first medicine session for an earlier integration session', () => {
    const focus = integrationFocus(record, plan, record.sessions[1]);
    expect(focus.medicine?.id).toBe(1);
    expect(focus.shifts.map((s) => s.id)).toEqual([1]);
  });

  it('has nothing to show before any medicine session', () => {
    const focus = integrationFocus(record, plan, session(9, 'integration', '2025-12-01'));
    expect(focus.medicine).toBeUndefined();
    expect(focus.shifts).toEqual([]);
  });
});

describe('newestFirst', () => {
  it('orders by date, then time, then id', () => {
    const a = { ...session(1, 'preparation', '2026-01-01'), time: '09:00' };
    const b = { ...session(2, 'preparation', '2026-01-01'), time: '15:00' };
    const c = session(3, 'preparation', '2026-02-01');
    expect(newestFirst([a, b, c]).map((s) => s.id)).toEqual([3, 2, 1]);
  });
});
