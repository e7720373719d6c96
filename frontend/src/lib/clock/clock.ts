// The page's clock: what time it is, as the app keeps it (Go's package clock). In use that is the
// computer's clock; in a test run the app's clock is pinned, and the page follows it. Every date and
// time the page works out ("today", the greeting, how long ago) reads this module, never Date.now().

let offsetMs = 0;

/**
 * Sets the page's clock to the app's time `appNow` (RFC 3339, sent with the vault's status), as
 * received at `receivedAt` on the page's own clock. An unreadable time changes nothing.
 */
export function syncClock(appNow: string, receivedAt: number = Date.now()): void {
  const at = Date.parse(appNow);
  if (appNow !== '' && Number.isFinite(at)) offsetMs = at - receivedAt;
}

/** The current moment on the app's clock. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}
