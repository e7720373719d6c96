// Wording that depends on the clock or calendar: the greeting and dates.
import type { MessageKey } from '$lib/i18n';

export type DayPart = 'morning' | 'afternoon' | 'evening';

/** Morning from 4:00, afternoon from 12:00, evening from 18:00 until the small hours. */
export function dayPart(date: Date): DayPart {
  const hour = date.getHours();
  if (hour >= 4 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  return 'evening';
}

const GREETINGS: Record<DayPart, MessageKey> = {
  morning: 'home.greeting.morning',
  afternoon: 'home.greeting.afternoon',
  evening: 'home.greeting.evening',
};

const PLAIN_GREETINGS: Record<DayPart, MessageKey> = {
  morning: 'home.greetingPlain.morning',
  afternoon: 'home.greetingPlain.afternoon',
  evening: 'home.greetingPlain.evening',
};

/** The greeting for the time of day; the plain form is for when there is no name to add. */
export function greetingKey(date: Date, withName = true): MessageKey {
  return (withName ? GREETINGS : PLAIN_GREETINGS)[dayPart(date)];
}

/**
 * Formats an ISO date ("2025-03-12", or a full timestamp) as "12 March 2025".
 * A date-only value is read as a calendar day, so it never shifts with the time zone.
 * Returns "" for an empty or unreadable value.
 */
export function formatDate(iso: string): string {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  const date = dateOnly
    ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]))
    : new Date(iso);
  if (iso.trim() === '' || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}
