import type { AleaState, Rng } from './rng';
import { int32Of, KN, WN, zigguratFix } from './ziggurat';
import { exp, expDraw, expDrawInRange, expDrawTable, log, log1p } from './math';

/**
 * The samplers the simulation needs, all driven by one seeded generator: Marsaglia–Tsang gamma on
 * ziggurat normals; Poisson and binomial by Hörmann's transformed rejection (two or three
 * uniforms whatever the mean, where a mean of 10⁵ contacts took a chain of gammas and betas),
 * counted directly below a mean of 10. Written without per-call closures because this is the hot
 * loop: closures allocate on every call and the garbage collector then dominated run time.
 * Degenerate arguments return the obvious constant.
 */
export interface Samplers {
  /** Gamma with shape and scale (mean shape·scale); 0 when shape is 0. */
  gamma(shape: number, scale: number): number;
  /** Poisson with mean `mean`; 0 when mean is 0. */
  poisson(mean: number): number;
  /** Binomial(n, p); handles p ∈ {0, 1} and n = 0 exactly. */
  binomial(n: number, p: number): number;
  /**
   * Marked items among `draw` taken without replacement from `total` of which `marked` are
   * marked (0 ≤ marked, draw ≤ total, whole numbers).
   */
  hypergeometric(total: number, marked: number, draw: number): number;
  /** Beta(a, b); 1 when b is 0, 0 when a is 0. */
  beta(a: number, b: number): number;
  normal(mean: number, sd: number): number;
  /** Lognormal with log-mean mu and log-sd sigma. */
  lognormal(mu: number, sigma: number): number;
  uniform(): number;
  /**
   * Fills out[0..count) with lognormal(mu, sigma) draws; the same values, in the same order, as
   * `count` calls of `lognormal`.
   */
  fillLognormal(out: Float64Array, count: number, mu: number, sigma: number): void;
  /**
   * Points these samplers at another generator. The samplers keep no state of their own, so
   * nothing crosses from one run (or stream) to the next.
   */
  use(rng: Rng): void;
}

export function makeSamplers(rng: Rng): Samplers {
  return new SamplerSet(rng);
}

/**
 * The samplers as one class: every stream's samplers share the same prototype methods, so call
 * sites in the simulation stay monomorphic and V8 inlines them (a closure per stream made each
 * call site see many different functions; the calls were then not inlined and every double they
 * returned was boxed on the heap).
 */
class SamplerSet implements Samplers {
  private ext: Rng;
  /** The Alea state stepped in place, or null for another generator (called through `ext`). */
  private st: AleaState | null;
  /** `U` bound once, for the ziggurat's rare slow path. */
  private readonly uFn: () => number;

  constructor(rng: Rng) {
    this.ext = rng;
    this.st = rng.state ?? null;
    this.uFn = () => this.U();
  }

  use(r: Rng): void {
    this.ext = r;
    this.st = r.state ?? null;
  }

  /** The uniform source: for Alea streams the same arithmetic as seedrandom's alea, on its state. */
  private U(): number {
    const st = this.st;
    if (st === null) return this.ext();
    const t = 2091639 * st.s0 + st.c * 2.3283064365386963e-10;
    st.s0 = st.s1;
    st.s1 = st.s2;
    st.c = t | 0;
    return (st.s2 = t - st.c);
  }

  private Z(): number {
    const hz = int32Of(this.U());
    const iz = hz & 127;
    return Math.abs(hz) < KN[iz] ? hz * WN[iz] : zigguratFix(hz, this.uFn);
  }

  /** Gamma(k, 1) by Marsaglia–Tsang; for k < 1 boosted to k + 1 and scaled by U^(1/k). */
  private gamma1(k: number): number {
    if (k === 1) return -log1p(-this.U());
    const d = (k < 1 ? k + 1 : k) - 1 / 3;
    const c = 1 / (3 * Math.sqrt(d));
    let x: number;
    let v: number;
    let u: number;
    do {
      do {
        x = this.Z();
        v = 1 + c * x;
      } while (v <= 0);
      v *= v * v;
      u = 1 - this.U();
    } while (u >= 1 - 0.0331 * x * x * x * x && log(u) >= 0.5 * x * x + d * (1 - v + log(v)));
    return k < 1 ? d * v * exp(log(this.U()) / k) : d * v;
  }

