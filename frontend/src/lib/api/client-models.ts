// The shapes of clients and their co-created records, and the checks that turn binding results into them.
import type { domain } from './wailsjs/go/models';
import type { Reply } from './wire';
import { toHealth, type Health } from './medicine-models';
import { asRecord, int, list, oneOf, str } from './convert';
import { ACTORS, toActor, toVisibility, type Actor, type Visibility } from './actor-models';

export { ACTORS, toActor, toVisibility, type Actor, type Visibility };
/** Who chooses for the client: the client, or the two together (a fee tier). */
export type ClientActor = 'client' | 'together';
export type ClientStatus = 'active' | 'paused' | 'closed';
export type PlanKind = 'goal' | 'intention';
export type PlanStatus = 'proposed' | 'agreed' | 'revised' | 'retired';
export type AgreementKind = 'touch' | 'safety' | 'right_to_stop' | 'confidentiality' | 'topics' | 'custom' | 'medicine_consent';
export type ReflectionKind = 'reaction' | 'bias' | 'shadow' | 'consultation' | 'other';

export const CLIENT_ACTORS: readonly ClientActor[] = ['client', 'together'];
/** Who may write in co-creation mode, in the order the writer switch offers them: the therapist offers openly, as themselves. */
export const ROOM_ACTORS: readonly Actor[] = ['client', 'together', 'therapist'];
export const CLIENT_STATUSES: readonly ClientStatus[] = ['active', 'paused', 'closed'];
/** The parts of the work co-creation mode can show, in its order (domain.AgendaSections). */
export const AGENDA_SECTIONS = ['plan', 'powermap', 'agreements', 'setting', 'worksheet', 'patterns', 'journey', 'measures', 'fees'] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];
/**
 * A client's agenda until one is chosen: everything but measures and fees, shown only when chosen (a
 * questionnaire is answered when one is due; fees are talked over when the two mean to).
 */
export const DEFAULT_AGENDA: readonly AgendaSection[] = AGENDA_SECTIONS.filter((s) => s !== 'fees' && s !== 'measures');
export const PLAN_KINDS: readonly PlanKind[] = ['goal', 'intention'];
export const AGREEMENT_KINDS: readonly AgreementKind[] = [
  'touch',
  'safety',
  'right_to_stop',
  'confidentiality',
  'topics',
  'custom',
  'medicine_consent',
];
export const REFLECTION_KINDS: readonly ReflectionKind[] = ['reaction', 'bias', 'shadow', 'consultation', 'other'];

/** One facet of identity, named and described in the client's own words. */
export interface Identity {
  facet: string;
  description: string;
}

export interface Client {
  id: number;
  chosenName: string;
  pronouns: string;
  /** Used only where a document requires it. */
  legalName: string;
  /** YYYY-MM-DD, or "". */
  dateOfBirth: string;
  email: string;
  phone: string;
  address: string;
  emergencyContact: string;
  languages: string;
  identities: Identity[];
  status: ClientStatus;
  created: string;
  updated: string;
  /** When the record was archived; "" while it is not. */
  archived: string;
  /** The therapist's private note. */
  intakeNote: string;
  /** The therapist shares their positionality statement with this client (changed by its own action). */
  sharePositionality: boolean;
  /** What the two last chose to work on together in co-creation mode, in AGENDA_SECTIONS' order. */
  agenda: AgendaSection[];
}

/** A dated statement the therapist shares with a client; text "" when there is none. */
export interface SharedStatement {
  text: string;
  /** YYYY-MM-DD of its latest entry, or "". */
  dated: string;
}

export interface ClientSummary {
  id: number;
  chosenName: string;
  pronouns: string;
  status: ClientStatus;
  updated: string;
  archived: boolean;
  /** When the power map was last revisited together (YYYY-MM-DD): "" when never. */
  powerMapRevisited: string;
}

export interface ClientFilter {
  query: string;
  /** "" for every status. */
  status: ClientStatus | '';
  archived: boolean;
}

/** One wording of a plan item, by its author. Oldest first in PlanItem.revisions. */
export interface Revision {
  at: string;
  author: Actor;
  text: string;
  note: string;
}

export interface PlanItem {
  id: number;
  clientId: number;
  kind: PlanKind;
  /** The current wording: the latest revision. */
  text: string;
  proposedBy: Actor;
  status: PlanStatus;
  agreedOn: string;
  retiredReason: string;
  /** Position among the client's items of the same kind, from 0. */
  position: number;
  created: string;
  revisions: Revision[];
}

