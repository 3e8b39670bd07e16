import { LINES, PARTIES, PAYERS, type Line } from '../core/names';
import { DEFAULT_SCOPE, LINE_FACTS } from '../core/lines';
import { coveredPrefix, worldPrefix } from '../simulation/columns';
import { finColumn, paidColumn, paidItemColumn, partiesOf, STATUS_QUO, twinResultColumn } from '../core/columns';
import type { Param, Scenario } from '../scenario/schema';
import type { Financing, FinancingModel } from '../scenario/contracts';
import type { RunBlock } from '../simulation/columns';
import type { ContractRegistrar, FormulaExpr, FormulaParser, ModelDefinition, ProviderRefs, Ref } from '../define/definition';
import type { Settlement } from '../simulation/model';
import { expectedExcessByYear, expectedPerCapita } from './expected';
import { ipow } from '../random/math';
import { KINDS } from './kinds';
import { P_GP, P_HOSP, P_INS, P_PAT, type ContractKind, type Settler, type Shared, type Year } from './kinds/kind';
import { LIMITS } from '../scenario/limits';

/**
 * Financing stage (model.md §4–5): for every run and year, the money each party receives and
 * spends under each financing model, on the same simulated care (common random numbers).
 *
 * Money flows. The insurer's income is fixed ex ante (expected baseline claims net of the
 * deductible, plus a margin, per insured); the municipality's budget likewise covers expected
 * self-care. Who provides, pays and co-pays each line is the line table's (`core/lines.ts`).
 * Providers have a production cost: fixed part F plus variable part, where F moves toward the
 * current volume by the capacity-adjustment share each year. Patients pay the deductible share of
 * their lines' claims to the insurer. Lines without a provider party (pharmacy, self-care) are
 * paid at cost by their payer. Every contract only changes transfers between parties, so the sum
 * of all results is the same under every model. What each contract kind adds is in `kinds/`.
 */
export const FIN_PARTIES = PARTIES;
const NL = LINES.length;
const PAYER_PARTY = PAYERS.map((p) => PARTIES.indexOf(p));
const PARTY_OF = { hospital: P_HOSP, gp: P_GP } as const;
const DEFAULT_SCOPE_AT = Int32Array.from(DEFAULT_SCOPE.map((l) => LINES.indexOf(l)));
/** Lines whose claims their payer pays at cost (no provider party), with the payer's party index. */
const AT_COST = LINES.flatMap((l, i) => (LINE_FACTS[l].provider === null ? [[i, PARTIES.indexOf(LINE_FACTS[l].payer)] as const] : []));
/** Each provider's own line, whose price trend re-inflates its production cost. */
const OWN_LINE = { [P_HOSP]: LINES.indexOf('hospital'), [P_GP]: LINES.indexOf('gp') } as Record<number, number>;

export type FinancingPlan = Settlement;

const kindOf = (m: FinancingModel) => KINDS[m.kind] as ContractKind<FinancingModel>;

/** The scenario's financing section, or fee-for-service with default parties. */
export function financingOf(s: Scenario): Financing {
  return (
    s.financing ?? {
      parties: {
        intermediateProvider: 'gp',
        hospital: { fixedShare: 0.8, adjustment: 0.2, costRatio: 1 },
        gp: { fixedShare: 0.5, adjustment: 0.5, costRatio: 1 },
        insurerMargin: 0.01,
        deductibleShare: { hospital: 0.05, intermediate: 0.05, pharmacy: 0.05 },
      },
      models: [{ id: 'ffs', name: 'Fee-for-service', kind: 'ffs' }],
    }
  );
}

/**
 * Registers the financing section's parameters (the define stage calls it), names the stop-loss
 * thresholds and checks its custom formulas into trees (`parseFormula` is passed in, so that what
 * settles runs need not load the formula parser).
 */
