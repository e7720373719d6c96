import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '$lib/api';
import { describeHistory } from '$lib/clients/history';

const entry = (partial: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  at: '2026-06-10T09:30:00Z',
  actor: 'therapist',
  entity: 'medication',
  entityId: 1,
  action: 'create',
  before: '',
  after: '',
  ...partial,
});
const json = (v: unknown) => JSON.stringify(v);
const medication = (stoppedOn = '') => ({ id: 1, clientId: 1, name: 'Sertraline (fictional)', dose: '50 mg', stoppedOn, author: 'therapist' });

describe('the history of the health screening and the live log', () => {
  it('reads a medication added, stopped and changed', () => {
    expect(describeHistory(entry({ after: json(medication()) }), 'Zoë')).toBe('You added the medication “Sertraline (fictional)”.');
    expect(describeHistory(entry({ action: 'update', before: json(medication()), after: json(medication('2026-06-01')) }), 'Zoë')).toMatch(
      /^You recorded that “Sertraline \(fictional\)” was stopped on .*2026\.$/,
    );
    expect(describeHistory(entry({ action: 'update', before: json(medication()), after: json({ ...medication(), dose: '100 mg' }) }), 'Zoë')).toBe(
      'You changed the medication “Sertraline (fictional)”.',
    );
  });

  it('counts the answers to consider on a screening, answered by the client', () => {
    const after = json({ id: 2, screenedOn: '2026-06-01', answeredBy: 'client', answers: [{ answer: 'no' }, { answer: 'unsure' }, { answer: 'yes' }] });
    expect(describeHistory(entry({ entity: 'screening', actor: 'client', after }), 'Zoë')).toMatch(/^\u2068Zoë\u2069 answered the health screening of .*: 2 answers to consider\.$/);
  });

  it('reads a live log entry with its time', () => {
    const after = json({ id: 3, kind: 'vitals', clock: '11:05', systolic: 120, diastolic: 80 });
    expect(describeHistory(entry({ entity: 'log_entry', after }), 'Zoë')).toBe('You logged a vitals at 11:05 in the live log.');
  });

  it('reads the readiness decisions on a session', () => {
    const after = json({ id: 4, kind: 'medicine', date: '2026-06-10' });
    expect(describeHistory(entry({ entity: 'session', action: 'go_ahead', after }), 'Zoë')).toMatch(/^You recorded going ahead with the medicine session of/);
  });
});
