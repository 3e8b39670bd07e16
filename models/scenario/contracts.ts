import { z } from 'zod';
import { LINES } from '../core/names';
import { DEFAULT_SCOPE } from '../core/lines';
import { param, probability } from './param';
import { LIMITS } from './limits';
import { localTextSchema } from './localTextSchema';
import { addIssue, ID_PATTERN } from './issue';
import { ISSUE_EN } from '../core/issues';

/**
 * Parties' money and the financing models to compare (model.md §4–5). Every number may be
 * uncertain and carry a source. A scenario without `financing` is compared under fee-for-service.
 */
const id = z.string().regex(ID_PATTERN, ISSUE_EN.idForm({}));
const LineEnum = z.enum(LINES);
const scope = z.array(LineEnum).min(1).describe("Care lines the contract covers. Leave out for today's scope: GP, 1.5-line care, hospital and pharmacy.");
const split = z.strictObject({ gp: z.number().min(0).max(1), hospital: z.number().min(0).max(1) }).describe('Share of a payment that goes to the GP group and to the hospital (sum 1).');

const provider = (fixed: number, speed: number) =>
  z
    .strictObject({
      fixedShare: probability('Share of production cost that is fixed in the short run.'),
      adjustment: probability('Share of the gap between fixed cost and current volume closed per year (capacity adjustment).'),
      costRatio: param(...LIMITS.costRatio, 'Production cost per euro of claims at baseline volume (1 = break even).'),
    })
    .default({ fixedShare: fixed, adjustment: speed, costRatio: 1 });

const Parties = z.strictObject({
  intermediateProvider: z.enum(['gp', 'hospital']).default('gp').describe('Who runs 1.5-line care.'),
  hospital: provider(0.8, 0.2),
  gp: provider(0.5, 0.5),
  insurerMargin: param(...LIMITS.insurerMargin, 'Insurer income above expected baseline claims, fraction.').default(0.01),
  deductibleShare: z
    .strictObject({
      hospital: probability('Effective share of hospital claims paid by patients (deductible).'),
      intermediate: probability('Effective share of 1.5-line claims paid by patients.'),
      pharmacy: probability('Effective share of pharmacy claims paid by patients.'),
      mentalHealth: probability('Effective share of mental-health (GGZ) claims paid by patients; absent: none.').optional(),
      otherZvw: probability('Effective share of other Zvw claims paid by patients (maternity and district nursing are exempt); absent: none.').optional(),
    })
    .default({ hospital: 0.05, intermediate: 0.05, pharmacy: 0.05 }),
});
/** Left out, the parties take every default of their fields (declared once, above). */
export const PartiesSchema = Parties.default(() => Parties.parse({}));

const base = {
  id,
  name: localTextSchema(200),
  description: localTextSchema(4000).optional(),
  coverage: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe(
      "Share of the region's insured the contract covers (the contracting insurer's); its money flows, benchmark, observed savings and minimum savings rate apply to them, the others' care stays fee-for-service. Leave out for 100%.",
    ),
  behaviour: z.boolean().optional().describe("With the financing section's behaviour set: false keeps this contract on the scenario's care (no incentive response). Leave out for true."),
};

const threshold = z.union([
  z.strictObject({ fixed: probability('Fixed rate, fraction of the benchmark.') }),
  z.strictObject({ confidence: z.number().min(0.5).max(0.999).describe('Set from the population size: the rate chance alone exceeds with probability 1 − confidence.') }),
]);

export const FfsSchema = z.strictObject({ ...base, kind: z.literal('ffs') });

export const BonusSchema = z.strictObject({
  ...base,
  kind: z.literal('bonus'),
  perInsured: param(...LIMITS.bonusPerInsured, 'Bonus per insured per year, euros (used when no pot is given).').optional(),
  pot: param(...LIMITS.amount, 'Fixed bonus pot per year, euros.').optional(),
  qualityThreshold: z.number().min(0).max(100).optional().describe('Paid only when the quality score is at least this.'),
  costTarget: param(...LIMITS.costTarget, 'Paid only when cost over the scope is at least this fraction below the benchmark.').optional(),
  scope: scope.default([...DEFAULT_SCOPE]),
  split,
});

