/// <reference lib="webworker" />
// The UI's analysis worker: goal search (bisection and each step's output with its Monte Carlo
// error) and the "enough runs?" check. The simulations themselves run on the simulation pool; the
// UI thread hands the blocks over and never computes statistics.
import * as Comlink from 'comlink';
import { goalMetric, seekGoal } from '../models/analysis/goals';
import { keyErrors, preciseEnough } from '../models/analysis/precision';
import type { UiAnalysisApi } from './uiAnalysisApi';

const api: UiAnalysisApi = {
  async seek(spec, target, simulate, onStep) {
    let step = 0;
    return seekGoal(spec, async (x) => {
      const block = await simulate(x);
      const e = goalMetric(block, spec, target);
      step++;
      onStep({ step, x, value: e.value, se: e.se, n: e.n });
      return e;
    });
  },
  precision(block, target, tolerances) {
    const errors = keyErrors(block, target);
    return { errors, precise: preciseEnough(errors, tolerances) };
  },
};
Comlink.expose(api);
