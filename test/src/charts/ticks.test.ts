import { describe, expect, it } from 'vitest';
import { MAX_TICKS, niceDomain, niceTicks, paddedExtent, tickCount } from '../../../src/charts/ticks';

/** A slow obvious reference: every multiple of `step` in [lo, hi]. */
function multiples(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi * (1 + 1e-12) + 1e-300; i++) out.push(i * step);
  return out;
}

describe('axis ticks are bounded by the pixels, not the data', () => {
  const magnitudes = [1e-6, 1e-3, 1, 1e3, 1e6, 1e9, 1e12, 1e15];
  for (const m of magnitudes) {
    for (const [lo, hi] of [
      [0, m],
      [-m, m],
      [-3.1 * m, 310_000 * m],
      [m, m * (1 + 1e-9)],
      [-m, 0],
    ] as const) {
      it(`[${lo}, ${hi}]: at most the requested count (±1-2-5 rounding) and inside the range`, () => {
        for (const px of [100, 400, 2000]) {
          const n = tickCount(px, 60);
          const ts = niceTicks(lo, hi, n);
          expect(ts.length).toBeLessThanOrEqual(MAX_TICKS);
          // 1-2-5 steps give at most 2.5× the asked count (plus both ends).
          expect(ts.length).toBeLessThanOrEqual(Math.ceil(2.5 * n) + 1);
          for (const v of ts) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(lo - Math.abs(hi - lo) * 1e-9);
            expect(v).toBeLessThanOrEqual(hi + Math.abs(hi - lo) * 1e-9);
          }
          for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThan(ts[i - 1]);
        }
      });
    }
  }

  it('the risk–return range that drew 310,000 labels now gets a handful', () => {
    // costs ×10⁶: an expected shortfall of about 620 billion € mln over a 2,000-step loop
    const ts = niceTicks(-4.7e7, 6.2e8, tickCount(460 - 78, 60));
    expect(ts.length).toBeGreaterThanOrEqual(2);
    expect(ts.length).toBeLessThanOrEqual(15);
  });

  it('agrees with the multiples of the chosen step (slow obvious reference)', () => {
    for (const [lo, hi, n] of [
      [0, 1, 5],
      [-0.013, 0.047, 8],
      [3, 97, 6],
      [-2.5e6, 7.1e6, 6],
      [1e-6, 9e-6, 4],
    ] as const) {
      const ts = niceTicks(lo, hi, n);
      const step = ts[1] - ts[0];
      const ref = multiples(lo, hi, step);
      expect(ts.length).toBe(ref.length);
      ts.forEach((v, i) => expect(v).toBeCloseTo(ref[i], 12 - Math.max(0, Math.floor(Math.log10(Math.abs(hi))))));
      // the step is 1, 2 or 5 × 10^k
      const mant = step / 10 ** Math.floor(Math.log10(step) + 1e-12);
      expect([1, 2, 5].some((x) => Math.abs(mant - x) < 1e-9)).toBe(true);
    }
  });

  it('NaN, ±Infinity, reversed and overflowing ranges: no throw, bounded', () => {
    const bad = [NaN, Infinity, -Infinity];
    for (const a of bad) {
      expect(niceTicks(a, 1, 6)).toEqual([]);
      expect(niceTicks(0, a, 6)).toEqual([]);
    }
    expect(niceTicks(0, 1, NaN)).toEqual([]);
    expect(niceTicks(0, 1, Infinity).length).toBeLessThanOrEqual(MAX_TICKS);
    expect(niceTicks(0, 1, 1e12).length).toBeLessThanOrEqual(MAX_TICKS);
    expect(niceTicks(5, 1, 6)).toEqual([]);
    expect(niceTicks(2, 2, 6)).toEqual([2]);
    expect(niceTicks(0, Number.MIN_VALUE, 6).length).toBeLessThanOrEqual(MAX_TICKS);
    const huge = niceTicks(-1e308, 1.7e308, 6);
    expect(huge.length).toBeLessThanOrEqual(MAX_TICKS);
    huge.forEach((v) => expect(Number.isFinite(v)).toBe(true));
    expect(tickCount(NaN)).toBe(2);
    expect(tickCount(1e9)).toBe(MAX_TICKS);
  });

  it('nice domains start and end on a tick; extents ignore non-finite values', () => {
    const [a, b] = niceDomain(0.013, 0.961, 5);
    expect(a).toBeCloseTo(0, 12);
    expect(b).toBeCloseTo(1, 12);
    expect(niceDomain(NaN, 1, 5)).toEqual([NaN, 1]);
    expect(paddedExtent([1, NaN, Infinity, -Infinity, 3])).toEqual([0 - 0.24, 3 + 0.24]);
    expect(paddedExtent([NaN])).toEqual([-1, 1]);
    expect(paddedExtent([], 0.08, false)).toEqual([-1, 1]);
    const [lo, hi] = paddedExtent([1e15, -1e15]);
    expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
  });
});
