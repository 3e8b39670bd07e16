import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../models/pipeline/validate';
import { compile } from '../../models/pipeline/compile';
import { simulateBlock } from '../../models/simulation/block';
import { summarize, type Summary } from '../../models/summary/summarize';
import { column } from '../../models/simulation/columns';
import { paidColumn } from '../../models/core/columns';
import type { RunBlock } from '../../models/simulation/columns';
import { SCENARIO_VERSION } from '../../models/scenario/schema';
import { isBilingual, localText } from '../../models/scenario/localText';
import { distributionMean } from '../../models/scenario/distributions';

// Every scenario file validates and runs; each library scenario's documented headline is checked
// on a short run (fixed seed), so a model change that breaks the story is caught.
const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
const RUNS = 300;
const cache = new Map<string, { s: Summary; b: RunBlock }>();
function runFile(f: string) {
  if (!cache.has(f)) {
    const v = validateScenario(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
    if (!v.ok) throw new Error(`${f}: ${JSON.stringify(v.errors.slice(0, 3))}`);
    const model = compile(v.scenario);
    const b = simulateBlock(model, 0, RUNS);
    cache.set(f, { s: summarize(model, b), b });
  }
  return cache.get(f)!;
}
const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
/** Mean and its standard error. */
function meanSe(x: Float64Array): { mean: number; se: number } {
  const m = mean(x);
  return { mean: m, se: Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1) / x.length) };
}
/**
 * Mean of `x` with `g` (a parameter drawn in the same runs, of known mean `gMean`) as control
 * variate: x − β(g − E g) has the same mean and, where x follows g, a much smaller error.
 */
function controlled(x: Float64Array, g: Float64Array, gMean: number): { mean: number; se: number } {
  const mx = mean(x);
  const mg = mean(g);
  let sxg = 0;
  let sgg = 0;
  for (let i = 0; i < x.length; i++) {
    sxg += (x[i] - mx) * (g[i] - mg);
    sgg += (g[i] - mg) ** 2;
  }
  return meanSe(Float64Array.from(x, (v, i) => v - (sxg / sgg) * (g[i] - gMean)));
}
/**
 * Influence values of the expected shortfall at 95% (loss positive) of the runs' results `x`:
 * their mean is the estimate, and for two contracts on the same runs the error of a difference is
 * that of the difference of their influence values (common random numbers).
 */
