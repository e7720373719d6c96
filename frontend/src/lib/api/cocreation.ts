// Co-creation mode (app.CoCreation): one client's shared content only, filtered on the Go side.
import * as CoCreation from './wailsjs/go/app/CoCreation';
import { domain } from './wailsjs/go/models';
import { call } from './call';
import { toGo } from './wire';
import { journeyWrites } from './journey-writes';
import { newAgreementToGo, termsToGo } from './clients';
import {
  type Actor,
  toAgreement,
  toClient,
  toClientRecord,
  toPlanItem,
  toPowerMapEntry,
  type Agreement,
  type AgreementTerm,
  type Client,
  type ClientRecord,
  type Identity,
  type NewAgreement,
  type PlanItem,
  type PlanKind,
  type PowerMapEntry,
} from './client-models';
import { toIntegrationRecord, type IntegrationRecord } from './session-models';
import { toClientFees, type ClientFees } from './fee-models';

/** Writes are by the client, the two together, or the therapist offering openly. Leaving needs the therapist's passphrase or PIN. */
export const coCreation = {
  // The setting plan, shifts and their meaning, patterns and resources, by whoever is writing; the
  // Go side checks each touches this client's own.
  ...journeyWrites(CoCreation),

  /** Turns the mode on and returns what the client may see. */
  enter: async (clientId: number): Promise<ClientRecord> => toClientRecord(await call(() => CoCreation.Enter(clientId))),

  /** The mode as the therapist's preview: the same view, every change refused, closing needs no secret. */
  preview: async (clientId: number): Promise<ClientRecord> => toClientRecord(await call(() => CoCreation.Preview(clientId))),

  view: async (): Promise<ClientRecord> => toClientRecord(await call(() => CoCreation.View())),

  addPlanItem: async (kind: PlanKind, text: string, by: Actor): Promise<PlanItem> =>
    toPlanItem(await call(() => CoCreation.AddPlanItem(kind, text, by))),

  revisePlanItem: async (id: number, text: string, note: string, by: Actor): Promise<PlanItem> =>
    toPlanItem(await call(() => CoCreation.RevisePlanItem(id, text, note, by))),

  agreePlanItem: async (id: number): Promise<PlanItem> => toPlanItem(await call(() => CoCreation.AgreePlanItem(id))),

  /** Saved as shared, by entry.author (the client, together, or the therapist offering openly). */
  addPowerMapEntry: async (entry: PowerMapEntry): Promise<PowerMapEntry> =>
    toPowerMapEntry(await call(() => CoCreation.AddPowerMapEntry(toGo(domain.PowerMapEntry, entry)))),

  updatePowerMapEntry: async (entry: PowerMapEntry): Promise<PowerMapEntry> =>
    toPowerMapEntry(await call(() => CoCreation.UpdatePowerMapEntry(toGo(domain.PowerMapEntry, entry)))),

  addAgreement: async (agreement: NewAgreement, by: Actor): Promise<Agreement> =>
    toAgreement(await call(() => CoCreation.AddAgreement(newAgreementToGo(agreement), by))),

  reviseAgreement: async (id: number, title: string, terms: AgreementTerm[], by: Actor): Promise<Agreement> =>
    toAgreement(await call(() => CoCreation.ReviseAgreement(id, title, termsToGo(terms), by))),

  confirmAgreement: async (id: number, typedName: string): Promise<Agreement> =>
    toAgreement(await call(() => CoCreation.ConfirmAgreement(id, typedName))),

  /** The client's sessions, worksheet, patterns and resources: shared content only. */
  journey: async (): Promise<IntegrationRecord> => toIntegrationRecord(await call(() => CoCreation.Journey())),

  /** The client's self-described identities, in their words; the rest of the record is left as it is. */
  saveIdentities: async (identities: Identity[], by: Actor): Promise<Client> =>
    toClient(await call(() => CoCreation.SaveIdentities(identities.map((i) => toGo(domain.Identity, i)), by))),

  /** Saves the client's own copy (their shared record as PDF and JSON) locked with the passphrase they chose; false when the dialog was closed. */
  saveOwnCopy: async (passphrase: string): Promise<boolean> => (await call(() => CoCreation.SaveOwnCopy(passphrase))) === true,

  /** Saves the page that opens an own copy in any browser, offline; false when the dialog was closed. */
  saveOpener: async (): Promise<boolean> => (await call(() => CoCreation.SaveOpener())) === true,

  /** The client's tier choices, their sessions' fees, payments and balance; the practice's scale. */
  fees: async (): Promise<ClientFees> => toClientFees(await call(() => CoCreation.Fees())),

  /** The client's choice of tier, in their words if they wish; it waits for the therapist's confirmation. */
  chooseTier: async (tierId: number, reason: string): Promise<ClientFees> =>
    toClientFees(await call(() => CoCreation.ChooseTier(tierId, reason))),

  /** Rejects with code "wrong_secret" (field "secret") when it is neither the passphrase nor the PIN. */
  leave: async (secret: string): Promise<void> => {
    await call(() => CoCreation.Leave(secret));
  },
};
