import { describe, expect, it } from 'vitest';
import { actionsOf, carriersOf, coalitionInput, coalitionSaving, scenarioShapley, shapleyExact, shapleySampled } from '../../models/analysis/shapley';
import { column } from '../../models/simulation/columns';
import { defaultInput, run } from '../helpers';

const runs = 4;
/** A game given per coalition, the same in every run but for a run-dependent scale. */
const game = (f: (s: number) => number) => (s: number) => Float64Array.from({ length: runs }, (_, r) => (1 + r) * f(s));

describe('Shapley split of the saving over the actions', () => {
  it('gives additive actions each their own saving, and splits an interaction equally', async () => {
    const c = [3, 5, 7];
    const add = await shapleyExact(
      3,
      game((s) => c.reduce((t, v, a) => t + (s & (1 << a) ? v : 0), 0)),
    );
    add.perRun.forEach((x, a) => x.forEach((v, r) => expect(v).toBeCloseTo((1 + r) * c[a], 12)));
    // v(1) = 1, v(2) = 2, v(1,2) = 5: the interaction 2 is split 1 / 1.
    const pair = await shapleyExact(
      2,
      game((s) => [0, 1, 2, 5][s]),
    );
    expect(pair.perRun[0][0]).toBeCloseTo(2, 12);
    expect(pair.perRun[1][0]).toBeCloseTo(3, 12);
    expect(pair.evaluated).toBe(4);
  });

  it('is efficient in every run, exact and sampled, and the sample agrees with the exact value', async () => {
    const v = (s: number) => Float64Array.from({ length: runs }, (_, r) => Math.sqrt(s * (r + 1)) + (s & 3 ? r : 0) + ((s >> 2) & 1) * 0.5 * (s & 1));
    const ex = await shapleyExact(5, v);
    const sa = await shapleySampled(5, v, 400, 'test');
    const all = v(31);
    const none = v(0);
    for (const res of [ex, sa]) for (let r = 0; r < runs; r++) expect(res.perRun.reduce((t, x) => t + x[r], 0)).toBeCloseTo(all[r] - none[r], 10);
    for (let a = 0; a < 5; a++) expect(Math.abs(sa.mean[a].value - ex.mean[a].value)).toBeLessThan(4 * sa.mean[a].se + 1e-9);
  });

  it('on the default scenario: coalitions on common random numbers add up to the full scenario run by run', async () => {
    const input = defaultInput() as Record<string, unknown>;
    input.financing = undefined;
    const acts = actionsOf(input);
    expect(acts.length).toBe(5);
    // Two actions (the 1.5-line substitution and GoedLeven) to keep the test short: the rest are left out.
    const two = coalitionInput(input, (1 << 0) | (1 << 3));
    const saving = (s: number) => {
      const { block } = run(coalitionInput(two, s), 30);
      const cf = column(block, 'cf.total');
      const sc = column(block, 'sc.total');
      return Float64Array.from({ length: 30 }, (_, r) => {
        let t = 0;
        for (let y = 0; y < block.years; y++) t += cf[r * block.years + y] - sc[r * block.years + y];
        return t;
      });
    };
    const res = await shapleyExact(2, saving);
    const full = saving(3);
    for (let r = 0; r < 30; r++) expect(Math.abs(res.perRun[0][r] + res.perRun[1][r] - full[r])).toBeLessThan(1e-6 * Math.abs(full[r]) + 1e-6);
    expect(saving(0).every((x) => x === 0)).toBe(true);
  });

  it('splits the default scenario’s saving over its actions and the parties carrying them; the parts add up to the whole', async () => {
    const input = defaultInput() as Record<string, unknown>;
    const runs = 12;
    const progress: number[] = [];
    const res = await scenarioShapley(input, coalitionSaving(runs), { onProgress: (d) => progress.push(d) });
    const k = actionsOf(input).length;
    expect(res.exact).toBe(true);
    expect(res.evaluated).toBe(2 ** k);
    expect(progress.at(-1)).toBe(2 ** k);
    // The whole, simulated on its own: every action in.
    const all = coalitionSaving(runs)(input);
    const mean = all.reduce((a, x) => a + x, 0) / runs;
    const sum = res.values.reduce((a, v) => a + v.value, 0);
    expect(Math.abs(sum - mean)).toBeLessThan(1e-9 * Math.abs(mean));
    expect(Math.abs(res.total.value - mean)).toBeLessThan(1e-9 * Math.abs(mean));
    const parties = Object.values(res.byParty).reduce((a, v) => a + v, 0);
    expect(Math.abs(parties - mean)).toBeLessThan(1e-9 * Math.abs(mean));
    // Carriers: a payer as given, a substitution by the provider of the line the care moves to.
    const c = carriersOf(input);
    for (const x of c) expect(Object.values(x).reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
  });
});
