import { describe, expect, it } from 'vitest';
import { FAR_ZONES, HARD_DAYS, inZoneAt, onHardDays, stampAt } from '../../test/clock';
import { AREAS, emptySession, type Area, type IntegrationRecord, type Pattern, type PlanItem, type Session, type Shift } from '$lib/api';
import {
  byMonth,
  journeyEntries,
  journeyTimeline,
  labelEvery,
  medicineSessions,
  scaleTicks,
  sessionChart,
  shiftsBySession,
  suggestedUnit,
  MIN_DAYS,
} from './journey';

function session(id: number, kind: Session['kind'], date: string): Session {
  return { ...emptySession(1, kind, date, 'Europe/Berlin'), id, summary: `summary ${id}` };
}

function shift(id: number, sessionId: number, noticedOn: string, dayCount: number, area: Area): Shift {
  return {
    id,
    clientId: 1,
    sessionId,
    noticedOn,
    dayCount,
    area,
    description: `shift ${id}`,
    justNoticing: true,
    intensity: 3,
    recordedBy: 'client',
    meaning: '',
    meaningOn: '',
    meaningBy: '',
    created: '',
    updated: '',
  };
}

function pattern(id: number, changes: [string, Pattern['status']][]): Pattern {
  return {
    id,
    clientId: 1,
    name: `pattern ${id}`,
    examples: '',
    examplesVisibility: 'shared',
    proposedBy: 'client',
    status: changes.at(-1)?.[1] ?? 'noticed',
    statuses: changes.map(([on, status]) => ({ on, status, note: '', by: 'together' })),
    shiftIds: [],
    sessionIds: [],
    revisions: [],
    created: '',
    updated: '',
  };
}

function goal(id: number, wordings: string[], agreedOn = ''): PlanItem {
  return {
    id,
    clientId: 1,
    kind: 'goal',
    text: `wording ${wordings.length}`,
    proposedBy: 'client',
    status: agreedOn ? 'agreed' : 'proposed',
    agreedOn,
    retiredReason: '',
    position: 0,
    created: wordings[0] ?? '',
    revisions: wordings.map((at, i) => ({ at, author: 'client', text: `wording ${i + 1}`, note: '' })),
  };
}

function record(partial: Partial<IntegrationRecord>): IntegrationRecord {
  return { clientId: 1, sessions: [], shifts: [], patterns: [], resources: [], measures: [], ...partial };
}

const keys = (entries: { key: string }[]): string[] => entries.map((e) => e.key);

describe('journeyEntries', () => {
  it('is empty for a client with nothing recorded yet', () => {
    expect(journeyEntries(record({}), [])).toEqual([]);
    expect(journeyTimeline(record({}), [])).toEqual([]);
  });

  it('puts sessions, shifts, pattern changes and plan wordings in one list, newest first', () => {
    const entries = journeyEntries(
      record({
        sessions: [session(1, 'preparation', '2025-01-10'), session(2, 'medicine', '2025-02-01')],
        shifts: [shift(10, 2, '2025-02-03', 2, 'body')],
        patterns: [pattern(5, [['2025-02-20', 'noticed']])],
      }),
      // Stamped in UTC, as the Go side keeps it: 09:00 on the 10th where the therapist is.
      [goal(7, [stampAt('2025-01-10T09:00:00')])],
    );
    expect(keys(entries)).toEqual(['pattern-5-0', 'shift-10', 'session-2', 'plan-7-0', 'session-1']);
  });

  it('gives each status change of a pattern its own entry, marking the first', () => {
    const entries = journeyEntries(
      record({
        patterns: [
          pattern(3, [
            ['2025-03-01', 'noticed'],
            ['2025-04-15', 'exploring'],
            ['2025-06-02', 'loosening'],
            ['2025-09-30', 'updated'],
          ]),
        ],
      }),
      [],
    );
    expect(entries.map((e) => (e.kind === 'pattern' ? [e.day, e.change.status, e.first] : null))).toEqual([
      ['2025-09-30', 'updated', false],
      ['2025-06-02', 'loosening', false],
      ['2025-04-15', 'exploring', false],
      ['2025-03-01', 'noticed', true],
    ]);
    expect(new Set(keys(entries)).size).toBe(4);
  });

  it('gives every wording of a plan item an entry, and its agreement', () => {
    const entries = journeyEntries(record({}), [goal(4, ['2025-01-05T10:00:00', '2025-02-07T10:00:00'], '2025-03-01')]);
    expect(entries.map((e) => `${e.kind}:${e.day}:${'first' in e ? e.first : ''}`)).toEqual([
      'agreed:2025-03-01:',
      'wording:2025-02-07:false',
      'wording:2025-01-05:true',
    ]);
  });

  it('orders one day: later kinds above the session, later shifts above earlier ones', () => {
    const entries = journeyEntries(
      record({
        sessions: [session(1, 'medicine', '2025-05-05')],
        shifts: [shift(20, 1, '2025-05-05', 0, 'self'), shift(21, 1, '2025-05-05', 0, 'body')],
        patterns: [pattern(2, [['2025-05-05', 'noticed']])],
      }),
      [],
    );
    expect(keys(entries)).toEqual(['pattern-2-0', 'shift-21', 'shift-20', 'session-1']);
  });

  it('puts a wording on the local day it was written, whatever the date in UTC', () => {
    onHardDays((zone, day, local) => {
      const entries = journeyEntries(record({}), [goal(1, [stampAt(local)])]);
      expect.soft(entries.map((e) => e.day), `${day} in ${zone}`).toEqual([local.slice(0, 10)]);
    });
  });

  it('leaves out what has no readable date', () => {
    const entries = journeyEntries(record({ sessions: [session(1, 'other', '')] }), [goal(1, ['not a date'])]);
    expect(entries).toEqual([]);
  });

  it('never reads private fields, so a filtered view gives the same timeline', () => {
    const full = record({ sessions: [{ ...session(1, 'medicine', '2025-05-05'), privateNotes: 'mine' }] });
    const shared = record({ sessions: [{ ...session(1, 'medicine', '2025-05-05'), privateNotes: '' }] });
    expect(keys(journeyEntries(full, []))).toEqual(keys(journeyEntries(shared, [])));
  });
});

