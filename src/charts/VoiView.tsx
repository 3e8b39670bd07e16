import { createEffect, createMemo, createSignal, For, Index, on, onCleanup, Show } from 'solid-js';
import { ValueSe } from '../components/ValueSe';
import { lang } from '../i18n';
import { euroMln, num, signed } from '../format';
import { formatInputNumber, numberProblemText, parseLocalNumber, retypeNumbers } from '../editor/numbers';
import { partyLabelIn } from '../parties';
import { OKABE_ITO } from '../colors';
import { ChartCard } from '../components/ChartCard';
import type { DecisionValue, DecisionVoi } from '../../models/analysis/decisionValue';
import type { Evppi } from '../../models/analysis/voi';
import { fx } from '../decision/fairTexts';
import { useFairWorker } from '../decision/fairWorker';
import { runsOf } from '../decision/runsOf';
import { paramHover, paramLabel } from './paramLabel';
import { svgWidth } from './svgWidth';
import { RowLabel, rowLayout } from './RowLabel';
import { ParamNameCell } from './ParamNameCell';
import { TYPE } from './chartDefaults';

/** Runs the regressions use, at most the scenario's own (the method's error is the bootstrap's, shown). */
const VOI_RUNS = 2000;
/** Bars drawn: as many as the tornado beside it; the table has every parameter. */
const TOP = 8;
const GROUP_MAX = 3;
const BAR = OKABE_ITO.vermillion;
const EVPI_COLOR = '#333';

/** The ranked EVPPI bars of one decision, drawn like the tornado (same label column, wrapping and type), with the EVPI as the bound. */
function VoiBars(props: { rows: { path: string; label: string; group: string; e: Evppi }[]; evpi: number; title: string }) {
  const { ref, W, viewBox } = svgWidth(640, 320);
  const { rowH, labelW, lines } = rowLayout(W);
  const top = 22;
  const plotH = () => rowH() * props.rows.length;
  const H = () => top + plotH() + 48;
  const hi = () => Math.max(props.evpi, ...props.rows.map((r) => r.e.value + r.e.se)) || 1;
  /** Decimals of the € mln values: two, or enough for two significant digits when every value is below € 0.1 mln. */
  const dec = () => {
    const h = hi() / 1e6;
    return h >= 0.1 ? 2 : Math.min(4, 1 + Math.ceil(-Math.log10(h)));
  };
  // Right margin: room for a value such as "12,34" beside the longest whisker.
  const sx = (v: number) => labelW() + 10 + (Math.max(0, v) / hi()) * (W() - labelW() - 80);
  return (
    <svg ref={ref} class="svg-chart" viewBox={viewBox(H())} role="img" aria-label={props.title} data-testid="voi-chart">
      <line x1={sx(0)} x2={sx(0)} y1={top} y2={top + plotH()} stroke="#999" />
      <line x1={sx(props.evpi)} x2={sx(props.evpi)} y1={top - 4} y2={top + plotH()} stroke={EVPI_COLOR} stroke-dasharray="5 4" data-testid="voi-evpi-line" />
      <text x={sx(props.evpi)} y={top - 8} text-anchor={sx(props.evpi) > W() - 60 ? 'end' : 'middle'} font-size={String(TYPE.note)}>
        EVPI {num(props.evpi / 1e6, dec())}
      </text>
      <Index each={props.rows}>
        {(r, i) => {
          const y = () => top + i * rowH();
          return (
            <g data-testid="voi-row">
              <title>{paramHover(r())}</title>
              <RowLabel x={labelW() - 6} mid={y() + rowH() / 2} lines={lines(r().label)} />
              <rect x={sx(0)} y={y() + 8} width={Math.max(1, sx(r().e.value) - sx(0))} height={rowH() - 16} fill={BAR} />
              <line x1={sx(r().e.value - r().e.se)} x2={sx(r().e.value + r().e.se)} y1={y() + rowH() / 2} y2={y() + rowH() / 2} stroke="#000" stroke-width="1.5" />
              <text x={Math.max(sx(r().e.value), sx(r().e.value + r().e.se)) + 5} y={y() + rowH() / 2 + 4} font-size={String(TYPE.note)} data-testid="voi-value">
                {num(r().e.value / 1e6, dec())}
              </text>
            </g>
          );
        }}
      </Index>
      <text x={(labelW() + 10 + W() - 70) / 2} y={top + plotH() + 36} text-anchor="middle" font-size={String(TYPE.body)}>
        {fx('voiAxis')}
      </text>
    </svg>
  );
}

