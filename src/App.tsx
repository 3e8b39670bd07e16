import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { createRunController } from './run/controller';
import { installEditorHook, installTestHook } from './testHook';
import { lang, setLang, t, textOf } from './i18n';
import { RunBar } from './components/RunBar';
import { Headline } from './components/Headline';
import { Toolbar } from './components/Toolbar';
import { Later } from './components/Later';
import { AssumptionsTable, PrintHeader } from './components/PrintReport';
import { Glossary } from './components/Glossary';
import Verification, { VERIFICATION_HASH, verificationLinkText } from './components/Verification';
import { keepCurrent, WorkspacePanel } from './components/WorkspacePanel';
import { RegionImport } from './region/RegionImport';
import { tr } from './region/texts';
import { Library } from './components/Library';
import { FileResults, type FileResultsInfo } from './components/FileResults';
import { compactResults } from '../models/summary/resultsSummary';
import { version as appVersion } from '../package.json';
import { CompareView } from './charts/CompareView';
import { FinanceView } from './charts/FinanceView';
import { TornadoView } from './charts/TornadoView';
import { VoiView } from './charts/VoiView';
import { fx } from './decision/fairTexts';
import { financingOf, sensitivityOf } from './charts/financeShape';
import { FanChart } from './charts/FanChart';
import { ResultViews } from './charts/ResultViews';
import { fillBodiesWhenIdle } from './editor/lazyBodies';
import { Editor, errorLabel } from './editor/Editor';
import { plausibilityOf } from './editor/fields';
import { createHistory } from './editor/history';
import { createWorkspace, DEFAULT_SCENARIO, type ScenarioInput } from './workspace/store';
import { readScenarioFile, scenarioFromUrl, dropScenarioFromUrl, download, fileNameFor } from './workspace/io';
import type { Loaded } from './workspace/persist';
import { tw } from './workspace/texts';
import { StorageAlerts } from './components/StorageAlerts';
import { ViewGuard } from './components/ViewGuard';
import { forgetInterrupted, interruptedRun, markRunStarted, settleAfterDrawing, type Interrupted } from './run/inProgress';
import { ExportButtons } from './report/ExportButtons';
import type { FieldError, Issue } from '../models/core/issues';
import { uiValidator } from '../workers/uiValidatePool';
import { clone } from './workspace/paths';
import { num } from './format';
import { PrecisionNote, PrecisionOption, precisionRequest } from './decision/PrecisionOption';
import { DecisionSection } from './decision/DecisionSection';
import { designProposalFor } from './decision/designProposal';
import { warmUpFonts } from './components/fontWarmUp';
import { issueText } from './texts/issues';
import { SummaryBand } from './components/SummaryBand';
import { ts } from './components/summaryTexts';
import { pickParty, scenarioParty } from './charts/financeFocus';
import { isTypingTarget, presenting, togglePresenting } from './components/presentation';
import { EditPause } from './run/editPause';
import { registerServiceWorker } from './sw/register';

/** `?runs=N` overrides the scenario's run count (tests use fewer runs). */
function runsFromUrl(): number | undefined {
  const r = new URLSearchParams(location.search).get('runs');
  if (r === null) return undefined;
  const n = Number(r);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : undefined;
}

