// The words for the enumerations of sessions, the worksheet, patterns and resources.
import type { Area, Comfort, Modality, PatternStatus, ResourceKind, SessionKind, SettingCategory } from '$lib/api';
import { addDays } from '$lib/format/format';
import { t, type MessageKey } from '$lib/i18n';

const SESSION_KIND: Record<SessionKind, MessageKey> = {
  preparation: 'labels.sessionKind.preparation',
  medicine: 'labels.sessionKind.medicine',
  integration: 'labels.sessionKind.integration',
  other: 'labels.sessionKind.other',
};
export const sessionKindLabel = (value: SessionKind): string => t(SESSION_KIND[value]);

const MODALITY: Record<Modality, MessageKey> = {
  in_person: 'labels.modality.in_person',
  online: 'labels.modality.online',
};
export const modalityLabel = (value: Modality): string => t(MODALITY[value]);

const SETTING_CATEGORY: Record<SettingCategory, MessageKey> = {
  decor: 'labels.settingCategory.decor',
  seating: 'labels.settingCategory.seating',
  lighting: 'labels.settingCategory.lighting',
  music: 'labels.settingCategory.music',
  sensory: 'labels.settingCategory.sensory',
  objects: 'labels.settingCategory.objects',
  practices: 'labels.settingCategory.practices',
  people: 'labels.settingCategory.people',
};
export const settingCategoryLabel = (value: SettingCategory): string => t(SETTING_CATEGORY[value]);

const COMFORT: Record<Comfort, MessageKey> = {
  welcome: 'labels.comfort.welcome',
  unsure: 'labels.comfort.unsure',
  not_wanted: 'labels.comfort.not_wanted',
};
export const comfortLabel = (value: Comfort): string => t(COMFORT[value]);

const AREA: Record<Area, MessageKey> = {
  self: 'labels.area.self',
  relationships: 'labels.area.relationships',
  body: 'labels.area.body',
  emotions: 'labels.area.emotions',
  beliefs: 'labels.area.beliefs',
  habits: 'labels.area.habits',
  meaning: 'labels.area.meaning',
  nature: 'labels.area.nature',
  other: 'labels.area.other',
};
export const areaLabel = (value: Area): string => t(AREA[value]);

const PATTERN_STATUS: Record<PatternStatus, MessageKey> = {
  noticed: 'labels.patternStatus.noticed',
  exploring: 'labels.patternStatus.exploring',
  loosening: 'labels.patternStatus.loosening',
  updated: 'labels.patternStatus.updated',
};
export const patternStatusLabel = (value: PatternStatus): string => t(PATTERN_STATUS[value]);

const RESOURCE_KIND: Record<ResourceKind, MessageKey> = {
  somatic: 'labels.resourceKind.somatic',
  breath: 'labels.resourceKind.breath',
  relational: 'labels.resourceKind.relational',
  creative: 'labels.resourceKind.creative',
  nature: 'labels.resourceKind.nature',
  practice: 'labels.resourceKind.practice',
};
export const resourceKindLabel = (value: ResourceKind): string => t(RESOURCE_KIND[value]);

/** The worksheet day typed in a field ("1" is the day after the session), or NaN when it is not a number of one to three digits. */
export function worksheetDay(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : NaN;
}

/** The date of the worksheet day typed in a field after a session held on `sessionDate`; "" when either is unreadable. */
export function worksheetDate(sessionDate: string, text: string): string {
  const day = worksheetDay(text);
  return Number.isFinite(day) ? addDays(sessionDate, day) : '';
}

/** The laptop's time zone (an IANA name), for new sessions. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The time zones to choose from: the runtime's list when it has one, always including current. */
export function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  const all = new Set([...zones, current, localTimeZone(), 'UTC']);
  return [...all].filter(Boolean).sort();
}
