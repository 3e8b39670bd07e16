import type { Param } from '../scenario/schema';
import { distributionMean, distributionQuantile } from '../scenario/distributions';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { STREAMS, streamFor } from '../random/rng';
import { canonicalJson } from '../scenario/hash';
import { zigguratNormal } from '../random/ziggurat';

/** One parameter of the scenario: where it sits in the file and how it is drawn. */
export interface ParamSlot {
  /** JSON path in the scenario file, e.g. `region.segments[1].lines.hospital.contacts`. */
  path: string;
  /** Draw block: `base`, or the id of the substitution/intervention/financing item it belongs to. */
  block: string;
  node: Param;
  lo: number;
  hi: number;
  /** True when the value is a distribution (it varies between runs). */
  uncertain: boolean;
}

/** Correlated parameters of a model (`correlation.ts` builds it). */
export interface CorrelationPlan {
  /** Registry slots taking part, in matrix order. */
  slots: number[];
  /** Lower Cholesky factor of the normal correlation matrix, row-major k×k. */
  chol: Float64Array;
}

/** The scenario's parameters as data (what a defined model carries; it crosses to a worker as is). */
export interface ParamTable {
  readonly slots: ParamSlot[];
}

/**
 * The list of all parameters in a fixed order. Each block draws from its own stream, one uniform
 * per slot whether fixed or not, so adding an intervention or turning one number into a
 * distribution never changes the draws of any other parameter.
 */
export class ParamRegistry implements ParamTable {
  readonly slots: ParamSlot[] = [];

  add(path: string, node: Param, block: string, lo = -Infinity, hi = Infinity): number {
    const uncertain = typeof node === 'object' && 'dist' in node;
    this.slots.push({ path, block, node, lo, hi, uncertain });
    return this.slots.length - 1;
  }

  /** Slots grouped by block, in registration order. */
  blocks(): Map<string, number[]> {
    const m = new Map<string, number[]>();
    this.slots.forEach((s, i) => {
      const list = m.get(s.block);
      if (list) list.push(i);
      else m.set(s.block, [i]);
    });
    return m;
  }
}

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);
/** Keeps u off 0 and 1, where unbounded quantiles are infinite. */
const U_EDGE = 2 ** -53;

/** The value of a parameter at uniform u, or its mean when uncertainty is off. */
export function paramValue(slot: ParamSlot, u: number, uncertainty: boolean): number {
  const p = slot.node;
  if (typeof p === 'number') return p;
  if (!('dist' in p)) return p.value;
  return clamp(uncertainty ? distributionQuantile(p, clamp(u, U_EDGE, 1 - U_EDGE)) : distributionMean(p), slot.lo, slot.hi);
}

/**
 * Quantiles already worked out, per distribution (its definition and bounds, so an edited one never
 * meets an old value) and uniform. A PERT quantile is an inverse incomplete beta of several
 * microseconds (8–17% of a run of the default scenario in all), and after an edit nearly every
 * parameter of every run is drawn again from the same uniform: the same value then comes from here,
 * to the bit. At most QUANTILE_MEMO_MAX values are kept; beyond that the memo starts afresh.
 */
const QUANTILE_MEMO_MAX = 1 << 18;
let memoBySlot = new WeakMap<ParamSlot, Map<number, number>>();
const memoByDistribution = new Map<string, Map<number, number>>();
let memoSize = 0;

/** Values held by the quantile memo (for its tests). */
export const quantileMemoSize = (): number => memoSize;

/** `paramValue(slot, u, true)` for an uncertain slot, through the memo. */
function drawnValue(slot: ParamSlot, u: number): number {
  let memo = memoBySlot.get(slot);
  if (memo === undefined) {
    const key = `${JSON.stringify(slot.node)}|${slot.lo}|${slot.hi}`;
    memo = memoByDistribution.get(key);
    if (memo === undefined) memoByDistribution.set(key, (memo = new Map()));
    memoBySlot.set(slot, memo);
  }
  let v = memo.get(u);
  if (v === undefined) {
    v = paramValue(slot, u, true);
    if (memoSize >= QUANTILE_MEMO_MAX) {
      memoByDistribution.clear();
      memoBySlot = new WeakMap();
      memoSize = 0;
      return v;
    }
    memo.set(u, v);
    memoSize++;
  }
  return v;
}

