import { z } from 'zod';
import { LINES } from '../core/names';
import { DEFAULT_SCOPE } from '../core/lines';
import { param, probability } from './param';
import { localTextSchema } from './localTextSchema';

/**
 * Parties' money and the financing models to compare (model.md §4–5). Every number may be
 * uncertain and carry a source. A scenario without `financing` is compared under fee-for-service.
 */
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');
const LineEnum = z.enum(LINES);
const scope = z.array(LineEnum).min(1).describe('Care lines the contract covers.');
const split = z.strictObject({ gp: z.number().min(0).max(1), hospital: z.number().min(0).max(1) }).describe('Share of a payment that goes to the GP group and to the hospital (sum 1).');

const provider = (fixed: number, speed: number) =>
  z
    .strictObject({
      fixedShare: probability('Share of production cost that is fixed in the short run.'),
      adjustment: probability('Share of the gap between fixed cost and current volume closed per year (capacity adjustment).'),
      costRatio: param(0.5, 1.5, 'Production cost per euro of claims at baseline volume (1 = break even).'),
    })
    .default({ fixedShare: fixed, adjustment: speed, costRatio: 1 });

export const PartiesSchema = z
  .strictObject({
    intermediateProvider: z.enum(['gp', 'hospital']).default('gp').describe('Who runs 1.5-line care.'),
    hospital: provider(0.8, 0.2),
    gp: provider(0.5, 0.5),
    insurerMargin: param(-0.2, 0.2, 'Insurer income above expected baseline claims, fraction.').default(0.01),
    deductibleShare: z
      .strictObject({
        hospital: probability('Effective share of hospital claims paid by patients (deductible).'),
        intermediate: probability('Effective share of 1.5-line claims paid by patients.'),
        pharmacy: probability('Effective share of pharmacy claims paid by patients.'),
        mentalHealth: probability('Effective share of mental-health (GGZ) claims paid by patients; absent: none.').optional(),
        otherZvw: probability('Effective share of other Zvw claims paid by patients (maternity and district nursing are exempt); absent: none.').optional(),
      })
      .default({ hospital: 0.05, intermediate: 0.05, pharmacy: 0.05 }),
  })
  .default({
    intermediateProvider: 'gp',
    hospital: { fixedShare: 0.8, adjustment: 0.2, costRatio: 1 },
    gp: { fixedShare: 0.5, adjustment: 0.5, costRatio: 1 },
    insurerMargin: 0.01,
    deductibleShare: { hospital: 0.05, intermediate: 0.05, pharmacy: 0.05 },
  });

const base = { id, name: localTextSchema(200), description: localTextSchema(4000).optional() };

const threshold = z.union([
  z.strictObject({ fixed: probability('Fixed rate, fraction of the benchmark.') }),
  z.strictObject({ confidence: z.number().min(0.5).max(0.999).describe('Set from the population size: the rate chance alone exceeds with probability 1 − confidence.') }),
]);

export const FfsSchema = z.strictObject({ ...base, kind: z.literal('ffs') });

export const BonusSchema = z.strictObject({
  ...base,
  kind: z.literal('bonus'),
  perInsured: param(0, 1e4, 'Bonus per insured per year, euros (used when no pot is given).').optional(),
  pot: param(0, 1e12, 'Fixed bonus pot per year, euros.').optional(),
  qualityThreshold: z.number().min(0).max(100).optional().describe('Paid only when the quality score is at least this.'),
  costTarget: param(-1, 1, 'Paid only when cost over the scope is at least this fraction below the benchmark.').optional(),
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
  discount: param(-0.5, 0.5, 'Budget = benchmark × (1 − discount).'),
  owner: split.describe('Who owns the integrator (shares of its result).'),
  stopLoss: z
    .strictObject({
      threshold: z.number().min(0).max(1e8).describe('Per high-cost case, euros: the insurer pays the excess.'),
      loading: param(0, 2, 'Premium = expected excess × (1 + loading), paid by the integrator.'),
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
  glide: param(-0.5, 0.5, 'Yearly change of the hospital budget along the glide path.'),
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

export const FinancingSchema = z
  .strictObject({
    parties: PartiesSchema,
    models: z.array(FinancingModelSchema).min(1).max(20),
  })
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.models.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `duplicate id "${m.id}"` });
      ids.add(m.id);
      const sp = 'split' in m ? m.split : m.kind === 'population' ? m.owner : null;
      if (sp && Math.abs(sp.gp + sp.hospital - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['models', i, m.kind === 'population' ? 'owner' : 'split'], message: 'shares must sum to 1' });
      if (m.kind === 'bonus' && m.perInsured === undefined && m.pot === undefined) ctx.addIssue({ code: 'custom', path: ['models', i, 'perInsured'], message: 'give a bonus per insured or a pot' });
    });
  });

export type Financing = z.output<typeof FinancingSchema>;
export type FinancingModel = z.output<typeof FinancingModelSchema>;
