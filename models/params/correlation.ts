import type { Correlation } from '../scenario/schema';
import { fieldError, type FieldError } from '../core/issues';
import type { CorrelationPlan, ParamTable } from './registry';
import { sin } from '../random/math';

/**
 * Correlated parameter draws by a Gaussian copula (NORTA): correlated standard normals z = L·ε,
 * then u = Φ(z) replaces the uniform of each correlated parameter, so every marginal stays exactly
 * as written and each run is still drawn from its own stream. A Spearman rank correlation ρ is
 * reached with the normal correlation r = 2·sin(πρ/6).
 */

export const pearsonForRank = (rho: number): number => 2 * sin((Math.PI * rho) / 6);

/** Lower Cholesky factor of a symmetric matrix, or null when it is not positive definite. */
export function cholesky(a: Float64Array, k: number): Float64Array | null {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j];
      for (let m = 0; m < j; m++) s -= l[i * k + m] * l[j * k + m];
      if (i === j) {
        if (!(s > 1e-10)) return null;
        l[i * k + i] = Math.sqrt(s);
      } else l[i * k + j] = s / l[j * k + j];
    }
  return l;
}

export function correlationPlan(reg: ParamTable, list: Correlation[]): { plan: CorrelationPlan | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (list.length === 0) return { plan: null, errors };
  const byPath = new Map(reg.slots.map((s, i) => [s.path, i]));
  const slots: number[] = [];
  const pairs = new Set<string>();
  const resolved: [number, number, number][] = [];
  list.forEach((c, i) => {
    const idx = c.between.map((path, j) => {
      const slot = byPath.get(path);
      if (slot === undefined) errors.push(fieldError(`correlations[${i}].between[${j}]`, 'corrNoParam', { param: path }));
      else if (!reg.slots[slot].uncertain) errors.push(fieldError(`correlations[${i}].between[${j}]`, 'corrFixed', { param: path }));
      return slot;
    });
    const [a, b] = idx;
    if (a === undefined || b === undefined || !reg.slots[a].uncertain || !reg.slots[b].uncertain) return;
    if (a === b) return void errors.push(fieldError(`correlations[${i}].between`, 'corrSelf', {}));
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (pairs.has(key)) return void errors.push(fieldError(`correlations[${i}]`, 'corrTwice', {}));
    pairs.add(key);
    for (const s of [a, b]) if (!slots.includes(s)) slots.push(s);
    resolved.push([a, b, c.rank]);
  });
  if (errors.length > 0) return { plan: null, errors };
  const k = slots.length;
  const m = new Float64Array(k * k);
  for (let i = 0; i < k; i++) m[i * k + i] = 1;
  for (const [a, b, rho] of resolved) {
    const i = slots.indexOf(a);
    const j = slots.indexOf(b);
    m[i * k + j] = m[j * k + i] = pearsonForRank(rho);
  }
  const chol = cholesky(m, k);
  if (!chol)
    return {
      plan: null,
      errors: [fieldError('correlations', 'corrNotPositiveDefinite', {})],
    };
  return { plan: { slots, chol }, errors };
}
