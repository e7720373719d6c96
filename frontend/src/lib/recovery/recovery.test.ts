import { describe, expect, it } from 'vitest';
import { canSubmitConfirm, displayGroups, groupKey, mayContinue, normalizeConfirm } from './recovery';

const KEY = 'AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSQCXYZ';

describe('groupKey', () => {
  it('splits into groups of four, the last one shorter', () => {
    const groups = groupKey(KEY);
    expect(groups[0]).toBe('AGE-');
    expect(groups[1]).toBe('SECR');
    expect(groups.join('')).toBe(KEY);
    expect(groups.every((g) => g.length === 4 || g === groups[groups.length - 1])).toBe(true);
  });

  it('ignores whitespace', () => {
    expect(groupKey('AB CD\nEF', 2)).toEqual(['AB', 'CD', 'EF']);
  });

  it('returns nothing for an empty key', () => {
    expect(groupKey('')).toEqual([]);
  });
});

describe('displayGroups', () => {
  it("uses the Go side's groups when they add up to the key", () => {
    expect(displayGroups('ABCDEF', ['ABC', 'DEF'])).toEqual(['ABC', 'DEF']);
  });

  it('regroups when they do not', () => {
    expect(displayGroups('ABCDEF', ['ABC'])).toEqual(['ABCD', 'EF']);
    expect(displayGroups('ABCDEF', [])).toEqual(['ABCD', 'EF']);
  });
});

describe('confirming', () => {
  it('normalizes case and spaces', () => {
    expect(normalizeConfirm(' qc xyz\n')).toBe('QCXYZ');
  });

  it('allows submitting only with exactly the asked number of characters', () => {
    expect(canSubmitConfirm('cxyz', 6)).toBe(false);
    expect(canSubmitConfirm('qc xyz', 6)).toBe(false);
    expect(canSubmitConfirm('sqc xyz', 6)).toBe(true);
    expect(canSubmitConfirm('qsqcxyz', 6)).toBe(false);
  });

  it('lets the therapist continue after saving or confirming', () => {
    expect(mayContinue({ saved: false, confirmed: false })).toBe(false);
    expect(mayContinue({ saved: true, confirmed: false })).toBe(true);
    expect(mayContinue({ saved: false, confirmed: true })).toBe(true);
  });
});
