import { allocBlock, blockColumns, makeLayout, worldsOf, type RunBlock } from './columns';
import type { Model } from './model';
import type { IssueParams, RunCause } from '../core/issues';
import { RUN_STOPPED, RunSimulator, type Mode, type PartTimer } from './simulate';
import { RunValueError } from './errors';
import type { KeptCare } from './keptCare';

export { RunValueError };

/**
 * Simulates runs [firstRun, firstRun + runs) into a fresh block. Each run depends only on (seed, run).
 * `onRun` is told after each run and may end the chunk early by returning false; `stop` is asked
 * inside each run and abandons the run in progress. Either way the block holds the runs finished.
 * `timer` (benchmarks only) accumulates the time spent in each part of the runs. With `kept` (a
 * worker's store of the care it simulated) runs whose care is kept are only settled again.
 */
export function simulateBlock(
  model: Model,
  firstRun: number,
  runs: number,
  mode: Mode = 'aggregate',
  onRun?: (done: number) => boolean | void,
  stop?: () => boolean,
  timer?: PartTimer,
  kept: KeptCare | null = null,
): RunBlock {
  const layout = makeLayout(model.excessThresholds.length, model.coverageLevels.length, worldsOf(model));
  const block = allocBlock(blockColumns(model, layout), firstRun, runs, model.horizon, model.registry.slots.length);
  const sim = new RunSimulator(model, layout, mode);
  sim.timer = timer ?? null;
  sim.stop = stop ?? null;
  const twinRuns = model.scenario.simulation.randomVariation ? model.scenario.simulation.varianceSplitRuns : 0;
  const twinCol = block.names.map((n) => n.startsWith('twin.'));
  const care = kept?.chunk(model, mode, layout.names, firstRun, twinRuns) ?? null;
  for (let i = 0; i < runs; i++) {
    const run = firstRun + i;
    try {
      sim.run(run, block, i, care);
    } catch (e) {
      if (e === RUN_STOPPED) return truncateBlock(block, i);
      if (e instanceof RunValueError)
        throw e.issue?.code === 'runFormulaValue'
          ? new RunValueError({ code: 'runFormulaValue', params: { ...(e.issue.params as IssueParams['runFormulaValue']), run: run + 1 } })
          : new RunValueError(`run ${run + 1}: ${e.message}`);
      throw e;
    }
    checkFinite(model, block, i, run, run < twinRuns, twinCol);
    if (onRun && onRun(i + 1) === false) return truncateBlock(block, i + 1);
  }
  return block;
}

const col = (b: RunBlock, name: string, row: number) => {
  const i = b.names.indexOf(name);
  return i < 0 ? NaN : b.cols[i][row];
};

/**
 * Stops on an output of run `slot` that is NaN or ±Infinity (twin columns may be NaN for a run
 * without a twin, by design): such a number would pass into every summary and file unnoticed.
 */
function checkFinite(model: Model, b: RunBlock, slot: number, run: number, hasTwin: boolean, twinCol: boolean[]): void {
  const H = b.years;
  for (let c = 0; c < b.cols.length; c++) {
    const column = b.cols[c];
    for (let t = 0; t < H; t++) {
      const x = column[slot * H + t];
      if (x - x === 0) continue;
      if (twinCol[c] && !hasTwin && Number.isNaN(x)) continue;
      const row = slot * H + t;
      throw new RunValueError({ code: 'runNotFinite', params: { run: run + 1, output: b.names[c], value: String(x), year: model.scenario.simulation.startYear + t, cause: likelyCause(b, row) } });
    }
  }
}

function likelyCause(b: RunBlock, row: number): RunCause {
  if (col(b, 'population', row) === 0) return 'noPersons';
  const claims = b.names.filter((n) => /^(cf|sc)\.(claims\.|highCost\.cost|total)/.test(n));
  if (claims.some((n) => !Number.isFinite(col(b, n, row)))) return 'costOverflow';
  if (col(b, 'cf.total', row) === 0) return 'zeroCounterfactual';
  if (col(b, 'benchmark', row) === 0) return 'zeroBenchmark';
  return 'extreme';
}

/** The first `runs` runs of a block (used when a run is cancelled part-way through a chunk), in one buffer. */
export function truncateBlock(b: RunBlock, runs: number): RunBlock {
  const out = allocBlock(b.names, b.firstRun, runs, b.years, b.nParams);
  b.cols.forEach((c, i) => out.cols[i].set(c.subarray(0, runs * b.years)));
  out.params.set(b.params.subarray(0, runs * b.nParams));
  return out;
}
