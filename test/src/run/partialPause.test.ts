import { describe, expect, it } from 'vitest';
import { partialPause } from '../../../src/run/controller';

describe('the pause between partial summaries', () => {
  it('is at least 350 ms, so quick summaries do not redraw the views more often than that', () => {
    expect(partialPause(0)).toBe(350);
    expect(partialPause(50)).toBe(350);
  });
  it('keeps partial summaries to a quarter of the time once they take longer (three times as long as the last one)', () => {
    expect(partialPause(200)).toBe(600);
    expect(partialPause(1000)).toBe(3000);
    // The share itself: a summary of d ms and its pause, d / (d + pause).
    for (const d of [150, 400, 2500]) expect(d / (d + partialPause(d))).toBeCloseTo(0.25, 12);
  });
});
