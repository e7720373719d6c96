// The client's journey: one timeline of sessions, shifts, pattern changes and plan wordings, and
// the counts behind the chart of shifts after each medicine session. Plain functions over what
// the page already holds; they read only shared fields, so co-creation mode's view works as well.
import {
  AREAS,
  type Area,
  type IntegrationRecord,
  type Pattern,
  type PatternChange,
  type PlanItem,
  type Revision,
  type Session,
  type Shift,
} from '$lib/api';
import { localDay } from '$lib/format/format';

/** One moment of the journey. `day` is YYYY-MM-DD; `key` is unique within a timeline. */
export type JourneyEntry =
  | { kind: 'session'; key: string; day: string; session: Session }
  | { kind: 'shift'; key: string; day: string; shift: Shift }
  | { kind: 'pattern'; key: string; day: string; pattern: Pattern; change: PatternChange; first: boolean }
  | { kind: 'wording'; key: string; day: string; item: PlanItem; revision: Revision; first: boolean }
  | { kind: 'agreed'; key: string; day: string; item: PlanItem };

export type JourneyEntryKind = JourneyEntry['kind'];

/** The entries of one calendar month, newest first. `month` is YYYY-MM. */
export interface JourneyMonth {
  month: string;
  entries: JourneyEntry[];
}

/**
 * Within one day, what happened later is shown first: the plan's wordings and the patterns
 * named after the shifts, the shifts after the session that day.
 */
const DAY_ORDER: Record<JourneyEntryKind, number> = { session: 0, shift: 1, pattern: 2, wording: 3, agreed: 4 };

interface Sortable {
  entry: JourneyEntry;
  /** Breaks ties within a day and kind: larger is later. */
  order: number;
}

/** Every dated moment of the journey, newest first. Entries without a readable date are left out. */
export function journeyEntries(record: IntegrationRecord, plan: readonly PlanItem[]): JourneyEntry[] {
  const all: Sortable[] = [];
  const push = (entry: JourneyEntry, order: number): void => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(entry.day)) all.push({ entry, order });
  };

  for (const session of record.sessions) {
    push({ kind: 'session', key: `session-${session.id}`, day: session.date, session }, session.id);
  }
  for (const shift of record.shifts) {
    push({ kind: 'shift', key: `shift-${shift.id}`, day: shift.noticedOn, shift }, shift.id);
  }
  for (const pattern of record.patterns) {
    pattern.statuses.forEach((change, index) => {
      push(
        { kind: 'pattern', key: `pattern-${pattern.id}-${index}`, day: change.on, pattern, change, first: index === 0 },
        pattern.id * 1000 + index,
      );
    });
  }
  for (const item of plan) {
    item.revisions.forEach((revision, index) => {
      push(
        {
          kind: 'wording',
          key: `plan-${item.id}-${index}`,
          day: localDay(revision.at),
          item,
          revision,
          first: index === 0,
        },
        item.id * 1000 + index,
      );
    });
    if (item.agreedOn !== '') {
      push({ kind: 'agreed', key: `agreed-${item.id}`, day: localDay(item.agreedOn), item }, item.id);
    }
  }

  all.sort((a, b) => {
    if (a.entry.day !== b.entry.day) return a.entry.day < b.entry.day ? 1 : -1;
    const rank = DAY_ORDER[b.entry.kind] - DAY_ORDER[a.entry.kind];
    return rank !== 0 ? rank : b.order - a.order;
  });
  return all.map((s) => s.entry);
}

/** Groups entries (already newest first) by calendar month. */
export function byMonth(entries: readonly JourneyEntry[]): JourneyMonth[] {
  const months: JourneyMonth[] = [];
  for (const entry of entries) {
    const month = entry.day.slice(0, 7);
    const last = months.at(-1);
    if (last && last.month === month) last.entries.push(entry);
    else months.push({ month, entries: [entry] });
  }
  return months;
}

