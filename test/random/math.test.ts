import seedrandom from 'seedrandom';
import stdExp from '@stdlib/math-base-special-exp';
import { describe, expect, it } from 'vitest';
import { all, create, type BigNumber } from 'mathjs';
import { exp, expDraw } from '../../models/random/math';

describe('deterministic elementary functions', () => {
  it("exp gives exactly @stdlib's bits (table scaling instead of ldexp) over its whole range", () => {
    const u = seedrandom.alea('exp');
    for (let i = 0; i < 200_000; i++) {
      const x = (u() - 0.5) * (i % 3 === 0 ? 1500 : i % 3 === 1 ? 40 : 1e-6);
      expect(Object.is(exp(x), stdExp(x))).toBe(true);
    }
    for (const x of [0, -0, 1e-300, -745.2, 709.9, Infinity, -Infinity, NaN]) expect(Object.is(exp(x), stdExp(x))).toBe(true);
  });

  // The exact value of a double as a 60-digit decimal: its 53-bit significand times a power of two.
  const M = create(all, { precision: 60 });
  const exactOf = (x: number): BigNumber => {
    const bits = new BigUint64Array(new Float64Array([x]).buffer)[0];
    const e = Number((bits >> 52n) & 2047n);
    const m = (bits & ((1n << 52n) - 1n)) | (e > 0 ? 1n << 52n : 0n);
    const v = M.multiply(M.bignumber(m.toString()), M.pow(M.bignumber(2), (e > 0 ? e : 1) - 1075) as BigNumber) as BigNumber;
    return bits >> 63n ? M.unaryMinus(v) : v;
  };
  /** |f(x) − e^x| in units of the last place of f(x), e^x to 60 digits. */
  const ulpError = (y: number, x: number) => {
    const err = Math.abs(Number(M.subtract(exactOf(y), M.exp(exactOf(x)))));
    // The ulp from y's own exponent bits: log2 can round up next to a power of two.
    const e = Number((new BigUint64Array(new Float64Array([y]).buffer)[0] >> 52n) & 2047n);
    return err / 2 ** (Math.max(e, 1) - 1075);
  };

  it("expDraw, the lognormal draws' exp, is within 2 ulp of e^x (fdlibm within 1.2 by the same measure)", () => {
    const u = seedrandom.alea('expDraw');
    let worst = 0;
    let worstStd = 0;
    for (let i = 0; i < 6000; i++) {
      // Mostly where severities lie (log-means about 9–11, a few log-sds either side), the rest over the whole range.
      const x = i % 4 === 0 ? (u() - 0.5) * 1399 : 10 + (u() - 0.5) * 24;
      worst = Math.max(worst, ulpError(expDraw(x), x));
      worstStd = Math.max(worstStd, ulpError(stdExp(x), x));
    }
    expect(worstStd).toBeLessThan(1.2);
    expect(worst).toBeLessThan(2);
    for (const x of [0, -0, 1e-300, -3e-9, 699.9, -699.9, -745.2, 709.9, 800, Infinity, -Infinity, NaN]) {
      const y = expDraw(x);
      if (Math.abs(x) >= 700 || Number.isNaN(x)) expect(Object.is(y, stdExp(x))).toBe(true);
      else expect(ulpError(y, x)).toBeLessThan(2);
    }
  });
});
