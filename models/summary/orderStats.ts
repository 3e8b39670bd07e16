/**
 * Order statistics by bucketing instead of repeated selection. A summary reads 20 order
 * statistics (five percentiles and the ranks of their standard errors) from each of hundreds of
 * columns; Hoare's selection searched the column once per rank, about 30 passes over it. Here
 * each value's bucket comes from the high 32 bits of its IEEE-754 pattern, mapped so that integer
 * order is numeric order; one counting pass tells which bucket holds each wanted rank, one more
 * gathers those buckets' values, and a bucket that is still large is bucketed again on its own
 * narrower range (results of either sign span most of the key range, so one level can leave
 * most values in a few buckets). The values returned are exactly those of a sorted copy (the
 * typed array's own sort, which puts −0 before +0). The values must not be NaN (a NaN with its
 * sign bit set would count as the smallest).
 */

/** Up to this many buckets: a 16 KB count table, small against the columns it sorts. */
const BUCKET_BITS = 11;
/** Below this many values a sorted copy is quicker than bucketing. */
const SMALL = 64;

let keys = new Int32Array(0);
const counts = new Int32Array((1 << BUCKET_BITS) + 1);
const slotOf = new Int32Array(1 << BUCKET_BITS);

/** The high word of a double is the second of its two 32-bit words on little-endian machines (all that run browsers; others sort). */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/**
 * Value i's bucket is ((keys[i] − min) | 0) >>> shift; afterwards counts[b] is the first rank in
 * bucket b and counts[nb] = a.length. One bucket (nb = 1): every value has the same high word.
 */
interface Buckets {
  min: number;
  shift: number;
  nb: number;
}

function bucketize(a: Float64Array): Buckets {
  const n = a.length;
  if (keys.length < n) keys = new Int32Array(Math.max(n, 2 * keys.length));
  const words = new Int32Array(a.buffer, a.byteOffset, 2 * n);
  let min = 0x7fffffff;
  let max = -0x80000000;
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1];
    // Negative doubles order in reverse of their bits: flipping all but the sign bit makes signed
    // integer order the values' order (all in int32 arithmetic, which the JIT keeps in registers).
    const k = h < 0 ? h ^ 0x7fffffff : h;
    keys[i] = k;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  // Differences from min as unsigned 32-bit numbers: (k − min) | 0 wraps, >>> reads it unsigned.
  const range = ((max - min) | 0) >>> 0;
  const shift = Math.max(0, 32 - Math.clz32(range) - BUCKET_BITS);
  const nb = (range >>> shift) + 1;
  counts.fill(0, 0, nb + 1);
  for (let i = 0; i < n; i++) counts[(((keys[i] - min) | 0) >>> shift) + 1]++;
  for (let b = 1; b <= nb; b++) counts[b] += counts[b - 1];
  return { min, shift, nb };
}

/**
 * The values of `a` in each of the buckets `wanted` of the last `bucketize(a)`, with the bucket's
 * first rank, and (in the same pass) every value in a bucket below `below`.
 */
function gather(a: Float64Array, { min, shift }: Buckets, wanted: number[], below = 0): { parts: { first: number; values: Float64Array }[]; lower: Float64Array } {
  const parts = wanted.map((b, w) => {
    slotOf[b] = w + 1;
    return { first: counts[b], values: new Float64Array(counts[b + 1] - counts[b]) };
  });
  const lower = new Float64Array(counts[below]);
  const fill = new Int32Array(wanted.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const b = ((keys[i] - min) | 0) >>> shift;
    if (b < below) lower[m++] = a[i];
    else {
      const s = slotOf[b];
      if (s > 0) parts[s - 1].values[fill[s - 1]++] = a[i];
    }
  }
  for (const b of wanted) slotOf[b] = 0;
  return { parts, lower };
}

/** The bucket holding rank r (counts[b] ≤ r < counts[b + 1]), searching upward from `from`. */
function bucketOf(r: number, from: number): number {
  let b = from;
  while (counts[b + 1] <= r) b++;
  return b;
}

/**
 * The values at 0-based ranks `ranks` (ascending, each in [0, a.length)) of `a` sorted ascending,
 * as a sorted copy would give them. `a` is not changed.
 */
