import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { createRunController } from './run/controller';
import { installTestHook } from './testHook';
import { lang, setLang, t } from './i18n';
import { RunBar } from './components/RunBar';
import { Headline } from './components/Headline';
import { Toolbar } from './components/Toolbar';
import { Later } from './components/Later';
import { AssumptionsTable, PrintHeader } from './components/PrintReport';
import { Glossary } from './components/Glossary';
import { keepCurrent, WorkspacePanel } from './components/WorkspacePanel';
import { Library } from './components/Library';
import { FileResults, type FileResultsInfo } from './components/FileResults';
import { compactResults } from '../models/scenario/resultsSummary';
import { version as appVersion } from '../package.json';
import { CompareView } from './charts/CompareView';
import { FinanceView } from './charts/FinanceView';
import { TornadoView } from './charts/TornadoView';
import { financingOf, sensitivityOf } from './charts/financeShape';
import { FanChart } from './charts/FanChart';
import { ResultViews } from './charts/ResultViews';
import { Editor } from './editor/Editor';
import { createWorkspace, type ScenarioInput } from './workspace/store';
import { readScenarioFile, scenarioFromUrl, download, fileNameFor } from './workspace/io';
import { ExportButtons } from './report/ExportButtons';
import type { FieldError } from '../models/scenario/validate';
import { uiValidator } from '../workers/uiValidatePool';
import { clone } from './workspace/paths';
import { num } from './format';
import { PrecisionNote, PrecisionOption, precisionRequest } from './decision/PrecisionOption';
import { DecisionSection } from './decision/DecisionSection';
import { warmUpFonts } from './components/fontWarmUp';
import { localMessage } from './editor/messages';

/** `?runs=N` overrides the scenario's run count (tests use fewer runs). */
function runsFromUrl(): number | undefined {
  const r = new URLSearchParams(location.search).get('runs');
  if (r === null) return undefined;
  const n = Number(r);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : undefined;
}

