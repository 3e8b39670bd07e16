// Bench worker (bundled like the simulation workers): the analyses' cost against the simulation's,
// both in this thread, for the default scenario. The analyses are the summaries (statistics,
// sensitivity for every output, detectability, financing risk, variance splits) plus the second
// random replicate the variance split simulates for the first `varianceSplitRuns` runs.
// Every part has its own stopwatch inside one and the same simulation (the run itself, its twin
// replicate, then the summaries of the block), so no part is a difference of two timings and
// none can come out negative. Repeated `reps` times; the parent reports medians.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { validateScenario } from '../models/pipeline/validate';
import { compile } from '../models/pipeline/compile';
import { simulateBlock } from '../models/simulation/block';
import type { PartTimer } from '../models/simulation/simulate';
import { summarize } from '../models/summary/summarize';

const { runs, reps, scenarioPath } = workerData as { runs: number; reps: number; scenarioPath: string };
const input = JSON.parse(readFileSync(scenarioPath, 'utf8'));
const v = validateScenario(input);
if (!v.ok) throw new Error('invalid');
const model = compile(v.scenario);
summarize(model, simulateBlock(model, 0, 200));
const clock = () => performance.now();
const out: { main: number; twin: number; sum: number; twinRuns: number }[] = [];
for (let k = 0; k < reps; k++) {
  const timer: PartTimer = { clock, main: 0, twin: 0 };
  const b = simulateBlock(model, 0, runs, 'aggregate', undefined, undefined, timer);
  const t0 = clock();
  summarize(model, b);
  out.push({ main: timer.main, twin: timer.twin, sum: clock() - t0, twinRuns: Math.min(runs, model.scenario.simulation.varianceSplitRuns) });
}
parentPort!.postMessage(out);
