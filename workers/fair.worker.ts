/// <reference lib="webworker" />
// The Shapley split and the value of information off the UI thread. Cancelling terminates this worker.
import './zodConfig'; // first: before any schema is built
import * as Comlink from 'comlink';
import { coalitionSaving, scenarioShapley } from '../models/analysis/shapley';
import { decisionValue, uncertainParameters } from '../models/analysis/decisionValue';
import { validateScenario } from '../models/pipeline/validate';
import { formatErrors } from '../models/core/issues';
import type { FairApi } from './fairApi';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const api: FairApi = {
  async shapley(input, opts, onProgress) {
    const v = validateScenario(input);
    if (!v.ok) return { ok: false, message: formatErrors(v.errors) };
    try {
      const r = await scenarioShapley(input as Record<string, unknown>, coalitionSaving(opts.runs), { onProgress: (d, p) => void onProgress(d, p) });
      return { ok: true, result: { ...r, runs: opts.runs } };
    } catch (e) {
      return { ok: false, message: message(e) };
    }
  },
  async parameters(input) {
    const v = validateScenario(input);
    if (!v.ok) return { ok: false, message: formatErrors(v.errors) };
    try {
      return { ok: true, result: uncertainParameters(v.scenario) };
    } catch (e) {
      return { ok: false, message: message(e) };
    }
  },
  async voi(input, opts, onProgress) {
    const v = validateScenario(input);
    if (!v.ok) return { ok: false, message: formatErrors(v.errors) };
    try {
      return { ok: true, result: decisionValue(v.scenario, { ...opts, onProgress: (d, p) => void onProgress(d, p) }) };
    } catch (e) {
      return { ok: false, message: message(e) };
    }
  },
};
Comlink.expose(api);
