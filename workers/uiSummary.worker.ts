/// <reference lib="webworker" />
// The UI's summary worker: the engine's summaries plus the few extra statistics the views need
// (histograms), so the UI thread never computes statistics. Holds its own loaded scenario.
import * as Comlink from 'comlink';
import { createSimApi } from '../models/runner/api';
import type { LoadResult } from '../models/runner/protocol';
import type { RunBlock } from '../models/simulation/columns';
import type { UiSummaryApi } from './uiSummaryApi';
import { uiExtras } from './uiExtras';

const api = createSimApi();
let target = 0.02;
const exposed: UiSummaryApi = {
  load(input: unknown): LoadResult {
    const r = api.load(input);
    const t = (input as { simulation?: { targetReduction?: unknown } })?.simulation?.targetReduction;
    target = typeof t === 'number' ? t : 0.02;
    return r;
  },
  summarize(block: RunBlock, partial = false) {
    // Partial summaries (while running) skip what only the final results show: the financing
    // results, the sensitivity analyses and the party histograms. They are made every few hundred
    // ms and compete with the simulation workers (and the UI thread) for the CPU, and the UI thread
    // has to receive them.
    const summary = api.summarize(block, { analyses: !partial, financing: !partial });
    return { summary, extras: uiExtras(block, target, summary, !partial) };
  },
};
Comlink.expose(exposed);
