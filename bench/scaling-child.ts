// One configuration of bench/scaling.ts, in its own process so that its peak memory is its own.
//   tsx bench/scaling-child.ts '{"population":170000,"horizon":10,"contracts":7,"runs":200}'
//   tsx bench/scaling-child.ts '{"runs":10000,"workers":2}'   (the default scenario run and summarised as the headless runner does:
//   the runs' columns in a temporary file; with "inMemory":true, all held in memory as `--in-memory` does)
import { readFileSync } from 'node:fs';
import { validateScenario } from '../models/pipeline/validate';
import { compile } from '../models/pipeline/compile';
import { simulateBlock } from '../models/simulation/block';
import { runOnWorkers } from '../models/runner/runner';
import { nodeWorkers } from '../workers/nodePool';
import { summarize } from '../models/summary/summarize';
import { fileStore } from '../bin/spillFile';

const cfg = JSON.parse(process.argv[2]) as { population?: number; horizon?: number; contracts?: number; runs: number; workers?: number; inMemory?: boolean };
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
// A size the scenario format refuses (the Netherlands' population with the default's high-cost
// rates exceeds the cases simulated one by one per run) is reported as such, not run around its check.
if (!v.ok) {
  process.stdout.write(JSON.stringify({ refused: v.errors.map((e) => `${e.path}: ${e.message}`).join('; ') }) + '\n');
  process.exit(0);
}
let ms: number;
let summaryMs: number | undefined;
// One thread's CPU time: on a machine shared with other work it is steadier than the wall time.
let cpuMs: number | undefined;
if (cfg.workers) {
  const pool = nodeWorkers(cfg.workers);
  const store = cfg.inMemory ? null : fileStore();
  const r = await runOnWorkers(pool, v.scenario, { runs: cfg.runs, assemble: true, ...(store ? { spill: store } : {}) });
  pool.forEach((w) => w.terminate());
  ms = r.elapsedMs;
  // The summary is part of the peak: the headless runner makes it from all runs at once.
  const t0 = performance.now();
  summarize(compile(v.scenario), r.block);
  summaryMs = performance.now() - t0;
  store?.close();
} else {
  const model = compile(v.scenario);
  simulateBlock(model, 0, Math.min(20, cfg.runs));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  simulateBlock(model, 0, cfg.runs);
  ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpuMs = (c.user + c.system) / 1000;
}
process.stdout.write(
  JSON.stringify({
    msPerRun: ms / cfg.runs,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    ...(summaryMs !== undefined ? { summaryMs } : {}),
    ...(cpuMs !== undefined ? { cpuMsPerRun: cpuMs / cfg.runs } : {}),
  }) + '\n',
);
