import { createEffect } from 'solid-js';
import type { Summary } from '../models/summary/summarize';
import type { RunController } from './run/controller';
import { lang } from './i18n';

/**
 * The contract with the end-to-end tests: `window.__proeftuin` mirrors the run state.
 * `state` is 'running' while a run or its summary is under way or an edit waits for its run to
 * start, 'done' when a summary of the scenario as edited is shown (also after a cancel: then
 * `cancelled` is true), 'error' when the last run failed.
 */
export interface ProeftuinHook {
  state: 'idle' | 'running' | 'done' | 'error';
  summary: Summary | null;
  scenarioHash?: string;
  cancelled: boolean;
  /** Runs asked for in the last run. */
  runsRequested?: number;
  /** Increases with every finished run. */
  generation: number;
  lang: 'nl' | 'en';
  error?: string;
  /**
   * The run controller's marks of the last run (performance.now()): start, first progress, first
   * results, end of the runs, final summary received, and for a run started ahead of an edit's
   * pause when it was shown.
   */
  timing: { startedAt: number; firstProgressAt: number; firstResultsAt: number; runEndedAt: number; summarizedAt: number; revealedAt: number };
  /** Runs behind the results on screen (a partial summary while running). */
  shownRuns?: number;
  shownPartial: boolean;
  /** False from a run's start until its results are drawn and the "run in progress" mark is cleared. */
  settled: boolean;
  /** The scenario input handed to the last run. */
  input?: unknown;
  /** The scenario input behind the results on screen (a partial summary's while running). */
  shownInput?: unknown;
}

/** The scenario as it stands in the editor now (typed text included), for the end-to-end tests. */
export interface ProeftuinEditorHook {
  scenario: () => unknown;
  /**
   * Where the workspace is with the last edit: its revision, the revision the last finished
   * validation was of (and whether it passed), and the revision the last run was started for.
   * A test waits on these for "the edit was taken in" instead of sleeping.
   */
  progress: () => EditorProgress;
}

export interface EditorProgress {
  revision: number;
  validatedRevision: number;
  valid: boolean;
  startedRevision: number;
}

declare global {
  interface Window {
    __proeftuin: ProeftuinHook;
    __proeftuinEditor?: ProeftuinEditorHook;
    /**
     * Set only by the end-to-end tests (from the test driver; nothing in the app, a file, a link
     * or storage sets it): the view guarded under this name throws while it draws, so the test
     * can check that the guard says why, the other views and the run's numbers stay, and the view
     * draws again once the fault is gone.
     */
    __proeftuinViewFault?: string;
  }
}

/** Throws when the end-to-end test has asked this view to fail (see `__proeftuinViewFault`). */
export function viewFault(name: string): void {
  if (typeof window !== 'undefined' && window.__proeftuinViewFault === name) throw new Error(`test fault in the view "${name}"`);
}

export function installTestHook(ctl: RunController, settled: () => boolean = () => true): void {
  createEffect(() => {
    const phase = ctl.phase();
    const o = ctl.outcome();
    const state: ProeftuinHook['state'] =
      phase === 'running' || phase === 'summarizing' || ctl.queued() ? 'running' : phase === 'error' ? 'error' : o ? 'done' : phase === 'cancelled' ? 'done' : 'idle';
    window.__proeftuin = {
      state,
      summary: o?.summary ?? null,
      scenarioHash: o?.scenarioHash,
      cancelled: o?.cancelled ?? false,
      runsRequested: o?.runsRequested,
      generation: ctl.generation(),
      lang: lang(),
      error: ctl.error()?.message,
      timing: ctl.timing,
      shownRuns: ctl.live()?.summary.runs,
      shownPartial: ctl.live()?.partial ?? false,
      settled: settled(),
      input: o?.input,
      shownInput: ctl.live()?.input,
    };
  });
}

export function installEditorHook(snapshot: () => unknown, progress: () => EditorProgress): void {
  window.__proeftuinEditor = { scenario: snapshot, progress };
}
