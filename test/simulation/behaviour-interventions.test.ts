import { describe, expect, it } from 'vitest';
import { ks2 } from '../support/ks';
import { meanSd } from '../../models/summary/stats';
import { column } from '../../models/simulation/columns';
import { clone, run, smallInput, yearValues } from '../helpers';
import { PARTIES_FIXED } from '../finance/helpers';

// Interventions controlled by a party (README "Incentives change behaviour"): under a contract each
// contact (and high-cost case) the intervention removes stays removed with probability
// q = 1 − h·(1 − c·g), g the controlling party's share of the saving.

const CONTRACTS = [
  { id: 'ffs', name: 'ffs', kind: 'ffs' },
  { id: 'pop', name: 'population', kind: 'population', discount: 0, owner: { gp: 0.5, hospital: 0.5 } },
  { id: 'own', name: 'hospital owns all', kind: 'population', discount: 0, owner: { gp: 0, hospital: 1 } },
];

/** The small test region, its intervention controlled by the hospital, substitution left out (so removed contacts are cf − sc). */
function scenario(b: unknown, seed = 'ivc', controlled = true) {
  const s = clone(smallInput({ seed, population: 400 })) as any;
  s.substitution = [];
  if (controlled) s.interventions[0].controlledBy = 'hospital';
  s.financing = { parties: PARTIES_FIXED, models: clone(CONTRACTS), ...(b === undefined ? {} : { behaviour: b }) };
  return s;
}

// Elasticity 0: no volume response, so only the intervention's reach differs between contracts.
const ON = { elasticity: 0, discretionary: { hospital: 0.3 }, holdBack: 0.6 };
const LINES_OUT = ['gp', 'intermediate', 'hospital', 'pharmacy', 'selfcare'];

describe('controlled interventions: neutral cases are bit-identical', () => {
  const off = run(scenario(undefined, 'ivc', false), 40).block;
  it('hold-back 0 (reach factor 1): every column and each contract’s care is the scenario’s, bit for bit', () => {
    const b = run(scenario({ ...ON, holdBack: 0 }), 40).block;
    for (const name of off.names) expect(column(b, name), name).toEqual(column(off, name));
    for (const c of CONTRACTS) for (const l of LINES_OUT) expect(column(b, `world.${c.id}.claims.${l}`)).toEqual(column(off, `sc.claims.${l}`));
  });

  it('a contract where the controlling hospital gains the whole saving has the scenario’s care; others differ and are not merged', () => {
    const b = run(scenario(ON), 40).block;
    for (const l of LINES_OUT) expect(column(b, `world.own.claims.${l}`), l).toEqual(column(b, `sc.claims.${l}`));
    // Reach 0.4 under fee-for-service, 0.7 under half ownership: different care, each drawn for itself.
    expect(column(b, 'world.ffs.contacts.hospital')).not.toEqual(column(b, 'sc.contacts.hospital'));
    expect(column(b, 'world.ffs.contacts.hospital')).not.toEqual(column(b, 'world.pop.contacts.hospital'));
    expect(column(b, 'world.ffs.contacts.gp')).not.toEqual(column(b, 'world.pop.contacts.gp'));
  });
});

describe('controlled interventions: handed-back contacts have their expectation', () => {
  const R = 400;
  const YEAR = 2;
  const b = run(scenario(ON), R).block;
  // Given the S = cf − sc contacts the intervention removed, a world with reach q has (1 − q)·S of them back in expectation.
  const check = (world: string, q: number, line: string) => {
    const w = yearValues(b, `world.${world}.contacts.${line}`, YEAR);
    const sc = yearValues(b, `sc.contacts.${line}`, YEAR);
    const cf = yearValues(b, `cf.contacts.${line}`, YEAR);
    const diff = Float64Array.from(w, (x, i) => x - sc[i] - (1 - q) * (cf[i] - sc[i]));
    const { mean, sd, n } = meanSd(diff);
    return { mean, se: sd / Math.sqrt(n), removed: meanSd(Float64Array.from(cf, (x, i) => x - sc[i])).mean };
  };
  for (const [world, q] of [
    ['ffs', 0.4],
    ['pop', 0.7],
  ] as const)
    for (const line of ['hospital', 'gp'])
      it(`${world}: ${line} contacts handed back = (1 − ${q})·removed, within 4 MC SE`, () => {
        const { mean, se, removed } = check(world, q, line);
        expect(removed).toBeGreaterThan(10);
        expect(Math.abs(mean)).toBeLessThan(4 * se);
      });

  it('the check detects a wrong reach (0.5 instead of 0.4 under fee-for-service)', () => {
    const { mean, se } = check('ffs', 0.5, 'hospital');
    expect(Math.abs(mean)).toBeGreaterThan(4 * se);
  });
});