describe('byMonth', () => {
  it('groups consecutive entries by calendar month, keeping their order', () => {
    const months = byMonth(
      journeyEntries(
        record({
          sessions: [session(1, 'medicine', '2024-12-30'), session(2, 'integration', '2025-01-02'), session(3, 'integration', '2025-01-20')],
        }),
        [],
      ),
    );
    expect(months.map((m) => [m.month, keys(m.entries)])).toEqual([
      ['2025-01', ['session-3', 'session-2']],
      ['2024-12', ['session-1']],
    ]);
  });
});

describe('journeyTimeline at the year’s end', () => {
  it('keeps what was written in the last minutes of a year in that year’s December, in every zone', () => {
    for (const zone of FAR_ZONES) {
      inZoneAt(zone, HARD_DAYS.monthStart, () => {
        const months = journeyTimeline(
          record({ sessions: [session(1, 'medicine', '2026-12-31')], shifts: [shift(2, 1, '2027-01-01', 1, 'body')] }),
          [goal(3, [stampAt(HARD_DAYS.monthEnd), stampAt(HARD_DAYS.monthStart)])],
        );
        expect.soft(months.map((m) => [m.month, keys(m.entries)]), zone).toEqual([
          ['2027-01', ['plan-3-1', 'shift-2']],
          ['2026-12', ['plan-3-0', 'session-1']],
        ]);
      });
    }
  });
});

describe('medicineSessions', () => {
  it('lists only medicine sessions, newest first', () => {
    const r = record({
      sessions: [
        session(1, 'medicine', '2024-01-01'),
        session(2, 'integration', '2024-01-08'),
        session(3, 'medicine', '2025-01-01'),
        session(4, 'preparation', '2025-06-01'),
      ],
    });
    expect(medicineSessions(r).map((s) => s.id)).toEqual([3, 1]);
  });

  it('is empty when there has been no medicine session', () => {
    expect(medicineSessions(record({ sessions: [session(1, 'preparation', '2025-01-01')] }))).toEqual([]);
  });
});

describe('shiftsBySession', () => {
  it('groups shifts by the session they came after', () => {
    const map = shiftsBySession([shift(1, 5, '2025-01-02', 1, 'self'), shift(2, 6, '2025-02-02', 1, 'self'), shift(3, 5, '2025-01-03', 2, 'body')]);
    expect(map.get(5)?.map((s) => s.id)).toEqual([1, 3]);
    expect(map.get(6)?.map((s) => s.id)).toEqual([2]);
    expect(map.get(7)).toBeUndefined();
  });
});

