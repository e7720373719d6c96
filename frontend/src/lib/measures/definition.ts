// The therapist's own questionnaire as the editor holds it, and back: the definition's numbers and
// lists as the text the therapist types (questions one per line, "2, 5" for the reverse-scored ones,
// each band and subscale a row), read back into an Instrument for the Go side, which checks the
// whole definition again (domain.Instrument.Validate) and keeps every version.
import type { Band, Instrument, MeasureItem, SafetyItem, Scoring, Subscale } from '$lib/api';
import { t, type MessageKey } from '$lib/i18n';

export interface DraftBand {
  min: string;
  max: string;
  label: string;
}

export interface DraftSubscale {
  /** Kept from the stored definition; '' for a new subscale (made from its name when saved). */
  key: string;
  name: string;
  /** Question numbers, "1, 3, 5" or "1-5". */
  items: string;
  scoring: Scoring;
  maxMissing: string;
  /** Kept as they are: the editor does not show a subscale's bands. */
  bands: Band[];
}

export interface DraftSafety {
  item: string;
  above: string;
  note: string;
}

export interface InstrumentDraft {
  /** '' for a new questionnaire: the Go side gives it a key. */
  key: string;
  name: string;
  shortName: string;
  instructions: string;
  stem: string;
  scaleMin: string;
  scaleMax: string;
  /** The wording of each answer, by its value; blank values are left unlabelled. */
  labels: Record<string, string>;
  /** One question per line, numbered from 1 in order. */
  questions: string;
  reverse: string;
  unscored: string;
  scoring: Scoring;
  maxMissing: string;
  bands: DraftBand[];
  subscales: DraftSubscale[];
  safety: DraftSafety[];
  licence: string;
  source: string;
  /** '' when none is given. */
  reliableChange: string;
  reliableChangeSource: string;
  /** Kept as they are: notes and an unscored question's own answers, which the editor does not show. */
  missingNote: string;
  bandNote: string;
  itemOptions: Record<number, MeasureItem['options']>;
}

const SCORING: Record<Scoring, MessageKey> = { sum: 'instruments.scoring.sum', mean: 'instruments.scoring.mean' };
/** How a scoring is said: the answers added up, or averaged. */
export const scoringLabel = (value: Scoring): string => t(SCORING[value]);

/** Scales with up to this many values show a wording field for every value; longer ones only for the two ends. */
export const MAX_LABELLED_VALUES = 11;

const numbers = (list: number[]): string => list.join(', ');

/** A new questionnaire: five answers from 0 to 4, added up. */
export function emptyDraft(): InstrumentDraft {
  return {
    key: '',
    name: '',
    shortName: '',
    instructions: '',
    stem: '',
    scaleMin: '0',
    scaleMax: '4',
    labels: {},
    questions: '',
    reverse: '',
    unscored: '',
    scoring: 'sum',
    maxMissing: '0',
    bands: [],
    subscales: [],
    safety: [],
    licence: '',
    source: '',
    reliableChange: '',
    reliableChangeSource: '',
    missingNote: '',
    bandNote: '',
    itemOptions: {},
  };
}

/** An instrument as the editor shows it. */
export function toDraft(instrument: Instrument): InstrumentDraft {
  const pick = (test: (item: MeasureItem) => boolean) => numbers(instrument.items.filter(test).map((item) => item.number));
  return {
    key: instrument.key,
    name: instrument.name,
    shortName: instrument.shortName,
    instructions: instrument.instructions,
    stem: instrument.stem,
    scaleMin: String(instrument.scaleMin),
    scaleMax: String(instrument.scaleMax),
    labels: Object.fromEntries(instrument.options.map((o) => [String(o.value), o.label])),
    questions: instrument.items.map((item) => item.text).join('\n'),
    reverse: pick((item) => item.reverse),
    unscored: pick((item) => item.unscored),
    scoring: instrument.scoring,
    maxMissing: String(instrument.maxMissing),
    bands: instrument.bands.map((b) => ({ min: String(b.min), max: String(b.max), label: b.label })),
    subscales: instrument.subscales.map((s) => ({
      key: s.key,
      name: s.name,
      items: numbers(s.items),
      scoring: s.scoring,
      maxMissing: String(s.maxMissing),
      bands: s.bands,
    })),
    safety: instrument.safety.map((s) => ({ item: String(s.item), above: String(s.above), note: s.note })),
    licence: instrument.licence,
    source: instrument.source,
    reliableChange: instrument.reliableChange > 0 ? String(instrument.reliableChange) : '',
    reliableChangeSource: instrument.reliableChangeSource,
    missingNote: instrument.missingNote,
    bandNote: instrument.bandNote,
    itemOptions: Object.fromEntries(instrument.items.filter((item) => item.options.length > 0).map((item) => [item.number, item.options])),
  };
}

