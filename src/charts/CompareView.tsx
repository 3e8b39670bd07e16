import { createMemo, For, Show, type JSX } from 'solid-js';
import type uPlot from 'uplot';
import type { SavedScenario } from '../workspace/store';
import { savedName } from '../workspace/savedName';
import { OKABE_ITO, OKABE_ITO as P, alpha } from '../colors';
import { euroMln, num, pct, withMcse } from '../format';
import { lang, t } from '../i18n';
import { ChartCard, type LegendItem } from '../components/ChartCard';
import { Later } from '../components/Later';
import { UPlot } from './UPlot';
import { axisFont, yearAxis } from './axes';
import { chartFont, TYPE } from './chartDefaults';
import { CompareParties, WhatChanged } from '../report/CompareParties';

/** Colours for compared scenarios, in order (never grey: grey is the counterfactual). */
const COMPARE_COLORS = [P.blue, P.orange, P.bluishGreen, P.reddishPurple];
const TARGET_COLOR = OKABE_ITO.vermillion;
type Opts = Omit<uPlot.Options, 'width' | 'height'>;
type Run = SavedScenario & { result: NonNullable<SavedScenario['result']> };

const color = (i: number) => COMPARE_COLORS[i % COMPARE_COLORS.length];
/** Every second scenario dashed, so the lines differ in more than colour. */
const dash = (i: number) => (i % 2 ? [10, 5] : undefined);
const legendOf = (runs: Run[], extra: LegendItem[] = []): LegendItem[] => [
  ...runs.map((s, i) => ({ label: savedName(s), color: color(i), kind: (i % 2 ? 'dash' : 'line') as 'dash' | 'line' })),
  ...extra,
];
const base = (): Pick<Opts, 'legend' | 'cursor'> => ({ legend: { show: false }, cursor: { drag: { x: false, y: false } } });
const yAxis = (label: string, fmt: (v: number) => string, size = 64): uPlot.Axis => ({ label, font: axisFont, labelFont: axisFont, size, values: (_u, v) => v.map(fmt) });

/** All years of the compared scenarios, and per scenario a column with null where it has no such year. */
function byYear(runs: Run[], f: (y: Run['result']['summary']['years'][number]) => number): { years: number[]; cols: (number | null)[][] } {
  const years = [...new Set(runs.flatMap((s) => s.result.summary.years.map((y) => y.year)))].sort((a, b) => a - b);
  const cols = runs.map((s) =>
    years.map((yr) => {
      const y = s.result.summary.years.find((x) => x.year === yr);
      return y ? f(y) : null;
    }),
  );
  return { years, cols };
}

/** A vertical target line drawn on a uPlot chart at x = `x()`. */
const targetHook = (x: () => number, label: () => string) => (u: uPlot) => {
  const px = u.valToPos(x(), 'x', true);
  if (!(px >= u.bbox.left && px <= u.bbox.left + u.bbox.width)) return;
  const dpr = devicePixelRatio || 1;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = TARGET_COLOR;
  ctx.lineWidth = 2 * dpr;
  ctx.setLineDash([5 * dpr, 4 * dpr]);
  ctx.beginPath();
  ctx.moveTo(px, u.bbox.top);
  ctx.lineTo(px, u.bbox.top + u.bbox.height);
  ctx.stroke();
  ctx.fillStyle = '#8a2f00';
  ctx.font = chartFont(TYPE.body, 400, dpr);
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  ctx.fillText(label(), px + 5 * dpr, u.bbox.top + u.bbox.height - 3 * dpr);
  ctx.restore();
};

