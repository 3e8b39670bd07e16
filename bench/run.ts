// npm run bench [-- --record] [--runs N] [--only fair|behaviour]
// Measures, side by side in one run: generator draws per second, runs per second of the default
// scenario with 1 and 2 worker threads, and the aggregate / person-level speed ratio at 170,000
// insured, the default with providers responding to its contracts against without, and the
// analyses for a fair deal (contract designer, value of information); `--only fair` or
// `--only behaviour` measures those alone. With --record, appends the dated results to bench/README.md.
import { appendFileSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { streamFor } from '../models/random/rng';
import { makeSamplers } from '../models/random/samplers';
import { runOnWorkers } from '../models/runner/runner';
import { validateScenario } from '../models/pipeline/validate';
import { compile } from '../models/pipeline/compile';
import { simulateBlock } from '../models/simulation/block';
import { bundledWorker, nodeWorkers } from '../workers/nodePool';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { designContract, parseTerms } from '../models/analysis/design';
import { defaultAcceptance } from '../models/analysis/designTerms';
import { decisionsOf } from '../models/analysis/decisionValue';
import { evppi, partitionOf } from '../models/analysis/voi';
import { startWorker } from '../workers/remote';
import { designOnWorkers } from '../workers/designCoordinator';
import type { DesignWorkerApi } from '../workers/designApi';

const { values } = parseArgs({ options: { record: { type: 'boolean' }, runs: { type: 'string' }, only: { type: 'string' } } });
const RUNS = Number(values.runs ?? 10_000);
const input = JSON.parse(readFileSync(new URL('../scenarios/default.json', import.meta.url), 'utf8'));
const rows: [string, string][] = [];
const say = (what: string, result: string) => {
  rows.push([what, result]);
  process.stdout.write(`${what}: ${result}\n`);
};
const fmt = (x: number, d = 0) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });

function perSecond(n: number, f: () => void): number {
  const t0 = performance.now();
  f();
  return n / ((performance.now() - t0) / 1000);
}

/**
 * The default scenario with providers responding to its seven contracts: the behaviour of the
 * library's "welk contract laat de substitutie gebeuren?", the 1.5-line substitution decided by
 * the hospital and self-care referrals by the GP group.
 */
function withBehaviour(inp: any): unknown {
  const library = JSON.parse(readFileSync(new URL('../scenarios/welk-contract-substitutie.json', import.meta.url), 'utf8'));
  const out = JSON.parse(JSON.stringify(inp));
  out.financing.behaviour = library.financing.behaviour;
  for (const x of out.substitution) x.controlledBy = x.from === 'hospital' ? 'hospital' : 'gp';
  return out;
}

if (values.only === undefined || values.only === 'behaviour') {
  // Behaviour on against off: every contract then has its own care, thinned from the scenario's
  // draws, and is settled on it. RUNS runs of the default with 2 worker threads, each after a
  // warm-up, alternated twice so that a change of load hits both alike; the best of two each. The
  // CPU time is the whole process's (worker threads included): on a shared machine the wall time
  // mostly measures the other processes.
  const on = withBehaviour(input);
  const best: Record<string, number> = { off: Infinity, on: Infinity };
  const bestCpu: Record<string, number> = { off: Infinity, on: Infinity };
  for (let rep = 0; rep < 2; rep++)
    for (const [k, inp] of [
      ['off', input],
      ['on', on],
    ] as const) {
      const pool = nodeWorkers(2);
      await runOnWorkers(pool, inp, { runs: 200 });
      const c0 = process.cpuUsage();
      const r = await runOnWorkers(pool, inp, { runs: RUNS });
      const c = process.cpuUsage(c0);
      pool.forEach((x) => x.terminate());
      best[k] = Math.min(best[k], r.elapsedMs);
      bestCpu[k] = Math.min(bestCpu[k], (c.user + c.system) / 1000);
    }
  say(
    `default scenario, ${RUNS} runs, 2 workers: behaviour on (7 contracts with their own care) / off`,
    `${fmt(best.on / best.off, 2)}× wall (${fmt(best.on / 1000, 2)} s vs ${fmt(best.off / 1000, 2)} s); ${fmt(bestCpu.on / bestCpu.off, 2)}× CPU (${fmt(bestCpu.on / 1000, 1)} s vs ${fmt(bestCpu.off / 1000, 1)} s)`,
  );
}

