import { makeSamplers, type Samplers } from '../random/samplers';
import { aleaFromState, STREAMS, streamFor, type AleaState } from '../random/rng';
import { LINES, PAYERS } from '../core/names';
import { drawParams } from '../params/registry';
import { severityLogParams, val, type InterventionModel, type SubstitutionModel } from '../define/definition';
import type { Model } from './model';
import { allocBlock, blockColumns, type Layout, type RunBlock } from './columns';
import { finColumn, partiesOf, twinResultColumn } from '../core/columns';
import { aggregateSegmentYear } from './aggregate';
import { personSegmentYear } from './person';
import { expectedSegmentYear } from './expected';
import { addTally, newTally, resetTally, type BehaviourWorld, type Cut, type LinePlan, type Move, type SegmentYearPlan, type SegmentYearSimulator, type Tally } from './plan';
import { behaviourAt } from '../define/behaviour';
import type { BehaviourWorldModel } from '../define/definition';
import { exp, ipow, log } from '../random/math';
import type { KeptRuns } from './keptCare';

export type Mode = 'aggregate' | 'person';

/** Thrown out of a run that was told to stop; the caller keeps the runs finished before it. */
export const RUN_STOPPED: unique symbol = Symbol('run stopped');

const NL = LINES.length;

/** Fraction of the target segments reached in year t (linear ramp from the start year). */
export function reachAt(theta: Float64Array, iv: InterventionModel, t: number): number {
  if (t < iv.startYear) return 0;
  const ramp = val(theta, iv.rampYears);
  const r = ramp <= 0 ? 1 : Math.min(1, (t - iv.startYear + 1) / ramp);
  return val(theta, iv.reachMax) * r;
}

/** Share of the full effect visible in year t among people reached, after the time to effect. */
export function effectAt(theta: Float64Array, iv: InterventionModel, t: number): number {
  if (t < iv.startYear) return 0;
  return Math.min(1, Math.max(0, t - iv.startYear + 1 - val(theta, iv.lagYears)));
}

/** Fraction of eligible contacts moved in year t: a logistic uptake curve after the start year. */
export function uptakeAt(theta: Float64Array, sub: SubstitutionModel, t: number): number {
  if (t < sub.startYear) return 0;
  const x = t - sub.startYear - val(theta, sub.midpoint);
  return 1 / (1 + exp(-val(theta, sub.steepness) * x));
}

const shapeOf = (cv: number) => (cv > 0 ? 1 / (cv * cv) : Infinity);

/** Everything one run needs besides θ: its generators, one per stream. */
interface RunStreams {
  base: Samplers;
  quality: Samplers;
  subs: Samplers[];
  ivs: Samplers[];
  /** One per behaviour world, each pointed at its own copy of the behaviour stream when its care is drawn. */
  worlds: Samplers[];
  /** The behaviour stream's start state in this replicate (every world's draws start from it). */
  behaviour: AleaState | null;
}

function makeStreams(model: Model): RunStreams {
  const none = (): number => {
    throw new Error('sampler used before a stream was set');
  };
  return {
    base: makeSamplers(none),
    quality: makeSamplers(none),
    subs: model.substitutions.map(() => makeSamplers(none)),
    ivs: model.interventions.map(() => makeSamplers(none)),
    worlds: (model.behaviour?.worlds ?? []).map(() => makeSamplers(none)),
    behaviour: null,
  };
}

/** Points the simulator's samplers at run `run`'s streams (replicate '' or the twin's prefix). */
function seedStreams(rs: RunStreams, model: Model, run: number, replicate: string): RunStreams {
  const g = (name: string) => streamFor(model.seed, run, replicate + name);
  rs.base.use(g(STREAMS.base));
  rs.quality.use(g(STREAMS.quality));
  model.substitutions.forEach((x, i) => rs.subs[i].use(g(STREAMS.actionOf(x.block))));
  model.interventions.forEach((x, i) => rs.ivs[i].use(g(STREAMS.actionOf(x.block))));
  rs.behaviour = rs.worlds.length > 0 ? (g(STREAMS.behaviour).state ?? null) : null;
  return rs;
}

/** Where a run's twin values go (first four) and, in the scratch block, where they come from. */
interface TwinCols {
  reduction: Float64Array;
  cf: Float64Array;
  sc: Float64Array;
  fin: Float64Array[];
  srcReduction: Float64Array;
  srcCf: Float64Array;
  srcSc: Float64Array;
  srcRev: Float64Array[];
  srcCost: Float64Array[];
}

/** Per-year results of one simulated horizon (years 0..H−1), before they are written to columns. */
interface YearOut {
  tally: Tally;
  population: number;
  ivCostBy: Float64Array;
  qualityCf: number;
  qualitySc: number;
}

/**
 * Simulates one run: θ drawn once, then pre-contract years (for the benchmark) and the horizon,
 * counterfactual and scenario together on common random numbers.
 */
