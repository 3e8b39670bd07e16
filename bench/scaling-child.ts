// One configuration of bench/scaling.ts, in its own process so that its peak memory is its own.
//   tsx bench/scaling-child.ts '{"population":170000,"horizon":10,"contracts":7,"runs":200}'
//   tsx bench/scaling-child.ts '{"runs":10000,"workers":2}'   (the default scenario, all columns kept)
import { readFileSync } from 'node:fs';
import { validateScenario } from '../models/pipeline/validate';
import { compile } from '../models/pipeline/compile';
import { simulateBlock } from '../models/simulation/block';
import { runOnWorkers } from '../models/runner/runner';
import { nodeWorkers } from '../workers/nodePool';

const cfg = JSON.parse(process.argv[2]) as { population?: number; horizon?: number; contracts?: number; runs: number; workers?: number };
const input = JSON.parse(readFileSync(new URL('../scenarios/default.json', import.meta.url), 'utf8'));
if (cfg.population !== undefined) input.region.population = cfg.population;
if (cfg.horizon !== undefined) input.simulation.horizonYears = cfg.horizon;
if (cfg.contracts !== undefined) {
  const models = input.financing.models as { id: string; name: string }[];
  input.financing.models = Array.from({ length: cfg.contracts }, (_, i) => ({
    ...structuredClone(models[i % models.length]),
    id: `${models[i % models.length].id}-${i}`,
    name: `${models[i % models.length].name} ${i}`,
  }));
}
input.simulation.varianceSplitRuns = 0;
const v = validateScenario(input);
if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
let ms: number;
if (cfg.workers) {
  const pool = nodeWorkers(cfg.workers);
  const r = await runOnWorkers(pool, v.scenario, { runs: cfg.runs });
  pool.forEach((w) => w.terminate());
  ms = r.elapsedMs;
} else {
  const model = compile(v.scenario);
  simulateBlock(model, 0, Math.min(20, cfg.runs));
  const t0 = performance.now();
  simulateBlock(model, 0, cfg.runs);
  ms = performance.now() - t0;
}
process.stdout.write(JSON.stringify({ msPerRun: ms / cfg.runs, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
