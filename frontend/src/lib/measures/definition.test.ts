import { describe, expect, it } from 'vitest';
import { toInstrument } from '$lib/api/measure-models';
import { draftProblems, emptyDraft, fromDraft, labelledValues, parseNumbers, subscaleKey, toDraft, type InstrumentDraft } from './definition';

const stored = toInstrument({
  key: 'own-1',
  name: 'Morning check',
  shortName: 'MC',
  version: 3,
  scaleMin: 1,
  scaleMax: 5,
  options: [
    { value: 1, label: 'Not at all' },
    { value: 3, label: 'Somewhat' },
    { value: 5, label: 'Very much' },
  ],
  items: [
    { number: 1, text: 'I feel rested' },
    { number: 2, text: 'I feel tense', reverse: true },
    { number: 3, text: 'I slept well' },
    { number: 4, text: 'Anything else?', unscored: true, options: [{ value: 0, label: 'No' }, { value: 1, label: 'Yes' }] },
  ],
  scoring: 'mean',
  maxMissing: 1,
  bands: [{ min: 1, max: 2.99, label: 'Low' }, { min: 3, max: 5, label: 'High' }],
  subscales: [
    { key: 'rest', name: 'Rest', items: [1, 3], scoring: 'mean', maxMissing: 0, bands: [{ min: 1, max: 5, label: 'Any' }] },
    { key: 'ease', name: 'Ease', items: [2], scoring: 'sum', maxMissing: 0 },
  ],
  safety: [{ item: 2, above: 4, note: 'Ask about it.' }],
  licence: 'Used with the author\u2019s written permission.',
  source: 'A fictional questionnaire for tests.',
  missingNote: 'One may be blank.',
  bandNote: 'Made up.',
  reliableChange: 0.75,
  reliableChangeSource: 'A fictional manual, table 2.',
});

describe('a questionnaire in the editor', () => {
  it('reads back, unchanged, from what the editor shows', () => {
    const back = fromDraft(toDraft(stored));
    expect(back).toEqual({ ...stored, version: 1 });
  });

  it('numbers the questions from the lines typed, leaving blank lines out, and marks the reverse and unscored ones', () => {
    const draft: InstrumentDraft = { ...emptyDraft(), name: 'New', questions: '  First  \n\nSecond\nThird\n', reverse: '1, 3', unscored: '2' };
    const items = fromDraft(draft).items;
    expect(items.map((i) => [i.number, i.text, i.reverse, i.unscored])).toEqual([
      [1, 'First', true, false],
      [2, 'Second', false, true],
      [3, 'Third', true, false],
    ]);
  });

  it('words every value of a short scale, and only the ends (and values already worded) of a long one', () => {
    expect(labelledValues({ ...emptyDraft(), scaleMin: '0', scaleMax: '4' })).toEqual([0, 1, 2, 3, 4]);
    expect(labelledValues({ ...emptyDraft(), scaleMin: '0', scaleMax: '100', labels: { '50': 'Half', '7': ' ' } })).toEqual([0, 50, 100]);
    expect(labelledValues({ ...emptyDraft(), scaleMin: '4', scaleMax: '2' })).toEqual([]);
    const options = fromDraft({ ...emptyDraft(), questions: 'Q', labels: { '0': 'Never', '2': '  ', '4': 'Always', '9': 'Beyond' } }).options;
    expect(options).toEqual([
      { value: 0, label: 'Never' },
      { value: 4, label: 'Always' },
    ]);
  });

  it('gives a new subscale a key from its name, unique among the others', () => {
    const draft: InstrumentDraft = {
      ...emptyDraft(),
      questions: 'a\nb\nc',
      subscales: [
        { key: 'body', name: 'Body', items: '1', scoring: 'sum', maxMissing: '0', bands: [] },
        { key: '', name: 'Body!', items: '2-3', scoring: 'mean', maxMissing: '1', bands: [] },
        { key: '', name: 'Ça va', items: '3', scoring: 'sum', maxMissing: '0', bands: [] },
      ],
    };
    expect(fromDraft(draft).subscales.map((s) => [s.key, s.items])).toEqual([
      ['body', [1]],
      ['body-2', [2, 3]],
      ['ca-va', [3]],
    ]);
    expect(subscaleKey('***', new Set())).toBe('subscale');
  });

  it('reads question numbers as lists and ranges, and refuses anything else', () => {
    expect(parseNumbers('1, 3;5  7-9')).toEqual([1, 3, 5, 7, 8, 9]);
    expect(parseNumbers('')).toEqual([]);
    expect(parseNumbers('3-1')).toBeNull();
    expect(parseNumbers('two')).toBeNull();
  });

  it('names each field that cannot be read, and nothing when all can', () => {
    expect(draftProblems(toDraft(stored))).toEqual({});
    const problems = draftProblems({
      ...emptyDraft(),
      questions: 'a\nb',
      scaleMin: 'x',
      maxMissing: '1.5',
      reverse: '3',
      unscored: 'first',
      bands: [{ min: '0', max: 'lots', label: 'All' }],
      subscales: [{ key: '', name: 'S', items: '1, 2', scoring: 'sum', maxMissing: '', bands: [] }],
      safety: [{ item: '', above: '0', note: '' }],
      reliableChange: 'five',
    });
    expect(Object.keys(problems).sort()).toEqual(['bands.0', 'maxMissing', 'reliableChange', 'reverse', 'safety.0', 'scaleMin', 'subscales.0', 'unscored']);
  });

  it('leaves the reliable change at 0 when none is typed', () => {
    expect(fromDraft({ ...emptyDraft(), questions: 'a' }).reliableChange).toBe(0);
    expect(fromDraft({ ...emptyDraft(), questions: 'a', reliableChange: ' 6 ' }).reliableChange).toBe(6);
  });

  it('accepts a band edge written with a decimal comma', () => {
    const bands = fromDraft({ ...emptyDraft(), questions: 'a', scoring: 'mean', bands: [{ min: '0', max: '1,5', label: 'Low' }] }).bands;
    expect(bands).toEqual([{ min: 0, max: 1.5, label: 'Low' }]);
  });
});
