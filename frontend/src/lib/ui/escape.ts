// Svelte action: Escape inside the element calls a handler (closing a form or panel), and goes no further.
import type { ActionReturn } from 'svelte/action';

export function onEscape(node: HTMLElement, handler: () => void): ActionReturn<() => void> {
  let current = handler;
  const listener = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    current();
  };
  node.addEventListener('keydown', listener);
  return {
    update(next) {
      current = next;
    },
    destroy() {
      node.removeEventListener('keydown', listener);
    },
  };
}
