import { z } from 'zod';
import { LINES, PARTIES, PAYERS } from '../core/names';
import { canBeNonPositive, lowerBound, nonNegative, param, probability, upperBound } from './param';
import { LIMITS, MAX_POPULATION } from './limits';
import { FinancingSchema } from './contracts';
import { pow } from '../random/math';
import { localTextSchema } from './localTextSchema';
import { addIssue, ID_PATTERN, SHA256_PATTERN } from './issue';
import { ISSUE_EN } from '../core/issues';
import { RegionImportSchema } from './regionImport';

export type { Distribution, Param } from './param';

/** The file format version this code writes. Older versions are migrated in `migrate.ts`. */
export const SCENARIO_VERSION = 3;

/** Most high-cost episodes per segment-year that are simulated one by one. */
export const MAX_HIGH_COST_CASES = 200_000;

/**
 * Most high-cost episodes one run may simulate over all its years (pre-contract years included),
 * per replicate. It bounds the time of a run, not its memory (episodes are drawn per segment-year,
 * at most MAX_HIGH_COST_CASES at a time, and a cancel is seen between segment-years). The
 * Netherlands (about 17.9 million insured) with the default scenario's rates needs 1.74 million
 * over its 13 years, 75 ms of CPU time per run on the 2-core development machine (growth bench,
 * 2026-12-02); this allows about three times that, room for higher rates or the longest horizon
 * with ten pre-contract years, and keeps a run within seconds even on a busy machine.
 */
export const MAX_HIGH_COST_CASES_PER_RUN = 5_000_000;

/**
 * Most insured people in the region in any simulated year: 2.5 times the largest starting
 * population allowed (the Netherlands has about 18 million insured); beyond it a growth rate
 * compounds into a region no steering group models.
 */
export const MAX_PERSONS = 50_000_000;

const id = z.string().regex(ID_PATTERN, ISSUE_EN.idForm({})).describe("Stable identifier; also seeds this item's random stream, so renaming it changes its draws.");
const text = (max: number) => z.string().max(max);
/** Free text a reader reads (names, descriptions, sources): one text, or one per language (localText.ts). */
const words = localTextSchema;

const LineEnum = z.enum(LINES);
const PayerEnum = z.enum(PAYERS);

export const LineUseSchema = z.strictObject({
  contacts: nonNegative('Contacts (claims) per person-year on this line.'),
  dispersion: param(...LIMITS.dispersion, 'Negative-binomial dispersion k of contacts per person (variance λ + λ²/k). Leave out for Poisson.').optional(),
  costPerContact: nonNegative('Mean cost per contact, euros at start-year prices.'),
  costCV: param(...LIMITS.costCV, 'Coefficient of variation of the cost of one contact (gamma).'),
});

const severity = z.union([
  z.strictObject({
    mean: nonNegative('Mean cost of one high-cost episode, euros.'),
    cv: param(...LIMITS.severityCV, 'Coefficient of variation of the episode cost (lognormal).'),
  }),
  z.strictObject({
    median: nonNegative('Median cost of one high-cost episode, euros.'),
    p99: nonNegative('99th percentile of the episode cost, euros; must exceed the median.'),
  }),
]);

export const HighCostSchema = z.strictObject({
  rate: probability('Probability per person-year of one high-cost hospital episode.'),
  severity: severity.describe('Episode cost: lognormal from mean and CV, or from median and 99th percentile.'),
  persistence: probability(
    "Persistence of high cost: the lag-1 correlation ρ of a person's yearly high-cost indicator. A person with an episode this year has one next year with probability rate + ρ·(1 − rate), one without with rate·(1 − ρ), so the yearly rate stays the same. 0 (or absent): years independent.",
  ).optional(),
});

export const SegmentSchema = z.strictObject({
  id,
  name: words(200),
  share: z.number().min(0).max(1).describe("Share of the region's insured in this segment at the start year (shares sum to 1)."),
  source: words(4000).optional().describe("Where the segment's share comes from."),
  illustrative: z.boolean().optional(),
  growth: param(...LIMITS.yearlyChange, "Yearly relative change of the segment's size (demography).").optional(),
  lines: z.strictObject(Object.fromEntries(LINES.map((l) => [l, LineUseSchema.optional()])) as Record<(typeof LINES)[number], z.ZodOptional<typeof LineUseSchema>>),
  highCost: HighCostSchema.optional(),
});

