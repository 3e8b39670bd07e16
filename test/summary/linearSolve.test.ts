import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { lup as mlup, lusolve as mlusolve } from 'mathjs';
import { lup, lusolve } from '../../models/summary/linearSolve';

/** Random normal-equation matrices XᵀX as the rank regression forms them, some nearly singular, some needing row swaps. */
function cases(n: number): { a: number[][]; b: number[] }[] {
  const rng = seedrandom('linear-solve');
  const out: { a: number[][]; b: number[] }[] = [];
  for (let c = 0; c < n; c++) {
    const p = 1 + (c % 12);
    const rows = p + 3 + Math.floor(rng() * 20);
    const x = Array.from({ length: p }, () => Array.from({ length: rows }, () => rng() * 2 - 1));
    if (c % 5 === 0 && p > 1) x[p - 1] = x[0].map((v, i) => v + 1e-9 * x[p - 1][i]); // nearly collinear
    const a = x.map((u) => x.map((v) => u.reduce((s, ui, i) => s + ui * v[i], 0)));
    if (c % 3 === 0) a.reverse(); // not symmetric: forces pivoting
    out.push({ a, b: Array.from({ length: p }, () => rng() * 2 - 1) });
  }
  return out;
}

describe('LU solve of the rank regression', () => {
  it('gives the bit-identical solution of mathjs lup + lusolve (the implementation it replaced) on 300 systems', () => {
    let compared = 0;
    for (const { a, b } of cases(300)) {
      let want: number[] | Error;
      try {
        const sol = mlusolve(mlup(a), b);
        want = ((Array.isArray(sol) ? sol : sol.toArray()) as number[][]).map((r) => r[0]);
      } catch (e) {
        want = e as Error;
      }
      const got = (() => {
        try {
          return lusolve(lup(a), b);
        } catch (e) {
          return e as Error;
        }
      })();
      if (want instanceof Error) expect(got).toBeInstanceOf(Error);
      else {
        expect(got).toBeInstanceOf(Array);
        (got as number[]).forEach((v, i) => expect(Object.is(v, want[i] as number), `case ${compared} x[${i}]: ${v} vs ${want[i]}`).toBe(true));
      }
      compared++;
    }
    expect(compared).toBe(300);
  });

  it('solves A x = b (residual at rounding level) and refuses a singular matrix', () => {
    const a = [
      [0, 2, 1],
      [4, 5, 6],
      [7, 8, 10],
    ];
    const x = lusolve(lup(a), [3, 15, 25]);
    a.forEach((row, i) => expect(Math.abs(row.reduce((s, v, j) => s + v * x[j], 0) - [3, 15, 25][i])).toBeLessThan(1e-12));
    expect(() =>
      lusolve(
        lup([
          [1, 2],
          [2, 4],
        ]),
        [1, 3],
      ),
    ).toThrow(/singular/);
  });
});