if (values.only === undefined) {
  // 1. The default scenario with 1 and 2 worker threads (start-up and validation excluded: each
  //    pool first runs a short warm-up).
  const elapsed: Record<number, number> = {};
  for (const w of [1, 2]) {
    const pool = nodeWorkers(w);
    await runOnWorkers(pool, input, { runs: 200 });
    const r = await runOnWorkers(pool, input, { runs: RUNS });
    pool.forEach((x) => x.terminate());
    elapsed[w] = r.elapsedMs;
    say(`default scenario, ${RUNS} runs × 10 years, ${w} worker${w > 1 ? 's' : ''}`, `${fmt(r.elapsedMs / 1000, 2)} s (${fmt(RUNS / (r.elapsedMs / 1000))} runs/s)`);
  }
  say('speed-up 2 workers / 1 worker', `${fmt(elapsed[1] / elapsed[2], 2)}×`);
  {
    // The engine alone: the default scenario without its financing section (fee-for-service only).
    const engineOnly = { ...input };
    delete engineOnly.financing;
    const pool = nodeWorkers(2);
    await runOnWorkers(pool, engineOnly, { runs: 200 });
    const r = await runOnWorkers(pool, engineOnly, { runs: RUNS });
    pool.forEach((x) => x.terminate());
    say(`default scenario without its financing section, ${RUNS} runs, 2 workers`, `${fmt(r.elapsedMs / 1000, 2)} s (${fmt(RUNS / (r.elapsedMs / 1000))} runs/s)`);
  }

  // 2. Aggregate vs person-level at 170,000 insured, per run, in this thread.
  {
    const v = validateScenario(input);
    if (!v.ok) throw new Error('default scenario invalid');
    const model = compile(v.scenario);
    simulateBlock(model, 0, 50);
    const t0 = performance.now();
    simulateBlock(model, 1000, 500);
    const agg = (performance.now() - t0) / 500;
    const t1 = performance.now();
    simulateBlock(model, 1000, 1, 'person');
    const person = performance.now() - t1;
    say('aggregate mode, ms per run (170,000 insured)', fmt(agg, 3));
    say('person-level mode, ms per run (170,000 insured)', fmt(person, 0));
    say('aggregate / person-level speed ratio', `${fmt(person / agg)}×`);
  }

  // 3. Financing: run time with the default scenario's seven contracts against fee-for-service only
  //    (a scenario without a financing section), and the financing stage alone with one custom
  //    formula against the same rule built in.
  {
    const cpu = (f: () => void) => {
      const c0 = process.cpuUsage();
      f();
      return process.cpuUsage(c0).user / 1000;
    };
    const timeRuns = (inp: unknown, runs: number) => {
      const v = validateScenario(inp);
      if (!v.ok) throw new Error('invalid');
      const model = compile(v.scenario);
      simulateBlock(model, 0, 50);
      return cpu(() => simulateBlock(model, 0, runs));
    };
    const noFin = { ...input };
    delete noFin.financing;
    const withAll = timeRuns(input, 1000);
    const ffsOnly = timeRuns(noFin, 1000);
    say('run time, 7 financing models (all six kinds) / FFS only (CPU, 1,000 runs)', `${fmt(withAll / ffsOnly, 2)}× (${fmt(withAll, 0)} ms vs ${fmt(ffsOnly, 0)} ms)`);

    const stageOnly = (models: unknown[]) => {
      const v = validateScenario({ ...input, financing: { ...input.financing, models } });
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      const model = compile(v.scenario);
      const b = simulateBlock(model, 0, 300);
      const apply = () => {
        for (let k = 0; k < 20; k++) for (let i = 0; i < b.runs; i++) model.financing.apply(b, i, b.params.subarray(i * b.nParams, (i + 1) * b.nParams));
      };
      apply();
      return cpu(apply);
    };
    const rule = { id: 'b', name: 'b', kind: 'sharedSavings', sided: 'one', minimumSavingsRate: { fixed: 0.02 }, sharingRate: 0.5, savingsCap: 1, split: { gp: 1, hospital: 0 } };
    const formula = { id: 'f', name: 'f', kind: 'custom', formulas: { gp: 'savingsRate >= 0.02 and savings > 0 ? min(0.5 * savings, 1 * benchmark) : 0' } };
    const builtIn = stageOnly([rule]);
    const custom = stageOnly([formula]);
    say('financing stage, one custom formula / the same rule built in (CPU)', `${fmt(custom / builtIn, 2)}× (${fmt(custom, 0)} ms vs ${fmt(builtIn, 0)} ms for 6,000 run applications)`);
  }

  // 4. Analyses against the simulation, in one worker thread running the bundled code (as the
  //    workbench and the headless runner's workers do), for the default scenario at RUNS runs: the
  //    analyses are the summaries plus the variance split's twin replicates. Each part has its own
  //    stopwatch in the same simulation (see analyses.worker.ts); medians of REPS repetitions.
  {
    const REPS = 3;
    const w = new Worker(bundledWorker(new URL('./analyses.worker.ts', import.meta.url)), {
      eval: true,
      workerData: { runs: RUNS, reps: REPS, scenarioPath: fileURLToPath(new URL('../scenarios/default.json', import.meta.url)) },
    });
    const r = await new Promise<{ main: number; twin: number; sum: number; twinRuns: number }[]>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
    await w.terminate();
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    const ms = (xs: number[]) => xs.map((x) => fmt(x, 0)).join(' / ');
    const main = median(r.map((x) => x.main));
    const twin = median(r.map((x) => x.twin));
    const sum = median(r.map((x) => x.sum));
    const share = median(r.map((x) => (x.twin + x.sum) / x.main));
    say(`simulation, default scenario, ${RUNS} runs (one worker thread; each of ${REPS} repetitions)`, `median ${fmt(main, 0)} ms (${ms(r.map((x) => x.main))} ms)`);
    say(`variance-split twin replicates (${fmt(r[0].twinRuns)} runs), same simulations`, `median ${fmt(twin, 0)} ms (${ms(r.map((x) => x.twin))} ms)`);
    say(`summaries of the ${RUNS} runs`, `median ${fmt(sum, 0)} ms (${ms(r.map((x) => x.sum))} ms)`);
    say('analyses (twin replicates + summaries) / simulation', `median ${fmt(100 * share, 0)}% (${r.map((x) => fmt((100 * (x.twin + x.sum)) / x.main, 0)).join(' / ')}%)`);
  }

  // 5. The reference limit: uniforms and normals from the generator the simulation uses. Measured
  //    last: run first, these tight loops left the process slower at coordinating worker threads for
  //    seconds afterwards (2 workers: 4.6 s instead of 3.9 s, 2026-11-23).
  {
    const u = streamFor('bench', 0, 'u');
    let s = 0;
    const n = 2e7;
    say(
      'Alea uniforms per second',
      fmt(
        perSecond(n, () => {
          for (let i = 0; i < n; i++) s += u();
        }),
      ),
    );
    const g = makeSamplers(streamFor('bench', 0, 'z'));
    say(
      'normal (ziggurat) draws per second',
      fmt(
        perSecond(n / 2, () => {
          for (let i = 0; i < n / 2; i++) s += g.normal(0, 1);
        }),
      ),
    );
    const buf = new Float64Array(16_000);
    say(
      'lognormal draws per second (fillLognormal)',
      fmt(
        perSecond(n / 2, () => {
          for (let k = 0; k < n / 2 / 16_000; k++) g.fillLognormal(buf, 16_000, 10, 1);
        }),
      ),
    );
    if (s === 42) process.stdout.write('');
  }
}

