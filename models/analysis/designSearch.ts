/**
 * The contract designer's search without the simulation: the grid of terms, the refinement along
 * the acceptable set's boundary, each point judged against the parties' limits, the Pareto frontier
 * and the two proposals. The page and the coordinator of the design workers use it; the variants'
 * outcomes come from design.ts in the workers (or in this thread for the command line).
 */
import type { Party } from '../core/names';
import type { Acceptance, TermRange } from './designTerms';

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

/** What one variant does to each party, and whether its care had to be simulated again. */
export interface VariantOutcome {
  outcome: Partial<Record<Party, PartyOutcome>>;
  resimulated: boolean;
}

/** The shortfall a limit is about, in the limit's unit (euros, or a fraction of revenue). */
export function shortfallOf(o: PartyOutcome, a: Pick<Acceptance, 'esUnit' | 'esOver'>): number {
  const es = a.esOver === 'year' ? o.esYear : o.es;
  if (a.esUnit !== 'revenue') return es;
  return es / (a.esOver === 'year' ? o.revenue / o.years : o.revenue);
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
