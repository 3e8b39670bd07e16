import { createSignal } from 'solid-js';
import { webWorkers } from '../../workers/webPool';
import { uiSummaryWorker, type UiSummaryHandle } from '../../workers/uiSummaryPool';
import type { UiExtras } from '../../workers/uiSummaryApi';
import { CancelledError, runOnWorkers, ScenarioError, type Progress, type WorkerHandle } from '../../models/runner/runner';
import type { RunBlock } from '../../models/simulation/columns';
import type { Summary } from '../../models/summary/summarize';
import type { FieldError } from '../../models/scenario/validate';
import type { UiValidator } from '../../workers/uiValidatePool';

/** What the run panel shows. `summarizing` is the short step after the last run. */
export type RunPhase = 'idle' | 'running' | 'summarizing' | 'done' | 'cancelled' | 'error';

export interface RunOutcome {
  summary: Summary;
  extras: UiExtras;
  /** True when the user stopped the run: the summary covers the finished runs 0..k−1 only. */
  cancelled: boolean;
  /** True for a summary of the runs finished so far while the run goes on. */
  partial: boolean;
  runsRequested: number;
  elapsedMs: number;
  /** The scenario input that produced it (a snapshot, for export and comparison). */
  input: unknown;
  /** SHA-256 of the validated scenario's canonical JSON (as in the CLI's results file); absent outside a secure context. */
  scenarioHash?: string;
  /** The seed the run used (defaults filled in); on finished runs. */
  seed?: string;
  /** When the run finished (ISO 8601); on finished runs. */
  finishedAt?: string;
}


const WORKERS = 2;
/**
 * Progress shown at most this often: the workers report every 25 runs each (some 15 times a
 * second), and every shown change costs the UI thread a frame while the CPU is busiest.
 */
const PROGRESS_EVERY_MS = 150;
/** Partial summaries at most this often while a run goes on. */
const PARTIAL_EVERY_MS = 350;

/** The longest run of consecutive blocks from run 0 (blocks arrive in completion order). */
function prefixOf<T extends Pick<RunBlock, 'firstRun' | 'runs'>>(blocks: T[]): T[] {
  const sorted = [...blocks].sort((a, b) => a.firstRun - b.firstRun);
  const out: T[] = [];
  let next = 0;
  for (const b of sorted) {
    if (b.firstRun !== next) break;
    out.push(b);
    next += b.runs;
  }
  return out;
}

/**
 * Runs scenarios on a pool of web workers, one run at a time: starting a new run cancels the one in
 * flight and waits for it to stop. Summaries (also partial ones while running) come from a separate
 * summary worker; this module only moves blocks and summaries around.
 */
