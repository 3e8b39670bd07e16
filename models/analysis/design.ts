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
import { partiesOf } from '../core/columns';
import { changeRisk, horizonResults } from '../summary/financing';
import { selectInPlace } from '../summary/stats';
import { finColumn, STATUS_QUO } from '../core/columns';
import { FinancingSchema, type FinancingModel } from '../scenario/contracts';
import { settlementOf } from '../finance/plan';
import { KINDS } from '../finance/kinds';
import type { ContractKind } from '../finance/kinds/kind';

/** A term of the contract with the range to search: a path inside the contract, e.g. `sharingRate`, `corridor.band`. */
export interface TermRange {
  path: string;
  lo: number;
  hi: number;
}

/** Short names for the terms steering groups name most. */
export const TERM_ALIASES: Record<string, string> = {
  msr: 'minimumSavingsRate.fixed',
  mlr: 'minimumLossRate.fixed',
  share: 'sharingRate',
  lossShare: 'lossSharingRate',
};

/**
 * The terms of each contract kind a steering group negotiates, with the range searched by default
 * (`share`: a fraction shown as a percentage; `euro`: euros). A stop-loss threshold and the
 * contract's coverage change what the simulation records, so each of their values is simulated
 * again on the same draws (slower, and said in the view). Coverage is offered on every contract
 * (absent it is 100%).
 */
export const DESIGN_TERMS: Record<string, { path: string; lo: number; hi: number; unit: 'share' | 'euro' }[]> = {
  sharedSavings: [
    { path: 'sharingRate', lo: 0, hi: 1, unit: 'share' },
    { path: 'lossSharingRate', lo: 0, hi: 1, unit: 'share' },
    { path: 'minimumSavingsRate.fixed', lo: 0, hi: 0.05, unit: 'share' },
    { path: 'savingsCap', lo: 0, hi: 0.2, unit: 'share' },
    { path: 'lossCap', lo: 0, hi: 0.2, unit: 'share' },
    { path: 'coverage', lo: 0.2, hi: 1, unit: 'share' },
  ],
  population: [
    { path: 'discount', lo: -0.05, hi: 0.05, unit: 'share' },
    { path: 'corridor.band', lo: 0, hi: 0.1, unit: 'share' },
    { path: 'corridor.rate', lo: 0, hi: 1, unit: 'share' },
    { path: 'stopLoss.loading', lo: 0, hi: 1, unit: 'share' },
    { path: 'stopLoss.threshold', lo: 25_000, hi: 250_000, unit: 'euro' },
    { path: 'coverage', lo: 0.2, hi: 1, unit: 'share' },
  ],
  hospitalBudget: [
    { path: 'glide', lo: 0, hi: 0.06, unit: 'share' },
    { path: 'band', lo: 0, hi: 0.1, unit: 'share' },
    { path: 'marginal', lo: 0, hi: 1, unit: 'share' },
    { path: 'coverage', lo: 0.2, hi: 1, unit: 'share' },
  ],
  bonus: [
    { path: 'perInsured', lo: 0, hi: 50, unit: 'euro' },
    { path: 'costTarget', lo: 0, hi: 0.05, unit: 'share' },
    { path: 'coverage', lo: 0.2, hi: 1, unit: 'share' },
  ],
};

/** What one party can accept, over the horizon, as the change against the status quo. */
export interface Acceptance {
  party: Party;
  /** Least mean change of its result against the status quo, euros over the horizon (default 0). */
  minMeanGain: number;
  /** Highest chance of being worse off than under the status quo (default 0.5). */
  maxPWorse: number;
  /**
   * Largest mean shortfall against the status quo in the worst 5% (default: none): euros, or with
   * `esUnit: 'revenue'` a fraction of the party's mean revenue under the status quo (over the
   * horizon, or per year with `esOver: 'year'`).
   */
  maxEs?: number;
  esUnit?: 'euro' | 'revenue';
  /** The worst 5% of runs over the whole horizon (default), or of all simulated years (run × year). */
  esOver?: 'horizon' | 'year';
}

export interface PartyOutcome {
  gain: number;
  gainMcse: number;
  pWorse: number;
  pWorseMcse: number;
  es: number;
  esMcse: number;
  /** The same over the worst 5% of all simulated years (run × year), euros per year. */
  esYear: number;
  esYearMcse: number;
  /** Mean revenue under the status quo, euros over the horizon: the reference of a limit in % of revenue. */
  revenue: number;
  years: number;
}

export interface DesignPoint {
  terms: Record<string, number>;
  outcome: Partial<Record<Party, PartyOutcome>>;
  acceptable: boolean;
  /** The limits this point breaks: party, which limit, and by how much (in the limit's unit: euros, probability or fraction of revenue). */
  breaks: { party: Party; limit: 'minMeanGain' | 'maxPWorse' | 'maxEs'; by: number }[];
}

