// Sentences for the history of a client's fees: tier choices, agreed fees and payments.
import { toCurrency, type HistoryEntry } from '$lib/api';
import { asRecord, int, str } from '$lib/api/convert';
import { formatDate } from '$lib/format/format';
import { t } from '$lib/i18n';
import { formatMoney } from './money';

interface Trace {
  money: (minor: number) => string;
  item: Record<string, unknown> | null;
}

function trace(json: string): Trace | null {
  if (json.trim() === '') return null;
  try {
    const r = asRecord(JSON.parse(json));
    const currency = toCurrency(r.currency ?? {});
    return {
      money: (minor) => formatMoney(minor, currency),
      item: r.item && typeof r.item === 'object' ? (r.item as Record<string, unknown>) : null,
    };
  } catch {
    return null;
  }
}

/** A sentence for one change of a client's fees; undefined for other entities. */
export function describeFeeEntry(entry: HistoryEntry, who: string): string | undefined {
  if (entry.entity !== 'tier_choice' && entry.entity !== 'session_fee' && entry.entity !== 'payment') return undefined;
  const after = trace(entry.after);
  const item = after?.item;
  if (!after || !item) return t('history.other', { who });
  switch (`${entry.entity}.${entry.action}`) {
    case 'tier_choice.choose':
      return str(item.confirmedOn)
        ? t('history.fees.choose', { who, tier: str(item.tierName) })
        : t('history.fees.chooseToConfirm', { who, tier: str(item.tierName) });
    case 'tier_choice.confirm':
      return t('history.fees.confirm', { who, tier: str(item.tierName) });
    case 'session_fee.agree':
      return str(item.basis) === 'free'
        ? t('history.fees.free', { who })
        : t('history.fees.agree', { who, amount: after.money(int(item.amount)) });
    case 'payment.create':
      return t('history.fees.payment', { who, amount: after.money(int(item.amount)), date: formatDate(str(item.date)) });
    case 'payment.allocate':
      return t('history.fees.allocate', { who, amount: after.money(int(item.amount)), date: formatDate(str(item.date)) });
    case 'payment.reverse':
      return t('history.fees.reverse', { who, amount: after.money(int(item.amount)), reason: str(item.note) });
  }
  return t('history.other', { who });
}
