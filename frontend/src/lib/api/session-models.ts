// The shapes of sessions, the integration worksheet, patterns, resources and search results.
import { toMeasure, type Measure } from './measure-models';
import type { domain } from './wailsjs/go/models';
import type { Reply } from './wire';
import { toActor, toRevision, toVisibility, type Actor, type PlanStatus, type Revision, type Visibility } from './client-models';
import { emptyPrep, toLogEntry, toPrep, type LogEntry, type SessionPrep } from './medicine-models';
import { asRecord, bool, int, ints, list, oneOf, str } from './convert';

export type SessionKind = 'preparation' | 'medicine' | 'integration' | 'other';
export type Modality = 'in_person' | 'online';
export type SettingCategory = 'decor' | 'seating' | 'lighting' | 'music' | 'sensory' | 'objects' | 'practices' | 'people';
export type Comfort = 'welcome' | 'unsure' | 'not_wanted';
export type Area = 'self' | 'relationships' | 'body' | 'emotions' | 'beliefs' | 'habits' | 'meaning' | 'nature' | 'other';
export type PatternStatus = 'noticed' | 'exploring' | 'loosening' | 'updated';
export type ResourceKind = 'somatic' | 'breath' | 'relational' | 'creative' | 'nature' | 'practice';
export type SearchKind = 'client' | 'session' | 'shift' | 'pattern' | 'plan' | 'resource' | 'reflection' | 'health';

export const SESSION_KINDS: readonly SessionKind[] = ['preparation', 'medicine', 'integration', 'other'];
export const MODALITIES: readonly Modality[] = ['in_person', 'online'];
export const SETTING_CATEGORIES: readonly SettingCategory[] = [
  'decor',
  'seating',
  'lighting',
  'music',
  'sensory',
  'objects',
  'practices',
  'people',
];
export const COMFORTS: readonly Comfort[] = ['welcome', 'unsure', 'not_wanted'];
/** In the worksheet's order; the digit keys 1–9 of the shift entry follow it. */
export const AREAS: readonly Area[] = ['self', 'relationships', 'body', 'emotions', 'beliefs', 'habits', 'meaning', 'nature', 'other'];
export const PATTERN_STATUSES: readonly PatternStatus[] = ['noticed', 'exploring', 'loosening', 'updated'];
export const RESOURCE_KINDS: readonly ResourceKind[] = ['somatic', 'breath', 'relational', 'creative', 'nature', 'practice'];
export const SEARCH_KINDS: readonly SearchKind[] = ['client', 'session', 'shift', 'pattern', 'plan', 'resource', 'reflection', 'health'];

/** Around matched words in a search excerpt (private-use characters, never typed). */
export const MARK = '\uE000';
export const END_MARK = '\uE001';

export interface SettingElement {
  id: number;
  sessionId: number;
  category: SettingCategory;
  text: string;
  proposedBy: Actor;
  /** The client's comfort with it (welcome agrees the element). */
  comfort: Comfort;
  /** The therapist's own comfort with it: the setting is meant to suit both. */
  therapistComfort: Comfort;
  status: PlanStatus;
  position: number;
  revisions: Revision[];
}

export interface NewSettingElement {
  sessionId: number;
  category: SettingCategory;
  text: string;
  proposedBy: Actor;
  comfort: Comfort;
}

export interface MedicineDetails {
  substance: string;
  dose: string;
  times: string;
}

export interface AdverseEvent {
  id: number;
  sessionId: number;
  at: string;
  description: string;
  response: string;
  created: string;
  /** Private: kept from the client by the therapist's choice. */
  visibility: Visibility;
}

export interface Addendum {
  id: number;
  sessionId: number;
  at: string;
  text: string;
  visibility: Visibility;
}

export interface Session {
  id: number;
  clientId: number;
  kind: SessionKind;
  /** YYYY-MM-DD where the session was held (in timeZone). */
  date: string;
  /** HH:MM or "". */
  time: string;
  timeZone: string;
  minutes: number;
  modality: Modality;
  place: string;
  /** The part of the notes the client may read. */
  summary: string;
  /** The therapist's own; absent from every client view. */
  privateNotes: string;
  practice: string;
  somatic: string;
  /** Whether the client sees the somatic observations (the therapist's choice; "" in a client's view). */
  somaticVisibility: Visibility;
  resourcing: string;
  intentionIds: number[];
  setting: SettingElement[];
  medicine: MedicineDetails;
  adverseEvents: AdverseEvent[];
  /** A medicine session's preparation beyond its notes, and its live log (time order). */
  prep: SessionPrep;
  log: LogEntry[];
  /** "" while the notes can still be edited. */
  finalisedAt: string;
  addenda: Addendum[];
  created: string;
  updated: string;
}