export interface Design {
  contract: string;
  terms: TermRange[];
  accept: Acceptance[];
  runs: number;
  /** Values per term on the first grid; points between them are the refinement along the boundary. */
  steps: number;
  /** True when variants were simulated again (same seeds) because they change what is recorded. */
  resimulated: boolean;
  points: DesignPoint[];
  /** Acceptable points that no other acceptable point betters for every party's mean gain. */
  pareto: number[];
  /** The acceptable point with the largest product of the signing parties' mean gains (Nash bargaining), or null. */
  nash: number | null;
  /** The acceptable point whose parties' mean gains are closest to equal (smallest max − min), or null. */
  equalShares: number | null;
  /** When nothing is acceptable: per party and limit, the smallest amount by which it is broken over all points. */
  binding: { party: Party; limit: DesignPoint['breaks'][number]['limit']; by: number }[];
}

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

/** The parties that sign the contract: the insurer and the providers it pays (the integrator under population-based payment). */
export function signingParties(kind: string): Party[] {
  return partiesOf(kind).filter((p) => p !== 'municipality' && p !== 'patients') as Party[];
}

export function defaultAcceptance(kind: string): Acceptance[] {
  return signingParties(kind).map((party) => ({ party, minMeanGain: 0, maxPWorse: 0.5 }));
}

