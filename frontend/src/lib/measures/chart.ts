// The scores of one instrument over the client's journey, placed beside the medicine sessions and
// the shifts noticed: plain functions over what the page already holds (shared fields only, so
// co-creation mode's view works as well).
import type { Measure, Session, Shift } from '$lib/api';
import { daysBetween } from '$lib/format/format';

/** One score on the chart. `day` counts from the chart's first day. */
export interface ScorePoint {
  measureId: number;
  date: string;
  day: number;
  total: number;
  prorated: boolean;
  band: string;
  /** Change from the first score (the baseline); 0 for the baseline itself. */
  change: number;
  /** The change is at least the reliable change of the definition this measure was answered on. */
  reliable: boolean;
}

export interface ScoreChart {
  key: string;
  name: string;
  /** The instrument's lowest and highest possible total, the chart's scale. */
  min: number;
  max: number;
  from: string;
  to: string;
  /** Days from `from` to `to`, at least 1. */
  span: number;
  points: ScorePoint[];
  /** Measures of this instrument with too many blanks for a total: dated, not drawn as a score. */
  withoutTotal: { measureId: number; date: string; day: number }[];
  medicine: { sessionId: number; date: string; day: number }[];
  /** Shifts noticed, counted by week from `from` (week 0 first). */
  shiftWeeks: number[];
  /** The newest definition's reliable change and its source (0 and '': none given). */
  reliableChange: number;
  reliableChangeSource: string;
}

/** The instruments the client has answered, in the order first answered: key and name. */
export function answeredInstruments(measures: readonly Measure[]): { key: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const m of sorted(measures)) {
    if (!seen.has(m.instrument.key)) seen.set(m.instrument.key, m.instrument.shortName || m.instrument.name);
  }
  return [...seen].map(([key, name]) => ({ key, name }));
}

const sorted = (measures: readonly Measure[]): Measure[] =>
  [...measures].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));

const dated = (iso: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(iso);

/**
 * The chart of one instrument's totals across the journey: from the earliest of its measures, the
 * medicine sessions and the shifts to the latest of them, so that a score stands beside the
 * session and the weeks of noticing around it. The scale is the newest definition's possible
 * range. Null when the client has no measure of it.
 */
export function scoreChart(key: string, measures: readonly Measure[], sessions: readonly Session[], shifts: readonly Shift[]): ScoreChart | null {
  const mine = sorted(measures).filter((m) => m.instrument.key === key && dated(m.date));
  if (mine.length === 0) return null;
  const newest = mine[mine.length - 1].instrument;
  const medicine = sessions.filter((s) => s.kind === 'medicine' && dated(s.date));
  const noticed = shifts.filter((s) => dated(s.noticedOn));
  const days = [...mine.map((m) => m.date), ...medicine.map((s) => s.date), ...noticed.map((s) => s.noticedOn)].sort();
  const from = days[0];
  const to = days[days.length - 1];
  const span = Math.max(1, daysBetween(from, to));
  const day = (iso: string): number => daysBetween(from, iso);

  const scored = mine.filter((m) => m.result.hasTotal);
  const baseline = scored[0]?.result.total ?? 0;
  const points = scored.map((m) => ({
    measureId: m.id,
    date: m.date,
    day: day(m.date),
    total: m.result.total,
    prorated: m.result.prorated,
    band: m.result.band,
    change: round2(m.result.total - baseline),
    reliable: m.instrument.reliableChange > 0 && Math.abs(round2(m.result.total - baseline)) >= m.instrument.reliableChange,
  }));
  const scale = scoreRange(newest);
  const weeks = Math.floor(span / 7) + 1;
  const shiftWeeks = new Array<number>(weeks).fill(0);
  for (const s of noticed) shiftWeeks[Math.min(weeks - 1, Math.floor(day(s.noticedOn) / 7))] += 1;
  return {
    key,
    name: newest.shortName || newest.name,
    min: scale.min,
    max: scale.max,
    from,
    to,
    span,
    points,
    withoutTotal: mine.filter((m) => !m.result.hasTotal).map((m) => ({ measureId: m.id, date: m.date, day: day(m.date) })),
    medicine: medicine.map((s) => ({ sessionId: s.id, date: s.date, day: day(s.date) })),
    shiftWeeks,
    reliableChange: newest.reliableChange,
    reliableChangeSource: newest.reliableChangeSource,
  };
}

/** The lowest and highest total an instrument can give: scored items × the scale's ends, or the scale itself for a mean. */
export function scoreRange(instrument: Measure['instrument']): { min: number; max: number } {
  const scored = instrument.items.filter((it) => !it.unscored).length;
  if (instrument.scoring === 'mean') return { min: instrument.scaleMin, max: instrument.scaleMax };
  return { min: scored * instrument.scaleMin, max: scored * instrument.scaleMax };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
