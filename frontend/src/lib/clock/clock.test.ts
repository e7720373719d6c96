import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUITE_NOW } from '../../test/clock';
import { now, syncClock } from './clock';

describe('the page clock', () => {
  it('follows the app’s clock, however far the page’s own is from it', () => {
    const pageNow = Date.now();
    syncClock('2031-01-01T00:00:05.000Z', pageNow);
    expect(now().toISOString()).toBe('2031-01-01T00:00:05.000Z');
    syncClock('not a time', pageNow);
    syncClock('', pageNow);
    expect(now().toISOString()).toBe('2031-01-01T00:00:05.000Z');
    syncClock(new Date(pageNow).toISOString(), pageNow);
    expect(now().getTime()).toBe(pageNow);
  });

  it('reads the pinned moment in tests', () => {
    syncClock(new Date().toISOString());
    expect(now().getTime()).toBe(new Date(SUITE_NOW).getTime());
  });
});

// Every date the page works out must come from the app's clock: a component that asked the
// browser for the time would show a different day from the app's in a test run, and could
// disagree with the records' dates around midnight.
describe('the clock is read in one place', () => {
  const src = join(__dirname, '..', '..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return name === 'wailsjs' || name === 'test' ? [] : files(p);
      return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
    });

  it('no source outside $lib/clock reads Date.now() or new Date()', () => {
    const offenders = files(src)
      .filter((p) => !p.includes(join('lib', 'clock')))
      .filter((p) => /Date\.now\(\)|new Date\(\s*\)/.test(readFileSync(p, 'utf8')))
      .map((p) => relative(src, p));
    expect(offenders).toEqual([]);
  });
});
