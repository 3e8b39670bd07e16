import { LINES, PAYERS, lineIndex } from '../core/names';
import type { Scenario } from '../scenario/schema';
import { paramValue, ParamRegistry } from '../params/registry';
import { expectedGrowth } from './benchmarkDrift';
import { LIMITS } from '../scenario/limits';
import { correlationPlan } from '../params/correlation';
import type { FieldError } from '../core/issues';
import { defineBehaviour } from './behaviour';
import type { ContractRegistrar, InterventionModel, ModelDefinition, RegisterParam, SegmentModel, SubstitutionModel } from './definition';

/** A scenario that passed the schema but cannot be compiled (e.g. impossible correlations). */
export class CompileError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    this.name = 'CompileError';
  }
}

export const BASE_BLOCK = 'base';
export const subBlock = (id: string) => `substitution:${id}`;
export const ivBlock = (id: string) => `intervention:${id}`;

export function define(s: Scenario, registerContracts: ContractRegistrar, opts: { excessThresholds?: number[] } = {}): ModelDefinition {
  const reg = new ParamRegistry();
  const P: RegisterParam = (path, node, block, lo, hi) => (node === undefined ? -1 : reg.add(path, node, block, lo, hi));
  // Every drawn value is clamped to its field's limits (unbounded distributions can go beyond them).
  const L = LIMITS;

  const segIds = s.region.segments.map((g) => g.id);
  const mask = (ids: string[]) => segIds.map((id) => ids.length === 0 || ids.includes(id));

  const segments: SegmentModel[] = s.region.segments.map((g, i) => {
    const at = `region.segments[${i}]`;
    const lines = LINES.map((l) => {
      const u = g.lines[l];
      if (!u) return null;
      const lp = `${at}.lines.${l}`;
      return {
        contacts: P(`${lp}.contacts`, u.contacts, BASE_BLOCK, ...L.amount),
        dispersion: P(`${lp}.dispersion`, u.dispersion, BASE_BLOCK, ...L.dispersion),
        cost: P(`${lp}.costPerContact`, u.costPerContact, BASE_BLOCK, ...L.amount),
        cv: P(`${lp}.costCV`, u.costCV, BASE_BLOCK, ...L.costCV),
      };
    });
    let highCost: SegmentModel['highCost'] = null;
    if (g.highCost) {
      const hp = `${at}.highCost`;
      const sev = g.highCost.severity;
      highCost =
        'mean' in sev
          ? {
              rate: P(`${hp}.rate`, g.highCost.rate, BASE_BLOCK, ...L.share),
              kind: 'meanCv',
              a: P(`${hp}.severity.mean`, sev.mean, BASE_BLOCK, ...L.amount),
              b: P(`${hp}.severity.cv`, sev.cv, BASE_BLOCK, ...L.severityCV),
              persistence: -1,
            }
          : {
              rate: P(`${hp}.rate`, g.highCost.rate, BASE_BLOCK, ...L.share),
              kind: 'medianP99',
              a: P(`${hp}.severity.median`, sev.median, BASE_BLOCK, ...L.amount),
              b: P(`${hp}.severity.p99`, sev.p99, BASE_BLOCK, ...L.amount),
              persistence: -1,
            };
    }
    // Registered after the severity so that a file without it keeps every other parameter's slot.
    if (highCost) highCost.persistence = P(`${at}.highCost.persistence`, g.highCost!.persistence, BASE_BLOCK, ...L.share);
    return { id: g.id, share: g.share, growth: P(`${at}.growth`, g.growth, BASE_BLOCK, ...L.yearlyChange), lines, highCost };
  });

  const trend = LINES.map((l) => P(`lines.${l}.trend`, s.lines[l]?.trend, BASE_BLOCK, ...L.yearlyChange));
  // A contract that states no trend assumes the scenario's own expected cost growth (closed
  // form, parameters at their means); a fixed default would let a region without any change
  // "save" or "lose" by the drift between the two.
  const benchmarkTrend = P(
    'benchmark.trend',
    s.benchmark.trend ??
      expectedGrowth({
        segments,
        trend,
        population: s.region.population,
        preYears: s.benchmark.preContractYears,
        weights: s.benchmark.weights ?? null,
        horizon: s.simulation.horizonYears,
        value: (r) => paramValue(reg.slots[r], 0.5, false),
      }),
    BASE_BLOCK,
    ...L.yearlyChange,
  );
  const qualityBaseline = P('quality.baseline', s.quality.baseline, BASE_BLOCK, ...L.qualityScore);
  const qualityNoise = P('quality.noiseSD', s.quality.noiseSD, BASE_BLOCK, ...L.qualityNoise);
  const rb = s.benchmark.rebase;
  const rebase = rb ? { every: rb.everyYears, ratchet: P('benchmark.rebase.ratchet', rb.ratchet ?? 1, BASE_BLOCK, ...L.share) } : null;

  const substitutions: SubstitutionModel[] = s.substitution.map((x, i) => {
    const b = subBlock(x.id);
    const at = `substitution[${i}]`;
    return {
      id: x.id,
      block: b,
      from: lineIndex(x.from),
      to: lineIndex(x.to),
      segments: mask(x.segments),
      eligible: P(`${at}.eligible`, x.eligible, b, ...L.share),
      maxShift: P(`${at}.maxShift`, x.maxShift, b, ...L.share),
      startYear: x.uptake.startYear,
      midpoint: P(`${at}.uptake.midpointYears`, x.uptake.midpointYears, b, ...L.rampYears),
      steepness: P(`${at}.uptake.steepness`, x.uptake.steepness, b, ...L.steepness),
      cost: P(`${at}.costPerContact`, x.costPerContact, b, ...L.amount),
      cv: P(`${at}.costCV`, x.costCV, b, ...L.costCV),
      additionality: P(`${at}.additionality`, x.additionality, b, ...L.additionality),
      refill: P(`${at}.refill`, x.refill, b, ...L.share),
    };
  });

  const interventions: InterventionModel[] = s.interventions.map((x, i) => {
    const b = ivBlock(x.id);
    const at = `interventions[${i}]`;
    const payer = PAYERS.map((p) => (typeof x.payer === 'string' ? (x.payer === p ? 1 : 0) : (x.payer[p] ?? 0)));
    return {
      id: x.id,
      block: b,
      segments: mask(x.segments),
      startYear: x.startYear,
      reachMax: P(`${at}.reach.max`, x.reach.max, b, ...L.share),
      rampYears: P(`${at}.reach.rampYears`, x.reach.rampYears, b, ...L.rampYears),
      lagYears: P(`${at}.lagYears`, x.lagYears, b, ...L.lagYears),
      contacts: LINES.map((l) => P(`${at}.effects.contacts.${l}`, x.effects.contacts?.[l], b, ...L.share)),
      price: LINES.map((l) => P(`${at}.effects.price.${l}`, x.effects.price?.[l], b, ...L.share)),
      highCostRate: P(`${at}.effects.highCostRate`, x.effects.highCostRate, b, ...L.share),
      quality: P(`${at}.effects.quality`, x.effects.quality, b, ...L.qualityShift),
      oneOff: P(`${at}.cost.oneOff`, x.cost.oneOff, b, ...L.amount),
      perYear: P(`${at}.cost.perYear`, x.cost.perYear, b, ...L.amount),
      perParticipant: P(`${at}.cost.perParticipant`, x.cost.perParticipant, b, ...L.amount),
      payer,
    };
  });

  const contracts = registerContracts(s, P);
  const behaviour = defineBehaviour(s, contracts.models, P);
  const corr = correlationPlan(reg, s.correlations);
  if (corr.errors.length > 0) throw new CompileError(corr.errors);

  return {
    scenario: s,
    registry: { slots: reg.slots },
    blocks: reg.blocks(),
    correlation: corr.plan,
    seed: s.simulation.seed,
    horizon: s.simulation.horizonYears,
    preYears: s.benchmark.preContractYears,
    benchmarkWeights: s.benchmark.weights ?? null,
    rebase,
    coverageLevels: [...new Set((s.financing?.models ?? []).flatMap((m) => (m.coverage !== undefined && m.coverage < 1 ? [m.coverage] : [])))].sort((a, b) => a - b),
    population: s.region.population,
    segments,
    trend,
    benchmarkTrend,
    qualityBaseline,
    qualityNoise,
    substitutions,
    interventions,
    excessThresholds: [...new Set([...(opts.excessThresholds ?? []), ...contracts.excessThresholds])].sort((a, b) => a - b),
    contracts,
    behaviour,
  };
}
