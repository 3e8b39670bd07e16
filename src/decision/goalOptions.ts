import { isBilingual, localText, type LocalText } from '../../models/scenario/localText';

/** An item's name as written (one text or one per language), or `fallback` when it has none. */
const nameOr = (name: unknown, fallback: unknown): LocalText => (typeof name === 'string' && name ? name : isBilingual(name) && localText(name, 'nl') ? (name as LocalText) : String(fallback));
import type { GoalSpec } from '../../models/analysis/goals';
import { DIST_FACTS, isDistKind, partValues, type DistKind } from '../../models/scenario/distributions';
import { MAX_POPULATION } from '../../models/scenario/limits';
import type { Tolerances } from '../../models/analysis/precision';

/**
 * Pure helpers of the decision-support views (issue 6): which inputs a goal search may vary, the
 * form → GoalSpec conversion with its checks, and the "enough runs?" tolerances. No statistics here.
 */

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A parameter the goal search may vary: every one is a fraction 0–1 where more means more saving. */
export interface GoalParameter {
  path: string;
  group: 'substitution' | 'intervention';
  /** The substitution's or intervention's name as the file writes it (its id when unnamed). */
  item: LocalText;
  /** Which field: 'eligible', 'maxShift', 'reach', 'contacts', 'price', 'highCostRate'. */
  field: 'eligible' | 'maxShift' | 'reach' | 'contacts' | 'price' | 'highCostRate';
  /** For 'contacts' and 'price': the care line. */
  line?: string;
  /** The current value, or the range of the distribution (lo = hi for a fixed number). */
  now: { lo: number; hi: number; uncertain: boolean };
}

/** The current value of a parameter node as a range: its support when bounded, else the table's range around its centre. */
export function paramRange(p: unknown): { lo: number; hi: number; uncertain: boolean } | null {
  if (typeof p === 'number') return { lo: p, hi: p, uncertain: false };
  const o = obj(p);
  if (!o) return null;
  if (typeof o.value === 'number') return { lo: o.value, hi: o.value, uncertain: false };
  if (!isDistKind(o.dist)) return null;
  const v = partValues(o as { dist: DistKind });
  if (!Object.values(v).every((x) => typeof x === 'number')) return null;
  return { ...DIST_FACTS[o.dist].around(v), uncertain: true };
}

/**
 * The parameters a "what does it take?" search can vary: each substitution's eligible share and
 * maximum shift, each intervention's maximum reach and its effects on contacts, prices and
 * high-cost episodes. All rise with the saving, as the bisection assumes.
 */
export function goalParameters(scenario: unknown): GoalParameter[] {
  const s = obj(scenario) ?? {};
  const out: GoalParameter[] = [];
  const push = (path: string, group: GoalParameter['group'], item: LocalText, field: GoalParameter['field'], node: unknown, line?: string) => {
    const now = paramRange(node);
    if (now) out.push({ path, group, item, field, now, ...(line ? { line } : {}) });
  };
  list(s.substitution).forEach((raw, i) => {
    const sub = obj(raw);
    if (!sub) return;
    const item = nameOr(sub.name, sub.id ?? i + 1);
    push(`substitution[${i}].maxShift`, 'substitution', item, 'maxShift', sub.maxShift);
    push(`substitution[${i}].eligible`, 'substitution', item, 'eligible', sub.eligible);
  });
  list(s.interventions).forEach((raw, j) => {
    const iv = obj(raw);
    if (!iv) return;
    const item = nameOr(iv.name, iv.id ?? j + 1);
    push(`interventions[${j}].reach.max`, 'intervention', item, 'reach', obj(iv.reach)?.max);
    const eff = obj(iv.effects) ?? {};
    for (const kind of ['contacts', 'price'] as const) {
      const per = obj(eff[kind]) ?? {};
      for (const line of Object.keys(per)) push(`interventions[${j}].effects.${kind}.${line}`, 'intervention', item, kind, per[line], line);
    }
    if (eff.highCostRate !== undefined) push(`interventions[${j}].effects.highCostRate`, 'intervention', item, 'highCostRate', eff.highCostRate);
  });
  return out;
}

