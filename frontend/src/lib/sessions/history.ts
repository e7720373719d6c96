// Sentences for the history of sessions, the setting plan, the worksheet, patterns and resources.
import { toPattern, toResource, toSession, toSettingElement, toShift, type HistoryEntry, type SessionKind } from '$lib/api';
import { formatDate } from '$lib/format/format';
import { t, type MessageKey } from '$lib/i18n';
import { comfortLabel, patternStatusLabel } from './labels';

/** Shortens text to one line; the same rule as the client history's quotations. */
type Quote = (text: string) => string;

/** A history entry's before or after (JSON) read with convert; null when empty or unreadable. */
export function parse<T>(json: string, convert: (value: unknown) => T): T | null {
  if (json.trim() === '') return null;
  try {
    return convert(JSON.parse(json));
  } catch {
    return null;
  }
}

const SESSION_NOUN: Record<SessionKind, MessageKey> = {
  preparation: 'history.session.noun.preparation',
  medicine: 'history.session.noun.medicine',
  integration: 'history.session.noun.integration',
  other: 'history.session.noun.other',
};

const SESSION_ACTION: Record<string, MessageKey> = {
  create: 'history.session.create',
  update: 'history.session.update',
  finalise: 'history.session.finalise',
  addendum: 'history.session.addendum',
  adverse_event: 'history.session.adverse',
  prep: 'history.session.prep',
  decide_flags: 'history.session.decideFlags',
  go_ahead: 'history.session.goAhead',
  adverse_response: 'history.session.adverseResponse',
};

/** A sentence for one change of a session, setting element, shift, pattern or resource; undefined for other entities. */
export function describeIntegrationEntry(entry: HistoryEntry, who: string, quote: Quote): string | undefined {
  switch (entry.entity) {
    case 'session': {
      const s = parse(entry.after, toSession) ?? parse(entry.before, toSession);
      const key = SESSION_ACTION[entry.action];
      if (!s || !key) return t('history.other', { who });
      return t(key, { who, session: t(SESSION_NOUN[s.kind]), date: formatDate(s.date) });
    }
    case 'setting_element': {
      const before = parse(entry.before, toSettingElement);
      const e = parse(entry.after, toSettingElement) ?? before;
      if (!e) return t('history.other', { who });
      const text = quote(e.text);
      switch (entry.action) {
        case 'create':
          return t('history.setting.create', { who, text });
        case 'revise':
          return t('history.setting.revise', { who, from: quote(before?.text ?? ''), text });
        case 'comfort':
          return t('history.setting.comfort', { who, text, comfort: comfortLabel(e.comfort).toLowerCase() });
        case 'therapist_comfort':
          return t('history.setting.therapistComfort', { who, text, comfort: comfortLabel(e.therapistComfort).toLowerCase() });
        case 'retire':
          return t('history.setting.retire', { who, text });
      }
      return t('history.other', { who });
    }
    case 'shift': {
      const before = parse(entry.before, toShift);
      const s = parse(entry.after, toShift) ?? before;
      if (!s) return t('history.other', { who });
      const text = quote(s.description);
      if (entry.action === 'create') return t('history.shift.create', { who, day: s.dayCount, text });
      if (entry.action === 'meaning') return t('history.shift.meaning', { who, text });
      // A correction: the words as they were, when they changed.
      if (before && before.description !== s.description) return t('history.shift.correctWords', { who, from: quote(before.description), text });
      return t('history.shift.correct', { who, text });
    }
    case 'pattern': {
      const before = parse(entry.before, toPattern);
      const p = parse(entry.after, toPattern) ?? before;
      if (!p) return t('history.other', { who });
      const text = quote(p.name);
      switch (entry.action) {
        case 'create':
          return t('history.pattern.create', { who, text });
        case 'rename':
          return t('history.pattern.rename', { who, from: quote(before?.name ?? ''), text });
        case 'examples':
          return t('history.pattern.examples', { who, text });
        case 'status':
          return t('history.pattern.status', { who, text, status: patternStatusLabel(p.status).toLowerCase() });
        case 'link':
          return t('history.pattern.link', { who, text });
      }
      return t('history.other', { who });
    }
    case 'resource': {
      const r = parse(entry.after, toResource) ?? parse(entry.before, toResource);
      if (!r) return t('history.other', { who });
      return entry.action === 'create'
        ? t('history.resource.create', { who, text: quote(r.name) })
        : t('history.resource.update', { who, text: quote(r.name) });
    }
  }
  return undefined;
}