/**
 * "Wat is meer weten waard?", beside the tornado: per decision (the group's go/no-go, each signing
 * party's choice of contract), what knowing each uncertain parameter before signing is worth,
 * ranked; a group of up to three picked before the computation; a pilot's EVSI and net value.
 * Everything is computed in the panel's own worker.
 */
export function VoiView(props: { input: unknown }) {
  const w = useFairWorker();
  const [res, setRes] = createSignal<DecisionValue | null>(null);
  const [decision, setDecision] = createSignal(0);
  const [group, setGroup] = createSignal<string[]>(Array.from({ length: GROUP_MAX }, () => ''));
  const [sizes, setSizes] = createSignal<string | null>(null);
  const [fixed, setFixed] = createSignal<string | null>(null);
  const [per, setPer] = createSignal<string | null>(null);
  /** The uncertain parameters of the scenario shown, asked of the worker as soon as it is there: a group can be picked before any computation. */
  const [params, setParams] = createSignal<string[] | null>(null);
  const sizesText = () => sizes() ?? [1000, 10000, 50000].map((n) => formatInputNumber(n, lang())).join('; ');
  const fixedText = () => fixed() ?? formatInputNumber(200000, lang());
  const perText = () => per() ?? formatInputNumber(25, lang());
  const label = (path: string) => paramLabel(path, props.input, lang());
  // What was typed is rewritten in the new language's notation when the language changes. (Not
  // deferred: `on` hands a deferred effect no previous language on its first change.)
  createEffect(
    on(lang, (l, prev) => {
      if (!prev || prev === l) return;
      const re = (text: string | null) => (text === null ? null : retypeNumbers(text, prev, l));
      setSizes(re(sizes()));
      setFixed(re(fixed()));
      setPer(re(per()));
    }),
  );

  createEffect(
    on(
      () => props.input,
      (input, previous) => {
        if (previous !== undefined) {
          w.reset();
          setRes(null);
        }
        let current = true;
        onCleanup(() => (current = false));
        void w
          .ask((wk) => wk.parameters(input))
          .then((r) => {
            if (!current) return;
            const list = r?.ok ? r.result : [];
            setParams(list);
            // A picked parameter the new scenario still has stays picked.
            setGroup((g) => g.map((p) => (list.includes(p) ? p : '')));
          });
      },
    ),
  );

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
    setRes(null);
    void w.go(
      (wk, onProgress) =>
        wk.voi(props.input, { runs: runsOf(props.input, VOI_RUNS), ...(g.length ? { group: g } : {}), pilot: { sizes: parsed, fixedCost: f.value, costPerPerson: p.value } }, onProgress),
      (r) => {
        // Opens on the decision where knowing everything is worth most: where the ranking has most to say.
        setDecision(r.decisions.reduce((b, x, i) => (x.evpi.value > r.decisions[b].evpi.value ? i : b), 0));
        setRes(r);
      },
    );
  };

  const decisionName = (d: DecisionVoi) => (d.decision === 'go' ? fx('decisionGo') : fx('decisionParty', { p: partyLabelIn(d.decision, lang()) }));
  const d = createMemo(() => {
    const r = res();
    return r ? r.decisions[Math.min(decision(), r.decisions.length - 1)] : null;
  });
  /** Every parameter of the decision, largest value first, with the tornado's names. */
  const ranked = createMemo(() => {
    const r = res();
    const x = d();
    if (!r || !x) return [];
    return x.evppi.map((e, k) => ({ e, path: r.parameters[k], ...label(r.parameters[k]) })).sort((a, b) => b.e.value - a.e.value);
  });
  const groupName = () => (res()?.group ?? []).map((k) => label(res()!.parameters[k]).label).join(' + ');
  const r2 = (e: { fits: { r2: number }[] }) => Math.max(...e.fits.map((f) => f.r2));

  const pilotTable = () => (
    <Show when={d()?.pilot}>
      {(pilot) => (
        <>
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
              <For each={pilot()}>
                {(p) => (
                  <tr>
                    <th scope="row">{num(p.n)}</th>
                    <td class="num">
                      <ValueSe v={euroMln(p.value, 2)} e={euroMln(p.se, 2)} />
                    </td>
                    <td class="num">{euroMln(p.cost, 2)}</td>
                    <td class="num">{signed(p.net, (v) => euroMln(v, 2))}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <p class="muted small">{fx('pilotNote')}</p>
        </>
      )}
    </Show>
  );
  const groupValue = () => <Show when={d()?.group}>{(g) => <p data-testid="voi-group-value">{fx('groupRow', { g: `${groupName()}: ${euroMln(g().value, 2)} (± ${euroMln(g().se, 2)})` })}</p>}</Show>;

  const controls = () => (
    <div class="voi-controls">
      <p class="muted small">{fx('voiIntro', { n: num(runsOf(props.input, VOI_RUNS)) })}</p>
      <div class="design-form voi-form">
        <Show when={params()} fallback={<p class="muted small">{fx('voiParamsLoading')}</p>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="muted small">{fx('voiNoParams')}</p>}>
              <p class="small voi-group-hint">{fx('groupHint')}</p>
              <div class="design-term">
                <Index each={group()}>
                  {(value, i) => (
                    <label class="field">
                      <span>
                        {fx('group')} {i + 1}
                      </span>
                      <select data-testid={`voi-group-${i}`} value={value()} onChange={(e) => setGroup(group().map((x, k) => (k === i ? e.currentTarget.value : x)))}>
                        <option value="">{fx('none')}</option>
                        <For each={list()}>
                          {(p) => (
                            <option value={p} selected={p === value()}>
                              {label(p).label}
                            </option>
                          )}
                        </For>
                      </select>
                    </label>
                  )}
                </Index>
              </div>
            </Show>
          )}
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
      <Show when={res() && d()}>
        <label class="field voi-decision">
          <span>{fx('decision')}</span>
          <select data-testid="voi-decision" value={String(decision())} onChange={(e) => setDecision(Number(e.currentTarget.value))}>
            <For each={res()!.decisions}>{(x, i) => <option value={String(i())}>{decisionName(x)}</option>}</For>
          </select>
        </label>
        <p data-testid="voi-evpi">
          <strong>{fx('evpi', { v: euroMln(d()!.evpi.value, 2), e: euroMln(d()!.evpi.se, 2) })}</strong>
        </p>
      </Show>
    </div>
  );

  return (
    <div class="voi-view" classList={{ 'voi-empty': !res() }} data-testid="voi-panel">
      <ChartCard
        id="voi"
        title={fx('voiTitle')}
        caption={res() ? fx('fitNote') : undefined}
        legend={
          res()
            ? [
                { label: fx('voiLegend'), color: BAR, kind: 'bar' },
                { label: fx('voiLegendEvpi'), color: EVPI_COLOR, kind: 'dash' },
              ]
            : []
        }
        controls={controls}
        chart={() => (
          <Show
            when={res() && d()}
            fallback={
              <p class="muted placeholder-note" data-testid="voi-pending">
                {fx('voiPending')}
              </p>
            }
          >
            <div data-testid="voi-result">
              <VoiBars rows={ranked().slice(0, TOP)} evpi={d()!.evpi.value} title={`${fx('voiTitle')} ${decisionName(d()!)}`} />
              <Show when={ranked().length > TOP}>
                <p class="muted small">{fx('voiTop', { k: num(TOP), n: num(ranked().length) })}</p>
              </Show>
              {groupValue()}
              {pilotTable()}
            </div>
          </Show>
        )}
        table={() => (
          <Show when={res() && d()} fallback={<p class="muted">{fx('voiPending')}</p>}>
            <table class="data">
              <caption class="sr-only">{`${fx('voiTitle')} ${decisionName(d()!)}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{fx('parameter')}</th>
                  <th scope="col">{fx('evppi')}</th>
                  <th scope="col">{fx('fit')}</th>
                </tr>
              </thead>
              <tbody>
                <Show when={d()!.group}>
                  {(g) => (
                    <tr data-testid="voi-group-row">
                      <th scope="row">{fx('groupRow', { g: groupName() })}</th>
                      <td class="num">
                        <ValueSe v={euroMln(g().value, 2)} e={euroMln(g().se, 2)} />
                      </td>
                      <td class="num">{num(r2(g()), 2)}</td>
                    </tr>
                  )}
                </Show>
                <For each={ranked()}>
                  {(x) => (
                    <tr>
                      <ParamNameCell label={x.label} path={x.path} />
                      <td class="num">
                        <ValueSe v={euroMln(x.e.value, 2)} e={euroMln(x.e.se, 2)} />
                      </td>
                      <td class="num">{num(r2(x.e), 2)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            {pilotTable()}
          </Show>
        )}
      />
    </div>
  );
}