/** The scenario's population-based payment models (the integrator's risk question applies to them). */
export function populationModels(scenario: unknown): { id: string; name: LocalText }[] {
  const models = list(obj(obj(scenario)?.financing)?.models);
  return models
    .map(obj)
    .filter((m): m is Json => m !== null && m.kind === 'population' && typeof m.id === 'string')
    .map((m) => ({ id: m.id as string, name: nameOr(m.name, m.id) }));
}

/** What the form holds, in the units the user types (percentages, people). */
export type GoalForm =
  { kind: 'parameter'; path: string; fromPct: number; toPct: number; probabilityPct: number } | { kind: 'population'; model: string; maxSharePct: number; from: number; to: number };

export type FormProblem = 'range' | 'probability' | 'share' | 'population' | 'missing';

/** The form as a GoalSpec, or what is wrong with it. */
export function goalSpecOf(f: GoalForm): { ok: true; spec: GoalSpec } | { ok: false; problem: FormProblem } {
  const fin = (...xs: number[]) => xs.every((x) => Number.isFinite(x));
  if (f.kind === 'parameter') {
    if (!f.path) return { ok: false, problem: 'missing' };
    if (!fin(f.fromPct, f.toPct) || f.fromPct < 0 || f.toPct > 100 || !(f.fromPct < f.toPct)) return { ok: false, problem: 'range' };
    if (!fin(f.probabilityPct) || !(f.probabilityPct > 0 && f.probabilityPct < 100)) return { ok: false, problem: 'probability' };
    return { ok: true, spec: { kind: 'parameter', path: f.path, lo: f.fromPct / 100, hi: f.toPct / 100, probability: f.probabilityPct / 100 } };
  }
  if (!f.model) return { ok: false, problem: 'missing' };
  if (!fin(f.maxSharePct) || !(f.maxSharePct > 0 && f.maxSharePct < 100)) return { ok: false, problem: 'share' };
  if (!fin(f.from, f.to) || f.from < 1 || f.to > MAX_POPULATION || !(f.from < f.to)) return { ok: false, problem: 'population' };
  return { ok: true, spec: { kind: 'population', model: f.model, maxShare: f.maxSharePct / 100, lo: Math.round(f.from), hi: Math.round(f.to) } };
}

/**
 * The most evaluations the search can take (two ends, then bisection to the tolerance of
 * models/analysis/goals.ts seekGoal), for the progress bar.
 */
export function maxSteps(spec: GoalSpec): number {
  if (spec.kind === 'parameter') return 2 + Math.ceil(Math.log2(200));
  return 2 + Math.max(0, Math.ceil(Math.log2(Math.log(spec.hi / spec.lo) / Math.log(1.02))));
}

/**
 * The scenario a goal step runs: `runs` runs and no twin replicates (they only serve the variance
 * split and have their own random streams, so the runs themselves are unchanged and twice as fast).
 */
export function goalScenario<T>(input: T, runs: number): T {
  const s = structuredClone(input) as Json;
  s.simulation = { ...(obj(s.simulation) ?? {}), runs, varianceSplitRuns: 0 };
  return s as T;
}

/** Tolerances as the user types them: percentage points for the reduction and the probability, % for cost. */
export interface ToleranceForm {
  reductionPp: number;
  probabilityPp: number;
  costPct: number;
}

export function tolerancesOf(f: ToleranceForm): Tolerances | null {
  const ok = (x: number) => Number.isFinite(x) && x > 0;
  if (!ok(f.reductionPp) || !ok(f.probabilityPp) || !ok(f.costPct)) return null;
  return { reductionMean: f.reductionPp / 100, pReachTarget: f.probabilityPp / 100, costMeanRelative: f.costPct / 100 };
}

export function toleranceFormOf(t: Required<Tolerances>): ToleranceForm {
  return { reductionPp: t.reductionMean * 100, probabilityPp: t.pReachTarget * 100, costPct: t.costMeanRelative * 100 };
}

/** Runs per further batch of the "enough runs?" option: half the first batch, at least 100. */
export function batchRunsFor(initialRuns: number): number {
  return Math.max(100, Math.ceil(initialRuns / 2));
}
