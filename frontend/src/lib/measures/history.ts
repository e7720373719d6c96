// Sentences for the history of a client's measures, their schedules and the worksheet pages given to
// them (storage: entities "measure", "measure_schedule" and "offline_worksheet").
import { toMeasure, toSchedule, type HistoryEntry, type MeasureSchedule } from '$lib/api';
import { formatDate } from '$lib/format/format';
import { t, tn } from '$lib/i18n';
import { parse } from '$lib/sessions/history';

/** The built-in questionnaires by key; the therapist's own are named by their key (a schedule keeps no name). */
const BUILT_IN: Record<string, string> = { phq9: 'PHQ-9', gad7: 'GAD-7', pcl5: 'PCL-5' };

function when(s: MeasureSchedule): string {
  return s.kind === 'after_medicine' ? t('measures.schedules.afterMedicine') : tn('measures.schedules.everyWeeks', s.everyWeeks, { date: formatDate(s.startsOn) });
}

/** A sentence for one change of a measure, a schedule or a worksheet page; undefined for other entities. */
export function describeMeasureEntry(entry: HistoryEntry, who: string): string | undefined {
  switch (entry.entity) {
    case 'measure': {
      const m = parse(entry.after, toMeasure) ?? parse(entry.before, toMeasure);
      if (!m) return t('history.other', { who });
      const params = { who, name: m.instrument.shortName || m.instrument.name, date: formatDate(m.date) };
      if (entry.action === 'correct') return t('history.measure.correct', params);
      if (entry.action === 'follow_up') return t('history.measure.followUp', params);
      return t('history.measure.create', params);
    }
    case 'measure_schedule': {
      const s = parse(entry.after, toSchedule) ?? parse(entry.before, toSchedule);
      if (!s) return t('history.other', { who });
      const params = { who, name: BUILT_IN[s.instrumentKey] ?? s.instrumentKey, when: when(s) };
      return entry.action === 'remove' ? t('history.measureSchedule.remove', params) : t('history.measureSchedule.set', params);
    }
    case 'offline_worksheet':
      return t('history.offlineWorksheet', { who });
  }
  return undefined;
}
