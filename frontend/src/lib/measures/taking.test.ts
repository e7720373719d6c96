import { describe, expect, it } from 'vitest';
import { toInstrument, type Instrument } from '$lib/api/measure-models';
import { Taking } from './taking.svelte';

/** A small fictional instrument: two questions on a 0–3 scale and one unscored with its own answers. */
const instrument: Instrument = toInstrument({
  key: 'own-1',
  name: 'Fictional check',
  version: 1,
  scaleMin: 0,
  scaleMax: 3,
  options: [
    { value: 0, label: 'Never' },
    { value: 3, label: 'Always' },
  ],
  items: [
    { number: 1, text: 'First question' },
    { number: 2, text: 'Second question' },
    { number: 3, text: 'How hard was it?', unscored: true, options: [{ value: 0, label: 'Easy' }, { value: 1, label: 'Hard' }] },
  ],
  scoring: 'sum',
});

describe('Taking a measure', () => {
  it('goes one question at a time and ends on the review', () => {
    const taking = new Taking(instrument);
    expect(taking.item?.number).toBe(1);
    expect(taking.options.map((o) => o.value)).toEqual([0, 1, 2, 3]);
    expect(taking.options.map((o) => o.label)).toEqual(['Never', '', '', 'Always']);
    taking.choose(2);
    taking.choose(3);
    expect(taking.item?.number).toBe(3);
    expect(taking.options.map((o) => o.label)).toEqual(['Easy', 'Hard']);
    taking.choose(1);
    expect(taking.reviewing).toBe(true);
    expect(taking.answers).toEqual([
      { item: 1, value: 2 },
      { item: 2, value: 3 },
      { item: 3, value: 1 },
    ]);
  });

  it('refuses a value the question does not offer', () => {
    const taking = new Taking(instrument);
    taking.choose(7);
    expect(taking.index).toBe(0);
    taking.goTo(3);
    taking.choose(2);
    expect(taking.answer(3)).toBeUndefined();
  });

  it('answers with a digit key and goes back with Backspace', () => {
    const taking = new Taking(instrument);
    expect(taking.key('1')).toBe(true);
    expect(taking.answer(1)).toBe(1);
    expect(taking.key('9')).toBe(false);
    expect(taking.key('Backspace')).toBe(true);
    expect(taking.item?.number).toBe(1);
    expect(taking.key('Backspace')).toBe(false);
    expect(taking.key('a')).toBe(false);
  });

  it('leaves a question blank when skipped, clearing an earlier answer', () => {
    const taking = new Taking(instrument, [{ item: 1, value: 2 }]);
    expect(taking.answer(1)).toBe(2);
    taking.skip();
    expect(taking.answer(1)).toBeUndefined();
    expect(taking.item?.number).toBe(2);
    expect(taking.answeredCount).toBe(0);
  });

  it('changes one answer from the review and returns to it', () => {
    const taking = new Taking(instrument, [
      { item: 1, value: 0 },
      { item: 2, value: 0 },
      { item: 3, value: 0 },
    ]);
    taking.index = instrument.items.length;
    taking.goTo(2);
    taking.choose(3);
    expect(taking.item?.number).toBe(3);
    expect(taking.answer(2)).toBe(3);
    expect(taking.key('1')).toBe(true);
    expect(taking.reviewing).toBe(true);
    expect(taking.key('1')).toBe(false);
  });
});
