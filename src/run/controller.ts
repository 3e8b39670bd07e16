import { batch, createSignal } from 'solid-js';
import { webWorkers } from '../../workers/webPool';
import { uiSummaryWorker, type UiSummaryHandle } from '../../workers/uiSummaryPool';
import type { UiExtras } from '../../models/summary/histograms';
import { CancelledError, runOnWorkers, runUntilPrecise, ScenarioError, type Progress, type WorkerHandle } from '../../models/runner/runner';
import { uiAnalysisWorker, type UiAnalysisHandle } from '../../workers/uiAnalysisPool';
import { KEY_ERROR_COLUMNS, type KeyErrors, type Tolerances } from '../../models/analysis/precision';
import { pickColumns } from '../../models/runner/merge';
import { moved } from '../../workers/remote';
import type { RunBlock } from '../../models/simulation/columns';
import { RunValueError } from '../../models/simulation/errors';
import type { Summary } from '../../models/summary/summarize';
import type { FieldError, Issue } from '../../models/core/issues';
import type { UiValidator } from '../../workers/uiValidatePool';
import type { Prepared } from '../../models/pipeline/validate';
import type { Scenario } from '../../models/scenario/schema';

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
  /** Set when the run added runs until precise ("enough runs?"): whether the tolerances were met. */
  precision?: PrecisionOutcome;
  /** The run failed (a worker crashed, a summary failed): `partial` is true and this says why. */
  failure?: string;
}

/** "Enough runs?": keep adding batches of runs until the key MC errors meet the tolerances (issue 6). */
export interface PrecisionRequest {
  tolerances: Tolerances;
  maxRuns: number;
  batchRuns: number;
  /** Target reduction (fraction) for P(reduction ≥ target). */
  target: number;
}

export interface PrecisionOutcome {
  precise: boolean;
  runs: number;
  maxRuns: number;
  tolerances: Tolerances;
  /** The key errors at the last check (null when cancelled before the first). */
  errors: KeyErrors | null;
}

const WORKERS = 2;
/**
 * Progress shown at most this often: the workers report every 25 runs each (some 15 times a
 * second), and every shown change costs the UI thread a frame while the CPU is busiest.
 */
const PROGRESS_EVERY_MS = 150;
/** Partial summaries at most this often while a run goes on. */
const PARTIAL_EVERY_MS = 350;
/**
 * About the share of the time partial summaries (made in the summary worker, handed to the views
 * here) may take. On two cores they take the CPU from the simulation workers, and a summary of
 * more runs takes longer, so with a fixed pause they would take a growing share of a core. After
 * one that took d ms the next waits at least d·(1 − share)/share.
 */
const PARTIAL_SHARE = 0.25;

/**
 * A partial summary is made only if the complete answer is expected at least this much later (the
 * first one, the first numbers of the run: PARTIAL_EVERY_MS): one replaced sooner is barely seen,
 * and its work (on two cores, taken from the simulation workers) holds the complete answer up.
 */
const PARTIAL_MIN_SHOWN_MS = 700;

/**
 * Whether a partial summary is worth making `leftMs` before the runs are expected to end (NaN: not
 * known), when `before` partial ones have been shown.
 */
export const partialWanted = (leftMs: number, before: number): boolean => !(leftMs < (before > 0 ? PARTIAL_MIN_SHOWN_MS : PARTIAL_EVERY_MS));

