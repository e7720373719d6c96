// The shapes of measures: an instrument's definition (built in or the therapist's own), a completed
// measure with the copy of the definition it was answered on, and the scores worked out from it
// (domain.Instrument, domain.Measure, domain.Result; docs/measures.md).
import { ACTORS, type Actor } from './client-models';
import { asRecord, bool, int, ints, list, oneOf, str } from './convert';

export type Scoring = 'sum' | 'mean';
export const SCORINGS: readonly Scoring[] = ['sum', 'mean'];

export interface MeasureOption {
  value: number;
  label: string;
}

export interface MeasureItem {
  number: number;
  text: string;
  reverse: boolean;
  /** Asked and kept, counted in no score (the PHQ-9's tenth question). */
  unscored: boolean;
  /** An unscored item's own answers; empty: the instrument's scale. */
  options: MeasureOption[];
}

export interface Band {
  min: number;
  max: number;
  label: string;
}

export interface Subscale {
  key: string;
  name: string;
  items: number[];
  scoring: Scoring;
  maxMissing: number;
  bands: Band[];
}

export interface SafetyItem {
  item: number;
  above: number;
  note: string;
}

export interface Instrument {
  key: string;
  name: string;
  shortName: string;
  version: number;
  builtIn: boolean;
  instructions: string;
  stem: string;
  scaleMin: number;
  scaleMax: number;
  options: MeasureOption[];
  items: MeasureItem[];
  scoring: Scoring;
  maxMissing: number;
  missingNote: string;
  bands: Band[];
  bandNote: string;
  subscales: Subscale[];
  safety: SafetyItem[];
  licence: string;
  source: string;
  /** The smallest change in the total, either way, that is unlikely to be measurement error alone; 0: none given. */
  reliableChange: number;
  /** Where the reliable change comes from. */
  reliableChangeSource: string;
}

export interface Answer {
  item: number;
  value: number;
}

export interface SubscaleResult {
  key: string;
  name: string;
  hasScore: boolean;
  score: number;
  prorated: boolean;
  missing: number;
  band: string;
}

export interface Flag {
  item: number;
  value: number;
  note: string;
}

export interface MeasureResult {
  instrumentKey: string;
  instrumentVersion: number;
  answered: number;
  missing: number;
  missingItems: number[];
  hasTotal: boolean;
  total: number;
  prorated: boolean;
  band: string;
  subscales: SubscaleResult[];
  /** The therapist's: never in the client's view. */
  flags: Flag[];
}

export interface Measure {
  id: number;
  clientId: number;
  /** 0 when it belongs to no session. */
  sessionId: number;
  date: string;
  instrument: Instrument;
  answers: Answer[];
  result: MeasureResult;
  enteredBy: Actor;
  /** The therapist's own notes and follow-up to a flag: never in the client's view. */
  notes: string;
  followUp: string;
  followUpOn: string;
  created: string;
  updated: string;
}

const toOption = (value: unknown): MeasureOption => {
  const r = asRecord(value);
  return { value: int(r.value), label: str(r.label) };
};

const toBand = (value: unknown): Band => {
  const r = asRecord(value);
  return { min: num(r.min), max: num(r.max), label: str(r.label) };
};

/** A number as JSON carries it (scores and bands may be fractional). */
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

function toItem(value: unknown): MeasureItem {
  const r = asRecord(value);
  return { number: int(r.number), text: str(r.text), reverse: bool(r.reverse), unscored: bool(r.unscored), options: list(r.options, toOption) };
}

function toSubscale(value: unknown): Subscale {
  const r = asRecord(value);
  return {
    key: str(r.key),
    name: str(r.name),
    items: ints(r.items),
    scoring: oneOf(SCORINGS, r.scoring, 'sum'),
    maxMissing: int(r.maxMissing),
    bands: list(r.bands, toBand),
  };
}

export function toInstrument(value: unknown): Instrument {
  const r = asRecord(value);
  return {
    key: str(r.key),
    name: str(r.name),
    shortName: str(r.shortName),
    version: int(r.version),
    builtIn: bool(r.builtIn),
    instructions: str(r.instructions),
    stem: str(r.stem),
    scaleMin: int(r.scaleMin),
    scaleMax: int(r.scaleMax),
    options: list(r.options, toOption),
    items: list(r.items, toItem),
    scoring: oneOf(SCORINGS, r.scoring, 'sum'),
    maxMissing: int(r.maxMissing),
    missingNote: str(r.missingNote),
    bands: list(r.bands, toBand),
    bandNote: str(r.bandNote),
    subscales: list(r.subscales, toSubscale),
    safety: list(r.safety, (s) => {
      const x = asRecord(s);
      return { item: int(x.item), above: int(x.above), note: str(x.note) };
    }),
    licence: str(r.licence),
    source: str(r.source),
    reliableChange: num(r.reliableChange),
    reliableChangeSource: str(r.reliableChangeSource),
  };
}

export const toInstruments = (value: unknown): Instrument[] => list(value, toInstrument);

function toResult(value: unknown): MeasureResult {
  const r = asRecord(value);
  return {
    instrumentKey: str(r.instrumentKey),
    instrumentVersion: int(r.instrumentVersion),
    answered: int(r.answered),
    missing: int(r.missing),
    missingItems: ints(r.missingItems),
    hasTotal: bool(r.hasTotal),
    total: num(r.total),
    prorated: bool(r.prorated),
    band: str(r.band),
    subscales: list(r.subscales, (s) => {
      const x = asRecord(s);
      return {
        key: str(x.key),
        name: str(x.name),
        hasScore: bool(x.hasScore),
        score: num(x.score),
        prorated: bool(x.prorated),
        missing: int(x.missing),
        band: str(x.band),
      };
    }),
    flags: list(r.flags, (f) => {
      const x = asRecord(f);
      return { item: int(x.item), value: int(x.value), note: str(x.note) };
    }),
  };
}

export function toMeasure(value: unknown): Measure {
  const r = asRecord(value);
  return {
    id: int(r.id),
    clientId: int(r.clientId),
    sessionId: int(r.sessionId),
    date: str(r.date),
    instrument: toInstrument(r.instrument ?? {}),
    answers: list(r.answers, (a) => {
      const x = asRecord(a);
      return { item: int(x.item), value: int(x.value) };
    }),
    result: toResult(r.result ?? {}),
    enteredBy: oneOf(ACTORS, r.enteredBy, 'therapist'),
    notes: str(r.notes),
    followUp: str(r.followUp),
    followUpOn: str(r.followUpOn),
    created: str(r.created),
    updated: str(r.updated),
  };
}

export const toMeasures = (value: unknown): Measure[] => list(value, toMeasure);

/** The answers an item may be given: its own, or the instrument's scale. */
export function itemOptions(instrument: Instrument, item: MeasureItem): MeasureOption[] {
  if (item.options.length > 0) return item.options;
  const labelled = new Map(instrument.options.map((o) => [o.value, o.label]));
  const out: MeasureOption[] = [];
  for (let v = instrument.scaleMin; v <= instrument.scaleMax; v++) out.push({ value: v, label: labelled.get(v) ?? '' });
  return out;
}

/** A flagged answer with no follow-up written yet: the therapist sees it first (Today lists it too). */
export const awaitsFollowUp = (m: Measure): boolean => m.result.flags.length > 0 && m.followUp === '';
