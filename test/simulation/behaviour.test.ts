import { describe, expect, it } from 'vitest';
import { ks2 } from '../support/ks';
import { meanSd } from '../../models/summary/stats';
import { column } from '../../models/simulation/columns';
import { finColumn } from '../../models/core/columns';
import { PARTIES } from '../../models/core/names';
import { clone, run, smallInput, yearValues } from '../helpers';
import { PARTIES_FIXED } from '../finance/helpers';

// Contracts whose incentives change care (README "Incentives change behaviour"): each such contract
// gets its own care, drawn by thinning the scenario's, on one stream shared by all contracts.

const CONTRACTS = [
  { id: 'ffs', name: 'ffs', kind: 'ffs' },
  { id: 'budget1', name: 'budget, marginal 1', kind: 'hospitalBudget', glide: 0, band: 0.02, marginal: 1 },
  { id: 'budget', name: 'budget, marginal 0.3', kind: 'hospitalBudget', glide: 0, band: 0.02, marginal: 0.3 },
  { id: 'ss', name: 'shared savings', kind: 'sharedSavings', sided: 'one', sharingRate: 0.5, split: { gp: 0.5, hospital: 0.5 } },
  { id: 'pop', name: 'population', kind: 'population', discount: 0, owner: { gp: 0.5, hospital: 0.5 } },
  { id: 'pop-half', name: 'population, half covered', kind: 'population', discount: 0, owner: { gp: 0.5, hospital: 0.5 }, coverage: 0.5 },
];

/** The small test region with the contracts above and behaviour `b` (none when undefined); the substitution controlled by the hospital. */
function scenario(b: unknown, seed = 'beh') {
  const s = clone(smallInput({ seed, population: 400 })) as any;
  s.substitution[0].controlledBy = 'hospital';
  s.financing = { parties: PARTIES_FIXED, models: clone(CONTRACTS), ...(b === undefined ? {} : { behaviour: b }) };
  return s;
}

const ON = { elasticity: 0.5, discretionary: { hospital: 0.3, gp: 0.2, intermediate: 0.2 }, holdBack: 0.6 };
const LINES_OUT = ['gp', 'intermediate', 'hospital', 'pharmacy', 'selfcare'];

describe('behaviour: neutral cases are bit-identical', () => {
  const off = run(scenario(undefined), 60).block;
  it('elasticity 0 and no hold-back: every column, each contract’s care and money, is bit-identical to behaviour off', () => {
    const neutral = run(scenario({ elasticity: 0, discretionary: { hospital: 0.3 }, holdBack: 0 }), 60).block;
    for (const name of off.names) expect(column(neutral, name), name).toEqual(column(off, name));
    for (const c of CONTRACTS) for (const l of LINES_OUT) expect(column(neutral, `world.${c.id}.claims.${l}`)).toEqual(column(off, `sc.claims.${l}`));
  });

  it('a hospital budget with marginal rate 1 gives the same care as fee-for-service, run by run', () => {
    const b = run(scenario(ON), 60).block;
    for (const l of LINES_OUT) expect(column(b, `world.budget1.claims.${l}`)).toEqual(column(b, `world.ffs.claims.${l}`));
    expect(column(b, 'world.budget1.total')).toEqual(column(b, 'world.ffs.total'));
    // …and differs from a budget with marginal rate 0.3 (the check is not vacuous).
    expect(column(b, 'world.budget.claims.hospital')).not.toEqual(column(b, 'world.ffs.claims.hospital'));
  });

  it('each contract’s care is the care it gets as the only contract, bit for bit (identical responses drawn once and shared)', () => {
    // FFS and the budget with marginal rate 1 respond alike and share one draw: sharing must not change a number.
    // (Without the half-covered contract: coverage splits the region's draws into pieces.)
    const whole = CONTRACTS.filter((c) => c.coverage === undefined);
    const sAll = scenario(ON);
    sAll.financing.models = clone(whole);
    const all = run(sAll, 40).block;
    for (const c of whole) {
      const s = scenario(ON);
      s.financing.models = [clone(c)];
      const alone = run(s, 40).block;
      for (const l of LINES_OUT) expect(column(all, `world.${c.id}.claims.${l}`), `${c.id} ${l}`).toEqual(column(alone, `world.${c.id}.claims.${l}`));
      expect(column(all, `world.${c.id}.moved.out.hospital`)).toEqual(column(alone, `world.${c.id}.moved.out.hospital`));
    }
  });

  it('switching behaviour off for one contract keeps that contract on the scenario’s care (no world columns)', () => {
    const s = scenario(ON);
    s.financing.models[4].behaviour = false;
    const b = run(s, 20).block;
    expect(b.names.some((n) => n.startsWith('world.pop.'))).toBe(false);
    expect(b.names.some((n) => n.startsWith('world.ss.'))).toBe(true);
  });
});

