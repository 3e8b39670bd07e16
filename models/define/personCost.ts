import { LINES } from '../core/names';
import { drawParams } from '../params/registry';
import { severityLogParams, val, type ModelDefinition } from './definition';
import { compoundMoments, highCostMoments, mixtureMoments } from './closedForm';
import { exp } from '../random/math';

/**
 * Mean and coefficient of variation of one person's yearly cost in the start year, from the closed
 * forms, with every parameter at its mean. This is the "chance alone" spread that sets the
 * minimum savings rate.
 */
export function personCostMoments(model: ModelDefinition): { mean: number; sd: number; cv: number } {
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

/**
 * The coefficient of variation of the regional total by chance alone, per √person: with segment
 * sizes fixed (as the simulation has them) the total's variance is the sum of the segments'
 * within-segment variances, so CV = √(Σ w_s Var_s) / Σ w_s m_s with w_s the start-year shares,
 * and SD(total)/E(total) = CV/√N. Unlike the mixture CV of one random person it does not count
 * the spread between segments, which a region of fixed composition never sees. Over the given
 * care lines (indices into LINES; all lines when left out); high-cost episodes count with the
 * hospital line. Parameters at their means.
 */
export function chanceCv(model: ModelDefinition, lines?: readonly number[]): number {
  const theta = drawParams(model.registry, model.blocks, model.seed, 0, false);
  const hospital = LINES.indexOf('hospital');
  const use = (l: number) => lines === undefined || lines.includes(l);
  let mean = 0;
  let variance = 0;
  for (const seg of model.segments) {
    seg.lines.forEach((u, l) => {
      if (!u || !use(l)) return;
      const k = u.dispersion < 0 ? Infinity : val(theta, u.dispersion);
      const m = compoundMoments(val(theta, u.contacts), k, val(theta, u.cost), val(theta, u.cv));
      mean += seg.share * m.mean;
      variance += seg.share * m.variance;
    });
    if (seg.highCost && use(hospital)) {
      const { mu, sigma } = severityLogParams(theta, seg.highCost);
      const h = highCostMoments(val(theta, seg.highCost.rate), exp(mu + (sigma * sigma) / 2), Math.sqrt(exp(sigma * sigma) - 1));
      mean += seg.share * h.mean;
      variance += seg.share * h.variance;
    }
  }
  return Math.sqrt(variance) / mean;
}
