// npm run bench:scaling [-- --no-many-runs]
// How time per run and peak memory grow with the population, the horizon and the number of
// contracts (one thread, the default scenario otherwise), with the exponent b of time ∝ size^b
// (and of peak memory ∝ size^b) from a least-squares fit on the log-log points; and the peak
// memory of 10,000 and 100,000 runs of the default with 2 workers, run and summarised as the
// headless runner does (the runs' columns in a temporary file), and the same with every run held
// in memory (`--in-memory`: chunks assembled in place).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./scaling-child.ts', import.meta.url));
const measure = (cfg: object) =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', child, JSON.stringify(cfg)], { encoding: 'utf8', maxBuffer: 1 << 20 })) as
    { msPerRun: number; maxRssMB: number; summaryMs?: number; cpuMsPerRun?: number } | { refused: string };

/** Slope of log y on log x. */
function exponent(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < lx.length; i++) {
    sxy += (lx[i] - mx) * (ly[i] - my);
    sxx += (lx[i] - mx) ** 2;
  }
  return sxy / sxx;
}

export function benchScaling(say: (what: string, result: string) => void, opts: { manyRuns?: boolean } = {}): void {
  const series: [string, string, number[], (x: number) => object][] = [
    // Fewer runs of the Netherlands (each simulates 1.74 million high-cost episodes): the time per run is the same.
    ['population', 'insured', [17_000, 170_000, 1_700_000, 17_900_000], (x) => ({ population: x, runs: x > 5e6 ? 20 : 100 })],
    ['horizon', 'years', [5, 10, 15], (x) => ({ horizon: x, runs: 200 })],
    ['contracts', 'contracts', [1, 7, 20], (x) => ({ contracts: x, runs: 200 })],
  ];
  for (const [name, unit, xs, cfg] of series) {
    const all = xs.map((x) => measure(cfg(x)));
    const parts = xs.map((x, i) => {
      const m = all[i];
      return 'refused' in m
        ? `${x.toLocaleString('en')} ${unit}: not run (${m.refused})`
        : `${x.toLocaleString('en')} ${unit}: ${m.msPerRun.toFixed(2)} ms/run (CPU ${(m.cpuMsPerRun ?? NaN).toFixed(2)} ms), ${m.maxRssMB.toFixed(0)} MB`;
    });
    // The exponents are fitted on the sizes that ran.
    const ran = xs.flatMap((x, i) => {
      const m = all[i];
      return 'refused' in m ? [] : [{ x, ...m }];
    });
    const fit = (y: (m: (typeof ran)[number]) => number) =>
      exponent(
        ran.map((m) => m.x),
        ran.map(y),
      ).toFixed(2);
    say(
      `time per run by ${name} (one thread)`,
      `${parts.join('; ')}; time ∝ ${name}^${fit((m) => m.msPerRun)} (CPU time ∝ ${name}^${fit((m) => m.cpuMsPerRun ?? NaN)}), peak memory ∝ ${name}^${fit((m) => m.maxRssMB)}`,
    );
  }
  for (const runs of opts.manyRuns === false ? [] : [10_000, 100_000]) {
    for (const inMemory of [false, true]) {
      const r = measure({ runs, workers: 2, inMemory });
      if ('refused' in r) throw new Error(r.refused);
      const where = inMemory ? 'all runs in memory (--in-memory)' : 'columns in a temporary file';
      say(
        `peak memory, default scenario, ${runs.toLocaleString('en')} runs, 2 workers, summarised, ${where}`,
        `${r.maxRssMB.toFixed(0)} MB (run ${((r.msPerRun * runs) / 1000).toFixed(1)} s, summary ${((r.summaryMs ?? NaN) / 1000).toFixed(1)} s)`,
      );
    }
  }
}

// --no-many-runs: the growth series only (the 100,000 runs take minutes).
if (import.meta.url === `file://${process.argv[1]}`) benchScaling((w, r) => console.log(`${w}: ${r}`), { manyRuns: !process.argv.includes('--no-many-runs') });
