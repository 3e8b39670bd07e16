import defaultScenario from '../../scenarios/default.json' with { type: 'json' };
import { validateScenario } from '../../models/pipeline/validate';
import { scenarioHash } from '../../models/scenario/hash';
import { compile } from '../../models/pipeline/compile';
import { summarize, type Summary } from '../../models/summary/summarize';
import { runOnWorkers } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';

/** The default scenario with `runs` runs, as the page builds it from `?runs=`. */
export function defaultWithRuns(runs: number): Record<string, any> {
  const s = JSON.parse(JSON.stringify(defaultScenario)) as Record<string, any>;
  s.simulation = { ...s.simulation, runs };
  return s;
}

/** What Node computes for a scenario: the reference the browser must match bit for bit. */
export async function nodeReference(input: unknown, runs: number): Promise<{ summary: Summary; hash: string }> {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(`reference scenario invalid: ${v.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const r = await runOnWorkers([inProcessWorker()], input, { runs });
  const summary = summarize(compile(v.scenario), r.block);
  return { summary, hash: await scenarioHash(v.scenario) };
}

/** Paths where two values differ, comparing numbers bit for bit (Object.is: NaN = NaN, 0 ≠ −0). */
export function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 10): string[] {
  if (out.length >= limit) return out;
  if (typeof a === 'number' && typeof b === 'number') {
    if (!Object.is(a, b)) out.push(`${path}: ${a} ≠ ${b}`);
    return out;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if (a !== b) out.push(`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
    return out;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    out.push(`${path}: array vs object`);
    return out;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) differences((a as any)[k], (b as any)[k], path ? `${path}.${k}` : k, out, limit);
  return out;
}

/** Largest relative difference between two values over all numbers (NaN = NaN counts as equal); `skip` leaves top-level keys out. */
export function maxRelativeDifference(a: unknown, b: unknown, skip: string[] = []): { rel: number; path: string } {
  let worst = { rel: 0, path: '' };
  const walk = (x: unknown, y: unknown, path: string) => {
    if (typeof x === 'number' && typeof y === 'number') {
      if (Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y))) return;
      const rel = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-300);
      if (!(rel <= worst.rel)) worst = { rel: Number.isNaN(rel) ? Infinity : rel, path };
      return;
    }
    if (x && y && typeof x === 'object' && typeof y === 'object') {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if (path === '' && skip.includes(k)) continue;
        walk((x as any)[k], (y as any)[k], path ? `${path}.${k}` : k);
      }
    } else if (x !== y) worst = { rel: Infinity, path };
  };
  walk(a, b, '');
  return worst;
}