export interface Shift {
  id: number;
  clientId: number;
  sessionId: number;
  noticedOn: string;
  /** Calendar days since the medicine session (computed by Tandem). */
  dayCount: number;
  area: Area;
  /** The client's own words, kept as written. */
  description: string;
  justNoticing: boolean;
  /** 1 (faint) to 5 (strong). */
  intensity: number;
  recordedBy: Actor;
  /** The meaning made later, together; beside the description, never replacing it. */
  meaning: string;
  meaningOn: string;
  meaningBy: Actor | '';
  created: string;
  updated: string;
}

export interface PatternChange {
  on: string;
  status: PatternStatus;
  note: string;
  by: Actor;
}

export interface Pattern {
  id: number;
  clientId: number;
  name: string;
  examples: string;
  /** Whether the client sees the examples (the therapist's choice). */
  examplesVisibility: Visibility;
  proposedBy: Actor;
  status: PatternStatus;
  /** Oldest first. */
  statuses: PatternChange[];
  shiftIds: number[];
  sessionIds: number[];
  revisions: Revision[];
  created: string;
  updated: string;
}

export interface NewPattern {
  clientId: number;
  name: string;
  examples: string;
  examplesVisibility: Visibility;
  proposedBy: Actor;
  /** YYYY-MM-DD, or "" for today. */
  noticedOn: string;
}

export interface Resource {
  id: number;
  clientId: number;
  kind: ResourceKind;
  name: string;
  whenHelped: string;
  /** 0 not yet known, 1 (a little) to 5 (a great deal). */
  helps: number;
  proposedBy: Actor;
  revisions: Revision[];
  created: string;
  updated: string;
}

export interface IntegrationRecord {
  clientId: number;
  /** Oldest first. */
  sessions: Session[];
  /** By date noticed, oldest first. */
  shifts: Shift[];
  patterns: Pattern[];
  resources: Resource[];
  /** Oldest first. */
  measures: Measure[];
}

export interface SearchHit {
  kind: SearchKind;
  id: number;
  clientId: number;
  clientName: string;
  date: string;
  /** Text with matched words between MARK and END_MARK. */
  excerpt: string;
}

export interface SearchResult {
  query: string;
  /** Grouped by kind in SEARCH_KINDS order, best first within a group. */
  hits: SearchHit[];
  /** More hits exist than were returned. */
  capped: boolean;
}

const planStatus = (value: unknown): PlanStatus =>
  oneOf<PlanStatus>(['proposed', 'agreed', 'revised', 'retired'], value, 'proposed');

export function toSettingElement(value: unknown): SettingElement {
  const raw: Reply<domain.SettingElement> = asRecord(value);
  return {
    id: int(raw.id),
    sessionId: int(raw.sessionId),
    category: oneOf(SETTING_CATEGORIES, raw.category, 'decor'),
    text: str(raw.text),
    proposedBy: toActor(raw.proposedBy),
    comfort: oneOf(COMFORTS, raw.comfort, 'unsure'),
    therapistComfort: oneOf(COMFORTS, raw.therapistComfort, 'unsure'),
    status: planStatus(raw.status),
    position: int(raw.position),
    revisions: list(raw.revisions, toRevision),
  };
}

export function toSession(value: unknown): Session {
  const raw: Reply<domain.Session> = asRecord(value);
  const medicine: Reply<domain.MedicineDetails> =
    raw.medicine === undefined || raw.medicine === null ? {} : asRecord(raw.medicine);
  return {
    id: int(raw.id),
    clientId: int(raw.clientId),
    kind: oneOf(SESSION_KINDS, raw.kind, 'other'),
    date: str(raw.date),
    time: str(raw.time),
    timeZone: str(raw.timeZone),
    minutes: int(raw.minutes),
    modality: oneOf(MODALITIES, raw.modality, 'in_person'),
    place: str(raw.place),
    summary: str(raw.summary),
    privateNotes: str(raw.privateNotes),
    practice: str(raw.practice),
    somatic: str(raw.somatic),
    somaticVisibility: toVisibility(raw.somaticVisibility),
    resourcing: str(raw.resourcing),
    intentionIds: ints(raw.intentionIds),
    setting: list(raw.setting, toSettingElement),
    medicine: { substance: str(medicine.substance), dose: str(medicine.dose), times: str(medicine.times) },
    adverseEvents: list(raw.adverseEvents, (v) => {
      const e: Reply<domain.AdverseEvent> = asRecord(v);
      return {
        id: int(e.id),
        sessionId: int(e.sessionId),
        at: str(e.at),
        description: str(e.description),
        response: str(e.response),
        created: str(e.created),
        visibility: toVisibility(e.visibility),
      };
    }),
    prep: toPrep(raw.prep),
    log: list(raw.log, toLogEntry),
    finalisedAt: str(raw.finalisedAt),
    addenda: list(raw.addenda, (v) => {
      const a: Reply<domain.Addendum> = asRecord(v);
      return { id: int(a.id), sessionId: int(a.sessionId), at: str(a.at), text: str(a.text), visibility: toVisibility(a.visibility) };
    }),
    created: str(raw.created),
    updated: str(raw.updated),
  };
}