const segmentsRef = z.array(id).describe('Segment ids this applies to; empty means all segments.');

const payer = z.union([PayerEnum, z.partialRecord(PayerEnum, z.number().min(0).max(1))]).describe('Who pays: a party, or shares per party that sum to 1.');

export const SubstitutionSchema = z.strictObject({
  id,
  name: words(200),
  description: words(4000).optional(),
  from: LineEnum,
  to: LineEnum,
  segments: segmentsRef,
  eligible: probability("Fraction of the sending line's contacts that could be moved."),
  maxShift: probability('Fraction of eligible contacts moved at full uptake.'),
  uptake: z.strictObject({
    startYear: z.number().int().min(0).max(14).describe('Years after the start year at which moving begins (0 = first simulated year).'),
    midpointYears: param(...LIMITS.rampYears, 'Years after start at which half of the full uptake is reached (logistic curve).'),
    steepness: param(...LIMITS.steepness, 'Steepness of the logistic uptake curve per year.'),
  }),
  costPerContact: nonNegative('Mean cost of a moved contact on the receiving line, euros at start-year prices.'),
  costCV: param(...LIMITS.costCV, 'Coefficient of variation of the cost of a moved contact.'),
  additionality: param(...LIMITS.additionality, 'New contacts on the receiving line per moved contact that replace nothing (0 = pure substitution).'),
  refill: probability('Fraction of freed contacts on the sending line filled again by other demand.'),
  controlledBy: z
    .enum(['hospital', 'gp'])
    .optional()
    .describe("The provider that decides whether contacts move; with the financing section's behaviour set its uptake responds to its share of the saving. Leave out: no response."),
});

const reductionPerLine = z.partialRecord(LineEnum, probability('Relative reduction (0–1) among people reached.'));

export const InterventionSchema = z.strictObject({
  id,
  name: words(200),
  description: words(4000).optional(),
  pilot: text(200).optional().describe('Pilot region or project the intervention comes from.'),
  segments: segmentsRef,
  startYear: z.number().int().min(0).max(14).describe('Years after the start year at which the intervention starts.'),
  reach: z.strictObject({
    max: probability('Fraction of the target segments reached at full ramp-up.'),
    rampYears: param(...LIMITS.rampYears, 'Years to reach full reach (linear ramp).'),
  }),
  lagYears: param(...LIMITS.lagYears, 'Years between reaching people and seeing the effect.'),
  effects: z.strictObject({
    contacts: reductionPerLine.optional().describe('Relative reduction of contacts per line among people reached.'),
    price: reductionPerLine.optional().describe('Relative reduction of cost per contact per line among people reached (e.g. generic prescribing).'),
    highCostRate: probability('Relative reduction of the high-cost episode rate among people reached.').optional(),
    quality: param(...LIMITS.qualityShift, 'Shift of the quality score (points) at full reach.').optional(),
  }),
  cost: z.strictObject({
    oneOff: nonNegative('One-off cost in the start year, euros.'),
    perYear: nonNegative('Fixed cost per active year, euros.'),
    perParticipant: nonNegative('Cost per person reached per year, euros.'),
  }),
  payer,
  controlledBy: z
    .enum(['hospital', 'gp'])
    .optional()
    .describe(
      "The provider that decides how far the intervention reaches; with the financing section's behaviour set its reach (and so every effect) responds to its share of the saving. Leave out: no response.",
    ),
});

export const CorrelationSchema = z.strictObject({
  between: z.tuple([z.string().max(300), z.string().max(300)]).describe('Paths of two uncertain parameters in this file, e.g. ["substitution[0].maxShift", "substitution[0].refill"].'),
  rank: z.number().min(-0.99).max(0.99).describe("Spearman rank correlation between the two parameters' draws."),
  source: words(4000).optional(),
  illustrative: z.boolean().optional(),
});

const maybe = (d: string) => z.number().nullable().describe(d);

/**
 * A compact summary of one run of the scenario (see resultsSummary.ts), for a reader of the file.
 * Never read by the engine and left out of the scenario hash.
 */
