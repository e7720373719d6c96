// The shapes of fees, payments, reciprocity and the practice overview. Amounts are integers in
// the currency's minor units (cents, pence; yen have none), exactly as Go keeps them.
import type { domain } from './wailsjs/go/models';
import type { Reply } from './wire';
import { toActor, toVisibility, type Actor, type Visibility } from './client-models';
import { SESSION_KINDS, type SessionKind } from './session-models';
import { asRecord, bool, int, list, oneOf, str } from './convert';

export type ChoiceMode = 'client' | 'together';
export type FeeBasis = 'tier' | 'adjusted' | 'free';
export type PaymentMethod = 'cash' | 'card' | 'bank_transfer' | 'cheque' | 'mobile' | 'other';
export type CommitmentKind = 'free_sessions' | 'share_of_fees' | 'other';

export const CHOICE_MODES: readonly ChoiceMode[] = ['client', 'together'];
export const FEE_BASES: readonly FeeBasis[] = ['tier', 'adjusted', 'free'];
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'card', 'bank_transfer', 'cheque', 'mobile', 'other'];
export const COMMITMENT_KINDS: readonly CommitmentKind[] = ['free_sessions', 'share_of_fees', 'other'];

export interface Currency {
  code: string;
  name: string;
  digits: number;
  symbol: string;
  spaced: boolean;
}

export interface KindFees {
  preparation: number;
  medicine: number;
  integration: number;
  other: number;
}

export interface FeeTier {
  id: number;
  name: string;
  description: string;
  fees: KindFees;
  position: number;
  retired: boolean;
}

export interface FeePolicy {
  currency: string;
  reasoning: string;
  choiceMode: ChoiceMode;
  tiers: FeeTier[];
}

export interface TierChoice {
  id: number;
  clientId: number;
  tierId: number;
  tierName: string;
  chosenOn: string;
  by: Actor;
  reason: string;
  /** '' while the choice waits for the therapist's confirmation. */
  confirmedOn: string;
}

export interface SessionFee {
  sessionId: number;
  amount: number;
  basis: FeeBasis;
  tierId: number;
  note: string;
  /** Whether the client sees the note (the therapist's choice). */
  noteVisibility: Visibility;
  agreedOn: string;
}

export interface Allocation {
  sessionId: number;
  amount: number;
}

export interface Payment {
  id: number;
  clientId: number;
  date: string;
  amount: number;
  method: PaymentMethod;
  note: string;
  /** Set on a reversal: the payment it cancels. */
  reverses: number;
  /** Set on a reversed payment: its reversal. */
  reversedBy: number;
  allocations: Allocation[];
  created: string;
}

export interface NewPayment {
  clientId: number;
  date: string;
  amount: number;
  method: PaymentMethod;
  note: string;
  allocations: Allocation[];
}

export interface SessionAccount {
  sessionId: number;
  date: string;
  kind: SessionKind;
  /** null until a fee is agreed. */
  fee: SessionFee | null;
  paid: number;
  outstanding: number;
}

export interface Account {
  sessions: SessionAccount[];
  payments: Payment[];
  fees: number;
  paid: number;
  /** Positive: the client has this to pay; negative: in credit. */
  balance: number;
  unallocated: number;
}

export interface ClientFees {
  clientId: number;
  currency: Currency;
  policy: FeePolicy;
  /** Newest first. */
  choices: TierChoice[];
  current: TierChoice | null;
  pending: TierChoice | null;
  account: Account;
}

export interface Commitment {
  id: number;
  kind: CommitmentKind;
  description: string;
  organisation: string;
  everyN: number;
  /** Hundredths of a percent: 300 is 3%. */
  basisPoints: number;
  since: string;
  until: string;
}

export interface Gift {
  id: number;
  date: string;
  amount: number;
  organisation: string;
  note: string;
  commitmentId: number;
}

export interface KindCounts {
  preparation: number;
  medicine: number;
  integration: number;
  other: number;
}

export interface PeriodSummary {
  /** "2026-03" or "2026". */
  period: string;
  income: number;
  sessions: KindCounts;
  free: number;
  given: number;
}

export interface CommitmentYear {
  commitmentId: number;
  expected: number;
  done: number;
  kept: boolean;
}

export interface ReciprocityYear {
  year: string;
  sessions: number;
  free: number;
  income: number;
  given: number;
  commitments: CommitmentYear[];
}

export interface ClientBalance {
  clientId: number;
  name: string;
  balance: number;
}

export interface FeesOverview {
  currency: Currency;
  /** Newest first. */
  months: PeriodSummary[];
  /** Newest first. */
  years: PeriodSummary[];
  /** Largest first. */
  outstanding: ClientBalance[];
  reciprocity: ReciprocityYear[];
  commitments: Commitment[];
  gifts: Gift[];
}

/** A receipt (paymentId) or a statement (from, to) of one client. */
export interface BillingRequest {
  clientId: number;
  paymentId: number;
  from: string;
  to: string;
  legalName: boolean;
}

export function toCurrency(value: unknown): Currency {
  const r: Reply<domain.Currency> = asRecord(value);
  return { code: str(r.code), name: str(r.name), digits: int(r.digits), symbol: str(r.symbol), spaced: bool(r.spaced) };
}

export const toCurrencies = (value: unknown): Currency[] => list(value, toCurrency);

function toKindFees(value: unknown): KindFees {
  const r: Reply<domain.KindFees | domain.KindCounts> = asRecord(value ?? {});
  return { preparation: int(r.preparation), medicine: int(r.medicine), integration: int(r.integration), other: int(r.other) };
}

