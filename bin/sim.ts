// Headless runner: npm run sim -- <scenario.json> [--runs N] [--seed S] [--workers W]
//   [--mode aggregate|person] [--out results.json] [--samples samples.csv]
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { validateScenario, formatErrors } from '../models/scenario/validate';
import { compile } from '../models/simulation/compile';
import { summarize } from '../models/summary/summarize';
import { runOnWorkers, runUntilPrecise, type Progress } from '../models/runner/runner';
import { resultsFile } from '../models/runner/results';
import { nodeWorkers } from '../workers/nodePool';
import { formatSummary } from './format';
import { formatFinancingTable } from '../models/finance/summary';
import { writeSamplesCsv } from './samplesCsv';
import { encodeShard, parseShard, shardRange } from '../models/runner/shard';
import { scenarioHash } from '../models/scenario/hash';
import { goalInput, goalMetric, seekGoal, type GoalSpec } from '../models/analysis/goals';
import { keyErrors, preciseEnough } from '../models/analysis/precision';
import type { Scenario } from '../models/scenario/schema';
import type { Model } from '../models/simulation/compile';

const USAGE =
  'usage: npm run sim -- <scenario.json> [--runs N] [--seed S] [--workers W] [--mode aggregate|person] [--out results.json] [--samples samples.csv]\n' +
  '       [--precision SE [--max-runs N]]   add runs until the Monte Carlo SE of the last year\'s mean reduction is at most SE (a fraction, e.g. 0.0002)\n' +
  '       [--goal <parameter path> [--goal-prob 0.8] [--goal-range lo,hi]]   smallest value of the parameter at which P(reduction ≥ target) in the last year reaches the goal\n' +
  '       [--shard i/n --out shard-i.bin]   only the i-th of n equal shares of the runs, for npm run merge (same numbers as one run of all)\n' +
  '       [--goal-population <population model id> [--goal-es-share 0.05] [--goal-year Y] [--goal-range lo,hi]]   smallest population at which the integrator\'s expected shortfall (worst 5% of runs) in contract year Y (1 = first, default) is at most that share of its budget';

function fail(code: number, msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(code);
}

