import seedrandom from 'seedrandom';
import stdExp from '@stdlib/math-base-special-exp';
import { describe, expect, it } from 'vitest';
import { exp } from '../../models/random/math';

describe('deterministic elementary functions', () => {
  it("exp gives exactly @stdlib's bits (table scaling instead of ldexp) over its whole range", () => {
    const u = seedrandom.alea('exp');
    for (let i = 0; i < 200_000; i++) {
      const x = (u() - 0.5) * (i % 3 === 0 ? 1500 : i % 3 === 1 ? 40 : 1e-6);
      expect(Object.is(exp(x), stdExp(x))).toBe(true);
    }
    for (const x of [0, -0, 1e-300, -745.2, 709.9, Infinity, -Infinity, NaN]) expect(Object.is(exp(x), stdExp(x))).toBe(true);
  });
});
