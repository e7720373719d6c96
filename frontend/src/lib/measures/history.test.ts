import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '$lib/api';
import { describeMeasureEntry } from './history';

const entry = (partial: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  at: '2026-03-04T10:15:00Z',
  actor: 'therapist',
  entity: 'measure',
  entityId: 1,
  action: 'create',
  before: '',
  after: '',
  ...partial,
});

const measure = JSON.stringify({ id: 3, clientId: 1, date: '2026-03-04', instrument: { key: 'phq9', name: 'Patient Health Questionnaire-9', shortName: 'PHQ-9' } });

describe('the history of measures, schedules and worksheet pages', () => {
  it('says what was done to which questionnaire of which day', () => {
    expect(describeMeasureEntry(entry({ after: measure }), 'You')).toBe('You recorded the answers to the PHQ-9 of 4 March 2026.');
    expect(describeMeasureEntry(entry({ action: 'correct', before: measure, after: measure }), 'You')).toMatch(/^You corrected the answers to the PHQ-9 of 4 March 2026/);
    expect(describeMeasureEntry(entry({ action: 'follow_up', after: measure }), 'You')).toBe('You wrote the follow-up to an answer in the PHQ-9 of 4 March 2026.');
  });

  it('names a schedule by its questionnaire and when it falls due, and a page given out', () => {
    const schedule = JSON.stringify({ id: 2, clientId: 1, instrumentKey: 'gad7', kind: 'every_weeks', everyWeeks: 4, startsOn: '2026-03-01' });
    expect(describeMeasureEntry(entry({ entity: 'measure_schedule', after: schedule }), 'You')).toBe('You scheduled the GAD-7 every 4 weeks from 1 March 2026.');
    expect(describeMeasureEntry(entry({ entity: 'measure_schedule', action: 'remove', before: schedule }), 'You')).toBe(
      'You stopped scheduling the GAD-7 every 4 weeks from 1 March 2026.',
    );
    expect(describeMeasureEntry(entry({ entity: 'offline_worksheet' }), 'You')).toBe('You saved a worksheet page for the client to fill in at home.');
    expect(describeMeasureEntry(entry({ entity: 'shift' }), 'You')).toBeUndefined();
  });
});
