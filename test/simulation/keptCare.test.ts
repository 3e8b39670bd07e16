import { describe, expect, it } from 'vitest';
import { compile } from '../../models/pipeline/compile';
import { simulateBlock } from '../../models/simulation/block';
import { KeptCare } from '../../models/simulation/keptCare';
import type { RunBlock } from '../../models/simulation/columns';
import type { Mode } from '../../models/simulation/simulate';
import { createSimApi } from '../../models/runner/api';
import { defineScenario } from '../../models/pipeline/compile';
import { blockDifferences, clone, defaultInput, readJson, valid, type Editable } from '../helpers';

const RUNS = 24;
const CHUNK = 8;

/** The default with 10 of its 24 runs twinned, so that runs with and without a twin replicate are both kept. */
function base(): Editable {
  const s = defaultInput() as Editable;
  s.simulation.varianceSplitRuns = 10;
  return s;
}

/** Runs 0..runs−1 of `input` in chunks of CHUNK, as a worker runs its share, with `kept` or from scratch. */
function simulate(input: unknown, kept?: KeptCare, mode: Mode = 'aggregate', runs = RUNS): RunBlock[] {
  const model = compile(valid(input));
  const out: RunBlock[] = [];
  for (let first = 0; first < runs; first += CHUNK) out.push(simulateBlock(model, first, Math.min(CHUNK, runs - first), mode, undefined, undefined, undefined, kept));
  return out;
}

/** Numbers that differ bit for bit between two lists of blocks. */
const differing = (a: RunBlock[], b: RunBlock[]) => a.reduce((k, x, j) => k + blockDifferences(x, b[j]), 0);

const edits: [string, (s: Editable) => void, boolean][] = [
  ['a sharing rate (a fixed number)', (s) => (s.financing.models[2].sharingRate.value = 0.65), true],
  ['a budget discount made uncertain (a distribution of its own)', (s) => (s.financing.models[4].discount = { dist: 'pert', min: 0, mode: 0.01, max: 0.03 }), true],
  ['a custom contract formula', (s) => (s.financing.models[6].formulas.gp = 'savingsRate >= 0.01 ? 0.4 * savings : 0'), true],
  ['a contract added (columns of its own)', (s) => s.financing.models.push({ ...clone(s.financing.models[2]), id: 'ss-extra', sharingRate: 0.3 }), true],
  ['a contract removed', (s) => s.financing.models.splice(3, 1), true],
  ['a contract of another kind', (s) => (s.financing.models[1] = { id: 'bonus', name: s.financing.models[1].name, kind: 'ffs' }), true],
  // These change what the simulation records or draws: the care must be simulated again.
  ['a stop-loss threshold (another excess column)', (s) => (s.financing.models[4].stopLoss.threshold = 150000), false],
  ['the population (care itself)', (s) => (s.region.population = 170000), false],
  ['a care parameter (its θ)', (s) => (s.region.segments[0].lines.gp.contacts = 3.1), false],
  ['the seed', (s) => (s.simulation.seed = 'another'), false],
];

