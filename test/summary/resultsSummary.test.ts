import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../models/pipeline/validate';
import { scenarioHash } from '../../models/scenario/hash';
import { compactResults, compareResults, type ResultsSummary } from '../../models/summary/resultsSummary';
import { compile } from '../../models/pipeline/compile';
import { summarize, type Summary } from '../../models/summary/summarize';
import { runOnWorkers } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { clone, defaultInput, valid } from '../helpers';

const RUNS = 40;

/** Runs `input` the way the workbench does (validate, run on a worker, summarise). */
async function runScenario(input: unknown): Promise<{ summary: Summary; hash: string }> {
  const s = valid(input);
  const r = await runOnWorkers([inProcessWorker()], input, { runs: RUNS });
  return { summary: summarize(compile(s), r.block), hash: await scenarioHash(s) };
}

describe('results summary in the scenario file', () => {
  const input = clone(defaultInput()) as any;
  input.simulation.runs = RUNS;
  input.simulation.varianceSplitRuns = 10;
  let plain: { summary: Summary; hash: string };
  let results: ResultsSummary;

  it('is written from a run, passes the schema, and survives a JSON round trip exactly', async () => {
    plain = await runScenario(input);
    results = compactResults(plain.summary, { seed: input.simulation.seed, scenarioHash: plain.hash, computedAt: '2025-05-12T10:00:00.000Z', generator: 'proeftuin test' });
    expect(results.years).toHaveLength(plain.summary.horizonYears);
    expect(results.financing?.length).toBe(plain.summary.financing.models.length);
    expect(results.financing?.[0].parties.hospital?.mean).toBe(plain.summary.financing.models[0].horizon.hospital.result.mean);
    expect(results.years.at(-1)!.reduction).toBe(plain.summary.years.at(-1)!.reduction.mean);
    const withResults = { ...clone(input), results: JSON.parse(JSON.stringify(results)) };
    const v = validateScenario(withResults);
    expect(v.ok ? 'ok' : v.errors).toBe('ok');
    // The published JSON Schema accepts it too (nulls for numbers that are not finite included).
    const schema = JSON.parse(readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const nulled = clone(withResults);
    nulled.results.years[0].reductionMcse = null;
    expect(ajv(nulled), JSON.stringify(ajv.errors?.slice(0, 2))).toBe(true);
    expect(ajv({ ...clone(withResults), results: { ...clone(results), extra: 1 } })).toBe(false);
    // Full precision: what a file carries compares as identical with the numbers it came from.
    expect(compareResults(JSON.parse(JSON.stringify(results)), results)).toEqual({ kind: 'identical' });
    // Small: a reader can take it in (a few kB for 10 years and 7 models).
    expect(JSON.stringify(results).length).toBeLessThan(12_000);
  });

  it('does not change the scenario hash, and a file with it re-runs to bit-identical numbers', async () => {
    const withResults = { ...clone(input), results: clone(results) };
    const again = await runScenario(withResults);
    expect(again.hash).toBe(plain.hash);
    expect(again.summary).toEqual(plain.summary);
    const rerun = compactResults(again.summary, { seed: input.simulation.seed, scenarioHash: again.hash, computedAt: new Date().toISOString() });
    expect(compareResults(results, rerun)).toEqual({ kind: 'identical' });
    // The hash still sees every other field: a changed seed is another scenario.
    const seeded = clone(withResults);
    seeded.simulation.seed = 'another';
    expect(await scenarioHash(valid(seeded))).not.toBe(plain.hash);
  });

  it('reports a changed number as a difference, and other inputs as such', () => {
    const same = clone(results);
    const edited = clone(results);
    edited.years[3].costScenario = (edited.years[3].costScenario ?? 0) + 1;
    const v = compareResults(edited, same);
    expect(v.kind).toBe('differs');
    expect(v.kind === 'differs' && v.where[0]).toContain(`${edited.years[3].year}.costScenario`);
    const other = compareResults({ ...clone(results), seed: 'x', scenarioHash: 'f'.repeat(64) }, same);
    expect(other).toEqual({ kind: 'otherInputs', seed: false, runs: true, hash: false, same: true });
    const fewer = compareResults({ ...clone(results), runs: 10 }, same);
    expect(fewer.kind).toBe('otherInputs');
    // Without a hash in the file: identical only when seed, runs and every number agree.
    const { scenarioHash: _h, ...noHash } = clone(results);
    expect(compareResults(noHash, same)).toEqual({ kind: 'identical' });
    expect(compareResults({ ...noHash, years: edited.years }, same).kind).toBe('otherInputs');
  });

  it('a malformed summary is refused with the field named', () => {
    const bad = { ...clone(input), results: { ...clone(results), scenarioHash: 'abc', runs: 0 } };
    const v = validateScenario(bad);
    expect(v.ok).toBe(false);
    const paths = v.ok ? [] : v.errors.map((e) => e.path);
    expect(paths).toContain('results.scenarioHash');
    expect(paths).toContain('results.runs');
  });
});
