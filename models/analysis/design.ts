/**
 * Contract designer: which terms of one contract can every party sign? Variants of the contract
 * are settled on the same simulated care (common random numbers): the care columns and each run's
 * parameter draws are simulated once, and only the financing stage is applied again per variant.
 * A variant that changes what the simulation must record (a stop-loss threshold adds high-cost
 * excess columns) is simulated again from the same seeds, which gives the same care bit for bit.
 */
import type { Party } from '../core/names';
import type { Scenario } from '../scenario/schema';
import { validateScenario } from '../pipeline/validate';
import { issueEn, type Issue } from '../core/issues';
import { compile, defineScenario, runnable, type Model, type ModelDefinition } from '../pipeline/compile';
import { simulateBlock } from '../simulation/block';
import type { RunBlock } from '../simulation/columns';
import { changeRisk, horizonResults } from '../summary/financing';
import { selectInPlace } from '../summary/stats';
import { finColumn, STATUS_QUO } from '../core/columns';
import { FinancingSchema, type FinancingModel } from '../scenario/contracts';
import { settlementOf } from '../finance/plan';
import { KINDS } from '../finance/kinds';
import type { ContractKind } from '../finance/kinds/kind';
import { TERM_ALIASES, defaultAcceptance, signingParties, type Acceptance, type TermRange } from './designTerms';
import { searchDesign, type Design, type DesignSetup, type PartyOutcome, type VariantOutcome } from './designSearch';

/** A contract design that cannot be made, with its issue (the command line prints the English text). */
export class DesignError extends Error {
  /** The problem as data; absent for the command line's own flag checks (bin/design.ts), which are English only. */
  readonly issue: Omit<Issue, 'path'> | undefined;
  constructor(problem: Omit<Issue, 'path'> | string) {
    super(typeof problem === 'string' ? problem : issueEn({ path: '', ...problem } as Issue));
    this.issue = typeof problem === 'string' ? undefined : problem;
  }
}

const setPath = (obj: Record<string, unknown>, path: string, v: number) => {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') throw new DesignError({ code: 'designNotTerm', params: { term: path } });
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = v;
};

/** A party's outcome of a variant: its change against the status quo over the horizon, and the worst 5% of its years. */
export function partyOutcome(r: ReturnType<typeof changeRisk>, year: { es: number; mcse: number }, revenue: number, years: number): PartyOutcome {
  return {
    gain: r.changeVsStatusQuo.mean,
    gainMcse: r.changeVsStatusQuo.mcse,
    pWorse: r.pWorseOff.p,
    pWorseMcse: r.pWorseOff.mcse,
    es: r.changeEs95,
    esMcse: r.changeEs95Mcse,
    esYear: year.es,
    esYearMcse: year.mcse,
    revenue,
    years,
  };
}

/** Parses `sharingRate=0:1,msr=0:0.05` into term ranges (aliases expanded). */
export function parseTerms(text: string): TermRange[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^([A-Za-z][A-Za-z0-9.]*)=(-?[\d.eE+-]+):(-?[\d.eE+-]+)$/.exec(s);
      if (!m) throw new DesignError({ code: 'designTermsForm', params: { text: s } });
      const lo = Number(m[2]);
      const hi = Number(m[3]);
      if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) throw new DesignError({ code: 'designTermsRange', params: { text: s } });
      return { path: TERM_ALIASES[m[1]] ?? m[1], lo, hi };
    });
}

export interface Evaluator {
  contract: { index: number; kind: string };
  evaluate(terms: Record<string, number>): VariantOutcome;
}

/** The scenario as the designer simulates it: the variance split's second replicates are not needed to compare terms. */
export const designScenario = (s: Scenario): Scenario => ({ ...s, simulation: { ...s.simulation, varianceSplitRuns: 0 } });

/** Runs from..from+count of the designer's simulation of `s` (a `designScenario`): any split of the runs joins into the same block. */
export function designRuns(s: Scenario, from: number, count: number): RunBlock {
  return simulateBlock(compile(s), from, count, 'aggregate');
}

