import { betaQuantile } from '../random/betaQuantile';
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { Bilingual } from '../core/text';
import { exp } from '../random/math';
import { lognormalFromMeanSd, pertShapes, triangularQuantile } from '../random/quantiles';

/**
 * Every distribution a parameter may take, as data: the file format's schema (param.ts), the
 * draws (models/params), the editor's picker, picture and labels, the assumption list and the
 * goal search's "now" range all read this table, so a kind is added here and nowhere else.
 */

/** The distribution kinds of the file format, in the order the schema and the editor list them. */
export const DIST_KINDS = ['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'beta', 'gamma'] as const;
export type DistKind = (typeof DIST_KINDS)[number];

/**
 * What a part's value must satisfy, checked in order (the first failure is reported):
 * `inRange` within the field's limits, `positive` > 0, `nonNegative` ≥ 0, `meanInRange` the
 * distribution's mean within the field's limits (reported at this part).
 */
export type PartRule = 'inRange' | 'positive' | 'nonNegative' | 'meanInRange';

/** One part of a distribution (min, mode, sd, …). */
export interface DistPart<N extends string = string> {
  readonly name: N;
  readonly label: Bilingual;
  /** In the field's unit (scales with the field, a percentage in a share field), or a pure number (shape, weight). */
  readonly inFieldUnit: boolean;
  readonly rules: readonly PartRule[];
  /** The value when the file leaves the part out; a part with a default is optional. */
  readonly default?: number;
  /** The file format's description of the part. */
  readonly description?: string;
  /** Typed in the editor (the rest keep their default or the file's value). */
  readonly editable: boolean;
}

/** A distribution's parts by name, defaults filled in. */
export type PartValues<P extends readonly DistPart[] = readonly DistPart[]> = { readonly [S in P[number] as S['name']]: number };

export interface DistFacts<P extends readonly DistPart[] = readonly DistPart[]> {
  /** The name in the assumption list. */
  readonly name: Bilingual;
  /** The name in the editor's picker. */
  readonly choice: Bilingual;
  readonly parts: P;
  /** Pairs of parts that must be in this order (a ≤ b). */
  readonly order: readonly (readonly [P[number]['name'], P[number]['name']])[];
  /**
   * Where the values lie: `bounded` between the parts `min` and `max`; `positive` above 0 (such a
   * kind cannot serve a field whose lower limit is above 0); `real` anywhere (clamped to the field's
   * limits when drawn).
   */
  readonly support: 'bounded' | 'positive' | 'real';
  /** Inverse CDF: parameters are drawn as quantile(u), so correlated uniforms keep the marginals. */
  quantile(v: PartValues<P>, u: number): number;
  /** The value used when parameter uncertainty is switched off. */
  mean(v: PartValues<P>): number;
  /** The editor's picture: the x-range shown and the density there (unnormalised, drawing only). */
  picture(v: PartValues<P>): { lo: number; hi: number; density: (x: number) => number };
  /** The range the goal search shows as the current value of an unbounded kind. */
  around(v: PartValues<P>): { lo: number; hi: number };
  /** The editor's first values when a field switches to this kind, from the value it had (`c`). */
  start(c: number, spread: number, round: (x: number) => number): { [S in P[number] as S['name']]?: number };
}

/** An entry of the table, with its parts' names known to its own functions. */
const kind = <const P extends readonly DistPart[]>(f: DistFacts<P>): DistFacts<P> => f;

/** The table for a set of kinds; a kind of the set without an entry does not compile. */
export type DistTable<K extends string> = { readonly [k in K]: DistFacts };

/** A bound of a bounded kind (min, mode, max): in the field's unit and within its limits. */
const bound = <N extends 'min' | 'mode' | 'max', D extends number | undefined = undefined>(name: N, label: Bilingual, def?: D) => ({
  name,
  label,
  inFieldUnit: true,
  rules: ['inRange'] as const,
  editable: true,
  default: def as D,
});
const MIN = { nl: 'min', en: 'min' };
const MODE = { nl: 'meest waarschijnlijk', en: 'most likely' };
const MAX = { nl: 'max', en: 'max' };
const MEAN = { nl: 'gemiddelde', en: 'mean' };
const SD = { nl: 'SD', en: 'SD' };
const tiny = (x: number) => Math.max(1e-12, x);
const betaDensity = (a: number, b: number, lo: number, hi: number) => (x: number) => {
  const u = (x - lo) / tiny(hi - lo);
  return u <= 0 || u >= 1 ? 0 : Math.exp((a - 1) * Math.log(u) + (b - 1) * Math.log(1 - u));
};

const TABLE = {
  uniform: kind({
    name: { nl: 'uniform', en: 'uniform' },
    choice: { nl: 'uniform', en: 'uniform' },
    parts: [bound('min', MIN), bound('max', MAX)],
    order: [['min', 'max']],
    support: 'bounded',
    quantile: (v, u) => v.min + (v.max - v.min) * u,
    mean: (v) => (v.min + v.max) / 2,
    picture: (v) => ({ lo: v.min, hi: v.max, density: () => 1 }),
    around: (v) => ({ lo: v.min, hi: v.max }),
    start: (c, s, r) => ({ min: r(c - s), max: r(c + s) }),
  }),
  triangular: kind({
    name: { nl: 'driehoek', en: 'triangular' },
    choice: { nl: 'driehoek', en: 'triangular' },
    parts: [bound('min', MIN), bound('mode', MODE), bound('max', MAX)],
    order: [
      ['min', 'mode'],
      ['mode', 'max'],
    ],
    support: 'bounded',
    quantile: (v, u) => triangularQuantile(v.min, v.mode, v.max, u),
    mean: (v) => (v.min + v.mode + v.max) / 3,
    picture: (v) => ({ lo: v.min, hi: v.max, density: (x) => (x <= v.mode ? (x - v.min) / tiny(v.mode - v.min) : (v.max - x) / tiny(v.max - v.mode)) }),
    around: (v) => ({ lo: v.min, hi: v.max }),
    start: (c, s, r) => ({ min: r(c - s), mode: c, max: r(c + s) }),
  }),
  pert: kind({
    name: { nl: 'PERT', en: 'PERT' },
    choice: { nl: 'PERT (min/waarschijnlijk/max)', en: 'PERT (min/most likely/max)' },
    parts: [
      bound('min', MIN),
      bound('mode', MODE),
      bound('max', MAX),
      { name: 'lambda', label: { nl: 'λ', en: 'λ' }, inFieldUnit: false, rules: ['positive'], default: 4, description: 'Weight of the most likely value; 4 is the classic PERT.', editable: false },
    ],
    order: [
      ['min', 'mode'],
      ['mode', 'max'],
    ],
    support: 'bounded',
    quantile: (v, u) => {
      const [a, b] = pertShapes(v.min, v.mode, v.max, v.lambda);
      return v.max === v.min ? v.min : v.min + (v.max - v.min) * betaQuantile(u, a, b);
    },
    mean: (v) => (v.min + v.lambda * v.mode + v.max) / (v.lambda + 2),
    picture: (v) => {
      const r = tiny(v.max - v.min);
      return { lo: v.min, hi: v.max, density: betaDensity(1 + (v.lambda * (v.mode - v.min)) / r, 1 + (v.lambda * (v.max - v.mode)) / r, v.min, v.max) };
    },
    around: (v) => ({ lo: v.min, hi: v.max }),
    start: (c, s, r) => ({ min: r(c - s), mode: c, max: r(c + s) }),
  }),
  normal: kind({
    name: { nl: 'normaal', en: 'normal' },
    choice: { nl: 'normaal', en: 'normal' },
    parts: [
      { name: 'mean', label: MEAN, inFieldUnit: true, rules: ['inRange'], editable: true },
      { name: 'sd', label: SD, inFieldUnit: true, rules: ['nonNegative'], editable: true },
    ],
    order: [],
    support: 'real',
    quantile: (v, u) => normalQuantile(u, v.mean, v.sd),
    mean: (v) => v.mean,
    picture: (v) => ({ lo: v.mean - 3 * v.sd, hi: v.mean + 3 * v.sd, density: (x) => Math.exp(-0.5 * ((x - v.mean) / tiny(v.sd)) ** 2) }),
    around: (v) => ({ lo: v.mean - 2 * v.sd, hi: v.mean + 2 * v.sd }),
    start: (c, s, r) => ({ mean: c, sd: r(s / 2) }),
  }),
  lognormal: kind({
    name: { nl: 'lognormaal', en: 'lognormal' },
    choice: { nl: 'lognormaal', en: 'lognormal' },
    parts: [
      { name: 'mean', label: MEAN, inFieldUnit: true, rules: ['positive', 'inRange'], description: 'Mean of the value itself (not of its logarithm).', editable: true },
      { name: 'sd', label: SD, inFieldUnit: true, rules: ['nonNegative'], description: 'Standard deviation of the value itself.', editable: true },
    ],
    order: [],
    support: 'positive',
    quantile: (v, u) => {
      const { mu, sigma } = lognormalFromMeanSd(v.mean, v.sd);
      return exp(normalQuantile(u, mu, sigma));
    },
    mean: (v) => v.mean,
    picture: (v) => {
      const s2 = Math.log(1 + (v.sd / v.mean) ** 2);
      const m = Math.log(v.mean) - s2 / 2;
      return { lo: 0, hi: v.mean + 4 * v.sd, density: (x) => (x <= 0 ? 0 : Math.exp(-((Math.log(x) - m) ** 2) / (2 * s2)) / x) };
    },
    around: (v) => ({ lo: Math.max(0, v.mean - 2 * v.sd), hi: v.mean + 2 * v.sd }),
    start: (c, s, r) => ({ mean: c > 0 ? c : 1, sd: r(s / 2) }),
  }),
  beta: kind({
    name: { nl: 'beta', en: 'beta' },
    choice: { nl: 'beta', en: 'beta' },
    parts: [
      { name: 'alpha', label: { nl: 'α', en: 'α' }, inFieldUnit: false, rules: ['positive'], editable: true },
      { name: 'beta', label: { nl: 'β', en: 'β' }, inFieldUnit: false, rules: ['positive'], editable: true },
      bound('min', MIN, 0),
      bound('max', MAX, 1),
    ],
    order: [['min', 'max']],
    support: 'bounded',
    quantile: (v, u) => v.min + (v.max - v.min) * betaQuantile(u, v.alpha, v.beta),
    mean: (v) => v.min + ((v.max - v.min) * v.alpha) / (v.alpha + v.beta),
    picture: (v) => ({ lo: v.min, hi: v.max, density: betaDensity(v.alpha, v.beta, v.min, v.max) }),
    around: (v) => ({ lo: v.min, hi: v.max }),
    start: (c, s, r) => ({ alpha: 2, beta: 2, min: r(c - s), max: r(c + s) }),
  }),
  gamma: kind({
    name: { nl: 'gamma', en: 'gamma' },
    choice: { nl: 'gamma', en: 'gamma' },
    parts: [
      { name: 'shape', label: { nl: 'vorm', en: 'shape' }, inFieldUnit: false, rules: ['positive'], editable: true },
      { name: 'scale', label: { nl: 'schaal', en: 'scale' }, inFieldUnit: true, rules: ['positive', 'meanInRange'], editable: true },
    ],
    order: [],
    support: 'positive',
    quantile: (v, u) => gammaQuantile(u, v.shape, 1 / v.scale),
    mean: (v) => v.shape * v.scale,
    picture: (v) => ({ lo: 0, hi: v.shape * v.scale + 4 * Math.sqrt(v.shape) * v.scale, density: (x) => (x <= 0 ? 0 : Math.exp((v.shape - 1) * Math.log(x) - x / v.scale)) }),
    around: (v) => ({ lo: 0, hi: v.shape * v.scale * 3 }),
    start: (c, _s, r) => ({ shape: 4, scale: r((c > 0 ? c : 1) / 4) }),
  }),
} satisfies DistTable<DistKind>;

/** Every distribution kind's facts. A kind in `DIST_KINDS` without an entry here does not compile. */
export const DIST_FACTS: DistTable<DistKind> = TABLE;

type PartsOf<K extends DistKind> = (typeof TABLE)[K]['parts'][number];
/** A distribution as the file writes it (without its source note): parts with a default may be left out. */
export type DistributionParts = {
  [K in DistKind]: { dist: K } & { [S in PartsOf<K> as S extends { default: number } ? never : S['name']]: number } & {
    [S in PartsOf<K> as S extends { default: number } ? S['name'] : never]?: number;
  };
}[DistKind];

/** A distribution's parts by name, with the defaults of those the file leaves out. */
export function partValues(d: { dist: DistKind }): PartValues {
  const o = d as unknown as Record<string, number | undefined>;
  const out: Record<string, number> = {};
  for (const p of DIST_FACTS[d.dist].parts) out[p.name] = o[p.name] ?? (p.default as number);
  return out;
}

/** Inverse CDF of a distribution at u. */
export const distributionQuantile = (d: { dist: DistKind }, u: number): number => DIST_FACTS[d.dist].quantile(partValues(d), u);

/** The mean of a distribution: the value used when parameter uncertainty is switched off. */
export const distributionMean = (d: { dist: DistKind }): number => DIST_FACTS[d.dist].mean(partValues(d));

/** True when `k` names a distribution kind of the file format. */
export const isDistKind = (k: unknown): k is DistKind => typeof k === 'string' && (DIST_KINDS as readonly string[]).includes(k);
