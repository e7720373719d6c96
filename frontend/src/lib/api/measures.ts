// Measures (app.Measures, and CoCreation's two calls): the questionnaires, the measures a client
// answered, their schedules, the follow-up to a flagged answer, and one questionnaire's CSV.
import * as Measures from './wailsjs/go/app/Measures';
import * as CoCreation from './wailsjs/go/app/CoCreation';
import { domain } from './wailsjs/go/models';
import { asRecord, int, list, oneOf, str } from './convert';
import { call } from './call';
import { toGo } from './wire';
import type { Actor } from './client-models';
import { toInstrument, toInstruments, toMeasure, toMeasures, type Answer, type Instrument, type Measure } from './measure-models';

export type ScheduleKind = 'after_medicine' | 'every_weeks';
export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['after_medicine', 'every_weeks'];

export interface MeasureSchedule {
  id: number;
  clientId: number;
  instrumentKey: string;
  kind: ScheduleKind;
  everyWeeks: number;
  startsOn: string;
  created: string;
}

/** A new measure as the page sends it: the Go side takes the questionnaire's current definition by its key. */
export interface NewMeasure {
  clientId: number;
  sessionId: number;
  date: string;
  instrumentKey: string;
  answers: Answer[];
  enteredBy: Actor;
  notes: string;
}

export function toSchedule(value: unknown): MeasureSchedule {
  const r = asRecord(value);
  return {
    id: int(r.id),
    clientId: int(r.clientId),
    instrumentKey: str(r.instrumentKey),
    kind: oneOf(SCHEDULE_KINDS, r.kind, 'every_weeks'),
    everyWeeks: int(r.everyWeeks),
    startsOn: str(r.startsOn),
    created: str(r.created),
  };
}

/** The wire form of a measure: only the key of its questionnaire travels. */
function measureToGo(m: NewMeasure & { id?: number }): domain.Measure {
  return domain.Measure.createFrom({
    id: m.id ?? 0,
    clientId: m.clientId,
    sessionId: m.sessionId,
    date: m.date,
    instrument: { key: m.instrumentKey },
    answers: m.answers,
    enteredBy: m.enteredBy,
    notes: m.notes,
  });
}

/** The therapist's: refused (code "cocreation") while co-creation mode is on. */
export const measures = {
  instruments: async (): Promise<Instrument[]> => toInstruments(await call(() => Measures.Instruments())),

  /** Saves a questionnaire of the therapist's: a new one (key ''), or the next version of one; measures already taken keep theirs. */
  saveInstrument: async (instrument: Instrument): Promise<Instrument> =>
    toInstrument(await call(() => Measures.SaveInstrument(toGo(domain.Instrument, instrument)))),

  /** Takes a questionnaire of the therapist's out of use; the measures taken on it stay. */
  retireInstrument: async (key: string): Promise<void> => {
    await call(() => Measures.RetireInstrument(key));
  },

  forClient: async (clientId: number): Promise<Measure[]> => toMeasures(await call(() => Measures.ForClient(clientId))),

  add: async (m: NewMeasure): Promise<Measure> => toMeasure(await call(() => Measures.Add(measureToGo(m)))),

  /** New answers, date, session or notes for a measure; the earlier ones stay in the history. */
  correct: async (id: number, m: NewMeasure): Promise<Measure> => toMeasure(await call(() => Measures.Correct(measureToGo({ ...m, id })))),

  recordFollowUp: async (measureId: number, text: string): Promise<Measure> =>
    toMeasure(await call(() => Measures.RecordFollowUp(measureId, text))),

  schedules: async (clientId: number): Promise<MeasureSchedule[]> => list(await call(() => Measures.Schedules(clientId)), toSchedule),

  setSchedule: async (s: MeasureSchedule): Promise<MeasureSchedule> =>
    toSchedule(await call(() => Measures.SetSchedule(toGo(domain.MeasureSchedule, s)))),

  removeSchedule: async (id: number): Promise<void> => {
    await call(() => Measures.RemoveSchedule(id));
  },

  /** Opens a questionnaire to answer by hand in the PDF viewer, headed with the client's name (clientId 0: for no one). */
  printBlank: async (key: string, clientId: number): Promise<void> => {
    await call(() => Measures.PrintBlank(key, clientId));
  },

  /** Saves one questionnaire's measures across the practice as CSV where the therapist chooses; false when the dialog was closed. */
  saveCsv: async (key: string): Promise<boolean> => (await call(() => Measures.SaveCSV(key))) === true,
};

/** Co-creation mode: the questionnaires, and the client's answers (the reply is the client's view). */
export const coCreationMeasures = {
  instruments: async (): Promise<Instrument[]> => toInstruments(await call(() => CoCreation.Instruments())),

  add: async (m: NewMeasure): Promise<Measure> => toMeasure(await call(() => CoCreation.AddMeasure(measureToGo(m)))),
};
