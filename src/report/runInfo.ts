import { createSignal } from 'solid-js';

/** The run whose results are on screen, as the hand-outs (paper, pictures) name it. */
export interface RunInfo {
  title: string;
  seed: string;
  runs: number;
  /** When the results were made (the run's end, or now for a run still going). */
  date: Date;
  /** Financing models in the order the views number them (1, 2, …). */
  models: string[];
}

const [runInfo, setRunInfo] = createSignal<RunInfo | null>(null);
export { runInfo, setRunInfo };
