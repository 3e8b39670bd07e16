import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import type { RunController } from '../run/controller';
import { CancelledError, runOnWorkers } from '../../models/runner/runner';
import { goalInput, type GoalSpec } from '../../models/analysis/goals';
import type { SeekResult } from '../../models/analysis/goalSeek';
import type { GoalStep } from '../../workers/uiAnalysisApi';
import { moved } from '../../workers/remote';
import { ChartCard } from '../components/ChartCard';
import { OKABE_ITO, SC_COLOR } from '../colors';
import { num, pct, seconds } from '../format';
import { goalParameters, goalScenario, goalSpecOf, maxSteps, populationModels, type FormProblem, type GoalForm, type GoalParameter } from './goalOptions';
import { lineName, td } from './texts';
import { textOf } from '../i18n';
import { svgWidth } from '../charts/svgWidth';
import { niceTicks, tickCount } from '../charts/ticks';

/** Runs per goal step: ~10 steps of 400 runs (no twins) take a few seconds on two workers. */
export const DEFAULT_RUNS_PER_STEP = 400;

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

const fieldName = (p: GoalParameter) => (p.field === 'contacts' || p.field === 'price' ? td(`field_${p.field}`, { l: lineName(p.line ?? '') }) : td(`field_${p.field}`));

function paramLabel(p: GoalParameter, withNow = true): string {
  const field = fieldName(p);
  const now = p.now.uncertain ? td('nowUncertain', { a: pct(p.now.lo, 0), b: pct(p.now.hi, 0) }) : td('nowFixed', { v: pct(p.now.lo, 0) });
  return `${td(`group_${p.group}`)} "${textOf(p.item)}": ${field}${withNow ? ` (${now})` : ''}`;
}

/**
 * "What does it take?" (issue 6): a goal search over one parameter or the population, run on the
 * simulation pool (borrowed from the run controller, so it never overlaps a run) with the bisection
 * and every step's statistics in the analysis worker.
 */
