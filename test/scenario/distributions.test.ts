import { describe, expect, it } from 'vitest';
import schema from '../../scenarios/scenario.schema.json';
import { DIST_FACTS, DIST_KINDS, distributionMean, distributionQuantile, type DistKind } from '../../models/scenario/distributions';
import type { Distribution } from '../../models/scenario/param';
import { streamFor } from '../../models/random/rng';

/** One example of each kind, away from the edges of its parameters. */
const EXAMPLES: Record<DistKind, Distribution[]> = {
  uniform: [{ dist: 'uniform', min: 0.1, max: 0.7 }],
  triangular: [{ dist: 'triangular', min: 1, mode: 2, max: 5 }],
  pert: [
    { dist: 'pert', min: 0.1, mode: 0.3, max: 0.4 },
    { dist: 'pert', min: 1, mode: 1.5, max: 9, lambda: 2.5 },
  ],
  normal: [{ dist: 'normal', mean: 3, sd: 0.7 }],
  lognormal: [{ dist: 'lognormal', mean: 650, sd: 200 }],
  beta: [
    { dist: 'beta', alpha: 2, beta: 5 },
    { dist: 'beta', alpha: 0.7, beta: 1.3, min: 3, max: 8 },
  ],
  gamma: [{ dist: 'gamma', shape: 4, scale: 0.25 }],
};

describe('the table of distribution kinds', () => {
  it("each kind's mean is the mean of its quantile at uniform draws (within 4 standard errors)", () => {
    const n = 20_000;
    for (const kind of DIST_KINDS)
      for (const d of EXAMPLES[kind]) {
        const rng = streamFor('distributions-test', 0, kind);
        const xs = Array.from({ length: n }, () => distributionQuantile(d, rng()));
        const m = xs.reduce((a, b) => a + b, 0) / n;
        const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
        expect(Math.abs(m - distributionMean(d)), `${JSON.stringify(d)}: mean of draws ${m}, table ${distributionMean(d)}`).toBeLessThan((4 * sd) / Math.sqrt(n));
      }
  });

  it("a bounded kind's quantile stays within its min and max", () => {
    for (const kind of DIST_KINDS.filter((k) => DIST_FACTS[k].support === 'bounded'))
      for (const d of EXAMPLES[kind]) {
        const v = d as unknown as Record<string, number | undefined>;
        const lo = v.min ?? 0;
        const hi = v.max ?? 1;
        for (const u of [2 ** -53, 0.001, 0.5, 0.999, 1 - 2 ** -53]) {
          const x = distributionQuantile(d, u);
          expect(x >= lo && x <= hi, `${kind} at ${u}: ${x}`).toBe(true);
        }
      }
  });

  it('the JSON Schema lists, for every kind, exactly its parts, requiring those without a default', () => {
    const defs = (schema as unknown as { $defs: Record<string, { oneOf?: { $ref: string }[]; properties?: Record<string, { const?: string }>; required?: string[] }> }).$defs;
    const kinds = defs.Distribution.oneOf!.map((r) => defs[r.$ref.replace('#/$defs/', '')]);
    expect(kinds.map((k) => k.properties!.dist.const)).toEqual([...DIST_KINDS]);
    for (const k of kinds) {
      const facts = DIST_FACTS[k.properties!.dist.const as DistKind];
      expect(Object.keys(k.properties!)).toEqual(['dist', ...facts.parts.map((p) => p.name), 'source', 'illustrative']);
      expect(k.required).toEqual(['dist', ...facts.parts.filter((p) => p.default === undefined).map((p) => p.name)]);
    }
  });
});
