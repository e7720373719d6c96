// How one answer reads: its value and the label the questionnaire gives it, or "left blank".
import { itemOptions, type Instrument } from '$lib/api/measure-models';
import { t } from '$lib/i18n';

/** The answer value to question number item of instrument, as words; undefined is a blank. */
export function answerText(instrument: Instrument, item: number, value: number | undefined): string {
  if (value === undefined) return t('measures.blank');
  const it = instrument.items.find((i) => i.number === item);
  const label = it ? itemOptions(instrument, it).find((o) => o.value === value)?.label : '';
  return label ? t('measures.answerLabelled', { value, label }) : String(value);
}
