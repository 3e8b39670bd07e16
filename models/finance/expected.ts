import { LINES } from '../core/names';
import { drawParams } from '../params/registry';
import { lognormalExcess } from '../simulation/expected';
import { severityLogParams, val, type ModelDefinition } from '../define/definition';
import { exp, ipow, log } from '../random/math';

const HOSPITAL = LINES.indexOf('hospital');

/**
 * What the parties expect ex ante, with every parameter at its mean: claims per person per line
 * in the start year (hospital includes high-cost cases), and the expected excess of high-cost
 * cases above a per-case threshold per person. Contracts price premiums and budgets from these.
 */
export function expectedPerCapita(model: ModelDefinition, thresholds: number[]): { lines: Float64Array; excess: Float64Array } {
  const theta = drawParams(model.registry, model.blocks, model.seed, 0, false);
  const lines = new Float64Array(LINES.length);
  const excess = new Float64Array(thresholds.length);
  for (const seg of model.segments) {
    seg.lines.forEach((u, l) => {
      if (u) lines[l] += seg.share * val(theta, u.contacts) * val(theta, u.cost);
    });
    const hc = seg.highCost;
    if (!hc) continue;
    const { mu, sigma } = severityLogParams(theta, hc);
    const rate = val(theta, hc.rate);
    lines[HOSPITAL] += seg.share * rate * exp(mu + (sigma * sigma) / 2);
    thresholds.forEach((T, j) => (excess[j] += seg.share * rate * lognormalExcess(mu, sigma, T)));
  }
  return { lines, excess };
}

/**
 * Expected high-cost excess above each threshold per insured in each contract year t = 0..H−1,
 * priced ex ante like the rest of this file (every parameter at its mean): the year's segment
 * mix (segment sizes grown as the simulation grows them) and the year's severity (the start-year
 * lognormal with its log-mean moved by t·log(1 + hospital trend)). Above a fixed threshold the
 * excess grows faster than the cost trend, so a premium grown with the trend would fall behind it.
 * `out[j][t]`.
 */
export function expectedExcessByYear(model: ModelDefinition, thresholds: number[], years: number): Float64Array[] {
  const theta = drawParams(model.registry, model.blocks, model.seed, 0, false);
  const out = thresholds.map(() => new Float64Array(years));
  const drift = log(1 + val(theta, model.trend[HOSPITAL]));
  for (let t = 0; t < years; t++) {
    let people = 0;
    const sum = new Float64Array(thresholds.length);
    for (const seg of model.segments) {
      const n = Math.round(model.population * seg.share * ipow(1 + val(theta, seg.growth), t));
      people += n;
      const hc = seg.highCost;
      if (!hc) continue;
      const { mu, sigma } = severityLogParams(theta, hc);
      const rate = val(theta, hc.rate);
      thresholds.forEach((T, j) => (sum[j] += n * rate * lognormalExcess(mu + t * drift, sigma, T)));
    }
    thresholds.forEach((_, j) => (out[j][t] = people > 0 ? sum[j] / people : 0));
  }
  return out;
}
