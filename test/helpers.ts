import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateScenario } from '../models/pipeline/validate';
import { formatErrors } from '../models/core/issues';
import type { Scenario, ScenarioInput } from '../models/scenario/schema';
import { compile, type Model } from '../models/pipeline/compile';
import { simulateBlock } from '../models/simulation/block';
import { column, type RunBlock } from '../models/simulation/columns';
import type { Mode } from '../models/simulation/simulate';
import { summarizeFinancing } from '../models/summary/financing';

export const root = fileURLToPath(new URL('..', import.meta.url));

export function readJson(rel: string): unknown {
  return JSON.parse(readFileSync(new URL(`../${rel}`, import.meta.url), 'utf8'));
}

export function defaultInput(): ScenarioInput {
  return readJson('scenarios/default.json') as ScenarioInput;
}

export function valid(input: unknown): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.scenario;
}

/** A small two-segment region with every number fixed, for exact and statistical checks. */
export function smallInput(over: { population?: number; seed?: string; horizon?: number } = {}): ScenarioInput {
  const line = (contacts: number, k: number, cost: number, cv: number) => ({ contacts, dispersion: k, costPerContact: cost, costCV: cv });
  return {
    version: 3,
    meta: { title: 'small test region' },
    simulation: { runs: 100, horizonYears: over.horizon ?? 3, startYear: 2027, seed: over.seed ?? 'test', varianceSplitRuns: 0 },
    region: {
      population: over.population ?? 300,
      segments: [
        {
          id: 'a',
          name: 'a',
          share: 0.7,
          lines: { gp: line(3, 1.5, 30, 0.6), hospital: line(0.8, 0.5, 700, 1.8), pharmacy: line(5, 1, 25, 1.2) },
          highCost: { rate: 0.01, severity: { mean: 30000, cv: 1.2 } },
        },
        {
          id: 'b',
          name: 'b',
          share: 0.3,
          lines: { gp: line(8, 2, 35, 0.6), intermediate: line(0.1, 0.8, 180, 0.5), hospital: line(3, 1, 900, 2), selfcare: line(1, 1, 20, 0.5) },
          highCost: { rate: 0.04, severity: { median: 20000, p99: 150000 } },
        },
      ],
    },
    lines: { hospital: { trend: 0.03 }, gp: { trend: 0.02 } },
    benchmark: { preContractYears: 2, trend: 0.03 },
    substitution: [
      {
        id: 'sub',
        name: 'hospital to 1.5',
        from: 'hospital',
        to: 'intermediate',
        segments: [],
        eligible: 0.3,
        maxShift: 0.6,
        uptake: { startYear: 0, midpointYears: 1, steepness: 1.5 },
        costPerContact: 180,
        costCV: 0.5,
        additionality: 0.3,
        refill: 0.2,
      },
    ],
    interventions: [
      {
        id: 'iv',
        name: 'fewer hospital contacts',
        segments: ['b'],
        startYear: 0,
        reach: { max: 0.6, rampYears: 2 },
        lagYears: 0,
        effects: { contacts: { hospital: 0.2, gp: 0.1 }, price: { pharmacy: 0.05 }, highCostRate: 0.3, quality: 4 },
        cost: { oneOff: 1000, perYear: 500, perParticipant: 50 },
        payer: { gp: 0.5, insurer: 0.5 },
      },
    ],
  };
}

export function run(input: unknown, runs: number, mode: Mode = 'aggregate', firstRun = 0, opts: { excessThresholds?: number[] } = {}): { model: Model; block: RunBlock } {
  const model = compile(valid(input), opts);
  return { model, block: simulateBlock(model, firstRun, runs, mode) };
}

/** Slow and obvious: contract `id` of `s` with `set` applied, validated, compiled and simulated from scratch for `runs` runs; its financing summary. */
export function runNormally(s: Scenario, id: string, runs: number, set: (m: Record<string, unknown>) => void) {
  const v = structuredClone(s);
  set(v.financing!.models.find((x) => x.id === id)! as unknown as Record<string, unknown>);
  const model = compile(valid(v));
  return summarizeFinancing(model.financing, simulateBlock(model, 0, runs, 'aggregate')).models.find((x) => x.id === id)!;
}

/** Values of column `name` in year `year` across runs. */
export function yearValues(b: RunBlock, name: string, year: number): Float64Array {
  const c = column(b, name);
  return Float64Array.from({ length: b.runs }, (_, r) => c[r * b.years + year]);
}

/** A block of runs [first, first + runs) whose every value names its column, run and year (and θ its run and slot). */
export function labelledChunk(first: number, runs: number): RunBlock {
  const years = 3;
  const nParams = 2;
  const names = ['a', 'b', 'c'];
  return {
    firstRun: first,
    runs,
    years,
    names,
    cols: names.map((_, i) => Float64Array.from({ length: runs * years }, (_, k) => 1000 * i + 10 * (first + Math.floor(k / years)) + (k % years))),
    params: Float64Array.from({ length: runs * nParams }, (_, k) => first + Math.floor(k / nParams) + (k % nParams) / 10),
    nParams,
  };
}

export function clone<T>(x: T): T {
  return structuredClone(x);
}

/** Paths (into two values) where a number differs in its bits (Object.is: NaN equals NaN, −0 differs from 0). */
export function bitDifferences(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    if (!Object.is(a, b)) out.push(`${path}: ${a} vs ${b}`);
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) bitDifferences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (a !== b) out.push(`${path}: ${String(a)} vs ${String(b)}`);
  return out;
}

/** How many numbers differ bit for bit (Object.is) between two blocks of the same shape (all of them, if the shapes differ). */
export function blockDifferences(a: RunBlock, b: RunBlock): number {
  const total = a.cols.reduce((s, c) => s + c.length, 0) + a.params.length;
  if (a.runs !== b.runs || a.names.join() !== b.names.join()) return total;
  let k = 0;
  const count = (x: Float64Array, y: Float64Array) => {
    if (x.length !== y.length) return (k += Math.max(x.length, y.length));
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) k++;
  };
  a.cols.forEach((c, i) => count(c, b.cols[i]));
  count(a.params, b.params);
  return k;
}

/** A scenario as plain data that a test edits anywhere. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Editable = Record<string, any>;