export function App() {
  // Validation and hashing run in a worker: the UI thread never loads the schema library or the engine.
  const validator = uiValidator();
  const ws = createWorkspace(validator);
  const [banner, setBanner] = createSignal<string | null>(null);

  const ctl = createRunController(validator);
  installTestHook(ctl);
  const [ranRevision, setRanRevision] = createSignal(-1);
  const [importErrors, setImportErrors] = createSignal<{ fileName: string; errors: FieldError[] } | null>(null);
  const [dragging, setDragging] = createSignal(false);
  /** The results summary an opened file carried, shown beside its re-run. */
  const [fileResults, setFileResults] = createSignal<FileResultsInfo | null>(null);
  /** A summary of the last run for the exported file: only for a complete run of the scenario as it is now. */
  const exportResults = createMemo(() => {
    const o = ctl.outcome();
    if (!o || o.cancelled || o.partial || ctl.busy() || ws.revision() !== ranRevision() || !o.finishedAt || o.seed === undefined) return null;
    return compactResults(o.summary, { seed: o.seed, scenarioHash: o.scenarioHash, computedAt: o.finishedAt, generator: `proeftuin ${appVersion}` });
  });

  /** Runs the scenario as it is now; returns the input handed to the run (undefined when invalid). */
  const start = async (): Promise<unknown> => {
    const v = await ws.validated();
    if (!v.ok) return undefined;
    const input = ws.snapshot();
    const override = runsFromUrl();
    if (override !== undefined) input.simulation = { ...(input.simulation ?? {}), runs: override };
    const runs = override ?? v.runs ?? 2000;
    setRanRevision(ws.revision());
    const target = Number((input.simulation as { targetReduction?: unknown } | undefined)?.targetReduction ?? 0.02);
    const runInput = clone(input);
    void ctl.run(runInput, runs, precisionRequest(runs, target));
    return runInput;
  };

  const openFile = async (f: File) => {
    const r = await readScenarioFile(f, validator);
    if (!r.ok) {
      setImportErrors({ fileName: r.fileName, errors: r.errors });
      setBanner(null); // an earlier "opened" note would contradict the error list
      return;
    }
    setImportErrors(null);
    keepCurrent(ws, ctl, undefined, true); // what the user had stays in the workspace
    ws.replace(r.scenario);
    setBanner(`${t('imported')}: ${f.name}`);
    if (!r.results) {
      setFileResults(null);
      void start();
      return;
    }
    // The file's numbers show at once; the verdict waits for the run of this very input.
    const [rerun, setRerun] = createSignal<{ input: unknown; generation: number } | null>(null);
    setFileResults({ fileName: f.name, results: r.results, rerun });
    const runInput = await start();
    if (runInput !== undefined) setRerun({ input: runInput, generation: ctl.generation() });
  };

  onMount(() => {
    // A scenario in the link wins over the saved workspace; an invalid one is ignored with a note.
    const linked = scenarioFromUrl();
    void (async () => {
      if (linked !== undefined) {
        const v = await validator.validate(linked);
        if (v.ok) {
          ws.replace(linked as ScenarioInput);
          setBanner(t('linkScenarioLoaded'));
        } else setBanner(t('linkScenarioBad'));
      }
      // The first run starts once the result views' fonts are known (a few tasks, normally done
      // before the scenario has been validated; never more than a second's wait).
      await Promise.race([warmUpFonts(), new Promise((r) => setTimeout(r, 1000))]);
      await start();
    })();
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

  const compared = () => ws.compare().map((id) => ws.saved().find((s) => s.id === id)).filter((s) => s !== undefined);
  const stale = () => ctl.live() !== null && ws.revision() !== ranRevision() && !ctl.busy();

  return (
    <div class="app">
      <a class="skip" href="#results">{t('skipToResults')}</a>
      <header class="top">
        <div class="brand">
          <h1>{t('appTitle')}</h1>
          <p class="subtitle">{t('appSubtitle')}</p>
        </div>
        <RunBar ctl={ctl} onRun={() => void start()} canRun={ws.validation().ok} />
        <PrecisionOption ctl={ctl} />
        <div class="lang" role="group" aria-label={t('language')}>
          <button type="button" aria-pressed={lang() === 'nl'} data-testid="lang-nl" onClick={() => setLang('nl')} lang="nl">NL</button>
          <button type="button" aria-pressed={lang() === 'en'} data-testid="lang-en" onClick={() => setLang('en')} lang="en">EN</button>
        </div>
      </header>
      <Show when={banner()}>
        <div class="banner" role="status" data-testid="banner">
          {banner()} <button type="button" class="mini" onClick={() => setBanner(null)}>{t('close')}</button>
        </div>
      </Show>
      <main class="layout">
        <aside class="editor-pane" aria-labelledby="editor-title">
          <h2 id="editor-title">{t('editorTitle')}</h2>
          <p class="scenario-title" data-testid="scenario-title">{String(ws.scenario.meta?.title ?? '')}</p>
          <Toolbar ws={ws} onFile={(f) => void openFile(f)} results={exportResults} />
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
                        <code>{e.path}</code>: {localMessage(e.message, lang())}
                      </li>
                    )}
                  </For>
                </ul>
                <button type="button" class="mini" onClick={() => setImportErrors(null)}>{t('close')}</button>
              </div>
            )}
          </Show>
          <Library ws={ws} ctl={ctl} onOpen={() => void start()} />
          <WorkspacePanel ws={ws} ctl={ctl} onOpen={() => void start()} />
          <Editor ws={ws} />
        </aside>
        <section class="results-pane" id="results" aria-label={t('results')} tabindex="-1">
          <Show when={ctl.error()}>
            {(e) => (
              <div class="error-box" role="alert" data-testid="run-error">
                <strong>{t('errorTitle')}</strong>
                <Show when={e().errors} fallback={<p>{e().message}</p>}>
                  <ul>
                    <For each={e().errors}>{(fe) => <li><code>{fe.path}</code>: {localMessage(fe.message, lang())}</li>}</For>
                  </ul>
                </Show>
              </div>
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
            <CompareView items={compared()} />
          </Show>
          <Show when={stale()}>
            <p class="stale" role="status" data-testid="stale-note">{t('staleResults')}</p>
          </Show>
          <Show when={ctl.live()}>
            {(o) => (
              <>
                <div class="results-head">
                  <h2>{t('questionCost')}</h2>
                  <div class="toolbar">
                    <ExportButtons summary={o().summary} input={o().input as ScenarioInput} partial={o().partial} />
                    <button
                      type="button"
                      data-testid="export-results-json"
                      disabled={o().partial}
                      title={o().partial ? t('exportAfterRun') : undefined}
                      onClick={() =>
                        download(
                          fileNameFor(o().input as ScenarioInput, 'results.json'),
                          JSON.stringify({ format: 'proeftuin-results', formatVersion: 1, scenario: { title: (o().input as ScenarioInput).meta?.title, hash: o().scenarioHash }, runs: o().summary.runs, cancelled: o().cancelled, summary: o().summary }, null, 2),
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
                  <p class="partial-note" role="status" data-testid="partial-note">
                    {t('partialNote', { n: num(o().summary.runs), m: num(o().runsRequested) })}
                  </p>
                </Show>
                <p class="muted" data-testid="runs-note">
                  {t('runsOf', { n: num(o().summary.runs) })} · {t('seed')}: <code>{String((o().input as ScenarioInput).simulation?.seed ?? '')}</code> · {t('mcseNote')}
                </p>
                <PrecisionNote precision={o().precision} cancelled={o().cancelled} partial={o().partial} checking={ctl.precisionCheck()} />
                <Headline summary={o().summary} generation={ctl.generation()} partial={o().partial} />
                <Later>
                  <FanChart summary={o().summary} />
                </Later>
                <Later delayMs={30}>
                  <ResultViews summary={o().summary} extras={o().extras} />
                </Later>
              </>
            )}
          </Show>
          <section class="fin-section" aria-labelledby="fin-title">
            <h2 id="fin-title">{t('financingTitle')}</h2>
            <Show
              when={ctl.outcome() && financingOf(ctl.outcome()!.summary)}
              fallback={
                <p class="muted card placeholder" data-testid="financing-placeholder">
                  {ctl.outcome() ? t('noFinancing') : t('financingPending')}
                </p>
              }
            >
              {/* Heavier tables: drawn for finished runs only, not for every partial summary. */}
              {(fin) => (
                <Later delayMs={60}>
                  <FinanceView fin={fin()} startYear={ctl.outcome()!.summary.startYear} hists={ctl.outcome()!.extras.partyResults} />
                </Later>
              )}
            </Show>
          </section>
          <Show when={ctl.outcome() && sensitivityOf(ctl.outcome()!.summary)}>
            <Later delayMs={90}>
              <TornadoView summary={ctl.outcome()!.summary} scenario={ctl.outcome()!.input} />
            </Later>
          </Show>
          <Show when={ctl.outcome()}>{(o) => <DecisionSection ctl={ctl} outcome={o()} />}</Show>
          {/* Printed at the end of the report, after the results it underlies. */}
          <Show when={ctl.live()}>{(o) => <AssumptionsTable scenario={o().input as ScenarioInput} />}</Show>
          <Glossary />
        </section>
      </main>
      <Show when={dragging()}>
        <div class="drop-overlay" aria-hidden="true">{t('dropHere')}</div>
      </Show>
    </div>
  );
}