  beta(a: number, b: number): number {
    if (b <= 0) return a <= 0 ? 0 : 1;
    if (a <= 0) return 0;
    const x = this.gamma1(a);
    return x === 0 ? 0 : x / (x + this.gamma1(b));
  }

  /**
   * Binomial(n, p) for n·p < 10 by inversion: walk the probability mass function from 0 with
   * its ratio recursion. One uniform, one exp and one log1p per draw; the rest is arithmetic, so
   * it is cheap and gives the same bits in every JavaScript engine.
   */
  private countSmall(n: number, p: number): number {
    let f = exp(n * log1p(-p));
    if (f === 0) throw new Error(`binomial inversion underflow (n=${n}, p=${p})`);
    const ratio = p / (1 - p);
    let u = this.U();
    let k = 0;
    while (u > f && k < n) {
      u -= f;
      f *= ((n - k) / (k + 1)) * ratio;
      k++;
    }
    return k;
  }

  binomial(count: number, prob: number): number {
    if (count <= 0 || prob <= 0) return 0;
    if (prob >= 1) return count;
    const p = prob < 0.5 ? prob : 1 - prob;
    const k = count * p < 10 ? this.countSmall(count, p) : this.btrd(count, p);
    return prob < 0.5 ? k : count - k;
  }

  /**
   * Hörmann's BTRD (W. Hörmann, "The generation of binomial random variates", J. Statist. Comput.
   * Simul. 46, 1993, 101–110) for n·p ≥ 10 and p ≤ ½: a transformed-rejection proposal with a
   * rectangle of immediate acceptance (about 86% of draws take one uniform), then the ratio
   * f(k)/f(m) by recursion near the mode, a squeeze, and Stirling's series far from it.
   */
  private btrd(n: number, p: number): number {
    const m = Math.floor((n + 1) * p);
    const r = p / (1 - p);
    const nr = (n + 1) * r;
    const npq = n * p * (1 - p);
    const sq = Math.sqrt(npq);
    const b = 1.15 + 2.53 * sq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const alpha = (2.83 + 5.1 / b) * sq;
    const vr = 0.92 - 4.2 / b;
    const urvr = 0.86 * vr;
    for (;;) {
      let v = this.U();
      let u: number;
      if (v <= urvr) {
        u = v / vr - 0.43;
        return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
      }
      if (v >= vr) u = this.U() - 0.5;
      else {
        u = v / vr - 0.93;
        u = (u < 0 ? -0.5 : 0.5) - u;
        v = this.U() * vr;
      }
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      v = (v * alpha) / (a / (us * us) + b);
      const km = Math.abs(k - m);
      if (km <= 15) {
        // f(k)/f(m) by the pmf's ratio recursion.
        let f = 1;
        if (m < k) for (let i = m + 1; i <= k; i++) f *= nr / i - r;
        else for (let i = k + 1; i <= m; i++) v *= nr / i - r;
        if (v <= f) return k;
        continue;
      }
      const lv = log(v);
      const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
      const t = (-km * km) / (2 * npq);
      if (lv < t - rho) return k;
      if (lv > t + rho) continue;
      const nm = n - m + 1;
      const h = (m + 0.5) * log((m + 1) / (r * nm)) + stirlingTail(m) + stirlingTail(n - m);
      const nk = n - k + 1;
      if (lv <= h + (n + 1) * log(nm / nk) + (k + 0.5) * log((nk * r) / (k + 1)) - stirlingTail(k) - stirlingTail(n - k)) return k;
    }
  }

