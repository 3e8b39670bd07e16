/**
 * The financing and sensitivity parts of the engine's summary, as the views read them. Declared
 * here (structurally) and checked at run time, so the app keeps working with an engine that does
 * not (yet) produce them.
 */
export interface StatLike {
  mean: number;
  mcse: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}
export interface ProbLike {
  p: number;
  mcse: number;
}
export interface PartyRiskLike {
  revenue: number;
  cost: number;
  result: StatLike;
  pLoss: ProbLike;
  var95: number;
  es95: number;
  changeVsStatusQuo: StatLike;
  pWorseOff: ProbLike;
}
export interface ModelRiskLike {
  id: string;
  name: string;
  kind: string;
  horizon: Record<string, PartyRiskLike>;
  years: Record<string, PartyRiskLike>[];
}
export interface FinancingLike {
  parties: readonly string[];
  models: ModelRiskLike[];
}
export interface ImportanceLike {
  path: string;
  spearman: number;
  lowDecileMean: number;
  highDecileMean: number;
  swing: number;
}

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
