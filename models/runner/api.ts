import { validateScenario } from '../scenario/validate';
import { compile, type Model } from '../simulation/compile';
import { simulateBlock } from '../simulation/block';
import { summarize } from '../summary/summarize';
import { blockColumns, makeLayout } from '../simulation/columns';
import type { LoadResult, SimApi } from './protocol';

/** Progress is reported every this many runs (and at the end of a chunk). */
const PROGRESS_EVERY = 25;

/** The worker-side implementation, free of any transport. */
export function createSimApi(): SimApi {
  let model: Model | null = null;
  const need = (): Model => {
    if (!model) throw new Error('no scenario loaded');
    return model;
  };
  return {
    load(input: unknown): LoadResult {
      const v = validateScenario(input);
      if (!v.ok) {
        model = null;
        return v;
      }
      model = compile(v.scenario);
      return {
        ok: true,
        runs: v.scenario.simulation.runs,
        years: model.horizon,
        columns: blockColumns(model, makeLayout(model.excessThresholds.length)),
        params: model.registry.slots.map((s) => ({ path: s.path, uncertain: s.uncertain, block: s.block })),
      };
    },
    runChunk(firstRun, count, mode, onProgress) {
      const m = need();
      return simulateBlock(m, firstRun, count, mode, (done) => {
        if (onProgress && (done % PROGRESS_EVERY === 0 || done === count)) onProgress(done);
      });
    },
    summarize(block, opts) {
      return summarize(need(), block, opts);
    },
  };
}
