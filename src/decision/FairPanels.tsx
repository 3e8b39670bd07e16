import { createEffect, createMemo, createSignal, For, on, Show, type JSX } from 'solid-js';
import { lang, textOf } from '../i18n';
import { euroMln, num, pct } from '../format';
import { partyLabelIn } from '../parties';
import { OKABE_ITO } from '../colors';
import { svgWidth } from '../charts/svgWidth';
import { wrapLabel } from '../charts/paramLabel';
import { ValueSe } from '../components/ValueSe';
import { financingOf } from '../charts/financeShape';
import type { ScenarioShapley } from '../../models/analysis/shapley';
import { fx } from './fairTexts';
import { useFairWorker } from './fairWorker';
import { runsOf } from './runsOf';

/** Runs each coalition simulates, at most the scenario's own. */
const SHAPLEY_RUNS = 300;

/** Horizontal bars with an error whisker each, labels on the left (values in € mln). */
function Bars(props: { title: string; rows: { label: string; value: number; se: number }[]; testid: string; color?: string }) {
  const { ref, W, viewBox } = svgWidth(560);
  const left = () => Math.min(440, Math.max(140, W() * 0.52));
  const H = () => 30 + rowH() * props.rows.length + 24;
  const range = () => {
    const lo = Math.min(0, ...props.rows.map((r) => r.value - r.se));
    const hi = Math.max(0, ...props.rows.map((r) => r.value + r.se));
    return [lo, hi === lo ? lo + 1 : hi];
  };
  const sx = (v: number) => left() + ((v - range()[0]) / (range()[1] - range()[0])) * (W() - left() - 70);
  // Long action names take two lines rather than being cut: the names are what the group reads.
  const lines = (s: string) => wrapLabel(s, Math.floor((left() - 12) / 6.6), 2);
  const rowH = () => (props.rows.some((r) => lines(r.label).length > 1) ? 36 : 26);
  return (
    <figure class="chart-figure" data-testid={props.testid}>
      <figcaption>
        <strong>{props.title}</strong>
      </figcaption>
      <svg ref={ref} viewBox={viewBox(H())} width="100%" height={H()} role="img" aria-label={props.title}>
        <line x1={sx(0)} x2={sx(0)} y1={22} y2={H() - 20} stroke="#999" />
        <For each={props.rows}>
          {(r, i) => {
            const y = () => 26 + i() * rowH();
            const mid = () => y() + rowH() / 2;
            return (
              <g>
                <text x={left() - 8} y={mid() + 4 - (lines(r.label).length - 1) * 7} text-anchor="end" font-size="12">
                  <title>{r.label}</title>
                  <For each={lines(r.label)}>
                    {(line, k) => (
                      <tspan x={left() - 8} dy={k() === 0 ? 0 : 14}>
                        {line}
                      </tspan>
                    )}
                  </For>
                </text>
                <rect x={Math.min(sx(0), sx(r.value))} y={mid() - 9} width={Math.max(1, Math.abs(sx(r.value) - sx(0)))} height={18} fill={props.color ?? OKABE_ITO.blue} />
                <line x1={sx(r.value - r.se)} x2={sx(r.value + r.se)} y1={mid()} y2={mid()} stroke="#000" stroke-width="1.5" />
                <text x={Math.max(sx(r.value), sx(0), sx(r.value + r.se)) + 4} y={mid() + 4} font-size="12">
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
  const w = useFairWorker();
  const [res, setRes] = createSignal<ScenarioShapley | null>(null);
  createEffect(
    on(
      () => props.input,
      () => (w.reset(), setRes(null)),
      { defer: true },
    ),
  );
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
                          <td class="num">
                            <ValueSe v={euroMln(r().values[i()].value)} e={euroMln(r().values[i()].se)} />
                          </td>
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
