import { describe, expect, it } from 'vitest';
import { drawParams, paramValue, quantileMemoSize } from '../../models/params/registry';
import { compile } from '../../models/pipeline/compile';
import { bitDifferences, clone, defaultInput, smallInput, valid } from '../helpers';
import { STREAMS, streamFor } from '../../models/random/rng';
import { withValueAt } from '../../models/scenario/paths';

const R = 300;

/** θ of run r the obvious way: each block's stream gives its k-th slot the k-th uniform, and each uncertain slot takes its quantile there. */
function slowTheta(m: ReturnType<typeof compile>, r: number): number[] {
  const theta = m.registry.slots.map((s) => paramValue(s, 0.5, false));
  for (const [block, idx] of m.blocks) {
    if (!idx.some((i) => m.registry.slots[i].uncertain)) continue;
    const rng = streamFor(m.seed, r, block === 'base' ? STREAMS.params : STREAMS.paramsOf(block));
    idx.forEach((i) => {
      const u = rng();
      if (m.registry.slots[i].uncertain) theta[i] = paramValue(m.registry.slots[i], u, true);
    });
  }
  return theta;
}

function thetas(input: unknown): Float64Array[] {
  const m = compile(valid(input));
  return Array.from({ length: R }, (_, r) => drawParams(m.registry, m.blocks, m.seed, r, true, m.correlation));
}

describe('quantile memo', () => {
  it('every run gets the θ that drawing each slot from its own stream position gives, with the memo cold and warm', () => {
    const input = defaultInput();
    const m = compile(valid(input));
    expect(m.correlation).toBeNull(); // the reference below has no copula
    expect(m.registry.slots.filter((s) => s.uncertain).length).toBeGreaterThan(20);
    const cold = thetas(input);
    // Warm: the model compiled anew (new slot objects, the same distributions) reads the memo.
    const before = quantileMemoSize();
    const warm = thetas(clone(input));
    expect(quantileMemoSize()).toBe(before); // no uncertain value was worked out again
    for (let r = 0; r < R; r++) {
      const want = slowTheta(m, r);
      expect(bitDifferences(Array.from(cold[r]), want)).toEqual([]);
      expect(bitDifferences(Array.from(warm[r]), want)).toEqual([]);
    }
  });

  it('an edited distribution or bound never gets an old value', () => {
    const input = defaultInput();
    const m0 = compile(valid(input));
    const k = m0.registry.slots.findIndex((s) => s.uncertain && typeof s.node === 'object' && 'dist' in s.node && s.node.dist === 'pert');
    const path = m0.registry.slots[k].path;
    const old = thetas(input).map((t) => t[k]);
    // The same slot with a different mode: every run's value must be the new distribution's.
    const node = m0.registry.slots[k].node as { min: number; mode: number; max: number };
    const edited = withValueAt(input, path, { ...node, mode: (node.mode + node.max) / 2 });
    const m1 = compile(valid(edited));
    const now = Array.from({ length: R }, (_, r) => drawParams(m1.registry, m1.blocks, m1.seed, r, true, m1.correlation)[k]);
    let moved = 0;
    for (let r = 0; r < R; r++) if (now[r] !== old[r]) moved++;
    expect(moved).toBe(R);
    // And the new values are the new distribution's quantiles: the mean rises with the mode.
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(now)).toBeGreaterThan(mean(old));
  });

  it('holds a bounded number of values', () => {
    // One uncertain slot with a cheap quantile, drawn in more runs than the memo holds (2^18 values):
    // it starts afresh instead of growing.
    const input = clone(smallInput());
    input.substitution![0].maxShift = { dist: 'triangular', min: 0.2, mode: 0.5, max: 0.9 };
    const m = compile(valid(input));
    expect(m.registry.slots.filter((s) => s.uncertain).length).toBe(1);
    let most = 0;
    for (let r = 0; r < (1 << 18) + 1000; r++) {
      drawParams(m.registry, m.blocks, m.seed, r, true, m.correlation);
      most = Math.max(most, quantileMemoSize());
    }
    expect(most).toBe(1 << 18);
    expect(quantileMemoSize()).toBeLessThan(1 << 18);
  });
});