/** The pause after a partial summary that took `tookMs` from request to the views, before the next. */
export const partialPause = (tookMs: number): number => Math.max(PARTIAL_EVERY_MS, (tookMs * (1 - PARTIAL_SHARE)) / PARTIAL_SHARE);

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
  let pool: WorkerHandle[] = webWorkers(WORKERS);
  let summarizer: UiSummaryHandle = uiSummaryWorker();
  /** Analysis worker for goal search and the "enough runs?" check; started when first needed. */
  let analysis: UiAnalysisHandle | null = null;
  const analysisWorker = () => (analysis ??= uiAnalysisWorker());
  /** Jobs that borrow the pool (goal search): a new run stops them. */
  const borrowers = new Set<AbortController>();
  const [borrowed, setBorrowed] = createSignal(false);
  /** While a run adds runs until precise: the key errors at the last check. */
  const [precisionCheck, setPrecisionCheck] = createSignal<KeyErrors | null>(null);
  const [phase, setPhase] = createSignal<RunPhase>('idle');
  const [progress, setProgress] = createSignal<Progress | null>(null);
  /** The last finished (or cancelled) run. */
  const [outcome, setOutcome] = createSignal<RunOutcome | null>(null);
  /** What the views show: the partial summary while running, else the outcome. */
  const [live, setLive] = createSignal<RunOutcome | null>(null);
  const [error, setError] = createSignal<{ message: string; errors?: FieldError[]; issue?: Omit<Issue, 'path'> } | null>(null);
  /**
   * performance.now() when the last run started, its first progress, its first partial results, the
   * end of its runs, its final summary's arrival; for a run started ahead of an edit's pause, when
   * it was shown (NaN otherwise).
   */
  const timing = { startedAt: NaN, firstProgressAt: NaN, firstResultsAt: NaN, runEndedAt: NaN, summarizedAt: NaN, revealedAt: NaN };
  /** Increases on every finished run, so views can highlight numbers that changed. */
  const [generation, setGeneration] = createSignal(0);
  /**
   * A run is about to start (the page is opening, or an edit waits out its pause before it
   * recomputes): the views say so instead of "no results yet".
   */
  const [queued, setQueued] = createSignal(false);

  /** A scenario validated and defined in the validator worker, for the simulation workers. */
  const prepare = async (input: unknown): Promise<Prepared> => {
    const p = await validator.prepare(input);
    if (!p.ok) throw new ScenarioError(p.errors);
    return p.prepared;
  };

  let queue: Promise<void> = Promise.resolve();
  let controller: AbortController | null = null;
  let ticket = 0;
  /**
   * The latest run's effects on what the views show. A run started ahead of an edit's pause
   * computes at once but holds them back until `reveal`: the answer is then as far along as if the
   * pause had cost nothing, and no number for a value typed halfway ever reaches the screen.
   */
  interface View {
    my: number;
    shown: boolean;
    /** When a run started ahead was shown (NaN until then, and for other runs). */
    revealedAt: number;
    held: (() => void)[];
    /** Asks for a partial summary (none are made while held: nobody would see them). */
    kick: () => void;
  }
  let view: View | null = null;

  /**
   * After a failure a worker may have died: the workers start afresh for the next job. Not when the
   * scenario is at fault (invalid, or numbers a run cannot use): those workers are well, and new ones
   * would make the next answer wait for their start.
   */
  const restartAfter = (e: unknown) => {
    if (e instanceof ScenarioError || e instanceof RunValueError) return;
    pool.forEach((w) => w.terminate());
    summarizer.terminate();
    analysis?.terminate();
    analysis = null;
    pool = webWorkers(WORKERS);
    summarizer = uiSummaryWorker();
  };

  async function execute(my: number, ac: AbortController, v: View, input: unknown, runs: number, precision?: PrecisionRequest) {
    if (my !== ticket) return; // superseded before it started
    /** A change of what the views show, in one step; held back while the run is not shown. */
    const show = (f: () => void) => (v.shown ? batch(f) : v.held.push(f));
    // Queued until running, in one step: the page never shows "no results yet" in between.
    show(() => {
      setPhase('running');
      setQueued(false);
      setError(null);
      setProgress({ done: 0, total: runs, elapsedMs: 0, etaMs: NaN });
    });
    Object.assign(timing, { startedAt: performance.now(), firstProgressAt: NaN, firstResultsAt: NaN, runEndedAt: NaN, summarizedAt: NaN, revealedAt: v.revealedAt });
    // Validated and defined once, in the validator worker; the other workers take the definition.
    const prep = validator.prepare(input, true);
    const loaded = prep.then((p) => (p.ok ? summarizer.load(p.prepared.definition) : p));
    const hash = prep.then((p) => (p.ok ? { hash: p.hash, seed: p.prepared.scenario.simulation.seed } : { hash: undefined, seed: undefined }));

    // Partial results: summarise the finished prefix of runs now and then, one request at a time.
    /** Which runs have finished (the data went to the summary worker). */
    const chunks: Pick<RunBlock, 'firstRun' | 'runs'>[] = [];
    let partialBusy = false;
    let lastPartialRuns = 0;
    let lastProgressAt = 0;
    /** When the last partial summary reached the views, and the pause it asks for before the next. */
    let lastPartialAt = 0;
    let pause = PARTIAL_EVERY_MS;
    let finished = false;
    /** When the runs are expected to end, from the last progress report (NaN when not known). */
    let endsAt = NaN;
    const partial = async () => {
      if (partialBusy || finished || my !== ticket || !v.shown) return;
      if (performance.now() - lastPartialAt < pause && lastPartialRuns > 0) return;
      if (!partialWanted(endsAt - performance.now(), lastPartialRuns)) return;
      const prefix = prefixOf(chunks);
      const n = prefix.reduce((a, b) => a + b.runs, 0);
      if (n === 0 || n === lastPartialRuns || n >= (precision?.maxRuns ?? runs)) return;
      partialBusy = true;
      lastPartialRuns = n;
      // Timed from after the load: a slow first load is not the summaries' cost.
      let asked = NaN;
      try {
        const lr = await loaded;
        if (!lr.ok) return;
        asked = performance.now();
        // The summary worker has its own copies of the chunks and merges them there.
        const r = await summarizer.summarizeKept(n, true);
        if (finished || my !== ticket) return;
        if (Number.isNaN(timing.firstResultsAt)) timing.firstResultsAt = performance.now();
        setLive({ ...r, cancelled: false, partial: true, runsRequested: precision?.maxRuns ?? runs, elapsedMs: performance.now() - timing.startedAt, input });
      } catch {
        // a partial summary is a courtesy; the final one reports errors
      } finally {
        partialBusy = false;
        lastPartialAt = performance.now();
        pause = partialPause(Number.isNaN(asked) ? 0 : lastPartialAt - asked);
      }
    };

    v.kick = () => void partial();

    // "Enough runs?": runs before the current batch, and the outcome of the last check.
    let before = 0;
    let checked: PrecisionOutcome | undefined;
    show(() => setPrecisionCheck(null));
    try {
      const opts = {
        runs,
        // Smaller chunks than the runner's default, so the first partial results come sooner
        // (results do not depend on the chunk size).
        chunkSize: Math.max(20, Math.min(250, Math.ceil(runs / 40))),
        signal: ac.signal,
        onProgress: (p: Progress) => {
          if (my !== ticket) return;
          const now = performance.now();
          endsAt = precision ? NaN : now + p.etaMs;
          const first = Number.isNaN(timing.firstProgressAt) && p.done > 0;
          if (first) timing.firstProgressAt = now;
          if (!first && p.done < p.total && now - lastProgressAt < PROGRESS_EVERY_MS) return;
          lastProgressAt = now;
          // While adding runs: the count so far out of the maximum (no time left: the end is not known).
          const shown = precision ? { done: before + p.done, total: precision.maxRuns, elapsedMs: now - timing.startedAt, etaMs: NaN } : p;
          show(() => setProgress(shown));
        },
        onChunk: (b: RunBlock) => {
          if (my !== ticket) return;
          // The chunk goes to the summary worker (about 0.7 MB per 50 runs); merging all runs for
          // each partial summary on this thread was a long task.
          chunks.push({ firstRun: b.firstRun, runs: b.runs });
          // Handed over, not copied, unless the runner needs the runs again (to check precision).
          void summarizer.add(precision ? b : moved(b)).catch(() => {});
          void partial();
        },
      };
      const p = await prep;
      if (!p.ok) throw new ScenarioError(p.errors);
      const r = precision
        ? await runUntilPrecise(pool, p.prepared, {
            ...opts,
            initialRuns: Math.min(runs, precision.maxRuns),
            batchRuns: precision.batchRuns,
            maxRuns: precision.maxRuns,
            // The check runs in the analysis worker on a copy of the two columns it reads, handed over.
            preciseEnough: async (b) => {
              before = b.runs;
              const c = await analysisWorker().precision(moved(pickColumns(b, KEY_ERROR_COLUMNS)), precision.target, precision.tolerances);
              if (my === ticket) show(() => setPrecisionCheck(c.errors));
              checked = { precise: c.precise, runs: b.runs, maxRuns: precision.maxRuns, tolerances: precision.tolerances, errors: c.errors };
              return c.precise;
            },
          })
        : await runOnWorkers(pool, p.prepared, { ...opts, keepChunks: false });
      finished = true;
      if (my !== ticket) return;
      timing.runEndedAt = performance.now();
      show(() => setPhase('summarizing'));
      const lr = await loaded;
      if (!lr.ok) throw new ScenarioError(lr.errors);
      const [res, h] = await Promise.all([summarizer.summarizeKept(r.runs), hash]);
      if (my !== ticket) return;
      timing.summarizedAt = performance.now();
      if (Number.isNaN(timing.firstResultsAt)) timing.firstResultsAt = performance.now();
      const o: RunOutcome = {
        ...res,
        cancelled: r.cancelled,
        partial: false,
        runsRequested: precision ? r.runs : runs,
        elapsedMs: r.elapsedMs,
        input,
        scenarioHash: h.hash,
        seed: h.seed,
        finishedAt: new Date().toISOString(),
      };
      if (precision)
        o.precision = checked && checked.runs === r.runs ? checked : { precise: false, runs: r.runs, maxRuns: precision.maxRuns, tolerances: precision.tolerances, errors: checked?.errors ?? null };
      show(() => {
        // Stopped: the bar shows the runs the results cover (the finished prefix), not the last
        // progress report, which also counted runs finished out of order and thrown away.
        if (r.cancelled && !precision) setProgress({ done: r.runs, total: runs, elapsedMs: r.elapsedMs, etaMs: NaN });
        // The run is over: the bar shows the runs done, not a share of the maximum.
        if (precision) setProgress({ done: r.runs, total: r.runs, elapsedMs: r.elapsedMs, etaMs: 0 });
        setOutcome(o);
        setLive(o);
        setGeneration((g) => g + 1);
        setPhase(r.cancelled ? 'cancelled' : 'done');
      });
    } catch (e) {
      finished = true;
      if (my !== ticket) return;
      if (e instanceof CancelledError) {
        show(() => {
          setLive(outcome());
          // Stopped before any run finished: the results on screen are the previous run's (or none),
          // and the bar says so instead of showing runs that are not in them.
          const shown = outcome();
          setProgress(shown ? { done: shown.summary.runs, total: shown.runsRequested, elapsedMs: shown.elapsedMs, etaMs: NaN } : null);
          setPhase('cancelled');
        });
        return;
      }
      const message = e instanceof Error ? e.message : String(e);
      const failed = e instanceof ScenarioError ? { message: e.message, errors: e.errors } : { message, issue: (e as { issue?: Omit<Issue, 'path'> } | null)?.issue };
      // What the failed run finished is kept and shown as partial, with the reason; the previous
      // run's numbers never stay on screen as if they were this scenario's.
      let kept: RunOutcome | null = null;
      const prefix = prefixOf(chunks);
      const n = prefix.reduce((a, b) => a + b.runs, 0);
      if (n > 0 && !(e instanceof ScenarioError)) {
        try {
          const lr = await loaded;
          if (lr.ok) {
            const r = await summarizer.summarizeKept(n, true);
            kept = { ...r, cancelled: false, partial: true, runsRequested: precision?.maxRuns ?? runs, elapsedMs: performance.now() - timing.startedAt, input, failure: message };
          }
        } catch {
          // the summary worker went down too: nothing to show but the reason
        }
      }
      if (my !== ticket) return;
      restartAfter(e);
      show(() => {
        setError(failed);
        setOutcome(kept);
        setLive(kept);
        if (kept) setGeneration((g) => g + 1);
        setPhase('error');
      });
    }
  }

  /**
   * Starts a run of `input` (a scenario object) with `runs` runs; cancels any run in flight and any
   * goal search. With `precision`, `runs` is the first batch and batches are added until precise.
   * `ahead`: the run computes but the views see nothing of it until `reveal` (or ever, after `drop`).
   */
  function run(input: unknown, runs: number, precision?: PrecisionRequest, opts: { fresh?: boolean; ahead?: boolean } = {}): Promise<void> {
    controller?.abort();
    borrowers.forEach((b) => b.abort());
    // The run starts in a later task (after any run in flight has stopped); until then it is coming.
    setQueued(true);
    if (opts.fresh) clear();
    const my = ++ticket;
    const ac = new AbortController();
    controller = ac;
    const v: View = { my, shown: !opts.ahead, revealedAt: NaN, held: [], kick: () => {} };
    view = v;
    queue = queue.then(() => execute(my, ac, v, input, runs, precision));
    return queue;
  }

  /**
   * Shows the run started ahead (what it has done so far, then the rest as it comes), calling
   * `before` first: the page's record that a run is shown must come before the run's numbers,
   * which may all be there already. False when there is none to show: another run came since, or
   * it was stopped.
   */
  function reveal(before: () => void): boolean {
    const v = view;
    if (!v || v.shown || v.my !== ticket || controller?.signal.aborted) return false;
    before();
    v.shown = true;
    timing.revealedAt = v.revealedAt = performance.now();
    batch(() => v.held.splice(0).forEach((f) => f()));
    v.kick();
    return true;
  }

  /** Stops the run started ahead, unseen (the edit it was for did not make a runnable scenario). */
  function drop(): void {
    if (!view || view.shown || view.my !== ticket) return;
    controller?.abort();
    view = null;
    ++ticket;
  }

  /**
   * Lends the simulation pool and the analysis worker to a job (goal search) once any run in flight
   * has finished, so a goal search and a run never share the workers. `signal` or a new run stops it.
   */
  function borrow<T>(job: (workers: WorkerHandle[], analysis: UiAnalysisHandle, signal: AbortSignal, prepare: (input: unknown) => Promise<Prepared>) => Promise<T>, signal: AbortSignal): Promise<T> {
    const ac = new AbortController();
    const stop = () => ac.abort();
    signal.addEventListener('abort', stop);
    borrowers.add(ac);
    const result = queue.then(async () => {
      if (ac.signal.aborted) throw new CancelledError();
      setBorrowed(true);
      try {
        return await job(pool, analysisWorker(), ac.signal, prepare);
      } catch (e) {
        if (!ac.signal.aborted) restartAfter(e);
        throw e;
      } finally {
        setBorrowed(false);
        borrowers.delete(ac);
        signal.removeEventListener('abort', stop);
      }
    });
    queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /**
   * Another scenario is being opened: stops any run of the previous one and takes its numbers off
   * the screen, so they are never shown beside the new scenario's (the new run follows).
   */
  function clear(): void {
    controller?.abort();
    ++ticket; // whatever the stopped run still reports is dropped
    setLive(null);
    setOutcome(null);
    setProgress(null);
    setPrecisionCheck(null);
    setError(null);
    if (busy()) setPhase('idle');
    setQueued(true);
  }

  function cancel(): void {
    controller?.abort();
  }

  const busy = () => phase() === 'running' || phase() === 'summarizing';

  /**
   * Runs 0..runs−1 of the finished run of `input`, copied from the summary worker with the scenario
   * they were made for, or null (another scenario's run, a run under way or coming, too few runs).
   * The taker checks the scenario again: the summary worker may have been given a newer run since.
   */
  async function keptRuns(input: unknown, runs: number): Promise<{ scenario: Scenario; block: RunBlock } | null> {
    if (busy() || queued() || outcome()?.input !== input) return null;
    try {
      return await summarizer.keptRuns(runs);
    } catch {
      return null; // the summary worker went down: the taker simulates the runs itself
    }
  }

  return {
    timing,
    phase,
    progress,
    outcome,
    live,
    error,
    generation,
    queued,
    /** Marks a run as about to start (or, with false, as not coming after all). */
    expect: (on: boolean) => setQueued(on),
    run,
    reveal,
    drop,
    clear,
    cancel,
    busy,
    borrow,
    borrowed,
    keptRuns,
    precisionCheck,
    dispose: () => {
      pool.forEach((w) => w.terminate());
      summarizer.terminate();
      analysis?.terminate();
    },
  };
}

export type RunController = ReturnType<typeof createRunController>;
