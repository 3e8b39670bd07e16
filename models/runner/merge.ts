import { allocBlock, type RunBlock } from '../simulation/columns';

/**
 * Joins blocks of consecutive runs (any order in, run order out) into one block. `chunk`: the
 * result is one chunk's size, kept in a single buffer like a chunk from a worker (cheap to transfer).
 */
export function mergeBlocks(blocks: RunBlock[], chunk = false): RunBlock {
  if (blocks.length === 0) throw new Error('nothing to merge');
  const sorted = [...blocks].sort((a, b) => a.firstRun - b.firstRun);
  const first = sorted[0];
  let runs = 0;
  for (const b of sorted) {
    if (b.firstRun !== first.firstRun + runs) throw new Error(`runs ${first.firstRun + runs}–${b.firstRun - 1} are missing`);
    runs += b.runs;
  }
  const { years, nParams, names } = first;
  // One buffer per column here: a merged block can be large (100,000 runs × 200 columns × 10
  // years is 1.6 GB), more than one ArrayBuffer should hold.
  const out: RunBlock = chunk
    ? allocBlock(names, first.firstRun, runs, years, nParams)
    : { firstRun: first.firstRun, runs, years, names, cols: names.map(() => new Float64Array(runs * years)), params: new Float64Array(runs * nParams), nParams };
  const { cols, params } = out;
  let at = 0;
  for (const b of sorted) {
    b.cols.forEach((c, i) => cols[i].set(c, at * years));
    params.set(b.params, at * nParams);
    at += b.runs;
  }
  return out;
}

/** The buffers of a block (each once: columns may share one), to transfer rather than copy between threads. */
export function blockBuffers(b: RunBlock): ArrayBuffer[] {
  return [...new Set([...b.cols.map((c) => c.buffer as ArrayBuffer), b.params.buffer as ArrayBuffer])];
}

/** A copy of a block with only the named columns (and no parameters), to send a worker what it needs. */
export function pickColumns(b: RunBlock, names: readonly string[]): RunBlock {
  const cols = names.map((n) => {
    const i = b.names.indexOf(n);
    if (i < 0) throw new Error(`no column "${n}"`);
    return b.cols[i].slice();
  });
  return { firstRun: b.firstRun, runs: b.runs, years: b.years, names: [...names], cols, params: new Float64Array(0), nParams: 0 };
}

/**
 * One block of runs start.. filled in place as chunks arrive in any order, so the runs are held
 * once: no list of chunks beside a merge of them. Grows (one copy) when a chunk lies beyond it.
 */
export class BlockAssembly {
  private block: RunBlock | null = null;
  /** [firstRun, runs] of every chunk added. */
  private readonly ranges: [number, number][] = [];
  constructor(
    private readonly start: number,
    private capacity: number,
  ) {}

  add(b: RunBlock): void {
    const { years, nParams } = b;
    const at = b.firstRun - this.start;
    if (at < 0) throw new Error(`run ${b.firstRun} comes before the first run ${this.start}`);
    const need = at + b.runs;
    if (!this.block || need > this.capacity) {
      const old = this.block;
      this.capacity = Math.max(need, old ? 2 * this.capacity : this.capacity);
      const cols = b.names.map(() => new Float64Array(this.capacity * years));
      const params = new Float64Array(this.capacity * nParams);
      if (old) {
        old.cols.forEach((c, i) => cols[i].set(c));
        params.set(old.params);
      }
      this.block = { firstRun: this.start, runs: this.capacity, years, names: b.names, cols, params, nParams };
    }
    const out = this.block;
    b.cols.forEach((c, i) => out.cols[i].set(c, at * years));
    out.params.set(b.params, at * nParams);
    this.ranges.push([b.firstRun, b.runs]);
  }

  /** How many consecutive runs from the first have arrived. */
  contiguous(): number {
    const sorted = [...this.ranges].sort((a, b) => a[0] - b[0]);
    let n = 0;
    for (const [first, runs] of sorted) {
      if (first !== this.start + n) break;
      n += runs;
    }
    return n;
  }

  /** Runs start..start+runs−1 as a block (views into the assembly; no copy). */
  prefix(runs: number): RunBlock {
    const have = this.contiguous();
    if (runs > have || !this.block) throw new Error(`runs ${this.start + have}–${this.start + runs - 1} have not arrived`);
    const b = this.block;
    return { ...b, runs, cols: b.cols.map((c) => c.subarray(0, runs * b.years)), params: b.params.subarray(0, runs * b.nParams) };
  }
}
