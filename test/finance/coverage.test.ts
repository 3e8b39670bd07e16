import { describe, expect, it } from 'vitest';
import { column, type RunBlock } from '../../models/simulation/columns';
import { ks2 } from '../support/ks';
import { clone, defaultInput, run, smallInput, yearValues } from '../helpers';
import { PARTIES_DEFAULT, paid, totalResult } from './helpers';

// A contract covering a share c of the insured (the contracting insurer's) settles on the first
// round(n·c) people of every segment, simulated as their own sums; the others stay fee-for-service.

const same = (a: RunBlock, b: RunBlock) => a.names.join() === b.names.join() && a.cols.every((c, i) => c.every((v, j) => Object.is(v, b.cols[i][j])));

/** The default scenario's contracts, each also at coverage c (ids suffixed `-c`). */
function withCoverage(c: number) {
  const s = clone(defaultInput()) as { financing: { models: { id: string; coverage?: number }[] } };
  s.financing.models = [...s.financing.models, ...s.financing.models.map((m) => ({ ...m, id: `${m.id}-c`, coverage: c }))];
  return s;
}

describe('coverage of the contracting insurer', () => {
  it('coverage 1 stated explicitly is bit-identical to a file without it', () => {
    const s = clone(defaultInput()) as { financing: { models: { coverage?: number }[] } };
    for (const m of s.financing.models) m.coverage = 1;
    expect(same(run(s, 10).block, run(defaultInput(), 10).block)).toBe(true);
  });

  it('runs do not depend on the block they are simulated in (runs 5–9 alone equal the same runs in a block of 10)', () => {
    const input = withCoverage(0.6) as any;
    for (const g of input.region.segments) if (g.highCost) g.highCost.persistence = 0.3;
    const all = run(input, 10).block;
    const tail = run(input, 5, 'aggregate', 5).block;
    all.names.forEach((n, i) => expect(Array.from(tail.cols[i]), n).toEqual(Array.from(all.cols[i].subarray(5 * all.years))));
  });

  const s = withCoverage(0.6);
  const { block: b } = run(s, 200);
  const ids = s.financing.models.map((m) => m.id);
  const rows = b.runs * b.years;

  it("money is conserved: the sum of all parties' results is the same under every model, covered or not (rel. 1e-9)", () => {
    const ref = totalResult(b, ids[0]);
    for (const id of ids.slice(1)) {
      const t = totalResult(b, id);
      for (let i = 0; i < rows; i++) expect(Math.abs(t[i] - ref[i]), `${id} row ${i}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ref[i])));
    }
  });

  it('the covered people are round(n·c) of every segment, and their claims part of the region’s', () => {
    const share = (defaultInput() as { region: { population: number; segments: { share: number }[] } }).region;
    const pop = column(b, 'covered0.population');
    const all = column(b, 'population');
    // Year 0: sizes round(N·share) (segment growth starts after it), covered round(size·0.6).
    const want = share.segments.reduce((a, g) => a + Math.round(Math.round(share.population * g.share) * 0.6), 0);
    expect(pop[0]).toBe(want);
    for (let i = 0; i < rows; i++) {
      expect(pop[i]).toBeLessThan(all[i]);
      expect(column(b, 'covered0.sc.claims.hospital')[i]).toBeLessThan(column(b, 'sc.claims.hospital')[i]);
    }
  });

  it('a population contract without stop-loss or corridor pays 60% of what it pays at 100%, in expectation (per-run horizon sums, 4 SE)', () => {
    // paid = covered benchmark·(1 − discount) − covered claims in scope: linear in the covered
    // people's sums, whose mean is round(n_s·0.6)/n_s ≈ 0.6 of the segment's (rounding ≤ 1e-4 here).
    const t = clone(defaultInput()) as any;
    const plain = { id: 'plain', name: 'plain', kind: 'population', discount: 0.02, owner: { gp: 1, hospital: 0 } };
    t.financing.models = [plain, { ...plain, id: 'plain-c', coverage: 0.6 }];
    const { block } = run(t, 300);
    const full = paid(block, 'plain');
    const part = paid(block, 'plain-c');
    const d = Float64Array.from({ length: block.runs }, (_, r) => {
      let x = 0;
      for (let y = 0; y < block.years; y++) x += part[r * block.years + y] - 0.6 * full[r * block.years + y];
      return x;
    });
    const m = d.reduce((a, x) => a + x, 0) / d.length;
    const se = Math.sqrt(d.reduce((a, x) => a + (x - m) ** 2, 0) / (d.length - 1) / d.length);
    const scale = Math.abs(full.reduce((a, x) => a + x, 0) / block.runs);
    expect(Math.abs(m), `mean gap ${m}, SE ${se}`).toBeLessThan(4 * se + 1e-4 * scale);
  });

  it('the people not covered stay fee-for-service: under the covered population contract the hospital is paid all its claims', () => {
    // The integrator pays the covered people's claims, the insurer the others': together every claim.
    const ffs = column(b, 'fin.ffs.hospital.revenue');
    const pop = column(b, 'fin.populatie-c.hospital.revenue');
    for (let i = 0; i < rows; i++) expect(Math.abs(pop[i] - ffs[i])).toBeLessThanOrEqual(1e-9 * ffs[i]);
  });
});

describe('coverage: aggregate ≡ person mode for the covered people (two-sample KS, α = 0.001)', () => {
  const R = 1000;
  const input = (c: number, seed: string) => {
    const s = clone(smallInput({ seed, population: 200 })) as any;
    s.financing = {
      parties: PARTIES_DEFAULT,
      models: [{ id: 'ss', name: 'ss', kind: 'sharedSavings', coverage: c, sided: 'one', minimumSavingsRate: { fixed: 0 }, sharingRate: 0.5, split: { gp: 1, hospital: 0 } }],
    };
    return s;
  };
  const agg = run(input(0.6, 'agg'), R, 'aggregate').block;
  const person = run(input(0.6, 'person'), R, 'person').block;
  for (const name of ['covered0.cf.claims.hospital', 'covered0.sc.claims.intermediate', 'covered0.benchmark.hospital', 'cf.total'])
    it(name, () => {
      const { p, d } = ks2(yearValues(agg, name, 1), yearValues(person, name, 1));
      expect(p, `KS D=${d.toFixed(4)}`).toBeGreaterThan(0.001);
    });

  it('detects a wrong coverage (person mode at 50% instead of 60%)', () => {
    const wrong = run(input(0.5, 'person'), R, 'person').block;
    const { p } = ks2(yearValues(agg, 'covered0.cf.claims.hospital', 1), yearValues(wrong, 'covered0.cf.claims.hospital', 1));
    expect(p).toBeLessThan(0.001);
  });
});
