// Fees (app.Fees): the sliding scale, payments, receipts, reciprocity and the practice overview.
import * as Fees from './wailsjs/go/app/Fees';
import { app, domain } from './wailsjs/go/models';
import { call, callBool } from './call';
import { toGo } from './wire';
import type { Visibility } from './client-models';
import {
  toAllocations,
  toClientFees,
  toCommitment,
  toCurrencies,
  toFeePolicy,
  toFeesOverview,
  toGift,
  type Allocation,
  type BillingRequest,
  type ClientFees,
  type Commitment,
  type Currency,
  type FeeBasis,
  type FeePolicy,
  type FeeTier,
  type FeesOverview,
  type Gift,
  type NewPayment,
} from './fee-models';

/**
 * The therapist's: refused (code "cocreation") while co-creation mode is on. Amounts are integers
 * in the currency's minor units.
 */
export const fees = {
  currencies: async (): Promise<Currency[]> => toCurrencies(await call(() => Fees.Currencies())),

  policy: async (): Promise<FeePolicy> => toFeePolicy(await call(() => Fees.Policy())),

  /** The currency, the reasoning and who chooses; the tiers are saved one by one with saveTier. */
  savePolicy: async (p: FeePolicy): Promise<FeePolicy> =>
    toFeePolicy(await call(() => Fees.SavePolicy(toGo(domain.FeePolicy, { ...p, tiers: [] })))),

  /** Adds a tier (id 0) at the end of the scale, or changes one. */
  saveTier: async (tier: FeeTier): Promise<FeePolicy> =>
    toFeePolicy(await call(() => Fees.SaveTier(toGo(domain.FeeTier, tier)))),

  retireTier: async (id: number): Promise<FeePolicy> => toFeePolicy(await call(() => Fees.RetireTier(id))),

  client: async (clientId: number): Promise<ClientFees> => toClientFees(await call(() => Fees.Client(clientId))),

  /** The tier the client chose (by "client") or the two agreed ("together"), in force at once. */
  chooseTier: async (clientId: number, tierId: number, reason: string, by: 'client' | 'together'): Promise<ClientFees> =>
    toClientFees(await call(() => Fees.ChooseTier(clientId, tierId, reason, by))),

  confirmTier: async (choiceId: number): Promise<ClientFees> => toClientFees(await call(() => Fees.ConfirmTier(choiceId))),

  /** basis "tier" takes the tier's fee; "adjusted" needs amount and a note; "free" is offered freely. */
  setSessionFee: async (
    sessionId: number,
    basis: FeeBasis,
    amount: number,
    note: string,
    noteVisibility: Visibility,
  ): Promise<ClientFees> =>
    toClientFees(
      await call(() =>
        Fees.SetSessionFee(
          toGo(domain.SessionFee, { sessionId, basis, amount, note, noteVisibility, tierId: 0, agreedOn: '' }),
        ),
      ),
    ),

  /** How a payment of amount would pay the client's sessions: the oldest outstanding first. */
  suggestAllocations: async (clientId: number, amount: number): Promise<Allocation[]> =>
    toAllocations(await call(() => Fees.SuggestAllocations(clientId, amount))),

  recordPayment: async (p: NewPayment): Promise<ClientFees> =>
    toClientFees(await call(() => Fees.RecordPayment(toGo(domain.NewPayment, p)))),

  allocate: async (paymentId: number, allocations: Allocation[]): Promise<ClientFees> =>
    toClientFees(await call(() => Fees.Allocate(paymentId, allocations))),

  /** Cancels a payment recorded by mistake; both entries stay. */
  reverse: async (paymentId: number, date: string, reason: string): Promise<ClientFees> =>
    toClientFees(await call(() => Fees.Reverse(paymentId, date, reason))),

  saveCommitment: async (c: Commitment): Promise<Commitment> =>
    toCommitment(await call(() => Fees.SaveCommitment(toGo(domain.Commitment, c)))),

  addGift: async (g: Gift): Promise<Gift> => toGift(await call(() => Fees.AddGift(toGo(domain.Gift, g)))),

  overview: async (): Promise<FeesOverview> => toFeesOverview(await call(() => Fees.Overview())),

  /** Opens a receipt or statement in the PDF viewer, to print from there. */
  printBilling: async (r: BillingRequest): Promise<void> => {
    await call(() => Fees.PrintBilling(toGo(app.BillingRequest, r)));
  },

  /** Opens the save dialog; true when written, false when cancelled. */
  saveBilling: (r: BillingRequest): Promise<boolean> => callBool(() => Fees.SaveBilling(toGo(app.BillingRequest, r))),

  /** Saves the overview's months or balances as CSV through the save dialog; false when cancelled. */
  exportOverview: (what: 'months' | 'balances'): Promise<boolean> => callBool(() => Fees.ExportOverview(what)),
};
