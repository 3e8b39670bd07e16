import { describe, expect, it } from 'vitest';
import { summarize } from '../../models/summary/summarize';
import { histogram, partyResultHists, uiExtras } from '../../models/summary/histograms';
import { defaultInput, run } from '../helpers';

describe('reduction histogram (summary worker extras)', () => {
  it('counts the outer tails apart instead of piling them into the end bins', () => {
    // 1,000 values 0..999 plus two far outliers: the bins cover p0.5..p99.5.
    const x = new Float64Array(1002);
    for (let i = 0; i < 1000; i++) x[i] = i;
    x[1000] = -1e6;
    x[1001] = 1e6;
    const h = histogram(x, 100, []);
    expect(h.counts.reduce((a, c) => a + c, 0) + h.below + h.above).toBe(1002);
    expect(h.below).toBeGreaterThanOrEqual(1);
    expect(h.above).toBeGreaterThanOrEqual(1);
    // The integers 4..995 in 100 bins of width 9.91: 9 or 10 per bin (11 at most with an edge),
    // and no end bin swollen by the ~5 tail values on each side (which gave 15 before).
    for (const c of h.counts) (expect(c).toBeGreaterThanOrEqual(9), expect(c).toBeLessThanOrEqual(11));
  });
});

describe('party result histograms (summary worker extras)', () => {
  const RUNS = 300;
  const { model, block } = run(defaultInput(), RUNS);
  const s = summarize(model, block);
  const ex = uiExtras(block, s.target, s);

  it('has one entry per party with money flows, in the summary model order, with all runs counted', () => {
    expect(ex.partyResults.map((p) => p.party)).toEqual(s.financing.parties.filter((p) => ex.partyResults.some((q) => q.party === p)));
    expect(ex.partyResults.length).toBeGreaterThanOrEqual(5);
    for (const p of ex.partyResults) {
      expect(p.models).toEqual(s.financing.models.map((m) => m.id));
      expect(p.hi).toBeGreaterThan(p.lo);
      for (const h of p.hists) {
        if (!h) continue;
        expect(h.counts.length).toBe(30);
        expect(h.counts.reduce((a, b) => a + b, 0) + h.below + h.above).toBe(RUNS);
        // the range spans every model's p0.5–p99.5, so at most ~0.5% + 1 run falls outside on each side
        expect(h.below).toBeLessThanOrEqual(Math.ceil(0.005 * RUNS) + 1);
        expect(h.above).toBeLessThanOrEqual(Math.ceil(0.005 * RUNS) + 1);
      }
    }
  });

  it('gives the integrator a distribution only under population-based payment', () => {
    const integ = ex.partyResults.find((p) => p.party === 'integrator');
    expect(integ).toBeDefined();
    s.financing.models.forEach((m, i) => expect(integ!.hists[i] !== null).toBe(m.kind === 'population'));
  });

  it('agrees with the engine summary: its median lies in the bins around 50% of the runs', () => {
    for (const p of ex.partyResults) {
      p.hists.forEach((h, i) => {
        if (!h) return;
        const med = s.financing.models[i].horizon[p.party as 'insurer'].result.p50;
        const w = (p.hi - p.lo) / h.counts.length;
        const k = Math.min(h.counts.length - 1, Math.max(0, Math.floor((med - p.lo) / w)));
        const before = h.below + h.counts.slice(0, k).reduce((a, b) => a + b, 0);
        const through = before + h.counts[k];
        expect(before / RUNS).toBeLessThanOrEqual(0.5 + 1e-12);
        expect(through / RUNS).toBeGreaterThanOrEqual(0.5 - 1 / RUNS);
      });
    }
  });

  it('keeps zero-width ranges drawable', () => {
    const b = { ...block, names: ['fin.m.gp.revenue', 'fin.m.gp.cost'], cols: [new Float64Array(block.runs * block.years).fill(2), new Float64Array(block.runs * block.years).fill(1)] };
    const [h] = partyResultHists(b, ['m'], ['gp'], 10);
    expect(h.hi).toBeGreaterThan(h.lo);
    expect(h.hists[0]!.counts.reduce((a, c) => a + c, 0)).toBe(block.runs);
  });
});

describe('partial summaries (shown while a run goes on)', () => {
  const { model, block } = run(defaultInput(), 120);
  it('leave out financing and the analyses and keep everything else identical', () => {
    const full = summarize(model, block);
    const part = summarize(model, block, { analyses: false, financing: false });
    expect(part.financing.models).toEqual([]);
    expect(part.sensitivity).toEqual({ reductionLastYear: [], results: [] });
    expect(full.financing.models.length).toBeGreaterThan(0);
    expect(full.sensitivity.reductionLastYear.length).toBeGreaterThan(0);
    expect(part.varianceSplit.parties).toEqual([]);
    expect(full.varianceSplit.parties.length).toBeGreaterThan(0);
    const { financing: _a, sensitivity: _b, varianceSplit: vf, ...restFull } = full;
    const { financing: _c, sensitivity: _d, varianceSplit: vp, ...restPart } = part;
    expect(restPart).toEqual(restFull);
    expect({ ...vp, parties: [] }).toEqual({ ...vf, parties: [] });
    expect(uiExtras(block, part.target, part, false).partyResults).toEqual([]);
  });
});
