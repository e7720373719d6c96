import { describe, expect, it } from 'vitest';
import { toInstrument } from '$lib/api/measure-models';
import { answerText } from './answers';

const instrument = toInstrument({
  scaleMin: 0,
  scaleMax: 2,
  options: [{ value: 0, label: 'Never' }],
  items: [{ number: 1, text: 'First' }, { number: 2, text: 'Second', unscored: true, options: [{ value: 1, label: 'Hard' }] }],
});

describe('an answer as words', () => {
  it('gives the value with its label, the value alone when unlabelled, and says a blank', () => {
    expect(answerText(instrument, 1, 0)).toBe('0: Never');
    expect(answerText(instrument, 1, 2)).toBe('2');
    expect(answerText(instrument, 2, 1)).toBe('1: Hard');
    expect(answerText(instrument, 1, undefined)).toBe('Left blank');
  });
});
