// Calls a function once things have been quiet for a while (the last call wins).

export interface Debounced {
  (): void;
  /** Forgets a pending call. */
  cancel(): void;
  /** Runs a pending call now, if there is one. */
  flush(): void;
}

export function debounce(fn: () => void, delayMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, delayMs);
  }) as Debounced;
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  debounced.flush = () => {
    if (timer === undefined) return;
    debounced.cancel();
    fn();
  };
  return debounced;
}
