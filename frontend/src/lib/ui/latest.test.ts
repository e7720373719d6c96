// Tests of Latest: only the latest request is current, and drop() makes them all stale.
import { describe, expect, it } from 'vitest';
import { Latest } from './latest';

describe('Latest', () => {
  it('keeps only the latest request current, whatever order the replies come in', () => {
    const latest = new Latest();
    const first = latest.begin();
    expect(first()).toBe(true);
    const second = latest.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('drops every request under way, and the next one is current again', () => {
    const latest = new Latest();
    const before = latest.begin();
    latest.drop();
    expect(before()).toBe(false);
    const after = latest.begin();
    expect(after()).toBe(true);
    expect(before()).toBe(false);
  });

  it('keeps separate counts for separate kinds of request', () => {
    const views = new Latest();
    const journeys = new Latest();
    const view = views.begin();
    journeys.begin();
    expect(view()).toBe(true);
  });

  it('drops a late reply to an earlier request', async () => {
    const latest = new Latest();
    const shown: string[] = [];
    const ask = async (answer: string, delayMs: number) => {
      const current = latest.begin();
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (current()) shown.push(answer);
    };
    await Promise.all([ask('old', 20), ask('new', 0)]);
    expect(shown).toEqual(['new']);
  });
});