export function GoalPanel(props: { ctl: RunController; input: unknown; target: number }) {
  const params = createMemo(() => goalParameters(props.input));
  const popModels = createMemo(() => populationModels(props.input));
  const title = () => textOf((props.input as { meta?: { title?: unknown } })?.meta?.title);

  const [kind, setKind] = createSignal<'parameter' | 'population'>('parameter');
  const [path, setPath] = createSignal('');
  const chosenPath = () => (params().some((p) => p.path === path()) ? path() : (params()[0]?.path ?? ''));
  const [fromPct, setFromPct] = createSignal(0);
  const [toPct, setToPct] = createSignal(100);
  const [probPct, setProbPct] = createSignal(80);
  const [model, setModel] = createSignal('');
  const chosenModel = () => (popModels().some((m) => m.id === model()) ? model() : (popModels()[0]?.id ?? ''));
  const [sharePct, setSharePct] = createSignal(5);
  const [popFrom, setPopFrom] = createSignal(1000);
  const [popTo, setPopTo] = createSignal(2_000_000);
  const [runs, setRuns] = createSignal(DEFAULT_RUNS_PER_STEP);

  const [status, setStatus] = createSignal<Status>('idle');
  const [problem, setProblem] = createSignal<FormProblem | null>(null);
  const [spec, setSpec] = createSignal<GoalSpec | null>(null);
  const [steps, setSteps] = createSignal<GoalStep[]>([]);
  const [current, setCurrent] = createSignal<{ x: number; done: number; total: number } | null>(null);
  const [result, setResult] = createSignal<SeekResult | null>(null);
  const [elapsed, setElapsed] = createSignal(NaN);
  const [error, setError] = createSignal('');
  let ac: AbortController | null = null;
  // A new run (another scenario or other settings): an earlier answer no longer belongs to what is shown.
  createEffect(
    on(
      () => props.input,
      () => {
        if (status() === 'running') return;
        setStatus('idle');
        setSteps([]);
        setResult(null);
        setSpec(null);
      },
      { defer: true },
    ),
  );

  const form = (): GoalForm =>
    kind() === 'parameter'
      ? { kind: 'parameter', path: chosenPath(), fromPct: fromPct(), toPct: toPct(), probabilityPct: probPct() }
      : { kind: 'population', model: chosenModel(), maxSharePct: sharePct(), from: popFrom(), to: popTo() };

  const xText = (x: number, s: GoalSpec | null = spec()) => (s?.kind === 'population' ? num(x) : pct(x, 1));
  const chosenParam = () => params().find((p) => p.path === (spec()?.kind === 'parameter' ? (spec() as { path: string }).path : chosenPath()));

  async function start() {
    const f = goalSpecOf(form());
    if (!f.ok) {
      setProblem(f.problem);
      return;
    }
    setProblem(null);
    const s = f.spec;
    const n = Math.max(50, Math.min(20_000, Math.round(runs())));
    const input = props.input;
    const target = props.target;
    setSpec(s);
    setSteps([]);
    setResult(null);
    setError('');
    setCurrent(null);
    setStatus('running');
    const my = new AbortController();
    ac = my;
    let stopped = false;
    const t0 = performance.now();
    try {
      const res = await props.ctl.borrow(
        (workers, analysis, signal, prepare) =>
          analysis.seek(
            s,
            target,
            async (x) => {
              if (signal.aborted) {
                stopped = true;
                throw new Error('cancelled');
              }
              setCurrent({ x, done: 0, total: n });
              const r = await runOnWorkers(workers, await prepare(goalScenario(goalInput(input, s, x), n)), {
                runs: n,
                signal,
                onProgress: (p) => setCurrent({ x, done: p.done, total: p.total }),
              }).catch((e: unknown) => {
                if (signal.aborted) stopped = true;
                throw e;
              });
              if (r.cancelled || signal.aborted) {
                stopped = true;
                throw new Error('cancelled');
              }
              return moved(r.block);
            },
            (st) => setSteps((prev) => [...prev, st]),
          ),
        my.signal,
      );
      setResult(res);
      setStatus('done');
    } catch (e) {
      if (stopped || my.signal.aborted || e instanceof CancelledError) setStatus('cancelled');
      else {
        setError(e instanceof Error ? e.message : String(e));
        setStatus('error');
      }
    } finally {
      setElapsed(performance.now() - t0);
      setCurrent(null);
      if (ac === my) ac = null;
    }
  }

  const answer = () => {
    const r = result();
    const s = spec();
    if (!r || !s) return '';
    const tgt = pct(props.target, 0);
    if (!r.reachable) {
      const hi = r.steps[0]?.x ?? s.hi;
      return s.kind === 'parameter'
        ? td('goalUnreachableParam', { x: xText(hi), t: tgt, v: pct(r.outputAtHigh, 1), g: pct(s.probability, 0) })
        : td('goalUnreachablePop', { x: num(hi), v: pct(r.outputAtHigh, 1), g: pct(s.maxShare, 1) });
    }
    return s.kind === 'parameter'
      ? td('goalAnswerParam', { p: chosenParam() ? paramLabel(chosenParam()!, false) : s.path, x: xText(r.value), lo: xText(r.low), hi: xText(r.high), t: tgt, v: pct(r.output, 1), se: pct(r.se, 1) })
      : td('goalAnswerPop', { x: num(r.value), lo: num(r.low), hi: num(r.high), v: pct(r.output, 1), se: pct(r.se, 1) });
  };

  const busyRun = () => props.ctl.busy();
  const running = () => status() === 'running';
  const uid = 'goal';

  return (
    <section class="card goal-panel" aria-labelledby={`${uid}-title`} data-testid="goal-panel">
      <header class="card-head">
        <h3 id={`${uid}-title`}>{td('goalTitle')}</h3>
      </header>
      <p class="muted">{td('goalIntro')}</p>
      <p class="muted">{td('goalForScenario', { s: title() })}</p>
      <fieldset class="goal-kind" disabled={running()}>
        <legend>{td('goalKind')}</legend>
        <label>
          <input type="radio" name="goal-kind" value="parameter" data-testid="goal-kind-parameter" checked={kind() === 'parameter'} onChange={() => setKind('parameter')} /> {td('goalKindParam')}
        </label>
        <label>
          <input
            type="radio"
            name="goal-kind"
            value="population"
            data-testid="goal-kind-population"
            checked={kind() === 'population'}
            disabled={popModels().length === 0}
            onChange={() => setKind('population')}
          />{' '}
          {td('goalKindPop')}
          <Show when={popModels().length === 0}>
            {' '}
            <span class="muted">({td('goalNoPop')})</span>
          </Show>
        </label>
      </fieldset>
      <div class="goal-form">
        <Show
          when={kind() === 'parameter'}
          fallback={
            <>
              <label class="wide">
                {td('goalModel')}
                <select data-testid="goal-model" value={chosenModel()} disabled={running()} onChange={(e) => setModel(e.currentTarget.value)}>
                  <For each={popModels()}>{(m) => <option value={m.id}>{textOf(m.name)}</option>}</For>
                </select>
              </label>
              <label class="wide">
                <span class="term" tabindex="0" title={td('goalShareTech')}>
                  {td('goalShare')}
                </span>
                <input type="number" data-testid="goal-share" min="0.1" max="99" step="0.5" value={sharePct()} disabled={running()} onInput={(e) => setSharePct(e.currentTarget.valueAsNumber)} />
              </label>
              <label>
                {td('goalPopFrom')}
                <input type="number" data-testid="goal-pop-from" min="1" step="1000" value={popFrom()} disabled={running()} onInput={(e) => setPopFrom(e.currentTarget.valueAsNumber)} />
              </label>
              <label>
                {td('goalPopTo')}
                <input type="number" data-testid="goal-pop-to" min="1" step="1000" value={popTo()} disabled={running()} onInput={(e) => setPopTo(e.currentTarget.valueAsNumber)} />
              </label>
            </>
          }
        >
          <Show when={params().length > 0} fallback={<p class="muted">{td('goalNoParams')}</p>}>
            <label class="wide">
              {td('goalParam')}
              <select data-testid="goal-param" value={chosenPath()} disabled={running()} onChange={(e) => setPath(e.currentTarget.value)}>
                <For each={params()}>{(p) => <option value={p.path}>{paramLabel(p)}</option>}</For>
              </select>
            </label>
            <label>
              {td('goalFrom')}
              <input type="number" data-testid="goal-from" min="0" max="100" step="1" value={fromPct()} disabled={running()} onInput={(e) => setFromPct(e.currentTarget.valueAsNumber)} />
            </label>
            <label>
              {td('goalTo')}
              <input type="number" data-testid="goal-to" min="0" max="100" step="1" value={toPct()} disabled={running()} onInput={(e) => setToPct(e.currentTarget.valueAsNumber)} />
            </label>
            <label class="wide">
              {td('goalProb', { t: pct(props.target, 0) })}
              <input type="number" data-testid="goal-prob" min="1" max="99" step="1" value={probPct()} disabled={running()} onInput={(e) => setProbPct(e.currentTarget.valueAsNumber)} />
            </label>
          </Show>
        </Show>
        <label>
          {td('goalRuns')}
          <input
            type="number"
            data-testid="goal-runs"
            min="50"
            max="20000"
            step="50"
            value={runs()}
            disabled={running()}
            onInput={(e) => setRuns(e.currentTarget.valueAsNumber)}
            aria-describedby="goal-runs-help"
          />
        </label>
        <p class="muted small" id="goal-runs-help">
          {td('goalRunsHelp')}
        </p>
      </div>
      <Show when={problem()}>
        {(p) => (
          <p class="error-text" role="alert" data-testid="goal-problem">
            {td(`problem_${p()}`)}
          </p>
        )}
      </Show>
      <div class="goal-actions">
        <Show
          when={running()}
          fallback={
            <button
              type="button"
              class="primary"
              data-testid="goal-start"
              disabled={busyRun() || (kind() === 'parameter' ? params().length === 0 : popModels().length === 0)}
              onClick={() => void start()}
            >
              {td('goalStart')}
            </button>
          }
        >
          <button type="button" class="danger" data-testid="goal-cancel" onClick={() => ac?.abort()}>
            {td('goalCancel')}
          </button>
        </Show>
        <Show when={busyRun() && !running()}>
          <span class="muted">{td('goalWaitRun')}</span>
        </Show>
      </div>
      <div aria-live="polite" data-testid="goal-status" data-status={status()}>
        <Show when={running() && spec()}>
          {(s) => (
            <div class="goal-progress">
              <div class="state">
                {td('goalRunning')} · {td('goalStep', { i: steps().length + 1, m: maxSteps(s()) })}
              </div>
              <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={maxSteps(s())} aria-valuenow={steps().length} aria-label={td('goalStepsTitle')}>
                <div class="progress-fill" style={{ width: `${(100 * Math.min(1, (steps().length + (current() ? current()!.done / current()!.total : 0)) / maxSteps(s()))).toFixed(1)}%` }} />
              </div>
              <Show when={current()}>
                {(c) => (
                  <div class="progress-text" data-testid="goal-progress-text">
                    {spec()?.kind === 'population' ? td('detPopulation') : chosenParam() ? fieldName(chosenParam()!) : ''} = {xText(c().x)} · {num(c().done)} / {num(c().total)} runs
                  </div>
                )}
              </Show>
            </div>
          )}
        </Show>
        <Show when={status() === 'done' && result()}>
          <p
            class={result()!.reachable ? 'goal-answer' : 'goal-answer unreachable'}
            data-testid="goal-answer"
            data-reachable={String(result()!.reachable)}
            data-value={result()!.reachable ? String((result() as { value: number }).value) : ''}
          >
            <strong>{answer()}</strong>
          </p>
          <Show when={result()!.reachable && spec() && (result() as { value: number }).value === spec()!.lo && spec()!.lo > 0}>
            <p class="muted">{td('goalAtLow')}</p>
          </Show>
        </Show>
        <Show when={status() === 'cancelled'}>
          <p data-testid="goal-cancelled">{td('goalCancelled')}</p>
        </Show>
        <Show when={status() === 'error'}>
          <p class="error-text" role="alert" data-testid="goal-error">
            {td('goalError', { m: error() })}
          </p>
        </Show>
        <Show when={status() !== 'running' && status() !== 'idle' && steps().length > 0}>
          <p class="muted" data-testid="goal-took" data-ms={String(Math.round(elapsed()))} data-runs={String(steps()[0]?.n ?? 0)}>
            {td('goalTook', { n: steps().length, r: num(steps()[0]?.n ?? 0), s: seconds(elapsed()) })}
          </p>
        </Show>
      </div>
      <Show when={steps().length > 0 && spec()}>
        <StepsView
          steps={steps()}
          spec={spec()!}
          target={props.target}
          xText={(x) => xText(x)}
          xLabel={spec()!.kind === 'parameter' && chosenParam() ? `${fieldName(chosenParam()!)} (%)` : td('detAxisX')}
        />
      </Show>
    </section>
  );
}

