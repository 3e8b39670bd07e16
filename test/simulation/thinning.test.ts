import { describe, expect, it } from 'vitest';
import { LINES } from '../../models/core/names';
import { clone, run, smallInput } from '../helpers';
import { column } from '../../models/simulation/columns';
import type { RunBlock } from '../../models/simulation/columns';

const same = (b: RunBlock, x: string, y: string) => column(b, x).every((v, i) => Object.is(v, column(b, y)[i]));

describe('thinning (common random numbers)', () => {
  for (const mode of ['aggregate', 'person'] as const) {
    it(`${mode}: an intervention with effect 0 and a substitution with fraction 0 change nothing`, () => {
      const s = clone(smallInput());
      s.interventions![0].effects = { contacts: { hospital: 0, gp: 0 }, price: { pharmacy: 0 }, highCostRate: 0 };
      s.interventions![0].cost = { oneOff: 0, perYear: 0, perParticipant: 0 };
      s.substitution![0].maxShift = 0;
      const b = run(s, 30, mode).block;
      for (const l of LINES) {
        expect(same(b, `cf.claims.${l}`, `sc.claims.${l}`), l).toBe(true);
        expect(same(b, `cf.contacts.${l}`, `sc.contacts.${l}`), l).toBe(true);
      }
      expect(same(b, 'cf.total', 'sc.total')).toBe(true);
      expect(column(b, 'reduction').every((v) => v === 0)).toBe(true);
    });

    it(`${mode}: fraction 1 removes everything it touches`, () => {
      const s = clone(smallInput());
      s.substitution = [];
      s.region.segments[1].share = 0; // only segment a remains
      s.region.segments[0].share = 1;
      s.interventions![0] = {
        ...s.interventions![0],
        segments: [],
        reach: { max: 1, rampYears: 0 },
        lagYears: 0,
        effects: { contacts: { hospital: 1, gp: 1 }, highCostRate: 1, price: { pharmacy: 1 } },
      };
      const b = run(s, 30, mode).block;
      for (const name of ['sc.contacts.hospital', 'sc.claims.hospital', 'sc.contacts.gp', 'sc.claims.gp', 'sc.claims.pharmacy', 'sc.highCost.cases'])
        expect(
          column(b, name).every((v) => v === 0),
          name,
        ).toBe(true);
      expect(column(b, 'cf.contacts.hospital').some((v) => v > 0)).toBe(true);
      expect(same(b, 'cf.contacts.pharmacy', 'sc.contacts.pharmacy')).toBe(true);
    });

    it(`${mode}: without additionality and refill, contacts moved out equal contacts moved in`, () => {
      const s = clone(smallInput());
      s.substitution![0].additionality = 0;
      s.substitution![0].refill = 0;
      s.substitution![0].maxShift = 0.9;
      const b = run(s, 30, mode).block;
      const out = column(b, 'moved.out.hospital');
      const inn = column(b, 'moved.in.intermediate');
      expect(out.some((v) => v > 0)).toBe(true);
      expect(out.every((v, i) => v === inn[i])).toBe(true);
      expect(column(b, 'moved.added.intermediate').every((v) => v === 0)).toBe(true);
      // What leaves the hospital arrives on the 1.5 line: contacts are conserved.
      const cfH = column(b, 'cf.contacts.hospital');
      const scH = column(b, 'sc.contacts.hospital');
      const cfI = column(b, 'cf.contacts.intermediate');
      const scI = column(b, 'sc.contacts.intermediate');
      for (let i = 0; i < cfI.length; i++) expect(scI[i] - cfI[i]).toBe(inn[i]);
      expect(scH.every((v, i) => v <= cfH[i])).toBe(true);
    });
  }
});

describe('benchmark: the true expected counterfactual, for reference', () => {
  it('equals the expected counterfactual claims per line (no chance), so the counterfactual observes no savings', () => {
    const s = clone(smallInput());
    s.simulation!.randomVariation = false;
    s.benchmark = { ...s.benchmark!, method: 'expected' } as typeof s.benchmark;
    const b = run(s, 5).block;
    for (const l of LINES) {
      const bench = column(b, `benchmark.${l}`);
      const cf = column(b, `cf.claims.${l}`);
      bench.forEach((x, i) => expect(Math.abs(x - cf[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, cf[i])));
    }
    column(b, 'cf.observedSavings').forEach((x) => expect(Math.abs(x)).toBeLessThan(1e-12));
  });

  it("with chance, the counterfactual's observed savings centre on zero (|mean| < 4 SE)", () => {
    const s = clone(smallInput({ population: 5000 }));
    s.benchmark = { ...s.benchmark!, method: 'expected' } as typeof s.benchmark;
    const obs = column(run(s, 400).block, 'cf.observedSavings');
    const mean = obs.reduce((a, x) => a + x, 0) / obs.length;
    const sd = Math.sqrt(obs.reduce((a, x) => a + (x - mean) ** 2, 0) / (obs.length - 1));
    // Rows of one run are not independent: use runs (400) for the SE.
    expect(Math.abs(mean)).toBeLessThan((4 * sd) / Math.sqrt(400));
  });
});
