import { z } from 'zod';
import { localTextSchema } from './localTextSchema';
import { addIssue, refineIssue } from './issue';
import { LIMITS, paramNote } from './limits';
import { DIST_FACTS, DIST_KINDS, distributionMean, partValues, type DistKind, type DistributionParts, type PartRule } from './distributions';

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

/** The file format's object for one distribution kind, its parts read from the table. */
function distSchema<K extends DistKind>(k: K) {
  const parts = DIST_FACTS[k].parts.map((p) => {
    const base = p.default === undefined ? finite : finite.optional();
    return [p.name, p.description ? base.describe(p.description) : base] as const;
  });
  return z.strictObject({ dist: z.literal(k), ...Object.fromEntries(parts), ...sourceFields });
}

const [first, ...rest] = DIST_KINDS.map(distSchema);
export const DistributionSchema = z
  .discriminatedUnion('dist', [first, ...rest])
  .meta({ id: 'Distribution', description: 'An uncertain number: drawn once per run from this distribution.' }) as unknown as z.ZodType<Distribution>;
export type Distribution = DistributionParts & { source?: z.infer<typeof sourceFields.source>; illustrative?: boolean };
export type FixedParamT = z.infer<typeof FixedParam>;
export type Param = number | FixedParamT | Distribution;

/**
 * A parameter field whose values must lie in [lo, hi]. Bounded distributions must lie inside the
 * range; unbounded ones (normal, lognormal, gamma) need their centre inside it and are clamped to
 * the range when drawn. The limits travel in the JSON Schema as `minimum`/`maximum` of the field
 * (they constrain its plain-number form there; the editor reads its ranges from them).
 */
export function param(lo: number, hi: number, description: string) {
  return z
    .union([finite, FixedParam, DistributionSchema])
    .superRefine((p, ctx) => {
      const inRange = (v: number, path: (string | number)[]) => {
        if (v < lo) addIssue(ctx, path, 'tooSmall', { min: lo, inclusive: true });
        else if (v > hi) addIssue(ctx, path, 'tooBig', { max: hi, inclusive: true });
        else return true;
        return false;
      };
      if (typeof p === 'number') return void inRange(p, []);
      if (!('dist' in p)) return void inRange(p.value, ['value']);
      const facts = DIST_FACTS[p.dist];
      const v = partValues(p);
      const rule: Record<PartRule, (x: number, path: string[]) => boolean> = {
        inRange,
        positive: (x, path) => x > 0 || (addIssue(ctx, path, 'tooSmall', { min: 0, inclusive: false }), false),
        nonNegative: (x, path) => x >= 0 || (addIssue(ctx, path, 'tooSmall', { min: 0, inclusive: true }), false),
        meanInRange: (_x, path) => inRange(facts.mean(v), path),
      };
      for (const part of facts.parts) part.rules.every((r) => rule[r](v[part.name], [part.name]));
      for (const [a, b] of facts.order) if (v[a] > v[b]) addIssue(ctx, [a], 'aboveField', { field: b, value: v[b] });
      if (facts.support === 'positive' && lo > 0) addIssue(ctx, ['dist'], 'nearZero', { dist: p.dist as 'gamma' | 'lognormal', min: lo });
    })
    .meta({ description: `${description} ${paramNote(lo, hi)}`, minimum: lo, maximum: hi });
}

export const probability = (d: string) => param(...LIMITS.share, d);
export const nonNegative = (d: string) => param(...LIMITS.amount, d);

/**
 * The range a parameter's values can take: a fixed number is its own range; a bounded distribution
 * its support; an unbounded one (normal, lognormal, gamma) the field's limits `lo`–`hi`.
 */
export function paramRange(p: Param, lo: number, hi: number): { lo: number; hi: number } {
  if (typeof p === 'number') return { lo: p, hi: p };
  if (!('dist' in p)) return { lo: p.value, hi: p.value };
  if (DIST_FACTS[p.dist].support !== 'bounded') return { lo, hi };
  const v = partValues(p);
  return { lo: v.min, hi: v.max };
}

/** A parameter's central value: the number itself, a sourced number's value, a distribution's mean. */
export const paramMean = (p: Param): number => (typeof p === 'number' ? p : 'dist' in p ? distributionMean(p) : p.value);

/** True when a parameter can take the value 0 or less. */
export function canBeNonPositive(p: Param): boolean {
  if (typeof p !== 'object' || !('dist' in p)) return paramRange(p, 0, 0).lo <= 0;
  const support = DIST_FACTS[p.dist].support;
  return support === 'real' || (support === 'bounded' && partValues(p).min <= 0);
}

/** The largest value a parameter can take, given the field's upper limit `hi`. */
export const upperBound = (p: Param, hi: number): number => paramRange(p, -Infinity, hi).hi;

/** The smallest value a parameter can take, given the field's lower limit `lo`. */
export const lowerBound = (p: Param, lo: number): number => paramRange(p, lo, Infinity).lo;
