import type { FieldError } from '../core/issues';
import { BlockAssembly, mergeBlocks } from './merge';
import { RunSpill, type RunStore } from './spill';
import { RunValueError } from '../simulation/errors';
import type { Prepared } from '../pipeline/validate';
import type { ModelDefinition } from '../define/definition';

export { RunValueError };
import type { ChunkControl, LoadResult, Mode, RunBlock } from './protocol';

/**
 * A worker as the coordinator sees it: the simulation API with promise results (in-process,
 * comlink over a web worker, or comlink over a Node worker thread), plus a way to learn that it
 * died and to stop it.
 */
export interface WorkerHandle {
  load(def: ModelDefinition): Promise<LoadResult>;
  runChunk(firstRun: number, count: number, mode: Mode, onProgress?: (done: number) => void, control?: ChunkControl): Promise<RunBlock>;
  /** Resolves never; rejects when the worker crashes or exits unexpectedly. */
  crashed: Promise<never>;
  terminate(): void;
}

export interface Progress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Estimated time left, from the rate so far; NaN before the first runs finish. */
  etaMs: number;
}

export interface RunOptions {
  /** Number of runs; the scenario's own `simulation.runs` when absent. */
  runs?: number;
  /** Index of the first run (to continue an earlier run: runs depend only on their index). */
  firstRun?: number;
  mode?: Mode;
  /** Runs per chunk (default: guided, see `chunkPlan`). Results do not depend on it. */
  chunkSize?: number;
  signal?: AbortSignal;
  /**
   * A worker hands back what it has after about this much work, so a cancel is seen between its
   * slices even where it cannot reach a busy worker (default 100 ms; results do not depend on it).
   */
  sliceMs?: number;
  onProgress?: (p: Progress) => void;
  /** Called with each finished chunk (in completion order), e.g. to show partial results. */
  onChunk?: (b: RunBlock) => void;
  /**
   * Copy each chunk into one block of all runs as it arrives and let the chunk go, so the runs
   * exist once at the peak instead of twice (the chunks, then their merge). For callers that read
   * `block` (the headless runner); the page, which hands chunks to its summary worker, does not.
   */
  assemble?: boolean;
  /**
   * Write each chunk (its columns and θ) to this store as it arrives and let it go (instead of
   * `assemble`): memory then holds only where each chunk is, and `block` reads the runs back from
   * the store when touched, bit for bit the same.
   */
  spill?: RunStore;
  /** Bytes of spilled columns `block` keeps in memory at most (default `SPILL_CACHE_BYTES`). */
  spillCacheBytes?: number;
  /**
   * False: keep no chunk here (`onChunk` hands them on, e.g. transferred to the page's summary
   * worker); the result then has no `block`.
   */
  keepChunks?: boolean;
}

export interface RunResult {
  /**
   * All finished runs 0..runs−1 in order. After a cancel: the longest finished prefix. Merged
   * when first read (a caller that already has the chunks, e.g. from `onChunk`, need not pay for it).
   */
  readonly block: RunBlock;
  /** Number of runs in `block`. */
  runs: number;
  cancelled: boolean;
  elapsedMs: number;
}

