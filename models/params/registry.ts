import type { Param } from '../scenario/schema';
import { distributionMean, quantile } from '../random/quantiles';
import { STREAMS, streamFor } from '../random/rng';

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

/**
 * The list of all parameters in a fixed order. Each block draws from its own stream, one uniform
 * per slot whether fixed or not, so adding an intervention or turning one number into a
 * distribution never changes the draws of any other parameter.
 */
export class ParamRegistry {
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

/** The value of a parameter at uniform u, or its mean when uncertainty is off. */
export function paramValue(slot: ParamSlot, u: number, uncertainty: boolean): number {
  const p = slot.node;
  if (typeof p === 'number') return p;
  if (!('dist' in p)) return p.value;
  return clamp(uncertainty ? quantile(p, u) : distributionMean(p), slot.lo, slot.hi);
}

/** Draws the parameter vector θ of one run. */
export function drawParams(reg: ParamRegistry, blocks: Map<string, number[]>, seed: string, run: number, uncertainty: boolean): Float64Array {
  const theta = new Float64Array(reg.slots.length);
  for (const [block, idx] of blocks) {
    const rng = streamFor(seed, run, block === 'base' ? STREAMS.params : STREAMS.paramsOf(block));
    for (const i of idx) theta[i] = paramValue(reg.slots[i], rng(), uncertainty);
  }
  return theta;
}