describe('behaviour: closed forms (random variation off: expected values)', () => {
  const s = scenario(ON);
  s.simulation.randomVariation = false;
  s.simulation.parameterUncertainty = false;
  const { block: b } = run(s, 1);
  const H = b.years;

  it('volume: each line keeps 1 − d·min(1, ε(1 − r)) of its own contacts, r diluted by coverage', () => {
    // Population contract: r = 0 on the scope's lines; half coverage: r = 0.5.
    for (let t = 0; t < H; t++) {
      const moved = column(b, 'moved.out.hospital')[t];
      const scGp = column(b, 'sc.contacts.gp')[t];
      // GP line: no substitution touches it; d = 0.2, ε = 0.5.
      expect(column(b, 'world.pop.contacts.gp')[t]).toBeCloseTo(scGp * (1 - 0.2 * 0.5), 6);
      expect(column(b, 'world.pop-half.contacts.gp')[t]).toBeCloseTo(scGp * (1 - 0.2 * 0.5 * 0.5), 6);
      // Pharmacy has no provider party: unchanged.
      expect(column(b, 'world.pop.contacts.pharmacy')[t]).toBe(column(b, 'sc.contacts.pharmacy')[t]);
      // Hospital budget at 0.3: hospital line keeps 1 − 0.3·0.5·0.7 of its contacts after the
      // substitution, whose moves happen with 1 − h(1 − (1 − 0.3)) = 1 − 0.6·0.3.
      const u = 1 - 0.6 * 0.3;
      const refill = 0.2;
      const back = moved * (1 - refill) * (1 - u);
      expect(column(b, 'world.budget.contacts.hospital')[t]).toBeCloseTo((column(b, 'sc.contacts.hospital')[t] + back) * (1 - 0.3 * 0.5 * 0.7), 6);
      expect(column(b, 'world.budget.moved.out.hospital')[t]).toBeCloseTo(moved * u, 6);
    }
  });

  it('uptake: under fee-for-service the hospital’s moves happen with 1 − h; under a population contract with half ownership, 1 − h/2', () => {
    for (let t = 0; t < H; t++) {
      const moved = column(b, 'moved.out.hospital')[t];
      expect(moved).toBeGreaterThan(0);
      expect(column(b, 'world.ffs.moved.out.hospital')[t]).toBeCloseTo(moved * 0.4, 6);
      expect(column(b, 'world.pop.moved.out.hospital')[t]).toBeCloseTo(moved * 0.7, 6);
      expect(column(b, 'world.ss.moved.out.hospital')[t]).toBeCloseTo(moved * (1 - 0.6 * (1 - 0.25)), 6);
    }
  });
});

