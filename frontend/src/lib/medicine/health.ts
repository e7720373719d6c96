// A client's health and screening as the Health tab and the overview read it: the newest screening
// and its flagged answers, the screenings newest first, the medications taken and stopped, and a
// screening's answers gathered from the form.
import type { Health, Medication, ScreenAnswer, Screening, ScreeningAnswer, ScreeningItem } from '$lib/api';
import { t, type MessageKey } from '$lib/i18n';

/** Newest first: the later date, then the later record on the same date. */
const newestFirst = (a: Screening, b: Screening): number =>
  a.screenedOn > b.screenedOn ? -1 : a.screenedOn < b.screenedOn ? 1 : b.id - a.id;

/** Every screening, newest first. */
export function screeningsNewestFirst(health: Health): Screening[] {
  return [...health.screenings].sort(newestFirst);
}

/** The newest screening, or null when there is none. */
export function latestScreening(health: Health): Screening | null {
  return screeningsNewestFirst(health)[0] ?? null;
}

/** Whether an answer asks for the therapist's attention: yes, or not sure. */
export const isFlagged = (answer: ScreenAnswer): boolean => answer === 'yes' || answer === 'unsure';

/** A screening's answers yes or not sure, in the checklist's order. */
export function screeningFlags(screening: Screening | null): ScreeningAnswer[] {
  return screening ? screening.answers.filter((a) => isFlagged(a.answer)) : [];
}

/** The flagged answers of the newest screening (none when there is no screening). */
export function latestFlags(health: Health): ScreeningAnswer[] {
  return screeningFlags(latestScreening(health));
}

/** The medications still taken, in the order they were added. */
export function currentMedications(health: Health): Medication[] {
  return health.medications.filter((m) => m.stoppedOn === '');
}

/** The medications stopped, the most recently stopped first. */
export function stoppedMedications(health: Health): Medication[] {
  return health.medications
    .filter((m) => m.stoppedOn !== '')
    .sort((a, b) => (a.stoppedOn > b.stoppedOn ? -1 : a.stoppedOn < b.stoppedOn ? 1 : b.id - a.id));
}

/** What the screening form holds for one item: no choice yet (''), or an answer; and a note. */
export interface ItemAnswer {
  answer: ScreenAnswer | '';
  note: string;
}

/** A blank answer for every item. */
export function blankAnswers(items: readonly ScreeningItem[]): Record<number, ItemAnswer> {
  return Object.fromEntries(items.map((item) => [item.id, { answer: '', note: '' }]));
}

/** The items with no answer chosen yet, in the checklist's order. */
export function unansweredItems(items: readonly ScreeningItem[], answers: Readonly<Record<number, ItemAnswer>>): ScreeningItem[] {
  return items.filter((item) => (answers[item.id]?.answer ?? '') === '');
}

/** The answers to send: one per item answered, in the checklist's order (the Go side names any item left out). */
export function answersToSend(items: readonly ScreeningItem[], answers: Readonly<Record<number, ItemAnswer>>): ScreeningAnswer[] {
  return items.flatMap((item) => {
    const given = answers[item.id];
    if (!given || given.answer === '') return [];
    return [{ itemId: item.id, item: item.text, answer: given.answer, note: given.note.trim() }];
  });
}

const ANSWER: Record<ScreenAnswer, MessageKey> = {
  no: 'health.answer.no',
  yes: 'health.answer.yes',
  unsure: 'health.answer.unsure',
};

/** "No", "Yes" or "Not sure". */
export const screenAnswerLabel = (answer: ScreenAnswer): string => t(ANSWER[answer]);
