// npm run bench:core [-- --runs N] [--reps R]
// The engine per core against a vectorised numpy script doing the same work (the default
// scenario's care-use core: no interventions, substitution, parameter uncertainty, contracts or
// twin runs), and against the generator's own limit: the draws that work needs, timed alone.
// Engine and limit run in one child process on the bundled code (as the workbench and the CLI run
// it); each repetition times engine, limit and numpy back to back, so the three share the load
// of that moment, and the ratios are taken per repetition and reported as medians. Both wall time
// and CPU time are reported: on a machine shared with other jobs, CPU time is the steadier
// measure of work per core, wall time includes waiting for a core.
import { fork, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { bundledWorker } from '../workers/nodePool';
import type { CoreRequest, PlanRow, Timed } from './core.worker';

export interface CoreRep {
  engine: Timed;
  limit: Timed;
  numpy: Timed | null;
}

export interface CoreResult {
  runs: number;
  reps: CoreRep[];
  engineMeans: number[];
  numpyMeans: number[] | null;
  load: [number, number];
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchCore(runs: number, reps: number): Promise<CoreResult> {
  const dir = mkdtempSync(join(tmpdir(), 'proeftuin-bench-'));
  const entry = join(dir, 'core.worker.cjs');
  writeFileSync(entry, bundledWorker(new URL('./core.worker.ts', import.meta.url)));
  const child = fork(entry, [fileURLToPath(new URL('../scenarios/default.json', import.meta.url))], { stdio: 'inherit' });
  const ask = <T>(req: CoreRequest) =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (m) => resolve(m as T));
      child.once('error', reject);
      child.send(req);
    });
  try {
    const { rows, horizon } = await ask<{ rows: PlanRow[]; horizon: number }>({ kind: 'plans' });
    const file = join(dir, 'plans.json');
    writeFileSync(file, JSON.stringify(rows));
    const numpy = (n: number) => {
      const py = spawnSync('python3', [fileURLToPath(new URL('./numpy-core.py', import.meta.url)), file, String(n)], { encoding: 'utf8' });
      return py.status === 0 ? (JSON.parse(py.stdout) as { seconds: number; cpu: number; meanTotal: number[] }) : null;
    };
    // Warm-up: the engine's code optimised, numpy's import cached.
    await ask({ kind: 'engine', runs: 200 });
    await ask({ kind: 'limit', runs: 200 });
    numpy(200);
    const load0 = loadavg()[0];
    const out: CoreRep[] = [];
    let engineMeans: number[] = [];
    let numpyMeans: number[] | null = null;
    for (let k = 0; k < reps; k++) {
      const e = await ask<{ time: Timed; means: number[] }>({ kind: 'engine', runs });
      const limit = await ask<Timed>({ kind: 'limit', runs });
      const py = numpy(runs);
      engineMeans = e.means;
      // The engine records the last `horizon` simulated years (after the pre-contract years).
      numpyMeans = py && py.meanTotal.slice(py.meanTotal.length - horizon);
      out.push({ engine: e.time, limit, numpy: py && { wall: py.seconds, cpu: py.cpu } });
    }
    return { runs, reps: out, engineMeans, numpyMeans, load: [load0, loadavg()[0]] };
  } finally {
    child.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, reps: { type: 'string' } } });
  const r = await benchCore(Number(values.runs ?? 5000), Number(values.reps ?? 5));
  const f = (x: number) => x.toFixed(2);
  console.log(`care-use core, ${r.runs} runs, one thread (bundled), ${r.reps.length} repetitions; load average ${r.load.map((x) => x.toFixed(1)).join(' → ')} on ${availableParallelism()} cores`);
  for (const kind of ['cpu', 'wall'] as const) {
    const list = (xs: number[]) => `median ${f(median(xs))} (${xs.map(f).join(' / ')})`;
    const of = (k: 'engine' | 'limit' | 'numpy') => r.reps.map((x) => x[k]![kind]);
    console.log(`${kind} seconds: engine ${list(of('engine'))}; generator limit for the same draws ${list(of('limit'))}${r.numpyMeans ? `; numpy ${list(of('numpy'))}` : ''}`);
    console.log(`  engine / limit ${list(r.reps.map((x) => x.engine[kind] / x.limit[kind]))}×`);
    if (r.numpyMeans) console.log(`  engine throughput / numpy's ${list(r.reps.map((x) => x.numpy![kind] / x.engine[kind]))}×`);
  }
  if (r.numpyMeans === null) console.log('numpy: python3 with numpy not found, row skipped');
  else {
    const rel = r.engineMeans.map((m, y) => (m - r.numpyMeans![y]) / m);
    console.log(`mean total cost, engine vs numpy, relative difference per year: ${rel.map((x) => (100 * x).toFixed(2) + '%').join(' ')}`);
  }
}