export function createRunController(validator: UiValidator) {
  const hashOf = async (input: unknown) => {
    const v = await validator.validate(input, true);
    const seed = (v.scenario as { simulation?: { seed?: unknown } } | undefined)?.simulation?.seed;
    return { hash: v.hash, seed: typeof seed === 'string' ? seed : undefined };
  };
  let pool: WorkerHandle[] = webWorkers(WORKERS);
  let summarizer: UiSummaryHandle = uiSummaryWorker();
  const [phase, setPhase] = createSignal<RunPhase>('idle');
  const [progress, setProgress] = createSignal<Progress | null>(null);
  /** The last finished (or cancelled) run. */
  const [outcome, setOutcome] = createSignal<RunOutcome | null>(null);
  /** What the views show: the partial summary while running, else the outcome. */
  const [live, setLive] = createSignal<RunOutcome | null>(null);
  const [error, setError] = createSignal<{ message: string; errors?: FieldError[] } | null>(null);
  /** performance.now() when the last run started, its first progress, its first partial results, the end of its runs. */
  const timing = { startedAt: NaN, firstProgressAt: NaN, firstResultsAt: NaN, runEndedAt: NaN };
  /** Increases on every finished run, so views can highlight numbers that changed. */
  const [generation, setGeneration] = createSignal(0);

  let queue: Promise<void> = Promise.resolve();
  let controller: AbortController | null = null;
  let ticket = 0;

  const restartPool = () => {
    pool.forEach((w) => w.terminate());
    summarizer.terminate();
    pool = webWorkers(WORKERS);
    summarizer = uiSummaryWorker();
  };

  async function execute(my: number, ac: AbortController, input: unknown, runs: number) {
    if (my !== ticket) return; // superseded before it started
    setPhase('running');
    setError(null);
    setProgress({ done: 0, total: runs, elapsedMs: 0, etaMs: NaN });
    Object.assign(timing, { startedAt: performance.now(), firstProgressAt: NaN, firstResultsAt: NaN, runEndedAt: NaN });
    const hash = hashOf(input);
    const loaded = summarizer.load(input);

    // Partial results: summarise the finished prefix of runs now and then, one request at a time.
    /** Which runs have finished (the data went to the summary worker). */
    const chunks: Pick<RunBlock, 'firstRun' | 'runs'>[] = [];
    let partialBusy = false;
    let lastPartialRuns = 0;
    let lastProgressAt = 0;
    let lastPartialAt = 0;
    let finished = false;
    const partial = async () => {
      if (partialBusy || finished || my !== ticket) return;
      const now = performance.now();
      if (now - lastPartialAt < PARTIAL_EVERY_MS && lastPartialRuns > 0) return;
      const prefix = prefixOf(chunks);
      const n = prefix.reduce((a, b) => a + b.runs, 0);
      if (n === 0 || n === lastPartialRuns || n >= runs) return;
      partialBusy = true;
      lastPartialAt = now;
      lastPartialRuns = n;
      try {
        const lr = await loaded;
        if (!lr.ok) return;
        // The summary worker has its own copies of the chunks and merges them there.
        const r = await summarizer.summarizeKept(n, true);
        if (finished || my !== ticket) return;
        if (Number.isNaN(timing.firstResultsAt)) timing.firstResultsAt = performance.now();
        setLive({ ...r, cancelled: false, partial: true, runsRequested: runs, elapsedMs: performance.now() - timing.startedAt, input });
      } catch {
        // a partial summary is a courtesy; the final one reports errors
      } finally {
        partialBusy = false;
      }
    };

    try {
      const r = await runOnWorkers(pool, input, {
        runs,
        // Smaller chunks than the runner's default, so the first partial results come sooner
        // (results do not depend on the chunk size).
        chunkSize: Math.max(20, Math.min(250, Math.ceil(runs / 40))),
        signal: ac.signal,
        onProgress: (p) => {
          if (my !== ticket) return;
          const now = performance.now();
          const first = Number.isNaN(timing.firstProgressAt) && p.done > 0;
          if (first) timing.firstProgressAt = now;
          if (!first && p.done < p.total && now - lastProgressAt < PROGRESS_EVERY_MS) return;
          lastProgressAt = now;
          setProgress(p);
        },
        onChunk: (b) => {
          if (my !== ticket) return;
          // A copy goes to the summary worker (about 0.7 MB per 50 runs); merging all runs for
          // each partial summary on this thread was a long task.
          chunks.push({ firstRun: b.firstRun, runs: b.runs });
          void summarizer.add(b).catch(() => {});
          void partial();
        },
      });
      finished = true;
      if (my !== ticket) return;
      timing.runEndedAt = performance.now();
      setPhase('summarizing');
      const lr = await loaded;
      if (!lr.ok) throw new ScenarioError(lr.errors);
      const [res, h] = await Promise.all([summarizer.summarizeKept(r.runs), hash]);
      if (my !== ticket) return;
      if (Number.isNaN(timing.firstResultsAt)) timing.firstResultsAt = performance.now();
      const o: RunOutcome = { ...res, cancelled: r.cancelled, partial: false, runsRequested: runs, elapsedMs: r.elapsedMs, input, scenarioHash: h.hash, seed: h.seed, finishedAt: new Date().toISOString() };
      setOutcome(o);
      setLive(o);
      setGeneration((g) => g + 1);
      setPhase(r.cancelled ? 'cancelled' : 'done');
    } catch (e) {
      finished = true;
      if (my !== ticket) return;
      setLive(outcome());
      if (e instanceof CancelledError) {
        setPhase('cancelled');
        return;
      }
      if (e instanceof ScenarioError) setError({ message: e.message, errors: e.errors });
      else {
        setError({ message: e instanceof Error ? e.message : String(e) });
        restartPool(); // a worker may have died; start afresh for the next run
      }
      setPhase('error');
    }
  }

  /** Starts a run of `input` (a scenario object) with `runs` runs; cancels any run in flight. */
  function run(input: unknown, runs: number): Promise<void> {
    controller?.abort();
    const my = ++ticket;
    const ac = new AbortController();
    controller = ac;
    queue = queue.then(() => execute(my, ac, input, runs));
    return queue;
  }

  function cancel(): void {
    controller?.abort();
  }

  const busy = () => phase() === 'running' || phase() === 'summarizing';

  return {
    timing,
    phase,
    progress,
    outcome,
    live,
    error,
    generation,
    run,
    cancel,
    busy,
    dispose: () => {
      pool.forEach((w) => w.terminate());
      summarizer.terminate();
    },
  };
}

export type RunController = ReturnType<typeof createRunController>;
