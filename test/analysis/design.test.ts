import { describe, expect, it } from 'vitest';
import { designContract, parseTerms, DesignError, yearlyShortfall } from '../../models/analysis/design';
import { finColumn, STATUS_QUO } from '../../models/core/columns';
import { compile } from '../../models/pipeline/compile';
import { simulateBlock } from '../../models/simulation/block';
import { summarizeFinancing } from '../../models/summary/financing';
import { PARTIES } from '../../models/core/names';
import type { Scenario } from '../../models/scenario/schema';
import { defaultInput, runNormally, valid } from '../helpers';

const RUNS = 120;

/** The default scenario, smaller: the checks are about settling variants, not about the numbers. */
function scenario(): Scenario {
  const input = defaultInput();
  input.simulation = { ...input.simulation!, runs: RUNS, varianceSplitRuns: 0 };
  return valid(input);
}

describe('contract designer', () => {
  const s = scenario();

  it('settles a variant on the stored care exactly as a full simulation of that variant would (common random numbers)', () => {
    const d = designContract(s, 'ss-one', [{ path: 'sharingRate', lo: 0.2, hi: 0.8 }], { steps: 3 });
    expect(d.resimulated).toBe(false);
    for (const p of d.points) {
      // Slow and obvious: the variant written into the scenario and simulated from scratch.
      const full = runNormally(s, 'ss-one', RUNS, (m) => (m.sharingRate = p.terms.sharingRate));
      for (const party of Object.keys(p.outcome) as (keyof typeof p.outcome)[]) {
        expect(p.outcome[party]!.gain, `${party} at ${p.terms.sharingRate}`).toBe(full.horizon[party].changeVsStatusQuo.mean);
        expect(p.outcome[party]!.pWorse).toBe(full.horizon[party].pWorseOff.p);
        expect(p.outcome[party]!.es).toBe(full.horizon[party].changeEs95);
      }
    }
  });

  it('every outcome of every variant equals the same contract simulated from scratch, for nested terms, terms that are no parameter, and each contract kind', () => {
    // Slow and obvious: each variant written into the scenario, validated, compiled and simulated in
    // full; its horizon summary and the worst 5% of its run-years, field by field, bit for bit.
    const cases: [string, string, number][] = [
      ['ss-one', 'share=0:1,msr=0:0.05,settlementYears=1:3', 2],
      ['populatie', 'discount=-0.02:0.03,corridor.band=0:0.1', 2],
      ['zh-budget', 'glide=0:0.04', 2],
      ['bonus', 'qualityThreshold=60:80', 2],
    ];
    for (const [id, terms, steps] of cases) {
      const d = designContract(s, id, parseTerms(terms), { steps, accept: [{ party: 'insurer', minMeanGain: -Infinity, maxPWorse: 1 }] });
      expect(d.resimulated, id).toBe(false);
      expect(d.points.length, id).toBe(steps ** d.terms.length);
      for (const p of d.points) {
        const v = structuredClone(s) as unknown as { financing: { models: Record<string, unknown>[] } };
        const m = v.financing.models.find((x) => x.id === id)!;
        for (const [path, x] of Object.entries(p.terms)) {
          const keys = path.split('.');
          let o = m;
          for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
          o[keys[keys.length - 1]] = x;
        }
        const model = compile(valid(v));
        const b = simulateBlock(model, 0, RUNS, 'aggregate');
        const full = summarizeFinancing(model.financing, b).models.find((x) => x.id === id)!;
        for (const party of Object.keys(p.outcome) as (keyof typeof p.outcome)[]) {
          const o = p.outcome[party]!;
          const h = full.horizon[party];
          const y = yearlyShortfall(b, id, party);
          const at = `${id} ${party} at ${JSON.stringify(p.terms)}`;
          expect([o.gain, o.gainMcse, o.pWorse, o.pWorseMcse, o.es, o.esMcse, o.esYear, o.esYearMcse, o.revenue], at).toEqual([
            h.changeVsStatusQuo.mean,
            h.changeVsStatusQuo.mcse,
            h.pWorseOff.p,
            h.pWorseOff.mcse,
            h.changeEs95,
            h.changeEs95Mcse,
            y.es,
            y.mcse,
            b.cols[b.names.indexOf(finColumn(STATUS_QUO, party, 'revenue'))].reduce((a, x) => a + x, 0) / RUNS,
          ]);
        }
      }
    }
  });

  it('moves money between the parties only: the sum of every party’s change is the same for every sharing rate', () => {
    const d = designContract(s, 'ss-one', [{ path: 'sharingRate', lo: 0, hi: 1 }], {
      steps: 5,
      accept: PARTIES.filter((p) => p !== 'integrator').map((party) => ({ party, minMeanGain: -Infinity, maxPWorse: 1 })),
    });
    const sums = d.points.map((p) => Object.values(p.outcome).reduce((a, o) => a + o!.gain, 0));
    const scale = Math.max(...d.points.map((p) => Math.abs(p.outcome.insurer!.gain)));
    for (const x of sums) expect(Math.abs(x - sums[0]) / scale).toBeLessThan(1e-9);
    // More sharing: the hospital and GP group gain weakly more, the insurer weakly less.
    const byRate = [...d.points].sort((a, b) => a.terms.sharingRate - b.terms.sharingRate);
    for (let i = 1; i < byRate.length; i++) {
      expect(byRate[i].outcome.insurer!.gain).toBeLessThanOrEqual(byRate[i - 1].outcome.insurer!.gain);
      expect(byRate[i].outcome.hospital!.gain + byRate[i].outcome.gp!.gain).toBeGreaterThanOrEqual(byRate[i - 1].outcome.hospital!.gain + byRate[i - 1].outcome.gp!.gain);
    }
  });

  it('proposes a Nash point inside the acceptable set, a Pareto frontier of undominated points, and refines along the boundary', () => {
    const accept = [
      { party: 'insurer' as const, minMeanGain: 0, maxPWorse: 1 },
      { party: 'hospital' as const, minMeanGain: 0, maxPWorse: 1 },
      { party: 'gp' as const, minMeanGain: 0, maxPWorse: 0.5 },
    ];
    const d = designContract(s, 'ss-two', parseTerms('share=0:1,lossShare=0:1'), { steps: 5, accept });
    expect(d.points.length).toBeGreaterThan(25); // refined beyond the 5 × 5 grid
    const ok = d.points.filter((p) => p.acceptable);
    expect(ok.length).toBeGreaterThan(0);
    expect(ok.length).toBeLessThan(d.points.length);
    const g = (p: (typeof d.points)[number]) => accept.map((a) => p.outcome[a.party]!.gain);
    for (const i of d.pareto) {
      expect(d.points[i].acceptable).toBe(true);
      for (const q of ok) expect(g(q).every((x, k) => x >= g(d.points[i])[k]) && g(q).some((x, k) => x > g(d.points[i])[k])).toBe(false);
    }
    if (d.nash !== null) {
      expect(d.points[d.nash].acceptable).toBe(true);
      const prod = (p: (typeof d.points)[number]) => g(p).reduce((a, x) => a * Math.max(x, 0), 1);
      for (const q of ok) expect(prod(q)).toBeLessThanOrEqual(prod(d.points[d.nash]));
    }
  });

  it('when no point is acceptable, names the party and limit that bind and by how much', () => {
    const d = designContract(s, 'ss-one', [{ path: 'sharingRate', lo: 0, hi: 1 }], { steps: 3, accept: [{ party: 'insurer', minMeanGain: 1e12, maxPWorse: 1 }] });
    expect(d.points.every((p) => !p.acceptable)).toBe(true);
    expect(d.nash).toBeNull();
    const best = Math.max(...d.points.map((p) => p.outcome.insurer!.gain));
    expect(d.binding).toEqual([{ party: 'insurer', limit: 'minMeanGain', by: 1e12 - best }]);
  });

  it('refuses unknown contracts, bad ranges and terms outside the schema’s range with the term named', () => {
    expect(() => designContract(s, 'nope', [{ path: 'sharingRate', lo: 0, hi: 1 }])).toThrow(/no contract "nope"/);
    expect(() => parseTerms('sharingRate=1:0')).toThrow(DesignError);
    expect(() => parseTerms('__proto__.x=0:1')).toThrow(DesignError);
    expect(() => designContract(s, 'ss-one', [{ path: 'sharingRate', lo: 0, hi: 2 }], { steps: 3 })).toThrow(/sharingRate/);
  });

  it('limits the worst 5% of years and a shortfall in % of revenue: each checked against a slow obvious count', () => {
    // The slow way: every run-year's loss against the status quo, sorted, the largest 5% averaged.
    const model = compile(s);
    const b = simulateBlock(model, 0, RUNS, 'aggregate');
    const col = (m: string, p: string, w: 'revenue' | 'cost') => b.cols[b.names.indexOf(finColumn(m, p, w))];
    const losses = (p: string) =>
      Array.from({ length: RUNS * b.years }, (_, i) => col(STATUS_QUO, p, 'revenue')[i] - col(STATUS_QUO, p, 'cost')[i] - (col('ss-one', p, 'revenue')[i] - col('ss-one', p, 'cost')[i])).sort(
        (x, y) => y - x,
      );
    const tail = Math.floor(0.05 * RUNS * b.years);
    for (const p of ['insurer', 'hospital'] as const) {
      const slow =
        losses(p)
          .slice(0, tail)
          .reduce((a, x) => a + x, 0) / tail;
      const y = yearlyShortfall(b, 'ss-one', p);
      expect(Math.abs(y.es - slow)).toBeLessThanOrEqual(1e-9 * Math.abs(slow) + 1e-6);
      expect(y.mcse).toBeGreaterThan(0);
    }
    // The same limit in % of revenue: met exactly when the euro limit at that share of revenue is.
    const probe = designContract(s, 'ss-one', [{ path: 'sharingRate', lo: 0.2, hi: 0.8 }], { steps: 3, accept: [{ party: 'hospital', minMeanGain: -Infinity, maxPWorse: 1 }] });
    const o = probe.points.map((p) => p.outcome.hospital!);
    const revYear = o[0].revenue / o[0].years;
    expect(o.every((x) => x.revenue === o[0].revenue)).toBe(true); // the reference does not move with the terms
    // The limit at the smallest worst-years' loss: it cuts the variants, not all or none, as long as they differ.
    const edge = Math.min(...o.map((x) => x.esYear));
    expect(new Set(o.map((x) => x.esYear)).size).toBeGreaterThan(1);
    for (const unit of ['euro', 'revenue'] as const) {
      const maxEs = unit === 'euro' ? edge : edge / revYear;
      const d = designContract(s, 'ss-one', [{ path: 'sharingRate', lo: 0.2, hi: 0.8 }], {
        steps: 3,
        accept: [{ party: 'hospital', minMeanGain: -Infinity, maxPWorse: 1, maxEs, esUnit: unit, esOver: 'year' }],
      });
      expect(d.points.slice(0, 3).map((p) => p.acceptable)).toEqual(o.map((x) => x.esYear <= edge * (1 + 1e-12)));
    }
  });
});