/** What a run needs to draw θ, worked out once per model: fixed values and the uncertain slots per block. */
interface DrawPlan {
  /** θ with every fixed slot filled in (uncertain slots hold 0). */
  fixed: Float64Array;
  /** The same with uncertain slots at their distribution's mean (parameter uncertainty off). */
  means: Float64Array;
  /** Blocks holding at least one uncertain slot: stream name and, per uncertain slot, its position in the block. */
  blocks: { stream: string; slots: Int32Array; at: Int32Array }[];
}

const plans = new WeakMap<Map<string, number[]>, DrawPlan>();

function drawPlan(reg: ParamTable, blocks: Map<string, number[]>): DrawPlan {
  let plan = plans.get(blocks);
  if (plan) return plan;
  const fixed = new Float64Array(reg.slots.length);
  const means = new Float64Array(reg.slots.length);
  const list: DrawPlan['blocks'] = [];
  for (const [block, idx] of blocks) {
    const slots: number[] = [];
    const at: number[] = [];
    idx.forEach((i, k) => {
      const s = reg.slots[i];
      means[i] = paramValue(s, 0.5, false);
      if (s.uncertain) {
        slots.push(i);
        at.push(k);
      } else fixed[i] = means[i];
    });
    if (slots.length > 0) list.push({ stream: block === 'base' ? STREAMS.params : STREAMS.paramsOf(block), slots: Int32Array.from(slots), at: Int32Array.from(at) });
  }
  plan = { fixed, means, blocks: list };
  plans.set(blocks, plan);
  return plan;
}

/**
 * Draws the parameter vector θ of one run. Each block's stream gives its k-th slot the k-th
 * uniform, whether that slot is fixed or not; blocks without uncertain slots are not seeded at all
 * (their values cannot depend on it). Correlated parameters take their uniform from the copula (own
 * stream) but still consume one from their block, so nothing else moves.
 */
export function drawParams(reg: ParamTable, blocks: Map<string, number[]>, seed: string, run: number, uncertainty: boolean, corr: CorrelationPlan | null = null): Float64Array {
  const plan = drawPlan(reg, blocks);
  if (!uncertainty) return plan.means.slice();
  const theta = plan.fixed.slice();
  const copula = corr ? copulaUniforms(corr, seed, run) : null;
  for (const b of plan.blocks) {
    const rng = streamFor(seed, run, b.stream);
    let pos = 0;
    for (let j = 0; j < b.slots.length; j++) {
      let u = rng();
      for (; pos < b.at[j]; pos++) u = rng();
      pos++;
      const i = b.slots[j];
      const c = copula ? corr!.slots.indexOf(i) : -1;
      theta[i] = drawnValue(reg.slots[i], c >= 0 ? copula![c] : u);
    }
  }
  return theta;
}

/**
 * What the uncertain values of θ depend on besides the seed and the run: two models with the same
 * key draw the same uncertain values in every run, whatever their fixed values (each block's
 * stream gives its k-th slot the k-th uniform, and an uncertain value is its distribution's
 * quantile there, or its mean without parameter uncertainty).
 */
export function drawKey(reg: ParamTable, blocks: Map<string, number[]>, uncertainty: boolean, corr: CorrelationPlan | null): string {
  return canonicalJson([uncertainty, [...blocks], reg.slots.map((s) => (s.uncertain ? [s.path, s.block, s.lo, s.hi, s.node] : [s.path, s.block])), corr ? [corr.slots, Array.from(corr.chol)] : null]);
}

/**
 * θ of a run as `drawParams` gives it, from θ of the same run drawn for a model with the same
 * `drawKey`: its uncertain values, and this model's fixed ones. Nothing is drawn.
 */
export function withFixedValues(reg: ParamTable, blocks: Map<string, number[]>, uncertainty: boolean, drawn: Float64Array): Float64Array {
  const plan = drawPlan(reg, blocks);
  if (!uncertainty) return plan.means.slice();
  const theta = plan.fixed.slice();
  for (const b of plan.blocks) for (let j = 0; j < b.slots.length; j++) theta[b.slots[j]] = drawn[b.slots[j]];
  return theta;
}

function copulaUniforms(corr: CorrelationPlan, seed: string, run: number): Float64Array {
  const k = corr.slots.length;
  const rng = streamFor(seed, run, STREAMS.paramsOf('correlation'));
  const eps = Float64Array.from({ length: k }, () => zigguratNormal(rng));
  const u = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let z = 0;
    for (let j = 0; j <= i; j++) z += corr.chol[i * k + j] * eps[j];
    u[i] = normalCdf(z, 0, 1);
  }
  return u;
}
