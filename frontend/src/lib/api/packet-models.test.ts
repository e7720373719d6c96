import { describe, expect, it } from 'vitest';
import { toPacketChoices } from './packet-models';

describe('toPacketChoices', () => {
  it('keeps the kinds, copies and days the Go side offered', () => {
    expect(
      toPacketChoices([
        { kind: 'medicine', title: 'Medicine session packet', copies: ['therapist'], days: [] },
        { kind: 'worksheet', title: 'Integration worksheet', copies: ['client'], days: [7, 14, 30] },
      ]),
    ).toEqual([
      { kind: 'medicine', copies: ['therapist'], days: [] },
      { kind: 'worksheet', copies: ['client'], days: [7, 14, 30] },
    ]);
  });

  it('leaves out kinds this page does not know, and gives a choice without copies the client copy', () => {
    expect(toPacketChoices([{ kind: 'receipt', copies: ['client'] }, { kind: 'record', copies: null }])).toEqual([
      { kind: 'record', copies: ['client'], days: [] },
    ]);
    expect(toPacketChoices(null)).toEqual([]);
  });
});
