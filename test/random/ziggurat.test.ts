import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../models/random/rng';
import { makeSamplers } from '../../models/random/samplers';
import { int32Of, KN, WN, zigguratFix, zigguratNormal } from '../../models/random/ziggurat';

// The ziggurat (Marsaglia & Tsang's RNOR) takes the layer from the low 7 bits of the same 32-bit
// integer whose value, times the layer's width, is the abscissa; Doornik (2005, "An improved
// ziggurat method to generate normal random samples") pointed out that this ties the layer to
// the abscissa's bits and to the generator's low bits. These checks look for any such dependence
// in what the sampler actually produces from the project's Alea streams:
//  1. the bits: layer (low 7 bits) × sign × top magnitude bits of the integers the sampler reads;
//  2. the output: the layer a draw started in × the sign and two fine fractional bits of |z|;
//  3. the tails: P(Z > t) and P(Z < −t) up to t = 5 against 1 − Φ(t), and Φ(Z) in 1,000 bins.
// 2·10⁶ draws always; PROEFTUIN_ZIGGURAT_DRAWS=100000000 runs the 10⁸-draw version. A variant
// whose layer shares one bit with the sign in 1 of 64 draws must fail check 2 at 2·10⁶ draws.
// A sign–layer dependence in a share ε of draws adds about N·ε² to check 2's χ² (889 df, SD 42),
// so it is seen (p < 10⁻⁴, half the time) from ε ≈ 1/110 at 2·10⁶ draws and ε ≈ 1/800 at 10⁸.
const N = Number(process.env.PROEFTUIN_ZIGGURAT_DRAWS ?? 2_000_000);
/** The long version prints its statistics (the short one only shows them when a check fails). */
/** Per-test time limit: the 10⁸-draw version takes minutes on a busy machine (no timing is asserted). */
const LIMIT = Math.max(120_000, (N / 1e6) * 15_000);
const show = (what: string, x: unknown) => {
  if (process.env.PROEFTUIN_ZIGGURAT_DRAWS) console.log(`ziggurat ${what}: ${JSON.stringify(x)}`);
};

/**
 * Upper-tail p-value of a χ² statistic with df degrees of freedom (Wilson–Hilferty; accurate to a
 * few per cent of the p-value for df ≥ 100, which is all the verdicts below need).
 */
function chiSquareP(x: number, df: number): number {
  const z = (Math.cbrt(x / df) - (1 - 2 / (9 * df))) / Math.sqrt(2 / (9 * df));
  return 1 - normalCdf(z, 0, 1);
}

/** χ² test of independence of rows and columns of a contingency table (counts, row-major). */
function independence(counts: Float64Array, rows: number, cols: number): { chi2: number; df: number; p: number } {
  const r = new Float64Array(rows);
  const c = new Float64Array(cols);
  let n = 0;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const v = counts[i * cols + j];
      r[i] += v;
      c[j] += v;
      n += v;
    }
  let chi2 = 0;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const e = (r[i] * c[j]) / n;
      chi2 += (counts[i * cols + j] - e) ** 2 / e;
    }
  const df = (rows - 1) * (cols - 1);
  return { chi2, df, p: chiSquareP(chi2, df) };
}

/**
 * A normal draw from `uniform` that also reports the layer it chose (`layer.value`). For the
 * production sampler the layer is the low 7 bits of the first integer it reads.
 */
type Draw = (uniform: () => number, layer: { value: number }) => number;

const production: Draw = (uniform, layer) => {
  let first = true;
  return zigguratNormal(() => {
    const v = uniform();
    if (first) layer.value = int32Of(v) & 127;
    first = false;
    return v;
  });
};

/**
 * Deliberately broken: in 1 of `every` draws the layer's lowest bit is the sign bit, a bit the
 * abscissa also uses; otherwise exactly the production ziggurat.
 */
function correlatedVariant(every: number): Draw {
  let k = 0;
  return (uniform, layer) => {
    const hz = int32Of(uniform());
    const broken = ++k % every === 0;
    const iz = broken ? (hz & 126) | (hz >>> 31) : hz & 127;
    layer.value = iz;
    if (Math.abs(hz) < KN[iz]) return hz * WN[iz];
    // The slow path re-reads the layer from the integer; give it one whose low bits are iz.
    return zigguratFix((hz & ~127) | iz, uniform);
  };
}

/** Check 2's table: layer of the first integer (128) × sign of z (2) × bits 2⁻¹⁵ and 2⁻¹⁶ of |z| (4). */
function outputTable(draw: Draw, n: number, seed: string) {
  const u = streamFor(seed, 0, 'ziggurat');
  const chosen = { value: 0 };
  const counts = new Float64Array(128 * 8);
  for (let i = 0; i < n; i++) {
    const z = draw(u, chosen);
    const layer = chosen.value;
    const frac = Math.floor(Math.abs(z) * 65536) & 3;
    counts[layer * 8 + (z < 0 ? 4 : 0) + frac]++;
  }
  return independence(counts, 128, 8);
}

