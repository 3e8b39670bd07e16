import { describe, expect, it } from 'vitest';
import { EditPause, MAX_MS, MIN_MS } from '../../../src/run/editPause';

/** Edits at the given times (ms); the pause after each. */
const pausesAt = (times: number[]): number[] => {
  const p = new EditPause();
  return times.map((t) => p.edit(t));
};

describe('the pause before an edit recomputes', () => {
  it('is the longest pause until a typing rhythm is seen', () => {
    expect(pausesAt([0])).toEqual([MAX_MS]);
    expect(pausesAt([0, 60])).toEqual([MAX_MS, MAX_MS]);
  });

  it('follows a quick typist down to the shortest pause, and a slow one up to the longest', () => {
    // Keys 60 ms apart: three times the median gap is 180 ms, below the shortest pause.
    expect(pausesAt([0, 60, 120, 180, 240]).slice(2)).toEqual([MIN_MS, MIN_MS, MIN_MS]);
    // Keys 110 ms apart: 330 ms.
    expect(pausesAt([0, 110, 220, 330]).at(-1)).toBe(330);
    // Keys 250 ms apart: 750 ms, capped.
    expect(pausesAt([0, 250, 500, 750]).at(-1)).toBe(MAX_MS);
  });

  it('takes the median, so one slow key among quick ones does not lengthen it', () => {
    expect(pausesAt([0, 100, 200, 900, 1000, 1100]).at(-1)).toBe(300);
  });

  it('leaves out the gaps between separate edits', () => {
    // Two numbers typed at 100 ms per key, five seconds apart: the rhythm stays 100 ms.
    expect(pausesAt([0, 100, 200, 5200, 5300]).slice(3)).toEqual([300, 300]);
  });

  it('follows a change of rhythm within a few keys', () => {
    const p = new EditPause();
    let t = 0;
    for (let i = 0; i < 10; i++) p.edit((t += 300));
    expect(p.pause()).toBe(MAX_MS);
    for (let i = 0; i < 8; i++) p.edit((t += 50));
    expect(p.pause()).toBe(MIN_MS);
  });
});
