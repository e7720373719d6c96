// Waiting for the page: for a screen to appear, for a condition to hold, for the next paint.

/** The screen currently shown, from its root element's data-screen attribute. */
export function currentScreen(doc: Document = document): string | null {
  return doc.querySelector<HTMLElement>('[data-screen]')?.dataset.screen ?? null;
}

/**
 * Resolves once the browser has painted the current state: the animation-frame callback runs
 * just before the frame is painted, and a task queued from it runs just after.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Resolves with the result of check once it returns something other than undefined,
 * re-checking whenever the page changes; rejects after timeoutMs.
 */
export function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = check();
    if (first !== undefined) {
      resolve(first);
      return;
    }
    let done = false;
    const finish = (): void => {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      clearInterval(poll);
    };
    const test = (): void => {
      if (done) return;
      const value = check();
      if (value !== undefined) {
        finish();
        resolve(value);
      }
    };
    const observer = new MutationObserver(test);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    // Property changes (such as a button's disabled state) are not always mutations: poll as well.
    const poll = setInterval(test, 50);
    const timer = setTimeout(() => {
      if (done) return;
      finish();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
  });
}

/** Waits until one of the named screens is shown, done loading, and returns its name. */
export function waitForScreen(names: readonly string[], timeoutMs: number): Promise<string> {
  return waitFor(
    () => {
      const root = document.querySelector<HTMLElement>('[data-screen]');
      const screen = root?.dataset.screen;
      if (!root || !screen || !names.includes(screen)) return undefined;
      return root.getAttribute('aria-busy') === 'true' ? undefined : screen;
    },
    timeoutMs,
    `screen ${names.join(' or ')}`,
  );
}
