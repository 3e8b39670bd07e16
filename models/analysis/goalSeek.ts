/**
 * "What does it take?": the smallest value x of one input at which an output reaches a goal, e.g.
 * P(reduction ≥ 2%) ≥ 80% as a function of a substitution's maximum shift, or the integrator's
 * expected shortfall ≤ 5% of its budget as a function of the population. Every evaluation reuses
 * the same runs and seeds (common random numbers), so the output changes only through x and the
 * bisection converges on a fixed set of runs.
 */
export interface SeekOptions {
  lo: number;
  hi: number;
  /** The goal for the output. */
  goal: number;
  /** 'atLeast': the output must reach ≥ goal and rises with x; 'atMost': ≤ goal and falls with x. */
  direction: 'atLeast' | 'atMost';
  /** Stop when the bracket is narrower than this (in x; a ratio hi/lo − 1 on the log scale). */
  tolerance: number;
  /** Bisect in log x (populations) rather than x. */
  scale?: 'linear' | 'log';
  /** Round every x tried to a whole number (populations). */
  integer?: boolean;
  maxSteps?: number;
}

/** One evaluation: the output at x with its Monte Carlo standard error and the runs behind it. */
export interface Evaluation {
  value: number;
  se: number;
  n: number;
}

export type SeekResult =
  | {
      reachable: true;
      /** Smallest x found that meets the goal. */
      value: number;
      /** The output there, with its Monte Carlo standard error. */
      output: number;
      se: number;
      /** Approximate 90% interval for the threshold, from the MC error of the output and its local slope. */
      low: number;
      high: number;
      steps: { x: number; output: number }[];
    }
  | { reachable: false; outputAtHigh: number; steps: { x: number; output: number }[]; message: string };

export async function seekThreshold(evaluate: (x: number) => Promise<Evaluation>, o: SeekOptions): Promise<SeekResult> {
  const steps: { x: number; output: number }[] = [];
  const meets = (v: number) => (o.direction === 'atLeast' ? v >= o.goal : v <= o.goal);
  const round = (x: number) => (o.integer ? Math.round(x) : x);
  const at = async (x: number) => {
    const r = await evaluate(x);
    steps.push({ x, output: r.value });
    return r;
  };
  const top = await at(round(o.hi));
  if (!meets(top.value))
    return {
      reachable: false,
      outputAtHigh: top.value,
      steps,
      message: `not reachable in range: even at ${round(o.hi)} the output is ${fmt(top.value)}, ${o.direction === 'atLeast' ? 'below' : 'above'} the goal ${fmt(o.goal)}`,
    };
  const bottom = await at(round(o.lo));
  if (meets(bottom.value)) return done(round(o.lo), bottom);
  let lo = round(o.lo);
  let hi = round(o.hi);
  let hiRes = top;
  let loRes = bottom;
  const narrow = () => (o.scale === 'log' ? hi / lo - 1 <= o.tolerance : hi - lo <= o.tolerance);
  for (let i = 0; i < (o.maxSteps ?? 40) && !narrow(); i++) {
    const mid = round(o.scale === 'log' ? Math.sqrt(lo * hi) : (lo + hi) / 2);
    if (mid <= lo || mid >= hi) break;
    const r = await at(mid);
    if (meets(r.value)) {
      hi = mid;
      hiRes = r;
    } else {
      lo = mid;
      loRes = r;
    }
  }
  return done(hi, hiRes, lo, loRes.value);

  function done(x: number, r: Evaluation, xLo = x, vLo = r.value): SeekResult {
    // Slope of the output near the goal: least squares over the evaluated points whose output lies
    // within a band around the goal (single neighbours are too noisy: with a fixed set of runs the
    // output is a step function of x); in log x on the log scale.
    const tx = (v: number) => (o.scale === 'log' ? Math.log(v) : v);
    const band = Math.max(4 * r.se, 0.15 * Math.abs(o.goal) || 0.15);
    const near = steps.filter((s) => Math.abs(s.output - o.goal) <= band);
    const pts = (
      near.length >= 2
        ? near
        : [
            { x: xLo, output: vLo },
            { x, output: r.value },
          ]
    ).map((s) => ({ x: tx(s.x), v: s.output }));
    const mx = pts.reduce((a, s) => a + s.x, 0) / pts.length;
    const mv = pts.reduce((a, s) => a + s.v, 0) / pts.length;
    const sxx = pts.reduce((a, s) => a + (s.x - mx) ** 2, 0);
    const slope = sxx > 0 ? Math.abs(pts.reduce((a, s) => a + (s.x - mx) * (s.v - mv), 0) / sxx) : Infinity;
    const half = Number.isFinite(slope) && slope > 0 ? (1.645 * r.se) / slope : 0;
    const back = (v: number) => round(o.scale === 'log' ? Math.exp(v) : v);
    return {
      reachable: true,
      value: x,
      output: r.value,
      se: r.se,
      low: Math.max(round(o.lo), back(tx(x) - half)),
      high: Math.min(round(o.hi), back(tx(x) + half)),
      steps,
    };
  }
}

const fmt = (v: number) => (Math.abs(v) <= 1 ? `${(100 * v).toFixed(1)}%` : v.toPrecision(4));

export interface GoalSeekOptions {
  lo: number;
  hi: number;
  /** Goal probability, e.g. 0.8. */
  goal: number;
  tolerance: number;
  maxSteps?: number;
}

export type GoalSeekResult =
  | { reachable: true; value: number; p: number; mcse: number; low: number; high: number; steps: { x: number; p: number }[] }
  | { reachable: false; pAtHigh: number; steps: { x: number; p: number }[]; message: string };

/** The probability form: smallest x with p(x) ≥ goal, p rising with x; `prob` gives p and its run count. */
export async function goalSeek(prob: (x: number) => Promise<{ p: number; n: number }>, o: GoalSeekOptions): Promise<GoalSeekResult> {
  const r = await seekThreshold(
    async (x) => {
      const { p, n } = await prob(x);
      return { value: p, se: Math.sqrt((p * (1 - p)) / n), n };
    },
    { ...o, direction: 'atLeast' },
  );
  const steps = r.steps.map((s) => ({ x: s.x, p: s.output }));
  return r.reachable ? { reachable: true, value: r.value, p: r.output, mcse: r.se, low: r.low, high: r.high, steps } : { reachable: false, pAtHigh: r.outputAtHigh, steps, message: r.message };
}