describe('the ziggurat normal sampler: layer choice and tails', () => {
  it('zigguratNormal on an Alea stream is the sampler the simulation uses (same numbers)', () => {
    const a = makeSamplers(streamFor('zig-same', 0, 'z'));
    const u = streamFor('zig-same', 0, 'z');
    let differ = 0;
    for (let i = 0; i < 200_000; i++) if (!Object.is(zigguratNormal(u), a.normal(0, 1))) differ++;
    expect(differ).toBe(0);
  });

  it(
    `1. bits: the layer is independent of the sign and the top magnitude bits (χ², ${N.toExponential(0)} integers)`,
    () => {
      const u = streamFor('zig-bits', 0, 'z');
      const counts = new Float64Array(128 * 16);
      for (let i = 0; i < N; i++) {
        const hz = int32Of(u());
        counts[(hz & 127) * 16 + ((hz >>> 28) & 15)]++;
      }
      // 128 layers × 16 (sign and the next three bits): uniform cells, df = 2047, and the
      // layer-by-rest independence table, df = 127·15 = 1905. Both judged at p > 10⁻⁴.
      let chi2 = 0;
      const e = N / counts.length;
      for (const c of counts) chi2 += (c - e) ** 2 / e;
      expect(chiSquareP(chi2, counts.length - 1), `χ² = ${chi2.toFixed(0)} on ${counts.length - 1} df`).toBeGreaterThan(1e-4);
      const ind = independence(counts, 128, 16);
      show('bits', { uniformCells: { chi2, df: counts.length - 1, p: chiSquareP(chi2, counts.length - 1) }, independence: ind });
      expect(ind.p, `χ² = ${ind.chi2.toFixed(0)} on ${ind.df} df`).toBeGreaterThan(1e-4);
    },
    LIMIT,
  );

  it(
    `2. output: the starting layer is independent of the sign and fine fractional bits of z (χ², ${N.toExponential(0)} draws), and a correlated variant fails`,
    () => {
      const ok = outputTable(production, N, 'zig-output');
      show('output', ok);
      expect(ok.p, `χ² = ${ok.chi2.toFixed(0)} on ${ok.df} df`).toBeGreaterThan(1e-4);
      // Power: with the layer's lowest bit equal to the sign in 1 of 64 draws, each layer's sign
      // split moves by 1/128, which adds about 4·N/128² ≈ 490 to the χ² at 2·10⁶ draws: 11 SDs
      // (√(2·889) = 42) above its df.
      const n = Math.min(N, 2_000_000);
      // Measured: χ² = 1,435 on 889 df (the production sampler: 908, p = 0.32).
      const bad = outputTable(correlatedVariant(64), n, 'zig-output');
      expect(bad.p, `correlated variant: χ² = ${bad.chi2.toFixed(0)} on ${bad.df} df`).toBeLessThan(1e-4);
    },
    LIMIT,
  );

  it(
    `3. tails: P(Z > t) and P(Z < −t) for t up to 5 match 1 − Φ(t), and Φ(Z) is uniform over 1,000 bins (${N.toExponential(0)} draws)`,
    () => {
      const s = makeSamplers(streamFor('zig-tails', 0, 'z'));
      const ts = [1, 2, 3, 3.442619855899, 4, 4.5, 5];
      const above = new Float64Array(ts.length);
      const below = new Float64Array(ts.length);
      const bins = new Float64Array(1000);
      for (let i = 0; i < N; i++) {
        const z = s.normal(0, 1);
        for (let k = 0; k < ts.length; k++) {
          if (z > ts[k]) above[k]++;
          else if (z < -ts[k]) below[k]++;
        }
        bins[Math.min(999, Math.floor(normalCdf(z, 0, 1) * 1000))]++;
      }
      ts.forEach((t, k) => {
        const p = 1 - normalCdf(t, 0, 1);
        // Binomial counts: 4·√(Np(1−p)), plus 3 for the far tail where Np is a few draws
        // (at 2·10⁶ draws, 0.57 are expected beyond 5).
        const tol = 4 * Math.sqrt(N * p * (1 - p)) + 3;
        expect(Math.abs(above[k] - N * p), `Z > ${t}: ${above[k]} vs ${(N * p).toFixed(1)}`).toBeLessThan(tol);
        expect(Math.abs(below[k] - N * p), `Z < −${t}: ${below[k]} vs ${(N * p).toFixed(1)}`).toBeLessThan(tol);
      });
      let chi2 = 0;
      const e = N / 1000;
      for (const c of bins) chi2 += (c - e) ** 2 / e;
      show('tails', { t: ts, expected: ts.map((t) => N * (1 - normalCdf(t, 0, 1))), above: [...above], below: [...below], bins: { chi2, df: 999, p: chiSquareP(chi2, 999) } });
      expect(chiSquareP(chi2, 999), `χ² = ${chi2.toFixed(0)} on 999 df`).toBeGreaterThan(1e-4);
    },
    LIMIT,
  );
});
