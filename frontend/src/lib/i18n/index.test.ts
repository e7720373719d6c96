import { describe, expect, it } from 'vitest';
import { interpolate, lookup, t, tn } from './index';

describe('t', () => {
  it('returns the message for a nested key', () => {
    expect(t('unlock.submit')).toBe('Unlock');
  });

  it('fills placeholders', () => {
    expect(t('home.greeting.morning', { name: 'Ana Ruiz' })).toBe('Good morning, Ana Ruiz');
  });
});

describe('tn', () => {
  it('picks the singular form for 1', () => {
    expect(tn('home.autoLockValue', 1)).toBe('After 1 minute without activity');
  });

  it('picks the plural form for other counts', () => {
    expect(tn('home.autoLockValue', 10)).toBe('After 10 minutes without activity');
    expect(tn('home.autoLockValue', 0)).toBe('After 0 minutes without activity');
  });
});

describe('lookup', () => {
  const catalogue = { a: { b: 'leaf', c: { one: 'x' } } };

  it('finds leaves', () => {
    expect(lookup(catalogue, 'a.b')).toBe('leaf');
  });

  it('returns undefined for branches and missing keys', () => {
    expect(lookup(catalogue, 'a')).toBeUndefined();
    expect(lookup(catalogue, 'a.c')).toBeUndefined();
    expect(lookup(catalogue, 'a.zz')).toBeUndefined();
    expect(lookup(catalogue, 'a.b.c')).toBeUndefined();
  });
});

describe('interpolate', () => {
  it('leaves unknown placeholders alone', () => {
    expect(interpolate('Hello {name}, {other}', { name: 'Sam' })).toBe('Hello Sam, {other}');
  });

  it('does not treat inherited properties as params', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });
});
