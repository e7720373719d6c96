import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '$lib/api';
import { describeFeeEntry } from './history';
import { balanceWords, percentLabel } from './labels';

const usd = { code: 'USD', name: 'US dollar', digits: 2, symbol: '$', spaced: false };

function entry(entity: string, action: string, item: unknown): HistoryEntry {
  return { id: 1, at: '2026-03-01T10:00:00Z', actor: 'therapist', entity, entityId: 1, action, before: '', after: JSON.stringify({ currency: usd, balance: 0, item }) };
}

describe('fee history', () => {
  it('says what changed, with amounts in the practice currency', () => {
    expect(describeFeeEntry(entry('payment', 'create', { amount: 12050, date: '2026-03-01' }), 'You')).toBe(
      'You recorded a payment of $120.50, dated 1 March 2026.',
    );
    expect(describeFeeEntry(entry('payment', 'reverse', { amount: 500, note: 'Entered twice' }), 'You')).toBe(
      'You reversed a payment of $5.00. Why: Entered twice',
    );
    expect(describeFeeEntry(entry('tier_choice', 'choose', { tierName: 'Community', confirmedOn: '' }), 'Ada')).toBe(
      'Ada chose the tier Community, to be confirmed by you.',
    );
    expect(describeFeeEntry(entry('session_fee', 'agree', { basis: 'free', amount: 0 }), 'You')).toBe('You offered a session freely.');
    expect(describeFeeEntry(entry('session_fee', 'agree', { basis: 'adjusted', amount: 4000 }), 'You')).toBe(
      "You agreed a session's fee of $40.00.",
    );
    expect(describeFeeEntry(entry('plan_item', 'create', {}), 'You')).toBeUndefined();
    expect(describeFeeEntry({ ...entry('payment', 'create', {}), after: 'not json' }, 'You')).toBe('You made a change.');
  });

  it('words balances and shares', () => {
    expect(balanceWords(4000, usd)).toBe('$40.00 to pay');
    expect(balanceWords(-1, usd)).toBe('$0.01 in credit');
    expect(balanceWords(0, usd)).toBe('Nothing to pay');
    expect(percentLabel(300)).toBe('3%');
    expect(percentLabel(250)).toBe('2.5%');
  });
});
