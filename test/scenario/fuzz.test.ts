import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../models/pipeline/validate';
import { runOnWorkers, RunValueError, ScenarioError } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { clone, defaultInput, smallInput } from '../helpers';
import { fuzzRuns, fuzzSeed } from '../support/fuzzRuns';

/** Every path (as key lists) in a JSON value, containers included. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function getAt(root: unknown, path: (string | number)[]): unknown {
  let o = root as Record<string | number, unknown> | undefined;
  for (const k of path) o = o?.[k] as Record<string | number, unknown> | undefined;
  return o;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1]] = value;
  return root;
}

const hostileValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(-1, 0, 1, 1e308, -1e308, 2 ** 53, 0.5, 1e-320, '', '__proto__', 'constructor', null, [], {}),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 50 }),
  fc.record(
    {
      dist: fc.constantFrom('pert', 'normal', 'lognormal', 'beta', 'gamma', 'uniform', 'triangular', 'cauchy'),
      min: fc.double(),
      mode: fc.double(),
      max: fc.double(),
      mean: fc.double(),
      sd: fc.double(),
    },
    { requiredKeys: ['dist'] },
  ),
);

/**
 * An edit of one field: mostly a plausible change of a number (scaled, zeroed, negated, made
 * extreme), sometimes a hostile value of any type, so that both valid and invalid files are
 * produced in quantity.
 */
const edit = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 3, noNaN: true }).map((f) => (old: unknown) => (typeof old === 'number' ? old * f : old)) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e12, 1e-300).map((c) => (old: unknown) => (typeof old === 'number' ? c : old)) },
  { weight: 2, arbitrary: hostileValue.map((v) => () => v) },
);

describe('fuzzing: random and hostile scenario objects never crash the validator or the runner', () => {
  it('validator: any JSON-like value is accepted or rejected with paths', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 4 }), (v) => {
        const r = validateScenario(v);
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: fuzzRuns(500), seed: fuzzSeed(20261123) },
    );
  });

  for (const [name, base] of [
    ['small scenario', smallInput()],
    ['default scenario', defaultInput()],
  ] as const) {
    const all = paths(base);
    it(`${name}: up to 4 mutated fields either run or are rejected with field paths`, async () => {
      let ran = 0;
      let rejected = 0;
      let stopped = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(all.length - 1), edit), { minLength: 1, maxLength: 4 }), async (edits) => {
          let s: unknown = clone(base);
          for (const [i, change] of edits) {
            try {
              s = setAt(s, all[i], change(getAt(s, all[i])));
            } catch {
              // the path no longer exists after an earlier edit; skip it
            }
          }
          const r = validateScenario(s);
          if (!r.ok) {
            rejected++;
            for (const e of r.errors) expect(e.path.length).toBeGreaterThan(0);
            return;
          }
          ran++;
          try {
            const out = await runOnWorkers([inProcessWorker()], s, { runs: 2 });
            expect(out.block.runs).toBe(2);
          } catch (e) {
            // The only acceptable failure: a run whose numbers are unusable (an extreme but valid
            // file), stopped with the output, year, run and likely cause.
            expect(e).toBeInstanceOf(RunValueError);
            expect((e as Error).message).toMatch(/^run \d+: \S+ (is|gives) \S+ in \d{4}/);
            stopped++;
          }
        }),
        { numRuns: fuzzRuns(name === 'small scenario' ? 300 : 60), seed: fuzzSeed(42) },
      );
      // Not vacuous: a fair share of the mutated files is valid and really runs.
      expect(ran).toBeGreaterThan(0.1 * (ran + rejected));
      expect(rejected).toBeGreaterThan(0.1 * (ran + rejected));
      // Extreme values are rare among the plausible edits; most valid files give usable numbers.
      expect(stopped).toBeLessThan(0.1 * ran);
    });
  }

  it('the runner rejects an invalid scenario with ScenarioError and paths', async () => {
    await expect(runOnWorkers([inProcessWorker()], { version: 1 }, { runs: 1 })).rejects.toBeInstanceOf(ScenarioError);
  });
});
