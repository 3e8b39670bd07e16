/**
 * Cases per property: the base count (sized so `npm test` runs the fuzz suite in well under a
 * minute) times FUZZ_RUNS, e.g. `FUZZ_RUNS=20 npx vitest run fuzz` for a longer hunt.
 */
export const fuzzRuns = (base: number): number => Math.max(1, Math.round(base * (Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 1)));

/** A fixed seed unless FUZZ_SEED is given, so a failure in `npm test` reproduces. */
export const fuzzSeed = (fallback: number): number => (Number.isInteger(Number(process.env.FUZZ_SEED)) && process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : fallback);