/**
 * Optional stopwatch for the benchmark: the time spent in each part of a run, accumulated over
 * runs. `clock` is the caller's (models stay free of any platform timer).
 */
export interface PartTimer {
  clock: () => number;
  /** Parameter draws, the run's replicate and its financing. */
  main: number;
  /** The variance split's twin replicate and its financing. */
  twin: number;
}

export class RunSimulator {
  /** Set by a benchmark to time the parts of each run; null otherwise. */
  timer: PartTimer | null = null;

  private readonly segYear: SegmentYearSimulator;
  private readonly tally: Tally;
  private readonly ivCostBy = new Float64Array(PAYERS.length);
  private readonly rs: RunStreams;
  private readonly plans: SegmentYearPlan[];
  private readonly pool: { cuts: Cut[][]; moves: Move[][]; hcCuts: Cut[] }[];
  private readonly ivWeight: Float64Array;
  private readonly worlds: WorldState[];
  /** The worlds whose care is drawn in the run being simulated: one per distinct response (all plans share this array). */
  private readonly drawn: BehaviourWorld[] = [];

  constructor(
    private readonly model: Model,
    private readonly layout: Layout,
    mode: Mode,
  ) {
    const sim = model.scenario.simulation;
    this.segYear = !sim.randomVariation ? expectedSegmentYear : mode === 'person' ? personSegmentYear : aggregateSegmentYear;
    this.tally = newTally(NL, model.excessThresholds.length);
    this.rs = makeStreams(model);
    const base = this.rs.base;
    const cut = (_: unknown, iv: number): Cut => ({ f: 0, rng: base, iv });
    const move = (): Move => ({ f: 0, rng: base, to: 0, toMu: 0, toAlpha: Infinity, additionality: 0, refill: 0, sub: 0 });
    this.ivWeight = new Float64Array(model.interventions.length);
    this.sizes = new Float64Array(model.segments.length);
    this.expected = new Float64Array(model.horizon * NL);
    this.pool = model.segments.map(() => ({
      cuts: LINES.map(() => model.interventions.map(cut)),
      moves: LINES.map(() => model.substitutions.map(move)),
      hcCuts: model.interventions.map(cut),
    }));
    const L = model.coverageLevels.length;
    this.cov =
      L === 0
        ? null
        : {
            levels: model.coverageLevels,
            tallies: model.coverageLevels.map(() => newTally(NL, model.excessThresholds.length)),
            piece: newTally(NL, model.excessThresholds.length),
            pop: new Float64Array(L),
            lineAt0: new Float64Array(L * NL),
            g: 0,
            states: model.segments.map(() => Array.from({ length: L + 1 }, () => ({ prevCases: -1, prevN: 0, flags: new Uint8Array(0) }))),
          };
    const nt = model.excessThresholds.length;
    this.worlds = (model.behaviour?.worlds ?? []).map((w, self) => {
      const total = newTally(NL, nt);
      const level = w.coverage < 1 ? model.coverageLevels.indexOf(w.coverage) : -1;
      return {
        model: w,
        world: {
          volume: new Float64Array(NL),
          uptake: new Float64Array(model.substitutions.length),
          reach: new Float64Array(model.interventions.length),
          reachResponds: false,
          rng: base,
          tally: total,
        },
        total,
        piece: newTally(NL, nt),
        level,
        covered: level >= 0 ? newTally(NL, nt) : null,
        self,
        rep: -1,
      };
    });
    const worlds = this.drawn;
    this.plans = model.segments.map((seg) => ({
      n: 0,
      scenarioActive: false,
      worlds,
      lines: seg.lines.map((u): LinePlan | null =>
        u ? { lambda: 0, k: Infinity, mu: 0, alpha: Infinity, cuts: [], nCuts: 0, priceFactor: 1, priceCut: new Float64Array(model.interventions.length), moves: [], nMoves: 0 } : null,
      ),
      highCost: seg.highCost ? { rate: 0, mu: 0, sigma: 0, cuts: [], nCuts: 0, thresholds: model.excessThresholds, persistence: 0, prevCases: -1, prevN: 0, flags: new Uint8Array(0) } : null,
    }));
  }

  /**
   * Asked between segment-years (the unit of work, bounded at validation); when it says true the
   * run in progress is abandoned by throwing RUN_STOPPED, so a cancel need not wait for a slow run.
   */
  stop: (() => boolean) | null = null;