describe('kept care', () => {
  it.each(edits)('after an edit of %s, runs on kept care equal a simulation from scratch bit for bit', (_, edit, settledOnly) => {
    const kept = new KeptCare();
    const first = simulate(base(), kept);
    expect(differing(first, simulate(base()))).toBe(0); // keeping the care does not change the run that keeps it
    expect(kept.reused).toBe(0);
    const s = clone(base());
    edit(s);
    const fresh = simulate(s);
    const again = simulate(s, kept);
    expect(differing(again, fresh)).toBe(0);
    // Contract terms are settled on the kept care; anything else is simulated again.
    expect(kept.reused).toBe(settledOnly ? RUNS : 0);
    // And back: the edited scenario's care is what is kept now, the original's is simulated again
    // (or, where only terms changed, settled once more).
    const back = simulate(base(), kept);
    expect(differing(back, first)).toBe(0);
    expect(kept.reused).toBe(settledOnly ? 2 * RUNS : 0);
  });

  it('settles kept person-level care too', () => {
    const s = readJson('scenarios/populatie-10k.json') as Editable;
    s.simulation.varianceSplitRuns = 1;
    const kept = new KeptCare();
    simulate(s, kept, 'person', 2);
    const t = clone(s);
    t.financing.models[1].discount = 0.02;
    expect(differing(simulate(t, kept, 'person', 2), simulate(t, undefined, 'person', 2))).toBe(0);
    expect(kept.reused).toBe(2);
    // The same scenario in the other mode is other care.
    simulate(t, kept, 'aggregate', 2);
    expect(kept.reused).toBe(2);
  });

  it('keeps nothing when contracts change care (behavioural responses)', () => {
    const s = readJson('scenarios/welk-contract-substitutie.json') as Editable;
    s.simulation.varianceSplitRuns = 4;
    const kept = new KeptCare();
    simulate(s, kept);
    const t = clone(s);
    t.financing.models[2].sharingRate = 0.7;
    expect(differing(simulate(t, kept), simulate(t))).toBe(0);
    expect(kept.reused).toBe(0);
  });

  it('runs kept in chunks of one size are found in chunks of another, and a run cut short is simulated again', () => {
    const kept = new KeptCare();
    const model = compile(valid(base()));
    // Cut short after 5 of 8 runs (as a cancel or a time slice ends a chunk), then the rest apart.
    simulateBlock(model, 0, 8, 'aggregate', (done) => done < 5, undefined, undefined, kept);
    simulateBlock(model, 5, 19, 'aggregate', undefined, undefined, undefined, kept);
    const s = clone(base());
    s.financing.models[2].sharingRate.value = 0.65;
    const m2 = compile(valid(s));
    const whole = simulateBlock(m2, 0, RUNS, 'aggregate', undefined, undefined, undefined, kept);
    expect(kept.reused).toBe(RUNS);
    expect(differing([whole], [simulateBlock(m2, 0, RUNS)])).toBe(0);
  });

  it('an edit that adds a contract parameter after a run cut short is exact (θ of another length is drawn, the care reused)', () => {
    // Runs 20..24: the last rows of a page of kept runs, where a θ of another length would not fit.
    const kept = new KeptCare();
    simulateBlock(compile(valid(base())), 20, 5, 'aggregate', (done) => done < 1, undefined, undefined, kept);
    const s = clone(base());
    s.financing.models[3].minimumSavingsRate = { fixed: 0.01 };
    const m2 = compile(valid(s));
    expect(m2.registry.slots.length).toBeGreaterThan(compile(valid(base())).registry.slots.length);
    for (let k = 0; k < 2; k++) expect(differing([simulateBlock(m2, 20, 5, 'aggregate', undefined, undefined, undefined, kept)], [simulateBlock(m2, 20, 5)])).toBe(0);
    // The care still holds: the run kept before and, the second time, all five are settled on it.
    expect(kept.reused).toBe(1 + 5);
  });

  it('keeps no more than it may, and stays exact', () => {
    const runs = 75; // three pages of kept runs
    const model = compile(valid(base()));
    const names = simulateBlock(model, 0, 1).names.length - model.financing.columns.length - model.financing.twinColumns.length; // the engine columns
    // Room for one page of 25 runs with 10 twins: about a third of what the runs need.
    const kept = new KeptCare(8 * (names * model.horizon * 35 + 25 * 2 * model.registry.slots.length) + 125);
    for (let f = 0; f < runs; f += CHUNK) simulateBlock(model, f, Math.min(CHUNK, runs - f), 'aggregate', undefined, undefined, undefined, kept);
    const s = clone(base());
    s.financing.models[2].sharingRate.value = 0.65;
    const m2 = compile(valid(s));
    const again = simulateBlock(m2, 0, runs, 'aggregate', undefined, undefined, undefined, kept);
    expect(kept.reused).toBe(25);
    expect(differing([again], [simulateBlock(m2, 0, runs)])).toBe(0);
  });

  it('a kept run is used only with the same θ of every parameter outside financing', () => {
    const model = compile(valid(base()));
    const names = ['a', 'b'];
    const kept = new KeptCare();
    const chunk = kept.chunk(model, 'aggregate', names, 0, 0)!;
    const care = model.registry.slots.findIndex((slot) => slot.path.startsWith('region.'));
    const contract = model.registry.slots.findIndex((slot) => slot.path.startsWith('financing.'));
    expect(care).toBeGreaterThanOrEqual(0);
    expect(contract).toBeGreaterThanOrEqual(0);
    const theta = Float64Array.from(model.registry.slots, (_, i) => i + 0.5);
    const H = model.horizon;
    const cols = [Float64Array.from({ length: 2 * H }, (_, k) => k), Float64Array.from({ length: 2 * H }, (_, k) => 100 + k)];
    expect(chunk.matches(0, theta)).toBe(false); // nothing kept yet
    chunk.keep(0, cols, 0);
    expect(chunk.matches(0, theta)).toBe(false); // not whole until done
    chunk.done(0, theta);
    expect(chunk.matches(0, theta)).toBe(true);
    const otherTerm = theta.slice();
    otherTerm[contract] = 99;
    expect(chunk.matches(0, otherTerm)).toBe(true);
    const otherCare = theta.slice();
    otherCare[care] = 99;
    expect(chunk.matches(0, otherCare)).toBe(false);
    // Row 0 of the columns kept as run 0, written back at row 1.
    const back = [new Float64Array(2 * H), new Float64Array(2 * H)];
    chunk.restore(0, back, 1);
    expect([...back[0].subarray(H), ...back[1].subarray(H)]).toEqual([...cols[0].subarray(0, H), ...cols[1].subarray(0, H)]);
    expect([...back[0].subarray(0, H)].every((v) => v === 0)).toBe(true);
  });

  it('the same model run in the other mode is other care', () => {
    const kept = new KeptCare();
    const api = createSimApi(kept);
    const t = readJson('scenarios/populatie-10k.json') as Editable;
    t.simulation.varianceSplitRuns = 1;
    const def = defineScenario(valid(t));
    api.load(def);
    api.runChunk(0, 1, 'aggregate');
    const person = api.runChunk(0, 1, 'person');
    expect(kept.reused).toBe(0);
    const scratch = createSimApi();
    scratch.load(def);
    expect(differing([person], [scratch.runChunk(0, 1, 'person')])).toBe(0);
  });

  it("the worker's API settles a contract edit on the care of its last chunk", () => {
    const kept = new KeptCare();
    const api = createSimApi(kept);
    const s = base();
    api.load(defineScenario(valid(s)));
    api.runChunk(0, CHUNK, 'aggregate');
    const t = clone(s);
    t.financing.models[3].sharingRate.value = 0.35;
    api.load(defineScenario(valid(t)));
    const settled = api.runChunk(0, CHUNK, 'aggregate');
    const scratch = createSimApi();
    scratch.load(defineScenario(valid(t)));
    expect(differing([settled], [scratch.runChunk(0, CHUNK, 'aggregate')])).toBe(0);
    expect(kept.reused).toBe(CHUNK);
  });
});