export const ResultsSummarySchema = z
  .strictObject({
    computedAt: text(100).describe('When the run finished (ISO 8601).'),
    runs: z.number().int().min(1).max(1_000_000).describe('Runs the numbers are based on.'),
    seed: text(200).describe('The random seed of that run.'),
    scenarioHash: z.string().regex(SHA256_PATTERN, ISSUE_EN.sha256Form({})).optional().describe('SHA-256 of the scenario that was run, without this field.'),
    generator: text(200).optional().describe('The workbench that computed the numbers.'),
    targetReduction: z.number().min(-1).max(1).describe('Target reduction, fraction.'),
    years: z
      .array(
        z.strictObject({
          year: z.number().int().min(1900).max(2200),
          costCounterfactual: maybe('Mean total cost without the scenario, euros.'),
          costScenario: maybe('Mean total cost with the scenario, euros.'),
          reduction: maybe('Mean reduction (1 − scenario / counterfactual), fraction.'),
          reductionMcse: maybe('Monte Carlo standard error of the mean reduction.'),
          pReachTarget: maybe('P(reduction ≥ target).'),
        }),
      )
      .max(15),
    financing: z
      .array(
        z.strictObject({
          id,
          name: words(200),
          kind: text(40),
          parties: z.partialRecord(
            z.enum(PARTIES),
            z.strictObject({
              mean: maybe('Mean result (revenue − cost) over the horizon, euros.'),
              pLoss: maybe('P(result < 0) over the horizon.'),
              es95: maybe('Mean loss in the worst 5% of runs over the horizon (expected shortfall), euros.'),
            }),
          ),
        }),
      )
      .max(20)
      .optional(),
  })
  .describe(
    'Optional summary of a run of this scenario, so a reader sees the numbers before re-running. Ignored when running and left out of the scenario hash; a re-run with the same scenario, seed and runs gives the same numbers.',
  );

