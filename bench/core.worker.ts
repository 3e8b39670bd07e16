// Child process for bench:core, bundled like the simulation workers (tsx's output calls every
// imported binding through a getter and wraps closures in naming calls, which made the engine
// run about 2.5 times slower than the code the browser and the CLI run). A process of its own so
// that its CPU time can be read apart from the parent's. Answers the parent's requests one at a
// time, so that the parent can interleave engine, generator limit and numpy repetitions.
import { readFileSync } from 'node:fs';
import { validateScenario } from '../models/pipeline/validate';
import { compile } from '../models/pipeline/compile';
import { simulateBlock } from '../models/simulation/block';
import { makeLayout, allocBlock, blockColumns, column } from '../models/simulation/columns';
import { RunSimulator } from '../models/simulation/simulate';
import { aggregateSegmentYear } from '../models/simulation/aggregate';
import type { SegmentYearPlan } from '../models/simulation/plan';
import { streamFor } from '../models/random/rng';
import { makeSamplers } from '../models/random/samplers';

export type CoreRequest = { kind: 'plans' } | { kind: 'engine'; runs: number } | { kind: 'limit'; runs: number };
export interface PlanRow {
  year: number;
  n: number;
  lines: ({ lambda: number; k: number | null; mu: number; alpha: number | null } | null)[];
  highCost: { rate: number; mu: number; sigma: number } | null;
}

/** The default scenario's care-use core: no interventions, substitution, parameter uncertainty, contracts or twin runs. */
export function coreInput(scenarioPath: string): unknown {
  const input = JSON.parse(readFileSync(scenarioPath, 'utf8'));
  input.interventions = [];
  input.substitution = [];
  delete input.financing;
  delete input.correlations;
  input.simulation.parameterUncertainty = false;
  input.simulation.varianceSplitRuns = 0;
  return input;
}

const v = validateScenario(coreInput(process.argv[2]));
if (!v.ok) throw new Error('core scenario invalid');
const model = compile(v.scenario);

// The plans of one run (the same in every run without parameter uncertainty), in simulation order.
const plans: { year: number; plan: SegmentYearPlan }[] = [];
{
  const layout = makeLayout(model.excessThresholds.length);
  const block = allocBlock(blockColumns(model, layout), 0, 1, model.horizon, model.registry.slots.length);
  const sim = new RunSimulator(model, layout, 'aggregate');
  let call = 0;
  const perYear = model.segments.length;
  (sim as unknown as { segYear: typeof aggregateSegmentYear }).segYear = (plan, base, t) => {
    plans.push({
      year: Math.floor(call++ / perYear),
      plan: structuredClone({ ...plan, lines: plan.lines.map((l) => l && { lambda: l.lambda, k: l.k, mu: l.mu, alpha: l.alpha }) }) as SegmentYearPlan,
    });
    aggregateSegmentYear(plan, base, t);
  };
  sim.run(0, block, 0);
}

/** Wall and CPU seconds of f (CPU: this process's user + system time, its GC threads included). */
export interface Timed {
  wall: number;
  cpu: number;
}
function timed(f: () => void): Timed {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6 };
}

function engine(runs: number): { time: Timed; means: number[] } {
  let block!: ReturnType<typeof simulateBlock>;
  const time = timed(() => (block = simulateBlock(model, 0, runs)));
  const cf = column(block, 'cf.total');
  const means = Array.from({ length: model.horizon }, (_, y) => {
    let s = 0;
    for (let r = 0; r < runs; r++) s += cf[r * model.horizon + y];
    return s / runs;
  });
  return { time, means };
}

/** The generator's limit: the same number and kind of draws, timed without the model around them. */
function limit(runs: number): Timed {
  const rng = makeSamplers(streamFor('bench', 0, 'draws'));
  let lognormals = 0;
  for (const { plan } of plans) if (plan.highCost) lognormals += plan.n * plan.highCost.rate;
  const buf = new Float64Array(Math.ceil(lognormals / plans.length) * 4 + 16);
  let sink = 0;
  const time = timed(() => {
    for (let r = 0; r < runs; r++) {
      for (const { plan } of plans) {
        for (const l of plan.lines)
          if (l) sink += rng.gamma(plan.n * (l.k === Infinity ? 1 : l.k), 1) + rng.poisson(plan.n * l.lambda) + rng.gamma(plan.n * l.lambda * (l.alpha === Infinity ? 1 : l.alpha), 1);
        if (plan.highCost) {
          const m = rng.binomial(plan.n, plan.highCost.rate);
          rng.fillLognormal(buf, Math.min(m, buf.length), plan.highCost.mu, plan.highCost.sigma);
          sink += buf[0];
        }
      }
    }
  });
  if (!Number.isFinite(sink)) throw new Error('draws went wrong');
  return time;
}

const fin = (x: number) => (Number.isFinite(x) ? x : null);
process.on('message', (req: CoreRequest) => {
  if (req.kind === 'plans') {
    const rows: PlanRow[] = plans.map(({ year, plan }) => ({
      year,
      n: plan.n,
      lines: plan.lines.map((l) => l && { lambda: l.lambda, k: fin(l.k), mu: l.mu, alpha: fin(l.alpha) }),
      highCost: plan.highCost && { rate: plan.highCost.rate, mu: plan.highCost.mu, sigma: plan.highCost.sigma },
    }));
    process.send!({ rows, horizon: model.horizon });
  } else if (req.kind === 'engine') process.send!(engine(req.runs));
  else process.send!(limit(req.runs));
});
