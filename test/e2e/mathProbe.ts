/**
 * Evaluates Math.exp/log/pow/log1p/expm1 on fixed inputs. Run in Node and in the browser and
 * compare: when the two engines' Math functions differ in the last bit, simulation results cannot
 * be bit-identical unless the engine uses its own implementations of these functions.
 * Kept as a string so that no bundler helper (e.g. tsx's __name) leaks into the page.
 */
export const MATH_PROBE = `(() => {
  var s = 12345;
  var rnd = function () { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  var out = { exp: [], log: [], pow: [], log1p: [], expm1: [] };
  for (var i = 0; i < 5000; i++) {
    var x = rnd() * 40 - 20, y = rnd() * 1e6 + 1e-9, z = rnd() * 3;
    out.exp.push(Math.exp(x)); out.log.push(Math.log(y)); out.pow.push(Math.pow(y, z - 1.5));
    out.log1p.push(Math.log1p(rnd() * 2 - 0.99)); out.expm1.push(Math.expm1(x / 10));
  }
  return out;
})()`;

export type ProbeResult = Record<string, number[]>;

export function runProbeHere(): ProbeResult {
  return (0, eval)(MATH_PROBE) as ProbeResult;
}

/** Per function, how many of the probe values differ bit for bit. */
export function probeDifferences(a: ProbeResult, b: ProbeResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(a)) out[k] = a[k].filter((v, i) => !Object.is(v, b[k][i])).length;
  return out;
}
