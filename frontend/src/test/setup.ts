// Runs before every Vitest test file: the clock is pinned (src/test/clock.ts) and the time zone is the
// suite's, so that no test depends on the day, the zone or the locale it runs in.
import { afterEach, beforeEach, vi } from 'vitest';
import { SUITE_NOW, SUITE_ZONE, pinClock } from './clock';

// Without TZ, Node would take the machine's zone; the suite's zone is then UTC, as SUITE_ZONE says.
process.env.TZ = SUITE_ZONE;

beforeEach(() => pinClock(SUITE_NOW));
afterEach(() => {
  vi.useRealTimers();
});
