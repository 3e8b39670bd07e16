import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designRuns, designRunsFrom, designScenario } from '../../models/analysis/design';
import { compile } from '../../models/pipeline/compile';
import { simulateBlock } from '../../models/simulation/block';
import type { RunBlock } from '../../models/simulation/columns';
import { defaultInput, root, valid } from '../helpers';

const RUNS = 40;

/** Every column and parameter the same, bit for bit (NaN equals NaN: `Object.is`). */
function sameBits(a: RunBlock, b: RunBlock): string | null {
  if (a.names.join() !== b.names.join() || a.runs !== b.runs || a.years !== b.years || a.nParams !== b.nParams || a.firstRun !== b.firstRun) return 'layout';
  for (let c = 0; c < a.cols.length; c++) for (let i = 0; i < a.cols[c].length; i++) if (!Object.is(a.cols[c][i], b.cols[c][i])) return `${a.names[c]}[${i}]`;
  for (let i = 0; i < a.params.length; i++) if (!Object.is(a.params[i], b.params[i])) return `params[${i}]`;
  return null;
}

describe("the designer's runs taken from the page's last run", () => {
  // The default scenario as the page runs it: the variance split's second replicate in the first runs.
  const input = defaultInput();
  input.simulation = { ...input.simulation!, runs: RUNS + 10, varianceSplitRuns: 25 };
  const s = valid(input);
  const made = simulateBlock(compile(s), 0, RUNS + 10, 'aggregate');

  it("equal the designer's own simulation of them, bit for bit, for a prefix of the run", () => {
    const from = designRunsFrom(s, RUNS, { scenario: s, block: made });
    expect(from).not.toBeNull();
    expect(sameBits(from!, designRuns(designScenario(s), 0, RUNS))).toBeNull();
    // The replicate's columns do hold numbers in the page's run: blanking them is what makes the two equal.
    expect(sameBits({ ...made, runs: RUNS, cols: made.cols.map((c) => c.slice(0, RUNS * made.years)), params: made.params.slice(0, RUNS * made.nParams) }, from!)).toMatch(/^twin\./);
  });

  it('are refused for another scenario, for too few runs and with behavioural responses on', () => {
    const other = valid({ ...input, simulation: { ...input.simulation!, seed: 'another' } });
    expect(designRunsFrom(other, RUNS, { scenario: s, block: made })).toBeNull();
    expect(designRunsFrom(s, RUNS + 11, { scenario: s, block: made })).toBeNull();
    // Only the variance split differs: the runs are the designer's all the same.
    const noSplit = valid({ ...input, simulation: { ...input.simulation!, varianceSplitRuns: 0 } });
    expect(designRunsFrom(noSplit, RUNS, { scenario: s, block: made })).not.toBeNull();
    const lib = JSON.parse(readFileSync(join(root, 'scenarios', 'welk-contract-substitutie.json'), 'utf8'));
    lib.simulation = { ...lib.simulation, runs: 12 };
    const b = valid(lib);
    expect(b.financing?.behaviour).toBeDefined();
    expect(designRunsFrom(b, 12, { scenario: b, block: simulateBlock(compile(b), 0, 12, 'aggregate') })).toBeNull();
  });
});
