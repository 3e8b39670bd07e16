/**
 * "What does it take?": the smallest value x of one parameter at which a probability p(x) reaches
 * a goal, e.g. P(reduction ≥ 2%) ≥ 80% as a function of the substitution's maximum shift.
 * Every evaluation reuses the same runs and seeds (common random numbers), so p(x) changes only
 * through x and bisection converges on a fixed set of runs.
 */
export interface GoalSeekOptions {
  lo: number;
  hi: number;
  /** Goal probability, e.g. 0.8. */
  goal: number;
  /** Stop when the bracket is narrower than this. */
  tolerance: number;
  maxSteps?: number;
}

export type GoalSeekResult =
  | {
      reachable: true;
      /** Smallest x found with p(x) ≥ goal. */
      value: number;
      /** p at that value, with its Monte Carlo standard error. */
      p: number;
      mcse: number;
      /** Approximate 90% interval for the threshold from the MC error of p and the local slope. */
      low: number;
      high: number;
      steps: { x: number; p: number }[];
    }
  | { reachable: false; pAtHigh: number; steps: { x: number; p: number }[]; message: string };

/** `prob(x)` returns the estimated probability and the number of runs behind it. */
export async function goalSeek(prob: (x: number) => Promise<{ p: number; n: number }>, o: GoalSeekOptions): Promise<GoalSeekResult> {
  const steps: { x: number; p: number }[] = [];
  const at = async (x: number) => {
    const r = await prob(x);
    steps.push({ x, p: r.p });
    return r;
  };
  const top = await at(o.hi);
  if (top.p < o.goal)
    return { reachable: false, pAtHigh: top.p, steps, message: `not reachable in range: even at ${o.hi} the probability is ${(100 * top.p).toFixed(1)}%, below ${(100 * o.goal).toFixed(0)}%` };
  const bottom = await at(o.lo);
  if (bottom.p >= o.goal) return done(o.lo, bottom);
  let lo = o.lo;
  let hi = o.hi;
  let hiRes = top;
  let loP = bottom.p;
  for (let i = 0; i < (o.maxSteps ?? 40) && hi - lo > o.tolerance; i++) {
    const mid = (lo + hi) / 2;
    const r = await at(mid);
    if (r.p >= o.goal) {
      hi = mid;
      hiRes = r;
    } else {
      lo = mid;
      loP = r.p;
    }
  }
  return done(hi, hiRes, lo, loP);

  function done(x: number, r: { p: number; n: number }, xLo = x, pLo = r.p): GoalSeekResult {
    const mcse = Math.sqrt((r.p * (1 - r.p)) / r.n);
    // Slope of p near the threshold: least squares over the evaluated points within ±0.15 of the
    // goal (single neighbours are too noisy, p(x) is a step function of a fixed set of runs).
    const near = steps.filter((s) => Math.abs(s.p - o.goal) <= 0.15);
    const pts = near.length >= 2 ? near : [{ x: xLo, p: pLo }, { x, p: r.p }];
    const mx = pts.reduce((a, s) => a + s.x, 0) / pts.length;
    const mp = pts.reduce((a, s) => a + s.p, 0) / pts.length;
    const sxx = pts.reduce((a, s) => a + (s.x - mx) ** 2, 0);
    const slope = sxx > 0 ? pts.reduce((a, s) => a + (s.x - mx) * (s.p - mp), 0) / sxx : Infinity;
    const half = Number.isFinite(slope) && slope > 0 ? (1.645 * mcse) / slope : 0;
    return { reachable: true, value: x, p: r.p, mcse, low: Math.max(o.lo, x - half), high: Math.min(o.hi, x + half), steps };
  }
}
