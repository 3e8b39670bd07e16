import type { FinancingSummary, ModelRisk, PartyRisk } from '../../models/summary/financing';
import type { Importance } from '../../models/summary/sensitivity';
import type { Prob, Stat } from '../../models/summary/stats';

/**
 * The financing and sensitivity parts of the engine's summary, as the views read them: the
 * engine's own types (a structural copy here once let the views read fields the engine no longer
 * produced, and a chart drew nothing without a type error).
 */
export type StatLike = Stat;
export type ProbLike = Prob;
export type PartyRiskLike = PartyRisk;
/** The engine's model risks, indexed by any party name (views loop over party names). */
export type ModelRiskLike = Omit<ModelRisk, 'horizon' | 'years'> & { horizon: Record<string, PartyRisk>; years: Record<string, PartyRisk>[] };
export type FinancingLike = Omit<FinancingSummary, 'parties' | 'models'> & { parties: readonly string[]; models: ModelRiskLike[] };
export type ImportanceLike = Importance;

/** The financing part of a summary, or null when it has none (no models, or a partial summary). */
export function financingOf(summary: unknown): FinancingLike | null {
  const f = (summary as { financing?: unknown })?.financing as FinancingLike | undefined;
  if (!f || !Array.isArray(f.parties) || !Array.isArray(f.models) || f.models.length === 0) return null;
  const m = f.models[0];
  if (!m?.horizon || !Array.isArray(m.years)) return null;
  const r = m.horizon[f.parties[0]];
  if (!r || typeof r.result?.mean !== 'number' || typeof r.pLoss?.p !== 'number') return null;
  return f;
}

export function sensitivityOf(summary: unknown): ImportanceLike[] | null {
  const s = (summary as { sensitivity?: { reductionLastYear?: unknown } })?.sensitivity?.reductionLastYear;
  if (!Array.isArray(s) || s.length === 0 || typeof s[0]?.lowDecileMean !== 'number') return null;
  return s as ImportanceLike[];
}
