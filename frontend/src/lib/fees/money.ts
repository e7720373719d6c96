// Money as the practice writes it. Amounts are integers in the currency's minor units; the same
// rules as Go's domain.Currency.Format and Plain (the two share test cases in
// backend/domain/testdata/money-format.json).
import type { Currency } from '$lib/api/fee-models';

function digitsOf(minor: number, currency: Currency): { negative: boolean; whole: string; fraction: string } {
  const negative = minor < 0;
  let digits = String(Math.abs(Math.trunc(minor)));
  if (currency.digits === 0) return { negative, whole: digits, fraction: '' };
  while (digits.length <= currency.digits) digits = '0' + digits;
  return { negative, whole: digits.slice(0, -currency.digits), fraction: digits.slice(-currency.digits) };
}

/** "$1,234.50", "-£3.05", "¥1,235", "CHF 12.00". */
export function formatMoney(minor: number, currency: Currency): string {
  const { negative, whole, fraction } = digitsOf(minor, currency);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (
    (negative ? '-' : '') + currency.symbol + (currency.spaced ? ' ' : '') + grouped + (fraction ? '.' + fraction : '')
  );
}

/** The amount as typed into a field: "1234.50", "1235". */
export function plainMoney(minor: number, currency: Currency): string {
  const { negative, whole, fraction } = digitsOf(minor, currency);
  return (negative ? '-' : '') + whole + (fraction ? '.' + fraction : '');
}

/**
 * Reads an amount typed by the therapist ("120", "120.5", "1,200.00", "$85") as minor units.
 * null when it is not a plain, non-negative amount with at most the currency's decimals.
 */
export function parseMoney(text: string, currency: Currency): number | null {
  let s = text.trim();
  if (currency.symbol && s.startsWith(currency.symbol)) s = s.slice(currency.symbol.length).trim();
  s = s.replace(/,(?=\d{3}(\D|$))/g, '');
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(s);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > currency.digits) return null;
  const minor = Number(match[1]) * 10 ** currency.digits + Number(fraction.padEnd(currency.digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}
