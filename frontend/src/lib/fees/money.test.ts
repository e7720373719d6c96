import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatMoney, parseMoney, plainMoney } from './money';
import type { Currency } from '$lib/api/fee-models';

// The same cases the Go side's tests read: both sides write money alike.
const vectors = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../backend/domain/testdata/money-format.json', import.meta.url)), 'utf8'),
) as { cases: { currency: string; minor: number; text: string; plain: string }[] };

const CURRENCIES: Record<string, Currency> = {
  USD: { code: 'USD', name: 'US dollar', digits: 2, symbol: '$', spaced: false },
  CAD: { code: 'CAD', name: 'Canadian dollar', digits: 2, symbol: '$', spaced: false },
  EUR: { code: 'EUR', name: 'Euro', digits: 2, symbol: '€', spaced: false },
  GBP: { code: 'GBP', name: 'Pound sterling', digits: 2, symbol: '£', spaced: false },
  JPY: { code: 'JPY', name: 'Japanese yen', digits: 0, symbol: '¥', spaced: false },
  CHF: { code: 'CHF', name: 'Swiss franc', digits: 2, symbol: 'CHF', spaced: true },
  SEK: { code: 'SEK', name: 'Swedish krona', digits: 2, symbol: 'SEK', spaced: true },
  MXN: { code: 'MXN', name: 'Mexican peso', digits: 2, symbol: 'MX$', spaced: false },
};

describe('money', () => {
  it('is written as the Go side writes it', () => {
    expect(vectors.cases.length).toBeGreaterThan(10);
    for (const c of vectors.cases) {
      const currency = CURRENCIES[c.currency];
      expect(currency, c.currency).toBeDefined();
      expect(formatMoney(c.minor, currency)).toBe(c.text);
      expect(plainMoney(c.minor, currency)).toBe(c.plain);
      if (c.minor >= 0) {
        expect(parseMoney(c.plain, currency)).toBe(c.minor);
        expect(parseMoney(c.text, currency)).toBe(c.minor);
      }
    }
  });

  it('reads what a therapist types', () => {
    const usd = CURRENCIES.USD;
    expect(parseMoney('120', usd)).toBe(12000);
    expect(parseMoney(' 120.5 ', usd)).toBe(12050);
    expect(parseMoney('1,200.00', usd)).toBe(120000);
    expect(parseMoney('$85', usd)).toBe(8500);
    expect(parseMoney('0.05', usd)).toBe(5);
    for (const bad of ['', '-5', '1.234', 'abc', '1e3', '12,34', '$']) expect(parseMoney(bad, usd), bad).toBeNull();
    expect(parseMoney('1235', CURRENCIES.JPY)).toBe(1235);
    expect(parseMoney('12.5', CURRENCIES.JPY)).toBeNull();
  });
});
