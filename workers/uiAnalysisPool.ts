import * as Comlink from 'comlink';
import { blockBuffers } from '../models/runner/merge';
import type { RunBlock } from '../models/runner/protocol';
import type { GoalSpec } from '../models/analysis/goals';
import type { SeekResult } from '../models/analysis/goalSeek';
import type { KeyErrors, Tolerances } from '../models/analysis/precision';
import { pickColumns } from '../src/decision/goalOptions';
import type { GoalStep, UiAnalysisApi } from './uiAnalysisApi';

export interface UiAnalysisHandle {
  /** Goal search: `simulate(x)` runs the scenario at x; its block is transferred to the worker. */
  seek(spec: GoalSpec, target: number, simulate: (x: number) => Promise<RunBlock>, onStep: (s: GoalStep) => void): Promise<SeekResult>;
  /** Sends a copy of the two columns the check needs: the caller keeps its block. */
  precision(block: RunBlock, target: number, tolerances: Tolerances): Promise<{ errors: KeyErrors; precise: boolean }>;
  terminate(): void;
}

/** Columns `keyErrors` reads (models/analysis/precision.ts). */
const PRECISION_COLUMNS = ['reduction', 'sc.total'];

/** Starts the UI's analysis worker (goal search and the "enough runs?" check, off the UI thread). */
export function uiAnalysisWorker(): UiAnalysisHandle {
  const w = new Worker(new URL('./uiAnalysis.worker.ts', import.meta.url), { type: 'module' });
  const crashed = new Promise<never>((_, reject) => {
    w.addEventListener('error', (e) => reject(new Error(e.message || 'the analysis worker stopped with an error')));
  });
  crashed.catch(() => {});
  const remote = Comlink.wrap<UiAnalysisApi>(w);
  return {
    seek: (spec, target, simulate, onStep) => {
      const sim = Comlink.proxy(async (x: number) => {
        const b = await simulate(x);
        return Comlink.transfer(b, blockBuffers(b));
      });
      const step = Comlink.proxy(onStep);
      return Promise.race([remote.seek(spec, target, sim, step) as Promise<SeekResult>, crashed]);
    },
    precision: (block, target, tolerances) => {
      const slim = pickColumns(block, PRECISION_COLUMNS);
      return Promise.race([remote.precision(Comlink.transfer(slim, blockBuffers(slim)), target, tolerances) as Promise<{ errors: KeyErrors; precise: boolean }>, crashed]);
    },
    terminate: () => w.terminate(),
  };
}