  /**
   * Simulates run `run` and writes it at row block position `slot` of `out`. With `kept` (the care
   * this chunk's runs had last time, row `slot` for this run) a run whose care parameters drew the
   * same θ is only settled again; any other run is simulated and its care kept.
   */
  run(run: number, out: RunBlock, slot: number, kept: KeptRuns | null = null): void {
    const m = this.model;
    const sim = m.scenario.simulation;
    const clock = this.timer?.clock;
    const t0 = clock ? clock() : 0;
    const theta = kept?.thetaOf(slot) ?? drawParams(m.registry, m.blocks, m.seed, run, sim.parameterUncertainty, m.correlation);
    out.params.set(theta, slot * out.nParams);
    const reuse = kept !== null && kept.matches(slot, theta);
    if (reuse) kept.restore(slot, out.cols, slot);
    else {
      this.replicate(theta, seedStreams(this.rs, m, run, ''), out, slot);
      kept?.keep(slot, out.cols, slot);
    }
    m.financing.apply(out, slot, theta);

    // The variance split's second replicate: same θ, its own random streams, simulated and settled
    // in full (benchmark from its own pre-contract years included) in a one-run scratch block.
    const H = m.horizon;
    const row0 = slot * H;
    const twin = run < sim.varianceSplitRuns && sim.randomVariation;
    const T = this.twinCols(out);
    const t1 = clock ? clock() : 0;
    if (twin) {
      const sb = this.scratch();
      if (reuse) kept.restore(slot, sb.cols, 0, true);
      else {
        this.replicate(theta, seedStreams(this.rs, m, run, `${STREAMS.twin}:`), sb, 0);
        kept?.keep(slot, sb.cols, 0, true);
      }
      m.financing.apply(sb, 0, theta);
      const S = this.twinCols(sb);
      for (let t = 0; t < H; t++) {
        T.reduction[row0 + t] = S.srcReduction[t];
        T.cf[row0 + t] = S.srcCf[t];
        T.sc[row0 + t] = S.srcSc[t];
        for (let k = 0; k < T.fin.length; k++) T.fin[k][row0 + t] = S.srcRev[k][t] - S.srcCost[k][t];
      }
    } else
      for (let t = 0; t < H; t++) {
        T.reduction[row0 + t] = NaN;
        T.cf[row0 + t] = NaN;
        T.sc[row0 + t] = NaN;
        for (let k = 0; k < T.fin.length; k++) T.fin[k][row0 + t] = NaN;
      }
    if (!reuse) kept?.done(slot, theta);
    if (clock) {
      const t2 = clock();
      this.timer!.main += t1 - t0;
      this.timer!.twin += t2 - t1;
    }
  }

  private scratchBlock: RunBlock | null = null;
  private scratch(): RunBlock {
    if (!this.scratchBlock) this.scratchBlock = allocBlock(blockColumns(this.model, this.layout), 0, 1, this.model.horizon, this.model.registry.slots.length);
    return this.scratchBlock;
  }

  private readonly twinCache = new WeakMap<RunBlock, TwinCols>();
  /** A block's twin columns (to write) and the columns a twin's values come from (when it is the scratch block). */
  private twinCols(b: RunBlock): TwinCols {
    let c = this.twinCache.get(b);
    if (c) return c;
    const L = this.layout;
    const I = new Map(b.names.map((n, i) => [n, i]));
    const col = (name: string) => b.cols[I.get(name)!];
    const models = this.model.financing.models.flatMap((fm) => partiesOf(fm.kind).map((p) => [fm.id, p] as const));
    c = {
      reduction: b.cols[L.twinReduction],
      cf: b.cols[L.twinCfTotal],
      sc: b.cols[L.twinScTotal],
      fin: models.map(([id, p]) => col(twinResultColumn(id, p))),
      srcReduction: b.cols[L.reduction],
      srcCf: b.cols[L.cf.total],
      srcSc: b.cols[L.sc.total],
      srcRev: models.map(([id, p]) => col(finColumn(id, p, 'revenue'))),
      srcCost: models.map(([id, p]) => col(finColumn(id, p, 'cost'))),
    };
    this.twinCache.set(b, c);
    return c;
  }

