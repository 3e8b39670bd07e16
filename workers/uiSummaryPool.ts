import { startWorker, type Started } from './remote';
import type { UiSummaryApi } from './uiSummaryApi';

export type UiSummaryHandle = Started<UiSummaryApi>;

/** Starts the UI's summary worker (summaries and histograms off the UI thread). */
export function uiSummaryWorker(): UiSummaryHandle {
  return startWorker<UiSummaryApi>(new Worker(new URL('./uiSummary.worker.ts', import.meta.url), { type: 'module' }), 'the summary worker');
}