/**
 * The designer's runs 0..runs−1 taken from a block of `s`'s own simulation (the page's last run),
 * or null when that block was made for another scenario or holds fewer runs. Each run depends only
 * on the scenario and its index, and the variance split's second replicate draws from streams of
 * its own, so the result equals `designRuns(designScenario(s), 0, runs)` bit for bit once the
 * replicate's columns are blanked as a run without one leaves them.
 */
export function designRunsFrom(s: Scenario, runs: number, made: { scenario: Scenario; block: RunBlock }): RunBlock | null {
  const { block } = made;
  // With behavioural responses each variant's care is simulated again anyway (`designEvaluator`).
  if (block.firstRun !== 0 || block.runs < runs || s.financing?.behaviour !== undefined) return null;
  if (JSON.stringify(designScenario(made.scenario)) !== JSON.stringify(designScenario(s))) return null;
  const { years, nParams } = block;
  return {
    firstRun: 0,
    runs,
    years,
    names: block.names.slice(),
    cols: block.cols.map((c, i) => (block.names[i].startsWith('twin.') ? new Float64Array(runs * years).fill(NaN) : c.slice(0, runs * years))),
    params: block.params.slice(0, runs * nParams),
    nParams,
  };
}

const contractIndex = (s: Scenario, id: string) => {
  const index = s.financing?.models.findIndex((m) => m.id === id) ?? -1;
  if (index < 0) throw new DesignError({ code: 'designNoContract', params: { id, have: (s.financing?.models ?? []).map((m) => m.id) } });
  return index;
};

/**
 * Settles variants of contract `id` of `s` (a `designScenario`) on `block`, the care of all its
 * runs (`designRuns`). A variant of the same kind, scope, coverage and stop-loss thresholds whose
 * changed terms are fixed numbers is settled alone with the plan compiled once: only its settler is
 * made anew and the varied parameters take their new values in each run's θ; the other contracts'
 * columns are left as they are (the designer reads only the varied contract's). Any other variant
 * is validated and compiled in full, and simulated again when it changes what is recorded.
 */
