// Moves keyboard focus to an element when it appears, so each screen starts in the right place.

/** Svelte action: focuses the element once it is in the page. */
export function focusOnMount(node: HTMLElement, enabled: boolean = true): void {
  if (!enabled) return;
  queueMicrotask(() => {
    if (node.isConnected) node.focus();
  });
}
