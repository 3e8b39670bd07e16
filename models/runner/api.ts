import { runnable } from '../pipeline/runnable';
import type { Model } from '../simulation/model';
import { simulateBlock } from '../simulation/block';
import type { KeptCare } from '../simulation/keptCare';
import { summarize } from '../summary/summarize';
import { blockColumns, makeLayout, worldsOf } from '../simulation/columns';
import type { LoadResult, SimApi } from './protocol';

/** Progress is reported every this many runs, at least every PROGRESS_MS, and at the end of a chunk. */
const PROGRESS_EVERY = 25;
const PROGRESS_MS = 100;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * The worker-side implementation, free of any transport. With `kept` it keeps the care of the
 * runs it simulated, so that after an edit of contract terms alone the runs it is handed again
 * (the page's workers first take the chunks they ran last time) are settled on that care instead
 * of simulated; a one-off run (the command line) keeps nothing.
 */
export function createSimApi(kept: KeptCare | null = null): SimApi {
  let model: Model | null = null;
  const need = (): Model => {
    if (!model) throw new Error('no scenario loaded');
    return model;
  };
  return {
    load(def): LoadResult {
      model = null;
      model = runnable(def);
      return {
        ok: true,
        runs: def.scenario.simulation.runs,
        years: model.horizon,
        columns: blockColumns(model, makeLayout(model.excessThresholds.length, model.coverageLevels.length, worldsOf(model))),
        params: model.registry.slots.map((s) => ({ path: s.path, uncertain: s.uncertain, block: s.block })),
      };
    },
    runChunk(firstRun, count, mode, onProgress, control) {
      const m = need();
      const flag = control?.cancel;
      const cancelled = flag ? () => Atomics.load(flag, 0) !== 0 : undefined;
      const slice = control?.sliceMs;
      const t0 = now();
      let reported = t0;
      return simulateBlock(
        m,
        firstRun,
        count,
        mode,
        (done) => {
          const t = now();
          // Slow runs report each one, so progress (and a cancel prompted by it) need not wait for 25.
          if (onProgress && (done % PROGRESS_EVERY === 0 || done === count || t - reported >= PROGRESS_MS)) {
            reported = t;
            onProgress(done);
          }
          if (cancelled?.()) return false;
          if (slice !== undefined && done < count && t - t0 >= slice) {
            if (reported !== t) onProgress?.(done);
            return false;
          }
        },
        cancelled,
        undefined,
        kept,
      );
    },
    summarize(block, opts) {
      return summarize(need(), block, opts);
    },
  };
}