/** The search's evaluations: output against the value tried, with the goal line (SVG) and a table. */
function StepsView(props: { steps: GoalStep[]; spec: GoalSpec; target: number; xText: (x: number) => string; xLabel: string }) {
  const { ref: svgRef, W, viewBox } = svgWidth(560);
  const H = 250;
  const m = { l: 60, r: 34, t: 14, b: 50 };
  const goal = () => (props.spec.kind === 'parameter' ? props.spec.probability : props.spec.maxShare);
  const meets = (v: number) => (props.spec.kind === 'parameter' ? v >= goal() : v <= goal());
  const log = () => props.spec.kind === 'population';
  const tx = (v: number) => (log() ? Math.log10(Math.max(1, v)) : v);
  const xr = () => [tx(props.spec.lo), tx(props.spec.hi)];
  // Probabilities on 0–100%; budget shares up to a little above the largest value seen.
  const yr = () => (props.spec.kind === 'parameter' ? [0, 1] : [0, Math.min(1, 1.1 * Math.max(1.5 * goal(), ...props.steps.map((s) => s.value + s.se)))]);
  const sx = (x: number) => m.l + ((tx(x) - xr()[0]) / (xr()[1] - xr()[0] || 1)) * (W() - m.l - m.r);
  const sy = (v: number) => H - m.b - ((v - yr()[0]) / (yr()[1] - yr()[0] || 1)) * (H - m.t - m.b);
  const xTicks = () => {
    if (log()) {
      // Powers of ten, thinned to the room on the axis (a range typed as 1 … 1e300 stays a few labels).
      const room = tickCount(W() - m.l - m.r, 50);
      const exps = niceTicks(Math.ceil(xr()[0]), Math.floor(xr()[1]), room).filter(Number.isInteger);
      return exps.map((e) => 10 ** e);
    }
    const [a, b] = [props.spec.lo, props.spec.hi];
    return [0, 0.25, 0.5, 0.75, 1].map((f) => a + f * (b - a));
  };
  const yTicks = () => [0, 0.25, 0.5, 0.75, 1].map((f) => yr()[0] + f * (yr()[1] - yr()[0]));
  const xLabel = () => props.xLabel;
  // Step numbers only where they do not overlap an earlier one (the table lists them all).
  const labelled = () => {
    const shown: { x: number; y: number }[] = [];
    return new Set(
      props.steps
        .filter((s) => {
          const p = { x: sx(s.x), y: sy(Math.min(yr()[1], s.value)) };
          if (shown.some((q) => Math.abs(q.x - p.x) < 16 && Math.abs(q.y - p.y) < 14)) return false;
          shown.push(p);
          return true;
        })
        .map((s) => s.step),
    );
  };
  const yLabel = () => (props.spec.kind === 'parameter' ? td('goalOutProb', { t: pct(props.target, 0) }) : td('goalOutEs'));
  return (
    <ChartCard
      id="goal-steps"
      title={td('goalStepsTitle')}
      caption={td('goalStepsCaption')}
      legend={[
        { label: yLabel(), color: SC_COLOR, kind: 'point' },
        { label: td('goalLine', { g: pct(goal(), 1) }), color: OKABE_ITO.vermillion, kind: 'dash' },
      ]}
      chart={() => (
        <svg ref={svgRef} class="svg-chart" viewBox={viewBox(H)} role="img" aria-label={`${td('goalStepsTitle')}: ${yLabel()}`} data-testid="goal-steps-chart">
          <For each={yTicks()}>
            {(v) => (
              <g>
                <line x1={m.l} x2={W() - m.r} y1={sy(v)} y2={sy(v)} stroke="#e2e2e2" />
                <text x={m.l - 6} y={sy(v) + 4} text-anchor="end" font-size="13">
                  {pct(v, 0)}
                </text>
              </g>
            )}
          </For>
          <For each={xTicks()}>
            {(v) => (
              <g>
                <line x1={sx(v)} x2={sx(v)} y1={H - m.b} y2={H - m.b + 5} stroke="#333" />
                <text x={sx(v)} y={H - m.b + 19} text-anchor="middle" font-size="13">
                  {log() ? num(v) : pct(v, 0)}
                </text>
              </g>
            )}
          </For>
          <line x1={m.l} x2={W() - m.r} y1={H - m.b} y2={H - m.b} stroke="#333" />
          <line x1={m.l} x2={W() - m.r} y1={sy(goal())} y2={sy(goal())} stroke={OKABE_ITO.vermillion} stroke-width="2" stroke-dasharray="4 4" />
          <For each={props.steps}>
            {(s) => (
              <g>
                <line x1={sx(s.x)} x2={sx(s.x)} y1={sy(Math.max(yr()[0], s.value - s.se))} y2={sy(Math.min(yr()[1], s.value + s.se))} stroke={SC_COLOR} stroke-width="2" />
                <circle cx={sx(s.x)} cy={sy(Math.min(yr()[1], s.value))} r="6" fill={meets(s.value) ? SC_COLOR : '#fff'} stroke={SC_COLOR} stroke-width="2" />
                <Show when={labelled().has(s.step)}>
                  <text x={sx(s.x) + 8} y={sy(Math.min(yr()[1], s.value)) - 6} font-size="12">
                    {s.step}
                  </text>
                </Show>
              </g>
            )}
          </For>
          <text x={(m.l + W() - m.r) / 2} y={H - 8} text-anchor="middle" font-size="13">
            {xLabel()}
          </text>
          <text transform={`translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)`} text-anchor="middle" font-size="13">
            {yLabel()}
          </text>
        </svg>
      )}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{td('goalStepX')}</th>
              <th scope="col">{td('goalStepOut')}</th>
              <th scope="col">{td('goalStepMet')}</th>
              <th scope="col">runs</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.steps}>
              {(s) => (
                <tr>
                  <th scope="row">{s.step}</th>
                  <td>{props.xText(s.x)}</td>
                  <td>
                    {pct(s.value, 1)} ± {pct(s.se, 1)}
                  </td>
                  <td>{meets(s.value) ? td('yes') : td('no')}</td>
                  <td>{num(s.n)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    />
  );
}
