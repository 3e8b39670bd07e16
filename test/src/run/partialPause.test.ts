import { describe, expect, it } from 'vitest';
import { partialPause, partialWanted } from '../../../src/run/controller';

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

describe('whether a partial summary is made', () => {
  it('not when the complete answer would replace it within 0.7 s, the first numbers of a run within 0.35 s', () => {
    expect(partialWanted(2000, 3)).toBe(true);
    expect(partialWanted(701, 1)).toBe(true);
    expect(partialWanted(699, 1)).toBe(false);
    expect(partialWanted(699, 0)).toBe(true);
    expect(partialWanted(351, 0)).toBe(true);
    expect(partialWanted(349, 0)).toBe(false);
    expect(partialWanted(-5, 0)).toBe(false);
  });
  it('when the end is not known (the "enough runs?" mode adds runs until precise)', () => {
    expect(partialWanted(NaN, 0)).toBe(true);
    expect(partialWanted(NaN, 5)).toBe(true);
  });
});
