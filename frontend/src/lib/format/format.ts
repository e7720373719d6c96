// Wording that depends on the clock or calendar: the greeting and dates, and counting calendar days.
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

// Calendar values (a day "2025-03-12", a month "2025-03") are worked out and named in UTC, where a
// day is always 24 hours long, so that neither the zone nor a daylight-saving change can move them;
// moments (timestamps) are read in the local zone, as it is when they are shown.

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A calendar date (YYYY-MM-DD) as the time of its midnight in UTC; NaN when unreadable. */
function calendarDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
}

/** The calendar date (YYYY-MM-DD) of a midnight in UTC. */
function calendarIso(utcMidnight: number): string {
  const date = new Date(utcMidnight);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

// Named in UTC, the zone the calendar values are worked out in: never the zone the page started in.
const dayNames = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthNames = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Formats an ISO date ("2025-03-12", or a full timestamp) as "12 March 2025".
 * A date-only value is read as a calendar day, so it never shifts with the time zone; a timestamp
 * is dated in the local zone. Returns "" for an empty or unreadable value.
 */
export function formatDate(iso: string): string {
  const day = calendarDay(iso);
  if (Number.isFinite(day)) return dayNames.format(day);
  const date = new Date(iso);
  if (iso.trim() === '' || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** Formats a month ("2025-03") as "March 2025"; "" for an unreadable value. */
export function formatMonth(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period.trim());
  if (!m) return '';
  return monthNames.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

/** The local calendar date of a moment (by default now, on the app's clock), as YYYY-MM-DD. */
export function todayIso(moment: Date = now()): string {
  return `${pad(moment.getFullYear(), 4)}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
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

/**
 * Whole calendar days from the date `from` (YYYY-MM-DD) to the date `to`, as a person counts them
 * (the Go side's DayCount counts the same way); NaN if either is unreadable.
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((calendarDay(to) - calendarDay(from)) / DAY_MS);
}

/** The calendar date `days` days after the date `iso` (YYYY-MM-DD); "" if it is unreadable. */
export function addDays(iso: string, days: number): string {
  const day = calendarDay(iso);
  return Number.isFinite(day) && Number.isInteger(days) ? calendarIso(day + days * DAY_MS) : '';
}

/** Calendar days from the local day of a timestamp to today (by default on the app's clock); NaN if unreadable. */
export function daysSince(iso: string, today: string = todayIso()): number {
  return daysBetween(localDay(iso), today);
}
