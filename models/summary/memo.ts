/** The memo keeps at most this many bytes of inputs (64 MB: a summary of the default's 2,000 runs reads about 25 MB). */
const MAX_BYTES = 2 ** 26;

/**
 * Results of summary statistics kept with a copy of the numbers they were computed from, for the
 * next summary: after an edit of contract terms most columns (all of the care, the other
 * contracts) hold the same numbers as before, and their statistics are taken from here instead
 * of being computed again. A result is used only when every input equals the kept copy bit for
 * bit, so a summary with the memo is the same as one without it; the hash only finds candidates.
 * It keeps what the last summary used: each summary drops what the one before did not touch.
 */
export class SummaryMemo {
  private entries = new Map<string, Entry[]>();
  private bytes = 0;
  private generation = 0;
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
    let bytes = 0;
    for (const [key, list] of this.entries) {
      const used = list.filter((e) => e.generation === this.generation);
      if (used.length === 0) continue;
      keep.set(key, used);
      for (const e of used) bytes += e.bytes;
    }
    this.entries = keep;
    this.bytes = bytes;
    this.generation++;
  }

  /**
   * `compute()`'s value, which must depend only on `kind` and the numbers in `inputs`. Returns a
   * copy, so that nothing done to one summary reaches another.
   */
  get<T>(kind: string, inputs: readonly Float64Array[], compute: () => T): T {
    const key = `${kind}\u0000${hashOf(inputs)}`;
    const list = this.entries.get(key);
    const found = list?.find((e) => sameNumbers(e.inputs, inputs));
    if (found) {
      this.hits++;
      found.generation = this.generation;
      return structuredClone(found.value) as T;
    }
    this.misses++;
    const value = compute();
    const size = inputs.reduce((a, x) => a + x.byteLength, 0);
    // Full: the rest of this summary is computed without being kept.
    if (this.bytes + size <= this.maxBytes) {
      this.bytes += size;
      const entry: Entry = { inputs: inputs.map((x) => x.slice()), value: structuredClone(value), bytes: size, generation: this.generation };
      if (list) list.push(entry);
      else this.entries.set(key, [entry]);
    }
    return value;
  }
}

interface Entry {
  inputs: Float64Array[];
  value: unknown;
  bytes: number;
  /** The summary that last made or used it. */
  generation: number;
}

/** FNV-1a over the bits of the numbers. */
function hashOf(inputs: readonly Float64Array[]): string {
  let h = 0x811c9dc5;
  for (const x of inputs) {
    const w = new Uint32Array(x.buffer, x.byteOffset, 2 * x.length);
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w[i], 0x01000193);
    h = Math.imul(h ^ x.length, 0x01000193);
  }
  return `${inputs.length}:${h >>> 0}`;
}

/** Whether the two lists hold the same numbers, bit for bit (NaN equals NaN, 0 is not −0). */
function sameNumbers(a: readonly Float64Array[], b: readonly Float64Array[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.length !== y.length) return false;
    const wx = new Uint32Array(x.buffer, x.byteOffset, 2 * x.length);
    const wy = new Uint32Array(y.buffer, y.byteOffset, 2 * y.length);
    for (let i = 0; i < wx.length; i++) if (wx[i] !== wy[i]) return false;
  }
  return true;
}
