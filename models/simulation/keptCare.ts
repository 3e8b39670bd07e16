import type { Model } from './model';
import { drawKey, withFixedValues } from '../params/registry';

/** A worker keeps at most this much care (64 MB: the default scenario's 2,000 runs need about 23 MB a worker). */
const MAX_BYTES = 2 ** 26;

const FINANCING = 'financing.';

/**
 * What the care of a run depends on besides θ: the scenario outside its financing section, the
 * columns the contracts make the simulation record (stop-loss thresholds, coverage levels) and the
 * parameters outside financing. Runs of scenarios with the same key and the same θ of those
 * parameters have the same care, bit for bit.
 */
const keys = new WeakMap<Model, string>();
function careKey(model: Model, mode: string, names: readonly string[]): string {
  let k = keys.get(model);
  if (k === undefined) {
    const s = model.scenario;
    const { runs: _runs, ...simulation } = s.simulation;
    const { financing: _financing, ...rest } = s;
    const paths = model.registry.slots.map((slot) => slot.path).filter((p) => !p.startsWith(FINANCING));
    k = JSON.stringify([mode, names, model.excessThresholds, model.coverageLevels, paths, { ...rest, simulation }]);
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

/**
 * The care one worker simulated last, per chunk of runs: every column of each run as the
 * simulation left it before the financing stage, for the run and for its variance-split twin. When
 * only contract terms change, the next run of the same chunk settles this care again instead of
 * simulating it: the financing stage reads nothing but a run's columns and θ, so the numbers are
 * the same to the bit as a simulation from scratch. When contracts change care (behavioural
 * responses) nothing is kept.
 */
export class KeptCare {
  private key: string | null = null;
  private readonly chunks = new Map<string, KeptChunk>();
  /** The chunks of the care kept before, emptied, whose memory new chunks of the same size take over. */
  private spare: KeptChunk[] = [];
  private bytes = 0;
  /** Runs settled on kept care instead of simulated (read by tests and benchmarks). */
  reused = 0;

  constructor(private readonly maxBytes = MAX_BYTES) {}

  /** The kept care of runs firstRun..firstRun+runs−1 of `model`, made empty (to be kept as it runs) when there is none; null when none can be kept. */
  chunk(model: Model, mode: string, names: readonly string[], firstRun: number, runs: number, twinRuns: number): KeptChunk | null {
    if (model.behaviour) return null;
    const key = careKey(model, mode, names);
    if (key !== this.key) {
      // Other care: nothing kept holds, but the memory is taken over (fresh memory costs more
      // than copying the care into it).
      this.spare = [...this.spare, ...this.chunks.values()];
      this.chunks.clear();
      this.key = key;
    }
    const id = `${firstRun}:${runs}`;
    const slots = careSlots(model);
    const have = this.chunks.get(id);
    const draws = this.drawId(model);
    if (have) return have.use(model, slots, draws, this);
    const twins = Math.max(0, Math.min(runs, twinRuns - firstRun));
    const nParams = model.registry.slots.length;
    const size = KeptChunk.bytesFor(names.length, model.horizon, runs, twins, slots.length, nParams);
    const reuse = this.spare.findIndex((c) => c.bytes === size && c.fits(names.length, model.horizon, runs, twins, slots.length, nParams));
    let c: KeptChunk;
    if (reuse >= 0) {
      c = this.spare[reuse];
      this.spare.splice(reuse, 1);
      c.empty();
    } else {
      while (this.bytes + size > this.maxBytes && this.spare.length > 0) this.bytes -= this.spare.pop()!.bytes;
      if (this.bytes + size > this.maxBytes) return null;
      this.bytes += size;
      c = new KeptChunk(names.length, model.horizon, runs, twins, slots.length, nParams);
    }
    this.chunks.set(id, c);
    return c.use(model, slots, draws, this);
  }

  /** Ids of the models' `drawKey`s: runs kept with the same id drew the same uncertain parameter values. */
  private readonly drawIds = new Map<string, number>();
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
  private nextDrawId = 1;
}

/** One chunk's kept care; run i of the chunk is row i. */
export class KeptChunk {
  private readonly care: Float64Array;
  private readonly twinCare: Float64Array;
  private readonly theta: Float64Array;
  /** Whether run i's care (and its twin's, if it has one) is kept whole. */
  private readonly whole: Uint8Array;
  /** θ of each kept run, and the id of the draws it came from. */
  private readonly drawn: Float64Array;
  private readonly drawnBy: Int32Array;
  private slots: Int32Array;
  private model: Model | null = null;
  private drawId = 0;
  private owner: KeptCare | null = null;

  static bytesFor(nCols: number, years: number, runs: number, twins: number, nSlots: number, nParams: number): number {
    return 8 * (nCols * years * (runs + twins) + runs * (nSlots + nParams)) + 5 * runs;
  }

  readonly bytes: number;

  constructor(
    private readonly nCols: number,
    private readonly years: number,
    runs: number,
    twins: number,
    nSlots: number,
    private readonly nParams: number,
  ) {
    this.care = new Float64Array(nCols * years * runs);
    this.twinCare = new Float64Array(nCols * years * twins);
    this.theta = new Float64Array(nSlots * runs);
    this.drawn = new Float64Array(nParams * runs);
    this.drawnBy = new Int32Array(runs);
    this.whole = new Uint8Array(runs);
    this.slots = new Int32Array(0);
    this.bytes = KeptChunk.bytesFor(nCols, years, runs, twins, nSlots, nParams);
  }

  /** Whether the chunk has room for exactly this shape. */
  fits(nCols: number, years: number, runs: number, twins: number, nSlots: number, nParams: number): boolean {
    return (
      nCols === this.nCols && years === this.years && this.whole.length === runs && this.twinCare.length === nCols * years * twins && this.theta.length === nSlots * runs && nParams === this.nParams
    );
  }

  /** Nothing kept (the memory stays). */
  empty(): void {
    this.whole.fill(0);
  }

  /** Points the chunk at the model now running: its care parameters' slots (same paths, maybe other positions) and the id of its uncertain draws. */
  use(model: Model, slots: Int32Array, drawId: number, owner: KeptCare): this {
    this.model = model;
    this.slots = slots;
    this.drawId = drawId;
    this.owner = owner;
    return this;
  }

  /**
   * θ of run i without drawing it, when the run was kept from a model that drew the same
   * uncertain values (the same `drawKey`): those values with the running model's fixed ones.
   * Null when it must be drawn.
   */
  thetaOf(i: number): Float64Array | null {
    if (this.whole[i] === 0 || this.drawnBy[i] !== this.drawId || this.drawId === 0) return null;
    const m = this.model!;
    const n = this.nParams;
    return withFixedValues(m.registry, m.blocks, m.scenario.simulation.parameterUncertainty, this.drawn.subarray(i * n, i * n + n));
  }

  /** Whether run i's kept care was simulated with the same θ of every parameter outside financing. */
  matches(i: number, theta: Float64Array): boolean {
    if (this.whole[i] === 0) return false;
    const s = this.slots;
    const n = s.length;
    for (let j = 0; j < n; j++) if (!Object.is(theta[s[j]], this.theta[i * n + j])) return false;
    this.owner!.reused++;
    return true;
  }

  /** Keeps the care of row `row` of `cols` as run i's (its twin's when `twin`); the run is not whole until `done`. */
  keep(i: number, cols: readonly Float64Array[], row: number, twin = false): void {
    this.whole[i] = 0;
    copyRows(cols, row, twin ? this.twinCare : this.care, i, this.nCols, this.years, true);
  }

  /** Writes run i's kept care (its twin's when `twin`) into row `row` of `cols`. */
  restore(i: number, cols: readonly Float64Array[], row: number, twin = false): void {
    copyRows(cols, row, twin ? this.twinCare : this.care, i, this.nCols, this.years, false);
  }

  /** Run i's care (and its twin's) is kept whole, drawn with this θ. */
  done(i: number, theta: Float64Array): void {
    const s = this.slots;
    const n = s.length;
    for (let j = 0; j < n; j++) this.theta[i * n + j] = theta[s[j]];
    this.drawn.set(theta, i * this.nParams);
    this.drawnBy[i] = this.drawId;
    this.whole[i] = 1;
  }
}

/** Copies the `years` values of row `row` of every column to or from run i's place in `store`. */
function copyRows(cols: readonly Float64Array[], row: number, store: Float64Array, i: number, nCols: number, years: number, toStore: boolean): void {
  const at = row * years;
  let k = i * nCols * years;
  for (let c = 0; c < nCols; c++) {
    const col = cols[c];
    if (toStore) for (let t = 0; t < years; t++) store[k + t] = col[at + t];
    else for (let t = 0; t < years; t++) col[at + t] = store[k + t];
    k += years;
  }
}
