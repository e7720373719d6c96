// Co-creation mode (app.CoCreation): one client's shared content only, filtered on the Go side.
import * as CoCreation from './wailsjs/go/app/CoCreation';
import { domain } from './wailsjs/go/models';
import { call } from './call';
import { toGo } from './wire';
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
import {
  toIntegrationRecord,
  toPattern,
  toResource,
  toSettingElement,
  toShift,
  type Comfort,
  type IntegrationRecord,
  type NewPattern,
  type NewSettingElement,
  type Pattern,
  type PatternChange,
  type Resource,
  type SettingElement,
  type Shift,
} from './session-models';
import { toClientFees, type ClientFees } from './fee-models';

/** Writes are by the client, the two together, or the therapist offering openly. Leaving needs the therapist's passphrase or PIN. */
export const coCreation = {
  /** Turns the mode on and returns what the client may see. */
  enter: async (clientId: number): Promise<ClientRecord> => toClientRecord(await call(() => CoCreation.Enter(clientId))),

  view: async (): Promise<ClientRecord> => toClientRecord(await call(() => CoCreation.View())),

  addPlanItem: async (kind: PlanKind, text: string, by: Actor): Promise<PlanItem> =>
    toPlanItem(await call(() => CoCreation.AddPlanItem(kind, text, by))),

  revisePlanItem: async (id: number, text: string, note: string, by: Actor): Promise<PlanItem> =>
    toPlanItem(await call(() => CoCreation.RevisePlanItem(id, text, note, by))),

  agreePlanItem: async (id: number): Promise<PlanItem> => toPlanItem(await call(() => CoCreation.AgreePlanItem(id))),

  /** Saved as shared; entry.author must be the client or together. */
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

  /** The setting plan of one of the client's medicine sessions not yet finalised (element.proposedBy writes it). */
  addSettingElement: async (element: NewSettingElement): Promise<SettingElement> =>
    toSettingElement(await call(() => CoCreation.AddSettingElement(toGo(domain.NewSettingElement, element)))),

  reviseSettingElement: async (id: number, text: string, by: Actor): Promise<SettingElement> =>
    toSettingElement(await call(() => CoCreation.ReviseSettingElement(id, text, by))),

  setSettingComfort: async (id: number, comfort: Comfort): Promise<SettingElement> =>
    toSettingElement(await call(() => CoCreation.SetSettingComfort(id, comfort))),

  retireSettingElement: async (id: number, by: Actor): Promise<SettingElement> =>
    toSettingElement(await call(() => CoCreation.RetireSettingElement(id, by))),

  /** A worksheet entry, by whoever is writing (shift.recordedBy). */
  addShift: async (shift: Shift): Promise<Shift> =>
    toShift(await call(() => CoCreation.AddShift(toGo(domain.Shift, { ...shift, id: 0 })))),

  /** The meaning the two make of a shift, beside the client's words ("" takes it away). */
  addMeaning: async (shiftId: number, meaning: string, by: Actor): Promise<Shift> =>
    toShift(await call(() => CoCreation.AddMeaning(shiftId, meaning, by))),

  /** The client's self-described identities, in their words; the rest of the record is left as it is. */
  saveIdentities: async (identities: Identity[], by: Actor): Promise<Client> =>
    toClient(await call(() => CoCreation.SaveIdentities(identities.map((i) => toGo(domain.Identity, i)), by))),

  /** Patterns and resources of the client's, each written by whoever is writing. */
  addPattern: async (pattern: NewPattern): Promise<Pattern> =>
    toPattern(await call(() => CoCreation.AddPattern(toGo(domain.NewPattern, { ...pattern, clientId: 0 })))),

  renamePattern: async (id: number, name: string, by: Actor): Promise<Pattern> =>
    toPattern(await call(() => CoCreation.RenamePattern(id, name, by))),

  setPatternStatus: async (id: number, change: PatternChange): Promise<Pattern> =>
    toPattern(await call(() => CoCreation.SetPatternStatus(id, toGo(domain.PatternChange, change)))),

  linkPattern: async (id: number, shiftIds: number[], sessionIds: number[], by: Actor): Promise<Pattern> =>
    toPattern(await call(() => CoCreation.LinkPattern(id, shiftIds, sessionIds, by))),

  addResource: async (resource: Resource): Promise<Resource> =>
    toResource(await call(() => CoCreation.AddResource(toGo(domain.Resource, { ...resource, id: 0, clientId: 0 })))),

  updateResource: async (resource: Resource, by: Actor): Promise<Resource> =>
    toResource(await call(() => CoCreation.UpdateResource(toGo(domain.Resource, resource), by))),

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
