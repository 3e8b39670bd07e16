// Headless runner: npm run sim -- <scenario.json> [--runs N] [--seed S] [--workers W]
//   [--mode aggregate|person] [--out results.json] [--samples samples.csv]
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareScenario, type Prepared } from '../models/pipeline/validate';
import { runnable } from '../models/pipeline/runnable';
import { inProcessWorker } from '../models/runner/inProcess';
import type { WorkerHandle } from '../models/runner/runner';
import { summarize } from '../models/summary/summarize';
import { CancelledError, runOnWorkers, runUntilPrecise, type Progress } from '../models/runner/runner';
import { decodeScenarioBytes } from '../models/scenario/text';
import { oneLine, printable } from './safeText';
import { resultsFile } from '../models/runner/results';
import { nodeWorkers } from '../workers/nodePool';
import { cliText, formatFinancingTable, formatSummary } from './format';
import { writeSamplesCsv } from './samplesCsv';
import { fileStore } from './spillFile';
import { atomically } from './atomic';
import { parseShard, shardRange } from '../models/runner/shard';
import { writeShardFile } from './shardFiles';
import { scenarioHash } from '../models/scenario/hash';
import { goalInput, goalMetric, seekGoal, type GoalSpec } from '../models/analysis/goals';
import { keyErrors, preciseEnough } from '../models/analysis/precision';
import type { Scenario } from '../models/scenario/schema';

/**
 * Up to this many runs go in this process unless --workers is given: starting a worker thread
 * (an isolate loading the engine) costs more than the runs (about 2 ms each for the default).
 */
const IN_PROCESS_RUNS = 100;

/** `n` worker threads, or the calling thread itself for 0. */
const poolOf = (n: number): WorkerHandle[] => (n === 0 ? [inProcessWorker()] : nodeWorkers(n));

const USAGE =
  'usage: npm run sim -- <scenario.json> [--runs N] [--seed S] [--workers W] [--mode aggregate|person] [--out results.json] [--samples samples.csv]\n' +
  "       [--precision SE [--max-runs N]]   add runs until the Monte Carlo SE of the last year's mean reduction is at most SE (a fraction, e.g. 0.0002)\n" +
  '       [--goal <parameter path> [--goal-prob 0.8] [--goal-range lo,hi]]   smallest value of the parameter at which P(reduction ≥ target) in the last year reaches the goal\n' +
  '       [--design <contract id> --terms "sharingRate=0:1,msr=0:0.05" [--accept accept.json] [--steps N]]   which terms of one contract every party can sign\n' +
  '       [--voi [--voi-group "path,path"] [--pilot "1000,10000"] [--pilot-cost fixed,perPerson]]   what knowing each uncertain parameter (a group of up to 3, a one-year pilot of n people) is worth to go/no-go and to each party\'s choice of contract\n' +
  "       [--in-memory]   keep every run's columns in memory (about 18 kB per run of the default scenario) instead of in a temporary file that the summary reads back\n" +
  '       [--shard i/n --out shard-i.bin]   only the i-th of n equal shares of the runs, for npm run merge (same numbers as one run of all)\n' +
  "       [--goal-population <population model id> [--goal-es-share 0.05] [--goal-year Y] [--goal-range lo,hi]]   smallest population at which the integrator's expected shortfall (worst 5% of runs) in contract year Y (1 = first, default) is at most that share of its budget";

/** Everything the runner prints goes through here: file text never reaches the terminal raw. */
const err = (msg: string) => void process.stderr.write(printable(msg));
const out = (msg: string) => void process.stdout.write(printable(msg));

function fail(code: number, msg: string): never {
  err(`${msg}\n`);
  process.exit(code);
}

/** Exit code after Ctrl-C or SIGTERM (128 + SIGINT), once the finished runs are written. */
const EXIT_CANCELLED = 130;

