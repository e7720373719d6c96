// What the sessions screens compute from a client's records.
import type { Area, IntegrationRecord, Pattern, PlanItem, Session, Shift } from '$lib/api';

/** Sessions newest first: by date, then time, then id. */
export function newestFirst(sessions: readonly Session[]): Session[] {
  return [...sessions].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.time !== b.time ? (a.time < b.time ? 1 : -1) : b.id - a.id,
  );
}

export interface IntegrationFocus {
  /** The latest medicine session on or before the integration session's date. */
  medicine: Session | undefined;
  /** Its intentions, from the plan, in the order they were linked. */
  intentions: PlanItem[];
  /** The shifts after that medicine session, up to the integration session's date, in time order. */
  shifts: Shift[];
  byArea: Map<Area, Shift[]>;
  /** Patterns not yet updated, and any linked to those shifts. */
  patterns: Pattern[];
}

/** What an integration session is about: the medicine session before it and what came since. */
export function integrationFocus(record: IntegrationRecord, plan: readonly PlanItem[], session: Session): IntegrationFocus {
  const medicine = newestFirst(record.sessions).find(
    (s) => s.kind === 'medicine' && s.id !== session.id && s.date <= session.date,
  );
  const intentions = medicine
    ? medicine.intentionIds.map((id) => plan.find((p) => p.id === id)).filter((p): p is PlanItem => p !== undefined)
    : [];
  const shifts = medicine
    ? record.shifts.filter((s) => s.sessionId === medicine.id && s.noticedOn <= session.date)
    : [];
  const byArea = new Map<Area, Shift[]>();
  for (const shift of shifts) byArea.set(shift.area, [...(byArea.get(shift.area) ?? []), shift]);
  const shiftIds = new Set(shifts.map((s) => s.id));
  const patterns = record.patterns.filter((p) => p.status !== 'updated' || p.shiftIds.some((id) => shiftIds.has(id)));
  return { medicine, intentions, shifts, byArea, patterns };
}
