// The dates the fees forms start with, worked out from the local date (by default today, on the
// app's clock), never from the date in UTC.
import { todayIso } from '$lib/format/format';

/** The statement's period to start with: from the first of January of this year to today. */
export function statementPeriod(today: string = todayIso()): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The date a reversal of a payment made on `paidOn` starts with: today, or the payment's date if that is later. */
export function reversalDate(paidOn: string, today: string = todayIso()): string {
  return today < paidOn ? paidOn : today;
}
