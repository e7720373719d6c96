import { describe, expect, it } from 'vitest';
import { nextTab } from './tabs';

describe('nextTab', () => {
  it('moves with the arrows, wrapping, and jumps with Home and End', () => {
    expect(nextTab('ArrowRight', 0, 3)).toBe(1);
    expect(nextTab('ArrowRight', 2, 3)).toBe(0);
    expect(nextTab('ArrowLeft', 0, 3)).toBe(2);
    expect(nextTab('Home', 2, 3)).toBe(0);
    expect(nextTab('End', 0, 3)).toBe(2);
    expect(nextTab('Enter', 0, 3)).toBeUndefined();
    expect(nextTab('ArrowRight', 0, 0)).toBeUndefined();
  });
});