export function toShift(value: unknown): Shift {
  const raw: Reply<domain.Shift> = asRecord(value);
  return {
    id: int(raw.id),
    clientId: int(raw.clientId),
    sessionId: int(raw.sessionId),
    noticedOn: str(raw.noticedOn),
    dayCount: int(raw.dayCount),
    area: oneOf(AREAS, raw.area, 'other'),
    description: str(raw.description),
    justNoticing: bool(raw.justNoticing),
    intensity: int(raw.intensity),
    recordedBy: toActor(raw.recordedBy),
    meaning: str(raw.meaning),
    meaningOn: str(raw.meaningOn),
    meaningBy: raw.meaningBy === '' || raw.meaningBy === undefined ? '' : toActor(raw.meaningBy),
    created: str(raw.created),
    updated: str(raw.updated),
  };
}

export function toPattern(value: unknown): Pattern {
  const raw: Reply<domain.Pattern> = asRecord(value);
  return {
    id: int(raw.id),
    clientId: int(raw.clientId),
    name: str(raw.name),
    examples: str(raw.examples),
    examplesVisibility: toVisibility(raw.examplesVisibility),
    proposedBy: toActor(raw.proposedBy),
    status: oneOf(PATTERN_STATUSES, raw.status, 'noticed'),
    statuses: list(raw.statuses, (v) => {
      const c: Reply<domain.PatternChange> = asRecord(v);
      return { on: str(c.on), status: oneOf(PATTERN_STATUSES, c.status, 'noticed'), note: str(c.note), by: toActor(c.by) };
    }),
    shiftIds: ints(raw.shiftIds),
    sessionIds: ints(raw.sessionIds),
    revisions: list(raw.revisions, toRevision),
    created: str(raw.created),
    updated: str(raw.updated),
  };
}

export function toResource(value: unknown): Resource {
  const raw: Reply<domain.Resource> = asRecord(value);
  return {
    id: int(raw.id),
    clientId: int(raw.clientId),
    kind: oneOf(RESOURCE_KINDS, raw.kind, 'practice'),
    name: str(raw.name),
    whenHelped: str(raw.whenHelped),
    helps: int(raw.helps),
    proposedBy: toActor(raw.proposedBy),
    revisions: list(raw.revisions, toRevision),
    created: str(raw.created),
    updated: str(raw.updated),
  };
}

export function toIntegrationRecord(value: unknown): IntegrationRecord {
  const raw: Reply<domain.IntegrationRecord> = asRecord(value);
  return {
    clientId: int(raw.clientId),
    sessions: list(raw.sessions, toSession),
    shifts: list(raw.shifts, toShift),
    patterns: list(raw.patterns, toPattern),
    resources: list(raw.resources, toResource),
    measures: list(raw.measures, toMeasure),
  };
}

export function toSearchResult(value: unknown): SearchResult {
  const raw: Reply<domain.SearchResult> = asRecord(value);
  return {
    query: str(raw.query),
    hits: list(raw.hits, (v) => {
      const h: Reply<domain.SearchHit> = asRecord(v);
      return {
        kind: oneOf(SEARCH_KINDS, h.kind, 'client'),
        id: int(h.id),
        clientId: int(h.clientId),
        clientName: str(h.clientName),
        date: str(h.date),
        excerpt: str(h.excerpt),
      };
    }),
    capped: bool(raw.capped),
  };
}

/** Splits a search excerpt into plain and matched parts, for rendering without HTML. */
export function excerptParts(excerpt: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let rest = excerpt;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK);
    if (start < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(END_MARK, start + 1);
    const stop = end < 0 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return parts;
}

/** A new session for a client: today, now, in the laptop's time zone. */
export function emptySession(clientId: number, kind: SessionKind, today: string, timeZone: string): Session {
  return {
    id: 0,
    clientId,
    kind,
    date: today,
    time: '',
    timeZone,
    minutes: kind === 'medicine' ? 360 : 60,
    modality: 'in_person',
    place: '',
    summary: '',
    privateNotes: '',
    practice: '',
    somatic: '',
    somaticVisibility: 'shared',
    resourcing: '',
    intentionIds: [],
    setting: [],
    medicine: { substance: '', dose: '', times: '' },
    adverseEvents: [],
    prep: emptyPrep(),
    log: [],
    finalisedAt: '',
    addenda: [],
    created: '',
    updated: '',
  };
}
