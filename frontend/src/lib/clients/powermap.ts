// When to suggest revisiting the power map together: never revisited yet, or the last revisit is old.
// Only an entry the two wrote together counts as a revisit: shared, and written by the client or by
// both. A private note of the therapist's, or an entry of theirs alone, does not reset the clock.
import type { PowerMapEntry } from '$lib/api';
import { daysBetween, todayIso } from '$lib/format/format';

/** After this many days without a revisit together, the power map is worth revisiting. */
export const REVISIT_AFTER_DAYS = 90;

export type PowerMapDue = { due: false } | { due: true; latest: string };

/** Whether an entry is a revisit made together. */
export const revisitedTogether = (entry: PowerMapEntry): boolean =>
  entry.visibility === 'shared' && entry.author !== 'therapist';

/** The date of the newest revisit together (YYYY-MM-DD), or "" when there is none. */
export function latestEntry(entries: readonly PowerMapEntry[]): string {
  return entries.reduce((latest, entry) => (revisitedTogether(entry) && entry.writtenOn > latest ? entry.writtenOn : latest), '');
}

/** Whether a power map last revisited together on `latest` ("" for never) is due on `today` (by default the local date). */
export function revisitDue(latest: string, today: string = todayIso()): PowerMapDue {
  if (latest === '') return { due: true, latest };
  const age = daysBetween(latest, today);
  return Number.isFinite(age) && age > REVISIT_AFTER_DAYS ? { due: true, latest } : { due: false };
}

/** Whether to suggest revisiting the power map of these entries on `today`. */
export function powerMapDue(entries: readonly PowerMapEntry[], today: string = todayIso()): PowerMapDue {
  return revisitDue(latestEntry(entries), today);
}
