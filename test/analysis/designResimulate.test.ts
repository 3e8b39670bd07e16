import { describe, expect, it } from 'vitest';
import { designContract } from '../../models/analysis/design';
import { compile } from '../../models/pipeline/compile';
import { simulateBlock } from '../../models/simulation/block';
import { summarizeFinancing } from '../../models/summary/financing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultInput, root, runNormally, valid } from '../helpers';

const RUNS = 60;

describe('contract designer: a term that changes what the simulation records', () => {
  const input = defaultInput();
  input.simulation = { ...input.simulation!, runs: RUNS, varianceSplitRuns: 0 };
  const s = valid(input);

  it('simulates each stop-loss threshold again from the same seeds, says so, and equals the variant run normally', () => {
    const d = designContract(s, 'populatie', [{ path: 'stopLoss.threshold', lo: 50_000, hi: 150_000 }], { steps: 2 });
    expect(d.resimulated).toBe(true);
    const gains = d.points.map((p) => p.outcome.integrator!.gain);
    // The threshold matters: two different results (so the comparison below is not of one number).
    expect(gains[0]).not.toBe(gains[1]);
    for (const p of d.points) {
      const full = runNormally(s, 'populatie', RUNS, (m) => ((m.stopLoss as { threshold: number }).threshold = p.terms['stopLoss.threshold']));
      for (const party of Object.keys(p.outcome) as (keyof typeof p.outcome)[]) {
        expect(p.outcome[party]!.gain, `${party} at ${p.terms['stopLoss.threshold']}`).toBe(full.horizon[party].changeVsStatusQuo.mean);
        expect(p.outcome[party]!.es).toBe(full.horizon[party].changeEs95);
      }
    }
  });

  it("simulates each variant again when the contract's incentives change care (behaviour on), and equals the variant run normally", () => {
    // The library scenario whose contracts change care: a sharing rate moves the GP group's uptake and volume.
    const lib = JSON.parse(readFileSync(join(root, 'scenarios', 'welk-contract-substitutie.json'), 'utf8'));
    lib.simulation = { ...lib.simulation, runs: RUNS, varianceSplitRuns: 0 };
    const b = valid(lib);
    const d = designContract(b, 'ss', [{ path: 'sharingRate', lo: 0.2, hi: 0.8 }], { steps: 2 });
    expect(d.resimulated).toBe(true);
    const gains = d.points.map((p) => p.outcome.insurer!.gain);
    expect(gains[0]).not.toBe(gains[1]);
    for (const p of d.points) {
      const full = runNormally(b, 'ss', RUNS, (m) => (m.sharingRate = p.terms.sharingRate));
      for (const party of Object.keys(p.outcome) as (keyof typeof p.outcome)[]) {
        expect(p.outcome[party]!.gain, `${party} at ${p.terms.sharingRate}`).toBe(full.horizon[party].changeVsStatusQuo.mean);
        expect(p.outcome[party]!.es).toBe(full.horizon[party].changeEs95);
      }
    }
  });

  it('simulates each coverage of the contract again, and at 100% equals the scenario as it is', () => {
    const d = designContract(s, 'ss-one', [{ path: 'coverage', lo: 0.5, hi: 1 }], { steps: 2 });
    expect(d.resimulated).toBe(true);
    const model = compile(s);
    const asIs = summarizeFinancing(model.financing, simulateBlock(model, 0, RUNS, 'aggregate')).models.find((x) => x.id === 'ss-one')!;
    for (const p of d.points) {
      const full = runNormally(s, 'ss-one', RUNS, (m) => (m.coverage = p.terms.coverage));
      for (const party of Object.keys(p.outcome) as (keyof typeof p.outcome)[]) expect(p.outcome[party]!.gain, `${party} at ${p.terms.coverage}`).toBe(full.horizon[party].changeVsStatusQuo.mean);
      if (p.terms.coverage === 1) for (const party of Object.keys(p.outcome) as (keyof typeof p.outcome)[]) expect(p.outcome[party]!.gain).toBe(asIs.horizon[party].changeVsStatusQuo.mean);
    }
    expect(d.points.some((p) => p.terms.coverage === 1) && d.points.some((p) => p.terms.coverage === 0.5)).toBe(true);
  });
});
