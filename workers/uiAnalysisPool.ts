import { startWorker, type Started } from './remote';
import type { UiAnalysisApi } from './uiAnalysisApi';

export type UiAnalysisHandle = Started<UiAnalysisApi>;

/** Starts the UI's analysis worker (goal search and the "enough runs?" check, off the UI thread). */
export function uiAnalysisWorker(): UiAnalysisHandle {
  return startWorker<UiAnalysisApi>(new Worker(new URL('./uiAnalysis.worker.ts', import.meta.url), { type: 'module' }), 'the analysis worker');
}