  /** One replicate of run θ with streams `rs`: every engine column of run `slot` of `out`, benchmark included. */
  private replicate(theta: Float64Array, rs: RunStreams, out: RunBlock, slot: number): void {
    const m = this.model;
    const H = m.horizon;
    const L = this.layout;
    const row0 = slot * H;
    const cols = out.cols;
    const expectedBenchmark = m.scenario.benchmark.method === 'expected';
    this.expected.fill(0);
    this.distinctWorlds(theta, rs);
    const bench = this.horizon(theta, rs, (t, y) => {
      const r = row0 + t;
      const tl = y.tally;
      let cfTotal = 0;
      let scTotal = 0;
      for (let l = 0; l < NL; l++) {
        const cfHc = l === HOSPITAL ? tl.cfHcCost : 0;
        const scHc = l === HOSPITAL ? tl.scHcCost : 0;
        cols[L.cf.claims[l]][r] = tl.cfClaims[l] + cfHc;
        cols[L.sc.claims[l]][r] = tl.scClaims[l] + scHc;
        cols[L.cf.contacts[l]][r] = tl.cfContacts[l];
        cols[L.sc.contacts[l]][r] = tl.scContacts[l];
        cols[L.movedOut[l]][r] = tl.movedOut[l];
        cols[L.movedIn[l]][r] = tl.movedIn[l];
        cols[L.added[l]][r] = tl.added[l];
        cfTotal += tl.cfClaims[l] + cfHc;
        scTotal += tl.scClaims[l] + scHc;
      }
      let ivCost = 0;
      for (let p = 0; p < PAYERS.length; p++) {
        cols[L.interventionCostBy[p]][r] = y.ivCostBy[p];
        ivCost += y.ivCostBy[p];
      }
      scTotal += ivCost;
      cols[L.interventionCost][r] = ivCost;
      cols[L.cf.total][r] = cfTotal;
      cols[L.sc.total][r] = scTotal;
      cols[L.cf.highCostCases][r] = tl.cfHcCases;
      cols[L.sc.highCostCases][r] = tl.scHcCases;
      cols[L.cf.highCostCost][r] = tl.cfHcCost;
      cols[L.sc.highCostCost][r] = tl.scHcCost;
      for (let j = 0; j < m.excessThresholds.length; j++) {
        cols[L.cf.excess[j]][r] = tl.cfExcess[j];
        cols[L.sc.excess[j]][r] = tl.scExcess[j];
      }
      cols[L.population][r] = y.population;
      cols[L.reduction][r] = 1 - scTotal / cfTotal;
      cols[L.cf.quality][r] = y.qualityCf;
      cols[L.sc.quality][r] = y.qualitySc;
      for (let i = 0; i < this.worlds.length; i++) {
        const ws = this.worlds[i];
        const W = L.worlds[i];
        // A neutral world's care is the scenario's; a world responding as an earlier one did is that world's.
        const src = ws.rep < 0 ? null : this.worlds[ws.rep];
        const wt = src ? src.total : tl;
        const wc = src ? src.covered : ws.level >= 0 ? this.cov!.tallies[ws.level] : null;
        let total = ivCost;
        for (let l = 0; l < NL; l++) {
          const x = wt.scClaims[l] + (l === HOSPITAL ? wt.scHcCost : 0);
          cols[W.claims[l]][r] = x;
          cols[W.contacts[l]][r] = wt.scContacts[l];
          cols[W.movedOut[l]][r] = wt.movedOut[l];
          total += x;
        }
        cols[W.total][r] = total;
        cols[W.reduction][r] = 1 - total / cfTotal;
        if (W.covered && wc)
          for (let l = 0; l < NL; l++) {
            cols[W.covered.claims[l]][r] = wc.scClaims[l] + (l === HOSPITAL ? wc.scHcCost : 0);
            cols[W.covered.movedOut[l]][r] = wc.movedOut[l];
          }
      }
      const cov = this.cov;
      if (cov)
        for (let j = 0; j < cov.levels.length; j++) {
          const C = L.covered[j];
          const ct = cov.tallies[j];
          cols[C.population][r] = cov.pop[j];
          for (let l = 0; l < NL; l++) {
            cols[C.claims[0][l]][r] = ct.cfClaims[l] + (l === HOSPITAL ? ct.cfHcCost : 0);
            cols[C.claims[1][l]][r] = ct.scClaims[l] + (l === HOSPITAL ? ct.scHcCost : 0);
            cols[C.movedOut[l]][r] = ct.movedOut[l];
          }
          for (let k = 0; k < m.excessThresholds.length; k++) {
            cols[C.excess[0][k]][r] = ct.cfExcess[k];
            cols[C.excess[1][k]][r] = ct.scExcess[k];
          }
        }
    });
    for (let t = 0; t < H; t++) {
      const r = row0 + t;
      let B = 0;
      for (let l = 0; l < NL; l++) {
        const b = expectedBenchmark ? this.expected[t * NL + l] : bench(t, cols[L.population][r], l);
        cols[L.benchmarkLine[l]][r] = b;
        if (expectedBenchmark) B += b;
      }
      if (!expectedBenchmark) B = bench(t, cols[L.population][r]);
      cols[L.benchmark][r] = B;
      for (let i = 0; i < this.worlds.length; i++) {
        const own = L.worlds[i].benchmarkLine;
        if (own) for (let l = 0; l < NL; l++) cols[own[l]][r] = bench(t, cols[L.population][r], l, 2 + i);
      }
      // Rebased on realised cost, each world's benchmark follows its own cost: the counterfactual's
      // observed savings (what chance alone shows) are measured against its own rebased benchmark.
      const Bcf = m.rebase && !expectedBenchmark ? bench(t, cols[L.population][r], undefined, 0) : B;
      cols[L.cf.observedSavings][r] = (Bcf - cols[L.cf.total][r]) / Bcf;
      const cov = this.cov;
      if (cov)
        for (let j = 0; j < cov.levels.length; j++) {
          const C = L.covered[j];
          for (let l = 0; l < NL; l++) cols[C.benchmarkLine[l]][r] = cols[C.population][r] * cov.lineAt0[j * NL + l] * ipow(1 + cov.g, t);
        }
      cols[L.sc.observedSavings][r] = (B - cols[L.sc.total][r]) / B;
    }
  }

