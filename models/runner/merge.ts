import type { RunBlock } from '../simulation/columns';

/** Joins blocks of consecutive runs (any order in, run order out) into one block. */
export function mergeBlocks(blocks: RunBlock[]): RunBlock {
  if (blocks.length === 0) throw new Error('nothing to merge');
  const sorted = [...blocks].sort((a, b) => a.firstRun - b.firstRun);
  const first = sorted[0];
  let runs = 0;
  for (const b of sorted) {
    if (b.firstRun !== first.firstRun + runs) throw new Error(`runs ${first.firstRun + runs}–${b.firstRun - 1} are missing`);
    runs += b.runs;
  }
  const { years, nParams, names } = first;
  const cols = names.map(() => new Float64Array(runs * years));
  const params = new Float64Array(runs * nParams);
  let at = 0;
  for (const b of sorted) {
    b.cols.forEach((c, i) => cols[i].set(c, at * years));
    params.set(b.params, at * nParams);
    at += b.runs;
  }
  return { firstRun: first.firstRun, runs, years, names, cols, params, nParams };
}

/** The buffers of a block, to transfer rather than copy between threads. */
export function blockBuffers(b: RunBlock): ArrayBuffer[] {
  return [...b.cols.map((c) => c.buffer as ArrayBuffer), b.params.buffer as ArrayBuffer];
}
