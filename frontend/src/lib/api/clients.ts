// The therapist's view of clients (app.Clients): records, plans, power maps, agreements, reflections, history.
import * as Clients from './wailsjs/go/app/Clients';
import { domain } from './wailsjs/go/models';
import { call } from './call';
import { list } from './convert';
import { toGo, type Wire } from './wire';
import {
  toAgreement,
  toClient,
  toClientRecord,
  toClientSummary,
  toHistoryEntry,
  toPlanItem,
  toPowerMapEntry,
  toReflection,
  toStringList,
  type Actor,
  type Agreement,
  type AgreementTerm,
  type Client,
  type ClientFilter,
  type ClientRecord,
  type ClientSummary,
  type HistoryEntry,
  type NewAgreement,
  type NewPlanItem,
  type PlanItem,
  type PowerMapEntry,
  type Reflection,
} from './client-models';

/** An agreement's terms as Go takes them: the key and the text of each, nothing else. */
export const termsToGo = (terms: readonly AgreementTerm[]): Wire<domain.AgreementTerm>[] =>
  terms.map((term) => ({ key: term.key, text: term.text }));

/** A new agreement as Go takes it. */
export const newAgreementToGo = (agreement: NewAgreement): domain.NewAgreement =>
  toGo(domain.NewAgreement, { ...agreement, terms: termsToGo(agreement.terms) });

/**
 * Every call is refused (code "cocreation") while co-creation mode is on. Each write returns the
 * changed entity as the Go side stored it.
 */
export const clients = {
  /** Active first, then paused, then closed; the query ignores case and accents. */
  list: async (filter: ClientFilter): Promise<ClientSummary[]> =>
    list(await call(() => Clients.List(toGo(domain.ClientFilter, filter))), toClientSummary),

  /** Everything about one client, private content included. */
  record: async (id: number): Promise<ClientRecord> => toClientRecord(await call(() => Clients.Record(id))),

  suggestedFacets: async (): Promise<string[]> => toStringList(await call(() => Clients.SuggestedFacets())),

  create: async (client: Client): Promise<Client> =>
    toClient(await call(() => Clients.Create(toGo(domain.Client, { ...client, id: 0 })))),

  update: async (client: Client): Promise<Client> => toClient(await call(() => Clients.Update(toGo(domain.Client, client)))),

  archive: async (id: number): Promise<void> => {
    await call(() => Clients.Archive(id));
  },

  restore: async (id: number): Promise<void> => {
    await call(() => Clients.Restore(id));
  },

  /** Records what the two chose to work on together in co-creation mode (field "agenda" when refused). */
  saveAgenda: async (id: number, sections: readonly string[]): Promise<Client> =>
    toClient(await call(() => Clients.SaveAgenda(id, [...sections]))),

  /** Shares, or stops sharing, the therapist's positionality statement with this client. */
  sharePositionality: async (id: number, share: boolean): Promise<Client> =>
    toClient(await call(() => Clients.SharePositionality(id, share))),

  /** Only an archived record; typedName must be the chosen name exactly (else field "typedName"). */
  erase: async (id: number, typedName: string): Promise<void> => {
    await call(() => Clients.Erase(id, typedName));
  },

  addPlanItem: async (item: NewPlanItem): Promise<PlanItem> =>
    toPlanItem(await call(() => Clients.AddPlanItem(toGo(domain.NewPlanItem, item)))),

  /** Adds a wording; the earlier ones stay. The item's status becomes "revised". */
  revisePlanItem: async (id: number, text: string, note: string, author: Actor): Promise<PlanItem> =>
    toPlanItem(await call(() => Clients.RevisePlanItem(id, text, note, author))),

  /** on: YYYY-MM-DD, or "" for today. */
  agreePlanItem: async (id: number, on: string): Promise<PlanItem> =>
    toPlanItem(await call(() => Clients.AgreePlanItem(id, on))),

  retirePlanItem: async (id: number, reason: string): Promise<PlanItem> =>
    toPlanItem(await call(() => Clients.RetirePlanItem(id, reason))),

  /** position: among the client's items of the same kind, from 0. */
  movePlanItem: async (id: number, position: number): Promise<void> => {
    await call(() => Clients.MovePlanItem(id, position));
  },

  addPowerMapEntry: async (entry: PowerMapEntry): Promise<PowerMapEntry> =>
    toPowerMapEntry(await call(() => Clients.AddPowerMapEntry(toGo(domain.PowerMapEntry, entry)))),

  updatePowerMapEntry: async (entry: PowerMapEntry): Promise<PowerMapEntry> =>
    toPowerMapEntry(await call(() => Clients.UpdatePowerMapEntry(toGo(domain.PowerMapEntry, entry)))),

  addAgreement: async (agreement: NewAgreement): Promise<Agreement> =>
    toAgreement(await call(() => Clients.AddAgreement(newAgreementToGo(agreement)))),

  /** Writes a new version; a confirmed agreement then needs the client's confirmation again. */
  reviseAgreement: async (id: number, title: string, terms: AgreementTerm[]): Promise<Agreement> =>
    toAgreement(await call(() => Clients.ReviseAgreement(id, title, termsToGo(terms)))),

  /** on: YYYY-MM-DD, or "" for today. */
  confirmAgreement: async (id: number, typedName: string, on: string): Promise<Agreement> =>
    toAgreement(await call(() => Clients.ConfirmAgreement(id, typedName, on))),

  /** A client's history, oldest first (record() leaves it out: it is read when shown). */
  history: async (clientId: number): Promise<HistoryEntry[]> =>
    list(await call(() => Clients.History(clientId)), toHistoryEntry),

  /** The private reflections about one client, or the general journal for 0; newest first. */
  reflections: async (clientId: number): Promise<Reflection[]> =>
    list(await call(() => Clients.Reflections(clientId)), toReflection),

  addReflection: async (reflection: Reflection): Promise<Reflection> =>
    toReflection(await call(() => Clients.AddReflection(toGo(domain.Reflection, reflection)))),

  updateReflection: async (reflection: Reflection): Promise<Reflection> =>
    toReflection(await call(() => Clients.UpdateReflection(toGo(domain.Reflection, reflection)))),
};