/** What one variant does to each party, and whether its care had to be simulated again. */
export interface VariantOutcome {
  outcome: Partial<Record<Party, PartyOutcome>>;
  resimulated: boolean;
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

/** The shortfall a limit is about, in the limit's unit (euros, or a fraction of revenue). */
export function shortfallOf(o: PartyOutcome, a: Pick<Acceptance, 'esUnit' | 'esOver'>): number {
  const es = a.esOver === 'year' ? o.esYear : o.es;
  if (a.esUnit !== 'revenue') return es;
  return es / (a.esOver === 'year' ? o.revenue / o.years : o.revenue);
}

/** Same parameter slots and the same recorded columns: the variant can be settled on the stored care. */
function sameLayout(a: ModelDefinition, b: ModelDefinition): boolean {
  if (a.registry.slots.length !== b.registry.slots.length) return false;
  if (a.registry.slots.some((s, i) => s.path !== b.registry.slots[i].path)) return false;
  if (a.excessThresholds.join() !== b.excessThresholds.join() || a.coverageLevels.join() !== b.coverageLevels.join()) return false;
  // A varied term must be a plain number in the variant (it is set to one).
  return b.registry.slots.every((s, i) => JSON.stringify(s.node) === JSON.stringify(a.registry.slots[i].node) || typeof s.node === 'number' || !('dist' in s.node));
}

function judge(outcome: Partial<Record<Party, PartyOutcome>>, accept: Acceptance[]): DesignPoint['breaks'] {
  const out: DesignPoint['breaks'] = [];
  for (const a of accept) {
    const o = outcome[a.party];
    if (!o) continue;
    if (o.gain < a.minMeanGain) out.push({ party: a.party, limit: 'minMeanGain', by: a.minMeanGain - o.gain });
    if (o.pWorse > a.maxPWorse) out.push({ party: a.party, limit: 'maxPWorse', by: o.pWorse - a.maxPWorse });
    if (a.maxEs !== undefined && shortfallOf(o, a) > a.maxEs) out.push({ party: a.party, limit: 'maxEs', by: shortfallOf(o, a) - a.maxEs });
  }
  return out;
}

// The ends exactly: lo + (hi − lo)·1 can round past hi (0.2 + 0.8 = 1.0000000000000002), outside the field's range.
const grid = (t: TermRange, n: number) => Array.from({ length: n }, (_, i) => (i === n - 1 ? t.hi : t.lo + ((t.hi - t.lo) * i) / (n - 1)));

/** What a search needs besides its variants' outcomes: the contract's kind, the limits, who is judged, values per term. */
export interface DesignSetup {
  contract: string;
  terms: TermRange[];
  accept: Acceptance[];
  parties: Party[];
  runs: number;
  steps: number;
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

/** The points of the first grid, `steps` values per term, in order (the first term varies slowest). */
export function gridPoints(d: DesignSetup): Record<string, number>[] {
  const axes = d.terms.map((t) => grid(t, d.steps));
  const out: Record<string, number>[] = [];
  const visit = (prefix: number[]) => {
    if (prefix.length === d.terms.length) return void out.push(Object.fromEntries(d.terms.map((x, i) => [x.path, prefix[i]])));
    for (const v of axes[prefix.length]) visit([...prefix, v]);
  };
  visit([]);
  return out;
}

/** Whether `v` is one of the first grid's values of term `t` (else a refined point's, half-way between two). */
export function onGrid(v: number, t: TermRange, steps: number): boolean {
  const k = ((v - t.lo) / (t.hi - t.lo)) * (steps - 1);
  return Math.abs(k - Math.round(k)) < 1e-6;
}

/**
 * The midpoints between grid neighbours (along one term, the others equal) on opposite sides of the
 * acceptable set's boundary: the boundary at twice the resolution, for any number of terms.
 */
export function refinementPoints(d: DesignSetup, coarse: DesignPoint[]): Record<string, number>[] {
  const { terms, steps } = d;
  const idx = (p: DesignPoint) => terms.map((t) => Math.round(((p.terms[t.path] - t.lo) / (t.hi - t.lo)) * (steps - 1)));
  const byIdx = new Map(coarse.map((p) => [idx(p).join(), p]));
  const out: Record<string, number>[] = [];
  for (const p of coarse) {
    const i = idx(p);
    for (let k = 0; k < terms.length; k++) {
      const j = i.slice();
      j[k] += 1;
      const q = byIdx.get(j.join());
      if (q && q.acceptable !== p.acceptable) out.push(Object.fromEntries(terms.map((t) => [t.path, (p.terms[t.path] + q.terms[t.path]) / 2])));
    }
  }
  return out;
}

/** Points not yet seen (by their terms to 12 digits), each once, in order; `seen` is updated. */
export function newPoints(points: Record<string, number>[], seen: Set<string>): Record<string, number>[] {
  return points.filter((t) => {
    const key = Object.values(t)
      .map((v) => v.toPrecision(12))
      .join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A variant's point: its outcome judged against every party's limits. */
export function designPoint(d: DesignSetup, terms: Record<string, number>, outcome: Partial<Record<Party, PartyOutcome>>): DesignPoint {
  const breaks = judge(outcome, d.accept);
  return { terms, outcome, acceptable: breaks.length === 0, breaks };
}

/** The acceptable set's Pareto frontier, the two proposals and, when nothing is acceptable, the limits that bind. */
export function designResult(d: DesignSetup, points: DesignPoint[], resimulated: boolean): Design {
  const { accept } = d;
  const ok = points.map((p, i) => (p.acceptable ? i : -1)).filter((i) => i >= 0);
  const signers = accept.map((a) => a.party);
  const gains = (i: number) => signers.map((p) => points[i].outcome[p]!.gain);
  const pareto = ok.filter((i) => !ok.some((j) => j !== i && gains(j).every((g, k) => g >= gains(i)[k]) && gains(j).some((g, k) => g > gains(i)[k])));
  const product = (i: number) => gains(i).reduce((s, g) => s * Math.max(g, 0), 1);
  const nash = ok.length ? ok.reduce((b, i) => (product(i) > product(b) ? i : b), ok[0]) : null;
  const spread = (i: number) => Math.max(...gains(i)) - Math.min(...gains(i));
  const equalShares = ok.length ? ok.reduce((b, i) => (spread(i) < spread(b) ? i : b), ok[0]) : null;
  const binding: Design['binding'] = [];
  if (ok.length === 0) {
    // The limit that no point meets, with the least it is broken by: what a party would have to give.
    for (const a of accept)
      for (const limit of ['minMeanGain', 'maxPWorse', 'maxEs'] as const) {
        const br = points.map((p) => p.breaks.find((b) => b.party === a.party && b.limit === limit)?.by ?? 0);
        if (br.every((b) => b > 0)) binding.push({ party: a.party, limit, by: Math.min(...br) });
      }
  }
  return {
    contract: d.contract,
    terms: d.terms,
    accept,
    runs: d.runs,
    steps: d.steps,
    resimulated,
    points,
    pareto,
    nash: nash !== null && product(nash) > 0 ? nash : null,
    equalShares,
    binding,
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

/** The search of `designContract` in this thread with any variant's outcome: the first grid, then the refinement along the boundary. */
export function searchDesign(d: DesignSetup, evaluate: (terms: Record<string, number>) => VariantOutcome, onProgress?: (done: number, planned: number) => void): Design {
  let resimulated = false;
  const points: DesignPoint[] = [];
  const seen = new Set<string>();
  const planned = d.steps ** d.terms.length;
  const evaluateAll = (list: Record<string, number>[]) => {
    for (const t of newPoints(list, seen)) {
      const r = evaluate(t);
      resimulated ||= r.resimulated;
      points.push(designPoint(d, t, r.outcome));
      onProgress?.(points.length, Math.max(points.length, planned));
    }
  };
  evaluateAll(gridPoints(d));
  evaluateAll(refinementPoints(d, points.slice()));
  return designResult(d, points, resimulated);
}
