/**
 * The limits of the scenario's numeric parameters, each declared once: the schema's fields
 * (param.ts, schema.ts, contracts.ts) take them, the JSON Schema states them as minimum/maximum,
 * the editor reads its ranges from there, and the model definition clamps drawn values to them.
 */
export type Limits = readonly [lo: number, hi: number];

/** Upper limit of every non-negative amount or rate (euros, contacts): far above any real value. */
export const NON_NEGATIVE_MAX = 1e12;

/** Most insured people in a region at the start year (the Netherlands has about 18 million). */
export const MAX_POPULATION = 20_000_000;

export const LIMITS = {
  /** Probabilities, shares and rates of a whole. */
  share: [0, 1],
  /** Euros and contacts. */
  amount: [0, NON_NEGATIVE_MAX],
  /** Yearly relative changes (growth, trends, glide, discount). */
  yearlyChange: [-0.5, 0.5],
  dispersion: [1e-6, 1e6],
  /** Coefficient of variation of a contact's cost. */
  costCV: [0, 50],
  /** Coefficient of variation of a high-cost episode's cost (lognormal: 0 would leave no spread to fit). */
  severityCV: [0.01, 50],
  /** Years until a ramp or uptake reaches its level. */
  rampYears: [0, 15],
  lagYears: [0, 10],
  steepness: [0.01, 20],
  additionality: [0, 20],
  qualityScore: [0, 100],
  qualityShift: [-100, 100],
  qualityNoise: [0, 50],
  costRatio: [0.5, 1.5],
  insurerMargin: [-0.2, 0.2],
  bonusPerInsured: [0, 1e4],
  costTarget: [-1, 1],
  loading: [0, 2],
  /** Volume elasticity to marginal revenue: the literature's range reaches about 1.5 for elective care. */
  elasticity: [0, 5],
} as const satisfies Record<string, Limits>;

/** What a parameter field's description ends with: its range and forms, for a reader of the JSON Schema (and the editor's help, which loads no schema). */
export const paramNote = (lo: number, hi: number): string => `Range ${String(lo)} to ${String(hi)}. A number, {value, source}, or a distribution.`;
