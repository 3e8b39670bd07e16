// Bench worker (bundled like the simulation workers): the analyses' cost against the simulation's,
// both in this thread, for the default scenario. The analyses are the summaries (statistics,
// sensitivity for every output, detectability, financing risk, variance splits) plus the second
// random replicate the variance split simulates for the first `varianceSplitRuns` runs.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { validateScenario } from '../models/scenario/validate';
import { compile } from '../models/simulation/compile';
import { simulateBlock } from '../models/simulation/block';
import { summarize } from '../models/summary/summarize';

const { runs, scenarioPath } = workerData as { runs: number; scenarioPath: string };
const input = JSON.parse(readFileSync(scenarioPath, 'utf8'));
const modelOf = (inp: unknown) => {
  const v = validateScenario(inp);
  if (!v.ok) throw new Error('invalid');
  return compile(v.scenario);
};
const cpu = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const x = f();
  return [x, performance.now() - t0];
};
const model = modelOf(input);
const plain = modelOf({ ...input, simulation: { ...input.simulation, varianceSplitRuns: 0 } });
simulateBlock(plain, 0, 200);
summarize(model, simulateBlock(model, 0, 200));
// Each simulation twice, alternating, keeping the faster: the difference of two long timings is
// otherwise at the mercy of whatever else the machine does.
const [, plain1] = cpu(() => simulateBlock(plain, 0, runs));
const [, full1] = cpu(() => simulateBlock(model, 0, runs));
const [, plain2] = cpu(() => simulateBlock(plain, 0, runs));
const [b, full2] = cpu(() => simulateBlock(model, 0, runs));
const simPlain = Math.min(plain1, plain2);
const simFull = Math.min(full1, full2);
const [, sum] = cpu(() => summarize(model, b));
parentPort!.postMessage({ simPlain, simFull, sum });
