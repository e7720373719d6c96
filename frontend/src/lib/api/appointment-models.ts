// The shapes of appointments, the Today screen and calendar files.
import type { domain } from './wailsjs/go/models';
import type { Reply } from './wire';
import { MODALITIES, SESSION_KINDS, type Modality, type SessionKind } from './session-models';
import { toCurrency, type Currency } from './fee-models';
import { asRecord, int, list, oneOf, str } from './convert';

export type AppointmentStatus = 'planned' | 'held' | 'cancelled' | 'no_show';
export type DueKind = 'appointment' | 'notes' | 'check_in' | 'worksheet' | 'agreement' | 'balance' | 'measure' | 'measure_flag' | 'readiness';
/** How a calendar file titles an appointment: by the client's code (the default), the kind of session, or the name. */
export type CalendarWording = 'code' | 'kind' | 'name';

export const APPOINTMENT_STATUSES: readonly AppointmentStatus[] = ['planned', 'held', 'cancelled', 'no_show'];
/** In the order Today lists them (and the Go side sends them). */
export const DUE_KINDS: readonly DueKind[] = ['measure_flag', 'appointment', 'notes', 'check_in', 'worksheet', 'agreement', 'balance', 'measure', 'readiness'];
export const CALENDAR_WORDINGS: readonly CalendarWording[] = ['code', 'kind', 'name'];
/** The most appointments one repeat makes (domain.MaxOccurrences). */
export const MAX_OCCURRENCES = 52;

export interface Appointment {
  id: number;
  clientId: number;
  kind: SessionKind;
  date: string;
  time: string;
  timeZone: string;
  minutes: number;
  modality: Modality;
  place: string;
  /** The therapist's own; never in a calendar file. */
  notes: string;
  seriesId: number;
  status: AppointmentStatus;
  reason: string;
  sessionId: number;
  sequence: number;
  created: string;
  updated: string;
}

export interface AppointmentRow extends Appointment {
  clientName: string;
  clientCode: string;
}

export interface Repeat {
  everyWeeks: number;
  /** 0 or 1: it does not repeat. */
  count: number;
}

export interface DueItem {
  kind: DueKind;
  clientId: number;
  clientName: string;
  sessionId: number;
  agreementId: number;
  appointmentId: number;
  date: string;
  amount: number;
  /** A measure due, or a flagged answer to look at: the questionnaire's key and short name. */
  instrumentKey: string;
  instrument: string;
  measureId: number;
}

export interface Today {
  date: string;
  appointments: AppointmentRow[];
  due: DueItem[];
  currency: Currency;
}

export interface CalendarRange {
  clientId: number;
  from: string;
  to: string;
}

export interface CalendarOptions {
  wording: CalendarWording;
  alarmMinutes: number;
  place: boolean;
}

export function emptyAppointment(clientId: number, timeZone: string): Appointment {
  return {
    id: 0,
    clientId,
    kind: 'integration',
    date: '',
    time: '',
    timeZone,
    minutes: 50,
    modality: 'in_person',
    place: '',
    notes: '',
    seriesId: 0,
    status: 'planned',
    reason: '',
    sessionId: 0,
    sequence: 0,
    created: '',
    updated: '',
  };
}

export function toAppointment(value: unknown): Appointment {
  const r: Reply<domain.Appointment> = asRecord(value);
  return {
    id: int(r.id),
    clientId: int(r.clientId),
    kind: oneOf(SESSION_KINDS, r.kind, 'other'),
    date: str(r.date),
    time: str(r.time),
    timeZone: str(r.timeZone),
    minutes: int(r.minutes),
    modality: oneOf(MODALITIES, r.modality, 'in_person'),
    place: str(r.place),
    notes: str(r.notes),
    seriesId: int(r.seriesId),
    status: oneOf(APPOINTMENT_STATUSES, r.status, 'planned'),
    reason: str(r.reason),
    sessionId: int(r.sessionId),
    sequence: int(r.sequence),
    created: str(r.created),
    updated: str(r.updated),
  };
}

export const toAppointments = (value: unknown): Appointment[] => list(value, toAppointment);

export function toAppointmentRow(value: unknown): AppointmentRow {
  const r: Reply<domain.AppointmentRow> = asRecord(value);
  return { ...toAppointment(value), clientName: str(r.clientName), clientCode: str(r.clientCode) };
}

export function toDueItem(value: unknown): DueItem {
  const r: Reply<domain.DueItem> = asRecord(value);
  return {
    kind: oneOf(DUE_KINDS, r.kind, 'notes'),
    clientId: int(r.clientId),
    clientName: str(r.clientName),
    sessionId: int(r.sessionId),
    agreementId: int(r.agreementId),
    appointmentId: int(r.appointmentId),
    date: str(r.date),
    amount: int(r.amount),
    instrumentKey: str(r.instrumentKey),
    instrument: str(r.instrument),
    measureId: int(r.measureId),
  };
}

export function toToday(value: unknown): Today {
  const r: Reply<domain.Today> = asRecord(value);
  return {
    date: str(r.date),
    appointments: list(r.appointments, toAppointmentRow),
    due: list(r.due, toDueItem),
    currency: toCurrency(r.currency ?? {}),
  };
}
