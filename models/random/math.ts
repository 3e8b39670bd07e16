import stdExp from '@stdlib/math-base-special-exp';
import stdLn from '@stdlib/math-base-special-ln';
import stdPow from '@stdlib/math-base-special-pow';
import stdLog1p from '@stdlib/math-base-special-log1p';
import stdSin from '@stdlib/math-base-special-sin';

/**
 * Elementary functions for the models. V8 in Chromium and in Node round Math.exp, log, pow and
 * log1p differently in the last bit (hundreds of inputs in 5,000 differ between Chromium 156 and
 * Node 20), which would break bit-identical results across browser and Node. These are @stdlib's
 * pure-JavaScript fdlibm ports: the same arithmetic, so the same bits, everywhere.
 * Math.sqrt, floor, abs, min and max are exact by specification and stay.
 */
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LOG2_E = 1.442695040888963387;
// 2^k for k = −1021..1023, built by exact doublings/halvings.
const POW2 = new Float64Array(2045);
POW2[1021] = 1;
for (let k = 1; k <= 1023; k++) POW2[1021 + k] = POW2[1020 + k] * 2;
for (let k = 1; k <= 1021; k++) POW2[1021 - k] = POW2[1022 - k] / 2;

/**
 * exp(x): @stdlib's fdlibm algorithm (same reduction, polynomial and constants, so the same bits),
 * with the final scaling by 2^k done by a table multiplication instead of bit surgery: about
 * twice as fast, which matters in the high-cost loop. Outside |x| ≤ 700, where results approach
 * overflow or subnormals, it defers to @stdlib itself. A test checks it equals @stdlib's exp.
 */
export function exp(x: number): number {
  if (!(x > -700 && x < 700)) return stdExp(x);
  if (x > -3.725290298461914e-9 && x < 3.725290298461914e-9) return 1 + x;
  return expInRange(x);
}

/** exp(x) on fdlibm's main path: −700 < x < 700 and |x| ≥ 2^−28 (elsewhere the result is wrong). */
function expInRange(x: number): number {
  const k = Math.trunc(x < 0 ? LOG2_E * x - 0.5 : LOG2_E * x + 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (0.16666666666666602 + t * (-0.0027777777777015593 + t * (0.00006613756321437934 + t * (-0.0000016533902205465252 + t * 4.1381367970572385e-8))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return y * POW2[1021 + k];
}
/**
 * exp(x) for the lognormal draws, the simulation's hottest loop: exp(x) = 2^(k/1024)·e^r with a
 * table of 2^(j/1024) and a degree-4 polynomial for |r| ≤ ln2/2048, so no division, where fdlibm
 * divides once; about twice as fast. Within 2 ulp of exp (fdlibm's is within 1), which no
 * Monte Carlo draw can notice; only additions, multiplications and table reads, so the same bits
 * in every engine. Outside |x| < 700 it is @stdlib's exp.
 */
export function expDraw(x: number): number {
  return expDrawInRange(x) ? expDrawTable(x) : stdExp(x);
}
export const expDrawInRange = (x: number): boolean => x > -700 && x < 700;
const EXP_N = 1024;
const EXP_T = new Float64Array(EXP_N);
for (let j = 0; j < EXP_N; j++) EXP_T[j] = stdExp((j * LN2_HI) / EXP_N + (j * LN2_LO) / EXP_N);
/** Adding and subtracting 1.5·2^52 rounds a double of magnitude below 2^51 to a whole number. */
const ROUND_SHIFT = 6755399441055744;
/** exp(x) for x where `expDrawInRange(x)` holds. */
export function expDrawTable(x: number): number {
  const kf = x * (EXP_N / Math.LN2) + ROUND_SHIFT - ROUND_SHIFT;
  const k = kf | 0;
  // ln2/1024 as LN2_HI/1024 + LN2_LO/1024: kf times the first is exact, so r is exact to ~2^-80.
  const r = x - kf * (LN2_HI / EXP_N) - kf * (LN2_LO / EXP_N);
  const p = r + r * r * (0.5 + r * (0.16666666666666666 + r * 0.041666666666666664));
  const t = EXP_T[k & (EXP_N - 1)];
  return (t + t * p) * POW2[1021 + (k >> 10)];
}
export const log: (x: number) => number = stdLn;
export const pow: (x: number, y: number) => number = stdPow;
export const log1p: (x: number) => number = stdLog1p;
export const sin: (x: number) => number = stdSin;

/**
 * b^n for a whole number n (years of a trend) by binary exponentiation: only multiplications, so
 * deterministic everywhere, and about ten times cheaper than a general pow. Within a few ulps of
 * the exact power for the exponents used here (|n| ≤ 30).
 */
export function ipow(b: number, n: number): number {
  if (n < 0) return 1 / ipow(b, -n);
  let r = 1;
  let x = b;
  for (let k = n; k > 0; k >>= 1) {
    if (k & 1) r *= x;
    x *= x;
  }
  return r;
}
