// The design worker's API (web worker and Node worker thread alike).
import * as Comlink from 'comlink';
import { DesignError, designContract, designEvaluator, designRuns, designRunsFrom, designScenario, designSetup, type Evaluator } from '../models/analysis/design';
import { validateScenario } from '../models/pipeline/validate';
import { formatErrors, type Issue } from '../models/core/issues';
import type { Scenario } from '../models/scenario/schema';
import type { DesignFailure, DesignRequest, DesignWorkerApi } from './designApi';
import { moved, type Moved } from './remote';
import { blockBuffers, mergeBlocks } from '../models/runner/merge';
import type { RunBlock } from '../models/runner/protocol';

const failure = (e: unknown): DesignFailure => {
  if (e instanceof DesignError && e.issue) return { ok: false, message: e.message, issues: [{ path: '', ...e.issue } as Issue] };
  return { ok: false, message: e instanceof Error ? e.message : String(e) };
};

function validated(input: unknown): { ok: true; scenario: Scenario } | DesignFailure {
  const v = validateScenario(input);
  return v.ok ? v : { ok: false, message: formatErrors(v.errors), issues: v.errors.map(({ path, code, params }) => ({ path, code, params }) as Issue) };
}

/** The API over comlink on `endpoint` (the worker's own scope when absent). */
export function exposeDesignApi(endpoint?: Comlink.Endpoint): void {
  Comlink.expose(createDesignApi(), endpoint);
}

/** A design worker's API as plain calls (what `exposeDesignApi` serves; tests call it in-process). */
export function createDesignApi(): DesignWorkerApi {
  let evaluator: Evaluator | null = null;
  const setupOf = (r: DesignRequest, s: Scenario) => designSetup(s, r.contract, r.terms, { accept: r.accept, runs: r.opts.runs, steps: r.opts.steps });
  const api: DesignWorkerApi = {
    async design(input, contract, terms, accept, opts, onProgress) {
      const v = validated(input);
      if (!v.ok) return v;
      try {
        return { ok: true, design: designContract(v.scenario, contract, terms, { accept, runs: opts.runs, steps: opts.steps, onProgress: (d, p) => void onProgress(d, p) }) };
      } catch (e) {
        return failure(e);
      }
    },
    async simulate(request, from, count) {
      const v = validated(request.input);
      if (!v.ok) return v;
      try {
        const setup = setupOf(request, v.scenario);
        return { ok: true, setup, block: moved(designRuns(designScenario(v.scenario), from, count)) };
      } catch (e) {
        return failure(e);
      }
    },
    async reuse(request, scenario, made, copies) {
      const v = validated(request.input);
      if (!v.ok) return v;
      try {
        const setup = setupOf(request, v.scenario);
        const block = designRunsFrom(v.scenario, request.opts.runs, { scenario, block: made });
        if (!block) return { ok: true, setup, blocks: null };
        evaluator = designEvaluator(designScenario(v.scenario), request.contract, setup.parties, block);
        // Copied before any variant is settled on the block (settling writes the contract's columns).
        const blocks = Array.from({ length: copies }, () => mergeBlocks([block]));
        // The answer itself marked for transfer: comlink transfers only what the top-level value names.
        return Comlink.transfer({ ok: true as const, setup, blocks: blocks as Moved<RunBlock>[] }, blocks.flatMap(blockBuffers));
      } catch (e) {
        return failure(e);
      }
    },
    async load(request, block) {
      const v = validated(request.input);
      if (!v.ok) return v;
      try {
        evaluator = designEvaluator(designScenario(v.scenario), request.contract, setupOf(request, v.scenario).parties, block);
        return { ok: true };
      } catch (e) {
        return failure(e);
      }
    },
    async evaluate(points) {
      if (!evaluator) return { ok: false, message: 'the design worker has no runs loaded' };
      try {
        return { ok: true, outcomes: points.map((t) => evaluator!.evaluate(t)) };
      } catch (e) {
        return failure(e);
      }
    },
  };
  return api;
}