export interface NewPlanItem {
  clientId: number;
  kind: PlanKind;
  text: string;
  proposedBy: Actor;
}

export interface PowerMapEntry {
  id: number;
  clientId: number;
  writtenOn: string;
  difference: string;
  showsUp: string;
  agreed: string;
  visibility: Visibility;
  author: Actor;
  updated: string;
}

export interface AgreementTerm {
  key: string;
  text: string;
}

export interface AgreementVersion {
  at: string;
  author: Actor;
  title: string;
  terms: AgreementTerm[];
  confirmedName: string;
  confirmedOn: string;
  templateVersion: number;
}

export interface Agreement {
  id: number;
  clientId: number;
  kind: AgreementKind;
  title: string;
  terms: AgreementTerm[];
  /** The name the client typed to confirm the wording in force; "" when not confirmed. */
  confirmedName: string;
  confirmedOn: string;
  updated: string;
  /** For a medicine consent: the consent template version its wording was written from (0 otherwise). */
  templateVersion: number;
  /** Every version, oldest first. */
  versions: AgreementVersion[];
}

export interface NewAgreement {
  clientId: number;
  kind: AgreementKind;
  title: string;
  terms: AgreementTerm[];
}

export interface Reflection {
  id: number;
  /** 0 for the general journal. */
  clientId: number;
  writtenOn: string;
  kind: ReflectionKind;
  text: string;
  updated: string;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: Actor;
  entity: string;
  entityId: number;
  action: string;
  /** JSON of the entity before the change ("" when there was none). */
  before: string;
  after: string;
}

export interface ClientRecord {
  client: Client;
  powerMap: PowerMapEntry[];
  /** The therapist's positionality statement when shared with this client; text "" otherwise. */
  therapistPositionality: SharedStatement;
  plan: PlanItem[];
  agreements: Agreement[];
  /** Health and medication screening. */
  health: Health;
  reflections: Reflection[];
  history: HistoryEntry[];
}


export function toIdentity(value: unknown): Identity {
  const raw: Reply<domain.Identity> = asRecord(value);
  return { facet: str(raw.facet), description: str(raw.description) };
}

export function toClient(value: unknown): Client {
  const raw: Reply<domain.Client> = asRecord(value);
  return {
    id: int(raw.id),
    chosenName: str(raw.chosenName),
    pronouns: str(raw.pronouns),
    legalName: str(raw.legalName),
    dateOfBirth: str(raw.dateOfBirth),
    email: str(raw.email),
    phone: str(raw.phone),
    address: str(raw.address),
    emergencyContact: str(raw.emergencyContact),
    languages: str(raw.languages),
    identities: list(raw.identities, toIdentity),
    status: oneOf(CLIENT_STATUSES, raw.status, 'active'),
    created: str(raw.created),
    updated: str(raw.updated),
    archived: str(raw.archived),
    intakeNote: str(raw.intakeNote),
    sharePositionality: raw.sharePositionality === true,
    agenda: toAgenda(raw.agenda),
  };
}

/** An agenda as the Go side sends it: known sections in their order; the default when none is left. */
export function toAgenda(value: unknown): AgendaSection[] {
  const given = Array.isArray(value) ? value : [];
  const kept = AGENDA_SECTIONS.filter((s) => given.includes(s));
  return kept.length > 0 ? kept : [...DEFAULT_AGENDA];
}

export function toSharedStatement(value: unknown): SharedStatement {
  if (value === null || value === undefined) return { text: '', dated: '' };
  const raw: Reply<domain.SharedStatement> = asRecord(value);
  return { text: str(raw.text), dated: str(raw.dated) };
}

export function toClientSummary(value: unknown): ClientSummary {
  const raw: Reply<domain.ClientSummary> = asRecord(value);
  return {
    id: int(raw.id),
    chosenName: str(raw.chosenName),
    pronouns: str(raw.pronouns),
    status: oneOf(CLIENT_STATUSES, raw.status, 'active'),
    updated: str(raw.updated),
    archived: raw.archived === true,
    powerMapRevisited: str(raw.powerMapRevisited),
  };
}

export function toRevision(value: unknown): Revision {
  const raw: Reply<domain.Revision> = asRecord(value);
  return { at: str(raw.at), author: toActor(raw.author), text: str(raw.text), note: str(raw.note) };
}

