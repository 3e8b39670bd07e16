import { describe, expect, it } from 'vitest';
import { drawParams } from '../../models/params/registry';
import { compile } from '../../models/pipeline/compile';
import { validateScenario } from '../../models/pipeline/validate';
import { ks2 } from '../support/ks';
import { clone, smallInput, valid } from '../helpers';

const R = 4000;

function spearman(a: Float64Array, b: Float64Array): number {
  const rank = (x: Float64Array) => {
    const idx = Array.from(x, (_, i) => i).sort((i, j) => x[i] - x[j]);
    const r = new Float64Array(x.length);
    idx.forEach((i, k) => (r[i] = k));
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const m = (a.length - 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (ra[i] - m) * (rb[i] - m);
    saa += (ra[i] - m) ** 2;
    sbb += (rb[i] - m) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

function withUncertainty(rank?: number) {
  const s = clone(smallInput());
  s.substitution![0].maxShift = { dist: 'pert', min: 0.2, mode: 0.5, max: 0.9 };
  s.substitution![0].refill = { dist: 'lognormal', mean: 0.2, sd: 0.1 };
  if (rank !== undefined) s.correlations = [{ between: ['substitution[0].maxShift', 'substitution[0].refill'], rank }];
  return s;
}

function draws(input: unknown) {
  const model = compile(valid(input));
  const a = model.registry.slots.findIndex((x) => x.path === 'substitution[0].maxShift');
  const b = model.registry.slots.findIndex((x) => x.path === 'substitution[0].refill');
  const xa = new Float64Array(R);
  const xb = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    const t = drawParams(model.registry, model.blocks, model.seed, r, true, model.correlation);
    xa[r] = t[a];
    xb[r] = t[b];
  }
  return { xa, xb };
}

describe('correlated assumptions (Gaussian copula)', () => {
  for (const rho of [0.6, -0.4])
    it(`reaches a rank correlation of ${rho} within its standard error and keeps the marginals`, () => {
      const { xa, xb } = draws(withUncertainty(rho));
      // Fisher transform of Spearman's ρ has SE ≈ √(1.06/(n − 3)) (Fieller, Hartley & Pearson 1957).
      const se = Math.sqrt(1.06 / (R - 3));
      expect(Math.abs(Math.atanh(spearman(xa, xb)) - Math.atanh(rho))).toBeLessThan(4 * se);
      const plain = draws(withUncertainty());
      expect(ks2(xa, plain.xa).p).toBeGreaterThan(0.001);
      expect(ks2(xb, plain.xb).p).toBeGreaterThan(0.001);
      // Without a correlation the two are independent.
      expect(Math.abs(Math.atanh(spearman(plain.xa, plain.xb)))).toBeLessThan(4 * se);
    });

  it('refuses correlations that cannot hold together, and bad references, with clear messages', () => {
    const s = withUncertainty(0.9) as any;
    s.substitution[0].eligible = { dist: 'uniform', min: 0.1, max: 0.4 };
    s.correlations.push({ between: ['substitution[0].maxShift', 'substitution[0].eligible'], rank: 0.9 });
    s.correlations.push({ between: ['substitution[0].refill', 'substitution[0].eligible'], rank: -0.9 });
    const r = validateScenario(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toEqual({ path: 'correlations', code: 'corrNotPositiveDefinite', params: {}, message: expect.stringMatching(/cannot all hold at once/) });
    const t = withUncertainty(0.5) as any;
    t.correlations.push({ between: ['substitution[0].costCV', 'nowhere'], rank: 0.2 });
    const e = validateScenario(t);
    expect(e.ok).toBe(false);
    if (!e.ok) {
      expect(e.errors).toContainEqual({ path: 'correlations[1].between[0]', code: 'corrFixed', params: { param: 'substitution[0].costCV' }, message: expect.stringMatching(/fixed number/) });
      expect(e.errors).toContainEqual({ path: 'correlations[1].between[1]', code: 'corrNoParam', params: { param: 'nowhere' }, message: 'no parameter at "nowhere"' });
    }
  });
});