  /**
   * Runs pre-contract years and the horizon; calls `emit` for each horizon year and returns the
   * benchmark function B(t, population) estimated from the pre-contract years.
   */
  private horizon(theta: Float64Array, rs: RunStreams, emit: (t: number, y: YearOut) => void): (t: number, pop: number, line?: number, world?: number) => number {
    const m = this.model;
    const P = m.preYears;
    const tally = this.tally;
    const g = val(theta, m.benchmarkTrend);
    const w = m.benchmarkWeights;
    const hist = m.rebase ? this.history() : null;
    let perCapAt0 = 0;
    const lineAt0 = new Float64Array(NL);
    if (this.cov) {
      this.cov.lineAt0.fill(0);
      this.cov.g = g;
    }
    for (let t = -P; t < m.horizon; t++) {
      resetTally(tally);
      for (const w of this.worlds) {
        if (w.rep !== w.self) continue;
        resetTally(w.total);
        if (w.covered) resetTally(w.covered);
      }
      if (this.cov) for (let j = 0; j < this.cov.levels.length; j++) (resetTally(this.cov.tallies[j]), (this.cov.pop[j] = 0));
      this.ivCostBy.fill(0);
      let population = 0;
      for (let s = 0; s < m.segments.length; s++) this.sizes[s] = this.computeSize(theta, s, t);
      for (let s = 0; s < m.segments.length; s++) {
        if (this.stop !== null && this.stop()) throw RUN_STOPPED;
        const plan = this.plan(theta, rs, s, t);
        population += plan.n;
        if (t >= 0) this.addExpected(plan, t);
        if (this.cov) this.pieces(this.cov, plan, s, t, rs.base);
        else this.segYear(plan, rs.base, tally);
      }
      if (hist) this.record(hist, t, population);
      if (this.cov && t < 0) this.coveredBase(this.cov, t, g);
      if (t < 0) {
        let total = tally.cfHcCost;
        for (let l = 0; l < NL; l++) total += tally.cfClaims[l];
        // Each pre-contract year's cost per person, projected to year 0 with the contract's trend.
        if (w) {
          perCapAt0 += (total / population) * ipow(1 + g, -t) * w[t + P];
          for (let l = 0; l < NL; l++) lineAt0[l] += ((tally.cfClaims[l] + (l === HOSPITAL ? tally.cfHcCost : 0)) / population) * ipow(1 + g, -t) * w[t + P];
        } else {
          perCapAt0 += ((total / population) * ipow(1 + g, -t)) / P;
          for (let l = 0; l < NL; l++) lineAt0[l] += (((tally.cfClaims[l] + (l === HOSPITAL ? tally.cfHcCost : 0)) / population) * ipow(1 + g, -t)) / P;
        }
        continue;
      }
      const { qualityCf, qualitySc } = this.quality(theta, rs, t, population);
      this.interventionCosts(theta, t);
      emit(t, { tally, population, ivCostBy: this.ivCostBy, qualityCf, qualitySc });
    }
    if (hist) {
      const perCap = this.rebased(hist, theta, g, perCapAt0, lineAt0);
      return (t, pop, line, world = 1) => pop * perCap[(world * m.horizon + t) * (NL + 1) + (line === undefined ? NL : line)];
    }
    // Projected per person, then times the population: the rebased path's order, so that rebasing
    // with a ratchet of 0, and the years before the first rebasing, give the same bits.
    return (t, pop, line) => pop * ((line === undefined ? perCapAt0 : lineAt0[line]) * ipow(1 + g, t));
  }

  /**
   * Each world's response to its contract under θ, and which worlds' care is drawn: a world that
   * changes nothing has the scenario's care, and one responding exactly as an earlier world (same
   * volume, uptake and reach fractions, same covered people) has that world's. Every world's draws start
   * from the same behaviour stream and depend only on its fractions, so sharing the care is the
   * care it would have drawn itself, bit for bit.
   */
  private distinctWorlds(theta: Float64Array, rs: RunStreams): void {
    const m = this.model;
    const W = this.worlds;
    this.drawn.length = 0;
    for (let i = 0; i < W.length; i++) {
      const w = W[i];
      const { volume, uptake, reach } = w.world;
      behaviourAt(theta, m.behaviour!, w.model, volume, uptake, reach);
      w.world.reachResponds = reach.some((q) => q < 1);
      let neutral = !w.world.reachResponds;
      for (let l = 0; l < volume.length && neutral; l++) neutral = volume[l] === 0;
      for (let j = 0; j < uptake.length && neutral; j++) neutral = uptake[j] >= 1;
      w.rep = neutral ? -1 : i;
      for (let k = 0; k < i && w.rep === i; k++) if (W[k].rep === k && W[k].level === w.level && sameResponse(W[k].world, w.world)) w.rep = k;
      if (w.rep !== i) continue;
      const b = rs.behaviour!;
      // Built as seedrandom builds its state (same fields in the same order), so every stream's state has one shape and the samplers stay monomorphic.
      rs.worlds[i].use(aleaFromState({ c: b.c, s0: b.s0, s1: b.s1, s2: b.s2 }));
      w.world.rng = rs.worlds[i];
      this.drawn.push(w.world);
    }
  }

