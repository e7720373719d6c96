// Wording that depends on the clock or calendar: the greeting and dates.
import { now } from '$lib/clock/clock';
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

/** Formats a month ("2025-03") as "March 2025"; "" for an unreadable value. */
export function formatMonth(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period.trim());
  if (!m) return '';
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' }).format(new Date(Number(m[1]), Number(m[2]) - 1, 1));
}

/** The local calendar date of a moment (by default now, on the app's clock), as YYYY-MM-DD. */
export function todayIso(moment: Date = now()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** Formats a timestamp's local time of day as "14:05"; "" for an unreadable value. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (iso.trim() === '' || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** The local calendar day of a timestamp, as YYYY-MM-DD (a date-only value is kept as it is). */
export function localDay(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso.trim())) return iso.trim();
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : todayIso(date);
}

/** Whole calendar days from the date `from` (YYYY-MM-DD) to the date `to`; NaN if unreadable. */
export function daysBetween(from: string, to: string): number {
  const parse = (value: string): number => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  };
  return Math.round((parse(to) - parse(from)) / 86_400_000);
}