export function toFeeTier(value: unknown): FeeTier {
  const r: Reply<domain.FeeTier> = asRecord(value);
  return {
    id: int(r.id),
    name: str(r.name),
    description: str(r.description),
    fees: toKindFees(r.fees),
    position: int(r.position),
    retired: bool(r.retired),
  };
}

export function toFeePolicy(value: unknown): FeePolicy {
  const r: Reply<domain.FeePolicy> = asRecord(value);
  return {
    currency: str(r.currency),
    reasoning: str(r.reasoning),
    choiceMode: oneOf(CHOICE_MODES, r.choiceMode, 'client'),
    tiers: list(r.tiers, toFeeTier),
  };
}

function toTierChoice(value: unknown): TierChoice {
  const r: Reply<domain.TierChoice> = asRecord(value);
  return {
    id: int(r.id),
    clientId: int(r.clientId),
    tierId: int(r.tierId),
    tierName: str(r.tierName),
    chosenOn: str(r.chosenOn),
    by: toActor(r.by),
    reason: str(r.reason),
    confirmedOn: str(r.confirmedOn),
  };
}

function toSessionFee(value: unknown): SessionFee {
  const r: Reply<domain.SessionFee> = asRecord(value);
  return {
    sessionId: int(r.sessionId),
    amount: int(r.amount),
    basis: oneOf(FEE_BASES, r.basis, 'tier'),
    tierId: int(r.tierId),
    note: str(r.note),
    noteVisibility: toVisibility(r.noteVisibility),
    agreedOn: str(r.agreedOn),
  };
}

function toAllocation(value: unknown): Allocation {
  const r: Reply<domain.Allocation> = asRecord(value);
  return { sessionId: int(r.sessionId), amount: int(r.amount) };
}

export const toAllocations = (value: unknown): Allocation[] => list(value, toAllocation);

function toPayment(value: unknown): Payment {
  const r: Reply<domain.Payment> = asRecord(value);
  return {
    id: int(r.id),
    clientId: int(r.clientId),
    date: str(r.date),
    amount: int(r.amount),
    method: oneOf(PAYMENT_METHODS, r.method, 'other'),
    note: str(r.note),
    reverses: int(r.reverses),
    reversedBy: int(r.reversedBy),
    allocations: toAllocations(r.allocations),
    created: str(r.created),
  };
}

function toSessionAccount(value: unknown): SessionAccount {
  const r: Reply<domain.SessionAccount> = asRecord(value);
  return {
    sessionId: int(r.sessionId),
    date: str(r.date),
    kind: oneOf(SESSION_KINDS, r.kind, 'other'),
    fee: r.fee ? toSessionFee(r.fee) : null,
    paid: int(r.paid),
    outstanding: int(r.outstanding),
  };
}

export function toClientFees(value: unknown): ClientFees {
  const r: Reply<domain.ClientFees> = asRecord(value);
  const a: Reply<domain.Account> = asRecord(r.account ?? {});
  return {
    clientId: int(r.clientId),
    currency: toCurrency(r.currency ?? {}),
    policy: toFeePolicy(r.policy ?? {}),
    choices: list(r.choices, toTierChoice),
    current: r.current ? toTierChoice(r.current) : null,
    pending: r.pending ? toTierChoice(r.pending) : null,
    account: {
      sessions: list(a.sessions, toSessionAccount),
      payments: list(a.payments, toPayment),
      fees: int(a.fees),
      paid: int(a.paid),
      balance: int(a.balance),
      unallocated: int(a.unallocated),
    },
  };
}

export function toCommitment(value: unknown): Commitment {
  const r: Reply<domain.Commitment> = asRecord(value);
  return {
    id: int(r.id),
    kind: oneOf(COMMITMENT_KINDS, r.kind, 'other'),
    description: str(r.description),
    organisation: str(r.organisation),
    everyN: int(r.everyN),
    basisPoints: int(r.basisPoints),
    since: str(r.since),
    until: str(r.until),
  };
}

export function toGift(value: unknown): Gift {
  const r: Reply<domain.Gift> = asRecord(value);
  return {
    id: int(r.id),
    date: str(r.date),
    amount: int(r.amount),
    organisation: str(r.organisation),
    note: str(r.note),
    commitmentId: int(r.commitmentId),
  };
}

function toPeriod(value: unknown): PeriodSummary {
  const r: Reply<domain.PeriodSummary> = asRecord(value);
  return { period: str(r.period), income: int(r.income), sessions: toKindFees(r.sessions), free: int(r.free), given: int(r.given) };
}

function toReciprocityYear(value: unknown): ReciprocityYear {
  const r: Reply<domain.ReciprocityYear> = asRecord(value);
  return {
    year: str(r.year),
    sessions: int(r.sessions),
    free: int(r.free),
    income: int(r.income),
    given: int(r.given),
    commitments: list(r.commitments, (c) => {
      const x: Reply<domain.CommitmentYear> = asRecord(c);
      return { commitmentId: int(x.commitmentId), expected: int(x.expected), done: int(x.done), kept: bool(x.kept) };
    }),
  };
}

export function toFeesOverview(value: unknown): FeesOverview {
  const r: Reply<domain.FeesOverview> = asRecord(value);
  return {
    currency: toCurrency(r.currency ?? {}),
    months: list(r.months, toPeriod),
    years: list(r.years, toPeriod),
    outstanding: list(r.outstanding, (c) => {
      const x: Reply<domain.ClientBalance> = asRecord(c);
      return { clientId: int(x.clientId), name: str(x.name), balance: int(x.balance) };
    }),
    reciprocity: list(r.reciprocity, toReciprocityYear),
    commitments: list(r.commitments, toCommitment),
    gifts: list(r.gifts, toGift),
  };
}