export const contractRegistrar =
  (parseFormula: FormulaParser): ContractRegistrar =>
  (s, P) => {
    const f = financingOf(s);
    const pb = 'financing';
    const at = 'financing.parties';
    const provider = (p: 'hospital' | 'gp') => ({
      fixed: P(`${at}.${p}.fixedShare`, f.parties[p].fixedShare, pb, ...LIMITS.share),
      speed: P(`${at}.${p}.adjustment`, f.parties[p].adjustment, pb, ...LIMITS.share),
      ratio: P(`${at}.${p}.costRatio`, f.parties[p].costRatio, pb, ...LIMITS.costRatio),
    });
    const deductibleShare = f.parties.deductibleShare as Partial<Record<Line, Param>>;
    const parties = {
      hospital: provider('hospital'),
      gp: provider('gp'),
      margin: P(`${at}.insurerMargin`, f.parties.insurerMargin, pb, ...LIMITS.insurerMargin),
      deductible: LINES.map((l) => (LINE_FACTS[l].deductible ? P(`${at}.deductibleShare.${l}`, deductibleShare[l], pb, ...LIMITS.share) : -1)),
    };
    const models = f.models.map((m, i) => {
      const b = `financing:${m.id}`;
      const p = `financing.models[${i}]`;
      const r: Record<string, Ref> = {};
      kindOf(m).register(m, (k, node, lo, hi) => (r[k] = node === undefined ? -1 : P(`${p}.${k}`, node, b, lo, hi)));
      return r;
    });
    const excessThresholds = [...new Set(f.models.flatMap((m) => kindOf(m).excessThresholds?.(m) ?? []))].sort((a, b) => a - b);
    const formulas = f.models.map((m, i) => {
      const out: { gp?: FormulaExpr; hospital?: FormulaExpr } = {};
      if (m.kind !== 'custom') return out;
      for (const party of ['gp', 'hospital'] as const) {
        const text = m.formulas[party];
        if (text !== undefined) out[party] = parseFormula(text, `financing.models[${i}].formulas.${party}`);
      }
      return out;
    });
    return { parties, models, excessThresholds, formulas };
  };

/**
 * Settling one contract alone, as the contract designer needs it: each variant of the contract is
 * settled on the stored care while every other contract's columns stay as they are.
 */
export interface ContractSettlement {
  /**
   * Contract `index` alone for run `slot` of `b` on `theta` (the baseline money worked out as
   * `apply` does), with `settler` in place of its own: the same numbers as `apply` writes to
   * that contract's columns when the settler is the plan's own.
   */
  applyContract(b: RunBlock, slot: number, theta: Float64Array, index: number, settler?: Settler): void;
  /**
   * The settler of `m`, a variant of contract `index` of the same kind, scope, coverage and
   * stop-loss thresholds whose parameters sit in the base contract's slots (`refs`).
   */
  variantSettler(index: number, m: FinancingModel): Settler;
  /**
   * Contract `index` alone for every run of `b`, θ of run r from `thetaOf(r)`, with `settler`:
   * the same numbers as `applyContract` run by run. The baseline money of every run-year (which no
   * contract term moves) is worked out on the first call for a block and contract and kept, so
   * variants after the first settle only the contract's own transfers. The block's care columns
   * must not change between calls.
   */
  settleContract(b: RunBlock, index: number, settler: Settler, thetaOf: (run: number) => Float64Array): void;
}

/** Numbers kept per run-year by `settleContract`: revenue, cost and fee-for-service claims per party. */
const KEEP = 18;

