import type { RunBlock } from '../simulation/columns';

/**
 * Where spilled runs are kept: bytes appended and read back by position. A file in the headless
 * runner (`bin/spillFile.ts`); memory in tests.
 */
export interface RunStore {
  /** Appends the bytes; returns the position of the first. */
  append(bytes: Uint8Array): number;
  /** Fills `into` with the bytes from `position` on. */
  read(into: Uint8Array, position: number): void;
}

/** A store in memory: for tests, and to check that spilling changes no number. */
export class MemoryStore implements RunStore {
  private parts: Uint8Array[] = [];
  private size = 0;
  private starts: number[] = [];
  append(bytes: Uint8Array): number {
    const at = this.size;
    this.parts.push(bytes.slice());
    this.starts.push(at);
    this.size += bytes.length;
    return at;
  }
  read(into: Uint8Array, position: number): void {
    // Reads never cross a chunk's bytes: one chunk's column is contiguous.
    const k = this.starts.findIndex((s, i) => s <= position && position < s + this.parts[i].length);
    if (k < 0) throw new Error(`nothing stored at byte ${position}`);
    const from = position - this.starts[k];
    if (from + into.length > this.parts[k].length) throw new Error(`a read past the chunk stored at byte ${this.starts[k]}`);
    into.set(this.parts[k].subarray(from, from + into.length));
  }
}

/**
 * Bytes of spilled columns a block read back keeps at most (at least one column is always kept).
 * Small: a summary reads a column a few times in a row and then moves on, and a column read again
 * comes from the operating system's file cache (the default scenario's summary of 4,000 runs took
 * as long with room for 16 of its 228 columns as with all of them in memory).
 */
export const SPILL_CACHE_BYTES = 32 * 1024 * 1024;

interface Piece {
  firstRun: number;
  runs: number;
  /**
   * Position of the chunk's first column in the store; its columns follow one another, each runs ×
   * years values, and then its θ, runs × nParams values in run order (as a shard file holds them).
   */
  at: number;
}

/**
 * The runs of a study kept outside the JavaScript heap as chunks arrive (in any order), so that
 * memory does not grow with the runs: each chunk's columns and θ are written to the store at once
 * and let go; only where each chunk is stays in memory. `block()` gives the runs back as an
 * ordinary block whose columns are read from the store when first touched, and θ when `params` is
 * read (or only some slots' θ, by `paramColumns`), with the same values bit for bit, so every
 * summary made from it equals one made from the runs in memory.
 */
export class RunSpill {
  private readonly pieces: Piece[] = [];
  private shape: { names: string[]; years: number; nParams: number } | null = null;
  constructor(
    private readonly store: RunStore,
    private readonly start: number,
  ) {}

  add(b: RunBlock): void {
    if (b.firstRun < this.start) throw new Error(`run ${b.firstRun} comes before the first run ${this.start}`);
    const rows = b.runs * b.years;
    const theta = b.runs * b.nParams;
    const bytes = new Uint8Array(8 * (rows * b.cols.length + theta));
    const f = new Float64Array(bytes.buffer);
    b.cols.forEach((c, i) => f.set(c.subarray(0, rows), i * rows));
    f.set(b.params.subarray(0, theta), rows * b.cols.length);
    this.addStored(b, this.store.append(bytes));
  }

  /**
   * A chunk whose columns and θ are already in the store at `at`, one after another (as `add`
   * writes them and as a shard file holds them).
   */
  addStored(b: Omit<RunBlock, 'cols' | 'params'>, at: number): void {
    if (b.firstRun < this.start) throw new Error(`run ${b.firstRun} comes before the first run ${this.start}`);
    if (!this.shape) this.shape = { names: b.names, years: b.years, nParams: b.nParams };
    else if (b.years !== this.shape.years || b.nParams !== this.shape.nParams || b.names.length !== this.shape.names.length) throw new Error('a chunk of another study');
    this.pieces.push({ firstRun: b.firstRun, runs: b.runs, at });
  }

