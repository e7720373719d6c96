// Safe medicine sessions (app.Medicine): a client's health and medication screening, the practice's
// checklist, consent template and readiness settings, each medicine session's readiness and live log.
import * as Medicine from './wailsjs/go/app/Medicine';
import { domain } from './wailsjs/go/models';
import { list } from './convert';
import { call } from './call';
import { toGo } from './wire';
import { toAgreement, type Agreement, type AgreementTerm } from './client-models';
import {
  toConsentTemplate,
  toHealth,
  toLogEntry,
  toMedication,
  toReadiness,
  toReadinessSettings,
  toScreening,
  toScreeningItem,
  type ConsentTemplate,
  type Health,
  type LogEntry,
  type Medication,
  type NewLogEntry,
  type NewScreening,
  type Readiness,
  type ReadinessSettings,
  type Screening,
  type ScreeningItem,
} from './medicine-models';

/** The therapist's: refused (code "cocreation") while co-creation mode is on. */
export const medicine = {
  health: async (clientId: number): Promise<Health> => toHealth(await call(() => Medicine.Health(clientId))),

  addMedication: async (m: Medication): Promise<Medication> =>
    toMedication(await call(() => Medicine.AddMedication(toGo(domain.Medication, m)))),

  /** Changes a medication; a date in stoppedOn records that it was stopped. */
  updateMedication: async (m: Medication): Promise<Medication> =>
    toMedication(await call(() => Medicine.UpdateMedication(toGo(domain.Medication, m)))),

  saveHealthNotes: async (clientId: number, allergies: string, history: string): Promise<Health> =>
    toHealth(await call(() => Medicine.SaveHealthNotes(clientId, allergies, history))),

  /** The contraindications checklist in order; retired items too when all is true. */
  screeningItems: async (all: boolean): Promise<ScreeningItem[]> => list(await call(() => Medicine.ScreeningItems(all)), toScreeningItem),

  addScreeningItem: async (text: string): Promise<ScreeningItem> => toScreeningItem(await call(() => Medicine.AddScreeningItem(text))),

  rewordScreeningItem: async (id: number, text: string): Promise<ScreeningItem> =>
    toScreeningItem(await call(() => Medicine.RewordScreeningItem(id, text))),

  retireScreeningItem: async (id: number): Promise<ScreeningItem> => toScreeningItem(await call(() => Medicine.RetireScreeningItem(id))),

  addScreening: async (n: NewScreening): Promise<Screening> =>
    toScreening(await call(() => Medicine.AddScreening(toGo(domain.NewScreening, n)))),

  /** The template in use, or the starting draft (version 0) when none is written. */
  consentTemplate: async (): Promise<ConsentTemplate> => toConsentTemplate(await call(() => Medicine.ConsentTemplate())),

  saveConsentTemplate: async (title: string, terms: AgreementTerm[]): Promise<ConsentTemplate> =>
    toConsentTemplate(await call(() => Medicine.SaveConsentTemplate(title, terms.map((x) => toGo(domain.AgreementTerm, x))))),

  /** Writes the client's consent from the current template, or brings theirs up to it (to be confirmed again). */
  writeConsent: async (clientId: number): Promise<Agreement> => toAgreement(await call(() => Medicine.WriteConsent(clientId))),

  readinessSettings: async (): Promise<ReadinessSettings> => toReadinessSettings(await call(() => Medicine.ReadinessSettings())),

  saveReadinessSettings: async (r: ReadinessSettings): Promise<ReadinessSettings> =>
    toReadinessSettings(await call(() => Medicine.SaveReadinessSettings(toGo(domain.ReadinessSettings, r)))),

  readiness: async (sessionId: number): Promise<Readiness> => toReadiness(await call(() => Medicine.Readiness(sessionId))),

  savePrep: async (sessionId: number, supportPerson: string, wayHome: string): Promise<Readiness> =>
    toReadiness(await call(() => Medicine.SavePrep(sessionId, supportPerson, wayHome))),

  decideFlags: async (sessionId: number, decision: string): Promise<Readiness> =>
    toReadiness(await call(() => Medicine.DecideFlags(sessionId, decision))),

  goAhead: async (sessionId: number, reason: string): Promise<Readiness> => toReadiness(await call(() => Medicine.GoAhead(sessionId, reason))),

  /** Resolves once the entry is on disk. */
  addLogEntry: async (n: NewLogEntry): Promise<LogEntry> => toLogEntry(await call(() => Medicine.AddLogEntry(toGo(domain.NewLogEntry, n)))),
};
