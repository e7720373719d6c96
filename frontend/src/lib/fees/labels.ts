// The words for fees: how a fee was agreed, how a payment was made, commitments, and balances.
import type { CommitmentKind, Currency, FeeBasis, KindFees, PaymentMethod, SessionKind } from '$lib/api';
import { t, type MessageKey } from '$lib/i18n';
import { formatMoney } from './money';

const BASIS: Record<FeeBasis, MessageKey> = {
  tier: 'fees.basis.tier',
  adjusted: 'fees.basis.adjusted',
  free: 'fees.basis.free',
};
export const feeBasisLabel = (value: FeeBasis): string => t(BASIS[value]);

const METHOD: Record<PaymentMethod, MessageKey> = {
  cash: 'fees.method.cash',
  card: 'fees.method.card',
  bank_transfer: 'fees.method.bank_transfer',
  cheque: 'fees.method.cheque',
  mobile: 'fees.method.mobile',
  other: 'fees.method.other',
};
export const paymentMethodLabel = (value: PaymentMethod): string => t(METHOD[value]);

const COMMITMENT: Record<CommitmentKind, MessageKey> = {
  free_sessions: 'fees.commitmentKind.free_sessions',
  share_of_fees: 'fees.commitmentKind.share_of_fees',
  other: 'fees.commitmentKind.other',
};
export const commitmentKindLabel = (value: CommitmentKind): string => t(COMMITMENT[value]);

/** A balance as a client reads it: "$40.00 to pay", "$10.00 in credit", "Nothing to pay". */
export function balanceWords(balance: number, currency: Currency): string {
  if (balance > 0) return t('fees.balanceOwing', { amount: formatMoney(balance, currency) });
  if (balance < 0) return t('fees.balanceCredit', { amount: formatMoney(-balance, currency) });
  return t('fees.balanceZero');
}

/** A tier's fee for one kind of session. */
export function tierFee(fees: KindFees, kind: SessionKind): number {
  return fees[kind];
}

/** "3%" or "2.5%" from hundredths of a percent. */
export function percentLabel(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString('en', { maximumFractionDigits: 2 })}%`;
}