/** Writes through a temporary file and renames, so a failed run never leaves a half-written file. */
async function atomically(path: string, write: (tmp: string) => Promise<void> | void) {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await write(tmp);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

async function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        runs: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        mode: { type: 'string' },
        out: { type: 'string' },
        samples: { type: 'string' },
        goal: { type: 'string' },
        precision: { type: 'string' },
        'max-runs': { type: 'string' },
        'goal-prob': { type: 'string' },
        'goal-range': { type: 'string' },
        'goal-population': { type: 'string' },
        'goal-es-share': { type: 'string' },
        'goal-year': { type: 'string' },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(64, `${(e as Error).message}\n${USAGE}`);
  }
  const { values: o, positionals } = args;
  if (o.help) fail(0, USAGE);
  if (positionals.length !== 1) fail(64, USAGE);
  const whole = (name: string, v: string | undefined, min: number, max: number) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) fail(64, `--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const runs = whole('runs', o.runs, 1, 1_000_000);
  const workers = whole('workers', o.workers, 1, 64) ?? Math.min(2, availableParallelism());
  const mode = o.mode ?? 'aggregate';
  if (mode !== 'aggregate' && mode !== 'person') fail(64, '--mode must be aggregate or person');

  let input: unknown;
  try {
    input = JSON.parse(readFileSync(positionals[0], 'utf8'));
  } catch (e) {
    fail(2, `${positionals[0]}: ${(e as Error).message}`);
  }
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const sim = ((input as Record<string, unknown>).simulation ??= {}) as Record<string, unknown>;
    if (sim && typeof sim === 'object') {
      if (runs !== undefined) sim.runs = runs;
      if (o.seed !== undefined) sim.seed = o.seed;
    }
  }
  const v = validateScenario(input);
  if (!v.ok) fail(2, `${positionals[0]} is not a valid scenario:\n${formatErrors(v.errors)}`);
  const scenario = v.scenario;
  const total = scenario.simulation.runs;
  if (o.shard !== undefined) {
    if (!o.out) fail(64, '--shard needs --out (the shard file for npm run merge)');
    if (o.precision !== undefined || o.goal || o['goal-population'] || o.samples) fail(64, '--shard cannot be combined with --precision, --goal, --goal-population or --samples');
    let shard;
    try {
      shard = parseShard(o.shard);
    } catch (e) {
      fail(64, (e as Error).message);
    }
    await writeShard(scenario, shard, o.out, workers, mode);
    return;
  }

  const pool = nodeWorkers(workers);
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\ncancelling: finishing the runs in progress…\n');
    controller.abort();
  });
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  const onProgress = (p: Progress) => {
    const pctDone = Math.floor((100 * p.done) / p.total);
    const eta = Number.isFinite(p.etaMs) ? `, ${(p.etaMs / 1000).toFixed(1)} s left` : '';
    if (tty) process.stderr.write(`\r${p.done}/${p.total} runs (${pctDone}%)${eta}   `);
    else if (Math.floor(pctDone / 10) > lastDecile) {
      lastDecile = Math.floor(pctDone / 10);
      process.stderr.write(`${p.done}/${p.total} runs (${pctDone}%)${eta}\n`);
    }
  };
  process.stderr.write(`${scenario.meta.title}: ${total} runs on ${workers} worker(s), ${mode} mode\n`);
  const precision = o.precision === undefined ? undefined : Number(o.precision);
  if (precision !== undefined && !(precision > 0)) fail(64, '--precision must be a positive number (a fraction, e.g. 0.0002)');
  const maxRuns = whole('max-runs', o['max-runs'], 1, 1_000_000) ?? 100_000;
  let result;
  try {
    if (precision === undefined) result = await runOnWorkers(pool, scenario, { mode, signal: controller.signal, onProgress });
    else {
      result = await runUntilPrecise(pool, scenario, {
        mode,
        signal: controller.signal,
        onProgress,
        initialRuns: Math.min(total, maxRuns),
        batchRuns: Math.max(100, Math.ceil(total / 2)),
        maxRuns,
        preciseEnough: async (b) => {
          const e = keyErrors(b, scenario.simulation.targetReduction);
          process.stderr.write(`${e.runs} runs: SE of the mean reduction ${(100 * e.reductionMean).toFixed(4)} percentage points\n`);
          return preciseEnough(e, { reductionMean: precision });
        },
      });
      if (!result.precise) process.stderr.write(`stopped at --max-runs ${maxRuns} before reaching the precision\n`);
    }
  } finally {
    pool.forEach((w) => w.terminate());
  }
  if (tty) process.stderr.write('\n');
  process.stderr.write(`${result.block.runs} runs in ${(result.elapsedMs / 1000).toFixed(2)} s${result.cancelled ? ' (cancelled: partial results)' : ''}\n`);

  const model = compile(scenario);
  const summary = summarize(model, result.block);
  if (o.goal) await seekParameter(o.goal, o['goal-prob'], o['goal-range'], scenario, model, workers);
  if (o['goal-population']) {
    const id = o['goal-population'];
    const fm = model.financing.models.find((m) => m.id === id);
    if (!fm || fm.kind !== 'population') fail(64, `--goal-population: no population-based payment model "${id}" (models: ${model.financing.models.map((m) => m.id).join(', ')})`);
    const share = o['goal-es-share'] === undefined ? 0.05 : Number(o['goal-es-share']);
    if (!(share > 0 && share < 1)) fail(64, '--goal-es-share must be between 0 and 1 (e.g. 0.05 for 5% of the budget)');
    const year = (whole('goal-year', o['goal-year'], 1, scenario.simulation.horizonYears) ?? 1) - 1;
    const [lo, hi] = o['goal-range'] ? o['goal-range'].split(',').map(Number) : [1_000, 2_000_000];
    if (!(lo >= 1 && hi > lo)) fail(64, '--goal-range lo,hi must be two populations with lo < hi');
    await runSeek({ kind: 'population', model: id, maxShare: share, lo, hi, year }, scenario, workers, (x) => `${Math.round(x).toLocaleString('en')} insured`, 'the integrator\'s ES95 / budget');
  }
  process.stdout.write(`${formatSummary(scenario.meta.title, summary)}\n${formatFinancingTable(summary.financing)}\n`);
  if (o.out) {
    const file = await resultsFile(scenario, summary, { mode, runsRequested: total, cancelled: result.cancelled });
    await atomically(o.out, (tmp) => writeFileSync(tmp, JSON.stringify(file, null, 2)));
    process.stderr.write(`results written to ${o.out}\n`);
  }
  if (o.samples) {
    const paths = model.registry.slots.map((s) => s.path);
    await atomically(o.samples, (tmp) => writeSamplesCsv(tmp, result.block, paths, scenario.simulation.startYear));
    process.stderr.write(`samples written to ${o.samples}\n`);
  }
}

/** Runs one shard of the study and writes its columns for `npm run merge`. */
async function writeShard(scenario: Scenario, shard: { index: number; of: number }, out: string, workers: number, mode: 'aggregate' | 'person') {
  const total = scenario.simulation.runs;
  const [firstRun, runs] = shardRange(total, shard.index, shard.of);
  const pool = nodeWorkers(workers);
  let result;
  try {
    result = await runOnWorkers(pool, scenario, { mode, firstRun, runs });
  } finally {
    pool.forEach((w) => w.terminate());
  }
  const bytes = encodeShard({ scenarioHash: await scenarioHash(scenario), seed: scenario.simulation.seed, mode, total, scenario }, result.block);
  await atomically(out, (tmp) => writeFileSync(tmp, bytes));
  process.stderr.write(`shard ${shard.index + 1}/${shard.of}: runs ${firstRun + 1}–${firstRun + runs} of ${total} written to ${out}\n`);
}

/** Goal seeking over a parameter: smallest value with P(reduction ≥ target) in the last year ≥ the goal. */
async function seekParameter(path: string, probText: string | undefined, rangeText: string | undefined, scenario: Scenario, model: Model, workers: number) {
  const slot = model.registry.slots.find((s) => s.path === path);
  if (!slot) fail(64, `--goal: no parameter at "${path}"`);
  const goal = probText === undefined ? 0.8 : Number(probText);
  if (!(goal > 0 && goal < 1)) fail(64, '--goal-prob must be between 0 and 1');
  const [lo, hi] = rangeText ? rangeText.split(',').map(Number) : [slot.lo, slot.hi];
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) fail(64, '--goal-range lo,hi is needed for a parameter without finite limits');
  await runSeek({ kind: 'parameter', path, probability: goal, lo, hi }, scenario, workers, (x) => `${path} = ${x.toFixed(4)}`, 'P(reduction ≥ target)');
}

/** Runs a goal search on a fresh pool of workers: every step re-runs the scenario with the same seed (common random numbers). */
async function runSeek(spec: GoalSpec, scenario: Scenario, workers: number, label: (x: number) => string, output: string) {
  const pool = nodeWorkers(workers);
  const pct = (v: number) => `${(100 * v).toFixed(2)}%`;
  try {
    const res = await seekGoal(spec, async (x) => {
      const r = await runOnWorkers(pool, goalInput(scenario, spec, x));
      const e = goalMetric(r.block, spec, scenario.simulation.targetReduction);
      process.stderr.write(`  ${label(x)}: ${output} = ${pct(e.value)} ± ${pct(e.se)}\n`);
      return e;
    });
    process.stdout.write(
      res.reachable
        ? `goal: ${label(res.value)} (90% interval ${label(res.low)} to ${label(res.high)}) gives ${output} = ${pct(res.output)} ± ${pct(res.se)}\n`
        : `goal: ${res.message}\n`,
    );
  } finally {
    pool.forEach((w) => w.terminate());
  }
}

main().catch((e: unknown) => fail(1, `error: ${e instanceof Error ? e.message : String(e)}`));
