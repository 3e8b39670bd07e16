import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { designContract, partyOutcome } from '../../models/analysis/design';
import { searchDesign, type DesignSetup, type PartyOutcome } from '../../models/analysis/designSearch';
import type { Party } from '../../models/core/names';
import { streamFor } from '../../models/random/rng';
import { zigguratNormal } from '../../models/random/ziggurat';
import type { Scenario } from '../../models/scenario/schema';
import { changeRisk } from '../../models/summary/financing';
import { defaultInput, valid } from '../helpers';

/**
 * A constructed case: the saving S ~ N(μ, σ²) is shared linearly, the hospital receiving s·S and
 * giving up revenue c, the insurer keeping (1 − s)·S; both are judged against a status quo of 0
 * with floors of 0 and no risk limits. Mean gains (1 − s)μ and sμ − c give the acceptable rates
 * [c/μ, 1] and the Nash point, the vertex of (1 − s)μ(sμ − c), s* = (μ + c)/(2μ) — here 0.3 and
 * 0.65 — and equal shares at the same s*. The designer sees the sample mean m of R draws in place
 * of μ: by the delta method c/m and (m + c)/(2m) are off by standard errors cσ/(μ²√R) and
 * cσ/(2μ²√R) (0.0021 and 0.0011), against a grid step of 0.025.
 */
describe('contract designer: a constructed case with a closed form', () => {
  const [mu, sigma, c, R, steps] = [2e6, 2e6, 6e5, 20_000, 41];
  const rng = streamFor('designer closed form', 0, 'saving');
  const saving = Float64Array.from({ length: R }, () => mu + sigma * zigguratNormal(rng));
  const zero = new Float64Array(R);
  const outcomeOf = (result: Float64Array): PartyOutcome => {
    const r = changeRisk(result, zero);
    // One year, and no limit in a fraction of revenue: the year's shortfall is the horizon's, no revenue is needed.
    return partyOutcome(r, { es: r.changeEs95, mcse: r.changeEs95Mcse }, NaN, 1);
  };

  const parties = ['insurer', 'hospital'] as const satisfies readonly Party[];
  const setup: DesignSetup = {
    contract: 'constructed',
    terms: [{ path: 'sharingRate', lo: 0, hi: 1 }],
    accept: parties.map((party) => ({ party, minMeanGain: 0, maxPWorse: 1 })),
    parties: [...parties],
    runs: R,
    steps,
  };
  const d = searchDesign(setup, ({ sharingRate: s }) => ({
    outcome: { insurer: outcomeOf(saving.map((x) => x - s * x)), hospital: outcomeOf(saving.map((x) => s * x - c)) },
    resimulated: false,
  }));
  const h = 1 / (steps - 1);
  const seLo = (c * sigma) / (mu * mu * Math.sqrt(R));
  const ok = d.points.filter((p) => p.acceptable).map((p) => p.terms.sharingRate);

  it('accepts the rates [c/μ, 1]: the lowest accepted within half a grid step above c/μ (the refinement halves the step) and four standard errors', () => {
    const lo = c / mu;
    expect(Math.min(...ok) - lo).toBeGreaterThan(-4 * seLo);
    expect(Math.min(...ok) - lo).toBeLessThan(h / 2 + 4 * seLo);
    // At s = 1 the insurer keeps (1 − 1)·S = 0 exactly in every run: its floor holds with equality.
    expect(Math.max(...ok)).toBe(1);
    // Acceptable is a single interval: every evaluated rate at or above the lowest accepted.
    for (const p of d.points) expect(p.acceptable, `rate ${p.terms.sharingRate}`).toBe(p.terms.sharingRate >= Math.min(...ok));
  });

  it('proposes the Nash point and equal shares at (μ + c)/(2μ), to the grid and four standard errors', () => {
    const star = (mu + c) / (2 * mu);
    expect(d.nash).not.toBeNull();
    expect(Math.abs(d.points[d.nash!].terms.sharingRate - star)).toBeLessThan(h / 2 + 4 * (seLo / 2));
    expect(d.equalShares).toBe(d.nash);
  });

  it("gives each party the normal's chance of being worse off, Φ(−μ/σ) and Φ((c/s − μ)/σ), within four binomial standard errors", () => {
    for (const p of d.points) {
      const s = p.terms.sharingRate;
      const want = { insurer: s < 1 ? normalCdf(-mu / sigma, 0, 1) : 0, hospital: s > 0 ? normalCdf((c / s - mu) / sigma, 0, 1) : 1 };
      for (const party of parties) {
        const q = want[party];
        expect(Math.abs(p.outcome[party]!.pWorse - q), `${party} at ${s}`).toBeLessThanOrEqual(4 * Math.sqrt((q * (1 - q)) / R));
      }
    }
  });
});

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

describe('contract designer: the closed form of the linear gains on simulated care', () => {
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
