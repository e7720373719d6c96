// The shapes of safe medicine sessions: health and medication screening, the consent template,
// readiness, and the live session log.
import type { domain } from './wailsjs/go/models';
import type { Reply } from './wire';
import { ACTORS, toVisibility, type Actor, type Visibility } from './actor-models';
import { asRecord, bool, int, list, oneOf, str } from './convert';

export type ScreenAnswer = 'no' | 'yes' | 'unsure';
export const SCREEN_ANSWERS: readonly ScreenAnswer[] = ['no', 'yes', 'unsure'];

export type ReadinessRule =
  | 'screening_recent'
  | 'flags_decided'
  | 'consent_current'
  | 'touch_confirmed'
  | 'safety_confirmed'
  | 'right_to_stop_confirmed'
  | 'support_named'
  | 'intentions_agreed'
  | 'setting_cocreated';
export const READINESS_RULES: readonly ReadinessRule[] = [
  'screening_recent',
  'flags_decided',
  'consent_current',
  'touch_confirmed',
  'safety_confirmed',
  'right_to_stop_confirmed',
  'support_named',
  'intentions_agreed',
  'setting_cocreated',
];

export type LogKind = 'dose' | 'booster' | 'checkin' | 'vitals' | 'setting' | 'touch' | 'adverse' | 'note';
/** In the order the live log offers them. */
export const LOG_KINDS: readonly LogKind[] = ['dose', 'booster', 'checkin', 'vitals', 'setting', 'touch', 'adverse', 'note'];
export type Touch = 'asked' | 'given';
export const TOUCHES: readonly Touch[] = ['asked', 'given'];

/** The parts of a medicine consent, in order. */
export const CONSENT_TERM_KEYS = ['substance', 'risks', 'legal', 'right_to_stop', 'emergency'] as const;

export interface Medication {
  id: number;
  clientId: number;
  name: string;
  dose: string;
  since: string;
  prescriber: string;
  notes: string;
  /** YYYY-MM-DD when stopped; "" while taken. */
  stoppedOn: string;
  author: Actor;
  created: string;
  updated: string;
}

export interface ScreeningAnswer {
  itemId: number;
  /** The item's wording as it was asked. */
  item: string;
  answer: ScreenAnswer;
  note: string;
}

export interface Screening {
  id: number;
  clientId: number;
  screenedOn: string;
  answeredBy: Actor;
  note: string;
  answers: ScreeningAnswer[];
  created: string;
}

export interface NewScreening {
  clientId: number;
  screenedOn: string;
  answeredBy: Actor;
  note: string;
  answers: ScreeningAnswer[];
}

export interface Health {
  medications: Medication[];
  allergies: string;
  history: string;
  updated: string;
  /** Oldest first. */
  screenings: Screening[];
}

export interface ScreeningItem {
  id: number;
  text: string;
  position: number;
  /** When retired; "" while asked. */
  retired: string;
}

export interface ConsentTemplate {
  /** 0: none written yet (the starting draft). */
  version: number;
  title: string;
  /** The parts, as an agreement's terms (CONSENT_TERM_KEYS). */
  terms: { key: string; text: string }[];
  created: string;
}

export interface ReadinessSettings {
  screeningDays: number;
  off: ReadinessRule[];
}

export interface SessionPrep {
  sessionId: number;
  supportPerson: string;
  wayHome: string;
  flagsDecision: string;
  flagsScreeningId: number;
  flagsDecidedAt: string;
  goAheadReason: string;
  goAheadAt: string;
}

export interface ReadinessCheck {
  rule: ReadinessRule;
  met: boolean;
  /** The Go side's sentence of what is missing; shown as it is written. */
  missing: string;
}

export interface Readiness {
  sessionId: number;
  checks: ReadinessCheck[];
  ready: boolean;
  screening: Screening;
  flags: ScreeningAnswer[];
  consentVersion: number;
  prep: SessionPrep;
}

export interface LogEntry {
  id: number;
  sessionId: number;
  at: string;
  /** HH:MM where the session is held. */
  clock: string;
  kind: LogKind;
  text: string;
  substance: string;
  amount: string;
  route: string;
  systolic: number;
  diastolic: number;
  pulse: number;
  spo2: number;
  temperature: number;
  touch: '' | Touch;
  outsideAgreement: boolean;
  adverseEventId: number;
  author: Actor;
  visibility: Visibility;
}