export function designEvaluator(s: Scenario, id: string, parties: readonly Party[], block: RunBlock): Evaluator {
  const index = contractIndex(s, id);
  const contract = s.financing!.models[index];
  const kind = contract.kind;
  const def = defineScenario(s);
  const plan = settlementOf(def);
  const base: Model = { ...def, financing: plan };
  const runs = block.runs;
  const refs = def.contracts.models[index];
  const correlated = new Set(def.correlation?.slots ?? []);
  const thresholdsOf = (m: FinancingModel) => (KINDS[m.kind] as ContractKind<FinancingModel>).excessThresholds?.(m) ?? [];
  const scopeOf = (m: FinancingModel) => JSON.stringify('scope' in m ? m.scope : null);
  const baseThresholds = thresholdsOf(contract).join();
  const theta = new Float64Array(block.nParams);
  /** θ of run r with the varied slots at their new values (one buffer, refilled). */
  const thetaOf = (r: number, overrides: [number, number][]) => {
    const np = block.nParams;
    for (let i = 0; i < np; i++) theta[i] = block.params[r * np + i];
    for (const [i, v] of overrides) theta[i] = v;
    return theta;
  };
  /** The varied slots and their values when `m` can be settled alone on the plan compiled once; null when not. */
  const quickOverrides = (m: FinancingModel): [number, number][] | null => {
    if (m.kind !== kind || m.coverage !== contract.coverage || scopeOf(m) !== scopeOf(contract) || thresholdsOf(m).join() !== baseThresholds) return null;
    const out: [number, number][] = [];
    let same = true;
    let keys = 0;
    (KINDS[m.kind] as ContractKind<FinancingModel>).register(m, (key, node) => {
      keys++;
      const ref = refs[key];
      if (ref === undefined || (node === undefined) !== ref < 0) return void (same = false);
      if (node === undefined) return;
      const was = def.registry.slots[ref].node;
      if (JSON.stringify(node) === JSON.stringify(was)) return;
      // A varied term that is a distribution would need its own draws; a correlated one moves the copula.
      if (typeof node === 'object' && 'dist' in node) return void (same = false);
      if (correlated.has(ref)) return void (same = false);
      out.push([ref, typeof node === 'number' ? node : node.value]);
    });
    // The same parameters registered in the same slots (a term that adds or drops one changes the layout).
    return same && keys === Object.keys(refs).length ? out : null;
  };
  // The status quo's numbers do not move with the terms: worked out once for the stored runs.
  const statusQuo = new Map(parties.map((p) => [p, { horizon: horizonResults(block, STATUS_QUO, p), years: statusQuoByYear(block, p), revenue: sqRevenue(block, p) }]));
  const outcomeOf = (b: RunBlock): Partial<Record<Party, PartyOutcome>> => {
    const outcome: Partial<Record<Party, PartyOutcome>> = {};
    for (const p of parties) {
      const sq = b === block ? statusQuo.get(p)! : { horizon: horizonResults(b, STATUS_QUO, p), years: statusQuoByYear(b, p), revenue: sqRevenue(b, p) };
      outcome[p] = partyOutcome(changeRisk(horizonResults(b, id, p), sq.horizon), yearlyShortfall(b, id, p, sq.years), sq.revenue, b.years);
    }
    return outcome;
  };
  // When the contract's incentives change care, each variant's care differs: it is simulated again
  // on the same draws (common random numbers), never settled on the stored care.
  const behaves = s.financing?.behaviour !== undefined && (contract as { behaviour?: unknown }).behaviour !== false;
  return {
    contract: { index, kind },
    evaluate(terms) {
      const variant = structuredClone(contract) as unknown as Record<string, unknown>;
      for (const [path, v] of Object.entries(terms)) setPath(variant, path, v);
      // The contract alone against the financing section's rules: the scenario's other rules do
      // not read a contract's terms (coverage aside, which takes the full check below).
      const quick = FinancingSchema.safeParse({ parties: s.financing!.parties, models: [variant] });
      const m = quick.success ? quick.data.models[0] : null;
      const overrides = m && !behaves ? quickOverrides(m) : null;
      if (m && overrides) {
        plan.settleContract(block, index, plan.variantSettler(index, m), (r) => thetaOf(r, overrides));
        return { outcome: outcomeOf(block), resimulated: false };
      }
      const full = structuredClone(s) as unknown as { financing: { models: Record<string, unknown>[] } };
      full.financing.models[index] = variant;
      const v = validateScenario(full);
      if (!v.ok) throw new DesignError({ code: 'designInvalidTerms', params: { terms: JSON.stringify(terms), issues: v.errors.map(({ path, code, params }) => ({ path, code, params }) as Issue) } });
      const vdef = defineScenario(v.scenario);
      if (!behaves && sameLayout(base, vdef)) {
        const vplan = settlementOf(vdef);
        const changed: [number, number][] = [];
        vdef.registry.slots.forEach((slot, i) => {
          if (JSON.stringify(slot.node) !== JSON.stringify(def.registry.slots[i].node)) changed.push([i, typeof slot.node === 'number' ? slot.node : 'value' in slot.node ? slot.node.value : NaN]);
        });
        for (let r = 0; r < runs; r++) vplan.applyContract(block, r, thetaOf(r, changed), index);
        return { outcome: outcomeOf(block), resimulated: false };
      }
      return { outcome: outcomeOf(simulateBlock(runnable(vdef), 0, runs, 'aggregate')), resimulated: true };
    },
  };
}

/**
 * The mean shortfall against the status quo in the worst 5% of all run-years, euros per year. Its
 * error is the delta method's with the years of a run taken together (they are not independent):
 * the ES influence ψ = VaR − ES + (L − VaR)·1[L > VaR]/0.05 summed per run, SE = √(Σ_r Ψ_r²)/(R·T).
 */