function esInfluence(x: Float64Array): Float64Array {
  const a = 0.05;
  const sorted = Float64Array.from(x).sort();
  const k = Math.ceil(a * x.length);
  const q = sorted[k - 1];
  return Float64Array.from(x, (v) => -((v <= q ? v - q : 0) / (k / x.length) + q));
}
const slots = new Map<string, string[]>();
/** The index in θ of a parameter of a library file. */
function paramSlot(f: string, path: string): number {
  if (!slots.has(f)) {
    const v = validateScenario(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
    if (!v.ok) throw new Error(f);
    slots.set(
      f,
      compile(v.scenario).registry.slots.map((x) => x.path),
    );
  }
  return slots.get(f)!.indexOf(path);
}
/** Each run's sum over the horizon of column `name`. */
function horizonSum(b: RunBlock, name: string): Float64Array {
  const c = column(b, name);
  return Float64Array.from({ length: b.runs }, (_, r) => c.subarray(r * b.years, (r + 1) * b.years).reduce((x, y) => x + y, 0));
}
/** Each run's result (revenue − cost) over the horizon of party `p` under contract `m`. */
function horizonResult(b: RunBlock, m: string, p: string): Float64Array {
  const cost = horizonSum(b, `fin.${m}.${p}.cost`);
  return Float64Array.from(horizonSum(b, `fin.${m}.${p}.revenue`), (x, i) => x - cost[i]);
}
/** Each run's draw of the parameter in θ slot `k`. */
const drawsOf = (b: RunBlock, k: number) => Float64Array.from({ length: b.runs }, (_, r) => b.params[r * b.nParams + k]);
const last = (s: Summary) => s.years[s.years.length - 1];
const model = (s: Summary, id: string) => s.financing.models.find((m) => m.id === id)!;

describe('scenario library', () => {
  it('has the six questions of the pilot regions (seven files) besides the default', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it('every file validates against the published JSON Schema (ajv), not only the zod definition', () => {
    const schema = JSON.parse(readFileSync(new URL('scenario.schema.json', dir), 'utf8'));
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    for (const f of files) expect(validate(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))), `${f}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
    // and the schema rejects what it should
    expect(validate({ version: SCENARIO_VERSION, meta: { title: 'x' } })).toBe(false);
    expect(validate({ ...JSON.parse(readFileSync(new URL('default.json', dir), 'utf8')), meta: { title: { de: 'Titel' } } })).toBe(false);
  });

  for (const f of files)
    it(`${f} validates, states its question in Dutch and English, and runs`, () => {
      const raw = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
      // Written in Dutch and in English: the start view, the editor and the views show the
      // interface language's text.
      const bilingual = (x: unknown, what: string) => {
        expect(x, what).toMatchObject({ nl: expect.any(String), en: expect.any(String) });
        const t = x as { nl: string; en: string };
        expect(t.nl.length, what).toBeGreaterThan(3);
        expect(t.en.length, what).toBeGreaterThan(3);
        expect(t.nl, what).not.toBe(t.en);
        expect(t.nl + t.en, what).not.toMatch(/\n\s*\n/);
      };
      expect(raw.version).toBe(SCENARIO_VERSION);
      bilingual(raw.meta.title, 'title');
      bilingual(raw.meta.description, 'description');
      raw.region.segments.forEach((g: { name: unknown }, i: number) => bilingual(g.name, `segment ${i}`));
      (raw.financing?.models ?? []).forEach((m: { name: unknown }, i: number) => {
        expect(localText(m.name, 'en')).not.toBe(localText(m.name, 'nl'));
        expect(localText(m.name, 'en').length, `model ${i}`).toBeGreaterThan(3);
      });
      if (f !== 'default.json') {
        for (const k of ['question', 'headline']) bilingual(raw.meta[k], k);
        expect(raw.meta.parties.length).toBeGreaterThan(0);
      }
      const { s } = runFile(f);
      expect(Number.isFinite(last(s).reduction.mean)).toBe(true);
    });

  it('1.5-line care alone stays well below the 2% target (P < 10%), with a positive mean reduction', () => {
    const { s } = runFile('anderhalvelijn-170k.json');
    // Below 10% by four binomial standard errors at p = 10% (1.7% at 300 runs).
    expect(last(s).pReachTarget.p).toBeLessThan(0.1 - 4 * Math.sqrt((0.1 * 0.9) / RUNS));
    expect(last(s).reduction.mean - 4 * last(s).reduction.mcse).toBeGreaterThan(0);
  });

  it('pharmacy shared savings: insurer and GP group both gain, nothing is paid in at least one year in five', () => {
    const { s, b } = runFile('farmacie-shared-savings.json');
    const m = model(s, 'ss-farmacie');
    expect(m.horizon.insurer.changeVsStatusQuo.mean).toBeGreaterThan(4 * m.horizon.insurer.changeVsStatusQuo.mcse);
    expect(m.horizon.gp.changeVsStatusQuo.mean).toBeGreaterThan(4 * m.horizon.gp.changeVsStatusQuo.mcse);
    const paid = column(b, paidColumn('ss-farmacie'));
    const share = paid.filter((x) => x > 0).length / paid.length;
    expect(share + 4 * Math.sqrt((share * (1 - share)) / RUNS)).toBeLessThan(0.8);
  });

  it("population-based payment: in a contract year the integrator's worst outcomes weigh more than twice as much at 10,000 as at 170,000; stop-loss and a corridor lower them", () => {
    /** Per run, the first contract year's integrator result; and the expected shortfall's influence values as a share of the mean budget. */
    const share = (f: string, id: string) => {
      const { s, b } = runFile(f);
      const rev = column(b, `fin.${id}.integrator.revenue`);
      const cost = column(b, `fin.${id}.integrator.cost`);
      const x = Float64Array.from({ length: b.runs }, (_, r) => rev[r * b.years] - cost[r * b.years]);
      const y = model(s, id).years[0].integrator;
      const values = esInfluence(x).map((v) => v / y.revenue);
      // The estimator here is the summary's (the same worst 5% of runs).
      expect(Math.abs(mean(values) - y.es95 / y.revenue)).toBeLessThan(1e-9);
      return values;
    };
    // The two sizes are runs of different files (independent); the errors add. The budget's own
    // run-to-run error is left out (the share is over its mean).
    // The worst 5% of 300 runs is an average of 15, so these two margins are held to two standard
    // errors (one-sided 2%): at 300 runs 3.0 (0.0671 ± 0.0057 against 2 × 0.0246 ± 0.0009), at 1,200
    // runs 5.8 (0.0638 ± 0.0023 against 2 × 0.0249 ± 0.0004).
    const small = meanSe(share('populatie-10k.json', 'populatie-kaal'));
    const large = meanSe(share('populatie-170k.json', 'populatie-kaal'));
    const margin = (small.mean - 2 * large.mean) / Math.hypot(small.se, 2 * large.se);
    expect(margin).toBeGreaterThan(2);
    // Stop-loss and corridor are contracts on the same runs: the error is that of the paired
    // difference (stop-loss 0.0126 ± 0.0057 of the budget, two errors; the corridor 0.0176 ± 0.0016).
    const paired = (a: Float64Array, b: Float64Array) => meanSe(Float64Array.from(a, (v, i) => v - b[i]));
    const bare = share('populatie-10k.json', 'populatie-kaal');
    const stopLoss = share('populatie-10k.json', 'populatie-stoploss');
    const corridor = share('populatie-10k.json', 'populatie');
    const lower = paired(bare, stopLoss);
    const further = paired(stopLoss, corridor);
    expect(lower.mean - 2 * lower.se).toBeGreaterThan(0);
    expect(further.mean - 4 * further.se).toBeGreaterThan(0);
  });

  it('which contract makes the substitution happen: under FFS the region does not reach 2% in the last year, under population-based payment it does with probability ≈ 0.76', () => {
    const { s } = runFile('welk-contract-substitutie.json');
    const p = (id: string) => model(s, id).care.years[s.years.length - 1].pReachTarget;
    for (const id of ['ffs', 'zh-budget', 'ss', 'populatie']) expect(model(s, id).care.ownCare, id).toBe(true);
    // The headline's chances are of 1,000 runs; here 300. A run depends only on the seed and its
    // index, so these are the headline's first 300 runs: in the difference of the two proportions
    // the shared runs cancel, leaving variance q(1 − q)(1/300 − 1/1000). Tolerance: 4 standard errors
    // of that difference (at 300 runs: 0.780, 0.603, 0.120).
    const HEADLINE_RUNS = 1000;
    const se = (q: number) => Math.sqrt(q * (1 - q) * (1 / RUNS - 1 / HEADLINE_RUNS));
    expect(p('ffs').p).toBeLessThan(0.05);
    expect(Math.abs(p('populatie').p - 0.757)).toBeLessThan(4 * se(0.757));
    expect(Math.abs(p('zh-budget').p - 0.601)).toBeLessThan(4 * se(0.601));
    expect(Math.abs(p('ss').p - 0.11)).toBeLessThan(4 * se(0.11));
    // Without behaviour the scenario itself (full uptake, no volume response) stays below 2%.
    expect(last(s).pReachTarget.p).toBeLessThan(0.05);
  });

  it('multi-year hospital budget: under FFS substitution costs the hospital; under the budget it loses less than half as much and the insurer gains less', () => {
    const { s, b } = runFile('ziekenhuisbudget-substitutie.json');
    const ffs = model(s, 'ffs').horizon;
    expect(ffs.hospital.changeVsStatusQuo.mean + 4 * ffs.hospital.changeVsStatusQuo.mcse).toBeLessThan(0);
    // The budget's result follows the drawn hospital price trend (the glide is fixed): with the
    // trend as control variate (its PERT mean is known) the error of the means shrinks about fourfold.
    const result = (m: string, p: string) => horizonResult(b, m, p);
    const raw = JSON.parse(readFileSync(new URL('ziekenhuisbudget-substitutie.json', dir), 'utf8'));
    const k = paramSlot('ziekenhuisbudget-substitutie.json', 'lines.hospital.trend');
    const trend = drawsOf(b, k);
    const trendMean = distributionMean(raw.lines.hospital.trend);
    expect(Math.abs(mean(trend) - trendMean)).toBeLessThan(4 * meanSe(trend).se);
    const sq = result('statusQuo', 'hospital');
    const change = (m: string) => Float64Array.from(result(m, 'hospital'), (x, i) => x - sq[i]);
    const budget = change('zh-budget');
    const perActivity = change('ffs');
    expect(Math.abs(mean(perActivity) - ffs.hospital.changeVsStatusQuo.mean)).toBeLessThan(1e-6 * Math.abs(ffs.hospital.changeVsStatusQuo.mean));
    // Less than half of FFS's loss: budget change − ½ FFS change > 0 (both negative).
    const half = controlled(
      Float64Array.from(budget, (x, i) => x - 0.5 * perActivity[i]),
      trend,
      trendMean,
    );
    // 4.3 ± 1.2 mln at 300 runs: held to three standard errors.
    expect(half.mean - 3 * half.se).toBeGreaterThan(0);
    // What the hospital keeps the insurer does not gain (same runs).
    const budgetInsurer = result('zh-budget', 'insurer');
    const insurer = controlled(
      Float64Array.from(result('ffs', 'insurer'), (x, i) => x - budgetInsurer[i]),
      trend,
      trendMean,
    );
    expect(insurer.mean - 4 * insurer.se).toBeGreaterThan(0);
  });

  it("multi-year hospital budget: the hospital's risk is the hospital price trend the fixed glide does not follow (FFS hedges it)", () => {
    const { b } = runFile('ziekenhuisbudget-substitutie.json');
    const k = paramSlot('ziekenhuisbudget-substitutie.json', 'lines.hospital.trend');
    const budget = horizonResult(b, 'zh-budget', 'hospital');
    const ffs = horizonResult(b, 'ffs', 'hospital');
    const trend = drawsOf(b, k);
    const pLoss = (res: Float64Array, keep: (g: number) => boolean) => {
      const idx = [...trend.keys()].filter((i) => keep(trend[i]));
      return { p: idx.filter((i) => res[i] < 0).length / idx.length, n: idx.length };
    };
    // Hospital prices rising slower than 2.8% a year: the 3.35% glide leaves a margin, (almost) no
    // loss; faster than 3.1%: a loss in most runs. Under FFS revenue follows the trend: rare losses.
    const slow = pLoss(budget, (g) => g < 0.028);
    const fast = pLoss(budget, (g) => g > 0.031);
    const se = (q: { n: number }) => Math.sqrt(0.25 / q.n);
    expect(slow.p).toBeLessThan(0.05 + 4 * se(slow));
    expect(fast.p).toBeGreaterThan(0.6 - 4 * se(fast));
    expect(pLoss(ffs, (g) => g > 0.031).p).toBeLessThan(0.1);
  });

  it('who invests: under FFS the GP group pays and is worse off, the insurer gains; shared savings to the GP group lower its chance of being worse off', () => {
    const { s } = runFile('investeren-velp-utrecht.json');
    const ffs = model(s, 'ffs').horizon;
    const ss = model(s, 'ss-zorggroep').horizon;
    expect(ffs.gp.pWorseOff.p).toBeGreaterThan(0.95);
    expect(ffs.insurer.changeVsStatusQuo.mean).toBeGreaterThan(0);
    expect(ss.gp.pWorseOff.p + 4 * ss.gp.pWorseOff.mcse).toBeLessThan(ffs.gp.pWorseOff.p);
  });

  it('self-help: the municipality is worse off under every contract while the insurer gains', () => {
    const { s } = runFile('zelfzorg-gemeente.json');
    for (const m of s.financing.models) expect(m.horizon.municipality.pWorseOff.p, m.id).toBeGreaterThan(0.95);
    expect(model(s, 'ffs').horizon.insurer.changeVsStatusQuo.mean).toBeGreaterThan(0);
  });

  // Text never changes a number: each file run as written, with every text in Dutch only, in
  // English only, and as the version-1 file it was (question and headline as two paragraphs),
  // gives bit-identical columns for the same seed.
  it('the same file in Dutch only, English only or as version 1 runs to identical numbers', () => {
    const textOnly = (x: unknown, l: 'nl' | 'en'): unknown =>
      Array.isArray(x)
        ? x.map((y) => textOnly(y, l))
        : isBilingual(x) && Object.keys(x).every((k) => k === 'nl' || k === 'en')
          ? localText(x, l)
          : x && typeof x === 'object'
            ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, textOnly(v, l)]))
            : x;
    const asV1 = (raw: any) => {
      const v1 = textOnly(raw, 'nl') as any;
      v1.version = 1;
      for (const k of ['question', 'headline']) if (raw.meta[k]) v1.meta[k] = `${localText(raw.meta[k], 'nl')}\n\n${localText(raw.meta[k], 'en')}`;
      return v1;
    };
    const blockOf = (input: unknown) => {
      const v = validateScenario(input);
      if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
      return { block: simulateBlock(compile(v.scenario), 0, 40), migratedFrom: v.migratedFrom, scenario: v.scenario };
    };
    const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
    for (const f of files) {
      const raw = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
      // The file as written: the first 40 of its runs simulated above (a run depends only on the seed and its index).
      const whole = runFile(f).b;
      const ref = { names: whole.names, cols: whole.cols.map((c) => bytes(c.subarray(0, 40 * whole.years))), params: bytes(whole.params.subarray(0, 40 * whole.nParams)) };
      for (const [what, input] of [
        ['nl', textOnly(raw, 'nl')],
        ['en', textOnly(raw, 'en')],
        ['v1', asV1(raw)],
      ] as const) {
        const b = blockOf(input);
        expect(b.block.names, `${f} ${what}`).toEqual(ref.names);
        b.block.names.forEach((n, i) => expect(bytes(b.block.cols[i]), `${f} ${what} ${n}`).toBe(ref.cols[i]));
        expect(bytes(b.block.params), `${f} ${what} θ`).toBe(ref.params);
        if (what === 'v1') {
          expect(b.migratedFrom).toBe(1);
          // The two paragraphs become the two languages again.
          if (raw.meta.question) expect(b.scenario.meta.question).toEqual(raw.meta.question);
        }
      }
    }
  });
});
