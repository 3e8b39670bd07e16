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
    // Slope of p near the threshold from the points seen; the MC error of p maps to x through it.
    const near = steps.filter((s) => s.x !== x).sort((a, b) => Math.abs(a.x - x) - Math.abs(b.x - x));
    const other = near.find((s) => Math.abs(s.p - r.p) > 0) ?? { x: xLo, p: pLo };
    const slope = other.x !== x ? (r.p - other.p) / (x - other.x) : Infinity;
    const half = Number.isFinite(slope) && slope > 0 ? (1.645 * mcse) / slope : 0;
    return { reachable: true, value: x, p: r.p, mcse, low: Math.max(o.lo, x - half), high: Math.min(o.hi, x + half), steps };
  }
}