export function App(props: { loaded: Loaded }) {
  // Validation and hashing run in a worker: the UI thread never loads the schema library or the engine.
  const validator = uiValidator();
  const ws = createWorkspace(validator, props.loaded);
  /** A run before this page opened never finished drawing (the page froze or crashed): ask before running again. */
  const [interrupted, setInterrupted] = createSignal<Interrupted | null>(null);
  const [banner, setBanner] = createSignal<string | null>(null);

  const ctl = createRunController(validator);
  /** False from a run's start until its results are drawn and the page is idle again. */
  const [settled, setSettled] = createSignal(true);
  installTestHook(ctl, settled);
  let unsettle: (() => void) | undefined;
  createEffect(
    on(ctl.phase, (p) => {
      unsettle?.();
      unsettle = undefined;
      if (p === 'running' || p === 'summarizing' || p === 'idle') return;
      unsettle = settleAfterDrawing(() => {
        setSettled(true);
        fillBodiesWhenIdle();
        registerServiceWorker();
      });
    }),
  );
  // Without a first run (a scenario that does not validate, a run waiting to be confirmed) the
  // editor's closed groups are made in idle time all the same; once a run starts, they wait for
  // its answer instead, so as not to take the cores from it.
  const fillAnyway = setTimeout(fillBodiesWhenIdle, 10_000);
  createEffect(on(ctl.phase, (p) => p === 'running' && clearTimeout(fillAnyway)));
  onCleanup(() => clearTimeout(fillAnyway));
  // The first run starts by itself once the page is ready: say so rather than "no results yet".
  ctl.expect(true);
  const [ranRevision, setRanRevision] = createSignal(-1);
  installEditorHook(
    () => ws.snapshot(),
    () => {
      const v = ws.validation();
      return { revision: ws.revision(), validatedRevision: v.pending ? -1 : v.revision, valid: v.ok, startedRevision: ranRevision() };
    },
  );
  const history = createHistory(ws);
  const [importErrors, setImportErrors] = createSignal<{ fileName: string; errors: FieldError[] } | null>(null);
  const [dragging, setDragging] = createSignal(false);
  /** The page "How do we know it is right?" is open while the address ends in its hash (so Back closes it). */
  const [hash, setHash] = createSignal(location.hash);
  const onHash = () => setHash(location.hash);
  window.addEventListener('hashchange', onHash);
  onCleanup(() => window.removeEventListener('hashchange', onHash));
  const closeVerification = () => {
    window.history.pushState(null, '', location.pathname + location.search);
    setHash('');
  };
  /** The results summary an opened file carried, shown beside its re-run. */
  const [fileResults, setFileResults] = createSignal<FileResultsInfo | null>(null);
  /** A summary of the last run for the exported file: only for a complete run of the scenario as it is now. */
  const exportResults = createMemo(() => {
    const o = ctl.outcome();
    if (!o || o.cancelled || o.partial || ctl.busy() || ws.revision() !== ranRevision() || !o.finishedAt || o.seed === undefined) return null;
    return compactResults(o.summary, { seed: o.seed, scenarioHash: o.scenarioHash, computedAt: o.finishedAt, generator: `proeftuin ${appVersion}` });
  });

  /** The revision the last start was asked for (before its validation), so an edit is never run twice. */
  let requested = -1;
  /** What a run of the scenario as it is now is given; `validatedRuns` are the runs its validation read. */
  const planRun = (validatedRuns: number | undefined) => {
    const input = ws.snapshot();
    const override = runsFromUrl();
    if (override !== undefined) input.simulation = { ...(input.simulation ?? {}), runs: override };
    const runs = override ?? validatedRuns ?? 2000;
    const target = Number((input.simulation as { targetReduction?: unknown } | undefined)?.targetReduction ?? 0.02);
    return { title: textOf(input.meta?.title), input: clone(input), runs, precision: precisionRequest(runs, target) };
  };
  /** The page's record of a run it shows from now on (the run itself is already under way). */
  const began = (title: string) => {
    setRanRevision(ws.revision());
    forgetInterrupted(interrupted());
    setInterrupted(null);
    // The last run's wait for its drawing must not mark this one settled.
    unsettle?.();
    unsettle = undefined;
    setSettled(false);
    markRunStarted(title);
  };
  /**
   * Runs the scenario as it is now; returns the input handed to the run (undefined when invalid).
   * `fresh`: another scenario than the one on screen (a file, a library question, a saved one).
   */
  const start = async (opts: { fresh?: boolean } = {}): Promise<unknown> => {
    requested = ws.revision();
    if (opts.fresh) {
      // The previous scenario's numbers leave the screen before the new one's validation.
      ctl.clear();
      pickParty(null);
    }
    const v = await ws.validated();
    if (!v.ok) {
      ctl.expect(false);
      return undefined;
    }
    const plan = planRun(v.runs);
    began(plan.title);
    void ctl.run(plan.input, plan.runs, plan.precision);
    return plan.input;
  };

  /**
   * Edits recompute by themselves: a pause after the last change of a valid scenario (see
   * `EditPause`), the new numbers start to show (and the run in progress stops). Changes a start
   * already covers (opening a file or a library question) and those before the first run are left
   * alone. When nothing else is computing, the run starts at the edit itself, unseen, and the pause
   * only decides when its numbers appear: each key stops the run of the key before, and a scenario
   * typed halfway is never shown. A run on screen or a goal search is not stopped before the pause.
   */
  let autoReady = false;
  let autoTimer: ReturnType<typeof setTimeout> | undefined;
  let aheadTimer: ReturnType<typeof setTimeout> | undefined;
  /** The run started at an edit, not yet shown: its revision and what it was given. */
  let ahead: { rev: number; runs: number; precision: string } | null = null;
  const pause = new EditPause();
  createEffect(
    on(
      ws.revision,
      (rev) => {
        if (!autoReady || rev === requested) return;
        clearTimeout(autoTimer);
        clearTimeout(aheadTimer);
        const wait = pause.edit(performance.now());
        ctl.expect(true);
        // In a later task: whoever made the change may start a run of their own right after it.
        aheadTimer = setTimeout(() => {
          if (ws.revision() !== rev || requested === rev || ctl.busy() || ctl.borrowed()) return;
          // The runs as last validated: the pause's end checks them against this revision's.
          const plan = planRun(ws.validation().runs);
          ahead = { rev, runs: plan.runs, precision: JSON.stringify(plan.precision ?? null) };
          void ctl.run(plan.input, plan.runs, plan.precision, { ahead: true });
        }, 0);
        autoTimer = setTimeout(async () => {
          if (ws.revision() !== rev || requested === rev) return;
          const v = await ws.validated();
          if (ws.revision() !== rev || requested === rev) return;
          const early = ahead?.rev === rev ? ahead : null;
          ahead = null;
          if (!v.ok) {
            ctl.drop();
            ctl.expect(false);
            return;
          }
          const plan = planRun(v.runs);
          const shown =
            early &&
            early.runs === plan.runs &&
            early.precision === JSON.stringify(plan.precision ?? null) &&
            ctl.reveal(() => {
              requested = rev;
              began(plan.title);
            });
          if (shown) return;
          void start();
        }, wait);
      },
      { defer: true },
    ),
  );
  onCleanup(() => {
    clearTimeout(autoTimer);
    clearTimeout(aheadTimer);
  });

  const openFile = async (f: File) => {
    const r = await readScenarioFile(f, validator);
    if (!r.ok) {
      setImportErrors({ fileName: r.fileName, errors: r.errors });
      setBanner(null); // an earlier "opened" note would contradict the error list
      return;
    }
    setImportErrors(null);
    keepCurrent(ws, ctl, undefined, true); // what the user had stays in the workspace
    ctl.clear(); // the previous scenario's numbers never share the screen with the file's
    ws.replace(r.scenario);
    setBanner(`${t('imported')}: ${f.name}`);
    if (!r.results) {
      setFileResults(null);
      void start({ fresh: true });
      return;
    }
    // The file's numbers show at once; the verdict waits for the run of this very input.
    const [rerun, setRerun] = createSignal<{ input: unknown; generation: number } | null>(null);
    setFileResults({ fileName: f.name, results: r.results, rerun });
    const runInput = await start({ fresh: true });
    if (runInput !== undefined) setRerun({ input: runInput, generation: ctl.generation() });
  };

  /** The contract designer's proposal as a new contract of the scenario (one undoable edit). */
  const addContract = (contract: Record<string, unknown>): string => {
    const models = (ws.snapshot().financing?.models ?? []) as unknown[];
    ws.edit(['financing', 'models'], [...models, contract]);
    return String(contract.id);
  };

  /** A scenario calibrated to an imported Vektis region: like opening a file, the current one is kept first. */
  const openRegion = (s: ScenarioInput, fileName: string) => {
    setImportErrors(null);
    keepCurrent(ws, ctl, undefined, true);
    ctl.clear();
    ws.replace(s);
    setFileResults(null);
    setBanner(tr('opened', { f: fileName }));
    void start({ fresh: true });
  };

  /**
   * Opens the scenario in the address's fragment, keeping the current one in the workspace first;
   * the fragment is then removed so that a reload keeps later edits. A link that cannot be read or
   * holds an invalid scenario says so and changes nothing. True when a scenario was loaded.
   */
  const openLink = async (): Promise<boolean> => {
    const linked = scenarioFromUrl();
    if (linked.kind === 'none') return false;
    if (linked.kind === 'unreadable') {
      setBanner(tw('linkTruncated'));
      return false;
    }
    const v = await validator.validate(linked.value);
    if (!v.ok) {
      const e = v.errors[0];
      setBanner(tw('linkInvalid', { n: v.errors.length, e: e ? `${e.path}: ${issueText(e, lang())}` : '' }));
      return false;
    }
    dropScenarioFromUrl();
    if (JSON.stringify(linked.value) === JSON.stringify(ws.snapshot())) {
      setBanner(t('linkScenarioLoaded')); // already open (e.g. the page's own copied link)
      return false;
    }
    keepCurrent(ws, ctl, undefined, true);
    ws.replace(linked.value as ScenarioInput);
    setInterrupted(null); // the link's scenario is not the one that was interrupted
    setBanner(tw('linkLoadedKept'));
    return true;
  };

  onMount(() => {
    void (async () => {
      const [fromLink, stale] = await Promise.all([openLink(), interruptedRun()]);
      if (!fromLink) setInterrupted(stale);
      else forgetInterrupted(stale); // the link's scenario runs instead of the interrupted one
      // The first run starts once the result views' fonts are known (a few tasks, normally done
      // before the scenario has been validated; never more than a second's wait).
      await Promise.race([warmUpFonts(), new Promise((r) => setTimeout(r, 1000))]);
      autoReady = true;
      // The autosaved scenario is not run by itself when its last run never finished drawing.
      if (fromLink || !interrupted()) await start();
      else ctl.expect(false);
    })();
    const onHash = () => {
      void openLink().then((ok) => ok && start());
    };
    window.addEventListener('hashchange', onHash);
    onCleanup(() => window.removeEventListener('hashchange', onHash));
    // Presentation mode: one key (P, outside fields) or the button; Escape leaves it.
    const key = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === 'p' || e.key === 'P') {
        e.preventDefault();
        togglePresenting();
      } else if (e.key === 'Escape' && presenting()) togglePresenting(false);
    };
    window.addEventListener('keydown', key);
    onCleanup(() => window.removeEventListener('keydown', key));
    const over = (e: DragEvent) => {
      if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const f = e.dataTransfer?.files?.[0];
      if (f) void openFile(f);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    onCleanup(() => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      ctl.dispose();
      validator.terminate();
    });
  });

  const compared = () =>
    ws
      .compare()
      .map((id) => ws.saved().find((s) => s.id === id))
      .filter((s) => s !== undefined);
  const stale = () => ctl.live() !== null && ws.revision() !== ranRevision() && !ctl.busy() && !ctl.queued();
  const runComing = () => ctl.queued() || ctl.busy();
  /** Nothing is handed out (tables, charts, results file) until the scenario as edited has run: the numbers on screen may be of an earlier version. */
  const notYet = () => ctl.live()?.partial !== false || runComing();

  return (
    <div class="app">
      <a class="skip" href="#results">
        {t('skipToResults')}
      </a>
      <header class="top">
        <div class="brand">
          <h1>{t('appTitle')}</h1>
          <p class="subtitle">{t('appSubtitle')}</p>
        </div>
        <RunBar
          ctl={ctl}
          onRun={() => void start()}
          canRun={ws.validation().ok}
          why={ws.validation().ok ? undefined : ws.validation().pending && ws.validation().errors.length === 0 ? t('runWhyChecking') : t('runWhyErrors', { n: ws.validation().errors.length })}
          notes={plausibilityOf(ws).all.map((n) => n.text)}
        />
        <PrecisionOption ctl={ctl} />
        <button type="button" class="present-toggle" data-testid="present-toggle" aria-pressed={presenting()} title={ts('presentTitle')} onClick={() => togglePresenting()}>
          {presenting() ? ts('presentExit') : ts('present')}
        </button>
        <div class="lang" role="group" aria-label={t('language')}>
          <button type="button" aria-pressed={lang() === 'nl'} data-testid="lang-nl" onClick={() => setLang('nl')} lang="nl">
            NL
          </button>
          <button type="button" aria-pressed={lang() === 'en'} data-testid="lang-en" onClick={() => setLang('en')} lang="en">
            EN
          </button>
        </div>
      </header>
      <Show when={banner()}>
        <div class="banner" role="status" data-testid="banner">
          {banner()}{' '}
          <button type="button" class="mini" onClick={() => setBanner(null)}>
            {t('close')}
          </button>
        </div>
      </Show>
      <StorageAlerts ws={ws} />
      <Show when={interrupted()}>
        <div class="banner warn" role="alert" data-testid="interrupted-run">
          {tw('interrupted')}{' '}
          <button type="button" class="mini" data-testid="run-anyway" onClick={() => void start()}>
            {tw('runAnyway')}
          </button>
        </div>
      </Show>
      <main class="layout">
        <aside class="editor-pane" aria-labelledby="editor-title">
          <h2 id="editor-title">{t('editorTitle')}</h2>
          <p class="scenario-title" data-testid="scenario-title">
            {textOf(ws.scenario.meta?.title)}
          </p>
          <Toolbar
            ws={ws}
            onFile={(f) => void openFile(f)}
            results={exportResults}
            onReset={() => {
              // What the user had stays in the workspace, as when opening a file.
              keepCurrent(ws, ctl, undefined, true);
              ws.replace(DEFAULT_SCENARIO);
            }}
          />
          <RegionImport base={() => ws.snapshot()} onScenario={openRegion} />
          {/* Right under the file actions, above the start view, so a refused file is seen at once. */}
          <Show when={importErrors()}>
            {(ie) => (
              <div class="error-box" role="alert" data-testid="import-errors">
                <p>
                  <strong>{t('importFailed', { f: ie().fileName, n: ie().errors.length })}</strong>
                </p>
                <ul>
                  <For each={ie().errors}>
                    {(e) => (
                      <li>
                        {errorLabel(e.path, {}, lang())} <code>{e.path}</code>: {issueText(e, lang())}
                      </li>
                    )}
                  </For>
                </ul>
                <button type="button" class="mini" onClick={() => setImportErrors(null)}>
                  {t('close')}
                </button>
              </div>
            )}
          </Show>
          <Library ws={ws} ctl={ctl} onOpen={() => void start({ fresh: true })} />
          <WorkspacePanel ws={ws} ctl={ctl} onOpen={() => void start({ fresh: true })} />
          <Editor ws={ws} history={history} />
        </aside>
        <section class="results-pane" id="results" aria-label={t('results')} tabindex="-1">
          <Show when={ctl.error()}>
            {(e) => (
              <div class="error-box" role="alert" data-testid="run-error">
                <strong>{t('errorTitle')}</strong>
                <Show when={!e().errors && !ctl.outcome()}>
                  <p data-testid="run-failed-none">{tw('runFailedNone')}</p>
                </Show>
                <Show when={e().errors} fallback={<p>{e().issue ? issueText({ path: '', ...e().issue! } as Issue, lang()) : e().message}</p>}>
                  <ul>
                    <For each={e().errors}>
                      {(fe) => (
                        <li title={fe.path}>
                          {errorLabel(fe.path, ws.scenario, lang())}: {issueText(fe, lang())}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </div>
            )}
          </Show>
          <Show when={stale()}>
            <p class="stale" role="status" data-testid="stale-note">
              {t('staleResults')}
            </p>
          </Show>
          {/* The three questions answered at the top, without scrolling. */}
          <Show
            when={ctl.live()}
            fallback={
              <p class="card placeholder band-placeholder" data-testid="results-placeholder" role="status">
                {runComing() ? ts('firstRunLong') : ts('noResultsYet')}
              </p>
            }
          >
            {(o) => (
              <SummaryBand
                summary={o().summary}
                fin={ctl.outcome() ? financingOf(ctl.outcome()!.summary) : null}
                finOld={o().partial}
                finPending={runComing()}
                generation={ctl.generation()}
                partial={o().partial}
              />
            )}
          </Show>
          {/* Keyed: another file starts a fresh comparison. */}
          <Show when={fileResults()} keyed>
            {(info) => <FileResults info={info} ctl={ctl} onClose={() => setFileResults(null)} />}
          </Show>
          <Show when={ctl.live()}>
            {(o) => <PrintHeader scenario={o().input as ScenarioInput} runs={o().summary.runs} hash={o().scenarioHash} summary={o().summary} partial={o().partial} runsRequested={o().runsRequested} />}
          </Show>
          <Show when={compared().length >= 2}>
            <ViewGuard name="compare" retryOn={compared}>
              <CompareView items={compared()} />
            </ViewGuard>
          </Show>
          <Show when={ctl.live()}>
            {(o) => (
              <>
                <div class="results-head">
                  <h2>{t('questionCost')}</h2>
                  <div class="toolbar">
                    <ExportButtons summary={o().summary} input={o().input as ScenarioInput} partial={notYet()} />
                    <button
                      type="button"
                      data-testid="export-results-json"
                      disabled={notYet()}
                      title={notYet() ? t('exportAfterRun') : undefined}
                      onClick={() =>
                        download(
                          fileNameFor(o().input as ScenarioInput, 'results.json'),
                          JSON.stringify(
                            {
                              format: 'proeftuin-results',
                              formatVersion: 1,
                              scenario: { title: (o().input as ScenarioInput).meta?.title, hash: o().scenarioHash },
                              runs: o().summary.runs,
                              cancelled: o().cancelled,
                              summary: o().summary,
                            },
                            null,
                            2,
                          ),
                          'application/json',
                        )
                      }
                    >
                      ⤓ {t('exportResultsJson')}
                    </button>
                    <button type="button" data-testid="print" onClick={() => window.print()}>
                      {t('print')}
                    </button>
                  </div>
                </div>
                <Show when={o().partial}>
                  <Show
                    when={o().failure}
                    fallback={
                      <p class="partial-note" role="status" data-testid="partial-note">
                        {t('partialNote', { n: num(o().summary.runs), m: num(o().runsRequested) })}
                      </p>
                    }
                  >
                    {(why) => (
                      <p class="partial-note failed" role="alert" data-testid="run-failed-partial">
                        {tw('runFailedPartial', { n: num(o().summary.runs), m: num(o().runsRequested), e: why() })}
                      </p>
                    )}
                  </Show>
                </Show>
                <p class="muted" data-testid="runs-note">
                  {t('runsOf', { n: num(o().summary.runs) })} · {t('seed')}: <code>{String((o().input as ScenarioInput).simulation?.seed ?? '')}</code> · {t('mcseNote')}
                </p>
                <PrecisionNote precision={o().precision} cancelled={o().cancelled} partial={o().partial} checking={ctl.precisionCheck()} />
                <ViewGuard name="headline" retryOn={ctl.live}>
                  <Headline summary={o().summary} generation={ctl.generation()} partial={o().partial} />
                </ViewGuard>
                <ViewGuard name="fan" retryOn={ctl.live}>
                  <Later>
                    <FanChart summary={o().summary} />
                  </Later>
                </ViewGuard>
                <ViewGuard name="results" retryOn={ctl.live}>
                  <Later delayMs={30}>
                    <ResultViews summary={o().summary} extras={o().extras} />
                  </Later>
                </ViewGuard>
              </>
            )}
          </Show>
          <section class="fin-section" aria-labelledby="fin-title">
            <h2 id="fin-title">{t('financingTitle')}</h2>
            <Show
              when={ctl.outcome() && financingOf(ctl.outcome()!.summary)}
              fallback={
                <p class="muted card placeholder" data-testid="financing-placeholder">
                  {ctl.outcome() ? t('noFinancing') : runComing() ? ts('finRunning') : t('financingPending')}
                </p>
              }
            >
              {/* Heavier tables: drawn for finished runs only, not for every partial summary. */}
              {(fin) => (
                <ViewGuard name="finance" retryOn={ctl.outcome}>
                  <Later delayMs={60}>
                    <FinanceView
                      fin={fin()}
                      startYear={ctl.outcome()!.summary.startYear}
                      hists={ctl.outcome()!.extras.partyResults}
                      defaultParty={scenarioParty(ctl.outcome()!.input)}
                      drift={ctl.outcome()!.summary.benchmarkDrift}
                      proposal={designProposalFor(ctl.outcome()!.input)}
                    />
                  </Later>
                </ViewGuard>
              )}
            </Show>
          </section>
          {/* What moves the number beside what changes the decision, with the same names for the assumptions. */}
          <Show when={ctl.outcome()}>
            {(o) => (
              <section class="sens-pair-section" aria-label={fx('pairLabel')} data-testid="sens-pair">
                <p class="muted sens-pair-note" data-testid="sens-pair-note">
                  {fx('pairNote')}
                </p>
                <div class="sens-pair">
                  <Show when={sensitivityOf(o().summary)}>
                    <ViewGuard name="tornado" retryOn={ctl.outcome}>
                      <Later delayMs={90}>
                        <TornadoView summary={o().summary} scenario={o().input} />
                      </Later>
                    </ViewGuard>
                  </Show>
                  <ViewGuard name="voi" retryOn={ctl.outcome}>
                    <Later delayMs={100}>
                      <VoiView input={o().input} />
                    </Later>
                  </ViewGuard>
                </div>
              </section>
            )}
          </Show>
          <Show when={ctl.outcome()}>
            {(o) => (
              <ViewGuard name="decision" retryOn={ctl.outcome}>
                <DecisionSection ctl={ctl} outcome={o()} onAddContract={addContract} />
              </ViewGuard>
            )}
          </Show>
          {/* Printed at the end of the report, after the results it underlies. */}
          <Show when={ctl.live()}>{(o) => <AssumptionsTable scenario={o().input as ScenarioInput} settled={settled()} />}</Show>
          <Glossary />
        </section>
      </main>
      <footer class="app-footer">
        <a href={VERIFICATION_HASH} data-testid="verification-link">
          {verificationLinkText()}
        </a>
      </footer>
      <Show when={hash() === VERIFICATION_HASH}>
        <Verification onClose={closeVerification} />
      </Show>
      <Show when={dragging()}>
        <div class="drop-overlay" aria-hidden="true">
          {t('dropHere')}
        </div>
      </Show>
    </div>
  );
}
