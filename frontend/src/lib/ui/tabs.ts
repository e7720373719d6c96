// Keyboard movement between tabs, as the WAI-ARIA tabs pattern has it.

/** The tab to move to for a key (arrows wrap; Home and End go to the ends), or undefined. */
export function nextTab(key: string, index: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}