/** Two to four kept scenarios side by side: key numbers in a table and overlaid charts on shared axes. */
export function CompareView(props: { items: SavedScenario[] }) {
  const runs = () => props.items.filter((s): s is Run => !!s.result);
  const target = () => runs()[0]?.result.summary.target ?? 0.02;
  const last = (s: Run) => s.result.summary.years[s.result.summary.years.length - 1];
  /** The last year (or years, when the horizons differ). */
  const yearLabel = () => {
    const ys = [...new Set(runs().map((s) => last(s).year))];
    return ys.join('/');
  };

  // 1. Total cost with the scenario: median and the middle 90% of runs, per scenario.
  const cost = createMemo(() => {
    const r = runs();
    const q = (k: 'p5' | 'p50' | 'p95') => byYear(r, (y) => y.sc.total[k] / 1e6).cols;
    const hi = q('p95');
    const lo = q('p5');
    const mid = q('p50');
    return { years: byYear(r, () => 0).years, hi, lo, mid };
  });
  const costData = createMemo<uPlot.AlignedData>(() => [cost().years, ...runs().flatMap((_, i) => [cost().hi[i], cost().lo[i], cost().mid[i]])] as uPlot.AlignedData);
  const costOpts = createMemo<Opts>(() => {
    lang();
    const r = runs();
    return {
      ...base(),
      scales: { x: { time: false } },
      axes: [yearAxis(t('axisYear')), yAxis(t('axisCostMln'), (v) => num(v, 0), 70)],
      series: [
        {},
        ...r.flatMap((s, i) => [
          { label: `${savedName(s)} 95%`, stroke: 'transparent', width: 0, points: { show: false } },
          { label: `${savedName(s)} 5%`, stroke: 'transparent', width: 0, points: { show: false } },
          { label: `${savedName(s)} ${t('median')}`, stroke: color(i), width: 2.5, dash: dash(i), points: { show: true, size: 5, fill: color(i) } },
        ]),
      ],
      bands: r.map((_, i) => ({ series: [1 + 3 * i, 2 + 3 * i] as [number, number], fill: alpha(color(i), 0.14) })),
    };
  });

  // 2. Reduction per year (median).
  const red = createMemo(() => byYear(runs(), (y) => y.reduction.p50 * 100));
  const redData = createMemo<uPlot.AlignedData>(() => [red().years, ...red().cols, red().years.map(() => target() * 100)] as uPlot.AlignedData);
  const redOpts = createMemo<Opts>(() => {
    lang();
    return {
      ...base(),
      scales: { x: { time: false } },
      axes: [yearAxis(t('axisYear')), yAxis(t('axisReduction'), (v) => num(v, 1), 60)],
      series: [
        {},
        ...runs().map((s, i) => ({ label: savedName(s), stroke: color(i), width: 2.5, dash: dash(i), points: { show: true, size: 5 } })),
        { label: t('target'), stroke: TARGET_COLOR, width: 2, dash: [3, 4], points: { show: false } },
      ],
    };
  });

  // 3. The last year's reduction: chance that it is at least x, through the summary's percentiles
  // (5, 25, 50, 75, 95) and the exact P(≥ target); drawn as straight lines between those points.
  const exceed = createMemo(() => {
    const pts = runs().map((s) => {
      const r = last(s).reduction;
      const p = [
        [r.p5, 0.95],
        [r.p25, 0.75],
        [r.p50, 0.5],
        [r.p75, 0.25],
        [r.p95, 0.05],
        [target(), last(s).pReachTarget.p],
      ] as [number, number][];
      return p.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    });
    const xs = [...new Set(pts.flat().map(([x]) => x))].sort((a, b) => a - b);
    const cols = pts.map((p) =>
      xs.map((x) => {
        const hit = p.find(([px]) => px === x);
        return hit ? hit[1] * 100 : null;
      }),
    );
    return { pts, xs, cols };
  });
  const exData = createMemo<uPlot.AlignedData>(() => [exceed().xs.map((x) => x * 100), ...exceed().cols] as uPlot.AlignedData);
  const exOpts = createMemo<Opts>(() => {
    lang();
    return {
      ...base(),
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [{ label: t('cmpExAxisX', { y: yearLabel() }), font: axisFont, labelFont: axisFont, values: (_u, v) => v.map((x) => num(x, 1)) }, yAxis(t('cmpExAxisY'), (v) => num(v, 0), 60)],
      series: [{}, ...runs().map((s, i) => ({ label: savedName(s), stroke: color(i), width: 2.5, dash: dash(i), spanGaps: true, points: { show: true, size: 6, fill: color(i) } }))],
      hooks: {
        draw: [
          targetHook(
            () => target() * 100,
            () => `${t('target')} ${pct(target(), 0)}`,
          ),
        ],
      },
    };
  });

  // 4. Chance of reaching the target, per year.
  const prob = createMemo(() => byYear(runs(), (y) => y.pReachTarget.p * 100));
  const probData = createMemo<uPlot.AlignedData>(() => [prob().years, ...prob().cols] as uPlot.AlignedData);
  const probOpts = createMemo<Opts>(() => {
    lang();
    return {
      ...base(),
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [yearAxis(t('axisYear')), yAxis(t('axisProb'), (v) => num(v, 0), 60)],
      series: [{}, ...runs().map((s, i) => ({ label: savedName(s), stroke: color(i), width: 2.5, dash: dash(i), points: { show: true, size: 6, fill: color(i) } }))],
    };
  });

  const rows: { label: () => string; cell: (s: SavedScenario) => string }[] = [
    { label: () => t('populationLabel'), cell: (s) => num(s.result!.summary.minimumSavingsRate.population) },
    {
      label: () => `${t('totalCostIn')} ${t('lastYear')}: ${t('counterfactual').toLowerCase()}`,
      cell: (s) => `${euroMln(last(s as Run).cf.total.mean)} ± ${euroMln(last(s as Run).cf.total.mcse, 2)} (${last(s as Run).year})`,
    },
    {
      label: () => `${t('totalCostIn')} ${t('lastYear')}: ${t('scenarioSide').toLowerCase()}`,
      cell: (s) => `${euroMln(last(s as Run).sc.total.mean)} ± ${euroMln(last(s as Run).sc.total.mcse, 2)} (${last(s as Run).year})`,
    },
    { label: () => t('reduction'), cell: (s) => `${pct(last(s as Run).reduction.mean, 2)} ± ${pct(last(s as Run).reduction.mcse, 2)}` },
    { label: () => t('pTarget', { t: pct(target(), 0) }), cell: (s) => `${pct(last(s as Run).pReachTarget.p, 0)} ± ${pct(last(s as Run).pReachTarget.mcse, 1)}` },
    { label: () => t('pObserve', { t: pct(target(), 0) }), cell: (s) => `${pct(last(s as Run).pObserveTarget.p, 0)} (${t('byChance')}: ${pct(last(s as Run).pObserveTargetByChance.p, 0)})` },
    { label: () => t('msr'), cell: (s) => pct(s.result!.summary.minimumSavingsRate.withBenchmark, 2) },
    { label: () => 'runs · seed', cell: (s) => `${num(s.result!.summary.runs)} · ${String(s.scenario.simulation?.seed ?? '')}` },
  ];

  /** A year × scenario table for a chart's table view. */
  const yearTable = (years: () => number[], cell: (i: number, yi: number) => JSX.Element) => (
    <table class="data">
      <thead>
        <tr>
          <th scope="col">{t('year')}</th>
          <For each={runs()}>{(s) => <th scope="col">{savedName(s)}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={years()}>
          {(yr, yi) => (
            <tr>
              <th scope="row">{yr}</th>
              <For each={runs()}>{(_s, i) => <td>{cell(i(), yi())}</td>}</For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
  const orDash = (v: number | null, f: (v: number) => string) => (v === null ? '–' : f(v));

  return (
    <section class="card compare" aria-labelledby="compare-title" data-testid="compare-view">
      <h2 id="compare-title">{t('compareTitle')}</h2>
      <div class="table-wrap">
        <table class="data" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">{t('keyNumber')}</th>
              <For each={props.items}>
                {(s) => (
                  <th scope="col">
                    <span class="swatch" style={{ '--c': s.result ? color(runs().indexOf(s as Run)) : '#999' }} aria-hidden="true" /> {savedName(s)}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={rows}>
              {(r) => (
                <tr>
                  <th scope="row">{r.label()}</th>
                  <For each={props.items}>{(s) => <td>{s.result ? r.cell(s) : t('notRun')}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <CompareParties items={props.items} />
      <WhatChanged items={props.items} />
      <Show when={runs().length >= 2}>
        <div class="grid2">
          <Later>
            <ChartCard
              id="compare-cost"
              title={t('cmpCostTitle')}
              caption={t('cmpCostCaption')}
              legend={legendOf(runs(), [{ label: '5%–95%', color: '#777', kind: 'band' }])}
              chart={() => <UPlot options={costOpts} data={costData} label={`${t('cmpCostTitle')}. ${t('cmpCostCaption')}`} testId="compare-cost-chart" height={280} />}
              table={() =>
                yearTable(
                  () => cost().years,
                  (i, yi) => orDash(cost().mid[i][yi], (v) => `${euroMln(v * 1e6)} (${euroMln(cost().lo[i][yi]! * 1e6)} – ${euroMln(cost().hi[i][yi]! * 1e6)})`),
                )
              }
            />
          </Later>
          <Later>
            <ChartCard
              id="compare"
              title={t('compareReduction')}
              caption={t('compareCaption')}
              legend={legendOf(runs(), [{ label: t('target'), color: TARGET_COLOR, kind: 'dash' }])}
              chart={() => <UPlot options={redOpts} data={redData} label={t('compareReduction')} testId="compare-chart" height={280} />}
              table={() =>
                yearTable(
                  () => red().years,
                  (i, yi) => orDash(red().cols[i][yi], (v) => `${num(v, 2)}%`),
                )
              }
            />
          </Later>
          <Later>
            <ChartCard
              id="compare-exceed"
              title={t('cmpExTitle', { y: yearLabel() })}
              caption={t('cmpExCaption', { t: pct(target(), 0) })}
              legend={legendOf(runs(), [{ label: `${t('target')} ${pct(target(), 0)}`, color: TARGET_COLOR, kind: 'dash' }])}
              chart={() => (
                <UPlot options={exOpts} data={exData} label={`${t('cmpExTitle', { y: yearLabel() })}. ${t('cmpExCaption', { t: pct(target(), 0) })}`} testId="compare-exceed-chart" height={280} />
              )}
              table={() => (
                <table class="data">
                  <thead>
                    <tr>
                      <th scope="col">{t('cmpExRow')}</th>
                      <For each={runs()}>{(s) => <th scope="col">{savedName(s)}</th>}</For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={[0.95, 0.75, 0.5, 0.25, 0.05]}>
                      {(p, k) => (
                        <tr>
                          <th scope="row">{t('cmpExAtLeast', { p: pct(p, 0) })}</th>
                          <For each={runs()}>
                            {(s) => <td>{((q) => withMcse(last(s).reduction[q], last(s).reduction[`${q}Mcse`], (v) => pct(v, 2)))((['p5', 'p25', 'p50', 'p75', 'p95'] as const)[k()])}</td>}
                          </For>
                        </tr>
                      )}
                    </For>
                    <tr class="mark">
                      <th scope="row">{t('pTarget', { t: pct(target(), 0) })}</th>
                      <For each={runs()}>
                        {(s) => (
                          <td>
                            {pct(last(s).pReachTarget.p, 1)} ± {pct(last(s).pReachTarget.mcse, 1)}
                          </td>
                        )}
                      </For>
                    </tr>
                  </tbody>
                </table>
              )}
            />
          </Later>
          <Later>
            <ChartCard
              id="compare-prob"
              title={t('cmpProbTitle', { t: pct(target(), 0) })}
              caption={t('cmpProbCaption')}
              legend={legendOf(runs())}
              chart={() => <UPlot options={probOpts} data={probData} label={t('cmpProbTitle', { t: pct(target(), 0) })} testId="compare-prob-chart" height={280} />}
              table={() =>
                yearTable(
                  () => prob().years,
                  (i, yi) => orDash(prob().cols[i][yi], (v) => `${num(v, 1)}%`),
                )
              }
            />
          </Later>
        </div>
      </Show>
    </section>
  );
}