export function orderStatistics(a: Float64Array, ranks: readonly number[]): number[] {
  const n = a.length;
  const bk = n < SMALL || !LITTLE_ENDIAN ? null : bucketize(a);
  if (bk === null || bk.nb === 1) {
    if (bk !== null && allSame(a)) return ranks.map(() => a[0]);
    const s = sortedCopy(a);
    return ranks.map((r) => s[r]);
  }
  const wanted: number[] = [];
  let b = 0;
  for (const r of ranks) {
    b = bucketOf(r, b);
    if (wanted[wanted.length - 1] !== b) wanted.push(b);
  }
  // Gathered before going deeper: the tables above are reused there.
  const { parts } = gather(a, bk, wanted);
  const out: number[] = [];
  let k = 0;
  for (const { first, values } of parts) {
    const local: number[] = [];
    for (; k < ranks.length && ranks[k] < first + values.length; k++) local.push(ranks[k] - first);
    out.push(...orderStatistics(values, local));
  }
  return out;
}

/** The k smallest values of `a` (1 ≤ k ≤ a.length) in ascending order, as a sorted copy's first k. `a` is not changed. */
export const smallestSorted = (a: Float64Array, k: number): Float64Array => orderStatisticsAndSmallest(a, [], k).smallest;

/**
 * `orderStatistics(a, ranks)` and `smallestSorted(a, k)` of the same array from one bucketing
 * (ranks ascending, 1 ≤ k ≤ a.length): a summary reads both the percentiles and the worst 5% of
 * most columns, and each bucketing is two passes over the column.
 */
export function orderStatisticsAndSmallest(a: Float64Array, ranks: readonly number[], k: number): { values: number[]; smallest: Float64Array } {
  const n = a.length;
  const bk = n < SMALL || !LITTLE_ENDIAN ? null : bucketize(a);
  if (bk === null || bk.nb === 1) {
    if (bk !== null && allSame(a)) return { values: ranks.map(() => a[0]), smallest: new Float64Array(k).fill(a[0]) };
    const s = sortedCopy(a);
    return { values: ranks.map((r) => s[r]), smallest: s.subarray(0, k) };
  }
  // Every value in a bucket below the one holding rank k − 1 is among the k smallest, and ranks
  // below k are read from those; the buckets holding the other ranks are gathered with them.
  const last = bucketOf(k - 1, 0);
  let j = 0;
  while (j < ranks.length && ranks[j] < k) j++;
  const wanted = [last];
  for (let i = j, b = last; i < ranks.length; i++) {
    b = bucketOf(ranks[i], b);
    if (wanted[wanted.length - 1] !== b) wanted.push(b);
  }
  const { parts, lower } = gather(a, bk, wanted, last);
  // Each part's ranks, counted from its first (the parts ascend, as the ranks do).
  const local = parts.map(({ first, values }) => {
    const out: number[] = [];
    for (; j < ranks.length && ranks[j] < first + values.length; j++) out.push(ranks[j] - first);
    return out;
  });
  // The tables above are free again: the buckets may be bucketed in turn.
  const inLast = orderStatisticsAndSmallest(parts[0].values, local[0], k - lower.length);
  const smallest = new Float64Array(k);
  smallest.set(sortedCopy(lower));
  smallest.set(inLast.smallest, lower.length);
  const values = ranks.filter((r) => r < k).map((r) => smallest[r]);
  values.push(...inLast.values);
  for (let i = 1; i < parts.length; i++) values.push(...orderStatistics(parts[i].values, local[i]));
  return { values, smallest };
}

/**
 * Whether every value of `a` has the same bits. Parties outside a contract have no money in it,
 * so many columns (and many buckets of the others) hold one repeated value: no sort is needed.
 * Asked only of arrays that were bucketed into one bucket: a small array's insertion sort moves
 * nothing when its values are all the same, and the test cost more than that sort.
 */
function allSame(a: Float64Array): boolean {
  const n = a.length;
  if (n < 2) return true;
  const w = new Int32Array(a.buffer, a.byteOffset, 2 * n);
  const lo = w[0];
  const hi = w[1];
  for (let i = 2; i < 2 * n; i += 2) if (w[i] !== lo || w[i + 1] !== hi) return false;
  return true;
}

/** −0 before +0, as the typed array's sort orders them. */
const before = (x: number, y: number): boolean => x < y || (x === 0 && y === 0 && 1 / x < 1 / y);

/**
 * A sorted copy, as the typed array's sort gives it. Most buckets hold a few values, for which an
 * insertion sort is quicker than the built-in sort's set-up.
 */
function sortedCopy(a: Float64Array): Float64Array {
  const s = a.slice();
  if (s.length > 32) return s.sort();
  for (let i = 1; i < s.length; i++) {
    const v = s[i];
    let j = i - 1;
    while (j >= 0 && before(v, s[j])) {
      s[j + 1] = s[j];
      j--;
    }
    s[j + 1] = v;
  }
  return s;
}
