import { LINES } from '../scenario/names';
import { drawParams } from '../params/registry';
import { lognormalExcess } from '../simulation/expected';
import { severityLogParams, val, type Model } from '../simulation/compile';
import { exp } from '../random/math';

const HOSPITAL = LINES.indexOf('hospital');

/**
 * What the parties expect ex ante, with every parameter at its mean: claims per person per line
 * in the start year (hospital includes high-cost cases), and the expected excess of high-cost
 * cases above a per-case threshold per person. Contracts price premiums and budgets from these.
 */
export function expectedPerCapita(model: Model, thresholds: number[]): { lines: Float64Array; excess: Float64Array } {
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
