/// <reference lib="webworker" />
// The contract designer off the UI thread: one simulation, then the financing stage per variant.
// Cancelling terminates this worker.
import './zodConfig'; // first: before any schema is built
import * as Comlink from 'comlink';
import { DesignError, designContract } from '../models/analysis/design';
import { validateScenario } from '../models/pipeline/validate';
import { formatErrors, type Issue } from '../models/core/issues';
import type { DesignApi } from './designApi';

const api: DesignApi = {
  async design(input, contract, terms, accept, opts, onProgress) {
    const v = validateScenario(input);
    if (!v.ok) return { ok: false, message: formatErrors(v.errors), issues: v.errors.map(({ path, code, params }) => ({ path, code, params }) as Issue) };
    try {
      const design = designContract(v.scenario, contract, terms, { accept, runs: opts.runs, steps: opts.steps, onProgress: (d, p) => void onProgress(d, p) });
      return { ok: true, design };
    } catch (e) {
      if (e instanceof DesignError && e.issue) return { ok: false, message: e.message, issues: [{ path: '', ...e.issue } as Issue] };
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  },
};
Comlink.expose(api);