/** The journey's timeline: newest first, grouped by month. */
export function journeyTimeline(record: IntegrationRecord, plan: readonly PlanItem[]): JourneyMonth[] {
  return byMonth(journeyEntries(record, plan));
}

// ---- the chart ----

export type ChartUnit = 'day' | 'week';

/** Up to this many days after a session, the chart counts day by day; beyond, week by week. */
export const DAYS_LIMIT = 28;

/** The shortest stretch the chart shows, so a quiet first week still reads as a fortnight. */
export const MIN_DAYS = 14;

/** One column of the chart: the shifts noticed on one day (or in one week) after the session. */
export interface ChartBucket {
  /** Day count (day unit) or week number from 0 (week unit). */
  index: number;
  /** Shifts by area, in AREAS order. */
  counts: number[];
  total: number;
}

export interface SessionChart {
  sessionId: number;
  unit: ChartUnit;
  /** Every day or week from 0 to the last one with a shift (at least MIN_DAYS days), empty ones included. */
  buckets: ChartBucket[];
  /** The areas with at least one shift, in AREAS order. */
  areas: Area[];
  /** Shifts by area over the whole stretch, in AREAS order. */
  areaTotals: number[];
  total: number;
  /** The tallest column (0 when there are no shifts). */
  max: number;
}

/** The medicine sessions, newest first: the chart's choices. */
export function medicineSessions(record: IntegrationRecord): Session[] {
  return record.sessions
    .filter((s) => s.kind === 'medicine')
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.id - a.id));
}

/** Shifts by the medicine session they came after. */
export function shiftsBySession(shifts: readonly Shift[]): Map<number, Shift[]> {
  const map = new Map<number, Shift[]>();
  for (const shift of shifts) {
    const list = map.get(shift.sessionId);
    if (list) list.push(shift);
    else map.set(shift.sessionId, [shift]);
  }
  return map;
}

/** Days for a short stretch after the session, weeks for a longer one. */
export function suggestedUnit(shifts: readonly Shift[]): ChartUnit {
  const last = shifts.reduce((max, s) => Math.max(max, s.dayCount), 0);
  return last <= DAYS_LIMIT ? 'day' : 'week';
}

/** Counts one medicine session's shifts by area, per day or per week after it. */
export function sessionChart(sessionId: number, shifts: readonly Shift[], unit: ChartUnit): SessionChart {
  const own = shifts.filter((s) => s.sessionId === sessionId && s.dayCount >= 0);
  const bucketOf = (dayCount: number): number => (unit === 'day' ? dayCount : Math.floor(dayCount / 7));
  const lastDay = Math.max(MIN_DAYS - 1, ...own.map((s) => s.dayCount));
  const size = bucketOf(lastDay) + 1;
  const buckets: ChartBucket[] = Array.from({ length: size }, (_, index) => ({
    index,
    counts: AREAS.map(() => 0),
    total: 0,
  }));
  const areaTotals = AREAS.map(() => 0);
  for (const shift of own) {
    const bucket = buckets[bucketOf(shift.dayCount)];
    const area = AREAS.indexOf(shift.area);
    bucket.counts[area]++;
    bucket.total++;
    areaTotals[area]++;
  }
  return {
    sessionId,
    unit,
    buckets,
    areas: AREAS.filter((_, i) => areaTotals[i] > 0),
    areaTotals,
    total: own.length,
    max: buckets.reduce((max, b) => Math.max(max, b.total), 0),
  };
}

/** Whole numbers for the chart's scale: 0 up to at least max, about `count` steps. */
export function scaleTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const step = Math.max(1, Math.ceil(max / count));
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

/** Which columns get a label under the axis, so labels never crowd (always the first). */
export function labelEvery(buckets: number): number {
  if (buckets <= 15) return 1;
  if (buckets <= 30) return 2;
  return Math.ceil(buckets / 12);
}
