import { stat, type Stat } from './stats';

/** The memo keeps at most this many bytes of inputs (64 MB: a summary of the default's 2,000 runs keeps about 15 MB). */
const MAX_BYTES = 2 ** 26;

/**
 * Results of summary statistics kept with a copy of the numbers they were computed from, for the
 * next summary: after an edit of contract terms most columns (all of the care, the other
 * contracts) hold the same numbers as before, and their statistics are taken from here instead
 * of being computed again. A result is used only when every input equals the kept copy bit for
 * bit, so a summary with the memo is the same as one without it; hashes only find candidates.
 * Inputs that several statistics read (θ for every sensitivity, the status quo for every
 * contract) are kept once. It keeps what the last summary used: each summary drops what the one
 * before did not touch.
 */
export class SummaryMemo {
  private entries = new Map<string, Entry[]>();
  /** The kept copies of inputs, by the hash of their numbers. */
  private copies = new Map<number, Float64Array[]>();
  private bytes = 0;
  private generation = 0;
  /**
   * Within one summary: each input array's hash, and the kept copy it was found equal to. The
   * same arrays (θ for every sensitivity, the status quo for every contract) are read by many
   * statistics; hashing and comparing them each time took a fifth of a summary. Only within one
   * summary, because a block's columns are the same arrays from one summary to the next while
   * the runs kept in them grow; inputs are never changed while a summary is made.
   */
  private hashed = new WeakMap<Float64Array, number>();
  private matched = new WeakMap<Float64Array, Float64Array>();
  /** Statistics taken from the memo, and computed (read by tests). */
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes = MAX_BYTES) {}

  /** Bytes of inputs kept. */
  get keptBytes(): number {
    return this.bytes;
  }

  /** A new summary begins: what the last one neither made nor used is let go. */
  begin(): void {
    const keep = new Map<string, Entry[]>();
    const copies = new Map<number, Float64Array[]>();
    let bytes = 0;
    for (const [key, list] of this.entries) {
      const used = list.filter((e) => e.generation === this.generation);
      if (used.length === 0) continue;
      keep.set(key, used);
      for (const e of used)
        e.inputs.forEach((x, i) => {
          const same = copies.get(e.hashes[i]) ?? [];
          if (same.includes(x)) return;
          same.push(x);
          copies.set(e.hashes[i], same);
          bytes += x.byteLength;
        });
    }
    this.entries = keep;
    this.copies = copies;
    this.bytes = bytes;
    this.generation++;
    this.hashed = new WeakMap();
    this.matched = new WeakMap();
  }

  private hash(x: Float64Array): number {
    let h = this.hashed.get(x);
    if (h === undefined) this.hashed.set(x, (h = hashOf(x)));
    return h;
  }

  /** Whether `input` holds the same numbers as the kept copy `kept` (remembered when it does). */
  private same(kept: Float64Array, input: Float64Array): boolean {
    if (this.matched.get(input) === kept) return true;
    if (!sameNumbers(kept, input)) return false;
    this.matched.set(input, kept);
    return true;
  }

  /**
   * `compute()`'s value, which must depend only on `kind` and the numbers in `inputs` and must not
   * change them. Returns a copy, so that nothing done to one summary reaches another.
   */
  get<T>(kind: string, inputs: readonly Float64Array[], compute: () => T): T {
    const hashes = inputs.map((x) => this.hash(x));
    const key = `${kind}\u0000${hashes.join()}`;
    const list = this.entries.get(key);
    const found = list?.find((e) => e.inputs.every((x, i) => this.same(x, inputs[i])));
    if (found) {
      this.hits++;
      found.generation = this.generation;
      return copyOf(found.value) as T;
    }
    this.misses++;
    const value = compute();
    const kept: Float64Array[] = [];
    let added = 0;
    for (let i = 0; i < inputs.length; i++) {
      const same = this.copies.get(hashes[i]);
      const copy = same?.find((x) => this.same(x, inputs[i]));
      if (copy) kept.push(copy);
      else {
        kept.push(inputs[i]);
        added += inputs[i].byteLength;
      }
    }
    // Full: the rest of this summary is computed without being kept.
    if (this.bytes + added > this.maxBytes) return value;
    this.bytes += added;
    for (let i = 0; i < kept.length; i++) {
      if (kept[i] !== inputs[i]) continue;
      kept[i] = inputs[i].slice();
      this.matched.set(inputs[i], kept[i]);
      const same = this.copies.get(hashes[i]);
      if (same) same.push(kept[i]);
      else this.copies.set(hashes[i], [kept[i]]);
    }
    const entry: Entry = { inputs: kept, hashes, value: copyOf(value), generation: this.generation };
    if (list) list.push(entry);
    else this.entries.set(key, [entry]);
    return value;
  }
}

/** `compute()`'s value, through `memo` when there is one (see `SummaryMemo.get`). */
export const memoised = <T>(memo: SummaryMemo | undefined, kind: string, inputs: readonly Float64Array[], compute: () => T): T => (memo ? memo.get(kind, inputs, compute) : compute());

/** `stat` through `memo` when there is one. */
export const statWith =
  (memo: SummaryMemo | undefined) =>
  (x: Float64Array): Stat =>
    memoised(memo, 'stat', [x], () => stat(x));

interface Entry {
  /** Kept copies of the inputs (shared with other entries that read the same numbers). */
  inputs: Float64Array[];
  hashes: number[];
  value: unknown;
  /** The summary that last made or used it. */
  generation: number;
}

/** A deep copy of a statistic's value (plain objects, arrays and numbers; far quicker than structuredClone for many small ones). */
function copyOf(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(copyOf);
  if (ArrayBuffer.isView(v)) return (v as Float64Array).slice();
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = copyOf((v as Record<string, unknown>)[k]);
  return out;
}

/** FNV-1a over the bits of the numbers. */
function hashOf(x: Float64Array): number {
  let h = 0x811c9dc5;
  const w = new Uint32Array(x.buffer, x.byteOffset, 2 * x.length);
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w[i], 0x01000193);
  return Math.imul(h ^ x.length, 0x01000193) >>> 0;
}

/** Whether the two arrays hold the same numbers, bit for bit (NaN equals NaN, 0 is not −0). */
function sameNumbers(x: Float64Array, y: Float64Array): boolean {
  if (x.length !== y.length) return false;
  const wx = new Uint32Array(x.buffer, x.byteOffset, 2 * x.length);
  const wy = new Uint32Array(y.buffer, y.byteOffset, 2 * y.length);
  for (let i = 0; i < wx.length; i++) if (wx[i] !== wy[i]) return false;
  return true;
}