/** The settlement of a defined model: parties' money under each financing model, run by run. */
export function settlementOf(model: ModelDefinition): FinancingPlan & ContractSettlement {
  const f = financingOf(model.scenario);
  const { parties, models: refs, excessThresholds: thresholds } = model.contracts;
  const expected = expectedPerCapita(model, thresholds);
  const v = (theta: Float64Array, r: Ref, fallback = 0) => (r < 0 ? fallback : theta[r]);
  const columns: string[] = [];
  const ids = [STATUS_QUO, ...f.models.map((m) => m.id)];
  for (const id of ids) {
    for (const p of FIN_PARTIES) columns.push(finColumn(id, p, 'revenue'), finColumn(id, p, 'cost'));
    if (id !== STATUS_QUO) columns.push(paidColumn(id));
  }
  for (const m of f.models) for (const k of kindOf(m).paidItems ?? []) columns.push(paidItemColumn(m.id, k));
  const intermediateTo = PARTY_OF[f.parties.intermediateProvider];
  const providerOf = Int32Array.from(
    LINES.map((l) => {
      const p = LINE_FACTS[l].provider;
      return p === null ? -1 : p === 'intermediateProvider' ? intermediateTo : PARTY_OF[p];
    }),
  );
  const H = model.horizon;
  const excessByYear = expectedExcessByYear(model, thresholds, H);
  // Per-run state, reused: claims per line and year for the two worlds (0 = counterfactual,
  // 1 = scenario), provider costs, the year's money per party. `apply` and `settle` below read
  // it; nothing is allocated per run (closures and arrays made per run were most of this stage's
  // cost inside the run loop).
  // Worlds 2, 3, …: the care under each contract whose incentives change it (`behaviour.worlds`).
  const worlds = model.behaviour?.worlds ?? [];
  const worldOf = f.models.map((_, i) => worlds.findIndex((w) => w.contract === i));
  /** The world contract i is settled in: its own care when its incentives change care, else the scenario's. */
  const worldFor = (i: number) => (worldOf[i] < 0 ? 1 : 2 + worldOf[i]);
  const claims = Array.from({ length: 2 + worlds.length }, () => new Float64Array(H * NL));
  const worldCovered = worlds.map((w) => (w.coverage < 1 ? new Float64Array(H * NL) : null));
  // A contract covering a share of the insured settles on its coverage level's people (`cl`, `N`,
  // benchmark, excess); the baseline money and the others' fee-for-service use the whole region.
  const levels = model.coverageLevels;
  const levelOf = f.models.map((m) => (m.coverage !== undefined && m.coverage < 1 ? levels.indexOf(m.coverage) : -1));
  const coveredClaims = levels.map(() => [new Float64Array(H * NL), new Float64Array(H * NL)]);
  const provCost = claims.map(() => new Float64Array(H * 2));
  // (1 + the contract's trend)^t of the run being settled: the trend may be a distribution, drawn per run.
  const growth = new Float64Array(H);
  const ded = new Float64Array(NL);
  const deflator = new Float64Array(NL);
  const scopes = f.models.map((m) => ('scope' in m && m.scope ? Int32Array.from(m.scope.map((l) => LINES.indexOf(l))) : DEFAULT_SCOPE_AT));
  const stopLossEngineAt = f.models.map((m) => {
    const own = kindOf(m).excessThresholds?.(m) ?? [];
    return own.length > 0 ? model.excessThresholds.indexOf(own[0]) : -1;
  });

  let c: Float64Array = claims[0];
  /** Where the run being settled starts in `c` (0, except on the claims `settleContract` keeps for all runs). */
  let cAt = 0;
  const y: Year = {
    theta: new Float64Array(0),
    t: 0,
    years: H,
    row: 0,
    row0: 0,
    N: 0,
    cl: (l: number) => c[cAt + y.t * NL + l],
    rev: new Float64Array(6),
    cost: new Float64Array(6),
    previous: new Float64Array(6),
    ffs: new Float64Array(6),
    paid: 0,
    quality: new Float64Array(0),
    bench: [],
    movedHospital: new Float64Array(0),
    movedGp: new Float64Array(0),
    excess: null,
    paidItems: null,
  };
  const payInsToProvider = (yr: Year, p: number, amount: number) => {
    yr.rev[p] += amount;
    yr.cost[P_INS] += amount;
  };
  const shared: Shared = {
    model,
    financing: f,
    v,
    payInsToProvider,
    toProviders(yr, amount, split) {
      payInsToProvider(yr, P_GP, amount * split.gp);
      payInsToProvider(yr, P_HOSP, amount * split.hospital);
      yr.paid += amount;
    },
    sumBench(yr, sc) {
      let x = 0;
      for (let i = 0; i < sc.length; i++) x += yr.bench[sc[i]][yr.row];
      return x;
    },
    sumClaims(yr, sc) {
      let x = 0;
      for (let i = 0; i < sc.length; i++) x += c[cAt + yr.t * NL + sc[i]];
      return x;
    },
    scopeOf: (m) => scopes[f.models.indexOf(m)],
    providerOf,
    thresholds,
    excessByYear,
  };
  const settlers: Settler[] = f.models.map((m, i) => kindOf(m).settler(m, refs[i], i, shared));
  const paysFfs = f.models.map((m) => kindOf(m).paysFeeForService);

  /** Column arrays of one block, looked up by name once per block. */
  interface Cols {
    block: RunBlock;
    pop: Float64Array;
    claims: Float64Array[][];
    ivBy: Float64Array[];
    quality: Float64Array[];
    movedH: Float64Array;
    movedG: Float64Array;
    bench: Float64Array[];
    excess: Float64Array[][];
    rev: Float64Array[][];
    cost: Float64Array[][];
    paid: Float64Array[];
    /** Per model: the paid items' columns, else null. */
    paidItems: (Float64Array[] | null)[];
    /** Per coverage level: its people's columns. */
    covered: { pop: Float64Array; claims: Float64Array[][]; movedH: Float64Array; movedG: Float64Array; bench: Float64Array[]; excess: Float64Array[][] }[];
    /** Per behaviour world: its care's columns, its own rebased benchmark (else null), and its covered people's. */
    worlds: {
      claims: Float64Array[];
      movedH: Float64Array;
      movedG: Float64Array;
      bench: Float64Array[] | null;
      covered: { claims: Float64Array[]; movedH: Float64Array; movedG: Float64Array } | null;
    }[];
  }
  let R: Cols | null = null;
  // The simulator alternates between its block and a one-run scratch block (variance-split twins).
  const resolved = new WeakMap<RunBlock, Cols>();
  const resolve = (b: RunBlock): Cols => {
    const I = new Map(b.names.map((n, i) => [n, i]));
    const col = (name: string) => {
      const i = I.get(name);
      if (i === undefined) throw new Error(`financing: block has no column ${name}`);
      return b.cols[i];
    };
    const worlds = ['cf', 'sc'] as const;
    const behaviourWorlds = model.behaviour?.worlds ?? [];
    return {
      block: b,
      pop: col('population'),
      claims: worlds.map((w) => LINES.map((l) => col(`${w}.claims.${l}`))),
      ivBy: PAYERS.map((p) => col(`sc.interventionCost.${p}`)),
      quality: worlds.map((w) => col(`${w}.quality`)),
      movedH: col('moved.out.hospital'),
      movedG: col('moved.out.gp'),
      bench: LINES.map((l) => col(`benchmark.${l}`)),
      excess: worlds.map((w) => model.excessThresholds.map((_, j) => col(`${w}.excess.${j}`))),
      rev: ids.map((id) => FIN_PARTIES.map((p) => col(finColumn(id, p, 'revenue')))),
      cost: ids.map((id) => FIN_PARTIES.map((p) => col(finColumn(id, p, 'cost')))),
      paid: ids.map((id) => (id === STATUS_QUO ? new Float64Array(0) : col(paidColumn(id)))),
      paidItems: [null, ...f.models.map((m) => (kindOf(m).paidItems ? kindOf(m).paidItems!.map((k) => col(paidItemColumn(m.id, k))) : null))],
      covered: levels.map((_, j) => {
        const p = coveredPrefix(j);
        return {
          pop: col(`${p}population`),
          claims: worlds.map((w) => LINES.map((l) => col(`${p}${w}.claims.${l}`))),
          movedH: col(`${p}moved.out.hospital`),
          movedG: col(`${p}moved.out.gp`),
          bench: LINES.map((l) => col(`${p}benchmark.${l}`)),
          excess: worlds.map((w) => model.excessThresholds.map((_, k) => col(`${p}${w}.excess.${k}`))),
        };
      }),
      worlds: behaviourWorlds.map((bw) => {
        const p = worldPrefix(bw.id);
        const part = (q: string) => ({ claims: LINES.map((l) => col(`${p}${q}claims.${l}`)), movedH: col(`${p}${q}moved.out.hospital`), movedG: col(`${p}${q}moved.out.gp`) });
        const own = I.has(`${p}benchmark.${LINES[0]}`) ? LINES.map((l) => col(`${p}benchmark.${l}`)) : null;
        return { ...part(''), bench: own, covered: bw.coverage < 1 ? part('covered.') : null };
      }),
    };
  };

  /** Per block and contract: the kept baseline money and claims of every run (`settleContract`). */
  const keptOf = new WeakMap<RunBlock, Map<number, { money: Float64Array; claims: Float64Array }>>();

  // Set by apply for the run being settled.
  let theta: Float64Array = new Float64Array(0);
  let row0 = 0;
  let margin = 0;
  /** Per payer party: expected claims per insured it pays for, net of the deductible. */
  const netExpected = new Float64Array(6);
  const payerOf = LINES.map((l) => PARTIES.indexOf(LINE_FACTS[l].payer));
  const payers = [...new Set(payerOf)].sort((a, b) => a - b);

  /** Real (start-year price) volume of world w on line l in year t. */
  const real = (w: number, l: number, t: number) => claims[w][t * NL + l] / ipow(1 + deflator[l], t);
  const volume = (w: number, p: number, t: number) => {
    let x = 0;
    for (let l = 0; l < NL; l++) if (providerOf[l] === p) x += real(w, l, t);
    return x;
  };
  const providerCosts = (k: number, p: number, r: ProviderRefs) => {
    const phi = v(theta, r.fixed);
    const kappa = v(theta, r.speed);
    const ratio = v(theta, r.ratio, 1);
    const price = deflator[OWN_LINE[p]];
    for (let w = 0; w < claims.length; w++) {
      let F = phi * ratio * volume(0, p, 0);
      for (let t = 0; t < H; t++) {
        const V = volume(w, p, t);
        if (t > 0) F += kappa * (phi * ratio * V - F);
        provCost[w][t * 2 + k] = (F + (1 - phi) * ratio * V) * ipow(1 + price, t);
      }
    }
  };

  /**
   * All years of one financing model (ri ≥ 0; −1 is the status quo: fee-for-service on the
   * counterfactual) in world w, written to the model's columns. With `kept`, each year's baseline
   * money before the contract's own transfers (revenue, cost and fee-for-service claims per party,
   * KEEP numbers a year from `at`) is stored there, or with `replay` read from there instead of
   * worked out again (a variant of the contract settles on the same baseline).
   */
  const settle = (ri: number, w: number, settler: Settler | null = ri >= 0 ? settlers[ri] : null, kept: Float64Array | null = null, at = 0, replay = false) => {
    const C = R!;
    const j = ri >= 0 ? levelOf[ri] : -1;
    const V = j >= 0 ? C.covered[j] : null;
    const tot = claims[w];
    // A behaviour world's own care (w ≥ 2); what behaviour does not change (quality, high-cost excess) is the scenario's.
    const bw = w >= 2 ? C.worlds[w - 2] : null;
    if (!replay) {
      c = V ? (bw ? worldCovered[w - 2]! : coveredClaims[j][w]) : tot;
      cAt = 0;
    }
    const ws = Math.min(w, 1);
    const { rev, cost, previous, ffs } = y;
    const mi = ri + 1;
    y.theta = theta;
    y.row0 = row0;
    y.quality = C.quality[ws];
    y.bench = V ? V.bench : (bw?.bench ?? C.bench);
    const moved = bw ? (V ? bw.covered! : bw) : V ? V : C;
    y.movedHospital = moved.movedH;
    y.movedGp = moved.movedG;
    y.excess = ri >= 0 && stopLossEngineAt[ri] >= 0 ? (V ? V.excess : C.excess)[ws][stopLossEngineAt[ri]] : null;
    y.paidItems = C.paidItems[mi];
    // The columns this contract's settlement writes, looked up once per run rather than per year and party.
    const revOut = C.rev[mi];
    const costOut = C.cost[mi];
    const paidOut = mi > 0 ? C.paid[mi] : null;
    previous.fill(0);
    settler?.begin?.();
    for (let t = 0; t < H; t++) {
      y.t = t;
      const row = row0 + t;
      y.row = row;
      const N = C.pop[row];
      y.N = V ? V.pop[row] : N;
      const o = at + t * KEEP;
      if (replay) {
        for (let p = 0; p < 6; p++) {
          rev[p] = kept![o + p];
          cost[p] = kept![o + 6 + p];
          ffs[p] = kept![o + 12 + p];
        }
        y.paid = 0;
      } else {
        rev.fill(0);
        cost.fill(0);
        // Baseline money, the same under every contract: each payer's income for its lines' expected
        // claims (the insurer's with its margin and net of the deductible), the lines paid at cost,
        // the deductible, the providers' production cost and the interventions' cost.
        for (const p of payers) rev[p] += (p === P_INS ? (1 + margin) * N * netExpected[p] : N * netExpected[p]) * growth[t];
        let deductible = 0;
        for (let l = 0; l < NL; l++) deductible += ded[l] * tot[t * NL + l];
        rev[P_INS] += deductible;
        cost[P_PAT] += deductible;
        for (const [l, p] of AT_COST) cost[p] += tot[t * NL + l];
        cost[P_HOSP] += provCost[w][t * 2];
        cost[P_GP] += provCost[w][t * 2 + 1];
        if (w >= 1) for (let i = 0; i < PAYER_PARTY.length; i++) cost[PAYER_PARTY[i]] += C.ivBy[i][row];
        // Fee-for-service claims of the providers, paid by the insurer unless a contract says otherwise.
        ffs.fill(0);
        for (let l = 0; l < NL; l++) if (providerOf[l] >= 0) ffs[providerOf[l]] += y.cl(l);
        y.paid = 0;
        if (ri < 0 || paysFfs[ri]) {
          payInsToProvider(y, P_HOSP, ffs[P_HOSP]);
          payInsToProvider(y, P_GP, ffs[P_GP]);
        }
        // The people the contract does not cover: their providers' claims fee-for-service.
        if (V) for (let l = 0; l < NL; l++) if (providerOf[l] >= 0) payInsToProvider(y, providerOf[l], tot[t * NL + l] - c[t * NL + l]);
        if (kept)
          for (let p = 0; p < 6; p++) {
            kept[o + p] = rev[p];
            kept[o + 6 + p] = cost[p];
            kept[o + 12 + p] = ffs[p];
          }
      }
      settler?.year(y);
      for (let p = 0; p < 6; p++) {
        revOut[p][row] = rev[p];
        costOut[p][row] = cost[p];
        previous[p] = rev[p] - cost[p];
      }
      if (paidOut) paidOut[row] = y.paid;
    }
  };

  return {
    models: f.models.map((m) => ({ id: m.id, name: m.name, kind: m.kind, ...(m.kind === 'population' ? { owner: m.owner } : {}) })),
    columns,
    twinColumns: f.models.flatMap((m) => partiesOf(m.kind).map((p) => twinResultColumn(m.id, p))),
    excessThresholds: thresholds,
    apply(b, slot, th) {
      prepare(b, slot, th);
      settle(-1, 0);
      for (let i = 0; i < f.models.length; i++) settle(i, worldFor(i));
    },
    applyContract(b, slot, th, index, settler) {
      prepare(b, slot, th);
      settle(index, worldFor(index), settler ?? settlers[index]);
    },
    settleContract(b, index, settler, thetaOf) {
      const perRun = H * NL;
      let byIndex = keptOf.get(b);
      if (!byIndex) keptOf.set(b, (byIndex = new Map()));
      let k = byIndex.get(index);
      if (!k) {
        // Once per block and contract: each run's baseline money and the claims the contract settles on.
        k = { money: new Float64Array(b.runs * H * KEEP), claims: new Float64Array(b.runs * perRun) };
        byIndex.set(index, k);
        for (let r = 0; r < b.runs; r++) {
          prepare(b, r, b.params.subarray(r * b.nParams, (r + 1) * b.nParams));
          settle(index, worldFor(index), settlers[index], k.money, r * H * KEEP);
          k.claims.set(c, r * perRun);
        }
      }
      useBlock(b);
      c = k.claims;
      for (let r = 0; r < b.runs; r++) {
        theta = thetaOf(r);
        row0 = r * b.years;
        cAt = r * perRun;
        settle(index, worldFor(index), settler, k.money, r * H * KEEP, true);
      }
      cAt = 0;
    },
    variantSettler(index, m) {
      const base = f.models[index];
      // The variant's own scope is the base's (checked by the caller); scopeOf finds models by identity.
      const own: Shared = { ...shared, scopeOf: (x) => (x === m ? scopes[index] : shared.scopeOf(x)) };
      return kindOf(m).settler(m, refs[index], index, base === m ? shared : own);
    },
  };

  /** The columns of block `b`, resolved once per block and made the ones `settle` writes. */
  function useBlock(b: RunBlock): Cols {
    if (R?.block !== b) {
      R = resolved.get(b) ?? resolve(b);
      resolved.set(b, R);
    }
    return R;
  }

  /** The baseline money of run `slot` of `b` under θ: what every contract's settlement starts from. */
  function prepare(b: RunBlock, slot: number, th: Float64Array) {
    const R = useBlock(b);
    theta = th;
    row0 = slot * b.years;
    margin = v(theta, parties.margin);
    const g = v(theta, model.benchmarkTrend);
    for (let t = 0; t < H; t++) growth[t] = ipow(1 + g, t);
    for (let l = 0; l < NL; l++) {
      ded[l] = v(theta, parties.deductible[l]);
      deflator[l] = v(theta, model.trend[l]);
    }
    for (let k = 0; k < worlds.length; k++)
      for (let l = 0; l < NL; l++) {
        const col = R.worlds[k].claims[l];
        for (let t = 0; t < H; t++) claims[2 + k][t * NL + l] = col[row0 + t];
        const cc = worldCovered[k];
        if (cc) for (let t = 0; t < H; t++) cc[t * NL + l] = R.worlds[k].covered!.claims[l][row0 + t];
      }
    for (let w = 0; w < 2; w++)
      for (let l = 0; l < NL; l++) {
        const col = R.claims[w][l];
        for (let t = 0; t < H; t++) claims[w][t * NL + l] = col[row0 + t];
        for (let j = 0; j < levels.length; j++) {
          const cc = R.covered[j].claims[w][l];
          for (let t = 0; t < H; t++) coveredClaims[j][w][t * NL + l] = cc[row0 + t];
        }
      }
    // Provider production costs per world, in start-year prices: claims are deflated by each
    // line's own price trend, the fixed part moves toward current real volume by the capacity
    // adjustment share per year, and the cost is re-inflated with the provider's main line.
    providerCosts(0, P_HOSP, parties.hospital);
    providerCosts(1, P_GP, parties.gp);
    netExpected.fill(0);
    for (let l = 0; l < NL; l++) netExpected[payerOf[l]] += expected.lines[l] * (1 - ded[l]);
  }
}
