// When to suggest revisiting the power map together: none yet, or the latest entry is old.
import type { PowerMapEntry } from '$lib/api';
import { daysBetween, todayIso } from '$lib/format/format';

/** After this many days without a new entry, the power map is worth revisiting together. */
export const REVISIT_AFTER_DAYS = 90;

export type PowerMapDue = { due: false } | { due: true; latest: string };

/** The date of the newest entry (YYYY-MM-DD), or "" when there is none. */
export function latestEntry(entries: readonly PowerMapEntry[]): string {
  return entries.reduce((latest, entry) => (entry.writtenOn > latest ? entry.writtenOn : latest), '');
}

/** Whether to suggest revisiting on `today` (by default the local date); `latest` is "" when there are no entries at all. */
export function powerMapDue(entries: readonly PowerMapEntry[], today: string = todayIso()): PowerMapDue {
  const latest = latestEntry(entries);
  if (latest === '') return { due: true, latest };
  const age = daysBetween(latest, today);
  return Number.isFinite(age) && age > REVISIT_AFTER_DAYS ? { due: true, latest } : { due: false };
}
