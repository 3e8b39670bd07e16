import { createMemo, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { lang, textOf } from '../i18n';
import { euroMln, num, pct } from '../format';
import { formatInputNumber, numberProblemText, parseLocalNumber } from '../editor/numbers';
import { partyLabelIn } from '../parties';
import { OKABE_ITO } from '../colors';
import { svgWidth } from '../charts/svgWidth';
import { paramLabel } from '../charts/paramLabel';
import { financingOf } from '../charts/financeShape';
import type { ScenarioShapley } from '../../models/analysis/shapley';
import type { DecisionValue } from '../../models/analysis/decisionValue';
import { fairWorker, type FairWorker } from '../../workers/fairPool';
import { fx } from './fairTexts';

/** Runs each analysis simulates (every coalition, or the runs the regressions use), at most the scenario's own. */
const SHAPLEY_RUNS = 300;
const VOI_RUNS = 2000;
const runsOf = (input: unknown, most: number) => Math.min(most, Number((input as { simulation?: { runs?: number } })?.simulation?.runs ?? most));

/** One worker per panel, started on demand; Stop terminates it and the next computation starts another. */
function useWorker() {
  const [status, setStatus] = createSignal<'idle' | 'running' | 'done' | 'cancelled' | 'error'>('idle');
  const [progress, setProgress] = createSignal<{ d: number; p: number } | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  let worker: FairWorker | null = null;
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  onCleanup(stop);
  const go = async <T,>(call: (w: FairWorker, onProgress: (d: number, p: number) => void) => Promise<{ ok: true; result: T } | { ok: false; message: string }>, done: (r: T) => void) => {
    setMessage(null);
    setStatus('running');
    setProgress(null);
    const w = (worker ??= fairWorker());
    try {
      const r = await call(w, (d, p) => setProgress({ d, p }));
      if (worker !== w) return;
      if (r.ok) {
        done(r.result);
        setStatus('done');
      } else {
        setMessage(fx('failed', { m: r.message }));
        setStatus('error');
      }
    } catch (e) {
      if (worker !== w) return;
      setMessage(fx('failed', { m: e instanceof Error ? e.message : String(e) }));
      setStatus('error');
      stop();
    }
  };
  const fail = (m: string) => (setMessage(m), setStatus('error'));
  const controls = (testid: string, label: string, onRun: () => void, progressKey: 'progress' | 'progressVoi') => (
    <>
      <p>
        <button type="button" data-testid={`${testid}-run`} disabled={status() === 'running'} onClick={onRun}>
          {label}
        </button>{' '}
        <Show when={status() === 'running'}>
          <button type="button" data-testid={`${testid}-cancel`} onClick={() => (stop(), setStatus('cancelled'))}>
            {fx('cancel')}
          </button>{' '}
          <span role="status" data-testid={`${testid}-progress`}>
            {progress() ? fx(progressKey, { d: num(progress()!.d), p: num(progress()!.p) }) : fx('starting')}
          </span>
        </Show>
        <Show when={status() === 'cancelled'}>
          <span role="status" data-testid={`${testid}-cancelled`}>
            {fx('cancelled')}
          </span>
        </Show>
      </p>
      <Show when={message()}>
        <p class="field-error" role="alert" data-testid={`${testid}-message`}>
          {message()}
        </p>
      </Show>
    </>
  );
  return { go, fail, controls };
}

/** Horizontal bars with an error whisker each, labels on the left (values in € mln). */
function Bars(props: { title: string; rows: { label: string; value: number; se: number }[]; testid: string; color?: string }) {
  const { ref, W, viewBox } = svgWidth(560);
  const rowH = 26;
  const left = () => Math.min(440, Math.max(140, W() * 0.52));
  const H = () => 30 + rowH * props.rows.length + 24;
  const range = () => {
    const lo = Math.min(0, ...props.rows.map((r) => r.value - r.se));
    const hi = Math.max(0, ...props.rows.map((r) => r.value + r.se));
    return [lo, hi === lo ? lo + 1 : hi];
  };
  const sx = (v: number) => left() + ((v - range()[0]) / (range()[1] - range()[0])) * (W() - left() - 70);
  const fit = (s: string) => {
    const max = Math.floor((left() - 12) / 6.6);
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
  };
  return (
    <figure class="chart-figure" data-testid={props.testid}>
      <figcaption>
        <strong>{props.title}</strong>
      </figcaption>
      <svg ref={ref} viewBox={viewBox(H())} width="100%" height={H()} role="img" aria-label={props.title}>
        <line x1={sx(0)} x2={sx(0)} y1={22} y2={H() - 20} stroke="#999" />
        <For each={props.rows}>
          {(r, i) => {
            const y = () => 26 + i() * rowH;
            return (
              <g>
                <text x={left() - 8} y={y() + 15} text-anchor="end" font-size="12">
                  <title>{r.label}</title>
                  {fit(r.label)}
                </text>
                <rect x={Math.min(sx(0), sx(r.value))} y={y() + 3} width={Math.max(1, Math.abs(sx(r.value) - sx(0)))} height={rowH - 8} fill={props.color ?? OKABE_ITO.blue} />
                <line x1={sx(r.value - r.se)} x2={sx(r.value + r.se)} y1={y() + rowH / 2 - 1} y2={y() + rowH / 2 - 1} stroke="#000" stroke-width="1.5" />
                <text x={Math.max(sx(r.value), sx(0), sx(r.value + r.se)) + 4} y={y() + 15} font-size="12">
                  {num(r.value / 1e6, 2)}
                </text>
              </g>
            );
          }}
        </For>
      </svg>
    </figure>
  );
}

function TableView(props: { children: JSX.Element; testid: string }) {
  return (
    <details data-testid={props.testid}>
      <summary>{fx('table')}</summary>
      {props.children}
    </details>
  );
}

const partiesText = (c: Record<string, number>) =>
  Object.entries(c)
    .map(([p, w]) => (w === 1 ? partyLabelIn(p, lang()) : `${partyLabelIn(p, lang())} ${pct(w, 0)}`))
    .join(', ');

/** "Wie heeft de besparing gemaakt?": the Shapley split over the actions and the parties carrying them, beside what each party receives. */
export function ShapleyPanel(props: { input: unknown; summary: unknown }) {
  const w = useWorker();
  const [res, setRes] = createSignal<ScenarioShapley | null>(null);
  const hasActions = () => {
    const i = props.input as { interventions?: unknown[]; substitution?: unknown[] };
    return (i?.interventions?.length ?? 0) + (i?.substitution?.length ?? 0) > 0;
  };
  const run = () => {
    setRes(null);
    void w.go(
      (wk, onProgress) => wk.shapley(props.input, { runs: runsOf(props.input, SHAPLEY_RUNS) }, onProgress),
      (r) => setRes(r),
    );
  };
  const fin = createMemo(() => financingOf(props.summary));
  const contracts = () => (fin()?.models ?? []).filter((m) => m.kind !== 'ffs');
  return (
    <section class="card fair-panel" aria-labelledby="shapley-title" data-testid="shapley-panel">
      <h3 id="shapley-title">{fx('shapleyTitle')}</h3>
      <p class="muted small">{fx('shapleyIntro')}</p>
      <Show when={hasActions()} fallback={<p>{fx('noActions')}</p>}>
        {w.controls('shapley', fx('shapleyRun'), run, 'progress')}
      </Show>
      <Show when={res()}>
        {(r) => {
          const rows = () => r().actions.map((a, i) => ({ label: `${textOf(a.name)} (${partiesText(a.carriers)})`, value: r().values[i].value, se: r().values[i].se }));
          // The parties that carry an action, and the insurer and providers that sign the contracts.
          const parties = () => [...new Set([...Object.keys(r().byParty), 'insurer', 'hospital', 'gp'])];
          return (
            <div data-testid="shapley-result">
              <p data-testid="shapley-headline">
                <strong>{fx('shapleyHeadline', { t: euroMln(r().total.value), n: num(r().runs) })}</strong>
              </p>
              <ul data-testid="shapley-sentences">
                <For each={r().actions}>
                  {(a, i) => (
                    <li>
                      {euroMln(r().values[i()].value)} (± {euroMln(r().values[i()].se)}): {textOf(a.name)} — {partiesText(a.carriers)}
                    </li>
                  )}
                </For>
              </ul>
              <p class="muted small">{r().exact ? fx('shapleyExact', { k: num(r().evaluated) }) : fx('shapleySampled', { p: num(r().permutations), k: num(r().evaluated) })}</p>
              <Bars title={fx('chartTitle')} rows={rows()} testid="shapley-chart" />
              <TableView testid="shapley-table">
                <table class="data">
                  <thead>
                    <tr>
                      <th scope="col">{fx('action')}</th>
                      <th scope="col">{fx('carriedBy')}</th>
                      <th scope="col">{fx('share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={r().actions}>
                      {(a, i) => (
                        <tr>
                          <th scope="row">{textOf(a.name)}</th>
                          <td>{partiesText(a.carriers)}</td>
                          <td class="num">{fx('cell', { v: euroMln(r().values[i()].value), e: euroMln(r().values[i()].se) })}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableView>
              <table class="data" data-testid="shapley-parties">
                <caption>{fx('byParty')}</caption>
                <thead>
                  <tr>
                    <th scope="col" />
                    <For each={parties()}>{(p) => <th scope="col">{partyLabelIn(p, lang())}</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{fx('created')}</th>
                    <For each={parties()}>{(p) => <td class="num">{euroMln(r().byParty[p] ?? 0)}</td>}</For>
                  </tr>
                  <For each={contracts()}>
                    {(m) => (
                      <tr>
                        <th scope="row">{fx('receives', { c: textOf(m.name) })}</th>
                        <For each={parties()}>{(p) => <td class="num">{m.horizon[p] ? euroMln(m.horizon[p].changeVsStatusQuo.mean) : '–'}</td>}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <p class="muted small">{fx('receivesNote')}</p>
            </div>
          );
        }}
      </Show>
    </section>
  );
}

/** "Wat is meer weten waard?": EVPI, EVPPI per parameter and for a group, EVSI of a pilot, per decision, ranked. */
export function VoiPanel(props: { input: unknown }) {
  const w = useWorker();
  const [res, setRes] = createSignal<DecisionValue | null>(null);
  const [decision, setDecision] = createSignal(0);
  const [group, setGroup] = createSignal<string[]>(['', '', '']);
  const [sizes, setSizes] = createSignal<string | null>(null);
  const [fixed, setFixed] = createSignal<string | null>(null);
  const [per, setPer] = createSignal<string | null>(null);
  const sizesText = () => sizes() ?? [1000, 10000, 50000].map((n) => formatInputNumber(n, lang())).join('; ');
  const fixedText = () => fixed() ?? formatInputNumber(200000, lang());
  const perText = () => per() ?? formatInputNumber(25, lang());
  const uncertain = createMemo(() => {
    // The uncertain parameters' paths are known once a computation ran; before, the group lists the tornado's names.
    return res()?.parameters ?? [];
  });
  const label = (path: string) => paramLabel(path, props.input, lang()).label;
  const run = () => {
    const parsed: number[] = [];
    for (const [k, part] of sizesText().split(';').entries()) {
      const v = parseLocalNumber(part, lang());
      if (!v.ok) return w.fail(fx('badNumber', { f: `${fx('pilotSizes')} (${k + 1})`, m: numberProblemText(v.reason, lang()) }));
      if (!(v.value >= 1)) return w.fail(fx('badNumber', { f: `${fx('pilotSizes')} (${k + 1})`, m: '≥ 1' }));
      parsed.push(Math.round(v.value));
    }
    const f = parseLocalNumber(fixedText(), lang());
    if (!f.ok) return w.fail(fx('badNumber', { f: fx('pilotFixed'), m: numberProblemText(f.reason, lang()) }));
    const p = parseLocalNumber(perText(), lang());
    if (!p.ok) return w.fail(fx('badNumber', { f: fx('pilotPer'), m: numberProblemText(p.reason, lang()) }));
    const g = [...new Set(group().filter(Boolean))];
    void w.go(
      (wk, onProgress) =>
        wk.voi(props.input, { runs: runsOf(props.input, VOI_RUNS), ...(g.length ? { group: g } : {}), pilot: { sizes: parsed, fixedCost: f.value, costPerPerson: p.value } }, onProgress),
      (r) => setRes(r),
    );
  };
  const decisionName = (d: DecisionValue['decisions'][number]) => (d.decision === 'go' ? fx('decisionGo') : fx('decisionParty', { p: partyLabelIn(d.decision, lang()) }));
  return (
    <section class="card fair-panel" aria-labelledby="voi-title" data-testid="voi-panel">
      <h3 id="voi-title">{fx('voiTitle')}</h3>
      <p class="muted small">{fx('voiIntro', { n: num(runsOf(props.input, VOI_RUNS)) })}</p>
      <div class="design-form">
        <Show when={uncertain().length > 0}>
          <div class="design-term">
            <For each={[0, 1, 2]}>
              {(i) => (
                <label class="field">
                  <span>
                    {fx('group')} {i + 1}
                  </span>
                  <select data-testid={`voi-group-${i}`} value={group()[i]} onChange={(e) => setGroup(group().map((x, k) => (k === i ? e.currentTarget.value : x)))}>
                    <option value="">{fx('none')}</option>
                    <For each={uncertain()}>{(p) => <option value={p}>{label(p)}</option>}</For>
                  </select>
                </label>
              )}
            </For>
          </div>
        </Show>
        <div class="design-term">
          <label class="field">
            <span>{fx('pilotSizes')}</span>
            <input type="text" inputmode="decimal" data-testid="voi-pilot-sizes" value={sizesText()} onInput={(e) => setSizes(e.currentTarget.value)} />
          </label>
          <label class="field narrow">
            <span>{fx('pilotFixed')}</span>
            <input type="text" inputmode="decimal" data-testid="voi-pilot-fixed" value={fixedText()} onInput={(e) => setFixed(e.currentTarget.value)} />
          </label>
          <label class="field narrow">
            <span>{fx('pilotPer')}</span>
            <input type="text" inputmode="decimal" data-testid="voi-pilot-per" value={perText()} onInput={(e) => setPer(e.currentTarget.value)} />
          </label>
        </div>
      </div>
      {w.controls('voi', fx('voiRun'), run, 'progressVoi')}
      <Show when={res()}>
        {(r) => {
          const d = () => r().decisions[Math.min(decision(), r().decisions.length - 1)];
          const ranked = () =>
            d()
              .evppi.map((e, k) => ({ e, k }))
              .sort((a, b) => b.e.value - a.e.value);
          const top = () => ranked().slice(0, 10);
          const r2 = (e: { fits: { r2: number }[] }) => Math.max(...e.fits.map((f) => f.r2));
          return (
            <div data-testid="voi-result">
              <label class="field">
                <span>{fx('decision')}</span>
                <select data-testid="voi-decision" value={String(decision())} onChange={(e) => setDecision(Number(e.currentTarget.value))}>
                  <For each={r().decisions}>{(x, i) => <option value={String(i())}>{decisionName(x)}</option>}</For>
                </select>
              </label>
              <p data-testid="voi-evpi">
                <strong>{fx('evpi', { v: euroMln(d().evpi.value, 2), e: euroMln(d().evpi.se, 2) })}</strong>
              </p>
              <Bars title={fx('voiChart')} rows={top().map(({ e, k }) => ({ label: label(r().parameters[k]), value: e.value, se: e.se }))} testid="voi-chart" color={OKABE_ITO.vermillion} />
              <TableView testid="voi-table">
                <table class="data">
                  <thead>
                    <tr>
                      <th scope="col">{fx('parameter')}</th>
                      <th scope="col">{fx('evppi')}</th>
                      <th scope="col">{fx('fit')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <Show when={d().group}>
                      <tr data-testid="voi-group-row">
                        <th scope="row">{fx('groupRow', { g: (r().group ?? []).map((k) => label(r().parameters[k])).join(' + ') })}</th>
                        <td class="num">{fx('cell', { v: euroMln(d().group!.value, 2), e: euroMln(d().group!.se, 2) })}</td>
                        <td class="num">{num(r2(d().group!), 2)}</td>
                      </tr>
                    </Show>
                    <For each={ranked()}>
                      {({ e, k }) => (
                        <tr>
                          <th scope="row">{label(r().parameters[k])}</th>
                          <td class="num">{fx('cell', { v: euroMln(e.value, 2), e: euroMln(e.se, 2) })}</td>
                          <td class="num">{num(r2(e), 2)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableView>
              <Show when={d().group}>
                <p data-testid="voi-group-value">
                  {fx('groupRow', { g: `${(r().group ?? []).map((k) => label(r().parameters[k])).join(' + ')}: ${euroMln(d().group!.value, 2)} (± ${euroMln(d().group!.se, 2)})` })}
                </p>
              </Show>
              <p class="muted small">{fx('fitNote')}</p>
              <Show when={d().pilot}>
                <table class="data" data-testid="voi-pilot">
                  <caption>{fx('pilotTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{fx('people')}</th>
                      <th scope="col">{fx('evsi')}</th>
                      <th scope="col">{fx('cost')}</th>
                      <th scope="col">{fx('net')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().pilot}>
                      {(p) => (
                        <tr>
                          <th scope="row">{num(p.n)}</th>
                          <td class="num">{fx('cell', { v: euroMln(p.value, 2), e: euroMln(p.se, 2) })}</td>
                          <td class="num">{euroMln(p.cost, 2)}</td>
                          <td class="num">{euroMln(p.net, 2)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
                <p class="muted small">{fx('pilotNote')}</p>
              </Show>
            </div>
          );
        }}
      </Show>
    </section>
  );
}
