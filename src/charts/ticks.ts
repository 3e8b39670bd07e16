/**
 * Axis ticks bounded by the pixels available, never by the data: every SVG chart takes its tick
 * values from here. The step is 1, 2 or 5 × 10^k (as d3-array's `ticks`), values are computed as
 * index × step (no accumulated rounding, no loop that can outlast its range), and the count never
 * exceeds `maxTicks` whatever the range: 10⁻⁶ or 10¹⁵, NaN or ±Infinity.
 */
import { TICK_GAP } from './chartDefaults';

/** The hard ceiling on ticks for any axis, whatever its size. */
export const MAX_TICKS = 50;

/** How many ticks fit on `pixels` with at least `minGap` pixels between them (2 … MAX_TICKS). */
export function tickCount(pixels: number, minGap = TICK_GAP): number {
  if (!(pixels > 0) || !(minGap > 0)) return 2;
  return Math.max(2, Math.min(MAX_TICKS, Math.floor(pixels / minGap)));
}

/**
 * Step index and increment for about `count` ticks between lo and hi: as d3-array's tickSpec,
 * a negative increment means the step is 1/−inc (keeps decimal steps exact).
 */
function tickSpec(lo: number, hi: number, count: number): [number, number, number] {
  const step = (hi - lo) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = 10 ** -power / factor;
    i1 = Math.round(lo * inc);
    i2 = Math.round(hi * inc);
    if (i1 / inc < lo) ++i1;
    if (i2 / inc > hi) --i2;
    inc = -inc;
  } else {
    inc = 10 ** power * factor;
    i1 = Math.round(lo / inc);
    i2 = Math.round(hi / inc);
    if (i1 * inc < lo) ++i1;
    if (i2 * inc > hi) --i2;
  }
  return [i1, i2, inc];
}

/**
 * Round tick values inside [lo, hi], about `count` of them and never more than `maxTicks`.
 * Non-finite or reversed bounds give no ticks (a chart of broken numbers shows no scale rather
 * than hanging); equal bounds give that one value.
 */
export function niceTicks(lo: number, hi: number, count: number, maxTicks = MAX_TICKS): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(count > 0) || hi < lo) return [];
  if (lo === hi) return [lo];
  const cap = Math.max(1, Math.min(MAX_TICKS, Math.floor(maxTicks)));
  let n = Math.min(count, cap);
  // A range that overflows (e.g. −1e308 … 1e308) is scaled down first.
  if (!Number.isFinite(hi - lo)) return niceTicks(lo / 2, hi / 2, count, maxTicks).map((v) => v * 2);
  for (let attempt = 0; attempt < 8; attempt++) {
    const [i1, i2, inc] = tickSpec(lo, hi, n);
    if (!Number.isFinite(i1) || !Number.isFinite(i2) || !Number.isFinite(inc) || inc === 0) return [];
    const k = i2 - i1 + 1;
    if (k <= 0) return [];
    if (k <= cap) {
      const out = new Array<number>(k);
      for (let i = 0; i < k; i++) out[i] = inc < 0 ? (i1 + i) / -inc : (i1 + i) * inc;
      return out;
    }
    n = Math.max(1, Math.floor(n / 2)); // the 1-2-5 rounding overshot the cap: ask for fewer
  }
  return [lo, hi];
}

/**
 * [lo, hi] widened to the nearest round steps for about `count` ticks (as d3-scale's `nice`), so
 * the axis starts and ends on a tick. Non-finite input comes back unchanged.
 */
export function niceDomain(lo: number, hi: number, count: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(count > 0) || !(hi > lo) || !Number.isFinite(hi - lo)) return [lo, hi];
  let a = lo;
  let b = hi;
  let prev: number | undefined;
  for (let i = 0; i < 10; i++) {
    const [, , inc] = tickSpec(a, b, count);
    if (!Number.isFinite(inc) || inc === 0 || inc === prev) break;
    if (inc > 0) {
      a = Math.floor(a / inc) * inc;
      b = Math.ceil(b / inc) * inc;
    } else {
      a = Math.ceil(a * inc) / inc;
      b = Math.floor(b * inc) / inc;
    }
    prev = inc;
  }
  return [a, b];
}

/**
 * The finite extent of `values` with 0 included and a margin on both sides; [−1, 1] when no value
 * is finite (±1 around a single value). Charts scale by it, so one NaN or Infinity in a summary never spreads to every mark.
 */
export function paddedExtent(values: readonly number[], padShare = 0.08, withZero = true): [number, number] {
  let lo = withZero ? 0 : Infinity;
  let hi = withZero ? 0 : -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi >= lo)) return [-1, 1];
  const pad = (hi - lo) * padShare;
  if (!(pad > 0) || !Number.isFinite(pad)) return lo === hi ? [lo - (Math.abs(lo) || 1), hi + (Math.abs(hi) || 1)] : [lo, hi];
  const a = lo - pad;
  const b = hi + pad;
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : [lo, hi];
}
