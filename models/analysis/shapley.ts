import { streamFor } from '../random/rng';
import { LINE_FACTS } from '../core/lines';
import { validateScenario } from '../pipeline/validate';
import { formatErrors } from '../core/issues';
import { compile } from '../pipeline/compile';
import { simulateBlock } from '../simulation/block';
import type { Line } from '../core/names';

/**
 * Who created the saving: the Shapley value of a scenario's actions (interventions and
 * substitutions). v(S) is the saving with only the actions in S, per run, every coalition
 * simulated on the same draws (common random numbers), so the split holds run by run: the values
 * of a run add up to that run's saving with all actions (efficiency).
 */

/** A coalition as a bit mask over the k actions. */
export type Coalition = number;

/** Per-run values of a coalition (one number per run). */
export type CoalitionValue = (s: Coalition) => Promise<Float64Array> | Float64Array;

export interface ShapleyResult {
  /** Per action: its share of the saving per run. */
  perRun: Float64Array[];
  /** Per action: the mean share and its Monte Carlo standard error (runs and, when sampled, permutations). */
  mean: { value: number; se: number }[];
  exact: boolean;
  /** Coalitions simulated. */
  evaluated: number;
}

const popcount = (x: number) => {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
};

function meanSe(x: Float64Array): { value: number; se: number } {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const m = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (x[i] - m) ** 2;
  return { value: m, se: Math.sqrt(v / Math.max(1, n - 1) / n) };
}

/** The exact Shapley value over all 2^k coalitions (k ≤ 8: 256 simulations at most). */
export async function shapleyExact(k: number, value: CoalitionValue): Promise<ShapleyResult> {
  if (!(k >= 1 && k <= 8)) throw new RangeError(`the exact Shapley value takes 1 to 8 actions, not ${k}`);
  const all = (1 << k) - 1;
  const v: Float64Array[] = [];
  for (let s = 0; s <= all; s++) v[s] = await value(s);
  const runs = v[0].length;
  const fact = [1];
  for (let i = 1; i <= k; i++) fact[i] = fact[i - 1] * i;
  const perRun = Array.from({ length: k }, () => new Float64Array(runs));
  for (let a = 0; a < k; a++) {
    const bit = 1 << a;
    for (let s = 0; s <= all; s++) {
      if (s & bit) continue;
      const size = popcount(s);
      const w = (fact[size] * fact[k - size - 1]) / fact[k];
      const with_ = v[s | bit];
      const without = v[s];
      const out = perRun[a];
      for (let r = 0; r < runs; r++) out[r] += w * (with_[r] - without[r]);
    }
  }
  return { perRun, mean: perRun.map(meanSe), exact: true, evaluated: all + 1 };
}

/**
 * A sampled Shapley value for more actions: `permutations` random orders (seeded), each action
 * credited with what it adds when it joins; coalitions met twice are simulated once. Unbiased,
 * and efficient in every run for every sample (each order's credits add up to v(all) − v(∅)).
 */
export async function shapleySampled(k: number, value: CoalitionValue, permutations: number, seed = 'shapley'): Promise<ShapleyResult> {
  const rng = streamFor(seed, 0, 'shapley-permutations');
  const cache = new Map<Coalition, Float64Array>();
  const get = async (s: Coalition) => {
    let x = cache.get(s);
    if (!x) cache.set(s, (x = await value(s)));
    return x;
  };
  const base = await get(0);
  const runs = base.length;
  const perRun = Array.from({ length: k }, () => new Float64Array(runs));
  // Per permutation means, for the permutation part of the error.
  const permMeans = Array.from({ length: k }, () => new Float64Array(permutations));
  for (let p = 0; p < permutations; p++) {
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let s = 0;
    let prev = base;
    for (const a of order) {
      s |= 1 << a;
      const cur = await get(s);
      let m = 0;
      for (let r = 0; r < runs; r++) {
        const d = cur[r] - prev[r];
        perRun[a][r] += d / permutations;
        m += d;
      }
      permMeans[a][p] = m / runs;
      prev = cur;
    }
  }
  // The error of the mean over runs of a permutation average: permutations and runs both vary,
  // so it is taken from the spread of the per-permutation means (which include the runs' noise).
  const mean = perRun.map((x, a) => ({ value: meanSe(x).value, se: meanSe(permMeans[a]).se }));
  return { perRun, mean, exact: false, evaluated: cache.size };
}

/** The scenario with only the actions in `s` (actions: interventions first, then substitutions). */
export function coalitionInput(input: Record<string, unknown>, s: Coalition): Record<string, unknown> {
  const ivs = (input.interventions as unknown[] | undefined) ?? [];
  const subs = (input.substitution as unknown[] | undefined) ?? [];
  const out = structuredClone(input);
  out.interventions = ivs.filter((_, i) => s & (1 << i));
  out.substitution = subs.filter((_, j) => s & (1 << (ivs.length + j)));
  return out;
}