export class ScenarioError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`invalid scenario:\n${errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled before any run finished');
    this.name = 'CancelledError';
  }
}

/**
 * Chunks [offset, count] covering runs 0..total−1. With a fixed size, equal chunks. Otherwise
 * guided: each chunk takes a share of what is left (at most 250 runs, at least 10), so chunks
 * shrink toward the end and the workers finish close together instead of one waiting for the
 * other's last large chunk.
 */
export function chunkPlan(total: number, workers: number, fixed?: number): [number, number][] {
  const out: [number, number][] = [];
  if (fixed !== undefined) {
    const size = Math.max(1, Math.floor(fixed));
    for (let s = 0; s < total; s += size) out.push([s, Math.min(size, total - s)]);
    return out;
  }
  for (let s = 0; s < total;) {
    const size = Math.min(total - s, Math.max(10, Math.min(250, Math.ceil((total - s) / (4 * workers)))));
    out.push([s, size]);
    s += size;
  }
  return out;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Per worker, the first runs of the chunks it ran in its last whole hand-out (and in those stopped since). */
const lastRan = new WeakMap<WorkerHandle, Set<number>>();

interface CrashWatch {
  /** The rejections of the calls waiting on this worker now. */
  waiting: Set<(e: unknown) => void>;
  crashed: { error: unknown } | null;
}
const crashWatches = new WeakMap<WorkerHandle, CrashWatch>();

/**
 * One listener on a worker's `crashed` for its whole life. `Promise.race([call, w.crashed])`
 * leaves a reaction on the never-settling `crashed` per call, and that reaction keeps the race's
 * promise, so every block a worker ever returned stayed reachable (about 35 kB per run of the
 * default in a 100,000-run headless run).
 */
function crashWatch(w: WorkerHandle): CrashWatch {
  let watch = crashWatches.get(w);
  if (!watch) {
    const wt: CrashWatch = { waiting: new Set(), crashed: null };
    w.crashed.catch((error: unknown) => {
      wt.crashed = { error };
      for (const reject of wt.waiting) reject(error);
      wt.waiting.clear();
    });
    crashWatches.set(w, (watch = wt));
  }
  return watch;
}

/** `call`'s result, or the worker's crash if it comes first; nothing of the call is kept after it settles. */
function orCrash<T>(w: WorkerHandle, call: Promise<T>): Promise<T> {
  const watch = crashWatch(w);
  if (watch.crashed) {
    call.catch(() => {});
    return Promise.reject(watch.crashed.error);
  }
  return new Promise<T>((resolve, reject) => {
    watch.waiting.add(reject);
    call.then(
      (v) => {
        watch.waiting.delete(reject);
        resolve(v);
      },
      (e: unknown) => {
        watch.waiting.delete(reject);
        reject(e);
      },
    );
  });
}

/**
 * True for a scenario already validated and defined (`prepareScenario`, possibly in another
 * thread): its definition holds a Map, which no parsed JSON value has.
 */
export const isPrepared = (x: unknown): x is Prepared => (x as Prepared | null)?.ok === true && (x as Prepared).definition?.blocks instanceof Map;

/**
 * A scenario input (a parsed JSON value) validated and defined here, once; or as it is when it
 * already was. Loaded only when needed: the page prepares scenarios in its validator worker and
 * must not load the schema library or the formula parser on its own thread.
 */
export async function prepared(input: unknown): Promise<Prepared> {
  if (isPrepared(input)) return input;
  const { prepareScenario } = await import('../pipeline/validate');
  const p = prepareScenario(input);
  if (!p.ok) throw new ScenarioError(p.errors);
  return p;
}

/**
 * Runs a scenario on a set of workers: validates and defines it once (unless `input` is already
 * `Prepared`), hands the definition to each worker, hands out chunks of runs to whichever worker
 * is free, and merges the blocks in run order. Each run depends only on (seed, run), so the result
 * is bit-identical for any number of workers and any chunk size.
 */
export async function runOnWorkers(workers: WorkerHandle[], input: unknown, opts: RunOptions = {}): Promise<RunResult> {
  if (workers.length === 0) throw new Error('no workers');
  const p = await prepared(input);
  await Promise.all(workers.map((w) => w.load(p.definition)));
  const total = opts.runs ?? p.scenario.simulation.runs;
  const start = opts.firstRun ?? 0;
  const mode = opts.mode ?? 'aggregate';
  const chunks = chunkPlan(total, workers.length, opts.chunkSize);
  for (const c of chunks) c[0] += start;

  const t0 = now();
  const doneIn = new Map<number, number>();
  let doneTotal = 0;
  const report = () => {
    if (!opts.onProgress) return;
    const elapsedMs = now() - t0;
    opts.onProgress({ done: doneTotal, total, elapsedMs, etaMs: doneTotal > 0 ? (elapsedMs / doneTotal) * (total - doneTotal) : NaN });
  };
  const blocks: RunBlock[] = [];
  const spill = opts.spill ? new RunSpill(opts.spill, start) : null;
  const assembly = opts.assemble && !spill ? new BlockAssembly(start, total) : null;
  let next = 0;
  let cancelled = false;
  const aborted = () => opts.signal?.aborted === true;
  // The cancel flag a busy worker reads inside its runs: shared memory where the platform has it
  // (a plain array elsewhere, copied to the worker and never seen set; slices cover that case).
  const cancel = new Int32Array(typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(4) : new ArrayBuffer(4));
  const onAbort = () => Atomics.store(cancel, 0, 1);
  opts.signal?.addEventListener('abort', onAbort);
  const control: ChunkControl = { sliceMs: opts.sliceMs ?? 100, cancel };

  // Each worker first takes, in run order, the chunks it ran last time: it remembers what it worked
  // out for those runs (parameter quantiles), so after an edit it finds it. Then chunks no worker
  // ran, in run order; then another worker's, from the last (that worker goes on from its first).
  const taken = new Uint8Array(chunks.length);
  const owner = new Int32Array(chunks.length).fill(-1);
  const own = workers.map((): number[] => []);
  workers.forEach((w, k) => {
    const ran = lastRan.get(w);
    chunks.forEach((c, i) => {
      if (ran?.has(c[0]) && owner[i] < 0) {
        owner[i] = k;
        own[k].push(i);
      }
    });
  });
  let last = chunks.length - 1;
  const ranNow = workers.map(() => new Set<number>());
  const nextFor = (k: number): number => {
    while (own[k].length > 0) {
      const i = own[k].shift()!;
      if (!taken[i]) return i;
    }
    while (next < chunks.length && (taken[next] || owner[next] >= 0)) next++;
    if (next < chunks.length) return next;
    while (last >= 0 && taken[last]) last--;
    return last >= 0 ? last : chunks.length;
  };
  const loop = async (w: WorkerHandle, k: number) => {
    for (let i = nextFor(k); i < chunks.length && !aborted(); i = nextFor(k)) {
      taken[i] = 1;
      ranNow[k].add(chunks[i][0]);
      const [firstRun, count] = chunks[i];
      // A chunk comes back in slices; they are put together again, so callers see the same chunks.
      const parts: RunBlock[] = [];
      let done = 0;
      while (done < count && !aborted()) {
        const from = done;
        const part = await orCrash(
          w,
          w.runChunk(
            firstRun + from,
            count - from,
            mode,
            (d) => {
              doneTotal += from + d - (doneIn.get(firstRun) ?? 0);
              doneIn.set(firstRun, from + d);
              report();
            },
            control,
          ),
        ).catch((e: unknown) => {
          // A run whose numbers are unusable is the scenario's doing, not the worker's: said as it is.
          if (e instanceof Error && e.name === 'RunValueError') throw new RunValueError((e as { issue?: RunValueError['issue'] }).issue ?? e.message);
          throw new Error(`a worker failed on runs ${firstRun + from + 1}–${firstRun + count}: ${e instanceof Error ? e.message : String(e)}`);
        });
        if (part.runs === 0) break;
        parts.push(part);
        done += part.runs;
      }
      doneTotal += done - (doneIn.get(firstRun) ?? 0);
      doneIn.set(firstRun, done);
      if (parts.length > 0) {
        const block = parts.length === 1 ? parts[0] : mergeBlocks(parts, true);
        opts.onChunk?.(block);
        assembly?.add(block);
        spill?.add(block);
        // Only the place of the runs is kept when the columns are in the assembly, the store or handed on.
        blocks.push(assembly || spill || opts.keepChunks === false ? { ...block, cols: [], params: new Float64Array(0) } : block);
      }
      report();
    }
  };
  try {
    await Promise.all(workers.map(loop));
    // A stopped hand-out ran a few chunks only: the worker still has what it ran before as well.
    workers.forEach((w, k) => lastRan.set(w, aborted() ? new Set([...(lastRan.get(w) ?? []), ...ranNow[k]]) : ranNow[k]));
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  cancelled = aborted() && blocks.reduce((a, b) => a + b.runs, 0) < total;

  // After a cancel, keep the longest prefix of finished runs so every summary covers runs 0..k−1.
  blocks.sort((a, b) => a.firstRun - b.firstRun);
  const prefix: RunBlock[] = [];
  for (const b of blocks) {
    if (b.firstRun !== start + prefix.reduce((a, p) => a + p.runs, 0)) break;
    prefix.push(b);
  }
  if (prefix.length === 0) throw new CancelledError();
  const runs = prefix.reduce((a, b) => a + b.runs, 0);
  // The loop's closures shared this scope with what is returned: without this, every chunk
  // would stay reachable as long as the result.
  blocks.length = 0;
  if (spill) return { block: spill.block(runs, opts.spillCacheBytes), runs, cancelled, elapsedMs: now() - t0 };
  if (assembly) {
    const block = assembly.prefix(runs);
    return { block, runs, cancelled, elapsedMs: now() - t0 };
  }
  if (opts.keepChunks === false)
    return {
      get block(): RunBlock {
        throw new Error('the chunks were handed on (keepChunks: false)');
      },
      runs,
      cancelled,
      elapsedMs: now() - t0,
    };
  let merged: RunBlock | null = null;
  let held: RunBlock[] | null = prefix;
  return {
    get block() {
      if (!merged) {
        merged = mergeBlocks(held!);
        // The merge holds every run: the chunks can go.
        held = null;
      }
      return merged;
    },
    runs,
    cancelled,
    elapsedMs: now() - t0,
  };
}

export interface PrecisionOptions extends Omit<RunOptions, 'runs' | 'firstRun'> {
  /** Runs in the first batch and in each further batch. */
  initialRuns: number;
  batchRuns: number;
  maxRuns: number;
  /** True when the runs so far are precise enough (evaluated where statistics belong: a worker or Node). */
  preciseEnough: (block: RunBlock) => Promise<boolean>;
}

/**
 * "Enough runs?": adds batches of runs until `preciseEnough` says so or `maxRuns` is reached.
 * Runs continue by index, so the result equals one plain run of the final number of runs.
 */
export async function runUntilPrecise(workers: WorkerHandle[], input: unknown, o: PrecisionOptions): Promise<RunResult & { precise: boolean }> {
  input = await prepared(input);
  const blocks: RunBlock[] = [];
  let done = 0;
  let elapsedMs = 0;
  for (;;) {
    const runs = Math.min(done === 0 ? o.initialRuns : o.batchRuns, o.maxRuns - done);
    const r = await runOnWorkers(workers, input, { ...o, runs, firstRun: done });
    blocks.push(r.block);
    done += r.block.runs;
    elapsedMs += r.elapsedMs;
    const merged = mergeBlocks(blocks);
    if (r.cancelled) return { block: merged, runs: merged.runs, cancelled: true, elapsedMs, precise: false };
    const precise = await o.preciseEnough(merged);
    if (precise || done >= o.maxRuns) return { block: merged, runs: merged.runs, cancelled: false, elapsedMs, precise };
    blocks.splice(0, blocks.length, merged);
  }
}
