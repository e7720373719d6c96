import { describe, expect, it } from 'vitest';
import type { PlanItem } from '$lib/api';
import { applyMove, firstWording, itemsOfKind, moveTarget, splitRetired } from './plan';

let next = 1;
function item(partial: Partial<PlanItem>): PlanItem {
  const id = partial.id ?? next++;
  return {
    id,
    clientId: 1,
    kind: 'goal',
    text: `item ${id}`,
    proposedBy: 'client',
    status: 'proposed',
    agreedOn: '',
    retiredReason: '',
    position: 0,
    created: '2026-01-01T10:00:00Z',
    revisions: [{ at: '2026-01-01T10:00:00Z', author: 'client', text: `item ${id}`, note: '' }],
    ...partial,
  };
}

describe('itemsOfKind', () => {
  it('keeps one kind, in saved order, ties broken by age', () => {
    const plan = [
      item({ id: 3, position: 1 }),
      item({ id: 1, kind: 'intention', position: 0 }),
      item({ id: 2, position: 0 }),
      item({ id: 4, position: 1 }),
    ];
    expect(itemsOfKind(plan, 'goal').map((i) => i.id)).toEqual([2, 3, 4]);
    expect(itemsOfKind(plan, 'intention').map((i) => i.id)).toEqual([1]);
  });
});

describe('splitRetired', () => {
  it('separates retired items and keeps the order', () => {
    const items = [item({ id: 1 }), item({ id: 2, status: 'retired' }), item({ id: 3, status: 'agreed' })];
    const { open, retired } = splitRetired(items);
    expect(open.map((i) => i.id)).toEqual([1, 3]);
    expect(retired.map((i) => i.id)).toEqual([2]);
  });
});

describe('moveTarget', () => {
  const list = [
    item({ id: 10, position: 0 }),
    item({ id: 11, position: 1, status: 'retired' }),
    item({ id: 12, position: 2 }),
    item({ id: 13, position: 3 }),
  ];

  it('swaps with the open neighbour above, stepping over retired items', () => {
    expect(moveTarget(list, 12, 'up')).toBe(0);
    expect(applyMove(list, 12, 0).map((i) => i.id)).toEqual([12, 10, 11, 13]);
  });

  it('swaps with the open neighbour below', () => {
    expect(moveTarget(list, 10, 'down')).toBe(2);
    expect(applyMove(list, 10, 2).map((i) => i.id)).toEqual([11, 12, 10, 13]);
    expect(moveTarget(list, 12, 'down')).toBe(3);
    expect(applyMove(list, 12, 3).map((i) => i.id)).toEqual([10, 11, 13, 12]);
  });

  it('refuses moves off either end, for retired and for unknown items', () => {
    expect(moveTarget(list, 10, 'up')).toBeNull();
    expect(moveTarget(list, 13, 'down')).toBeNull();
    expect(moveTarget(list, 11, 'up')).toBeNull();
    expect(moveTarget(list, 99, 'down')).toBeNull();
  });

  it('renumbers positions after a move', () => {
    expect(applyMove(list, 13, 0).map((i) => i.position)).toEqual([0, 1, 2, 3]);
  });
});

describe('firstWording', () => {
  it('is the first revision once the item has been reworded', () => {
    const reworded = item({
      revisions: [
        { at: '2026-01-01T10:00:00Z', author: 'client', text: 'first', note: '' },
        { at: '2026-01-02T10:00:00Z', author: 'therapist', text: 'second', note: '' },
      ],
    });
    expect(firstWording(reworded)).toBe('first');
    expect(firstWording(item({}))).toBe('');
  });
});
