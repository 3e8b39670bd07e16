import { describe, expect, it } from 'vitest';
import { designContract } from '../../models/analysis/design';
import type { Scenario } from '../../models/scenario/schema';
import { defaultInput, valid } from '../helpers';

const RUNS = 120;
const STEPS = 41;

/**
 * Two parties and linear sharing: the one-sided shared-savings contract paying all its share to the
 * hospital, with no minimum savings rate and no cap that could bind. The payment is rate × saving
 * in every run where there is a saving, so each party's mean gain is linear in the rate:
 * insurer a − B·s, hospital −c + B·s (on common random numbers, a, B and c are the same runs'
 * means for every rate). With floors of 0 and no risk limits the acceptable rates are
 * [c/B, a/B] within the term's range [0, 1], and the Nash point maximises (a − B·s)(B·s − c), whose
 * vertex is s* = (a + c) / (2B): the best rate evaluated is the one nearest s*.
 */
function scenario(): Scenario {
  const input = defaultInput();
  input.simulation = { ...input.simulation!, runs: RUNS, varianceSplitRuns: 0 };
  const m = (input.financing!.models as Record<string, unknown>[]).find((x) => x.id === 'ss-one')!;
  m.split = { gp: 0, hospital: 1 };
  m.savingsCap = 1;
  m.minimumSavingsRate = { fixed: 0 };
  return valid(input);
}

describe('contract designer: a closed-form case', () => {
  const s = scenario();
  const accept = [
    { party: 'insurer' as const, minMeanGain: 0, maxPWorse: 1 },
    { party: 'hospital' as const, minMeanGain: 0, maxPWorse: 1 },
  ];
  const d = designContract(s, 'ss-one', [{ path: 'sharingRate', lo: 0, hi: 1 }], { steps: STEPS, accept });
  const at = (rate: number) => d.points.find((p) => Math.abs(p.terms.sharingRate - rate) < 1e-12)!;
  const a = at(0).outcome.insurer!.gain;
  const B = a - at(1).outcome.insurer!.gain;
  const c = -at(0).outcome.hospital!.gain;

  it('gives mean gains linear in the sharing rate, moving B from the insurer to the hospital (the premise)', () => {
    expect(B).toBeGreaterThan(0);
    expect(at(1).outcome.hospital!.gain + c).toBeCloseTo(B, -1); // € 0.1 of € millions
    for (const p of d.points) {
      const r = p.terms.sharingRate;
      expect(Math.abs(p.outcome.insurer!.gain - (a - B * r))).toBeLessThan(1e-9 * Math.abs(a) + 1e-6);
      expect(Math.abs(p.outcome.hospital!.gain - (-c + B * r))).toBeLessThan(1e-9 * Math.abs(c) + 1e-6);
    }
  });

  it('finds the acceptable interval [c/B, min(1, a/B)] and the Nash point nearest (a + c)/(2B), to the grid', () => {
    const lo = c / B;
    const hi = Math.min(1, a / B);
    // A case with a real lower end: the hospital needs a share to make up for its lost revenue.
    expect(lo).toBeGreaterThan(0.05);
    expect(lo).toBeLessThan(hi - 0.1);
    // Every point, grid and refined, is acceptable exactly when it lies in the interval.
    for (const p of d.points) expect(p.acceptable, `rate ${p.terms.sharingRate}`).toBe(p.terms.sharingRate >= lo && p.terms.sharingRate <= hi);
    const ok = d.points.filter((p) => p.acceptable).map((p) => p.terms.sharingRate);
    const h = 1 / (STEPS - 1);
    // The interval's ends within half a grid step (the refinement halves the first grid's step).
    expect(Math.min(...ok) - lo).toBeLessThanOrEqual(h / 2 + 1e-12);
    expect(hi - Math.max(...ok)).toBeLessThanOrEqual(h / 2 + 1e-12);
    // The product is a parabola in s: the best evaluated rate is the evaluated rate nearest s*.
    const star = (a + c) / (2 * B);
    const nearest = ok.reduce((b, r) => (Math.abs(r - star) < Math.abs(b - star) ? r : b), ok[0]);
    expect(d.nash).not.toBeNull();
    expect(d.points[d.nash!].terms.sharingRate).toBe(nearest);
    // Here the vertex lies inside the acceptable interval (about 0.82 in [0.35, 1]): an interior Nash point.
    expect(star).toBeGreaterThan(lo);
    expect(star).toBeLessThan(hi);
    expect(Math.abs(nearest - star)).toBeLessThanOrEqual(h / 2);
    // Equal shares of the gain: a − B·s = B·s − c at the same s*, so the two proposals agree here.
    expect(d.points[d.equalShares!].terms.sharingRate).toBe(nearest);
  });
});
