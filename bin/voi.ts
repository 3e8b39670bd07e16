// `npm run sim -- <scenario> --voi [--voi-group "a,b"] [--pilot "1000,10000"] [--pilot-cost fixed,perPerson] [--runs N] [--out voi.json]`:
// what knowing a parameter, a group or a pilot's result is worth to each of the scenario's decisions.
import { decisionValue, DecisionValueError, type DecisionValue } from '../models/analysis/decisionValue';
import type { Scenario } from '../models/scenario/schema';

const mln = (x: number) => (x / 1e6).toFixed(2);

/** Parses "1000,10000" (pilot sizes) or "fixed,perPerson" (pilot cost): numbers, comma-separated. */
function numbers(flag: string, text: string, count?: number): number[] {
  const xs = text.split(',').map((t) => (t.trim() === '' ? NaN : Number(t)));
  if (xs.some((x) => !Number.isFinite(x) || x < 0) || (count !== undefined && xs.length !== count))
    throw new DecisionValueError(`--${flag}: ${count ?? 'one or more'} non-negative numbers separated by commas, not "${text}"`);
  return xs;
}

export function runVoi(s: Scenario, o: { runs?: number; group?: string; pilot?: string; pilotCost?: string }): DecisionValue {
  if (o.pilotCost !== undefined && o.pilot === undefined) throw new DecisionValueError('--pilot-cost goes with --pilot');
  const pilot = o.pilot !== undefined ? numbers('pilot', o.pilot).map((n) => Math.round(n)) : undefined;
  if (pilot?.some((n) => n < 1)) throw new DecisionValueError('--pilot: every size at least one person');
  const [fixedCost, costPerPerson] = o.pilotCost !== undefined ? numbers('pilot-cost', o.pilotCost, 2) : [0, 0];
  return decisionValue(s, {
    ...(o.runs ? { runs: o.runs } : {}),
    ...(o.group ? { group: o.group.split(',').map((x) => x.trim()) } : {}),
    ...(pilot ? { pilot: { sizes: pilot, fixedCost, costPerPerson } } : {}),
  });
}

/** The values as a table for the terminal: per decision, EVPI, the parameters ranked by EVPPI, the group and the pilot. */
export function formatVoi(d: DecisionValue, top = 8): string {
  const lines = [`value of information on ${d.runs} runs, € mln (± bootstrap SE); R² = the largest share of an option's net benefit the parameter explains`];
  for (const x of d.decisions) {
    const what = x.decision === 'go' ? 'go/no-go (net saving beyond the target)' : `${x.decision}'s choice among ${x.options.join(', ')}`;
    lines.push(`${what}: EVPI ${mln(x.evpi.value)} ± ${mln(x.evpi.se)}`);
    const ranked = x.evppi.map((e, k) => ({ e, k })).sort((a, b) => b.e.value - a.e.value);
    for (const { e, k } of ranked.slice(0, top)) lines.push(`  ${d.parameters[k].padEnd(48)} ${mln(e.value).padStart(8)} ± ${mln(e.se)}  R² ${Math.max(...e.fits.map((f) => f.r2)).toFixed(2)}`);
    if (x.group) lines.push(`  group ${d.group!.map((k) => d.parameters[k]).join(' + ')}: ${mln(x.group.value)} ± ${mln(x.group.se)}`);
    for (const p of x.pilot ?? []) lines.push(`  pilot of ${p.n} people for a year: EVSI ${mln(p.value)} ± ${mln(p.se)}, cost ${mln(p.cost)}, net ${mln(p.net)}`);
  }
  return lines.join('\n');
}
