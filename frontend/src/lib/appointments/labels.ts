// Words for appointments and what Today lists as due.
import type { AppointmentStatus, DueKind } from '$lib/api';
import { t, type MessageKey } from '$lib/i18n';
import type { ClientTab } from '$lib/app-state/screens';

const STATUS: Record<AppointmentStatus, MessageKey> = {
  planned: 'appointments.status.planned',
  held: 'appointments.status.held',
  cancelled: 'appointments.status.cancelled',
  no_show: 'appointments.status.no_show',
};
export const appointmentStatusLabel = (value: AppointmentStatus): string => t(STATUS[value]);

export const DUE_LABEL: Record<DueKind, MessageKey> = {
  appointment: 'today.kind.appointment',
  notes: 'today.kind.notes',
  check_in: 'today.kind.check_in',
  worksheet: 'today.kind.worksheet',
  agreement: 'today.kind.agreement',
  balance: 'today.kind.balance',
  measure: 'today.kind.measure',
  measure_flag: 'today.kind.measure_flag',
  readiness: 'today.kind.readiness',
};

/** Where a due item is done: the client page's tab (and the session to open there, if any). */
export function dueTarget(kind: DueKind, sessionId: number): { tab: ClientTab; sessionId: number } {
  switch (kind) {
    case 'notes':
    case 'readiness':
      return { tab: 'sessions', sessionId };
    case 'worksheet':
      return { tab: 'worksheet', sessionId: 0 };
    case 'agreement':
      return { tab: 'agreements', sessionId: 0 };
    case 'balance':
      return { tab: 'fees', sessionId: 0 };
    case 'measure':
    case 'measure_flag':
      return { tab: 'measures', sessionId: 0 };
    default:
      // An appointment to record, a check-in to plan: both from the Sessions tab.
      return { tab: 'sessions', sessionId: 0 };
  }
}

/** A client's code where a name must not appear (Go's domain.ClientCode): "T-014". */
export const clientCode = (clientId: number): string => `T-${String(clientId).padStart(3, '0')}`;
