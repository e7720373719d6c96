import { describe, expect, it } from 'vitest';
import { emptyHealth, type Health, type Medication, type Screening, type ScreeningItem } from '$lib/api';
import {
  answersToSend,
  blankAnswers,
  currentMedications,
  latestFlags,
  latestScreening,
  screenAnswerLabel,
  screeningFlags,
  screeningsNewestFirst,
  stoppedMedications,
  unansweredItems,
} from './health';

function screening(id: number, screenedOn: string, answers: Screening['answers'] = []): Screening {
  return { id, clientId: 1, screenedOn, answeredBy: 'together', note: '', answers, created: '' };
}

function medication(id: number, name: string, stoppedOn = ''): Medication {
  return {
    id,
    clientId: 1,
    name,
    dose: '',
    since: '',
    prescriber: '',
    notes: '',
    stoppedOn,
    author: 'therapist',
    created: '',
    updated: '',
  };
}

const health = (partial: Partial<Health>): Health => ({ ...emptyHealth(), ...partial });

const items: ScreeningItem[] = [
  { id: 4, text: 'Takes lithium', position: 1, retired: '' },
  { id: 2, text: 'Seizures', position: 2, retired: '' },
  { id: 9, text: 'Pregnant', position: 3, retired: '' },
];

describe('screenings', () => {
  it('are read newest first: the later date, then the later record of a day', () => {
    const h = health({ screenings: [screening(1, '2026-01-05'), screening(3, '2026-03-01'), screening(2, '2026-03-01'), screening(4, '2025-12-31')] });
    expect(screeningsNewestFirst(h).map((s) => s.id)).toEqual([3, 2, 1, 4]);
    expect(latestScreening(h)?.id).toBe(3);
    expect(h.screenings.map((s) => s.id)).toEqual([1, 3, 2, 4]);
  });

  it('have no newest one when none is recorded', () => {
    expect(latestScreening(emptyHealth())).toBeNull();
    expect(latestFlags(emptyHealth())).toEqual([]);
  });
});

describe('flags', () => {
  const answers: Screening['answers'] = [
    { itemId: 4, item: 'Takes lithium', answer: 'no', note: '' },
    { itemId: 2, item: 'Seizures', answer: 'unsure', note: 'As a child' },
    { itemId: 9, item: 'Pregnant', answer: 'yes', note: '' },
  ];

  it('are the answers yes and not sure, in the checklist’s order', () => {
    expect(screeningFlags(screening(1, '2026-01-01', answers)).map((a) => a.itemId)).toEqual([2, 9]);
    expect(screeningFlags(null)).toEqual([]);
  });

  it('come from the newest screening only', () => {
    const older = screening(1, '2026-01-01', answers);
    const newer = screening(2, '2026-02-01', answers.map((a) => ({ ...a, answer: 'no' as const })));
    expect(latestFlags(health({ screenings: [older, newer] }))).toEqual([]);
    expect(latestFlags(health({ screenings: [newer, { ...older, screenedOn: '2026-03-01' }] })).map((a) => a.itemId)).toEqual([2, 9]);
  });

  it('name their answer in words', () => {
    expect(screenAnswerLabel('unsure')).toBe('Not sure');
    expect(screenAnswerLabel('yes')).toBe('Yes');
    expect(screenAnswerLabel('no')).toBe('No');
  });
});

describe('medications', () => {
  const h = health({
    medications: [medication(1, 'Sertraline', '2025-11-01'), medication(2, 'Vitamin D'), medication(3, 'Lithium', '2026-02-01'), medication(4, 'Iron')],
  });

  it('still taken keep the order they were added in', () => {
    expect(currentMedications(h).map((m) => m.name)).toEqual(['Vitamin D', 'Iron']);
  });

  it('stopped are listed the most recently stopped first', () => {
    expect(stoppedMedications(h).map((m) => m.name)).toEqual(['Lithium', 'Sertraline']);
  });
});

describe('the screening form', () => {
  it('starts with nothing chosen', () => {
    const blank = blankAnswers(items);
    expect(unansweredItems(items, blank).map((i) => i.id)).toEqual([4, 2, 9]);
    expect(answersToSend(items, blank)).toEqual([]);
  });

  it('sends the items answered, in order, with the wording asked and the note trimmed', () => {
    const answers = { ...blankAnswers(items), 9: { answer: 'unsure' as const, note: '  due in May ' }, 4: { answer: 'no' as const, note: '' } };
    expect(unansweredItems(items, answers).map((i) => i.id)).toEqual([2]);
    expect(answersToSend(items, answers)).toEqual([
      { itemId: 4, item: 'Takes lithium', answer: 'no', note: '' },
      { itemId: 9, item: 'Pregnant', answer: 'unsure', note: 'due in May' },
    ]);
  });

  it('counts an item missing from the answers as unanswered', () => {
    expect(unansweredItems(items, {}).length).toBe(3);
  });
});
