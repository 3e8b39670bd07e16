import pkg from '../../package.json' with { type: 'json' };
import type { Scenario } from '../scenario/schema';
import type { LocalText } from '../scenario/localText';
import { scenarioHash } from '../scenario/hash';
import type { Summary } from '../summary/summarize';
import type { Mode } from '../simulation/simulate';

/** The results file (`--out`): provenance first, then the summaries. Documented in README.md. */
export interface ResultsFile {
  format: 'proeftuin-results';
  formatVersion: 1;
  app: { name: string; version: string };
  scenario: { title: LocalText; hash: string; version: number };
  seed: string;
  runs: number;
  /** Runs asked for; differs from `runs` only when the run was cancelled. */
  runsRequested: number;
  cancelled: boolean;
  mode: Mode;
  createdAt: string;
  summary: Summary;
}

export async function resultsFile(s: Scenario, summary: Summary, info: { mode: Mode; runsRequested: number; cancelled: boolean }): Promise<ResultsFile> {
  return {
    format: 'proeftuin-results',
    formatVersion: 1,
    app: { name: pkg.name, version: pkg.version },
    scenario: { title: s.meta.title, hash: await scenarioHash(s), version: s.version },
    seed: s.simulation.seed,
    runs: summary.runs,
    runsRequested: info.runsRequested,
    cancelled: info.cancelled,
    mode: info.mode,
    createdAt: new Date().toISOString(),
    summary,
  };
}
