// npm run bench:core [-- --runs N]
// The engine per core against a vectorised numpy script doing the same work (the default
// scenario's care-use core: no interventions, substitution, parameter uncertainty, contracts or
// twin runs), and against the generator's own limit: the draws that work needs, timed alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { validateScenario } from '../models/pipeline/validate';
import { compile } from '../models/pipeline/compile';
import { simulateBlock } from '../models/simulation/block';
import { makeLayout, allocBlock, blockColumns, column } from '../models/simulation/columns';
import { RunSimulator } from '../models/simulation/simulate';
import { aggregateSegmentYear } from '../models/simulation/aggregate';
import type { SegmentYearPlan } from '../models/simulation/plan';
import { streamFor } from '../models/random/rng';
import { makeSamplers } from '../models/random/samplers';

export interface CoreResult {
  runs: number;
  engineS: number;
  numpyS: number | null;
  drawLimitS: number;
  engineMeans: number[];
  numpyMeans: number[] | null;
}

export function coreInput(): unknown {
  const input = JSON.parse(readFileSync(new URL('../scenarios/default.json', import.meta.url), 'utf8'));
  input.interventions = [];
  input.substitution = [];
  delete input.financing;
  delete input.correlations;
  input.simulation.parameterUncertainty = false;
  input.simulation.varianceSplitRuns = 0;
  return input;
}

export function benchCore(runs: number): CoreResult {
  const v = validateScenario(coreInput());
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
      plans.push({ year: Math.floor(call++ / perYear), plan: structuredClone({ ...plan, lines: plan.lines.map((l) => l && { lambda: l.lambda, k: l.k, mu: l.mu, alpha: l.alpha }) }) as SegmentYearPlan });
      aggregateSegmentYear(plan, base, t);
    };
    sim.run(0, block, 0);
  }
  const t0 = performance.now();
  const block = simulateBlock(model, 0, runs);
  const engineS = (performance.now() - t0) / 1000;
  const cf = column(block, 'cf.total');
  const engineMeans = Array.from({ length: model.horizon }, (_, y) => {
    let s = 0;
    for (let r = 0; r < runs; r++) s += cf[r * model.horizon + y];
    return s / runs;
  });

  // The generator's limit: the same number and kind of draws, timed without the model around them.
  const rng = makeSamplers(streamFor('bench', 0, 'draws'));
  let gammas = 0;
  let poissons = 0;
  let binomials = 0;
  let lognormals = 0;
  for (const { plan } of plans) {
    for (const l of plan.lines) if (l) (gammas += 2), poissons++;
    if (plan.highCost) (binomials += 1), (lognormals += plan.n * plan.highCost.rate);
  }
  const buf = new Float64Array(Math.ceil(lognormals / plans.length) * 4 + 16);
  const d0 = performance.now();
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    for (const { plan } of plans) {
      for (const l of plan.lines) if (l) sink += rng.gamma(plan.n * (l.k === Infinity ? 1 : l.k), 1) + rng.poisson(plan.n * l.lambda) + rng.gamma(plan.n * l.lambda * (l.alpha === Infinity ? 1 : l.alpha), 1);
      if (plan.highCost) {
        const m = rng.binomial(plan.n, plan.highCost.rate);
        rng.fillLognormal(buf, Math.min(m, buf.length), plan.highCost.mu, plan.highCost.sigma);
        sink += buf[0];
      }
    }
  }
  const drawLimitS = (performance.now() - d0) / 1000;
  if (!Number.isFinite(sink)) throw new Error('draws went wrong');

  // Only the first simulated years' plans that the run records (pre-contract years included).
  const dir = mkdtempSync(join(tmpdir(), 'proeftuin-bench-'));
  const file = join(dir, 'plans.json');
  const fin = (x: number) => (Number.isFinite(x) ? x : null);
  writeFileSync(file, JSON.stringify(plans.map(({ year, plan }) => ({ year, n: plan.n, lines: plan.lines.map((l) => l && { lambda: l.lambda, k: fin(l.k), mu: l.mu, alpha: fin(l.alpha) }), highCost: plan.highCost && { rate: plan.highCost.rate, mu: plan.highCost.mu, sigma: plan.highCost.sigma } }))));
  const py = spawnSync('python3', [new URL('./numpy-core.py', import.meta.url).pathname, file, String(runs)], { encoding: 'utf8' });
  let numpyS: number | null = null;
  let numpyMeans: number[] | null = null;
  if (py.status === 0) {
    const out = JSON.parse(py.stdout) as { seconds: number; meanTotal: number[] };
    numpyS = out.seconds;
    // The engine records the last `horizon` simulated years (after the pre-contract years).
    numpyMeans = out.meanTotal.slice(out.meanTotal.length - model.horizon);
  }
  return { runs, engineS, numpyS, drawLimitS, engineMeans, numpyMeans };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string' } } });
  const r = benchCore(Number(values.runs ?? 5000));
  const f = (x: number) => x.toFixed(2);
  console.log(`care-use core, ${r.runs} runs, one thread: engine ${f(r.engineS)} s; generator limit for the same draws ${f(r.drawLimitS)} s (engine / limit ${(r.engineS / r.drawLimitS).toFixed(2)}×)`);
  if (r.numpyS === null) console.log('numpy: python3 with numpy not found, row skipped');
  else {
    console.log(`numpy (vectorised, all runs at once) ${f(r.numpyS)} s: engine throughput ${(r.numpyS / r.engineS).toFixed(2)}× numpy's`);
    const rel = r.engineMeans.map((m, y) => (m - r.numpyMeans![y]) / m);
    console.log(`mean total cost, engine vs numpy, relative difference per year: ${rel.map((x) => (100 * x).toFixed(2) + '%').join(' ')}`);
  }
}