  /** How many consecutive runs from the first have arrived. */
  contiguous(): number {
    let n = 0;
    for (const p of [...this.pieces].sort((a, b) => a.firstRun - b.firstRun)) {
      if (p.firstRun !== this.start + n) break;
      n += p.runs;
    }
    return n;
  }

  /**
   * Runs start..start+runs−1 as a block. Its columns are read from the store when touched and
   * kept in a cache of at most `cacheBytes` (least recently used first out); a column handed out
   * stays valid after it leaves the cache. `params` reads θ of every run when read and keeps it
   * only while someone holds it. Columns and θ must not be written to.
   */
  block(runs: number, cacheBytes = SPILL_CACHE_BYTES): RunBlock {
    const have = this.contiguous();
    if (runs > have || !this.shape) throw new Error(`runs ${this.start + have}–${this.start + runs - 1} have not arrived`);
    const { names, years, nParams } = this.shape;
    const start = this.start;
    const pieces = [...this.pieces].sort((a, b) => a.firstRun - b.firstRun).filter((p) => p.firstRun < start + runs);
    const store = this.store;
    const cache = new Map<number, Float64Array>();
    let cached = 0;
    const load = (i: number): Float64Array => {
      const hit = cache.get(i);
      if (hit) {
        // Map keeps insertion order: moved to the end, it is the most recently used.
        cache.delete(i);
        cache.set(i, hit);
        return hit;
      }
      const col = new Float64Array(runs * years);
      for (const p of pieces) {
        const n = Math.min(p.runs, start + runs - p.firstRun);
        store.read(new Uint8Array(col.buffer, (p.firstRun - start) * years * 8, n * years * 8), p.at + 8 * i * p.runs * years);
      }
      cache.set(i, col);
      cached += col.byteLength;
      for (const [k, c] of cache) {
        if (cached <= cacheBytes || cache.size === 1) break;
        cache.delete(k);
        cached -= c.byteLength;
      }
      return col;
    };
    /** Each piece's θ in turn (its own runs of it only), read into one reused buffer. */
    const eachTheta = (visit: (theta: Float64Array, firstRow: number, n: number) => void) => {
      let buf = new Float64Array(0);
      for (const p of pieces) {
        const n = Math.min(p.runs, start + runs - p.firstRun);
        if (buf.length < n * nParams) buf = new Float64Array(n * nParams);
        const view = buf.subarray(0, n * nParams);
        store.read(new Uint8Array(view.buffer, 0, view.byteLength), p.at + 8 * names.length * p.runs * years);
        visit(view, p.firstRun - start, n);
      }
    };
    let held: WeakRef<Float64Array> | null = null;
    const params = (): Float64Array => {
      const kept = held?.deref();
      if (kept) return kept;
      const all = new Float64Array(runs * nParams);
      eachTheta((theta, row) => all.set(theta, row * nParams));
      held = new WeakRef(all);
      return all;
    };
    const paramColumns = (slots: readonly number[]): Float64Array[] => {
      const out = slots.map(() => new Float64Array(runs));
      eachTheta((theta, row, n) => {
        slots.forEach((slot, j) => {
          const c = out[j];
          for (let r = 0; r < n; r++) c[row + r] = theta[r * nParams + slot];
        });
      });
      return out;
    };
    // Every index is present (so map and forEach visit it); reading one loads the column.
    const cols = new Proxy(
      names.map(() => null),
      {
        get(target, key, receiver) {
          if (typeof key === 'string') {
            const i = Number(key);
            if (Number.isInteger(i) && i >= 0 && i < names.length && String(i) === key) return load(i);
          }
          return Reflect.get(target, key, receiver);
        },
        set() {
          throw new Error('the columns of spilled runs are read-only');
        },
      },
    ) as unknown as Float64Array[];
    const block = { firstRun: start, runs, years, names, cols, nParams } as RunBlock;
    // `params` stays a plain field for a copy of the block (`{ ...block }` reads it); the slots'
    // reader does not travel with a copy, which may hold other runs.
    Object.defineProperty(block, 'params', { get: params, enumerable: true });
    Object.defineProperty(block, 'paramColumns', { value: paramColumns, enumerable: false });
    return block;
  }
}