  hypergeometric(total: number, marked: number, draw: number): number {
    // By symmetry at most half the items are drawn and at most half are marked.
    if (2 * draw > total) return marked - this.hypergeometric(total, marked, total - draw);
    if (2 * marked > total) return draw - this.hypergeometric(total, total - marked, draw);
    const top = Math.min(marked, draw);
    if (top === 0) return 0;
    // Inversion from 0 with the probabilities' ratio recursion: one uniform, about mean-many
    // steps (a segment's few departures hold a handful of its cases), P(0) from Stirling's series.
    const logP0 = logHypergeometricP0(total, marked, draw);
    if (logP0 > -600) {
      let f = exp(logP0);
      let u = this.U();
      let k = 0;
      while (u > f && k < top) {
        u -= f;
        f *= ((marked - k) * (draw - k)) / ((k + 1) * (total - marked - draw + k + 1));
        k++;
      }
      return k;
    }
    // A mean so large that P(0) underflows: item by item, one uniform each.
    let k = 0;
    let m = marked;
    for (let i = 0; i < draw && m > 0; i++) {
      if (this.U() * (total - i) < m) {
        k++;
        m--;
      }
    }
    return k;
  }

  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean >= 10) return this.ptrs(mean);
    // Knuth's product of uniforms: count until the product falls below e^−μ (μ < 10).
    const limit = exp(-mean);
    const st = this.st;
    if (st !== null) return knuthCount(st, limit);
    let k = 0;
    for (let prod = this.U(); prod > limit; prod *= this.U()) k++;
    return k;
  }

  /**
   * Hörmann's PTRS (W. Hörmann, "The transformed rejection method for generating Poisson random
   * variables", Insurance: Mathematics and Economics 12, 1993, 39–45) for μ ≥ 10: two uniforms
   * whatever μ, a rectangle of immediate acceptance (about nine draws in ten), else the exact
   * density ratio with log k! from Stirling's series.
   */
  private ptrs(mu: number): number {
    const sl = Math.sqrt(mu);
    const b = 0.931 + 2.53 * sl;
    const a = -0.059 + 0.02483 * b;
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.U() - 0.5;
      const v = this.U();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mu + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
      // log f(k) = −μ + k·log μ − log k!, against the proposal's hat at u.
      if (log((v * invAlpha) / (a / (us * us) + b)) <= -mu + k * log(mu) - logFactorial(k)) return k;
    }
  }

  gamma(shape: number, scale: number): number {
    return shape > 0 && scale > 0 ? this.gamma1(shape) * scale : 0;
  }

  normal(mean: number, sd: number): number {
    return sd > 0 ? mean + sd * this.Z() : mean;
  }

  lognormal(mu: number, sigma: number): number {
    return expDraw(sigma > 0 ? mu + sigma * this.Z() : mu);
  }

  uniform(): number {
    return this.U();
  }

  fillLognormal(out: Float64Array, count: number, mu: number, sigma: number): void {
    const st = this.st;
    if (!st) {
      for (let i = 0; i < count; i++) out[i] = expDraw(mu + sigma * this.Z());
      return;
    }
    // Most draws take fillCommon's tight loop; it stops before a draw that needs the ziggurat's
    // slow path or exp's edge cases, which is then drawn here, consuming the same uniforms.
    let i = fillCommon(st, out, 0, count, mu, sigma);
    while (i < count) {
      out[i] = expDraw(mu + sigma * this.Z());
      i = fillCommon(st, out, i + 1, count, mu, sigma);
    }
  }
}

/** log k! − ((k + ½)·log(k + 1) − (k + 1) + ½·log 2π): tabled below 10, Stirling's series above. */
const STIRLING_TAIL = [
  0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509, 0.01664469118982119, 0.01387612882307075, 0.01189670994589177, 0.01041126526197209, 0.009255462182712733,
  0.008330563433362871,
];
function stirlingTail(k: number): number {
  if (k < 10) return STIRLING_TAIL[k];
  const k1 = k + 1;
  const k1s = k1 * k1;
  return (1 / 12 - (1 / 360 - 1 / 1260 / k1s) / k1s) / k1;
}

/**
 * log P(0) of the hypergeometric law, log[(N−M)! (N−n)! / ((N−M−n)! N!)] for N items of which M are
 * marked and n drawn. Written as four log k! it cancels terms of size N·log N, whose rounding
 * (about 1e-8 for N in the millions) is as large as P(k > 0) itself when few items are marked or
 * drawn. Paired by Stirling's formula, the large terms cancel exactly and what is left is
 * M·log(1 − n/(N+1)) + (N−M+½)·log(1 − M/(N+1)) − (N−M−n+½)·log(1 − M/(N−n+1)) plus the four
 * series' tails, each term of the size of the result.
 */
