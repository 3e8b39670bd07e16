import { describe, expect, it } from 'vitest';
import { drawKey, drawParams, withFixedValues } from '../../models/params/registry';
import { compile } from '../../models/pipeline/compile';
import { bitDifferences, clone, defaultInput, valid, type Editable } from '../helpers';

const key = (m: ReturnType<typeof compile>) => drawKey(m.registry, m.blocks, m.scenario.simulation.parameterUncertainty, m.correlation);
const theta = (m: ReturnType<typeof compile>, r: number) => drawParams(m.registry, m.blocks, m.seed, r, m.scenario.simulation.parameterUncertainty, m.correlation);

describe('draw key', () => {
  const a = compile(valid(defaultInput()));
  const edit = (f: (s: Editable) => void) => {
    const s = clone(defaultInput()) as Editable;
    f(s);
    return compile(valid(s));
  };

  it('fixed values changed: the same key, and θ from the other model with these fixed values is what drawing gives', () => {
    const b = edit((s) => {
      s.financing.models[2].sharingRate.value = 0.65;
      s.financing.models[4].discount.value = 0.02;
    });
    expect(key(b)).toBe(key(a));
    for (let r = 0; r < 50; r++) expect(bitDifferences([...withFixedValues(b.registry, b.blocks, true, theta(a, r))], [...theta(b, r)])).toEqual([]);
    // and the values did move where the edit was
    expect(withFixedValues(b.registry, b.blocks, true, theta(a, 0))).not.toEqual(theta(a, 0));
  });

  it('another distribution, a number made uncertain, or parameter uncertainty off: another key', () => {
    const pert = edit((s) => (s.financing.models[4].discount = { dist: 'pert', min: 0, mode: 0.01, max: 0.03 }));
    const wider = edit((s) => (s.region.segments[0].highCost.persistence.max = 0.35));
    const off = edit((s) => (s.simulation.parameterUncertainty = false));
    for (const m of [pert, wider, off]) expect(key(m)).not.toBe(key(a));
  });
});