export function toPlanItem(value: unknown): PlanItem {
  const raw: Reply<domain.PlanItem> = asRecord(value);
  return {
    id: int(raw.id),
    clientId: int(raw.clientId),
    kind: oneOf(PLAN_KINDS, raw.kind, 'goal'),
    text: str(raw.text),
    proposedBy: toActor(raw.proposedBy),
    status: oneOf<PlanStatus>(['proposed', 'agreed', 'revised', 'retired'], raw.status, 'proposed'),
    agreedOn: str(raw.agreedOn),
    retiredReason: str(raw.retiredReason),
    position: int(raw.position),
    created: str(raw.created),
    revisions: list(raw.revisions, toRevision),
  };
}

export function toPowerMapEntry(value: unknown): PowerMapEntry {
  const raw: Reply<domain.PowerMapEntry> = asRecord(value);
  return {
    id: int(raw.id),
    clientId: int(raw.clientId),
    writtenOn: str(raw.writtenOn),
    difference: str(raw.difference),
    showsUp: str(raw.showsUp),
    agreed: str(raw.agreed),
    // Anything unknown is treated as private: the safe side.
    visibility: toVisibility(raw.visibility),
    author: toActor(raw.author),
    updated: str(raw.updated),
  };
}

export function toAgreementTerm(value: unknown): AgreementTerm {
  const raw: Reply<domain.AgreementTerm> = asRecord(value);
  return { key: str(raw.key), text: str(raw.text) };
}

export function toAgreementVersion(value: unknown): AgreementVersion {
  const raw: Reply<domain.AgreementVersion> = asRecord(value);
  return {
    at: str(raw.at),
    author: toActor(raw.author),
    title: str(raw.title),
    terms: list(raw.terms, toAgreementTerm),
    confirmedName: str(raw.confirmedName),
    confirmedOn: str(raw.confirmedOn),
    templateVersion: int(raw.templateVersion),
  };
}

export function toAgreement(value: unknown): Agreement {
  const raw: Reply<domain.Agreement> = asRecord(value);
  return {
    id: int(raw.id),
    clientId: int(raw.clientId),
    kind: oneOf(AGREEMENT_KINDS, raw.kind, 'custom'),
    title: str(raw.title),
    terms: list(raw.terms, toAgreementTerm),
    confirmedName: str(raw.confirmedName),
    confirmedOn: str(raw.confirmedOn),
    updated: str(raw.updated),
    templateVersion: int(raw.templateVersion),
    versions: list(raw.versions, toAgreementVersion),
  };
}

export function toReflection(value: unknown): Reflection {
  const raw: Reply<domain.Reflection> = asRecord(value);
  return {
    id: int(raw.id),
    clientId: int(raw.clientId),
    writtenOn: str(raw.writtenOn),
    kind: oneOf(REFLECTION_KINDS, raw.kind, 'other'),
    text: str(raw.text),
    updated: str(raw.updated),
  };
}

export function toHistoryEntry(value: unknown): HistoryEntry {
  const raw: Reply<domain.HistoryEntry> = asRecord(value);
  return {
    id: int(raw.id),
    at: str(raw.at),
    actor: toActor(raw.actor),
    entity: str(raw.entity),
    entityId: int(raw.entityId),
    action: str(raw.action),
    before: str(raw.before),
    after: str(raw.after),
  };
}

export function toClientRecord(value: unknown): ClientRecord {
  const raw: Reply<domain.ClientRecord> = asRecord(value);
  return {
    client: toClient(raw.client),
    powerMap: list(raw.powerMap, toPowerMapEntry),
    therapistPositionality: toSharedStatement(raw.therapistPositionality),
    plan: list(raw.plan, toPlanItem),
    agreements: list(raw.agreements, toAgreement),
    health: toHealth(raw.health ?? {}),
    reflections: list(raw.reflections, toReflection),
    history: list(raw.history, toHistoryEntry),
  };
}

export function toStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A client with nothing filled in, for the new-client form. */
export function emptyClient(): Client {
  return {
    id: 0,
    chosenName: '',
    pronouns: '',
    legalName: '',
    dateOfBirth: '',
    email: '',
    phone: '',
    address: '',
    emergencyContact: '',
    languages: '',
    identities: [],
    status: 'active',
    created: '',
    updated: '',
    archived: '',
    intakeNote: '',
    sharePositionality: false,
    agenda: [...DEFAULT_AGENDA],
  };
}
