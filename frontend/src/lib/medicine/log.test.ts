import { describe, expect, it } from 'vitest';
import { emptyLogEntry, toLogEntry } from '$lib/api/medicine-models';
import { entryText, kindForKey, readNumber, vitalsText } from './log';

const key = (k: string, mod: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mod });

describe('kindForKey', () => {
  it('gives each kind its one key, in either case', () => {
    expect(kindForKey(key('d'))).toBe('dose');
    expect(kindForKey(key('B'))).toBe('booster');
    expect(kindForKey(key('a'))).toBe('adverse');
    expect(kindForKey(key('m'))).toBe('setting');
  });

  it('ignores other keys and any key with a modifier', () => {
    expect(kindForKey(key('x'))).toBeUndefined();
    expect(kindForKey(key('d', { ctrlKey: true }))).toBeUndefined();
    expect(kindForKey(key('Enter'))).toBeUndefined();
  });
});

describe('readNumber', () => {
  it('reads blanks as not taken and decimal commas as points', () => {
    expect(readNumber('')).toBe(0);
    expect(readNumber(' 36,9 ')).toBe(36.9);
    expect(readNumber('120')).toBe(120);
    expect(readNumber('abc')).toBeNaN();
  });
});

describe('entry wording', () => {
  it('names only the vitals taken', () => {
    expect(vitalsText({ systolic: 128, diastolic: 82, pulse: 0, spo2: 98, temperature: 0 })).toBe('BP 128/82 · SpO2 98%');
    expect(vitalsText({ systolic: 0, diastolic: 0, pulse: 84, spo2: 0, temperature: 36.94 })).toBe('pulse 84 · 36.9 °C');
  });

  it('words a dose as given, and touch asked or given', () => {
    const dose = toLogEntry({ ...emptyLogEntry(1, 'dose'), substance: 'Fictional', amount: '2 g', route: 'oral' });
    expect(entryText(dose)).toBe('Fictional · 2 g · oral');
    const touch = toLogEntry({ ...emptyLogEntry(1, 'touch'), touch: 'given', text: 'hand on shoulder' });
    expect(entryText(touch)).toBe('Touch given: hand on shoulder');
  });
});

describe('readinessRuleLabel', () => {
  it('names the days of the screening check in the singular and plural', async () => {
    const { readinessRuleLabel } = await import('./log');
    expect(readinessRuleLabel('screening_recent', 1)).toBe('Health screening within 1 day');
    expect(readinessRuleLabel('screening_recent', 30)).toBe('Health screening within 30 days');
    expect(readinessRuleLabel('support_named')).toBe('Support person and way home named');
  });
});