/** Refuses an output path whose folder does not exist before any work is done. */
function checkOutPath(option: string, path: string | undefined) {
  if (path === undefined) return;
  const dir = dirname(resolve(path));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // missing: reported below
  }
  if (!isDir) fail(64, `--${option}: the folder ${oneLine(dir)} does not exist`);
}

/** `lo,hi`: exactly two finite numbers with lo < hi, or a refusal naming the option. */
function parseRange(text: string | undefined, what: string): [number, number] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',');
  const [lo, hi] = parts.map((x) => (x.trim() === '' ? NaN : Number(x)));
  if (parts.length !== 2 || !Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) fail(64, `--goal-range must be two ${what} lo,hi with lo < hi (got ${oneLine(text)})`);
  return [lo, hi];
}

/** A number strictly between 0 and 1, or a refusal. */
function fraction(option: string, text: string | undefined, fallback: number, hint: string): number {
  if (text === undefined) return fallback;
  const v = text.trim() === '' ? NaN : Number(text);
  if (!(v > 0 && v < 1)) fail(64, `--${option} must be between 0 and 1${hint} (got ${oneLine(text)})`);
  return v;
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
        design: { type: 'string' },
        terms: { type: 'string' },
        accept: { type: 'string' },
        steps: { type: 'string' },
        voi: { type: 'boolean' },
        'in-memory': { type: 'boolean' },
        'voi-group': { type: 'string' },
        pilot: { type: 'string' },
        'pilot-cost': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(64, `${(e as Error).message}\n${USAGE}`);
  }
  const { values: o, positionals } = args;
  if (o.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (positionals.length !== 1) fail(64, USAGE);
  const file = positionals[0];
  const whole = (name: string, v: string | undefined, min: number, max: number) => {
    if (v === undefined) return undefined;
    const n = v.trim() === '' ? NaN : Number(v);
    if (!Number.isInteger(n) || n < min || n > max) fail(64, `--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const runs = whole('runs', o.runs, 1, 1_000_000);
  const workersAsked = whole('workers', o.workers, 1, 64);
  const mode = o.mode ?? 'aggregate';
  if (mode !== 'aggregate' && mode !== 'person') fail(64, '--mode must be aggregate or person');
  const precision = o.precision === undefined ? undefined : o.precision.trim() === '' ? NaN : Number(o.precision);
  if (precision !== undefined && !(precision > 0 && precision < 1)) fail(64, '--precision must be a positive number below 1 (a fraction, e.g. 0.0002)');
  const maxRuns = whole('max-runs', o['max-runs'], 1, 1_000_000) ?? 100_000;
  if (o['max-runs'] !== undefined && precision === undefined) fail(64, '--max-runs goes with --precision');
  // Goal options are checked before the run, so a typo does not cost the whole run first.
  if (o.goal !== undefined && o['goal-population'] !== undefined) fail(64, '--goal and --goal-population cannot be combined (they share --goal-range)');
  if (o['goal-prob'] !== undefined && o.goal === undefined) fail(64, '--goal-prob goes with --goal');
  if ((o['goal-es-share'] !== undefined || o['goal-year'] !== undefined) && o['goal-population'] === undefined) fail(64, '--goal-es-share and --goal-year go with --goal-population');
  if (o['goal-range'] !== undefined && o.goal === undefined && o['goal-population'] === undefined) fail(64, '--goal-range goes with --goal or --goal-population');
  const goalProb = fraction('goal-prob', o['goal-prob'], 0.8, '');
  const esShare = fraction('goal-es-share', o['goal-es-share'], 0.05, ' (e.g. 0.05 for 5% of the budget)');
  const goalRange = parseRange(o['goal-range'], o['goal-population'] !== undefined ? 'populations' : 'values');
  if (o['goal-population'] !== undefined && goalRange && !(goalRange[0] >= 1)) fail(64, '--goal-range lo,hi must be two populations of at least 1 with lo < hi');
  checkOutPath('out', o.out);
  checkOutPath('samples', o.samples);

  let input: unknown;
  try {
    input = JSON.parse(decodeScenarioBytes(readFileSync(file)));
  } catch (e) {
    fail(2, `${oneLine(file)}: ${(e as Error).message}`);
  }
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const sim = ((input as Record<string, unknown>).simulation ??= {}) as Record<string, unknown>;
    if (sim && typeof sim === 'object') {
      if (runs !== undefined) sim.runs = runs;
      if (o.seed !== undefined) sim.seed = o.seed;
    }
  }
  // Validated and defined once: the workers take the definition.
  const v = prepareScenario(input);
  if (!v.ok) fail(2, `${oneLine(file)} is not a valid scenario:\n${v.errors.map((e) => `${oneLine(e.path)}: ${oneLine(e.message)}`).join('\n')}`);
  const scenario = v.scenario;
  const total = scenario.simulation.runs;
  const workers = workersAsked ?? (total <= IN_PROCESS_RUNS && o.precision === undefined && o.goal === undefined && o['goal-population'] === undefined ? 0 : Math.min(2, availableParallelism()));
  if (o.shard !== undefined) {
    if (!o.out) fail(64, '--shard needs --out (the shard file for npm run merge)');
    if (o.precision !== undefined || o.goal || o['goal-population'] || o.samples) fail(64, '--shard cannot be combined with --precision, --goal, --goal-population or --samples');
    let shard;
    try {
      shard = parseShard(o.shard);
    } catch (e) {
      fail(64, (e as Error).message);
    }
    await writeShard(v, shard, o.out, workersAsked ?? Math.min(2, availableParallelism()), mode);
    return;
  }
  if (o.design !== undefined) {
    const { runDesign, formatDesign } = await import('./design');
    const { DesignError } = await import('../models/analysis/design');
    let d;
    try {
      d = runDesign(scenario, { design: o.design, terms: o.terms, accept: o.accept, steps: whole('steps', o.steps, 2, 41) });
    } catch (e) {
      if (e instanceof DesignError || e instanceof SyntaxError || (e as NodeJS.ErrnoException).code === 'ENOENT') fail(64, oneLine((e as Error).message));
      throw e;
    }
    process.stdout.write(`${formatDesign(d)}\n`);
    if (o.out) await atomically(o.out, (tmp) => writeFileSync(tmp, JSON.stringify(d, null, 2)));
    return;
  }
  if (o.terms !== undefined || o.accept !== undefined || o.steps !== undefined) fail(64, '--terms, --accept and --steps go with --design');
  if (o.voi) {
    const { runVoi, formatVoi } = await import('./voi');
    const { DecisionValueError } = await import('../models/analysis/decisionValue');
    let d;
    try {
      d = runVoi(scenario, { runs, group: o['voi-group'], pilot: o.pilot, pilotCost: o['pilot-cost'] });
    } catch (e) {
      if (e instanceof DecisionValueError) fail(64, oneLine((e as Error).message));
      throw e;
    }
    process.stdout.write(`${formatVoi(d)}\n`);
    if (o.out) await atomically(o.out, (tmp) => writeFileSync(tmp, JSON.stringify(d, null, 2)));
    return;
  }
  if (o['voi-group'] !== undefined || o.pilot !== undefined || o['pilot-cost'] !== undefined) fail(64, '--voi-group, --pilot and --pilot-cost go with --voi');
  const model = runnable(v.definition);
  const title = cliText(scenario.meta.title);

  let goal: { spec: GoalSpec; label: (x: number) => string; output: string } | undefined;
  if (o.goal !== undefined) {
    const path = o.goal;
    const slot = model.registry.slots.find((x) => x.path === path);
    if (!slot) fail(64, `--goal: no parameter at "${oneLine(path)}"`);
    const [lo, hi] = goalRange ?? [slot.lo, slot.hi];
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) fail(64, '--goal-range lo,hi is needed for a parameter without finite limits');
    goal = { spec: { kind: 'parameter', path, probability: goalProb, lo, hi }, label: (x) => `${oneLine(path)} = ${x.toFixed(4)}`, output: 'P(reduction ≥ target)' };
  }
  if (o['goal-population'] !== undefined) {
    const id = o['goal-population'];
    const fm = model.financing.models.find((m) => m.id === id);
    if (!fm || fm.kind !== 'population') fail(64, `--goal-population: no population-based payment model "${oneLine(id)}" (models: ${model.financing.models.map((m) => m.id).join(', ')})`);
    const year = (whole('goal-year', o['goal-year'], 1, scenario.simulation.horizonYears) ?? 1) - 1;
    const [lo, hi] = goalRange ?? [1_000, 2_000_000];
    goal = { spec: { kind: 'population', model: id, maxShare: esShare, lo, hi, year }, label: (x) => `${Math.round(x).toLocaleString('en')} insured`, output: "the integrator's ES95 / budget" };
  }

  // Ctrl-C reaches the runner twice (from the terminal's process group, and passed on by npm and
  // tsx). The first stops the run and the finished runs are written; a further one only makes the
  // runner exit as soon as they are, skipping what is left (the printed summary, a goal search).
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (name: string) => {
    signals++;
    if (signals === 1) {
      err(`\n${name}: cancelling; the finished runs are kept and written\n`);
      controller.abort();
    } else if (signals === 2) err(`${name} again: stopping once the finished runs are written\n`);
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  const pool = poolOf(workers);
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  const onProgress = (p: Progress) => {
    const pctDone = Math.floor((100 * p.done) / p.total);
    const eta = Number.isFinite(p.etaMs) ? `, ${(p.etaMs / 1000).toFixed(1)} s left` : '';
    if (tty) err(`\r${p.done}/${p.total} runs (${pctDone}%)${eta}   `);
    else if (Math.floor(pctDone / 10) > lastDecile) {
      lastDecile = Math.floor(pctDone / 10);
      err(`${p.done}/${p.total} runs (${pctDone}%)${eta}\n`);
    }
  };
  err(`${title}: ${total} runs ${workers === 0 ? 'in this process' : `on ${workers} worker(s)`}, ${mode} mode\n`);
  // The runs' columns go to a temporary file as they arrive and the summary reads them back, so
  // memory does not grow by every run's columns. The samples file is written run by run across
  // all columns, which wants them in memory.
  const store = precision === undefined && !o['in-memory'] && !o.samples ? fileStore() : null;
  let result;
  try {
    if (precision === undefined) result = await runOnWorkers(pool, v, { mode, signal: controller.signal, onProgress, assemble: true, ...(store ? { spill: store } : {}) });
    else {
      result = await runUntilPrecise(pool, v, {
        mode,
        assemble: true,
        signal: controller.signal,
        onProgress,
        initialRuns: Math.min(total, maxRuns),
        batchRuns: Math.max(100, Math.ceil(total / 2)),
        maxRuns,
        preciseEnough: async (b) => {
          const e = keyErrors(b, scenario.simulation.targetReduction);
          err(`${e.runs} runs: SE of the mean reduction ${(100 * e.reductionMean).toFixed(4)} percentage points\n`);
          return preciseEnough(e, { reductionMean: precision });
        },
      });
      if (!result.precise && !result.cancelled) err(`stopped at --max-runs ${maxRuns} before reaching the precision\n`);
    }
  } catch (e) {
    if (e instanceof CancelledError) fail(EXIT_CANCELLED, `\ncancelled before any run finished; nothing written`);
    throw e;
  } finally {
    pool.forEach((w) => w.terminate());
  }
  if (tty) err('\n');
  const cancelled = result.cancelled || signals > 0;
  err(`${result.block.runs} runs in ${(result.elapsedMs / 1000).toFixed(2)} s${cancelled ? ' (cancelled: partial results)' : ''}\n`);

  const summary = summarize(model, result.block);
  store?.close();
  // The finished runs are written first: they are what a Ctrl-C must not lose.
  if (o.out) {
    const f = await resultsFile(scenario, summary, { mode, runsRequested: total, cancelled });
    await atomically(o.out, (tmp) => writeFileSync(tmp, JSON.stringify(f, null, 2)));
    err(`${cancelled ? 'partial ' : ''}results (${result.block.runs} runs) written to ${oneLine(o.out)}\n`);
  }
  if (o.samples) {
    const paths = model.registry.slots.map((x) => x.path);
    await atomically(o.samples, (tmp) => writeSamplesCsv(tmp, result.block, paths, scenario.simulation.startYear));
    err(`${cancelled ? 'partial ' : ''}samples (${result.block.runs} runs) written to ${oneLine(o.samples)}\n`);
  }
  if (signals > 1) process.exit(EXIT_CANCELLED);
  const financing = { ...summary.financing, models: summary.financing.models.map((m) => ({ ...m, name: cliText(m.name) })) };
  out(`${formatSummary(title, summary)}\n${formatFinancingTable(financing)}\n`);
  if (cancelled) process.exit(EXIT_CANCELLED);
  if (goal) await runSeek(goal.spec, scenario, Math.max(1, workers), goal.label, goal.output, controller.signal);
  if (signals > 0) process.exit(EXIT_CANCELLED);
}

/** Runs one shard of the study and writes its columns for `npm run merge`. */
async function writeShard(p: Prepared, shard: { index: number; of: number }, outFile: string, workers: number, mode: 'aggregate' | 'person') {
  const scenario = p.scenario;
  const total = scenario.simulation.runs;
  const [firstRun, runs] = shardRange(total, shard.index, shard.of);
  const pool = nodeWorkers(workers);
  // Spilled as a plain run is, and written column by column: a shard is never whole in memory.
  const store = fileStore();
  try {
    let result;
    try {
      result = await runOnWorkers(pool, p, { mode, firstRun, runs, spill: store });
    } finally {
      pool.forEach((w) => w.terminate());
    }
    const header = { scenarioHash: await scenarioHash(scenario), seed: scenario.simulation.seed, mode, total, scenario };
    const block = result.block;
    await atomically(outFile, (tmp) => writeShardFile(tmp, header, block));
  } finally {
    store.close();
  }
  err(`shard ${shard.index + 1}/${shard.of}: runs ${firstRun + 1}–${firstRun + runs} of ${total} written to ${oneLine(outFile)}\n`);
}

/** Runs a goal search on a fresh pool of workers: every step re-runs the scenario with the same seed (common random numbers). */
async function runSeek(spec: GoalSpec, scenario: Scenario, workers: number, label: (x: number) => string, output: string, signal: AbortSignal) {
  const pool = nodeWorkers(workers);
  const pct = (v: number) => `${(100 * v).toFixed(2)}%`;
  try {
    const res = await seekGoal(spec, async (x) => {
      const r = await runOnWorkers(pool, goalInput(scenario, spec, x), { signal });
      if (r.cancelled) throw new CancelledError();
      const e = goalMetric(r.block, spec, scenario.simulation.targetReduction);
      err(`  ${label(x)}: ${output} = ${pct(e.value)} ± ${pct(e.se)}\n`);
      return e;
    });
    out(res.reachable ? `goal: ${label(res.value)} (90% interval ${label(res.low)} to ${label(res.high)}) gives ${output} = ${pct(res.output)} ± ${pct(res.se)}\n` : `goal: ${res.message}\n`);
  } catch (e) {
    if (e instanceof CancelledError) fail(EXIT_CANCELLED, 'goal search cancelled');
    throw e;
  } finally {
    pool.forEach((w) => w.terminate());
  }
}

main().catch((e: unknown) => fail(1, `error: ${e instanceof Error ? e.message : String(e)}`));
