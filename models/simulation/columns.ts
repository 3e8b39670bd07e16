import { LINES, PAYERS } from '../core/names';

/**
 * Names of the per-run-year output columns. One Float64Array per column, row = run·years + year,
 * so results travel from workers as transferable buffers and summaries read whole columns.
 *
 * Units: euros per year for claims and costs, contacts per year for contacts, fractions for
 * rates, 0–100 for quality, persons for population.
 */
export interface Layout {
  names: string[];
  index: Map<string, number>;
  cf: Side;
  sc: Side;
  movedOut: number[];
  movedIn: number[];
  added: number[];
  interventionCost: number;
  interventionCostBy: number[];
  population: number;
  reduction: number;
  benchmark: number;
  /** Benchmark per line (same estimate, per line), euros per year. */
  benchmarkLine: number[];
  twinReduction: number;
  /** The twin replicate's total cost, counterfactual and scenario (NaN for runs without a twin). */
  twinCfTotal: number;
  twinScTotal: number;
  /** Per coverage level (`coverageLevels`), the covered sub-population's columns. */
  covered: Covered[];
  /** Per contract whose care responds to its incentives (`behaviour.worlds`), that care's columns. */
  worlds: WorldCols[];
}

/** The care under one contract whose incentives change it. */
export interface WorldCols {
  total: number;
  reduction: number;
  claims: number[];
  contacts: number[];
  movedOut: number[];
  /**
   * Its own benchmark per line when the benchmark is rebased on realised cost: each contract's
   * benchmark is rebased on the cost of its own care. Else null (the scenario's benchmark).
   */
  benchmarkLine: number[] | null;
  /** Its covered people's claims and moved contacts (contracts covering part of the region), else null. */
  covered: { claims: number[]; movedOut: number[] } | null;
}

/** Column-name prefix of the care under contract `id` when its incentives change it. */
export const worldPrefix = (id: string) => `world.${id}.`;

/** A behaviour world's column plan: its contract's id, whether it covers part of the region, whether it has a benchmark of its own. */
export interface WorldPlan {
  id: string;
  covered: boolean;
  rebased: boolean;
}

/**
 * The behaviour worlds' column plan of a model. A world has a benchmark of its own when the
 * benchmark is rebased on realised cost (not when it is the expected cost) and the contract covers
 * the whole region (validation refuses partial coverage with rebasing).
 */
export function worldsOf(model: { behaviour: { worlds: { id: string; coverage: number }[] } | null; rebase: unknown; scenario: { benchmark: { method?: string } } }): WorldPlan[] {
  const rebased = model.rebase !== null && model.scenario.benchmark.method !== 'expected';
  return (model.behaviour?.worlds ?? []).map((w) => ({ id: w.id, covered: w.coverage < 1, rebased: rebased && w.coverage >= 1 }));
}

/** The covered population of one coverage level: what a contract with that coverage settles on. */
export interface Covered {
  population: number;
  claims: number[][];
  excess: number[][];
  movedOut: number[];
  benchmarkLine: number[];
}

/** Column-name prefix of coverage level j's columns. */
export const coveredPrefix = (j: number) => `covered${j}.`;

export interface Side {
  total: number;
  claims: number[];
  contacts: number[];
  highCostCases: number;
  highCostCost: number;
  excess: number[];
  observedSavings: number;
  quality: number;
}