/** The questions typed, one per line, blank lines left out. */
export function questionLines(draft: InstrumentDraft): string[] {
  return draft.questions
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The answer values that get a wording field: every value of a short scale; of a long one, the two ends and any value already worded. */
export function labelledValues(draft: InstrumentDraft): number[] {
  const lo = whole(draft.scaleMin);
  const hi = whole(draft.scaleMax);
  if (lo === null || hi === null || hi <= lo || lo < 0) return [];
  if (hi - lo + 1 > MAX_LABELLED_VALUES) {
    const between = Object.entries(draft.labels)
      .filter(([value, label]) => label.trim() !== '' && whole(value) !== null && Number(value) > lo && Number(value) < hi)
      .map(([value]) => Number(value));
    return [lo, ...between.sort((a, b) => a - b), hi];
  }
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

function whole(text: string): number | null {
  const s = text.trim();
  return /^-?\d{1,6}$/.test(s) ? Number(s) : null;
}

function decimal(text: string): number | null {
  const s = text.trim().replace(',', '.');
  return /^-?\d{1,6}(\.\d{1,2})?$/.test(s) ? Number(s) : null;
}

/** Question numbers typed as "1, 3, 5-7"; null when something is not a number or range. */
export function parseNumbers(text: string): number[] | null {
  const out: number[] = [];
  for (const part of text.split(/[,;\s]+/).filter((p) => p !== '')) {
    const range = /^(\d{1,3})(?:[-–](\d{1,3}))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from) return null;
    for (let n = from; n <= to; n++) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** A subscale's key from its name: lower-case letters and digits joined by hyphens, unique among taken. */
export function subscaleKey(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'subscale';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

/** What the therapist typed that cannot be read as a definition, by the editor's field; {} when it reads. */
export function draftProblems(draft: InstrumentDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  const count = questionLines(draft).length;
  const known = (list: number[] | null) => list !== null && list.every((n) => n >= 1 && n <= count);
  if (whole(draft.scaleMin) === null) problems.scaleMin = t('instruments.problems.wholeNumber');
  if (whole(draft.scaleMax) === null) problems.scaleMax = t('instruments.problems.wholeNumber');
  if (whole(draft.maxMissing) === null) problems.maxMissing = t('instruments.problems.wholeNumber');
  if (!known(parseNumbers(draft.reverse))) problems.reverse = t('instruments.problems.questionNumbers', { count });
  if (!known(parseNumbers(draft.unscored))) problems.unscored = t('instruments.problems.questionNumbers', { count });
  if (draft.reliableChange.trim() !== '' && decimal(draft.reliableChange) === null) problems.reliableChange = t('instruments.problems.reliableChange');
  draft.bands.forEach((b, i) => {
    if (decimal(b.min) === null || decimal(b.max) === null) problems[`bands.${i}`] = t('instruments.problems.bandNumbers');
  });
  draft.subscales.forEach((s, i) => {
    if (!known(parseNumbers(s.items))) problems[`subscales.${i}`] = t('instruments.problems.questionNumbers', { count });
    else if (whole(s.maxMissing) === null) problems[`subscales.${i}`] = t('instruments.problems.subscaleMissing');
  });
  draft.safety.forEach((s, i) => {
    if (whole(s.item) === null || whole(s.above) === null) problems[`safety.${i}`] = t('instruments.problems.safetyNumbers');
  });
  return problems;
}

/**
 * The definition the draft describes, for the Go side to check and save: call it once draftProblems
 * finds nothing. Version and BuiltIn are the Go side's to set.
 */
export function fromDraft(draft: InstrumentDraft): Instrument {
  const reverse = new Set(parseNumbers(draft.reverse) ?? []);
  const unscored = new Set(parseNumbers(draft.unscored) ?? []);
  const items: MeasureItem[] = questionLines(draft).map((text, i) => ({
    number: i + 1,
    text,
    reverse: reverse.has(i + 1),
    unscored: unscored.has(i + 1),
    options: unscored.has(i + 1) ? (draft.itemOptions[i + 1] ?? []) : [],
  }));
  const taken = new Set(draft.subscales.map((s) => s.key).filter((k) => k !== ''));
  const subscales: Subscale[] = draft.subscales.map((s) => {
    const key = s.key || subscaleKey(s.name, taken);
    taken.add(key);
    return { key, name: s.name.trim(), items: parseNumbers(s.items) ?? [], scoring: s.scoring, maxMissing: whole(s.maxMissing) ?? 0, bands: s.bands };
  });
  const safety: SafetyItem[] = draft.safety.map((s) => ({ item: whole(s.item) ?? 0, above: whole(s.above) ?? 0, note: s.note.trim() }));
  return {
    key: draft.key,
    name: draft.name.trim(),
    shortName: draft.shortName.trim(),
    version: 1,
    builtIn: false,
    instructions: draft.instructions.trim(),
    stem: draft.stem.trim(),
    scaleMin: whole(draft.scaleMin) ?? 0,
    scaleMax: whole(draft.scaleMax) ?? 0,
    options: labelledValues(draft).flatMap((value) => {
      const label = (draft.labels[String(value)] ?? '').trim();
      return label === '' ? [] : [{ value, label }];
    }),
    items,
    scoring: draft.scoring,
    maxMissing: whole(draft.maxMissing) ?? 0,
    missingNote: draft.missingNote,
    bands: draft.bands.map((b) => ({ min: decimal(b.min) ?? 0, max: decimal(b.max) ?? 0, label: b.label.trim() })),
    bandNote: draft.bandNote,
    subscales,
    safety,
    licence: draft.licence.trim(),
    source: draft.source.trim(),
    reliableChange: draft.reliableChange.trim() === '' ? 0 : (decimal(draft.reliableChange) ?? 0),
    reliableChangeSource: draft.reliableChangeSource.trim(),
  };
}
