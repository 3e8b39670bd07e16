import type { Summary } from './summarize';
import type { LocalText } from '../scenario/localText';

/**
 * The optional `results` field of a scenario file: a compact summary of one run of the scenario,
 * so that a reader sees the headline numbers before re-running it. The engine ignores it, and the
 * scenario hash leaves it out (it describes the scenario; hashing it would make the hash circular).
 *
 * No zod here: the UI thread builds and compares these summaries without loading the schema library.
 * The schema of the field is `ResultsSummarySchema` in schema.ts; a unit test checks that what
 * `compactResults` writes passes it.
 *
 * Numbers are written at full precision (JSON round-trips doubles exactly), so a re-run can be
 * checked for identity, not only for closeness. A number that is not finite is written as null,
 * and −0 as 0.
 */
export interface ResultsSummary {
  /** When the run finished, ISO 8601. */
  computedAt: string;
  /** Runs the numbers are based on. */
  runs: number;
  /** The scenario's random seed in that run. */
  seed: string;
  /** SHA-256 of the scenario that was run (without this field); absent when it could not be computed. */
  scenarioHash?: string;
  /** Workbench that computed it, e.g. "proeftuin 0.1.0". */
  generator?: string;
  /** Target reduction, fraction. */
  targetReduction: number;
  /** Per simulated year: mean total cost (euros) without and with the scenario, the reduction and P(reduction ≥ target). */
  years: ResultsYear[];
  /** Per financing model, per party: result (revenue − cost) summed over the horizon. Absent without financing. */
  financing?: ResultsModel[];
}

export interface ResultsYear {
  year: number;
  costCounterfactual: number | null;
  costScenario: number | null;
  reduction: number | null;
  /** Monte Carlo standard error of the mean reduction. */
  reductionMcse: number | null;
  pReachTarget: number | null;
}

export interface ResultsParty {
  /** Mean result over the horizon, euros. */
  mean: number | null;
  /** P(result < 0). */
  pLoss: number | null;
  /** Expected shortfall 95%: mean loss in the worst 5% of runs (positive = loss), euros. */
  es95: number | null;
}

export interface ResultsModel {
  id: string;
  name: LocalText;
  kind: string;
  parties: Record<string, ResultsParty>;
}

/** A number as JSON can carry it: not finite → null, −0 → 0 (JSON writes −0 as 0). */
const fin = (x: number): number | null => (!Number.isFinite(x) ? null : x === 0 ? 0 : x);

/** The compact summary of `summary` (a finished run of the scenario with `seed`). */
export function compactResults(summary: Summary, info: { seed: string; scenarioHash?: string; computedAt: string; generator?: string }): ResultsSummary {
  const f = summary.financing;
  return {
    computedAt: info.computedAt,
    runs: summary.runs,
    seed: info.seed,
    ...(info.scenarioHash ? { scenarioHash: info.scenarioHash } : {}),
    ...(info.generator ? { generator: info.generator } : {}),
    targetReduction: summary.target,
    years: summary.years.map((y) => ({
      year: y.year,
      costCounterfactual: fin(y.cf.total.mean),
      costScenario: fin(y.sc.total.mean),
      reduction: fin(y.reduction.mean),
      reductionMcse: fin(y.reduction.mcse),
      pReachTarget: fin(y.pReachTarget.p),
    })),
    ...(f && f.models.length > 0
      ? {
          financing: f.models.map((m) => ({
            id: m.id,
            name: m.name,
            kind: m.kind,
            parties: Object.fromEntries(f.parties.map((p) => [p, { mean: fin(m.horizon[p].result.mean), pLoss: fin(m.horizon[p].pLoss.p), es95: fin(m.horizon[p].es95) }])),
          })),
        }
      : {}),
  };
}

export type ResultsVerdict =
  /** Same scenario, seed and runs (or, without a hash in the file, same seed and runs), and every number equal. */
  | { kind: 'identical' }
  /** Same scenario, seed and runs, yet other numbers: another engine version, or the numbers were edited. */
  | { kind: 'differs'; where: string[] }
  /** Another scenario (hash), seed or number of runs: differences are expected. */
  | { kind: 'otherInputs'; seed: boolean; runs: boolean; hash: boolean | null; same: boolean };

/** The numbers of a summary as path → value, for an exact comparison. */
function numbers(r: ResultsSummary): Map<string, number | null> {
  const out = new Map<string, number | null>();
  r.years.forEach((y) => {
    for (const k of ['costCounterfactual', 'costScenario', 'reduction', 'reductionMcse', 'pReachTarget'] as const) out.set(`${y.year}.${k}`, y[k]);
  });
  r.financing?.forEach((m) => {
    for (const [p, v] of Object.entries(m.parties)) for (const k of ['mean', 'pLoss', 'es95'] as const) out.set(`${m.id}.${p}.${k}`, v[k]);
  });
  return out;
}

/** True when both summaries hold the same numbers, bit for bit (the same years, models and parties). */
function sameNumbers(a: ResultsSummary, b: ResultsSummary, where: string[]): boolean {
  const x = numbers(a);
  const y = numbers(b);
  for (const k of new Set([...x.keys(), ...y.keys()])) {
    if (!x.has(k) || !y.has(k)) where.push(`${k}: ${x.has(k) ? 'missing in the re-run' : 'missing in the file'}`);
    else if (!Object.is(x.get(k), y.get(k))) where.push(`${k}: ${x.get(k)} ≠ ${y.get(k)}`);
  }
  return where.length === 0;
}

/**
 * Does a re-run agree with the summary a file carried? With the same scenario hash, seed and runs
 * the engine must give identical numbers, so anything else is reported as a difference. A file
 * without a hash is compared by seed and runs only (`hash: null`).
 */
export function compareResults(fromFile: ResultsSummary, rerun: ResultsSummary): ResultsVerdict {
  const seed = fromFile.seed === rerun.seed;
  const runs = fromFile.runs === rerun.runs;
  const hash = fromFile.scenarioHash && rerun.scenarioHash ? fromFile.scenarioHash === rerun.scenarioHash : null;
  const where: string[] = [];
  const same = sameNumbers(fromFile, rerun, where);
  if (seed && runs && hash === true) return same ? { kind: 'identical' } : { kind: 'differs', where };
  if (seed && runs && hash === null && same) return { kind: 'identical' };
  return { kind: 'otherInputs', seed, runs, hash, same };
}
