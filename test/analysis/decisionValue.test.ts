import { describe, expect, it } from 'vitest';
import { decisionValue, DecisionValueError, uncertainParameters } from '../../models/analysis/decisionValue';
import { column } from '../../models/simulation/columns';
import { defaultInput, run, valid } from '../helpers';

const RUNS = 400;

describe('value of information of the scenario’s decisions', () => {
  const input = defaultInput();
  input.simulation = { ...input.simulation!, varianceSplitRuns: 0 };
  const s = valid(input);
  const hospitalTrend = 'lines.hospital.trend';
  const d = decisionValue(s, { runs: RUNS, group: [hospitalTrend, 'lines.pharmacy.trend'], pilot: { sizes: [2_000, 50_000], fixedCost: 1e5, costPerPerson: 10 } });

  it('values go/no-go on the net saving beyond the target, counted the slow way from the same runs', () => {
    const { model, block } = run(input, RUNS);
    const cf = column(block, 'cf.total');
    const sc = column(block, 'sc.total');
    let sum = 0;
    for (let r = 0; r < RUNS; r++) for (let t = 0; t < block.years; t++) sum += (1 - model.scenario.simulation.targetReduction) * cf[r * block.years + t] - sc[r * block.years + t];
    const go = d.decisions.find((x) => x.decision === 'go')!;
    expect(go.options).toEqual(['noGo', 'go']);
    expect(Math.abs(go.means[1] - sum / RUNS)).toBeLessThan(1e-9 * Math.abs(sum / RUNS));
    expect(d.decisions.map((x) => x.decision)).toContain('insurer');
  });

  it('orders the values as theory does: EVPPI ≤ EVPI, a group ≥ each member, EVSI ≤ EVPI, net = EVSI − cost (each within 4 SE)', () => {
    const [a, b] = d.group!;
    for (const x of d.decisions) {
      expect(x.evppi.length).toBe(d.parameters.length);
      for (const e of x.evppi) expect(e.value).toBeLessThanOrEqual(x.evpi.value + 4 * Math.hypot(e.se, x.evpi.se));
      for (const k of [a, b]) expect(x.group!.value).toBeGreaterThanOrEqual(x.evppi[k].value - 4 * Math.hypot(x.group!.se, x.evppi[k].se));
      for (const p of x.pilot!) {
        expect(p.value).toBeLessThanOrEqual(x.evpi.value + 4 * Math.hypot(p.se, x.evpi.se));
        expect(p.net).toBe(p.value - (1e5 + 10 * p.n));
      }
      // One fit diagnostic per option, duplicates of an option included.
      for (const e of x.evppi) expect(e.fits.length).toBe(x.options.length);
    }
  });

  it('a financing term is worth nothing to go/no-go (it moves money, not care)', () => {
    const go = d.decisions.find((x) => x.decision === 'go')!;
    const fin = d.parameters.map((p, k) => [p, k] as const).filter(([p]) => p.startsWith('financing.'));
    expect(fin.length).toBeGreaterThan(0);
    const scale = go.evpi.value;
    for (const [, k] of fin) expect(go.evppi[k].value).toBeLessThanOrEqual(4 * go.evppi[k].se + 1e-3 * scale);
  });

  it('lists the parameters a group is picked from before any computation, as the computation lists them', () => {
    const listed = uncertainParameters(s);
    expect(listed).toEqual(d.parameters);
    // Every listed path is a distribution in the file (the slow way: walk the scenario by the path).
    const at = (path: string) =>
      path
        .split(/[.[\]]/)
        .filter(Boolean)
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], s);
    for (const p of listed) expect(at(p)).toHaveProperty('dist');
    expect(listed).toContain(hospitalTrend);
  });

  it('names a parameter that is not uncertain, and refuses groups above three', () => {
    expect(() => decisionValue(s, { runs: 60, group: ['nope'] })).toThrow(/"nope" is not an uncertain parameter/);
    expect(() => decisionValue(s, { runs: 60, group: d.parameters.slice(0, 4) })).toThrow(DecisionValueError);
  });
});