  private historyBuffer: Float64Array | null = null;
  private perCapBuffer: Float64Array | null = null;
  /**
   * Realised claims per person by world (0 counterfactual, 1 scenario, 2 + i behaviour world i),
   * year (−P..H−1, index t + P) and line (index NL: all lines), for rebasing.
   */
  private history(): Float64Array {
    const m = this.model;
    if (!this.historyBuffer) this.historyBuffer = new Float64Array((2 + this.worlds.length) * (m.preYears + m.horizon) * (NL + 1));
    return this.historyBuffer;
  }

  private record(hist: Float64Array, t: number, population: number): void {
    const m = this.model;
    const tl = this.tally;
    const Y = m.preYears + m.horizon;
    for (let w = 0; w < 2 + this.worlds.length; w++) {
      // A behaviour world's care: its own, an earlier world's that responds the same, or the scenario's.
      const rep = w >= 2 ? this.worlds[w - 2].rep : -1;
      const src = rep >= 0 ? this.worlds[rep].total : tl;
      const claims = w === 0 || t < 0 ? tl.cfClaims : src.scClaims;
      const hc = w === 0 || t < 0 ? tl.cfHcCost : src.scHcCost;
      const at = (w * Y + t + m.preYears) * (NL + 1);
      let total = 0;
      for (let l = 0; l < NL; l++) {
        const x = claims[l] + (l === HOSPITAL ? hc : 0);
        hist[at + l] = x / population;
        total += x;
      }
      hist[at + NL] = total / population;
    }
  }

  /**
   * The benchmark per person by world, contract year and line (index NL: all lines) when it is
   * rebased: from year 0 the base projected with the trend; after every `every` contract years the
   * base becomes old − ratchet·(old − realised), where realised is the last P years' cost per
   * person (weighted as the base years) projected to the rebasing year.
   */
  private rebased(hist: Float64Array, theta: Float64Array, g: number, perCapAt0: number, lineAt0: Float64Array): Float64Array {
    const m = this.model;
    const { every, ratchet } = m.rebase!;
    const r = val(theta, ratchet);
    const P = m.preYears;
    const H = m.horizon;
    const Y = P + H;
    const wt = m.benchmarkWeights;
    const nw = 2 + this.worlds.length;
    if (!this.perCapBuffer) this.perCapBuffer = new Float64Array(nw * H * (NL + 1));
    const out = this.perCapBuffer;
    for (let w = 0; w < nw; w++)
      for (let l = 0; l <= NL; l++) {
        let base = l === NL ? perCapAt0 : lineAt0[l];
        let from = 0;
        for (let t = 0; t < H; t++) {
          // A ratchet of 0 keeps the running base: skipped, so that it pays exactly what no rebasing pays.
          if (t > 0 && t % every === 0 && r !== 0) {
            const old = base * ipow(1 + g, t - from);
            let realised = 0;
            for (let k = 1; k <= P; k++) realised += hist[(w * Y + t - k + P) * (NL + 1) + l] * ipow(1 + g, k) * (wt ? wt[P - k] : 1 / P);
            base = old - r * (old - realised);
            from = t;
          }
          out[(w * H + t) * (NL + 1) + l] = base * ipow(1 + g, t - from);
        }
      }
    return out;
  }

  /** Coverage levels' state (null when every contract covers everyone). */
  private readonly cov: CoverageState | null;

