import { describe, expect, it } from 'vitest';
import { DUE_KINDS } from '$lib/api/appointment-models';
import { DUE_LABEL, dueTarget } from './labels';

describe('where a due item is done', () => {
  it('opens the very session for notes and for a medicine session not ready', () => {
    expect(dueTarget('notes', 12)).toEqual({ tab: 'sessions', sessionId: 12 });
    expect(dueTarget('readiness', 14)).toEqual({ tab: 'sessions', sessionId: 14 });
    expect(dueTarget('measure_flag', 9)).toEqual({ tab: 'measures', sessionId: 0 });
  });

  it('words every kind', () => {
    for (const kind of DUE_KINDS) expect(DUE_LABEL[kind]).toMatch(/^today\.kind\./);
  });
});
