/** Fails the current test with `msg` unless `cond` holds (the checks' messages say what was seen). */
export function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}
