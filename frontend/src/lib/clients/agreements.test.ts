import { describe, expect, it } from 'vitest';
import type { Agreement } from '$lib/api';
import { confirmation, termsFor, versionsNewestFirst, writtenTerms } from './agreements';

function agreement(partial: Partial<Agreement>): Agreement {
  return {
    id: 1,
    clientId: 1,
    kind: 'touch',
    title: '',
    terms: [],
    confirmedName: '',
    confirmedOn: '',
    updated: '2026-01-01T10:00:00Z',
    templateVersion: 0,
    versions: [],
    ...partial,
  };
}

const version = (confirmedName: string, at = '2026-01-01T10:00:00Z') => ({
  at,
  author: 'therapist' as const,
  title: '',
  terms: [],
  confirmedName,
  confirmedOn: confirmedName ? '2026-01-02' : '',
  templateVersion: 0,
});

describe('termsFor', () => {
  it('gives every part of the kind, in order, keeping what was written', () => {
    expect(termsFor('touch', [{ key: 'stop_signal', text: 'A raised hand' }])).toEqual([
      { key: 'welcome', text: '' },
      { key: 'not_welcome', text: '' },
      { key: 'how_asked', text: '' },
      { key: 'stop_signal', text: 'A raised hand' },
    ]);
    expect(termsFor('safety')).toEqual([{ key: 'text', text: '' }]);
  });

  it('drops parts another kind would have', () => {
    expect(termsFor('topics', [{ key: 'welcome', text: 'x' }])).toEqual([{ key: 'text', text: '' }]);
  });
});

describe('writtenTerms', () => {
  it('skips empty parts', () => {
    expect(writtenTerms([{ key: 'a', text: ' ' }, { key: 'b', text: 'yes' }])).toEqual([{ key: 'b', text: 'yes' }]);
  });
});

describe('confirmation', () => {
  it('is confirmed when the wording in force carries a name', () => {
    expect(confirmation(agreement({ confirmedName: 'Sam', versions: [version('Sam')] }))).toBe('confirmed');
  });

  it('asks again when a confirmed wording was changed', () => {
    expect(confirmation(agreement({ versions: [version('Sam'), version('')] }))).toBe('again');
  });

  it('is never when nothing was confirmed', () => {
    expect(confirmation(agreement({ versions: [version(''), version('')] }))).toBe('never');
  });
});

describe('versionsNewestFirst', () => {
  it('reverses without touching the agreement', () => {
    const a = agreement({ versions: [version('', '1'), version('', '2')] });
    expect(versionsNewestFirst(a).map((v) => v.at)).toEqual(['2', '1']);
    expect(a.versions.map((v) => v.at)).toEqual(['1', '2']);
  });
});
