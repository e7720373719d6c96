// The live session log's keyboard and wording: which key makes which entry, and an entry in words.
import type { LogEntry, LogKind, ReadinessRule } from '$lib/api';
import { t, tn, type MessageKey } from '$lib/i18n';

/** One key each, pressed while no entry is being written. */
export const LOG_KEYS: Readonly<Record<LogKind, string>> = {
  dose: 'd',
  booster: 'b',
  checkin: 'c',
  vitals: 'v',
  setting: 'm',
  touch: 't',
  adverse: 'a',
  note: 'n',
};

/** The key that opens the emergency card, and the one that turns the lights down. */
export const EMERGENCY_KEY = 'e';
export const LIGHTS_KEY = 'l';

/** The entry kind a key makes; undefined for any other key (modifier keys never count). */
export function kindForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): LogKind | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  return (Object.keys(LOG_KEYS) as LogKind[]).find((kind) => LOG_KEYS[kind] === key);
}

const KIND: Record<LogKind, MessageKey> = {
  dose: 'liveLog.kind.dose',
  booster: 'liveLog.kind.booster',
  checkin: 'liveLog.kind.checkin',
  vitals: 'liveLog.kind.vitals',
  setting: 'liveLog.kind.setting',
  touch: 'liveLog.kind.touch',
  adverse: 'liveLog.kind.adverse',
  note: 'liveLog.kind.note',
};

export const logKindLabel = (kind: LogKind): string => t(KIND[kind]);

/** A number typed into a vitals field: "" is not taken (0); anything unreadable is NaN, for the Go side to refuse. */
export function readNumber(typed: string): number {
  const v = typed.trim().replace(',', '.');
  if (v === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The vitals taken, in words: "BP 128/82 · pulse 84 · SpO2 98% · 36.9 °C". */
export function vitalsText(e: Pick<LogEntry, 'systolic' | 'diastolic' | 'pulse' | 'spo2' | 'temperature'>): string {
  const parts: string[] = [];
  if (e.systolic) parts.push(t('liveLog.vitals.bp', { systolic: e.systolic, diastolic: e.diastolic }));
  if (e.pulse) parts.push(t('liveLog.vitals.pulse', { pulse: e.pulse }));
  if (e.spo2) parts.push(t('liveLog.vitals.spo2', { spo2: e.spo2 }));
  if (e.temperature) parts.push(t('liveLog.vitals.temperature', { temperature: e.temperature.toFixed(1) }));
  return parts.join(' · ');
}

/** What an entry says, on one line: the dose as given, the vitals, or its words. */
export function entryText(e: LogEntry): string {
  switch (e.kind) {
    case 'dose':
    case 'booster':
      return [e.substance, e.amount, e.route, e.text].filter((p) => p !== '').join(' · ');
    case 'vitals':
      return vitalsText(e);
    case 'touch':
      return t(e.touch === 'given' ? 'liveLog.touchGiven' : 'liveLog.touchAsked', { text: e.text });
    default:
      return e.text;
  }
}

const RULE: Record<Exclude<ReadinessRule, 'screening_recent'>, MessageKey> = {
  flags_decided: 'readiness.rule.flags_decided',
  consent_current: 'readiness.rule.consent_current',
  touch_confirmed: 'readiness.rule.touch_confirmed',
  safety_confirmed: 'readiness.rule.safety_confirmed',
  right_to_stop_confirmed: 'readiness.rule.right_to_stop_confirmed',
  support_named: 'readiness.rule.support_named',
  intentions_agreed: 'readiness.rule.intentions_agreed',
  setting_cocreated: 'readiness.rule.setting_cocreated',
};

/** A readiness check's name; the screening's names its days. */
export const readinessRuleLabel = (rule: ReadinessRule, days = 0): string =>
  rule === 'screening_recent' ? tn('readiness.screeningRecent', days) : t(RULE[rule]);
