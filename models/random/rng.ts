import seedrandom from 'seedrandom';

/** State of an Alea generator (Baagøe): three fractions and a carry. */
export interface AleaState {
  s0: number;
  s1: number;
  s2: number;
  c: number;
}

/**
 * A uniform generator on [0, 1). All randomness in `models/` comes in through this type. Alea
 * streams also expose their state so that hot loops can step the generator in local variables
 * (see `fillLognormal`), producing exactly the numbers repeated calls would.
 */
export type Rng = (() => number) & { state?: AleaState };

const TWO_M32 = 2.3283064365386963e-10; // 2^-32

/** Steps the given Alea state; the same arithmetic as seedrandom's alea. */
export function aleaFromState(st: AleaState): Rng {
  const next = (() => {
    const t = 2091639 * st.s0 + st.c * TWO_M32;
    st.s0 = st.s1;
    st.s1 = st.s2;
    return (st.s2 = t - (st.c = t | 0));
  }) as Rng;
  next.state = st;
  return next;
}

/**
 * Independent streams per run. A run never shares a generator with another run, so results
 * do not depend on how runs are split over workers or chunks. seedrandom's Alea is used because it
 * is fast and gives identical sequences in Node and browsers (its default ARC4 is ~7x slower);
 * seedrandom seeds it, and the stepping continues from that state.
 */
export function streamFor(seed: string, run: number, stream: string): Rng {
  const g = seedrandom.alea(`${seed}\u0000${run}\u0000${stream}`, { state: true }) as unknown as { state(): AleaState };
  return aleaFromState(g.state());
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
  /** Thinning of the scenario's care under contracts whose incentives change it: the same stream for every contract, so they are coupled. */
  behaviour: 'behaviour',
  /** People drawn one by one to show a calibrated region's cost skew. */
  calibration: 'calibration',
  paramsOf: (block: string) => `params:${block}`,
  actionOf: (block: string) => `action:${block}`,
} as const;
