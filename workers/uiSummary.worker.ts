/// <reference lib="webworker" />
// The UI's summary worker: the engine's summaries plus the few extra statistics the views need
// (histograms), so the UI thread never computes statistics. Holds its own loaded scenario.
import * as Comlink from 'comlink';
import { createSimApi } from '../models/runner/api';
import type { RunBlock } from '../models/simulation/columns';
import { BlockAssembly, blockBuffers, mergeBlocks } from '../models/runner/merge';
import type { Scenario } from '../models/scenario/schema';
import type { Moved } from './remote';
import { uiExtras } from '../models/summary/histograms';
import { SummaryMemo } from '../models/summary/memo';
import type { SummaryWithExtras, UiSummaryApi } from './uiSummaryApi';

const api = createSimApi();
const memo = new SummaryMemo();
let target = 0.02;
/** The current run's chunks, put in place as they arrive (the runs held once, never merged again). */
let kept = new BlockAssembly(0, 0);
/** The scenario the kept chunks are runs of. */
let keptFor: Scenario | null = null;

function summarize(block: RunBlock, partial: boolean): SummaryWithExtras {
  // Partial summaries (while running) skip what only the final results show: the financing
  // results, the sensitivity analyses and the party histograms. They are made every few hundred
  // ms and compete with the simulation workers (and the UI thread) for the CPU, and the UI thread
  // has to receive them.
  // Final summaries keep their statistics for the next one (after an edit of contract terms most
  // are the same); partial ones, of ever more runs, would only crowd them out.
  const summary = api.summarize(block, { analyses: !partial, financing: !partial, memo: partial ? undefined : memo });
  return { summary, extras: uiExtras(block, target, summary, !partial) };
}

const exposed: UiSummaryApi = {
  load(def) {
    kept = new BlockAssembly(0, def.scenario.simulation.runs);
    keptFor = def.scenario;
    const r = api.load(def);
    target = def.scenario.simulation.targetReduction;
    return r;
  },
  add(block) {
    kept.add(block);
  },
  summarizeKept: (runs, partial = false) => summarize(kept.prefix(runs), partial),
  keptRuns(runs) {
    if (!keptFor || kept.contiguous() < runs) return null;
    // A copy: the kept runs stay here for the summaries still to come.
    const block = mergeBlocks([kept.prefix(runs)]);
    // The answer itself marked for transfer: comlink transfers only what the top-level value names.
    return Comlink.transfer({ scenario: keptFor, block: block as Moved<RunBlock> }, blockBuffers(block));
  },
};
Comlink.expose(exposed);
