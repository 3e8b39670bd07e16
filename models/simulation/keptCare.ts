import type { Model } from './model';
import { drawKey, withFixedValues } from '../params/registry';
import { canonicalJson } from '../scenario/hash';

/** A worker keeps at most this much care (64 MB: the default scenario's 2,000 runs need about 12 MB a worker (1,000 runs with 250 twins)). */
const MAX_BYTES = 2 ** 26;

/** Runs kept together in one piece of memory. */
const PAGE = 25;

const FINANCING = 'financing.';

/**
 * What the care of a run depends on besides θ and the mode: the scenario outside its financing
 * section, what the contracts make the simulation record (the engine's columns, stop-loss
 * thresholds, coverage levels) and the parameters outside financing. Runs of scenarios with the
 * same key and the same θ of those parameters have the same care, bit for bit, whatever
 * contracts they settle it under.
 */
const keys = new WeakMap<Model, string>();
function careKey(model: Model, names: readonly string[]): string {
  let k = keys.get(model);
  if (k === undefined) {
    const s = model.scenario;
    const { runs: _runs, ...simulation } = s.simulation;
    const { financing: _financing, ...rest } = s;
    const paths = model.registry.slots.map((slot) => slot.path).filter((p) => !p.startsWith(FINANCING));
    k = canonicalJson([names, model.excessThresholds, model.coverageLevels, paths, { ...rest, simulation }]);
    keys.set(model, k);
  }
  return k;
}

const drawKeys = new WeakMap<Model, string>();
const drawKeyOf = (m: Model) => {
  let k = drawKeys.get(m);
  if (k === undefined) drawKeys.set(m, (k = drawKey(m.registry, m.blocks, m.scenario.simulation.parameterUncertainty, m.correlation)));
  return k;
};

const slotsOf = new WeakMap<Model, Int32Array>();
function careSlots(model: Model): Int32Array {
  let s = slotsOf.get(model);
  if (!s) slotsOf.set(model, (s = Int32Array.from(model.registry.slots.flatMap((slot, i) => (slot.path.startsWith(FINANCING) ? [] : [i])))));
  return s;
}

/** The shape of what one page holds, the same for every page of one care key. */
interface Shape {
  /** The engine's columns: the first of a block's columns, before the financing stage's. */
  nCols: number;
  years: number;
  nSlots: number;
}

/**
 * The care one worker simulated last, run by run: every column of each run as the simulation
 * left it before the financing stage, for the run and for its variance-split twin. When only
 * contract terms change, the next run of the same run index settles this care again instead of
 * simulating it: the financing stage reads nothing but a run's engine columns and θ, and writes
 * every one of its own columns, so the numbers are the same to the bit as a simulation from
 * scratch, also with contracts added, removed or of another kind. Any split of the runs into
 * chunks finds them.
 * When contracts change care (behavioural responses) nothing is kept.
 */
export class KeptCare {
  private key: string | null = null;
  private readonly pages = new Map<number, Page>();
  /** Pages of the care kept before, emptied, whose memory new pages of the same shape take over. */
  private spare: Page[] = [];
  private bytes = 0;
  /** Runs settled on kept care instead of simulated (read by tests). */
  reused = 0;

  constructor(private readonly maxBytes = MAX_BYTES) {}

  /**
   * The kept care of the runs of a chunk from `firstRun` of `model` in `mode`, whose engine
   * columns are `engine` (what is not kept yet is kept as the runs go); null when none can be kept.
   */
  chunk(model: Model, mode: string, engine: readonly string[], firstRun: number, twinRuns: number): KeptRuns | null {
    if (model.behaviour) return null;
    const slots = careSlots(model);
    const shape: Shape = { nCols: engine.length, years: model.horizon, nSlots: slots.length };
    const key = `${mode}\u0000${careKey(model, engine)}`;
    if (key !== this.key) {
      // Other care: nothing kept holds, but the memory is taken over (fresh memory costs more
      // than copying the care into it).
      this.spare.push(...this.pages.values());
      this.pages.clear();
      this.key = key;
    }
    return new KeptRuns(this, model, slots, this.drawId(model), shape, firstRun, twinRuns);
  }

