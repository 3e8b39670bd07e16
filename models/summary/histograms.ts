// The histograms the views draw beyond the engine's Summary, computed in the UI's summary worker
// (never on the UI thread). Pure functions of a RunBlock.
import { column, type RunBlock } from '../simulation/columns';
import { finColumn } from '../core/columns';
import { yearSlice } from './stats';
import type { Summary } from './summarize';

/** Counts in equal-width bins from `lo` to `hi`, the runs outside counted apart. */
export interface Histogram {
  lo: number;
  hi: number;
  /** Runs per equal-width bin of [lo, hi]. */
  counts: number[];
  /** Runs below lo and above hi (the outer 0.5% tails), not in any bin. */
  below: number;
  above: number;
  n: number;
}

/** Counts of one model's runs in the party's shared bins, and the runs outside them. */
export interface ModelHist {
  counts: number[];
  below: number;
  above: number;
  n: number;
}

/**
 * One party's result (revenue − cost, euros, summed over the horizon) over runs, under each
 * financing model, in equal-width bins from `lo` to `hi` shared by all models. `hists[i]` belongs
 * to `models[i]` (the summary's model order); null where the party has no money flows.
 */
export interface PartyResultHist {
  party: string;
  lo: number;
  hi: number;
  models: string[];
  hists: (ModelHist | null)[];
}

/** Statistics the views need beyond the engine's Summary. */
export interface UiExtras {
  /** Reduction (fraction) in the last year, over runs. */
  reductionHistLastYear: Histogram;
  /** Per party with money flows: its horizon result under each financing model (empty without financing). */
  partyResults: PartyResultHist[];
}

/**
 * Equal-width histogram over [p0.5, p99.5] of the finite values (widened to include `include`);
 * the runs outside are counted apart (`below`, `above`), not piled into the end bins where they
 * would draw a false peak.
 */
export function histogram(x: Float64Array, bins: number, include: number[]): Histogram {
  const v = x.filter((a) => a === a && Number.isFinite(a)).sort();
  const n = v.length;
  if (n === 0) return { lo: NaN, hi: NaN, counts: [], below: 0, above: 0, n: 0 };
  let lo = v[Math.floor(0.005 * (n - 1))];
  let hi = v[Math.ceil(0.995 * (n - 1))];
  for (const t of include) if (Number.isFinite(t)) ((lo = Math.min(lo, t)), (hi = Math.max(hi, t)));
  if (!(hi > lo)) ((lo -= 0.5 * Math.abs(lo || 1) * 0.01), (hi += 0.5 * Math.abs(hi || 1) * 0.01));
  const w = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (let i = 0; i < n; i++) {
    if (v[i] < lo) below++;
    else if (v[i] > hi) above++;
    else counts[Math.min(bins - 1, Math.floor((v[i] - lo) / w))]++;
  }
  return { lo, hi, counts, below, above, n };
}

/** Bins per party histogram: about 25 runs per bin at 2,000 runs, still readable at 400. */
export const PARTY_BINS = 30;

/**
 * Per party, the distribution over runs of its result (revenue − cost) summed over the horizon,
 * under each financing model, in bins shared by all models of that party so the curves overlay.
 * The range is [lowest p0.5, highest p99.5] over the models; runs outside it are counted in
 * `below`/`above` (not folded into the end bins, which would draw false peaks). A model under
 * which the party has no money flows at all (the integrator outside population-based payment)
 * gets `null`.
 */
export function partyResultHists(b: RunBlock, models: readonly string[], parties: readonly string[], bins = PARTY_BINS): PartyResultHist[] {
  const out: PartyResultHist[] = [];
  const Y = b.years;
  for (const party of parties) {
    const sums: (Float64Array | null)[] = models.map((m) => {
      const ri = b.names.indexOf(finColumn(m, party, 'revenue'));
      const ci = b.names.indexOf(finColumn(m, party, 'cost'));
      if (ri < 0 || ci < 0) return null;
      const rev = b.cols[ri];
      const cost = b.cols[ci];
      const y = new Float64Array(b.runs);
      let any = false;
      for (let r = 0; r < b.runs; r++) {
        let s = 0;
        for (let t = 0; t < Y; t++) {
          const row = r * Y + t;
          if (rev[row] !== 0 || cost[row] !== 0) any = true;
          s += rev[row] - cost[row];
        }
        y[r] = s;
      }
      return any ? y : null;
    });
    if (sums.every((s) => s === null)) continue;
    let lo = Infinity;
    let hi = -Infinity;
    const sorted = sums.map((s) => (s ? s.filter(Number.isFinite).sort() : null));
    for (const v of sorted) {
      if (!v || v.length === 0) continue;
      lo = Math.min(lo, v[Math.floor(0.005 * (v.length - 1))]);
      hi = Math.max(hi, v[Math.ceil(0.995 * (v.length - 1))]);
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) continue;
    if (!(hi > lo)) {
      const pad = Math.max(1, Math.abs(lo) * 0.01);
      lo -= pad;
      hi += pad;
    }
    const w = (hi - lo) / bins;
    const hists = sorted.map((v) => {
      if (!v) return null;
      const counts = new Array<number>(bins).fill(0);
      let below = 0;
      let above = 0;
      for (let i = 0; i < v.length; i++) {
        if (v[i] < lo) below++;
        else if (v[i] > hi) above++;
        else counts[Math.min(bins - 1, Math.floor((v[i] - lo) / w))]++;
      }
      return { counts, below, above, n: v.length };
    });
    out.push({ party, lo, hi, models: [...models], hists });
  }
  return out;
}

/** The reduction histogram of the last year and, unless `parties` is false, the party histograms. */
export function uiExtras(b: RunBlock, target: number, s: Summary, parties = true): UiExtras {
  const last = b.years - 1;
  const red = column(b, 'reduction');
  const fin = s.financing;
  return {
    reductionHistLastYear: histogram(yearSlice(red, b.years, last), 40, [target, 0]),
    partyResults:
      fin && parties
        ? partyResultHists(
            b,
            fin.models.map((m) => m.id),
            fin.parties,
          )
        : [],
  };
}