describe('controlled interventions: aggregate ≡ person mode in distribution', () => {
  // Independent samples (different seeds) per mode; each KS check fails by chance with probability 0.001.
  const R = 1000;
  const ALPHA = 0.001;
  const YEAR = 2;
  const agg = run(scenario(ON, 'agg'), R, 'aggregate').block;
  const person = run(scenario(ON, 'person'), R, 'person').block;
  for (const name of ['world.ffs.contacts.hospital', 'world.ffs.claims.hospital', 'world.pop.contacts.gp', 'world.pop.total'])
    it(name, () => {
      const { d, p } = ks2(yearValues(agg, name, YEAR), yearValues(person, name, YEAR));
      expect(p, `KS D=${d.toFixed(4)}`).toBeGreaterThan(ALPHA);
    });

  it('the comparison detects a wrong reach (hold-back 0.2 instead of 0.6 in person mode)', () => {
    const bad = run(scenario({ ...ON, holdBack: 0.2 }, 'person'), 600, 'person').block;
    const { p } = ks2(yearValues(agg, 'world.ffs.contacts.hospital', YEAR), yearValues(bad, 'world.ffs.contacts.hospital', YEAR));
    expect(p).toBeLessThan(ALPHA);
  });
});

describe('controlled interventions: expected values (random variation off)', () => {
  it('fee-for-service hands back 1 − q = 0.6 of the removed contacts', () => {
    const s = scenario(ON);
    s.simulation.randomVariation = false;
    s.simulation.parameterUncertainty = false;
    const b = run(s, 1).block;
    for (let t = 0; t < b.years; t++) {
      const cf = column(b, 'cf.contacts.hospital')[t];
      const sc = column(b, 'sc.contacts.hospital')[t];
      expect(cf - sc).toBeGreaterThan(0);
      expect(column(b, 'world.ffs.contacts.hospital')[t]).toBeCloseTo(sc + 0.6 * (cf - sc), 6);
    }
  });
});

describe('controlled interventions: two on one line, with a substitution from it', () => {
  // The contacts a world keeps from the first intervention then face the second one (controlled by
  // another party) with probability q₂·f₂, are priced at the world's price factor, and move to
  // 1.5-line care as the world's other contacts do; aggregate, person and expected mode must agree.
  function two(seed: string, b: unknown = ON, population = 400) {
    const s = scenario(b, seed);
    s.region.population = population;
    s.interventions[0].effects.contacts.hospital = 0.5;
    const base = smallInput({ seed, population: 400 }) as any;
    s.substitution = clone(base.substitution);
    s.substitution[0].controlledBy = 'hospital';
    const second = clone(s.interventions[0]);
    second.id = 'iv2';
    second.controlledBy = 'gp';
    second.effects = { contacts: { hospital: 0.9 }, price: { hospital: 0.1 }, highCostRate: 0.2 };
    s.interventions.push(second);
    return s;
  }
  const R = 1000;
  const ALPHA = 0.001;
  const YEAR = 2;
  const agg = run(two('agg2'), R, 'aggregate').block;
  const person = run(two('person2'), R, 'person').block;
  for (const name of ['world.ffs.contacts.hospital', 'world.ffs.claims.hospital', 'world.ffs.contacts.intermediate', 'world.pop.contacts.hospital', 'world.pop.total'])
    it(`aggregate ≡ person: ${name} (KS, each fails by chance with probability ${ALPHA})`, () => {
      const { d, p } = ks2(yearValues(agg, name, YEAR), yearValues(person, name, YEAR));
      expect(p, `KS D=${d.toFixed(4)}`).toBeGreaterThan(ALPHA);
    });

  it('the mean of the aggregate runs is the expected-value mode’s number, within 4 MC SE (no parameter uncertainty; 40,000 insured, so that the second cut of the kept contacts shows)', () => {
    const sr = two('mean2', ON, 40_000);
    sr.simulation.parameterUncertainty = false;
    const drawn = run(sr, 600).block;
    const se = clone(sr);
    se.simulation.randomVariation = false;
    const exact = run(se, 1).block;
    for (const name of ['world.ffs.contacts.hospital', 'world.ffs.claims.hospital', 'world.ffs.contacts.intermediate', 'world.pop.contacts.hospital']) {
      const { mean, sd, n } = meanSd(yearValues(drawn, name, YEAR));
      expect(Math.abs(mean - column(exact, name)[YEAR]), name).toBeLessThan(4 * (sd / Math.sqrt(n)));
    }
  });
});