describe('behaviour: aggregate ≡ person mode in distribution', () => {
  // Two independent samples (different seeds) per mode; each KS check fails by chance with
  // probability 0.001.
  const R = 1200;
  const ALPHA = 0.001;
  const YEAR = 2;
  const agg = run(scenario(ON, 'agg'), R, 'aggregate').block;
  const person = run(scenario(ON, 'person'), R, 'person').block;
  for (const name of [
    'world.ffs.claims.hospital',
    'world.ffs.contacts.hospital',
    'world.budget.contacts.hospital',
    'world.pop.claims.intermediate',
    'world.pop.contacts.gp',
    'world.ss.total',
    'world.ffs.moved.out.hospital',
    'world.pop-half.moved.out.hospital',
  ])
    it(name, () => {
      const { d, p } = ks2(yearValues(agg, name, YEAR), yearValues(person, name, YEAR));
      expect(p, `KS D=${d.toFixed(4)}`).toBeGreaterThan(ALPHA);
    });

  it('the comparison detects a wrong hold-back (0.5 instead of 0.6 in person mode)', () => {
    // 300 person-mode runs: the moves that happen under fee-for-service differ by a sixth (0.5 against 0.4 of the scenario's).
    const bad = run(scenario({ ...ON, holdBack: 0.5 }, 'person'), 300, 'person').block;
    const { p } = ks2(yearValues(agg, 'world.ffs.moved.out.hospital', YEAR), yearValues(bad, 'world.ffs.moved.out.hospital', YEAR));
    expect(p).toBeLessThan(ALPHA);
  });

  it('mean volume under a population contract: GP contacts are (1 − 0.1) of the scenario’s, within 4 MC SE', () => {
    const w = yearValues(agg, 'world.pop.contacts.gp', YEAR);
    const sc = yearValues(agg, 'sc.contacts.gp', YEAR);
    const diff = Float64Array.from(w, (x, i) => x - 0.9 * sc[i]);
    const { mean, sd, n } = meanSd(diff);
    expect(Math.abs(mean)).toBeLessThan(4 * (sd / Math.sqrt(n)));
  });
});

describe('behaviour: money', () => {
  const s = scenario(ON);
  // The intervention controlled too, so each contract's care also differs in the intervention's reach.
  s.interventions[0].controlledBy = 'gp';
  // Fixed numbers and no price trends, so the providers' production cost is easy to recompute.
  s.lines = {};
  s.benchmark.trend = 0;
  const { block: b } = run(s, 50);
  const rows = b.runs * b.years;
  const H = b.years;
  const total = (id: string) => {
    const out = new Float64Array(rows);
    for (const p of PARTIES) {
      const r = column(b, finColumn(id, p, 'revenue'));
      const c = column(b, finColumn(id, p, 'cost'));
      for (let i = 0; i < rows; i++) out[i] += r[i] - c[i];
    }
    return out;
  };
  /** Resources used by care `prefix` in row i: lines paid at cost plus both providers' production cost (model.md §4). */
  const resources = (prefix: string, run: number) => {
    const at = (l: string, t: number) => column(b, `${prefix}claims.${l}`)[run * H + t];
    const cfAt = (l: string, t: number) => column(b, `cf.claims.${l}`)[run * H + t];
    const out = new Float64Array(H);
    for (const [lines, { fixedShare: phi, adjustment: k }] of [
      [['hospital'], PARTIES_FIXED.hospital],
      [['gp', 'intermediate'], PARTIES_FIXED.gp],
    ] as const) {
      const V = (t: number) => lines.reduce((a, l) => a + at(l, t), 0);
      let F = phi * lines.reduce((a, l) => a + cfAt(l, 0), 0);
      for (let t = 0; t < H; t++) {
        if (t > 0) F += k * (phi * V(t) - F);
        out[t] += F + (1 - phi) * V(t);
      }
    }
    for (let t = 0; t < H; t++) out[t] += at('pharmacy', t) + at('selfcare', t);
    return out;
  };

  it('each contract’s sum of results equals the status quo’s plus the money its own care-use change frees (rel. 1e-9)', () => {
    const sq = total('statusQuo');
    const iv = column(b, 'sc.interventionCost');
    for (const c of CONTRACTS) {
      const tk = total(c.id);
      for (let r = 0; r < b.runs; r++) {
        const own = resources(`world.${c.id}.`, r);
        const freed = resources('cf.', r).map((x, t) => x - own[t] - iv[r * H + t]);
        for (let t = 0; t < H; t++) {
          const i = r * H + t;
          expect(Math.abs(tk[i] - (sq[i] + freed[t])), `${c.id} run ${r} year ${t}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(sq[i])));
        }
      }
    }
  });

  it('with behaviour on, contracts differ in their sum of results (money is not only moved between parties)', () => {
    const a = total('ffs');
    const p = total('pop');
    expect(a.some((x, i) => Math.abs(x - p[i]) > 1)).toBe(true);
  });
});
