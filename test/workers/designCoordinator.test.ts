import { describe, expect, it } from 'vitest';
import { designContract, parseTerms } from '../../models/analysis/design';
import { designOnWorkers } from '../../workers/designCoordinator';
import { createDesignApi } from '../../workers/designService';
import type { DesignRequest, DesignWorkerApi } from '../../workers/designApi';
import type { Remote } from '../../workers/remote';
import { compile } from '../../models/pipeline/compile';
import { simulateBlock } from '../../models/simulation/block';
import { defaultInput, valid } from '../helpers';

const RUNS = 90;

/** A design worker in this thread, its arguments and answers copied as a message between threads would copy them. */
function inProcess(): Remote<DesignWorkerApi> {
  const api = createDesignApi();
  const copy = <T>(x: T): T => structuredClone(x);
  return {
    design: async (...a) => copy(await api.design(...(copy(a.slice(0, 5)) as [unknown, string, never, never, never]), a[5])),
    simulate: async (r, from, count) => copy(await api.simulate(copy(r), from, count)),
    reuse: async (r, sc, b, k) => copy(await api.reuse(copy(r), copy(sc), copy(b), k)),
    load: async (r, b) => copy(await api.load(copy(r), copy(b))),
    evaluate: async (p) => copy(await api.evaluate(copy(p))),
  };
}

describe('the contract designer over workers', () => {
  const input = defaultInput();
  input.simulation = { ...input.simulation!, runs: RUNS, varianceSplitRuns: 0 };
  const request: DesignRequest = {
    input,
    contract: 'ss-two',
    terms: parseTerms('share=0:1,lossShare=0:1'),
    accept: [
      { party: 'insurer', minMeanGain: 0, maxPWorse: 1 },
      { party: 'gp', minMeanGain: 0, maxPWorse: 0.5 },
    ],
    opts: { runs: RUNS, steps: 4 },
  };

  it('gives the design of one thread, bit for bit, for 1, 2 and 3 workers (the runs split, the variants spread), with progress up to every point', async () => {
    const alone = designContract(valid(structuredClone(input)), request.contract, request.terms, { accept: request.accept, runs: RUNS, steps: 4 });
    expect(alone.points.length).toBeGreaterThan(16); // the refinement ran
    for (const n of [1, 2, 3]) {
      const seen: [number, number][] = [];
      const r = await designOnWorkers(Array.from({ length: n }, inProcess), request, (d, p) => seen.push([d, p]));
      expect(r.ok, `${n} workers`).toBe(true);
      expect(r.ok && r.design, `${n} workers`).toEqual(alone);
      expect(seen.at(-1)).toEqual([alone.points.length, alone.points.length]);
    }
  });

  it("takes the page's runs of the scenario instead of simulating them, with the same design bit for bit, and simulates when they are another scenario's", async () => {
    const alone = designContract(valid(structuredClone(input)), request.contract, request.terms, { accept: request.accept, runs: RUNS, steps: 4 });
    // The page's run: the scenario as it stands (its variance split on), more runs than the search asks.
    const page = valid({ ...structuredClone(input), simulation: { ...input.simulation!, runs: RUNS + 20, varianceSplitRuns: 30 } });
    const made = { scenario: page, block: simulateBlock(compile(page), 0, RUNS + 20, 'aggregate') };
    for (const [what, offered, simulates, workers] of [
      ['its own runs, 1 worker', made, false, 1],
      ['its own runs, 3 workers', made, false, 3],
      ["another seed's runs", { ...made, scenario: valid({ ...structuredClone(input), simulation: { ...input.simulation!, seed: 'other' } }) }, true, 2],
    ] as const) {
      let simulated = 0;
      const pool = Array.from({ length: workers }, inProcess).map((w) => ({ ...w, simulate: (...a: Parameters<typeof w.simulate>) => (simulated++, w.simulate(...a)) }));
      // The request's scenario without the page's variance split is the same scenario's runs.
      const r = await designOnWorkers(
        pool,
        { ...request, input: { ...structuredClone(input), simulation: { ...input.simulation!, runs: RUNS + 20, varianceSplitRuns: 30 } } },
        () => {},
        async () => structuredClone(offered),
      );
      expect(r.ok, what).toBe(true);
      expect(simulated > 0, what).toBe(simulates);
      expect(r.ok && r.design, what).toEqual(alone);
    }
  });

  it('passes on a refused request with its issue', async () => {
    const r = await designOnWorkers([inProcess(), inProcess()], { ...request, contract: 'nope' }, () => {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/no contract "nope"/);
    expect(!r.ok && r.issues?.[0].code).toBe('designNoContract');
  });
});