function logHypergeometricP0(N: number, M: number, n: number): number {
  return (
    M * log1p(-n / (N + 1)) + (N - M + 0.5) * log1p(-M / (N + 1)) - (N - M - n + 0.5) * log1p(-M / (N - n + 1)) + stirlingTail(N - M) + stirlingTail(N - n) - stirlingTail(N - M - n) - stirlingTail(N)
  );
}

/** log k! for a whole k ≥ 0, by the same series. */
const HALF_LOG_2PI = 0.9189385332046728;
function logFactorial(k: number): number {
  return (k + 0.5) * log(k + 1) - (k + 1) + HALF_LOG_2PI + stirlingTail(k);
}

/**
 * Alea's step in whole numbers. Every state fraction is k·2^−32 for a 32-bit k (seedrandom seeds
 * it so and each step keeps it), and 2091639·k + c < 2^53, so seedrandom's step
 *   t = 2091639·s0 + c·2^−32,  c' = ⌊t⌋,  s' = t − c'
 * is exactly the 64-bit multiply-with-carry x = 2091639·k0 + c, c' = ⌊x / 2^32⌋, k' = x mod 2^32.
 * Split as below, only an integer add and compare wait on the previous step's carry (in the
 * floating-point form a multiply, an add and two conversions do), so the processor overlaps
 * consecutive steps: the hot loops below keep k0, k1, k2 as int32 views of the 32-bit values.
 */
const toK = (s: number): number => (s * 4294967296) | 0;
const fromK = (k: number): number => (k >>> 0) * 2.3283064365386963e-10;

/**
 * Lognormal draws into out[from..count) with the Alea state in local variables and no call in
 * the loop (this loop is most of a run): the same numbers, in the same order, as `lognormal`
 * calls. Stops, without consuming its uniform, at the first draw that needs zigguratFix or exp
 * outside `expDrawInRange`; returns that index (or `count`).
 */
function fillCommon(st: AleaState, out: Float64Array, from: number, count: number, mu: number, sigma: number): number {
  let k0 = toK(st.s0);
  let k1 = toK(st.s1);
  let k2 = toK(st.s2);
  let c = st.c;
  let i = from;
  // Two passes: the first steps the generator and keeps the normal's log-value; the second takes
  // exp of them, steps that wait on nothing, so the processor overlaps them. The same operations
  // on the same numbers as one pass, so the same bits.
  for (; i < count; i++) {
    const lo = Math.imul(2091639, k0);
    const hi = (2091639 * (k0 >>> 0) * 2.3283064365386963e-10) | 0;
    // hz is the uniform's 32 bits as a signed integer: int32Of(fromK(hz)) without the round trip.
    const hz = (lo + c) | 0;
    const iz = hz & 127;
    if (!(Math.abs(hz) < KN[iz])) break;
    const x = mu + sigma * (hz * WN[iz]);
    if (!expDrawInRange(x)) break;
    c = hi + (hz >>> 0 < lo >>> 0 ? 1 : 0);
    k0 = k1;
    k1 = k2;
    k2 = hz;
    out[i] = x;
  }
  for (let j = from; j < i; j++) out[j] = expDrawTable(out[j]);
  st.s0 = fromK(k0);
  st.s1 = fromK(k1);
  st.s2 = fromK(k2);
  st.c = c;
  return i;
}

/**
 * Knuth's count for Poisson: uniforms multiplied until the product falls to `limit` or below,
 * the count of factors before that one. The same arithmetic as the loop in `poisson` on U(),
 * with the Alea state in local variables: about a fifth of a run's uniforms are drawn here.
 */
function knuthCount(st: AleaState, limit: number): number {
  let k0 = toK(st.s0);
  let k1 = toK(st.s1);
  let k2 = toK(st.s2);
  let c = st.c;
  let k = -1;
  let prod = 1;
  do {
    const lo = Math.imul(2091639, k0);
    const hi = (2091639 * (k0 >>> 0) * 2.3283064365386963e-10) | 0;
    const kn = (lo + c) | 0;
    c = hi + (kn >>> 0 < lo >>> 0 ? 1 : 0);
    k0 = k1;
    k1 = k2;
    k2 = kn;
    prod *= fromK(kn);
    k++;
  } while (prod > limit);
  st.s0 = fromK(k0);
  st.s1 = fromK(k1);
  st.s2 = fromK(k2);
  st.c = c;
  return k;
}