  /**
   * A segment-year as nested sub-populations: piece k holds the people covered at level k but not
   * below (the first round(n·c_k) people are covered at c_k), the last piece those no contract
   * covers. Each piece is its own gamma–Poisson sum, so the totals keep their distribution and
   * each level's care is exactly that of its people; each piece keeps its own high-cost chain.
   */
  private pieces(cov: CoverageState, plan: SegmentYearPlan, s: number, t: number, base: Samplers): void {
    const n = plan.n;
    const hc = plan.highCost;
    const L = cov.levels.length;
    let from = 0;
    for (let k = 0; k <= L; k++) {
      const to = k < L ? Math.round(n * cov.levels[k]) : n;
      const st = cov.states[s][k];
      if (hc) {
        if (t === -this.model.preYears) st.prevCases = -1;
        hc.prevCases = st.prevCases;
        hc.prevN = st.prevN;
        hc.flags = st.flags;
      }
      plan.n = to - from;
      resetTally(cov.piece);
      for (const w of this.worlds) {
        if (w.rep !== w.self) continue;
        resetTally(w.piece);
        w.world.tally = w.piece;
      }
      this.segYear(plan, base, cov.piece);
      for (const w of this.worlds) {
        if (w.rep !== w.self) continue;
        addTally(w.total, w.piece);
        if (w.covered && k <= w.level) addTally(w.covered, w.piece);
      }
      if (hc) {
        st.prevCases = hc.prevCases;
        st.prevN = hc.prevN;
        st.flags = hc.flags;
      }
      addTally(this.tally, cov.piece);
      for (let j = k; j < L; j++) {
        addTally(cov.tallies[j], cov.piece);
        cov.pop[j] += to - from;
      }
      from = to;
    }
    plan.n = n;
  }

  /** Adds pre-contract year t's covered cost per person, per level and line, to the levels' base. */
  private coveredBase(cov: CoverageState, t: number, g: number): void {
    const w = this.model.benchmarkWeights;
    const P = this.model.preYears;
    for (let j = 0; j < cov.levels.length; j++) {
      const ct = cov.tallies[j];
      for (let l = 0; l < NL; l++) {
        const x = ((ct.cfClaims[l] + (l === HOSPITAL ? ct.cfHcCost : 0)) / cov.pop[j]) * ipow(1 + g, -t);
        cov.lineAt0[j * NL + l] += w ? x * w[t + P] : x / P;
      }
    }
  }

  /** Expected counterfactual claims per year and line given θ (row-major years × lines). */
  private readonly expected: Float64Array;

  /** Adds a segment-year's expected counterfactual claims (the "true" benchmark, for reference). */
  private addExpected(plan: SegmentYearPlan, t: number): void {
    const e = this.expected;
    if (t * NL >= e.length) return;
    plan.lines.forEach((lp, l) => {
      if (lp) e[t * NL + l] += plan.n * lp.lambda * lp.mu;
    });
    const hc = plan.highCost;
    if (hc) e[t * NL + HOSPITAL] += plan.n * hc.rate * exp(hc.mu + (hc.sigma * hc.sigma) / 2);
  }

  /** Segment sizes of the year being simulated, set once per year by `horizon`. */
  private readonly sizes: Float64Array;

  private segmentSize(_theta: Float64Array, s: number, _t: number): number {
    return this.sizes[s];
  }

  private computeSize(theta: Float64Array, s: number, t: number): number {
    const seg = this.model.segments[s];
    return Math.round(this.model.population * seg.share * ipow(1 + val(theta, seg.growth), t));
  }

  /**
   * The plan of segment s in year t. Plans, cuts and moves are preallocated once per simulator and
   * refilled here: allocating them per segment-year made the garbage collector a large share of
   * the run time.
   */
  private plan(theta: Float64Array, rs: RunStreams, s: number, t: number): SegmentYearPlan {
    const m = this.model;
    const seg = m.segments[s];
    const plan = this.plans[s];
    const pool = this.pool[s];
    plan.n = this.segmentSize(theta, s, t);
    const active = t >= 0;
    plan.scenarioActive = active;
    const w = this.ivWeight;
    for (let i = 0; i < m.interventions.length; i++) {
      const iv = m.interventions[i];
      w[i] = active && iv.segments[s] ? reachAt(theta, iv, t) * effectAt(theta, iv, t) : 0;
    }
    for (let l = 0; l < NL; l++) {
      const u = seg.lines[l];
      const lp = plan.lines[l];
      if (!u || !lp) continue;
      lp.nCuts = 0;
      lp.nMoves = 0;
      let priceFactor = 1;
      for (let i = 0; i < m.interventions.length; i++) {
        // Set in the loop rather than by fill(0) first: the call cost more than the loop here.
        lp.priceCut[i] = 0;
        if (w[i] <= 0) continue;
        const iv = m.interventions[i];
        const f = w[i] * val(theta, iv.contacts[l]);
        if (f > 0) {
          const cut = pool.cuts[l][i];
          cut.f = f;
          cut.rng = rs.ivs[i];
          lp.cuts[lp.nCuts++] = cut;
        }
        lp.priceCut[i] = w[i] * val(theta, iv.price[l]);
        priceFactor *= 1 - lp.priceCut[i];
      }
      lp.priceFactor = priceFactor;
      if (active)
        for (let j = 0; j < m.substitutions.length; j++) {
          const sub = m.substitutions[j];
          if (sub.from !== l || !sub.segments[s]) continue;
          const f = val(theta, sub.eligible) * val(theta, sub.maxShift) * uptakeAt(theta, sub, t);
          if (f <= 0) continue;
          const mv = pool.moves[l][j];
          mv.f = f;
          mv.rng = rs.subs[j];
          mv.to = sub.to;
          mv.toMu = val(theta, sub.cost) * ipow(1 + val(theta, m.trend[sub.to]), t);
          mv.toAlpha = shapeOf(val(theta, sub.cv));
          mv.additionality = val(theta, sub.additionality);
          mv.refill = val(theta, sub.refill);
          mv.sub = j;
          lp.moves[lp.nMoves++] = mv;
        }
      lp.lambda = val(theta, u.contacts);
      lp.k = u.dispersion < 0 ? Infinity : val(theta, u.dispersion);
      lp.mu = val(theta, u.cost) * ipow(1 + val(theta, m.trend[l]), t);
      lp.alpha = shapeOf(val(theta, u.cv));
    }
    const hcPlan = plan.highCost;
    if (seg.highCost && hcPlan) {
      const hc = seg.highCost;
      const { mu, sigma } = severityLogParams(theta, hc);
      hcPlan.mu = mu + t * log(1 + val(theta, m.trend[HOSPITAL]));
      hcPlan.sigma = sigma;
      hcPlan.rate = val(theta, hc.rate);
      hcPlan.persistence = val(theta, hc.persistence);
      if (t === -m.preYears) hcPlan.prevCases = -1;
      hcPlan.nCuts = 0;
      for (let i = 0; i < m.interventions.length; i++) {
        if (w[i] <= 0) continue;
        const f = w[i] * val(theta, m.interventions[i].highCostRate);
        if (f > 0) {
          const cut = pool.hcCuts[i];
          cut.f = f;
          cut.rng = rs.ivs[i];
          hcPlan.cuts[hcPlan.nCuts++] = cut;
        }
      }
    }
    return plan;
  }

