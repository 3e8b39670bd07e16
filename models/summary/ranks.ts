/**
 * Ranks 0..n−1 (ties get their average rank), as Float64Array. A native numeric sort of a copy and
 * two binary searches per value: much faster than sorting indices with a comparator.
 */
export function ranks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = x[i];
  sorted.sort();
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    let up = lo;
    hi = n;
    while (up < hi) {
      const mid = (up + hi) >>> 1;
      if (sorted[mid] <= v) up = mid + 1;
      else hi = mid;
    }
    r[i] = (lo + up - 1) / 2;
  }
  return r;
}

/** Pearson correlation; 0 when either side is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
