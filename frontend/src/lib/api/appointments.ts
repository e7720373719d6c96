// Appointments (app.Appointments): what is planned, the Today screen, follow-ups and calendar files.
import * as Appointments from './wailsjs/go/app/Appointments';
import { calendar, domain } from './wailsjs/go/models';
import { asRecord, bool, int } from './convert';
import { call } from './call';
import { toGo } from './wire';
import { toSession, type Session } from './session-models';
import {
  toAppointment,
  toAppointments,
  toToday,
  type Appointment,
  type AppointmentStatus,
  type CalendarOptions,
  type CalendarRange,
  type Repeat,
  type Today,
} from './appointment-models';

const toGoAppointment = (a: Appointment): domain.Appointment => toGo(domain.Appointment, a);

/** The therapist's: refused (code "cocreation") while co-creation mode is on. */
export const appointments = {
  today: async (): Promise<Today> => toToday(await call(() => Appointments.Today())),

  forClient: async (clientId: number): Promise<Appointment[]> => toAppointments(await call(() => Appointments.ForClient(clientId))),

  /** Plans a (new) appointment and, when repeat.count > 1, its weekly occurrences; returns them all. */
  add: async (a: Appointment, repeat: Repeat): Promise<Appointment[]> =>
    toAppointments(await call(() => Appointments.Add(toGoAppointment({ ...a, id: 0 }), toGo(domain.Repeat, repeat)))),

  update: async (a: Appointment): Promise<Appointment> => toAppointment(await call(() => Appointments.Update(toGoAppointment(a)))),

  /** status "cancelled" (following: the rest of its series too) or "no_show". */
  cancel: async (id: number, status: Extract<AppointmentStatus, 'cancelled' | 'no_show'>, reason: string, following: boolean): Promise<Appointment[]> =>
    toAppointments(await call(() => Appointments.Cancel(id, status, reason, following))),

  /** Records the appointment as held: returns the session record it became. */
  hold: async (id: number): Promise<Session> => toSession(await call(() => Appointments.Hold(id))),

  /** The follow-ups proposed after a medicine session; nothing is saved. */
  followUps: async (sessionId: number): Promise<Appointment[]> => toAppointments(await call(() => Appointments.FollowUps(sessionId))),

  /** Plans the follow-ups as adjusted, all or none. */
  addFollowUps: async (list: Appointment[]): Promise<Appointment[]> =>
    toAppointments(await call(() => Appointments.AddFollowUps(list.map((a) => toGoAppointment({ ...a, id: 0 }))))),

  /** Opens the day sheet (the week's appointments and what is waiting) in the PDF viewer, to print. */
  printDaySheet: async (): Promise<void> => {
    await call(() => Appointments.PrintDaySheet());
  },

  /** Saves a calendar file where the therapist chooses; saved is false when the dialog was closed. */
  saveCalendar: async (range: CalendarRange, options: CalendarOptions): Promise<{ saved: boolean; count: number }> => {
    const r = asRecord(
      await call(() => Appointments.SaveCalendar(toGo(calendar.Range, range), toGo(calendar.Options, options))),
    );
    return { saved: bool(r.saved), count: int(r.count) };
  },
};
