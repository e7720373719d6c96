// Ordering of a client's goals and intentions: the two lists, the items still open, and moves.
import type { PlanItem, PlanKind } from '$lib/api';

/** The items of one kind in their saved order (position, then the order they were made). */
export function itemsOfKind(plan: readonly PlanItem[], kind: PlanKind): PlanItem[] {
  return plan.filter((item) => item.kind === kind).sort((a, b) => a.position - b.position || a.id - b.id);
}

/** Splits one kind's items into those still in play and those retired, keeping the order. */
export function splitRetired(items: readonly PlanItem[]): { open: PlanItem[]; retired: PlanItem[] } {
  return {
    open: items.filter((item) => item.status !== 'retired'),
    retired: items.filter((item) => item.status === 'retired'),
  };
}

export type Direction = 'up' | 'down';

/**
 * The position to send to MovePlanItem so that an open item swaps places with its open neighbour,
 * stepping over retired items in between. `items` are all items of one kind in saved order.
 * Returns null when the item cannot move that way (first or last open item, or unknown).
 *
 * MovePlanItem takes the item out of the list and puts it back at `position`, so the position is
 * counted in the list without the item.
 */
export function moveTarget(items: readonly PlanItem[], id: number, direction: Direction): number | null {
  const self = items.find((item) => item.id === id);
  if (!self || self.status === 'retired') return null;
  const open = items.filter((item) => item.status !== 'retired');
  const at = open.findIndex((item) => item.id === id);
  const neighbour = open[direction === 'up' ? at - 1 : at + 1];
  if (!neighbour) return null;
  const others = items.filter((item) => item.id !== id);
  const index = others.findIndex((item) => item.id === neighbour.id);
  return direction === 'up' ? index : index + 1;
}

/** The same list with the move applied, as the Go side will store it (for an immediate redraw). */
export function applyMove(items: readonly PlanItem[], id: number, position: number): PlanItem[] {
  const self = items.find((item) => item.id === id);
  if (!self) return [...items];
  const others = items.filter((item) => item.id !== id);
  const at = Math.min(Math.max(position, 0), others.length);
  return [...others.slice(0, at), self, ...others.slice(at)].map((item, index) => ({ ...item, position: index }));
}

/** The wording the item was first proposed with, when it has since been reworded. */
export function firstWording(item: PlanItem): string {
  return item.revisions.length > 1 ? item.revisions[0].text : '';
}