/** The actions of a scenario with who pays for each (interventions) or whose care moves (substitutions). */
export function actionsOf(input: Record<string, unknown>): { id: string; name: string; kind: 'intervention' | 'substitution' }[] {
  const ivs = ((input.interventions as { id: string; name: string }[] | undefined) ?? []).map((x) => ({ id: x.id, name: x.name, kind: 'intervention' as const }));
  const subs = ((input.substitution as { id: string; name: string }[] | undefined) ?? []).map((x) => ({ id: x.id, name: x.name, kind: 'substitution' as const }));
  return [...ivs, ...subs];
}

/** Who carries out each action, as shares: an intervention's payer(s); a substitution's receiving line's provider (or its payer when no provider bills it). */
export function carriersOf(input: Record<string, unknown>): Record<string, number>[] {
  const ivs = (input.interventions as { payer?: string | Record<string, number> }[] | undefined) ?? [];
  const subs = (input.substitution as { to: Line }[] | undefined) ?? [];
  const parties = (input.financing as { parties?: { intermediateProvider?: string } } | undefined)?.parties;
  return [
    ...ivs.map((x) => (typeof x.payer === 'string' ? { [x.payer]: 1 } : x.payer && typeof x.payer === 'object' ? { ...x.payer } : { insurer: 1 })),
    ...subs.map((x) => {
      const f = LINE_FACTS[x.to];
      const who = f.provider === 'intermediateProvider' ? (parties?.intermediateProvider ?? 'hospital') : (f.provider ?? f.payer);
      return { [who]: 1 };
    }),
  ];
}

export interface ScenarioShapley {
  actions: { id: string; name: string; kind: 'intervention' | 'substitution'; carriers: Record<string, number> }[];
  /** Per action: its share of the saving over the horizon (cf.total − sc.total, net of intervention cost), euros. */
  values: { value: number; se: number }[];
  /** The saving with every action: mean and its Monte Carlo error. */
  total: { value: number; se: number };
  /** Per party: the sum of the actions it carries (by their shares). */
  byParty: Record<string, number>;
  exact: boolean;
  permutations: number;
  evaluated: number;
  runs: number;
}

/**
 * The Shapley split of the scenario's saving over the horizon: every coalition of actions
 * simulated on the same seed (common random numbers), exact up to 8 actions, else `permutations`
 * sampled orders. `simulate` turns a coalition's scenario into per-run savings.
 */
export async function scenarioShapley(
  input: Record<string, unknown>,
  simulate: (coalition: Record<string, unknown>) => Float64Array,
  opts: { permutations?: number; onProgress?: (done: number, planned: number) => void } = {},
): Promise<Omit<ScenarioShapley, 'runs'>> {
  const acts = actionsOf(input);
  const k = acts.length;
  if (k === 0) throw new RangeError('the scenario has no interventions or substitutions to split the saving over');
  const carriers = carriersOf(input);
  const permutations = opts.permutations ?? 200;
  const planned = k <= 8 ? 2 ** k : Math.min(2 ** k, permutations * k + 1);
  let done = 0;
  const value: CoalitionValue = (s) => {
    const v = simulate(coalitionInput(input, s));
    opts.onProgress?.(++done, Math.max(planned, done));
    return v;
  };
  const res = k <= 8 ? await shapleyExact(k, value) : await shapleySampled(k, value, permutations);
  const all = Float64Array.from(res.perRun[0], (_, r) => res.perRun.reduce((t, x) => t + x[r], 0));
  const byParty: Record<string, number> = {};
  res.mean.forEach((m, a) => {
    for (const [p, w] of Object.entries(carriers[a])) byParty[p] = (byParty[p] ?? 0) + w * m.value;
  });
  return {
    actions: acts.map((a, i) => ({ ...a, carriers: carriers[i] })),
    values: res.mean,
    total: meanSe(all),
    byParty,
    exact: res.exact,
    permutations: res.exact ? 0 : permutations,
    evaluated: res.evaluated,
  };
}

/** A coalition's saving over the horizon per run (cf.total − sc.total), simulated from `runs` runs of its scenario. */
export function coalitionSaving(runs: number): (coalition: Record<string, unknown>) => Float64Array {
  return (coalition) => {
    // Only the care matters: the financing section is dropped (a contract cannot refer to a missing action).
    const v = validateScenario({ ...coalition, financing: undefined, simulation: { ...(coalition.simulation as object), varianceSplitRuns: 0 } });
    if (!v.ok) throw new RangeError(formatErrors(v.errors));
    const b = simulateBlock(compile(v.scenario), 0, runs, 'aggregate');
    const cf = b.cols[b.names.indexOf('cf.total')];
    const sc = b.cols[b.names.indexOf('sc.total')];
    return Float64Array.from({ length: runs }, (_, r) => {
      let t = 0;
      for (let y = 0; y < b.years; y++) t += cf[r * b.years + y] - sc[r * b.years + y];
      return t;
    });
  };
}