  /** The page holding run `run`; made (from spare memory if it has the shape) when `make`, null when absent or when there is no room. */
  page(run: number, shape: Shape, twinRuns: number, nParams: number, make: boolean): Page | null {
    const p = Math.floor(run / PAGE);
    const have = this.pages.get(p);
    if (have && have.fits(shape, twinRuns)) return have;
    if (!make) return null;
    if (have) {
      this.pages.delete(p);
      this.spare.push(have);
    }
    const twins = twinsOf(p, twinRuns);
    const i = this.spare.findIndex((s) => s.nParams === nParams && s.fits(shape, twinRuns, p));
    let page: Page;
    if (i >= 0) {
      page = this.spare.splice(i, 1)[0].reset(p);
    } else {
      const size = Page.bytesFor(shape, twins, nParams);
      while (this.bytes + size > this.maxBytes && this.spare.length > 0) this.bytes -= this.spare.pop()!.bytes;
      if (this.bytes + size > this.maxBytes) return null;
      this.bytes += size;
      page = new Page(p, shape, twins, nParams);
    }
    this.pages.set(p, page);
    return page;
  }

  /** Ids of the models' `drawKey`s: runs kept with the same id drew the same uncertain parameter values. */
  private readonly drawIds = new Map<string, number>();
  private nextDrawId = 1;
  private drawId(model: Model): number {
    const k = drawKeyOf(model);
    let id = this.drawIds.get(k);
    if (id === undefined) {
      // Only the latest few are ever met again; the ids of older ones are let go.
      if (this.drawIds.size > 64) this.drawIds.clear();
      this.drawIds.set(k, (id = this.nextDrawId++));
    }
    return id;
  }
}

/** How many of page `index`'s runs have a twin replicate (the first `twinRuns` runs do). */
const twinsOf = (index: number, twinRuns: number) => Math.max(0, Math.min(PAGE, twinRuns - index * PAGE));

/** PAGE consecutive runs' kept care, from run `first`. */
class Page {
  static bytesFor(s: Shape, twins: number, nParams: number): number {
    return 8 * (s.nCols * s.years * (PAGE + twins) + PAGE * (s.nSlots + nParams)) + 5 * PAGE;
  }

  readonly bytes: number;
  first: number;
  readonly care: Float64Array;
  readonly twinCare: Float64Array;
  /**
   * θ of the care parameters, and all of θ with the id of the draws it came from, per run; all of
   * θ only while it has `nParams` values (a contract edit may add or drop some).
   */
  readonly theta: Float64Array;
  readonly drawn: Float64Array;
  readonly drawnBy: Int32Array;
  /** Whether each run's care (and its twin's, if it has one) is kept whole. */
  readonly whole: Uint8Array;

  constructor(
    index: number,
    readonly shape: Shape,
    readonly twins: number,
    readonly nParams: number,
  ) {
    this.first = index * PAGE;
    this.care = new Float64Array(shape.nCols * shape.years * PAGE);
    this.twinCare = new Float64Array(shape.nCols * shape.years * twins);
    this.theta = new Float64Array(shape.nSlots * PAGE);
    this.drawn = new Float64Array(nParams * PAGE);
    this.drawnBy = new Int32Array(PAGE);
    this.whole = new Uint8Array(PAGE);
    this.bytes = Page.bytesFor(shape, twins, nParams);
  }

  /** Whether the page has exactly this shape (and, for page `index`, room for its twins). */
  fits(s: Shape, twinRuns: number, index = this.first / PAGE): boolean {
    const o = this.shape;
    return o.nCols === s.nCols && o.years === s.years && o.nSlots === s.nSlots && this.twins === twinsOf(index, twinRuns);
  }

