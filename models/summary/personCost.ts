import { drawParams } from '../params/registry';
import { severityLogParams, val, type Model } from '../simulation/compile';
import { compoundMoments, highCostMoments, mixtureMoments } from './closedForm';
import { exp } from '../random/math';

/**
 * Mean and coefficient of variation of one person's yearly cost in the start year, from the closed
 * forms, with every parameter at its mean. This is the "chance alone" spread that sets the
 * minimum savings rate.
 */
export function personCostMoments(model: Model): { mean: number; sd: number; cv: number } {
  const theta = drawParams(model.registry, model.blocks, model.seed, 0, false);
  const parts = model.segments.map((seg) => {
    let mean = 0;
    let variance = 0;
    seg.lines.forEach((u) => {
      if (!u) return;
      const k = u.dispersion < 0 ? Infinity : val(theta, u.dispersion);
      const m = compoundMoments(val(theta, u.contacts), k, val(theta, u.cost), val(theta, u.cv));
      mean += m.mean;
      variance += m.variance;
    });
    if (seg.highCost) {
      const hc = seg.highCost;
      const { mu, sigma } = severityLogParams(theta, hc);
      const m = exp(mu + (sigma * sigma) / 2);
      const cv = Math.sqrt(exp(sigma * sigma) - 1);
      const h = highCostMoments(val(theta, hc.rate), m, cv);
      mean += h.mean;
      variance += h.variance;
    }
    return { weight: seg.share, mean, variance };
  });
  const { mean, variance } = mixtureMoments(parts);
  const sd = Math.sqrt(variance);
  return { mean, sd, cv: sd / mean };
}

