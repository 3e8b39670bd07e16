import { allocBlock, blockColumns, makeLayout, type RunBlock } from './columns';
import type { Model } from './compile';
import { RunSimulator, type Mode, type PartTimer } from './simulate';

/**
 * Simulates runs [firstRun, firstRun + runs) into a fresh block. Each run depends only on (seed, run).
 * `timer` (benchmarks only) accumulates the time spent in each part of the runs.
 */
export function simulateBlock(model: Model, firstRun: number, runs: number, mode: Mode = 'aggregate', onRun?: (done: number) => boolean | void, timer?: PartTimer): RunBlock {
  const layout = makeLayout(model.excessThresholds.length);
  const block = allocBlock(blockColumns(model, layout), firstRun, runs, model.horizon, model.registry.slots.length);
  const sim = new RunSimulator(model, layout, mode);
  sim.timer = timer ?? null;
  for (let i = 0; i < runs; i++) {
    sim.run(firstRun + i, block, i);
    if (onRun && onRun(i + 1) === false) return truncateBlock(block, i + 1);
  }
  return block;
}

/** The first `runs` runs of a block (used when a run is cancelled part-way through a chunk). */
export function truncateBlock(b: RunBlock, runs: number): RunBlock {
  return {
    ...b,
    runs,
    cols: b.cols.map((c) => c.slice(0, runs * b.years)),
    params: b.params.slice(0, runs * b.nParams),
  };
}

