// The test kit's clock: every Vitest test runs at one pinned moment in one time zone (docs/design.md,
// "Testing"), and the tests about particular days move both on purpose.
import { vi } from 'vitest';

/** The suite's "now" as a local wall-clock time: TANDEM_CLOCK, as the Go tests and the app read it. */
export const SUITE_NOW = process.env.TANDEM_CLOCK || '2026-06-10T09:30:00';

/** The suite's time zone: the one the test scripts set (TZ), or UTC. */
export const SUITE_ZONE = process.env.TZ || 'UTC';

/** Days on which dates go wrong when code is careless, as local wall-clock times. */
export const HARD_DAYS = {
  /** The last minutes of a month and of a year. */
  monthEnd: '2026-12-31T23:50:00',
  /** The day after the month turns, just after midnight. */
  monthStart: '2027-01-01T00:10:00',
  /** A leap day. */
  leapDay: '2028-02-29T12:00:00',
  /** Europe's clocks go forward an hour (at 01:00 UTC). */
  dstSpring: '2027-03-28T12:00:00',
  /** Europe's clocks go back an hour (at 01:00 UTC). */
  dstAutumn: '2027-10-31T12:00:00',
  /** Just after Europe's clocks went forward: in Berlin the hour from 02:00 never happened. */
  dstSpringNight: '2027-03-28T03:30:00',
  /** In the hour Europe's clocks repeat: in Berlin 02:30 comes twice (this is the first, still summer time). */
  dstAutumnNight: '2027-10-31T02:30:00',
} as const;

/** Time zones far from UTC on either side, and one with a half-hour offset; Berlin for daylight saving. */
export const FAR_ZONES = ['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/Berlin'] as const;

/** The name of a hard day (a key of HARD_DAYS). */
export type HardDay = keyof typeof HARD_DAYS;

/** Pins Date to the local wall-clock time `local` in the current zone. */
export function pinClock(local: string): void {
  const at = new Date(local);
  if (Number.isNaN(at.getTime())) throw new Error(`not a time: ${local}`);
  vi.setSystemTime(at);
}

/**
 * Runs fn with the process in time zone `zone` and the clock pinned at the wall-clock time `local`
 * there; puts the suite's zone and moment back afterwards.
 */
export function inZoneAt<T>(zone: string, local: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    pinClock(local);
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
    pinClock(SUITE_NOW);
  }
}

/**
 * Runs fn in every far zone at every hard day, pinned as inZoneAt does; fn is told where and when it
 * runs (for the messages of its expectations).
 */
export function onHardDays(fn: (zone: string, day: HardDay, local: string) => void): void {
  for (const zone of FAR_ZONES) {
    for (const [day, local] of Object.entries(HARD_DAYS) as [HardDay, string][]) inZoneAt(zone, local, () => fn(zone, day, local));
  }
}

/** The moment a local wall-clock time in the current zone is, as the Go side stamps it (RFC 3339, UTC). */
export function stampAt(local: string): string {
  const at = new Date(local);
  if (Number.isNaN(at.getTime())) throw new Error(`not a time: ${local}`);
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** How the page writes the day of "2026-12-31" (or of a local time): "31 December 2026", worked out without Intl. */
export function longDate(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** How the page writes the month "2026-12" (or of a date or local time): "December 2026". */
export function longMonth(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}
