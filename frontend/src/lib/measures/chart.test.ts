import { describe, expect, it } from 'vitest';
import { emptySession, toMeasure, type Measure, type Session, type Shift } from '$lib/api';
import { answeredInstruments, scoreChart, scoreRange } from './chart';

const nine = Array.from({ length: 9 }, (_, i) => ({ number: i + 1, text: `q${i + 1}` }));
const phq = { key: 'phq9', name: 'Patient Health Questionnaire-9', shortName: 'PHQ-9', scaleMin: 0, scaleMax: 3, scoring: 'sum', items: [...nine, { number: 10, text: 'q10', unscored: true }] };
const gad = { key: 'gad7', shortName: 'GAD-7', scaleMin: 0, scaleMax: 3, scoring: 'sum', items: nine.slice(0, 7) };

function measure(id: number, date: string, instrument: object, total: number | null, prorated = false): Measure {
  return toMeasure({
    id,
    clientId: 1,
    date,
    instrument,
    result: { hasTotal: total !== null, total: total ?? 0, prorated, band: total === null ? '' : 'band' },
  });
}

function session(id: number, kind: Session['kind'], date: string): Session {
  return { ...emptySession(1, kind, date, 'Europe/Berlin'), id };
}

const shift = (id: number, noticedOn: string): Shift =>
  ({ id, clientId: 1, sessionId: 2, noticedOn, area: 'body', description: '', justNoticing: true, intensity: 3 }) as Shift;

describe('the chart of one instrument', () => {
  const measures = [
    measure(3, '2026-03-01', phq, 9, true),
    measure(1, '2026-01-04', phq, 17),
    measure(2, '2026-01-05', gad, 12),
    measure(4, '2026-02-01', phq, null),
  ];

  it('lists the instruments in the order first answered', () => {
    expect(answeredInstruments(measures)).toEqual([
      { key: 'phq9', name: 'PHQ-9' },
      { key: 'gad7', name: 'GAD-7' },
    ]);
  });

  it('places each total by day from the first, with its change from the baseline', () => {
    const chart = scoreChart('phq9', measures, [], []);
    expect(chart).not.toBeNull();
    expect(chart?.from).toBe('2026-01-04');
    expect(chart?.span).toBe(56);
    expect(chart?.points.map((p) => [p.day, p.total, p.change, p.prorated])).toEqual([
      [0, 17, 0, false],
      [56, 9, -8, true],
    ]);
    expect(chart?.withoutTotal).toEqual([{ measureId: 4, date: '2026-02-01', day: 28 }]);
    expect([chart?.min, chart?.max]).toEqual([0, 27]);
  });

  it('marks a change from the first score at least the reliable change of the definition each was answered on', () => {
    const v1 = { ...gad, version: 1, reliableChange: 4, reliableChangeSource: 'A fictional manual' };
    const v2 = { ...gad, version: 2, reliableChange: 5, reliableChangeSource: 'A later fictional study' };
    const list = [measure(1, '2026-01-01', v1, 15), measure(2, '2026-02-01', v1, 12), measure(3, '2026-03-01', v1, 11), measure(4, '2026-04-01', v2, 11), measure(5, '2026-05-01', v2, 20)];
    const chart = scoreChart('gad7', list, [], []);
    // −3 is short of 4; −4 reaches it; −4 on version 2 is short of 5; +5 reaches it.
    expect(chart?.points.map((p) => [p.change, p.reliable])).toEqual([
      [0, false],
      [-3, false],
      [-4, true],
      [-4, false],
      [5, true],
    ]);
    expect([chart?.reliableChange, chart?.reliableChangeSource]).toEqual([5, 'A later fictional study']);
    // Without a reliable change, nothing is marked.
    expect(scoreChart('phq9', measures, [], [])?.points.some((p) => p.reliable)).toBe(false);
  });

  it('spans the medicine sessions and shifts too, marking the sessions and counting the shifts by week', () => {
    const sessions = [session(5, 'medicine', '2026-01-10'), session(6, 'integration', '2026-01-12'), session(7, 'medicine', '2026-03-15')];
    const shifts = [shift(1, '2026-01-11'), shift(2, '2026-01-12'), shift(3, '2026-01-20'), shift(4, '2026-03-01'), shift(5, '2025-12-31')];
    const chart = scoreChart('phq9', measures, sessions, shifts);
    // From the shift of 31 December to the medicine session of 15 March.
    expect([chart?.from, chart?.to, chart?.span]).toEqual(['2025-12-31', '2026-03-15', 74]);
    expect(chart?.points.map((p) => p.day)).toEqual([4, 60]);
    expect(chart?.medicine).toEqual([
      { sessionId: 5, date: '2026-01-10', day: 10 },
      { sessionId: 7, date: '2026-03-15', day: 74 },
    ]);
    expect(chart?.shiftWeeks.length).toBe(11);
    // 31 December is day 0 (week 0); 11 and 12 January days 11 and 12 (week 1); 20 January day 20 (week 2); 1 March day 60 (week 8).
    expect(chart?.shiftWeeks.slice(0, 3)).toEqual([1, 2, 1]);
    expect(chart?.shiftWeeks[8]).toBe(1);
    expect(chart?.shiftWeeks.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('has nothing to draw for an instrument never answered, and a one-day stretch for one measure', () => {
    expect(scoreChart('pcl5', measures, [], [])).toBeNull();
    expect(scoreChart('gad7', measures, [], [])?.span).toBe(1);
  });

  it('scales a mean-scored instrument to its answer scale', () => {
    expect(scoreRange(toMeasure({ instrument: { scaleMin: 1, scaleMax: 5, scoring: 'mean', items: nine } }).instrument)).toEqual({ min: 1, max: 5 });
  });
});