export interface NewLogEntry {
  sessionId: number;
  kind: LogKind;
  /** RFC 3339; "" for now. */
  at: string;
  text: string;
  substance: string;
  amount: string;
  route: string;
  systolic: number;
  diastolic: number;
  pulse: number;
  spo2: number;
  temperature: number;
  touch: '' | Touch;
  outsideAgreement: boolean;
  visibility: Visibility;
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const actor = (value: unknown): Actor => oneOf(ACTORS, value, 'therapist');

export function toMedication(value: unknown): Medication {
  const r: Reply<domain.Medication> = asRecord(value);
  return {
    id: int(r.id),
    clientId: int(r.clientId),
    name: str(r.name),
    dose: str(r.dose),
    since: str(r.since),
    prescriber: str(r.prescriber),
    notes: str(r.notes),
    stoppedOn: str(r.stoppedOn),
    author: actor(r.author),
    created: str(r.created),
    updated: str(r.updated),
  };
}

function toScreeningAnswer(value: unknown): ScreeningAnswer {
  const r: Reply<domain.ScreeningAnswer> = asRecord(value);
  return { itemId: int(r.itemId), item: str(r.item), answer: oneOf(SCREEN_ANSWERS, r.answer, 'unsure'), note: str(r.note) };
}

export function toScreening(value: unknown): Screening {
  const r: Reply<domain.Screening> = asRecord(value);
  return {
    id: int(r.id),
    clientId: int(r.clientId),
    screenedOn: str(r.screenedOn),
    answeredBy: actor(r.answeredBy),
    note: str(r.note),
    answers: list(r.answers, toScreeningAnswer),
    created: str(r.created),
  };
}

export function toHealth(value: unknown): Health {
  const r: Reply<domain.Health> = asRecord(value);
  return {
    medications: list(r.medications, toMedication),
    allergies: str(r.allergies),
    history: str(r.history),
    updated: str(r.updated),
    screenings: list(r.screenings, toScreening),
  };
}

export function toScreeningItem(value: unknown): ScreeningItem {
  const r: Reply<domain.ScreeningItem> = asRecord(value);
  return { id: int(r.id), text: str(r.text), position: int(r.position), retired: str(r.retired) };
}

export function toConsentTemplate(value: unknown): ConsentTemplate {
  const r: Reply<domain.ConsentTemplate> = asRecord(value);
  return {
    version: int(r.version),
    title: str(r.title),
    terms: list(r.terms, (v) => {
      const t = asRecord(v);
      return { key: str(t.key), text: str(t.text) };
    }),
    created: str(r.created),
  };
}

export function toReadinessSettings(value: unknown): ReadinessSettings {
  const r: Reply<domain.ReadinessSettings> = asRecord(value);
  return {
    screeningDays: int(r.screeningDays),
    off: list(r.off, (v) => oneOf(READINESS_RULES, v, 'screening_recent')).filter((v, i, all) => all.indexOf(v) === i),
  };
}

export function toPrep(value: unknown): SessionPrep {
  const r: Reply<domain.SessionPrep> = asRecord(value ?? {});
  return {
    sessionId: int(r.sessionId),
    supportPerson: str(r.supportPerson),
    wayHome: str(r.wayHome),
    flagsDecision: str(r.flagsDecision),
    flagsScreeningId: int(r.flagsScreeningId),
    flagsDecidedAt: str(r.flagsDecidedAt),
    goAheadReason: str(r.goAheadReason),
    goAheadAt: str(r.goAheadAt),
  };
}

export function toReadiness(value: unknown): Readiness {
  const r: Reply<domain.Readiness> = asRecord(value);
  return {
    sessionId: int(r.sessionId),
    checks: list(r.checks, (v) => {
      const c = asRecord(v);
      return { rule: oneOf(READINESS_RULES, c.rule, 'screening_recent'), met: bool(c.met), missing: str(c.missing) };
    }),
    ready: bool(r.ready),
    screening: toScreening(r.screening ?? {}),
    flags: list(r.flags, toScreeningAnswer),
    consentVersion: int(r.consentVersion),
    prep: toPrep(r.prep),
  };
}

export function toLogEntry(value: unknown): LogEntry {
  const r: Reply<domain.LogEntry> = asRecord(value);
  return {
    id: int(r.id),
    sessionId: int(r.sessionId),
    at: str(r.at),
    clock: str(r.clock),
    kind: oneOf(LOG_KINDS, r.kind, 'note'),
    text: str(r.text),
    substance: str(r.substance),
    amount: str(r.amount),
    route: str(r.route),
    systolic: int(r.systolic),
    diastolic: int(r.diastolic),
    pulse: int(r.pulse),
    spo2: int(r.spo2),
    temperature: num(r.temperature),
    touch: oneOf(['', ...TOUCHES] as const, r.touch, ''),
    outsideAgreement: bool(r.outsideAgreement),
    adverseEventId: int(r.adverseEventId),
    author: actor(r.author),
    visibility: toVisibility(r.visibility),
  };
}

/** A blank entry of a kind, for the live log's form. */
export function emptyLogEntry(sessionId: number, kind: LogKind): NewLogEntry {
  return {
    sessionId,
    kind,
    at: '',
    text: '',
    substance: '',
    amount: '',
    route: '',
    systolic: 0,
    diastolic: 0,
    pulse: 0,
    spo2: 0,
    temperature: 0,
    touch: kind === 'touch' ? 'asked' : '',
    outsideAgreement: false,
    visibility: 'shared',
  };
}

/** Health with nothing written, for a new record. */
export function emptyHealth(): Health {
  return { medications: [], allergies: '', history: '', updated: '', screenings: [] };
}

/** A session's preparation with nothing written. */
export function emptyPrep(sessionId = 0): SessionPrep {
  return toPrep({ sessionId });
}