// 6. Analyses for a fair deal (CPU time beside wall time: the machine may be shared). A 3-term
//    design, 8 levels per term (512 variants), on 2,000 runs: in this thread (through tsx, as
//    measured before), then on 1 and 2 bundled worker threads as the workbench runs it
//    (`designOnWorkers`; the process's CPU time, all threads). EVPPI of every uncertain parameter
//    for every decision at 10,000 runs, as `decisionValue` computes it (the simulation not counted).
if (values.only === undefined || values.only === 'fair') {
  const v = validateScenario(input);
  if (!v.ok) throw new Error('default scenario invalid');
  const timed = async (f: () => unknown) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    const c = process.cpuUsage(c0);
    return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
  };
  const TERMS = 'share=0:1,msr=0:0.05,savingsCap=0:0.2';
  const terms = parseTerms(TERMS);
  let variants = 0;
  const d = await timed(() => {
    variants = designContract(v.scenario, 'ss-one', terms, { runs: 2000, steps: 8 }).points.length;
  });
  say(
    `contract designer, 3 terms × 8 levels (${variants} variants: \`${TERMS}\` on \`ss-one\`), 2,000 runs, in this thread (tsx)`,
    `${fmt(d.wall, 1)} s wall, ${fmt(d.cpu, 1)} s CPU (simulation included)`,
  );
  const source = bundledWorker(new URL('../workers/designThread.ts', import.meta.url));
  const request = { input, contract: 'ss-one', terms, accept: defaultAcceptance('sharedSavings'), opts: { runs: 2000, steps: 8 } };
  for (const n of [1, 2]) {
    const pool = Array.from({ length: n }, () => startWorker<DesignWorkerApi>(new Worker(source, { eval: true }), 'the design thread'));
    // Loaded and warmed (a small search) before the clock starts, as a page's workers are by the time a user asks.
    await designOnWorkers(pool, { ...request, opts: { runs: 50, steps: 2 } }, () => {});
    let updates = 0;
    let r: Awaited<ReturnType<typeof designOnWorkers>> | null = null;
    const t = await timed(async () => {
      r = await designOnWorkers(pool, request, () => updates++);
    });
    pool.forEach((w) => w.terminate());
    if (!r || !(r as { ok: boolean }).ok) throw new Error('the design failed');
    say(
      `the same design on ${n} bundled worker thread${n > 1 ? 's' : ''} (\`designOnWorkers\`)`,
      `${fmt(t.wall, 1)} s wall, ${fmt(t.cpu, 1)} s CPU of all threads (simulation included; ${updates} progress updates)`,
    );
  }
  const s = { ...v.scenario, simulation: { ...v.scenario.simulation, varianceSplitRuns: 0 } };
  const model = compile(s);
  const b = simulateBlock(model, 0, 10_000, 'aggregate');
  const slots = model.registry.slots.map((x, i) => ({ ...x, i })).filter((x) => x.uncertain);
  const phi = slots.map((x) => Float64Array.from({ length: b.runs }, (_, r) => b.params[r * b.nParams + x.i]));
  const decisions = decisionsOf(model, b);
  const options = decisions.map((x) => x.nb.length).join(', ');
  const e = await timed(() => {
    const parts = phi.map((x) => partitionOf(x));
    for (const dec of decisions) for (let k = 0; k < phi.length; k++) evppi(dec.nb, [phi[k]], { bootstrap: 20, partition: parts[k] });
  });
  say(
    `EVPPI of every uncertain parameter (${slots.length}) for each decision (${decisions.length}, with ${options} options; go/no-go and each party's choice of contract), 10,000 runs, 20 bootstrap resamples, in this thread (tsx)`,
    `${fmt(e.wall, 2)} s wall, ${fmt(e.cpu, 2)} s CPU`,
  );
  const go = await timed(() => {
    for (const x of phi) evppi(decisions[0].nb, [x], { bootstrap: 20 });
  });
  say(`the same for go/no-go alone (2 options)`, `${fmt(go.wall, 2)} s wall, ${fmt(go.cpu, 2)} s CPU`);
  const g = await timed(() => {
    for (const dec of decisions) evppi(dec.nb, [phi[0], phi[1]], { bootstrap: 10 });
  });
  say(`a group of two parameters for each decision (P-spline with GCV, 10 bootstrap re-fits)`, `${fmt(g.wall, 2)} s wall, ${fmt(g.cpu, 2)} s CPU`);
}

if (values.record) {
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
  const table = ['| measure | result |', '|---|---|', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
  appendFileSync(new URL('./README.md', import.meta.url), `\n## ${date} (${machine})\n\n${table}\n`);
  process.stdout.write('recorded in bench/README.md\n');
}
