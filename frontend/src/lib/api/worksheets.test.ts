import { describe, expect, it } from 'vitest';
import { toReturnPreview } from './worksheets';

describe('a returned worksheet as the page reads it', () => {
  it('keeps each entry with whether it was already taken in, and makes an unknown area "other"', () => {
    const p = toReturnPreview({
      clientId: 3,
      clientName: 'Zoë (fictional)',
      sessionId: 9,
      sessionDate: '2026-06-01',
      entries: [
        { id: 'a1', noticedOn: '2026-06-02', area: 'body', intensity: 4, justNoticing: true, words: 'Shoulders lower', already: true },
        { id: 'b2', noticedOn: '2026-06-03', area: 'moon', intensity: 2, words: 'x' },
      ],
    });
    expect(p.entries.map((e) => [e.id, e.area, e.already, e.justNoticing])).toEqual([
      ['a1', 'body', true, true],
      ['b2', 'other', false, false],
    ]);
    expect(() => toReturnPreview(null)).toThrow();
  });
});
