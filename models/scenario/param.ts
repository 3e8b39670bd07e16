import { z } from 'zod';
import { localTextSchema } from './localTextSchema';
import { addIssue, refineIssue } from './issue';

/**
 * A numeric parameter: a plain number, a number with its source, or a distribution.
 * Every form may carry a `source` note; `illustrative: true` marks a number without a source.
 * Ranges are checked per field (e.g. a probability's PERT must lie within 0–1).
 */
const sourceFields = {
  source: localTextSchema(4000).optional().describe('Where the number comes from (a domain.md source), or why it is illustrative.'),
  illustrative: z.boolean().optional().describe('True when the number is an illustrative assumption rather than a sourced figure.'),
};

const finite = z.number().refine(Number.isFinite, refineIssue('notFinite', {}));

export const FixedParam = z.strictObject({ value: finite, ...sourceFields }).meta({ id: 'FixedParam', description: 'A fixed number with its source.' });
const Uniform = z.strictObject({ dist: z.literal('uniform'), min: finite, max: finite, ...sourceFields });
const Triangular = z.strictObject({ dist: z.literal('triangular'), min: finite, mode: finite, max: finite, ...sourceFields });
const Pert = z.strictObject({
  dist: z.literal('pert'),
  min: finite,
  mode: finite,
  max: finite,
  lambda: finite.optional().describe('Weight of the most likely value; 4 is the classic PERT.'),
  ...sourceFields,
});
const Normal = z.strictObject({ dist: z.literal('normal'), mean: finite, sd: finite, ...sourceFields });
const Lognormal = z.strictObject({
  dist: z.literal('lognormal'),
  mean: finite.describe('Mean of the value itself (not of its logarithm).'),
  sd: finite.describe('Standard deviation of the value itself.'),
  ...sourceFields,
});
const Beta = z.strictObject({
  dist: z.literal('beta'),
  alpha: finite,
  beta: finite,
  min: finite.optional(),
  max: finite.optional(),
  ...sourceFields,
});
const Gamma = z.strictObject({ dist: z.literal('gamma'), shape: finite, scale: finite, ...sourceFields });

export const DistributionSchema = z
  .discriminatedUnion('dist', [Uniform, Triangular, Pert, Normal, Lognormal, Beta, Gamma])
  .meta({ id: 'Distribution', description: 'An uncertain number: drawn once per run from this distribution.' });
export type Distribution = z.infer<typeof DistributionSchema>;
export type FixedParamT = z.infer<typeof FixedParam>;
export type Param = number | FixedParamT | Distribution;

const fmt = (x: number) => String(x);

/**
 * A parameter field whose values must lie in [lo, hi]. Bounded distributions must lie inside the
 * range; unbounded ones (normal, lognormal, gamma) need their centre inside it and are clamped to
 * the range when drawn.
 */
export function param(lo: number, hi: number, description: string) {
  return z
    .union([finite, FixedParam, DistributionSchema])
    .superRefine((p, ctx) => {
      const check = (v: number, path: (string | number)[]) => {
        if (v < lo) addIssue(ctx, path, 'tooSmall', { min: lo, inclusive: true });
        else if (v > hi) addIssue(ctx, path, 'tooBig', { max: hi, inclusive: true });
      };
      if (typeof p === 'number') return check(p, []);
      if (!('dist' in p)) return check(p.value, ['value']);
      const order = (a: number, b: number, pa: string, pb: string) => {
        if (a > b) addIssue(ctx, [pa], 'aboveField', { field: pb, value: b });
      };
      switch (p.dist) {
        case 'uniform':
          check(p.min, ['min']);
          check(p.max, ['max']);
          order(p.min, p.max, 'min', 'max');
          break;
        case 'triangular':
        case 'pert':
          check(p.min, ['min']);
          check(p.mode, ['mode']);
          check(p.max, ['max']);
          order(p.min, p.mode, 'min', 'mode');
          order(p.mode, p.max, 'mode', 'max');
          if (p.dist === 'pert' && p.lambda !== undefined && p.lambda <= 0) addIssue(ctx, ['lambda'], 'tooSmall', { min: 0, inclusive: false });
          break;
        case 'normal':
          check(p.mean, ['mean']);
          if (!(p.sd >= 0)) addIssue(ctx, ['sd'], 'tooSmall', { min: 0, inclusive: true });
          break;
        case 'lognormal':
          if (!(p.mean > 0)) addIssue(ctx, ['mean'], 'tooSmall', { min: 0, inclusive: false });
          else check(p.mean, ['mean']);
          if (!(p.sd >= 0)) addIssue(ctx, ['sd'], 'tooSmall', { min: 0, inclusive: true });
          if (lo > 0) addIssue(ctx, ['dist'], 'nearZero', { dist: 'lognormal', min: lo });
          break;
        case 'beta': {
          if (!(p.alpha > 0)) addIssue(ctx, ['alpha'], 'tooSmall', { min: 0, inclusive: false });
          if (!(p.beta > 0)) addIssue(ctx, ['beta'], 'tooSmall', { min: 0, inclusive: false });
          const bmin = p.min ?? 0;
          const bmax = p.max ?? 1;
          check(bmin, ['min']);
          check(bmax, ['max']);
          order(bmin, bmax, 'min', 'max');
          break;
        }
        case 'gamma':
          if (!(p.shape > 0)) addIssue(ctx, ['shape'], 'tooSmall', { min: 0, inclusive: false });
          if (!(p.scale > 0)) addIssue(ctx, ['scale'], 'tooSmall', { min: 0, inclusive: false });
          else check(p.shape * p.scale, ['scale']);
          if (lo > 0) addIssue(ctx, ['dist'], 'nearZero', { dist: 'gamma', min: lo });
          break;
      }
    })
    .describe(`${description} Range ${fmt(lo)} to ${fmt(hi)}. A number, {value, source}, or a distribution.`);
}

export const probability = (d: string) => param(0, 1, d);
/** Upper limit of every non-negative amount or rate (euros, contacts): far above any real value. */
export const NON_NEGATIVE_MAX = 1e12;
export const nonNegative = (d: string) => param(0, NON_NEGATIVE_MAX, d);

/**
 * The range a parameter's values can take: a fixed number is its own range; a bounded distribution
 * its support; an unbounded one (normal, lognormal, gamma) the field's limits `lo`–`hi`.
 */
export function paramRange(p: Param, lo: number, hi: number): { lo: number; hi: number } {
  if (typeof p === 'number') return { lo: p, hi: p };
  if (!('dist' in p)) return { lo: p.value, hi: p.value };
  switch (p.dist) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      return { lo: p.min, hi: p.max };
    case 'beta':
      return { lo: p.min ?? 0, hi: p.max ?? 1 };
    default:
      return { lo, hi };
  }
}

/** The largest value a parameter can take, given the field's upper limit `hi`. */
export const upperBound = (p: Param, hi: number): number => paramRange(p, -Infinity, hi).hi;

/** The smallest value a parameter can take, given the field's lower limit `lo`. */
export const lowerBound = (p: Param, lo: number): number => paramRange(p, lo, Infinity).lo;
