/**
 * What knowing more is worth for the scenario's own decisions, from one simulation's runs:
 * - the group's go/no-go: go is worth the net saving over the horizon beyond what the target asks
 *   (Σ cf.total − sc.total − target·Σ cf.total, euros), no-go 0;
 * - each signing party's choice among the status quo and the scenario's contracts: its result
 *   over the horizon under each, against the status quo (euros).
 * For each decision: EVPI, EVPPI of every uncertain parameter and of a group of up to three, and
 * for a pilot the EVSI of what an evaluator would see in its first year on n people.
 */
import type { Party } from '../core/names';
import type { Scenario } from '../scenario/schema';
import { compile, type Model } from '../pipeline/compile';
import { simulateBlock } from '../simulation/block';
import type { RunBlock } from '../simulation/columns';
import { finColumn, STATUS_QUO } from '../core/columns';
import { chanceCv } from '../define/personCost';
import { observedSd } from '../summary/detectability';
import { evpi, evppi, evsi, partitionOf, type Evppi, type EvsiPoint, type Voi } from './voi';
import { signingParties } from './designTerms';

export interface DecisionVoi {
  /** `go` (the group's go/no-go on the target) or the party whose choice among contracts it is. */
  decision: 'go' | Party;
  /** The options' names: `noGo`/`go`, or `statusQuo` and the contract ids. */
  options: string[];
  /** Mean net benefit of each option, euros over the horizon. */
  means: number[];
  evpi: Voi;
  /** Per uncertain parameter, in the order of `DecisionValue.parameters`. */
  evppi: Evppi[];
  /** The group's EVPPI, when a group was asked for. */
  group?: Evppi;
  pilot?: EvsiPoint[];
}

export interface DecisionValue {
  runs: number;
  /** Uncertain parameters: path in the scenario file. */
  parameters: string[];
  /** Indices into `parameters` of the group, when asked. */
  group?: number[];
  decisions: DecisionVoi[];
  /** The pilot: people per size, its cost per person, and the first-year SD of its observed savings rate per √person. */
  pilot?: { sizes: number[]; costPerPerson: number; fixedCost: number; cv: number };
}

export interface DecisionValueOptions {
  runs?: number;
  /** Parameter paths to value together (one to three). */
  group?: string[];
  /** Pilot sizes (people, one year) and its cost: fixed + per person, euros. */
  pilot?: { sizes: number[]; fixedCost?: number; costPerPerson?: number };
  bootstrap?: number;
  onProgress?: (done: number, planned: number) => void;
}

export class DecisionValueError extends Error {}

const horizonSum = (b: RunBlock, col: Float64Array, r: number) => {
  let s = 0;
  for (let t = 0; t < b.years; t++) s += col[r * b.years + t];
  return s;
};

/** Net benefits of each decision's options per run. */
export function decisionsOf(model: Model, b: RunBlock): { decision: DecisionVoi['decision']; options: string[]; nb: Float64Array[] }[] {
  const col = (n: string) => b.cols[b.names.indexOf(n)];
  const cf = col('cf.total');
  const sc = col('sc.total');
  const target = model.scenario.simulation.targetReduction;
  const go = Float64Array.from({ length: b.runs }, (_, r) => horizonSum(b, cf, r) - horizonSum(b, sc, r) - target * horizonSum(b, cf, r));
  const out: { decision: DecisionVoi['decision']; options: string[]; nb: Float64Array[] }[] = [{ decision: 'go', options: ['noGo', 'go'], nb: [new Float64Array(b.runs), go] }];
  const contracts = model.scenario.financing?.models ?? [];
  if (contracts.length === 0) return out;
  const parties = [...new Set(contracts.flatMap((m) => signingParties(m.kind)))];
  const result = (m: string, p: Party) => {
    const rev = col(finColumn(m, p, 'revenue'));
    const cost = col(finColumn(m, p, 'cost'));
    return Float64Array.from({ length: b.runs }, (_, r) => horizonSum(b, rev, r) - horizonSum(b, cost, r));
  };
  for (const p of parties) {
    const sq = result(STATUS_QUO, p);
    const nb = [new Float64Array(b.runs), ...contracts.map((m) => result(m.id, p).map((x, r) => x - sq[r]))];
    out.push({ decision: p, options: [STATUS_QUO, ...contracts.map((m) => m.id)], nb });
  }
  return out;
}

