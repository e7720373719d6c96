// Sentences for the history of a client's health screening, medications and live log entries
// (storage: entities "medication", "health", "screening" and "log_entry").
import { toLogEntry, toMedication, toScreening, type HistoryEntry } from '$lib/api';
import { formatDate } from '$lib/format/format';
import { t, tn } from '$lib/i18n';
import { parse } from '$lib/sessions/history';
import { logKindLabel } from './log';

/** A sentence for one change of the health screening or the live log; undefined for other entities. */
export function describeMedicineEntry(entry: HistoryEntry, who: string, quote: (text: string) => string): string | undefined {
  switch (entry.entity) {
    case 'medication': {
      const before = parse(entry.before, toMedication);
      const after = parse(entry.after, toMedication);
      if (!after) return t('history.other', { who });
      const name = quote(after.name);
      if (!before) return t('history.medicine.medicationAdded', { who, name });
      if (after.stoppedOn !== '' && before.stoppedOn === '') return t('history.medicine.medicationStopped', { who, name, date: formatDate(after.stoppedOn) });
      return t('history.medicine.medicationChanged', { who, name });
    }
    case 'health':
      return t('history.medicine.health', { who });
    case 'screening': {
      const s = parse(entry.after, toScreening);
      if (!s) return t('history.other', { who });
      const flagged = s.answers.filter((a) => a.answer !== 'no').length;
      return tn('history.medicine.screening', flagged, { who, date: formatDate(s.screenedOn) });
    }
    case 'log_entry': {
      const e = parse(entry.after, toLogEntry);
      if (!e) return t('history.other', { who });
      return t('history.medicine.logEntry', { who, kind: logKindLabel(e.kind).toLowerCase(), clock: e.clock });
    }
  }
  return undefined;
}