  /** Emptied, for the runs of page `index`. */
  reset(index: number): this {
    this.first = index * PAGE;
    this.whole.fill(0);
    this.drawnBy.fill(0);
    return this;
  }
}

/** One chunk's view of the kept care: run i of the chunk is run firstRun + i. */
export class KeptRuns {
  constructor(
    private readonly owner: KeptCare,
    private readonly model: Model,
    /** The care parameters' slots in the running model (the same paths as the kept runs', maybe other positions). */
    private readonly slots: Int32Array,
    /** The id of the running model's uncertain draws. */
    private readonly drawId: number,
    private readonly shape: Shape,
    private readonly firstRun: number,
    private readonly twinRuns: number,
  ) {}

  private at(i: number, make: boolean): { page: Page; row: number } | null {
    const run = this.firstRun + i;
    const page = this.owner.page(run, this.shape, this.twinRuns, this.model.registry.slots.length, make);
    return page ? { page, row: run - page.first } : null;
  }

  /**
   * θ of run i without drawing it, when the run was kept from a model that drew the same
   * uncertain values (the same `drawKey`): those values with the running model's fixed ones.
   * Null when it must be drawn.
   */
  thetaOf(i: number): Float64Array | null {
    const a = this.at(i, false);
    const m = this.model;
    const n = m.registry.slots.length;
    if (!a || a.page.whole[a.row] === 0 || a.page.drawnBy[a.row] !== this.drawId || a.page.nParams !== n) return null;
    return withFixedValues(m.registry, m.blocks, m.scenario.simulation.parameterUncertainty, a.page.drawn.subarray(a.row * n, a.row * n + n));
  }

  /** Whether run i's kept care was simulated with the same θ of every parameter outside financing. */
  matches(i: number, theta: Float64Array): boolean {
    const a = this.at(i, false);
    if (!a || a.page.whole[a.row] === 0) return false;
    const s = this.slots;
    const n = s.length;
    const kept = a.page.theta;
    for (let j = 0; j < n; j++) if (!Object.is(theta[s[j]], kept[a.row * n + j])) return false;
    this.owner.reused++;
    return true;
  }

  /** Keeps the care of row `row` of `cols` as run i's (its twin's when `twin`); the run is not whole until `done`. */
  keep(i: number, cols: readonly Float64Array[], row: number, twin = false): void {
    const a = this.at(i, true);
    if (!a) return;
    a.page.whole[a.row] = 0;
    copyRows(cols, row, twin ? a.page.twinCare : a.page.care, a.row, this.shape, true);
  }

  /** Writes run i's kept care (its twin's when `twin`) into row `row` of `cols`. */
  restore(i: number, cols: readonly Float64Array[], row: number, twin = false): void {
    const a = this.at(i, false)!;
    copyRows(cols, row, twin ? a.page.twinCare : a.page.care, a.row, this.shape, false);
  }

  /** Run i's care (and its twin's) is kept whole, drawn with this θ. */
  done(i: number, theta: Float64Array): void {
    const a = this.at(i, false);
    if (!a) return;
    const s = this.slots;
    const n = s.length;
    for (let j = 0; j < n; j++) a.page.theta[a.row * n + j] = theta[s[j]];
    if (theta.length === a.page.nParams) {
      a.page.drawn.set(theta, a.row * a.page.nParams);
      a.page.drawnBy[a.row] = this.drawId;
    } else a.page.drawnBy[a.row] = 0;
    a.page.whole[a.row] = 1;
  }
}

/** Copies the `years` values of row `row` of each engine column to or from run `at`'s place in `store`. */
function copyRows(cols: readonly Float64Array[], row: number, store: Float64Array, at: number, s: Shape, toStore: boolean): void {
  const { nCols, years } = s;
  const from = row * years;
  let k = at * nCols * years;
  for (let c = 0; c < nCols; c++) {
    const col = cols[c];
    if (toStore) for (let t = 0; t < years; t++) store[k + t] = col[from + t];
    else for (let t = 0; t < years; t++) col[from + t] = store[k + t];
    k += years;
  }
}