describe('sessionChart', () => {
  const shifts = [
    shift(1, 9, '2025-01-02', 1, 'body'),
    shift(2, 9, '2025-01-04', 3, 'relationships'),
    shift(3, 9, '2025-01-04', 3, 'body'),
    shift(4, 9, '2025-01-04', 3, 'body'),
    shift(5, 9, '2025-01-15', 14, 'meaning'),
    shift(6, 8, '2024-06-02', 1, 'self'),
  ];

  it('counts shifts by area on each day after the session, in the worksheet’s order of areas', () => {
    const chart = sessionChart(9, shifts, 'day');
    expect(chart.unit).toBe('day');
    expect(chart.total).toBe(5);
    expect(chart.buckets).toHaveLength(15);
    expect(chart.buckets.map((b) => b.index)).toEqual([...Array(15).keys()]);
    const day3 = chart.buckets[3];
    expect(day3.total).toBe(3);
    expect(day3.counts[AREAS.indexOf('body')]).toBe(2);
    expect(day3.counts[AREAS.indexOf('relationships')]).toBe(1);
    expect(day3.counts).toHaveLength(AREAS.length);
    expect(chart.max).toBe(3);
    expect(chart.areas).toEqual(['relationships', 'body', 'meaning']);
    expect(chart.areaTotals[AREAS.indexOf('body')]).toBe(3);
  });

  it('counts several shifts on the same day and area together', () => {
    const same = [shift(1, 9, '2025-01-04', 3, 'body'), shift(2, 9, '2025-01-04', 3, 'body')];
    const chart = sessionChart(9, same, 'day');
    expect(chart.buckets[3].counts[AREAS.indexOf('body')]).toBe(2);
    expect(chart.buckets[3].total).toBe(2);
    expect(chart.areas).toEqual(['body']);
  });

  it('counts by week: days 0–6 are week 0', () => {
    const chart = sessionChart(9, shifts, 'week');
    expect(chart.buckets).toHaveLength(3);
    expect(chart.buckets.map((b) => b.total)).toEqual([4, 0, 1]);
    expect(chart.max).toBe(4);
  });

  it('shows at least the first fortnight, even with no shifts at all', () => {
    const chart = sessionChart(42, shifts, 'day');
    expect(chart.total).toBe(0);
    expect(chart.max).toBe(0);
    expect(chart.areas).toEqual([]);
    expect(chart.buckets).toHaveLength(MIN_DAYS);
    expect(sessionChart(42, [], 'week').buckets).toHaveLength(2);
  });

  it('ignores a day count before the session', () => {
    const chart = sessionChart(9, [shift(1, 9, '2025-01-01', -1, 'self')], 'day');
    expect(chart.total).toBe(0);
  });
});

describe('suggestedUnit', () => {
  it('counts by day for the first four weeks, by week beyond', () => {
    expect(suggestedUnit([])).toBe('day');
    expect(suggestedUnit([shift(1, 1, '2025-01-29', 28, 'self')])).toBe('day');
    expect(suggestedUnit([shift(1, 1, '2025-01-30', 29, 'self')])).toBe('week');
  });
});

describe('scaleTicks and labelEvery', () => {
  it('gives whole-number ticks reaching the tallest column', () => {
    expect(scaleTicks(0)).toEqual([0, 1]);
    expect(scaleTicks(3)).toEqual([0, 1, 2, 3]);
    expect(scaleTicks(9)).toEqual([0, 3, 6, 9]);
    expect(scaleTicks(10).at(-1)).toBeGreaterThanOrEqual(10);
  });

  it('labels fewer columns as there are more', () => {
    expect(labelEvery(14)).toBe(1);
    expect(labelEvery(29)).toBe(2);
    expect(labelEvery(52)).toBe(5);
  });
});

describe('a ten-year client', () => {
  // About forty sessions (ten of them medicine sessions), two hundred shifts, patterns that moved
  // through every status and plan items reworded over the years.
  const sessions: Session[] = [];
  const shifts: Shift[] = [];
  for (let year = 0; year < 10; year++) {
    const y = 2015 + year;
    sessions.push(session(year * 4 + 1, 'preparation', `${y}-02-01`));
    sessions.push(session(year * 4 + 2, 'medicine', `${y}-03-01`));
    sessions.push(session(year * 4 + 3, 'integration', `${y}-03-20`));
    sessions.push(session(year * 4 + 4, 'integration', `${y}-05-02`));
    for (let i = 0; i < 20; i++) {
      const day = i * 2 + 1;
      const noticed = new Date(Date.UTC(y, 2, 1 + day)).toISOString().slice(0, 10);
      shifts.push(shift(year * 100 + i, year * 4 + 2, noticed, day, AREAS[i % AREAS.length]));
    }
  }
  const patterns = Array.from({ length: 20 }, (_, i) =>
    pattern(i + 1, [
      [`${2015 + (i % 10)}-04-01`, 'noticed'],
      [`${2015 + (i % 10)}-06-01`, 'exploring'],
      [`${2015 + (i % 10)}-09-01`, 'loosening'],
      [`${2016 + (i % 9)}-01-15`, 'updated'],
    ]),
  );
  const plan = Array.from({ length: 30 }, (_, i) =>
    goal(i + 1, [`${2015 + (i % 10)}-01-10T10:00:00Z`, `${2015 + (i % 10)}-02-10T10:00:00Z`, `${2015 + (i % 10)}-07-10T10:00:00Z`]),
  );
  const big = record({ sessions, shifts, patterns });

  it('gives one timeline entry per moment, and a chart for the latest medicine session', () => {
    const months = journeyTimeline(big, plan);
    const latest = medicineSessions(big)[0];
    const own = shiftsBySession(big.shifts).get(latest.id) ?? [];
    const chart = sessionChart(latest.id, own, suggestedUnit(own));

    const entries = months.flatMap((m) => m.entries);
    expect(entries).toHaveLength(40 + 200 + 20 * 4 + 30 * 3);
    expect(months[0].month).toBe('2024-09');
    expect(latest.date).toBe('2024-03-01');
    expect(chart.unit).toBe('week');
    expect(chart.total).toBe(20);
    // How long a ten-year journey takes to show is the bench's (the journey row of make bench).
  });
});
