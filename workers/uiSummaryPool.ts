import * as Comlink from 'comlink';
import { blockBuffers } from '../models/runner/merge';
import type { LoadResult, RunBlock, Summary } from '../models/runner/protocol';
import type { UiExtras, UiSummaryApi } from './uiSummaryApi';

export interface UiSummaryHandle {
  load(input: unknown): Promise<LoadResult>;
  /** Transfers the block to the worker: the caller must not use it afterwards. */
  summarize(block: RunBlock, partial?: boolean): Promise<{ summary: Summary; extras: UiExtras }>;
  /** Copies a finished chunk to the worker (the caller keeps its own). */
  add(block: RunBlock): Promise<void>;
  /** Summarises runs 0..runs−1 of the chunks added since the last `load`. */
  summarizeKept(runs: number, partial?: boolean): Promise<{ summary: Summary; extras: UiExtras }>;
  terminate(): void;
}

/** Starts the UI's summary worker (summaries and histograms off the UI thread). */
export function uiSummaryWorker(): UiSummaryHandle {
  const w = new Worker(new URL('./uiSummary.worker.ts', import.meta.url), { type: 'module' });
  const crashed = new Promise<never>((_, reject) => {
    w.addEventListener('error', (e) => reject(new Error(e.message || 'the summary worker stopped with an error')));
  });
  crashed.catch(() => {});
  const remote = Comlink.wrap<UiSummaryApi>(w);
  return {
    load: (input) => Promise.race([remote.load(input) as Promise<LoadResult>, crashed]),
    summarize: (b, partial) => Promise.race([remote.summarize(Comlink.transfer(b, blockBuffers(b)), partial) as Promise<{ summary: Summary; extras: UiExtras }>, crashed]),
    add: (b) => Promise.race([remote.add(b) as Promise<void>, crashed]),
    summarizeKept: (n, partial) => Promise.race([remote.summarizeKept(n, partial) as Promise<{ summary: Summary; extras: UiExtras }>, crashed]),
    terminate: () => w.terminate(),
  };
}