export const SharedSavingsSchema = z.strictObject({
  ...base,
  kind: z.literal('sharedSavings'),
  sided: z.enum(['one', 'two']),
  scope: scope.default([...DEFAULT_SCOPE]),
  minimumSavingsRate: threshold.default({ fixed: 0.02 }),
  minimumLossRate: threshold.default({ fixed: 0.02 }),
  sharingRate: probability('Share of savings paid to the providers.'),
  lossSharingRate: probability('Share of losses the providers pay back (two-sided).').default(0.5),
  savingsCap: probability('Most paid out, fraction of the benchmark.').default(0.1),
  lossCap: probability('Most paid back, fraction of the benchmark.').default(0.05),
  qualityGate: z.number().min(0).max(100).optional().describe('No savings are shared when the quality score is below this.'),
  firstEuro: z.boolean().default(true).describe('Share savings from the first euro once the threshold is met (false: only above it).'),
  settlementYears: z.number().int().min(1).max(15).default(1).describe('Years per settlement period (1 = yearly).'),
  split,
});

export const PopulationSchema = z.strictObject({
  ...base,
  kind: z.literal('population'),
  scope: scope.default([...DEFAULT_SCOPE]),
  discount: param(...LIMITS.yearlyChange, 'Budget = benchmark × (1 − discount).'),
  owner: split.describe('Who owns the integrator (shares of its result).'),
  stopLoss: z
    .strictObject({
      threshold: z.number().min(0).max(1e8).describe('Per high-cost case, euros: the insurer pays the excess.'),
      loading: param(...LIMITS.loading, 'Premium = expected excess × (1 + loading), paid by the integrator.'),
    })
    .optional(),
  corridor: z
    .strictObject({
      band: probability('Results beyond ± this fraction of the budget are shared.'),
      rate: probability('Share of the result beyond the band that the insurer takes (gain) or covers (loss).'),
    })
    .optional(),
});

export const HospitalBudgetSchema = z.strictObject({
  ...base,
  kind: z.literal('hospitalBudget'),
  glide: param(...LIMITS.yearlyChange, 'Yearly change of the hospital budget along the glide path.'),
  band: probability('Volume within ± this fraction of the budget is not settled.'),
  marginal: probability('Volume outside the band is paid at this fraction of its claims.'),
});

export const CustomSchema = z.strictObject({
  ...base,
  kind: z.literal('custom'),
  formulas: z
    .strictObject({ gp: z.string().max(2000).optional(), hospital: z.string().max(2000).optional() })
    .describe('Yearly transfer from the insurer to each provider on top of fee-for-service, as a formula (see the README for the variables).'),
});

export const FinancingModelSchema = z.discriminatedUnion('kind', [FfsSchema, BonusSchema, SharedSavingsSchema, PopulationSchema, HospitalBudgetSchema, CustomSchema]);

/**
 * How providers respond to a contract's incentives (README "Incentives change behaviour"). Left
 * out, every contract is settled on the scenario's care as it is.
 */
export const BehaviourSchema = z
  .strictObject({
    elasticity: param(...LIMITS.elasticity, "Providers' volume elasticity to their marginal revenue per contact, relative to fee-for-service."),
    discretionary: z
      .partialRecord(LineEnum, probability("Share of the line's contacts whose volume responds to the provider's marginal revenue."))
      .default({})
      .describe('Discretionary share of contacts per line; a line left out does not respond.'),
    holdBack: probability("Share of a substitution's uptake held back when the party that controls it keeps none of the saving it creates."),
  })
  .describe('How providers respond to what a contract gives them (README "Incentives change behaviour"). Leave out: every contract is settled on the scenario\'s care as it is.');

export const FinancingSchema = z
  .strictObject({
    parties: PartiesSchema,
    behaviour: BehaviourSchema.optional(),
    models: z.array(FinancingModelSchema).min(1).max(20),
  })
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.models.forEach((m, i) => {
      if (ids.has(m.id)) addIssue(ctx, ['models', i, 'id'], 'duplicateId', { id: m.id });
      ids.add(m.id);
      const sp = 'split' in m ? m.split : m.kind === 'population' ? m.owner : null;
      if (sp && Math.abs(sp.gp + sp.hospital - 1) > 1e-9) addIssue(ctx, ['models', i, m.kind === 'population' ? 'owner' : 'split'], 'sharesSum', {});
      if (m.kind === 'bonus' && m.perInsured === undefined && m.pot === undefined) addIssue(ctx, ['models', i, 'perInsured'], 'bonusAmount', {});
    });
  });

export type Financing = z.output<typeof FinancingSchema>;
export type FinancingModel = z.output<typeof FinancingModelSchema>;
