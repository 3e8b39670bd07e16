/// <reference lib="webworker" />
// The UI's summary worker: the engine's summaries plus the few extra statistics the views need
// (histograms), so the UI thread never computes statistics. Holds its own loaded scenario.
import * as Comlink from 'comlink';
import { createSimApi } from '../models/runner/api';
import type { RunBlock } from '../models/simulation/columns';
import { mergeBlocks } from '../models/runner/merge';
import { uiExtras } from '../models/summary/histograms';
import type { SummaryWithExtras, UiSummaryApi } from './uiSummaryApi';

const api = createSimApi();
let target = 0.02;
/** Chunks of the current run, in arrival order. */
let kept: RunBlock[] = [];

/** Runs 0..runs−1 from the kept chunks, as one block. */
function keptPrefix(runs: number): RunBlock {
  const sorted = [...kept].sort((a, b) => a.firstRun - b.firstRun);
  const out: RunBlock[] = [];
  let n = 0;
  for (const b of sorted) {
    if (n >= runs || b.firstRun !== n) break;
    out.push(b);
    n += b.runs;
  }
  if (n !== runs) throw new Error(`runs ${n}–${runs - 1} have not arrived`);
  return mergeBlocks(out);
}

function summarize(block: RunBlock, partial: boolean): SummaryWithExtras {
  // Partial summaries (while running) skip what only the final results show: the financing
  // results, the sensitivity analyses and the party histograms. They are made every few hundred
  // ms and compete with the simulation workers (and the UI thread) for the CPU, and the UI thread
  // has to receive them.
  const summary = api.summarize(block, { analyses: !partial, financing: !partial });
  return { summary, extras: uiExtras(block, target, summary, !partial) };
}

const exposed: UiSummaryApi = {
  load(def) {
    kept = [];
    const r = api.load(def);
    target = def.scenario.simulation.targetReduction;
    return r;
  },
  add(block) {
    kept.push(block);
  },
  summarizeKept: (runs, partial = false) => summarize(keptPrefix(runs), partial),
};
Comlink.expose(exposed);
