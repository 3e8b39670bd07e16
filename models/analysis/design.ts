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
import { compile, type Model } from '../pipeline/compile';
import { simulateBlock } from '../simulation/block';
import type { RunBlock } from '../simulation/columns';
import { partiesOf } from '../core/columns';
import { summarizeFinancing } from '../summary/financing';
import { selectInPlace } from '../summary/stats';
import { finColumn, STATUS_QUO } from '../core/columns';

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
 * (`share`: a fraction shown as a percentage; `euro`: euros). A stop-loss threshold is left out:
 * each value needs its own simulation.
 */
export const DESIGN_TERMS: Record<string, { path: string; lo: number; hi: number; unit: 'share' | 'euro' }[]> = {
  sharedSavings: [
    { path: 'sharingRate', lo: 0, hi: 1, unit: 'share' },
    { path: 'lossSharingRate', lo: 0, hi: 1, unit: 'share' },
    { path: 'minimumSavingsRate.fixed', lo: 0, hi: 0.05, unit: 'share' },
    { path: 'savingsCap', lo: 0, hi: 0.2, unit: 'share' },
    { path: 'lossCap', lo: 0, hi: 0.2, unit: 'share' },
  ],
  population: [
    { path: 'discount', lo: -0.05, hi: 0.05, unit: 'share' },
    { path: 'corridor.band', lo: 0, hi: 0.1, unit: 'share' },
    { path: 'corridor.rate', lo: 0, hi: 1, unit: 'share' },
    { path: 'stopLoss.loading', lo: 0, hi: 1, unit: 'share' },
  ],
  hospitalBudget: [
    { path: 'glide', lo: 0, hi: 0.06, unit: 'share' },
    { path: 'band', lo: 0, hi: 0.1, unit: 'share' },
    { path: 'marginal', lo: 0, hi: 1, unit: 'share' },
  ],
  bonus: [
    { path: 'perInsured', lo: 0, hi: 50, unit: 'euro' },
    { path: 'costTarget', lo: 0, hi: 0.05, unit: 'share' },
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

interface Evaluator {
  contract: { index: number; kind: string };
  evaluate(terms: Record<string, number>): { outcome: Partial<Record<Party, PartyOutcome>>; resimulated: boolean };
}

/** Settles variants of contract `id` of `s` on the care of one simulation of `runs` runs. */
function evaluator(s: Scenario, id: string, runs: number, parties: readonly Party[]): Evaluator {
  const index = s.financing?.models.findIndex((m) => m.id === id) ?? -1;
  if (index < 0) throw new DesignError({ code: 'designNoContract', params: { id, have: (s.financing?.models ?? []).map((m) => m.id) } });
  const kind = s.financing!.models[index].kind;
  const base = compile(s);
  const block = simulateBlock(base, 0, runs, 'aggregate');
  const care = block.cols.map((c) => c.slice()); // the financing columns are rewritten per variant
  return {
    contract: { index, kind },
    evaluate(terms) {
      const variant = structuredClone(s) as unknown as { financing: { models: Record<string, unknown>[] } };
      for (const [path, v] of Object.entries(terms)) setPath(variant.financing.models[index], path, v);
      const v = validateScenario(variant);
      if (!v.ok) throw new DesignError({ code: 'designInvalidTerms', params: { terms: JSON.stringify(terms), issues: v.errors.map(({ path, code, params }) => ({ path, code, params }) as Issue) } });
      const model = compile(v.scenario);
      let b: RunBlock;
      let resimulated = false;
      if (sameLayout(base, model)) {
        care.forEach((c, i) => block.cols[i].set(c));
        for (let r = 0; r < runs; r++) {
          // The run's own draws, with the varied terms at their new values.
          const theta = block.params.slice(r * block.nParams, (r + 1) * block.nParams);
          model.registry.slots.forEach((slot, i) => {
            if (JSON.stringify(slot.node) !== JSON.stringify(base.registry.slots[i].node)) theta[i] = typeof slot.node === 'number' ? slot.node : 'value' in slot.node ? slot.node.value : NaN;
          });
          model.financing.apply(block, r, theta);
        }
        b = block;
      } else {
        b = simulateBlock(model, 0, runs, 'aggregate');
        resimulated = true;
      }
      // Only the varied contract is summarised: the others do not change between variants.
      const m = summarizeFinancing({ ...model.financing, models: [model.financing.models[index]] }, b).models[0];
      const outcome: Partial<Record<Party, PartyOutcome>> = {};
      for (const p of parties) {
        const r = m.horizon[p];
        const y = yearlyShortfall(b, m.id, p);
        outcome[p] = {
          gain: r.changeVsStatusQuo.mean,
          gainMcse: r.changeVsStatusQuo.mcse,
          pWorse: r.pWorseOff.p,
          pWorseMcse: r.pWorseOff.mcse,
          es: r.changeEs95,
          esMcse: r.changeEs95Mcse,
          esYear: y.es,
          esYearMcse: y.mcse,
          revenue: sqRevenue(b, p),
          years: b.years,
        };
      }
      return { outcome, resimulated };
    },
  };
}

/**
 * The mean shortfall against the status quo in the worst 5% of all run-years, euros per year. Its
 * error is the delta method's with the years of a run taken together (they are not independent):
 * the ES influence ψ = VaR − ES + (L − VaR)·1[L > VaR]/0.05 summed per run, SE = √(Σ_r Ψ_r²)/(R·T).
 */
export function yearlyShortfall(b: RunBlock, model: string, party: Party): { es: number; mcse: number } {
  const col = (m: string, w: 'revenue' | 'cost') => b.cols[b.names.indexOf(finColumn(m, party, w))];
  const [rev, cost, sqRev, sqCost] = [col(model, 'revenue'), col(model, 'cost'), col(STATUS_QUO, 'revenue'), col(STATUS_QUO, 'cost')];
  const n = b.runs * b.years;
  const loss = new Float64Array(n);
  for (let i = 0; i < n; i++) loss[i] = sqRev[i] - sqCost[i] - (rev[i] - cost[i]);
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
function sameLayout(a: Model, b: Model): boolean {
  if (a.registry.slots.length !== b.registry.slots.length) return false;
  if (a.registry.slots.some((s, i) => s.path !== b.registry.slots[i].path)) return false;
  if (a.excessThresholds.join() !== b.excessThresholds.join()) return false;
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

/**
 * Searches the terms' ranges on a grid (`steps` values per term; fewer for 3–4 terms), then, for
 * one or two terms, refines once between neighbouring points on opposite sides of the acceptable
 * set's boundary, and returns the acceptable set, its Pareto frontier and two proposals.
 */
export function designContract(
  s: Scenario,
  id: string,
  terms: TermRange[],
  opts: { runs?: number; steps?: number; accept?: Acceptance[]; onProgress?: (done: number, planned: number) => void } = {},
): Design {
  if (terms.length < 1 || terms.length > 4) throw new DesignError({ code: 'designTermsCount', params: {} });
  const runs = opts.runs ?? s.simulation.runs;
  // The variance split's second replicates are not needed to compare terms.
  s = { ...s, simulation: { ...s.simulation, varianceSplitRuns: 0 } };
  const kind = s.financing?.models.find((m) => m.id === id)?.kind ?? 'ffs';
  const accept = opts.accept ?? defaultAcceptance(kind);
  const parties = [...new Set([...signingParties(kind), ...accept.map((a) => a.party)])];
  const ev = evaluator(s, id, runs, parties);
  const steps = opts.steps ?? (terms.length <= 2 ? 9 : terms.length === 3 ? 5 : 4);
  let resimulated = false;
  const points: DesignPoint[] = [];
  const seen = new Set<string>();
  const at = (values: number[]) => {
    const key = values.map((v) => v.toPrecision(12)).join('|');
    if (seen.has(key)) return;
    seen.add(key);
    const t = Object.fromEntries(terms.map((x, i) => [x.path, values[i]]));
    const r = ev.evaluate(t);
    resimulated ||= r.resimulated;
    const breaks = judge(r.outcome, accept);
    points.push({ terms: t, outcome: r.outcome, acceptable: breaks.length === 0, breaks });
    opts.onProgress?.(points.length, Math.max(points.length, steps ** terms.length));
  };
  const axes = terms.map((t) => grid(t, steps));
  const visit = (prefix: number[]) => {
    if (prefix.length === terms.length) return at(prefix);
    for (const v of axes[prefix.length]) visit([...prefix, v]);
  };
  visit([]);
  if (terms.length <= 2) {
    // Midpoints between neighbours that disagree: the boundary drawn at twice the resolution.
    const coarse = points.slice();
    const idx = (p: DesignPoint) => terms.map((t, k) => Math.round(((p.terms[t.path] - t.lo) / (t.hi - t.lo)) * (steps - 1)));
    const byIdx = new Map(coarse.map((p) => [idx(p).join(), p]));
    for (const p of coarse) {
      const i = idx(p);
      for (let k = 0; k < terms.length; k++) {
        const j = i.slice();
        j[k] += 1;
        const q = byIdx.get(j.join());
        if (q && q.acceptable !== p.acceptable) at(terms.map((t) => (p.terms[t.path] + q.terms[t.path]) / 2));
      }
    }
  }
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
  return { contract: id, terms, accept, runs, steps, resimulated, points, pareto, nash: nash !== null && product(nash) > 0 ? nash : null, equalShares, binding };
}
