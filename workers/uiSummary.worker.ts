/// <reference lib="webworker" />
// The UI's summary worker: the engine's summaries plus the few extra statistics the views need
// (histograms), so the UI thread never computes statistics. Holds its own loaded scenario.
import * as Comlink from 'comlink';
import { createSimApi } from '../models/runner/api';
import { column, type RunBlock } from '../models/simulation/columns';
import { yearSlice } from '../models/summary/stats';
import type { LoadResult, Summary } from '../models/runner/protocol';
import type { UiExtras, Histogram, UiSummaryApi } from './uiSummaryApi';

/** Equal-width histogram over [p0.5, p99.5] of the finite values; the tails go into the end bins. */
function histogram(x: Float64Array, bins: number, include: number[]): Histogram {
  const v = x.filter((a) => a === a && Number.isFinite(a)).sort();
  const n = v.length;
  if (n === 0) return { lo: NaN, hi: NaN, counts: [], n: 0 };
  let lo = v[Math.floor(0.005 * (n - 1))];
  let hi = v[Math.ceil(0.995 * (n - 1))];
  for (const t of include) if (Number.isFinite(t)) (lo = Math.min(lo, t)), (hi = Math.max(hi, t));
  if (!(hi > lo)) (lo -= 0.5 * Math.abs(lo || 1) * 0.01), (hi += 0.5 * Math.abs(hi || 1) * 0.01);
  const w = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) counts[Math.min(bins - 1, Math.max(0, Math.floor((v[i] - lo) / w)))]++;
  return { lo, hi, counts, n };
}

function msrCurve(s: Summary): UiExtras['msrCurve'] {
  const n0 = s.minimumSavingsRate.population;
  const m0 = s.minimumSavingsRate.closedForm;
  const population: number[] = [];
  for (let e = Math.log10(1000); e <= Math.log10(5_000_000) + 1e-9; e += 0.05) population.push(Math.round(10 ** e));
  if (!population.includes(n0)) population.push(n0);
  population.sort((a, b) => a - b);
  // MSR scales with 1/√N at fixed CV and confidence (closed form, CMS logic).
  return { population, msr: population.map((n) => m0 * Math.sqrt(n0 / n)), confidence: s.confidence };
}

function extras(b: RunBlock, target: number, s: Summary): UiExtras {
  const last = b.years - 1;
  const red = column(b, 'reduction');
  return {
    reductionHistLastYear: histogram(yearSlice(red, b.years, last), 40, [target, 0]),
    msrCurve: msrCurve(s),
  };
}

const api = createSimApi();
let target = 0.02;
const exposed: UiSummaryApi = {
  load(input: unknown): LoadResult {
    const r = api.load(input);
    const t = (input as { simulation?: { targetReduction?: unknown } })?.simulation?.targetReduction;
    target = typeof t === 'number' ? t : 0.02;
    return r;
  },
  summarize(block: RunBlock) {
    const summary = api.summarize(block);
    return { summary, extras: extras(block, target, summary) };
  },
};
Comlink.expose(exposed);