/** The uncertain parameters' paths, in the order of `DecisionValue.parameters` (what a group may be picked from). */
export function uncertainParameters(s: Scenario): string[] {
  return compile(s)
    .registry.slots.filter((x) => x.uncertain)
    .map((x) => x.path);
}

/** The value of information of the scenario's decisions on `runs` runs of `s`. */
export function decisionValue(s: Scenario, opts: DecisionValueOptions = {}): DecisionValue {
  const runs = opts.runs ?? s.simulation.runs;
  if (!(runs >= 50)) throw new DecisionValueError('value of information: at least 50 runs');
  s = { ...s, simulation: { ...s.simulation, varianceSplitRuns: 0 } };
  const model = compile(s);
  const slots = model.registry.slots.map((x, i) => ({ ...x, i })).filter((x) => x.uncertain);
  const parameters = slots.map((x) => x.path);
  let group: number[] | undefined;
  if (opts.group?.length) {
    if (opts.group.length > 3) throw new DecisionValueError('value of information: a group of one to three parameters');
    group = opts.group.map((p) => {
      const k = parameters.indexOf(p);
      if (k < 0) throw new DecisionValueError(`value of information: "${p}" is not an uncertain parameter of the scenario`);
      return k;
    });
  }
  const b = simulateBlock(model, 0, runs, 'aggregate');
  const phi = slots.map((x) => Float64Array.from({ length: runs }, (_, r) => b.params[r * b.nParams + x.i]));
  const decisions = decisionsOf(model, b);
  // Each parameter's sort and groups, shared by every decision.
  const partitions = phi.map((x) => partitionOf(x));
  const planned = decisions.length * (parameters.length + (group ? 1 : 0) + (opts.pilot ? 1 : 0));
  let done = 0;
  const tick = () => opts.onProgress?.(++done, planned);
  const cv = chanceCv(model);
  const estimated = model.scenario.benchmark.method !== 'expected';
  const red = b.cols[b.names.indexOf('reduction')];
  // What the evaluator sees of the pilot's first year: the run's true reduction plus the chance
  // noise of n people (the detectability view's normal approximation).
  const truth = Float64Array.from({ length: runs }, (_, r) => red[r * b.years]);
  const pilotCost = (n: number) => (opts.pilot?.fixedCost ?? 0) + (opts.pilot?.costPerPerson ?? 0) * n;
  // Fewer re-fits than `evppi`'s default: every parameter of every decision is fitted.
  const bootstrap = opts.bootstrap ?? 20;
  return {
    runs,
    parameters,
    ...(group ? { group } : {}),
    decisions: decisions.map((full) => {
      const means = full.nb.map((x) => x.reduce((a, v) => a + v, 0) / runs);
      // Options paying the same in every run are one option to the decision (E[max] is unchanged).
      const first = full.nb.map((x, k) => full.nb.findIndex((y, j) => j <= k && y.every((v, r) => v === x[r])));
      const kept = [...new Set(first)];
      const d = { ...full, nb: kept.map((k) => full.nb[k]) };
      if (d.nb.length < 2) d.nb.push(d.nb[0]);
      // The fit diagnostic per option of the decision, duplicates sharing their original's.
      const perOption = <T extends Evppi>(v: T): T => ({ ...v, fits: first.map((k) => v.fits[kept.indexOf(k)]) });
      const e = evpi(d.nb);
      const pp = phi.map((x, k) => {
        const v = perOption(evppi(d.nb, [x], { bootstrap, partition: partitions[k] }));
        tick();
        return v;
      });
      const g = group
        ? perOption(
            evppi(
              d.nb,
              group.map((k) => phi[k]),
              { bootstrap: Math.max(4, Math.round(bootstrap / [1, 1, 2, 4][group.length])) },
            ),
          )
        : undefined;
      if (group) tick();
      const pilot = opts.pilot ? evsi(d.nb, truth, (n) => observedSd(cv, n, estimated ? model.preYears : Infinity), opts.pilot.sizes, { cost: pilotCost, bootstrap }).map(perOption) : undefined;
      if (opts.pilot) tick();
      return { decision: full.decision, options: full.options, means, evpi: e, evppi: pp, ...(g ? { group: g } : {}), ...(pilot ? { pilot } : {}) };
    }),
    ...(opts.pilot ? { pilot: { sizes: opts.pilot.sizes, costPerPerson: opts.pilot.costPerPerson ?? 0, fixedCost: opts.pilot.fixedCost ?? 0, cv } } : {}),
  };
}