  private quality(theta: Float64Array, rs: RunStreams, t: number, population: number) {
    const m = this.model;
    const qualityCf = val(theta, m.qualityBaseline) + rs.quality.normal(0, val(theta, m.qualityNoise));
    let shift = 0;
    m.interventions.forEach((iv) => {
      if (iv.quality < 0) return;
      let reached = 0;
      for (let s = 0; s < m.segments.length; s++) if (iv.segments[s]) reached += this.segmentSize(theta, s, t);
      shift += val(theta, iv.quality) * reachAt(theta, iv, t) * effectAt(theta, iv, t) * (reached / population);
    });
    return { qualityCf, qualitySc: Math.min(100, Math.max(0, qualityCf + shift)) };
  }

  /** Intervention costs of year t by payer: one-off in the start year, yearly, and per person reached. */
  private interventionCosts(theta: Float64Array, t: number): void {
    const m = this.model;
    for (const iv of m.interventions) {
      if (t < iv.startYear) continue;
      let reached = 0;
      for (let s = 0; s < m.segments.length; s++) if (iv.segments[s]) reached += this.segmentSize(theta, s, t);
      const cost = (t === iv.startYear ? val(theta, iv.oneOff) : 0) + val(theta, iv.perYear) + val(theta, iv.perParticipant) * reachAt(theta, iv, t) * reached;
      for (let p = 0; p < PAYERS.length; p++) this.ivCostBy[p] += cost * iv.payer[p];
    }
  }
}

const HOSPITAL = LINES.indexOf('hospital');

const sameResponse = (a: BehaviourWorld, b: BehaviourWorld) => {
  for (let l = 0; l < a.volume.length; l++) if (!Object.is(a.volume[l], b.volume[l])) return false;
  for (let j = 0; j < a.uptake.length; j++) if (!Object.is(a.uptake[j], b.uptake[j])) return false;
  for (let i = 0; i < a.reach.length; i++) if (!Object.is(a.reach[i], b.reach[i])) return false;
  return true;
};

/** One behaviour world's state in a run: its plan entry and its year's tallies (all people; one piece; its covered people). */
interface WorldState {
  model: BehaviourWorldModel;
  world: BehaviourWorld;
  total: Tally;
  piece: Tally;
  /** Its contract's coverage level (−1: the whole region) and that level's tally. */
  level: number;
  covered: Tally | null;
  /** Its index, and in the run being simulated the world whose care it has (itself, an earlier world responding the same, or −1: the scenario's). */
  self: number;
  rep: number;
}

interface CoverageState {
  levels: number[];
  /** Per level, the year's tally of the people it covers; the piece being simulated. */
  tallies: Tally[];
  piece: Tally;
  /** Per level, the people it covers this year. */
  pop: Float64Array;
  /** Per level and line: the benchmark's base, cost per person projected to year 0. */
  lineAt0: Float64Array;
  /** The run's benchmark trend. */
  g: number;
  /** Per segment and piece: its high-cost chain's state. */
  states: { prevCases: number; prevN: number; flags: Uint8Array }[][];
}
