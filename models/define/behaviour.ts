import { LINES } from '../core/names';
import { DEFAULT_SCOPE, LINE_FACTS } from '../core/lines';
import type { Scenario } from '../scenario/schema';
import type { Affine, BehaviourDefinition, BehaviourWorldModel, Ref, RegisterParam } from './definition';
import { LIMITS } from '../scenario/limits';

/** The providers whose incentives respond (indices into `BEHAVIOUR_PARTIES`). */
export const BEHAVIOUR_PARTIES = ['hospital', 'gp'] as const;

const ONE: Affine = { a: 1, b: 0, ref: -1 };
const ZERO: Affine = { a: 0, b: 0, ref: -1 };
const BLOCK = 'behaviour';

/**
 * The financing section's behaviour as parameter references (null when it has none). Registered
 * after every other parameter, in a block of its own, so that switching behaviour on leaves every
 * other draw as it was.
 */
export function defineBehaviour(s: Scenario, models: Record<string, Ref>[], P: RegisterParam): BehaviourDefinition | null {
  const f = s.financing;
  const b = f?.behaviour;
  if (!f || !b) return null;
  const at = 'financing.behaviour';
  const elasticity = P(`${at}.elasticity`, b.elasticity, BLOCK, ...LIMITS.elasticity);
  const holdBack = P(`${at}.holdBack`, b.holdBack, BLOCK, ...LIMITS.share);
  const discretionary = LINES.map((l) => P(`${at}.discretionary.${l}`, b.discretionary[l], BLOCK, ...LIMITS.share));
  const intermediate = f.parties.intermediateProvider;
  const providerOf = LINES.map((l) => {
    const p = LINE_FACTS[l].provider;
    return p === 'intermediateProvider' ? intermediate : p;
  });
  const worlds = f.models.flatMap((m, i): BehaviourWorldModel[] => {
    if (m.behaviour === false) return [];
    const r = models[i];
    const scope = new Set<string>('scope' in m && m.scope ? m.scope : DEFAULT_SCOPE);
    let marginal = LINES.map(() => ONE);
    let gain = BEHAVIOUR_PARTIES.map(() => ZERO);
    if (m.kind === 'sharedSavings') {
      // In the sharing zone every extra euro of claims lowers the providers' payout by the sharing rate times their split.
      marginal = LINES.map((l, k) => (scope.has(l) && providerOf[k] ? { a: 1, b: -m.split[providerOf[k]!], ref: r.sharingRate } : ONE));
      gain = BEHAVIOUR_PARTIES.map((p) => ({ a: 0, b: m.split[p], ref: r.sharingRate }));
    } else if (m.kind === 'population') {
      // The integrator pays its providers for the scope's lines; they earn nothing per extra contact.
      marginal = LINES.map((l, k) => (scope.has(l) && providerOf[k] ? ZERO : ONE));
      gain = BEHAVIOUR_PARTIES.map((p) => ({ a: m.owner[p], b: 0, ref: -1 }));
    } else if (m.kind === 'hospitalBudget') {
      marginal = LINES.map((l) => (l === 'hospital' ? { a: 0, b: 1, ref: r.marginal } : ONE));
      gain = BEHAVIOUR_PARTIES.map((p) => (p === 'hospital' ? { a: 1, b: -1, ref: r.marginal } : ZERO));
    }
    return [{ contract: i, id: m.id, coverage: m.coverage ?? 1, marginal, gain }];
  });
  const controller = s.substitution.map((x) => (x.controlledBy ? BEHAVIOUR_PARTIES.indexOf(x.controlledBy) : -1));
  const ivController = s.interventions.map((x) => (x.controlledBy ? BEHAVIOUR_PARTIES.indexOf(x.controlledBy) : -1));
  return { elasticity, holdBack, discretionary, worlds, controller, ivController };
}

const at = (theta: Float64Array, x: Affine) => (x.ref < 0 ? x.a : x.a + x.b * theta[x.ref]);
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The incentive response of world `w` given θ (README "Incentives change behaviour"):
 * - `volume[l]`: the fraction of line l's contacts no longer supplied,
 *   d_l · min(1, ε · (1 − r_l)), with r_l = 1 − c·(1 − marginal revenue relative to fee-for-service);
 * - `uptake[j]`: the fraction of substitution j's moves that happen, 1 − h · (1 − c·g) with g the
 *   controlling party's share of the saving (1 when no party controls it);
 * - `reach[i]`: the same for intervention i's reach: the fraction of what it does that happens.
 */
export function behaviourAt(theta: Float64Array, d: BehaviourDefinition, w: BehaviourWorldModel, volume: Float64Array, uptake: Float64Array, reach: Float64Array): void {
  const eps = theta[d.elasticity];
  const h = theta[d.holdBack];
  const c = w.coverage;
  for (let l = 0; l < volume.length; l++) {
    const share = d.discretionary[l] < 0 ? 0 : theta[d.discretionary[l]];
    const r = 1 - c * (1 - clamp01(at(theta, w.marginal[l])));
    volume[l] = share > 0 && r < 1 ? share * Math.min(1, eps * (1 - r)) : 0;
  }
  const respond = (p: number) => (p < 0 ? 1 : 1 - h * (1 - c * clamp01(at(theta, w.gain[p]))));
  for (let j = 0; j < uptake.length; j++) uptake[j] = respond(d.controller[j]);
  for (let i = 0; i < reach.length; i++) reach[i] = respond(d.ivController[i]);
}