export function makeLayout(nThresholds: number, nLevels = 0, worlds: WorldPlan[] = []): Layout {
  const names: string[] = [];
  const add = (n: string) => (names.push(n), names.length - 1);
  const side = (p: 'cf' | 'sc'): Side => ({
    total: add(`${p}.total`),
    claims: LINES.map((l) => add(`${p}.claims.${l}`)),
    contacts: LINES.map((l) => add(`${p}.contacts.${l}`)),
    highCostCases: add(`${p}.highCost.cases`),
    highCostCost: add(`${p}.highCost.cost`),
    excess: Array.from({ length: nThresholds }, (_, k) => add(`${p}.excess.${k}`)),
    observedSavings: add(`${p}.observedSavings`),
    quality: add(`${p}.quality`),
  });
  const layout = {
    population: add('population'),
    cf: side('cf'),
    sc: side('sc'),
    movedOut: LINES.map((l) => add(`moved.out.${l}`)),
    movedIn: LINES.map((l) => add(`moved.in.${l}`)),
    added: LINES.map((l) => add(`moved.added.${l}`)),
    interventionCost: add('sc.interventionCost'),
    interventionCostBy: PAYERS.map((p) => add(`sc.interventionCost.${p}`)),
    reduction: add('reduction'),
    benchmark: add('benchmark'),
    benchmarkLine: LINES.map((l) => add(`benchmark.${l}`)),
    twinReduction: add('twin.reduction'),
    twinCfTotal: add('twin.cf.total'),
    twinScTotal: add('twin.sc.total'),
    covered: Array.from({ length: nLevels }, (_, j): Covered => {
      const p = coveredPrefix(j);
      return {
        population: add(`${p}population`),
        claims: (['cf', 'sc'] as const).map((w) => LINES.map((l) => add(`${p}${w}.claims.${l}`))),
        excess: (['cf', 'sc'] as const).map((w) => Array.from({ length: nThresholds }, (_, k) => add(`${p}${w}.excess.${k}`))),
        movedOut: LINES.map((l) => add(`${p}moved.out.${l}`)),
        benchmarkLine: LINES.map((l) => add(`${p}benchmark.${l}`)),
      };
    }),
    worlds: worlds.map(({ id, covered, rebased }): WorldCols => {
      const p = worldPrefix(id);
      return {
        total: add(`${p}total`),
        reduction: add(`${p}reduction`),
        claims: LINES.map((l) => add(`${p}claims.${l}`)),
        contacts: LINES.map((l) => add(`${p}contacts.${l}`)),
        movedOut: LINES.map((l) => add(`${p}moved.out.${l}`)),
        benchmarkLine: rebased ? LINES.map((l) => add(`${p}benchmark.${l}`)) : null,
        covered: covered ? { claims: LINES.map((l) => add(`${p}covered.claims.${l}`)), movedOut: LINES.map((l) => add(`${p}covered.moved.out.${l}`)) } : null,
      };
    }),
  };
  return { names, index: new Map(names.map((n, i) => [n, i])), ...layout };
}

/** A block of runs: `cols[c][(run − firstRun)·years + year]`, and the drawn parameters per run. */
export interface RunBlock {
  firstRun: number;
  runs: number;
  years: number;
  names: string[];
  cols: Float64Array[];
  /** θ per run: `params[(run − firstRun)·nParams + p]`. */
  params: Float64Array;
  nParams: number;
  /**
   * θ of the given slots, one column (one value per run) each, without θ of every slot at once:
   * runs kept outside memory read only these (`thetaColumns`).
   */
  paramColumns?: (slots: readonly number[]) => Float64Array[];
}

/** θ of the given slots over the block's runs, one column each (the same values as `params`). */
export function thetaColumns(b: RunBlock, slots: readonly number[]): Float64Array[] {
  if (b.paramColumns) return b.paramColumns(slots);
  return slots.map((p) => {
    const c = new Float64Array(b.runs);
    for (let r = 0; r < b.runs; r++) c[r] = b.params[r * b.nParams + p];
    return c;
  });
}

/**
 * A zeroed block. All columns and θ are views into one ArrayBuffer, so a block crosses between
 * threads as one transferable buffer (hundreds of small transfers per chunk cost the coordinating
 * thread more than the copy itself).
 */
export function allocBlock(names: string[], firstRun: number, runs: number, years: number, nParams: number): RunBlock {
  const rows = runs * years;
  const bytes = 8 * (names.length * rows + runs * nParams);
  if (bytes > 2 ** 28) {
    // Very large blocks (a single chunk of tens of thousands of runs): one buffer per column.
    return { firstRun, runs, years, names, cols: names.map(() => new Float64Array(rows)), params: new Float64Array(runs * nParams), nParams };
  }
  const buf = new ArrayBuffer(bytes);
  return {
    firstRun,
    runs,
    years,
    names,
    cols: names.map((_, i) => new Float64Array(buf, 8 * i * rows, rows)),
    params: new Float64Array(buf, 8 * names.length * rows, runs * nParams),
    nParams,
  };
}

export function column(b: RunBlock, name: string): Float64Array {
  const i = b.names.indexOf(name);
  if (i < 0) throw new Error(`no column "${name}"`);
  return b.cols[i];
}

/** Every column of a block: the engine's, the financing stage's and the twin replicate's party results. */
export function blockColumns(model: { financing: { columns: string[]; twinColumns: string[] } }, layout: Layout): string[] {
  return [...layout.names, ...model.financing.columns, ...model.financing.twinColumns];
}