const BenchmarkSchema = z.strictObject({
  preContractYears: z.number().int().min(1).max(10).default(3).describe('Simulated years before the start year from which the benchmark is estimated.'),
  trend: param(...LIMITS.yearlyChange, 'Yearly trend the contract assumes when projecting the benchmark (may differ from the simulated one).').optional(),
  method: z
    .enum(['estimated', 'expected'])
    .default('estimated')
    .describe("estimated: from the simulated pre-contract years, as a real contract would; expected: the true expected counterfactual of the run's parameters (for reference)."),
  weights: z
    .array(z.number().min(0).max(1))
    .min(1)
    .max(10)
    .optional()
    .describe('Weights of the pre-contract years in the benchmark, oldest first (e.g. 0.1, 0.3, 0.6); one per year, summing to 1. Leave out for equal weights.'),
  rebase: z
    .strictObject({
      everyYears: z.number().int().min(1).max(15).describe('Length of an agreement period: the benchmark is rebased after every this many contract years.'),
      ratchet: probability(
        "Share of the gap between the running benchmark and the region's realised cost that rebasing removes (1: the new benchmark is the realised cost, projected; 0: rebasing changes nothing).",
      ).optional(),
    })
    .optional()
    .describe(
      "Rebasing at the end of each agreement period from the region's realised cost of the last pre-contract-years years, weighted as above, so that savings made early lower the later benchmark. With financing.behaviour, a contract whose care responds to its incentives is rebased on its own care's realised cost.",
    ),
});

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(SCENARIO_VERSION).describe('File format version.'),
    meta: z.strictObject({
      title: words(300),
      description: words(20000).default(''),
      author: text(300).default(''),
      created: text(100).default('').describe('ISO date the scenario was made.'),
      notes: words(100000).default('').describe('Free text for discussion in the steering group.'),
      question: words(4000).optional().describe('The question this scenario answers, in plain language.'),
      headline: words(4000).optional().describe('What the simulation shows, checked by a test for the library scenarios.'),
      parties: z.array(text(200)).optional(),
    }),
    simulation: z.strictObject({
      runs: z.number().int().min(1).max(1_000_000).default(2000),
      horizonYears: z.number().int().min(1).max(15).default(10),
      startYear: z.number().int().min(1990).max(2100),
      seed: text(200).default('proeftuin'),
      targetReduction: z.number().min(-1).max(1).default(0.02).describe('Target reduction of total regional cost, fraction (0.02 = 2%).'),
      randomVariation: z.boolean().default(true).describe('False: expected values instead of random care use (parameter uncertainty only).'),
      parameterUncertainty: z.boolean().default(true).describe('False: every distribution replaced by its mean (random variation only).'),
      varianceSplitRuns: z.number().int().min(0).max(1_000_000).default(500).describe('Runs that get a second random replicate with the same parameters, to split variance.'),
      confidence: z.number().min(0.5).max(0.999).default(0.9).describe('Confidence level for the minimum savings rate.'),
    }),
    region: z.strictObject({
      name: text(200).default(''),
      population: z.number().int().min(1).max(MAX_POPULATION).describe('Insured people in the region at the start year.'),
      segments: z.array(SegmentSchema).min(1).max(50),
      import: RegionImportSchema.optional().describe('How the region was made from a Vektis open-data file (absent for a region typed by hand).'),
    }),
    lines: z
      .strictObject(
        Object.fromEntries(LINES.map((l) => [l, z.strictObject({ trend: param(...LIMITS.yearlyChange, 'Yearly growth of cost per contact on this line (fraction).') }).optional()])) as Record<
          (typeof LINES)[number],
          z.ZodOptional<z.ZodObject<{ trend: ReturnType<typeof param> }>>
        >,
      )
      .default({}),
    benchmark: BenchmarkSchema
      // Without a trend the contract assumes the scenario's own expected cost growth (compile.ts).
      .default(() => BenchmarkSchema.parse({})),
    quality: z
      .strictObject({
        baseline: param(...LIMITS.qualityScore, 'Quality score in the counterfactual (0–100).'),
        noiseSD: param(...LIMITS.qualityNoise, 'Year-to-year random variation of the measured quality score (points).'),
      })
      .default({ baseline: 70, noiseSD: 2 }),
    substitution: z.array(SubstitutionSchema).max(50).default([]),
    interventions: z.array(InterventionSchema).max(50).default([]),
    correlations: z.array(CorrelationSchema).max(200).default([]).describe('Rank correlations between uncertain parameters (Gaussian copula).'),
    financing: FinancingSchema.optional(),
    results: ResultsSummarySchema.optional(),
  })
  .superRefine((s, ctx) => {
    const total = s.region.segments.reduce((a, g) => a + g.share, 0);
    if (Math.abs(total - 1) > 1e-6) addIssue(ctx, ['region', 'segments'], 'sharesSum', { segments: true, total: +total.toFixed(6) });
    const segIds = new Set<string>();
    s.region.segments.forEach((g, i) => {
      if (segIds.has(g.id)) addIssue(ctx, ['region', 'segments', i, 'id'], 'duplicateId', { id: g.id, segment: true });
      segIds.add(g.id);
    });
    const checkRefs = (kind: 'substitution' | 'interventions', list: { id: string; segments: string[] }[]) => {
      const ids = new Set<string>();
      list.forEach((item, i) => {
        if (ids.has(item.id)) addIssue(ctx, [kind, i, 'id'], 'duplicateId', { id: item.id });
        ids.add(item.id);
        item.segments.forEach((sid, j) => {
          if (!segIds.has(sid)) addIssue(ctx, [kind, i, 'segments', j], 'unknownSegment', { id: sid });
        });
      });
    };
    checkRefs('substitution', s.substitution);
    checkRefs('interventions', s.interventions);
    s.substitution.forEach((sub, i) => {
      if (sub.from === sub.to) addIssue(ctx, ['substitution', i, 'to'], 'sameAsFrom', {});
    });
    s.interventions.forEach((iv, i) => {
      if (typeof iv.payer === 'object') {
        const sum = Object.values(iv.payer).reduce((a: number, b) => a + (b ?? 0), 0);
        if (Math.abs(sum - 1) > 1e-6) addIssue(ctx, ['interventions', i, 'payer'], 'sharesSum', { total: +sum.toFixed(6) });
      }
    });
    // The work of one run, bounded over every simulated year: the pre-contract years come first
    // (t < 0), where a shrinking segment is larger than at the start.
    const pre = s.benchmark.preContractYears;
    const H = s.simulation.horizonYears;
    (s.financing?.models ?? []).forEach((m, i) => {
      if (m.coverage === undefined || m.coverage >= 1) return;
      // Not yet modelled: a covered sub-population's own rebased or expected benchmark.
      if (s.benchmark.rebase) addIssue(ctx, ['financing', 'models', i, 'coverage'], 'coverageWithRebase', {});
      if (s.benchmark.method === 'expected') addIssue(ctx, ['financing', 'models', i, 'coverage'], 'coverageNeedsEstimated', {});
    });
    const w = s.benchmark.weights;
    if (w) {
      if (w.length !== pre) addIssue(ctx, ['benchmark', 'weights'], 'weightsCount', { need: pre, got: w.length });
      const sum = w.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 1e-6) addIssue(ctx, ['benchmark', 'weights'], 'weightsSum', { sum });
    }
    const sizes = s.region.segments.map((g) => {
      const gHi = g.growth === undefined ? 0 : upperBound(g.growth, LIMITS.yearlyChange[1]);
      const gLo = g.growth === undefined ? 0 : lowerBound(g.growth, LIMITS.yearlyChange[0]);
      const base = s.region.population * g.share;
      // Largest size in each year t = −pre … H−1 (growth g gives base·(1+g)^t).
      return Array.from({ length: pre + H }, (_, k) => {
        const t = k - pre;
        return base * Math.max(pow(1 + gHi, t), pow(1 + gLo, t));
      });
    });
    let persons = 0;
    let personsAt = 0;
    for (let k = 0; k < pre + H; k++) {
      const p = sizes.reduce((a, z) => a + z[k], 0);
      if (p > persons) [persons, personsAt] = [p, k];
    }
    if (persons > MAX_PERSONS) {
      const worst = sizes.reduce((b, z, i) => (z[personsAt] > sizes[b][personsAt] ? i : b), 0);
      addIssue(ctx, ['region', 'segments', worst, 'growth'], 'tooManyPersons', {
        persons: Math.round(persons),
        year: s.simulation.startYear + personsAt - pre,
        preContract: personsAt < pre,
        max: MAX_PERSONS,
      });
    }
    let runCases = 0;
    s.region.segments.forEach((g, i) => {
      // High-cost cases are drawn one by one; a rate meant for rare episodes applied to millions of
      // people would make a run take hours, so the file is refused with the reason.
      if (g.highCost) {
        const rate = upperBound(g.highCost.rate, LIMITS.share[1]);
        const perYear = sizes[i].map((n) => n * rate);
        runCases += perYear.reduce((a, c) => a + c, 0);
        const k = perYear.indexOf(Math.max(...perYear));
        const cases = perYear[k];
        if (cases > MAX_HIGH_COST_CASES)
          addIssue(ctx, ['region', 'segments', i, 'highCost', 'rate'], 'tooManyCasesYear', {
            cases: Math.round(cases),
            year: s.simulation.startYear + k - pre,
            preContract: k < pre,
            max: MAX_HIGH_COST_CASES,
          });
      }
      const sev = g.highCost?.severity;
      // The log of the median sets the lognormal's location: a median that can be 0 makes every
      // episode's cost NaN.
      if (sev && 'median' in sev) {
        const m = sev.median;
        if (canBeNonPositive(m)) addIssue(ctx, ['region', 'segments', i, 'highCost', 'severity', 'median'], 'tooSmall', { min: 0, inclusive: false });
      }
      if (sev && 'median' in sev) {
        const med = typeof sev.median === 'number' ? sev.median : null;
        const p99 = typeof sev.p99 === 'number' ? sev.p99 : null;
        if (med !== null && p99 !== null && !(p99 > med)) addIssue(ctx, ['region', 'segments', i, 'highCost', 'severity', 'p99'], 'aboveMedian', {});
      }
    });
    if (runCases > MAX_HIGH_COST_CASES_PER_RUN) addIssue(ctx, ['region', 'population'], 'tooManyCasesRun', { cases: Math.round(runCases), years: pre + H, pre, max: MAX_HIGH_COST_CASES_PER_RUN });
  });

/** A scenario as written in a file (defaults may be missing). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
/** A validated scenario with defaults filled in. Validated once at the boundary, trusted inside. */
export type Scenario = z.output<typeof ScenarioSchema>;
export type Segment = z.output<typeof SegmentSchema>;
export type Substitution = z.output<typeof SubstitutionSchema>;
export type Intervention = z.output<typeof InterventionSchema>;
export type LineUse = z.output<typeof LineUseSchema>;
export type Correlation = z.output<typeof CorrelationSchema>;