export function yearlyShortfall(b: RunBlock, model: string, party: Party, sq: Float64Array = statusQuoByYear(b, party)): { es: number; mcse: number } {
  const col = (m: string, w: 'revenue' | 'cost') => b.cols[b.names.indexOf(finColumn(m, party, w))];
  const [rev, cost] = [col(model, 'revenue'), col(model, 'cost')];
  const n = b.runs * b.years;
  const loss = new Float64Array(n);
  for (let i = 0; i < n; i++) loss[i] = sq[i] - (rev[i] - cost[i]);
  const tail = Math.max(1, Math.floor(0.05 * n));
  const a = loss.slice();
  // The `tail` largest losses: select the (n − tail)-th smallest, the rest lie above it.
  selectInPlace(a, 0, n - 1, n - tail);
  let sum = 0;
  for (let i = n - tail; i < n; i++) sum += a[i];
  const es = sum / tail;
  const v = a[n - tail];
  let ss = 0;
  for (let r = 0; r < b.runs; r++) {
    let psi = 0;
    for (let t = 0; t < b.years; t++) {
      const l = loss[r * b.years + t];
      psi += v - es + (l > v ? (l - v) / 0.05 : 0);
    }
    ss += psi * psi;
  }
  return { es, mcse: Math.sqrt(ss) / n };
}

/** A party's result under the status quo in every run-year (revenue − cost). */
function statusQuoByYear(b: RunBlock, party: Party): Float64Array {
  const rev = b.cols[b.names.indexOf(finColumn(STATUS_QUO, party, 'revenue'))];
  const cost = b.cols[b.names.indexOf(finColumn(STATUS_QUO, party, 'cost'))];
  return Float64Array.from(rev, (x, i) => x - cost[i]);
}

/** A party's mean revenue under the status quo over the horizon (the same for every variant). */
function sqRevenue(b: RunBlock, party: Party): number {
  const rev = b.cols[b.names.indexOf(finColumn(STATUS_QUO, party, 'revenue'))];
  let s = 0;
  for (let i = 0; i < rev.length; i++) s += rev[i];
  return s / b.runs;
}

/** Same parameter slots and the same recorded columns: the variant can be settled on the stored care. */
function sameLayout(a: ModelDefinition, b: ModelDefinition): boolean {
  if (a.registry.slots.length !== b.registry.slots.length) return false;
  if (a.registry.slots.some((s, i) => s.path !== b.registry.slots[i].path)) return false;
  if (a.excessThresholds.join() !== b.excessThresholds.join() || a.coverageLevels.join() !== b.coverageLevels.join()) return false;
  // A varied term must be a plain number in the variant (it is set to one).
  return b.registry.slots.every((s, i) => JSON.stringify(s.node) === JSON.stringify(a.registry.slots[i].node) || typeof s.node === 'number' || !('dist' in s.node));
}

export function designSetup(s: Scenario, id: string, terms: TermRange[], opts: { runs?: number; steps?: number; accept?: Acceptance[] } = {}): DesignSetup {
  if (terms.length < 1 || terms.length > 4) throw new DesignError({ code: 'designTermsCount', params: {} });
  const kind = s.financing!.models[contractIndex(s, id)].kind;
  const accept = opts.accept ?? defaultAcceptance(kind);
  return {
    contract: id,
    terms,
    accept,
    parties: [...new Set([...signingParties(kind), ...accept.map((a) => a.party)])],
    runs: opts.runs ?? s.simulation.runs,
    steps: opts.steps ?? (terms.length <= 2 ? 9 : terms.length === 3 ? 5 : 4),
  };
}

/**
 * Searches the terms' ranges on a grid (`steps` values per term; fewer for 3–4 terms), then
 * refines once between neighbouring points on opposite sides of the acceptable set's boundary, and returns the acceptable set, its Pareto frontier and two proposals. In this
 * thread; `workers/designCoordinator.ts` spreads the same search over workers.
 */
export function designContract(
  s: Scenario,
  id: string,
  terms: TermRange[],
  opts: { runs?: number; steps?: number; accept?: Acceptance[]; onProgress?: (done: number, planned: number) => void } = {},
): Design {
  const d = designSetup(s, id, terms, opts);
  s = designScenario(s);
  const ev = designEvaluator(s, id, d.parties, designRuns(s, 0, d.runs));
  return searchDesign(d, (t) => ev.evaluate(t), opts.onProgress);
}
