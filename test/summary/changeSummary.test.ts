import { describe, expect, it } from 'vitest';
import { summarizeFinancing } from '../../models/summary/financing';
import { PARTIES } from '../../models/core/names';
import { defaultInput, run } from '../helpers';
import { result } from '../finance/helpers';

/**
 * The summary band's numbers against a slow, obvious implementation on the same runs: per run the
 * party's horizon result minus the status quo's, sorted; the bad case is the mean of the worst
 * floor(5% · n) changes (as a shortfall, positive = worse off). The status quo's own row has the
 * same statistics as any model, with a change of exactly 0.
 */
describe('change against the status quo: bad case and the status-quo row', () => {
  const { model, block: b } = run(defaultInput(), 240);
  const fin = summarizeFinancing(model.financing, b);
  const horizon = (col: Float64Array) =>
    Float64Array.from({ length: b.runs }, (_, r) => {
      let s = 0;
      for (let t = 0; t < b.years; t++) s += col[r * b.years + t];
      return s;
    });
  const worstMean = (x: number[]) => {
    const s = [...x].sort((a, c) => a - c);
    const k = Math.max(1, Math.floor(0.05 * s.length));
    return s.slice(0, k).reduce((a, v) => a + v, 0) / k;
  };

  it('changeEs95 is the mean shortfall of the worst 5% of runs (horizon and each year), to 1e-9 relative', () => {
    for (const m of fin.models) {
      for (const p of PARTIES) {
        const r = result(b, m.id, p);
        const sq = result(b, 'statusQuo', p);
        const hr = horizon(r);
        const hs = horizon(sq);
        const change = Array.from(hr, (x, i) => x - hs[i]);
        const want = -worstMean(change);
        const got = m.horizon[p].changeEs95;
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        // The bad case is at least as bad as the mean change (a tail mean is below the mean).
        expect(-got).toBeLessThanOrEqual(m.horizon[p].changeVsStatusQuo.mean + 1e-6);
        expect(m.horizon[p].changeEs95Mcse).toBeGreaterThanOrEqual(0);
        const y = b.years - 1;
        const last = Array.from({ length: b.runs }, (_, i) => r[i * b.years + y] - sq[i * b.years + y]);
        const wantY = -worstMean(last);
        expect(Math.abs(m.years[y][p].changeEs95 - wantY)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wantY)));
      }
    }
  });

  it("the status-quo row: its result equals statusQuo's, its change is 0, nobody is worse off than themselves", () => {
    for (const p of PARTIES) {
      const row = fin.statusQuoRisk.horizon[p];
      expect(row.result.mean).toBe(fin.statusQuo.horizon[p].mean);
      expect(row.changeVsStatusQuo.mean).toBe(0);
      expect(row.pWorseOff.p).toBe(0);
      expect(row.changeEs95).toBe(-0);
      const sq = horizon(result(b, 'statusQuo', p));
      const losses = sq.filter((x) => x < 0).length;
      expect(row.pLoss.p).toBe(losses / b.runs);
      expect(Math.abs(row.es95 + worstMean([...sq]))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(row.es95)));
    }
    expect(fin.statusQuoRisk.years).toHaveLength(b.years);
  });
});
