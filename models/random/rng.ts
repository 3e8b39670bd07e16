import seedrandom from 'seedrandom';

/** A uniform generator on [0, 1). All randomness in `models/` comes in through this type. */
export type Rng = () => number;

/**
 * Independent streams per run. A run never shares a generator with another run, so results
 * do not depend on how runs are split over workers or chunks. Alea is used because it is fast
 * and gives identical sequences in Node and browsers (seedrandom's default ARC4 is ~7x slower).
 */
export function streamFor(seed: string, run: number, stream: string): Rng {
  return seedrandom.alea(`${seed}\u0000${run}\u0000${stream}`) as Rng;
}

/** Stream names, so that every caller spells them the same way. */
export const STREAMS = {
  /** Parameter draws for the base block (region, care use, trends, quality, benchmark). */
  params: 'params',
  /** Baseline care use: shared by counterfactual and scenario (common random numbers). */
  base: 'base',
  /** Second baseline replicate with the same parameters, used for the variance split. */
  twin: 'twin',
  quality: 'quality',
  paramsOf: (block: string) => `params:${block}`,
  actionOf: (block: string) => `action:${block}`,
} as const;
