import { createMemo, createSignal, For, Index } from 'solid-js';
import type uPlot from 'uplot';
import type { Summary } from '../../models/summary/summarize';
import type { UiExtras } from '../../models/summary/histograms';
import type { Stat } from '../../models/summary/stats';
import { LINES } from '../../models/core/names';
import { LINE_FACTS } from '../../models/core/lines';
import { CF_COLOR, LINE_COLORS, OKABE_ITO, SC_COLOR, alpha } from '../colors';
import { euroMln, num, pct, signed, withMcse } from '../format';
import { lang, t } from '../i18n';
import { fieldLabel } from '../editor/labels';
import { ChartCard } from '../components/ChartCard';
import { Later } from '../components/Later';
import { DetectView } from '../decision/DetectView';
import { UPlot } from './UPlot';
import { axisFont, yearAxis } from './axes';
import { MARGINS, TYPE } from './chartDefaults';
import { svgWidth } from './svgWidth';
import { niceTicks, tickCount } from './ticks';

const pct1 = (v: number) => pct(v, 1);
const pct2 = (v: number) => pct(v, 2);

type Opts = Omit<uPlot.Options, 'width' | 'height'>;
const TARGET_COLOR = OKABE_ITO.vermillion;

const edge = (label: string): uPlot.Series => ({ label, stroke: 'transparent', width: 0, points: { show: false } });
const line = (label: string, color: string, dash?: number[], width = 2.5): uPlot.Series => ({
  label,
  stroke: color,
  width,
  points: { show: false },
  ...(dash ? { dash } : {}),
});
const yAxis = (label: string, fmt: (v: number) => string, size = 70): uPlot.Axis => ({
  label,
  font: axisFont,
  labelFont: axisFont,
  size,
  values: (_u, vals) => vals.map(fmt),
});
const base = (): Pick<Opts, 'legend' | 'cursor' | 'scales'> => ({ legend: { show: false }, cursor: { drag: { x: false, y: false } }, scales: { x: { time: false } } });

/** Series for a fan: p95, p5, p75, p25 (band edges) and the median, scaled by `k`. */
function fanColumns(stats: Stat[], k: number): number[][] {
  return (['p95', 'p5', 'p75', 'p25', 'p50'] as const).map((q) => stats.map((s) => s[q] * k));
}
function fanSeries(label: string, color: string, dash?: number[]): uPlot.Series[] {
  return [edge(`${label} p95`), edge(`${label} p5`), edge(`${label} p75`), edge(`${label} p25`), line(`${label} ${t('median')}`, color, dash)];
}
function fanBands(first: number, color: string): uPlot.Band[] {
  return [
    { series: [first, first + 1], fill: alpha(color, 0.15) },
    { series: [first + 2, first + 3], fill: alpha(color, 0.32) },
  ];
}

function LinesView(props: { summary: Summary }) {
  /**
   * Levels, or the change (scenario − no change) per line: next to the hospital's € 250+ mln the
   * lines that gain from substitution (self-care, 1.5-line care, a few € mln) lie on the zero line.
   * The change is the difference of two means the summary holds (mean of the difference), not a
   * statistic over runs.
   */
  const [mode, setMode] = createSignal<'level' | 'diff'>('level');
  const data = createMemo<uPlot.AlignedData>(() => {
    const ys = props.summary.years;
    // A line the scenario does not change in any year is not drawn in the change view: on the zero
    // line it would cover a line with a small change (self-care's few € mln beside the hospital's).
    const change = (l: (typeof LINES)[number]) => {
      const d = ys.map((y) => (y.sc.claims[l].mean - y.cf.claims[l].mean) / 1e6);
      return d.every((x) => x === 0) ? d.map(() => null) : d;
    };
    if (mode() === 'diff') return [ys.map((y) => y.year), ...LINES.map(change)];
    return [ys.map((y) => y.year), ...LINES.flatMap((l) => [ys.map((y) => y.cf.claims[l].mean / 1e6), ys.map((y) => y.sc.claims[l].mean / 1e6)])];
  });
  const options = createMemo<Opts>(() => {
    lang();
    if (mode() === 'diff')
      return {
        ...base(),
        axes: [yearAxis(t('axisYear')), yAxis(t('axisCostDiffMln'), (v) => num(v, 1))],
        series: [{}, ...LINES.map((l) => line(fieldLabel(l, lang()), LINE_COLORS[l]))],
      };
    return {
      ...base(),
      axes: [yearAxis(t('axisYear')), yAxis(t('axisCostMln'), (v) => num(v, 0))],
      series: [{}, ...LINES.flatMap((l) => [line(`${fieldLabel(l, lang())} (${t('counterfactual')})`, LINE_COLORS[l], [6, 4], 1.8), line(fieldLabel(l, lang()), LINE_COLORS[l])])],
    };
  });
  const lastYear = () => props.summary.years[props.summary.years.length - 1];
  const ivLast = () => lastYear().interventionCost.mean;
  const picker = () => (
    <label class="tornado-output">
      {t('linesShow')}{' '}
      <select data-testid="lines-mode" value={mode()} onChange={(e) => setMode(e.currentTarget.value as 'level' | 'diff')}>
        <option value="level">{t('linesLevel')}</option>
        <option value="diff">{t('linesDiff')}</option>
      </select>
    </label>
  );
  return (
    <ChartCard
      id="lines"
      title={t('linesTitle')}
      caption={`${mode() === 'diff' ? t('linesCaptionDiff') : t('linesCaption')}${ivLast() > 0 ? ` ${t('linesIvNote', { c: euroMln(ivLast()), y: lastYear().year })}` : ''}`}
      legend={LINES.map((l) => ({ label: fieldLabel(l, lang()), color: LINE_COLORS[l] }))}
      controls={picker}
      chart={() => <UPlot options={options} data={data} label={t('linesTitle')} testId="lines-chart" />}
      table={() => (
        <table class="data">
          <caption class="table-note">{t('linesTableNote')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <For each={LINES}>{(l) => <th scope="col">{LINE_FACTS[l].short[lang()]}</th>}</For>
              <th scope="col">{t('linesIvCol')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.summary.years}>
              {(y) => (
                <tr>
                  <th scope="row">{y.year}</th>
                  <For each={LINES}>
                    {(l) => (
                      <td>
                        {/* € mln, as the table's note says: seven lines side by side fit the card without the unit in every cell. */}
                        {num(y.cf.claims[l].mean / 1e6, 1)} → {num(y.sc.claims[l].mean / 1e6, 1)}
                        <span class="sub">{signed(y.sc.claims[l].mean - y.cf.claims[l].mean, (v) => num(v / 1e6, 1))}</span>
                      </td>
                    )}
                  </For>
                  <td>{euroMln(y.interventionCost.mean)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    />
  );
}

/** Diverging bars of contacts leaving and arriving per line in the last year (drawn as SVG). */
function MovedView(props: { summary: Summary }) {
  const last = () => props.summary.years[props.summary.years.length - 1];
  const rows = () => LINES.map((l) => ({ l, out: last().moved.out[l].mean, in: last().moved.in[l].mean, added: last().moved.added[l].mean }));
  const maxAbs = () => Math.max(1, ...rows().flatMap((r) => [r.out, r.in]));
  const { ref: svgRef, W, viewBox } = svgWidth(480);
  const rowH = 34;
  const labelW = 120;
  const mid = () => labelW + (W() - labelW) / 2;
  const scale = (v: number) => ((W() - labelW) / 2 - 70) * (v / maxAbs());
  return (
    <ChartCard
      id="moved"
      title={t('movedTitle', { y: last().year })}
      caption={t('movedCaption')}
      legend={[
        { label: t('movedOut'), color: CF_COLOR, kind: 'bar' },
        { label: t('movedIn'), color: SC_COLOR, kind: 'bar' },
      ]}
      chart={() => (
        <svg ref={svgRef} class="svg-chart" viewBox={viewBox(rowH * LINES.length + 34)} role="img" aria-label={t('movedTitle', { y: last().year })} data-testid="moved-chart">
          <line x1={mid()} x2={mid()} y1={0} y2={rowH * LINES.length + 10} stroke="#333" />
          {/* Index, not For: a partial summary updates the bars in place instead of recreating them. */}
          <Index each={rows()}>
            {(r, i) => (
              <g transform={`translate(0 ${i * rowH + 5})`}>
                <text x={labelW - 8} y={rowH / 2 + 5} text-anchor="end" font-size={String(TYPE.axis)}>
                  {LINE_FACTS[r().l].short[lang()]}
                </text>
                <rect x={mid() - scale(r().out)} y={6} width={scale(r().out)} height={rowH - 12} fill={CF_COLOR} />
                <rect x={mid()} y={6} width={scale(r().in)} height={rowH - 12} fill={SC_COLOR} />
                {r().out > 0 ? (
                  <text x={mid() - scale(r().out) - 4} y={rowH / 2 + 5} text-anchor="end" font-size={String(TYPE.body)}>
                    −{num(r().out)}
                  </text>
                ) : null}
                {r().in > 0 ? (
                  <text x={mid() + scale(r().in) + 4} y={rowH / 2 + 5} font-size={String(TYPE.body)}>
                    +{num(r().in)}
                  </text>
                ) : null}
              </g>
            )}
          </Index>
          <text x={mid()} y={rowH * LINES.length + 28} text-anchor="middle" font-size={String(TYPE.body)}>
            {t('movedAxis')}
          </text>
        </svg>
      )}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('careLine')}</th>
              <th scope="col">{t('movedOut')}</th>
              <th scope="col">{t('movedIn')}</th>
              <th scope="col">{t('movedAdded')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr>
                  <th scope="row">{fieldLabel(r.l, lang())}</th>
                  <td>{num(r.out)}</td>
                  <td>{num(r.in)}</td>
                  <td>{num(r.added)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    />
  );
}

function ReductionView(props: { summary: Summary }) {
  const data = createMemo<uPlot.AlignedData>(() => {
    const ys = props.summary.years;
    return [
      ys.map((y) => y.year),
      ...fanColumns(
        ys.map((y) => y.reduction),
        100,
      ),
      ys.map(() => props.summary.target * 100),
    ];
  });
  const options = createMemo<Opts>(() => {
    lang();
    return {
      ...base(),
      axes: [yearAxis(t('axisYear')), yAxis(t('axisReduction'), (v) => num(v, 1))],
      series: [{}, ...fanSeries(t('reduction'), SC_COLOR), line(t('target'), TARGET_COLOR, [3, 4], 2)],
      bands: fanBands(1, SC_COLOR),
    };
  });
  return (
    <ChartCard
      id="reduction"
      title={t('reductionTitle')}
      caption={t('reductionCaption')}
      legend={[
        { label: `${t('reduction')} (${t('median')})`, color: SC_COLOR },
        { label: '50% / 90%', color: SC_COLOR, kind: 'band' },
        { label: `${t('target')} ${pct(props.summary.target, 0)}`, color: TARGET_COLOR, kind: 'dash' },
      ]}
      chart={() => <UPlot options={options} data={data} label={t('reductionTitle')} testId="reduction-chart" />}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col">
                {t('mean')} {t('pmMc')}
              </th>
              <th scope="col">5%</th>
              <th scope="col">25%</th>
              <th scope="col">{t('median')}</th>
              <th scope="col">75%</th>
              <th scope="col">95%</th>
              <th scope="col">P(≥ {pct(props.summary.target, 0)})</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.summary.years}>
              {(y) => (
                <tr>
                  <th scope="row">{y.year}</th>
                  <td>
                    {pct(y.reduction.mean, 2)} ± {pct(y.reduction.mcse, 2)}
                  </td>
                  <td>{withMcse(y.reduction.p5, y.reduction.p5Mcse, pct2)}</td>
                  <td>{withMcse(y.reduction.p25, y.reduction.p25Mcse, pct2)}</td>
                  <td>{withMcse(y.reduction.p50, y.reduction.p50Mcse, pct2)}</td>
                  <td>{withMcse(y.reduction.p75, y.reduction.p75Mcse, pct2)}</td>
                  <td>{withMcse(y.reduction.p95, y.reduction.p95Mcse, pct2)}</td>
                  <td>{pct(y.pReachTarget.p, 1)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    />
  );
}

function ProbabilityView(props: { summary: Summary }) {
  const data = createMemo<uPlot.AlignedData>(() => {
    const ys = props.summary.years;
    return [ys.map((y) => y.year), ys.map((y) => y.pReachTarget.p * 100), ys.map((y) => y.pObserveTarget.p * 100), ys.map((y) => y.pObserveTargetByChance.p * 100)];
  });
  const options = createMemo<Opts>(() => {
    lang();
    return {
      ...base(),
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [yearAxis(t('axisYear')), yAxis(t('axisProb'), (v) => num(v, 0), 60)],
      series: [{}, line(t('probReal'), SC_COLOR), line(t('probSeen'), OKABE_ITO.orange, [10, 4]), line(t('probChance'), CF_COLOR, [2, 4])],
    };
  });
  return (
    <ChartCard
      id="prob"
      title={t('probTitle')}
      caption={t('probCaption')}
      legend={[
        { label: t('probReal'), color: SC_COLOR },
        { label: t('probSeen'), color: OKABE_ITO.orange, kind: 'dash' },
        { label: t('probChance'), color: CF_COLOR, kind: 'dash' },
      ]}
      chart={() => <UPlot options={options} data={data} label={t('probTitle')} testId="prob-chart" height={260} />}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('probReal')}</th>
              <th scope="col">{t('probSeen')}</th>
              <th scope="col">{t('probChance')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.summary.years}>
              {(y) => (
                <tr>
                  <th scope="row">{y.year}</th>
                  <td>
                    {pct(y.pReachTarget.p, 1)} ± {pct(y.pReachTarget.mcse, 1)}
                  </td>
                  <td>
                    {pct(y.pObserveTarget.p, 1)} ± {pct(y.pObserveTarget.mcse, 1)}
                  </td>
                  <td>
                    {pct(y.pObserveTargetByChance.p, 1)} ± {pct(y.pObserveTargetByChance.mcse, 1)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    />
  );
}

function ObservedView(props: { summary: Summary }) {
  const data = createMemo<uPlot.AlignedData>(() => {
    const ys = props.summary.years;
    return [
      ys.map((y) => y.year),
      ...fanColumns(
        ys.map((y) => y.cf.observedSavings),
        100,
      ),
      ...fanColumns(
        ys.map((y) => y.sc.observedSavings),
        100,
      ),
      ys.map(() => props.summary.target * 100),
      ys.map(() => props.summary.minimumSavingsRate.withBenchmark * 100),
    ];
  });
  const options = createMemo<Opts>(() => {
    lang();
    return {
      ...base(),
      axes: [yearAxis(t('axisYear')), yAxis(t('axisObserved'), (v) => num(v, 0), 60)],
      series: [{}, ...fanSeries(t('counterfactual'), CF_COLOR, [8, 5]), ...fanSeries(t('scenarioSide'), SC_COLOR), line(t('target'), TARGET_COLOR, [3, 4], 2), line('MSR', OKABE_ITO.black, [1, 3], 2)],
      bands: [...fanBands(1, CF_COLOR), ...fanBands(6, SC_COLOR)],
    };
  });
  return (
    <ChartCard
      id="observed"
      title={t('observedTitle')}
      caption={t('observedCaption')}
      legend={[
        { label: t('counterfactual'), color: CF_COLOR, kind: 'dash' },
        { label: t('scenarioSide'), color: SC_COLOR },
        { label: `${t('target')} ${pct(props.summary.target, 0)}`, color: TARGET_COLOR, kind: 'dash' },
        { label: `${t('msrShortLegend')} ${pct(props.summary.minimumSavingsRate.withBenchmark, 2)}`, color: OKABE_ITO.black, kind: 'dash' },
      ]}
      chart={() => <UPlot options={options} data={data} label={t('observedTitle')} testId="observed-chart" />}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col">Benchmark</th>
              <th scope="col">
                {t('counterfactual')}: {t('median')} (5%–95%)
              </th>
              <th scope="col">
                {t('scenarioSide')}: {t('median')} (5%–95%)
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.summary.years}>
              {(y) => (
                <tr>
                  <th scope="row">{y.year}</th>
                  <td>{euroMln(y.benchmark.mean)}</td>
                  <td>
                    {withMcse(y.cf.observedSavings.p50, y.cf.observedSavings.p50Mcse, pct1)} ({withMcse(y.cf.observedSavings.p5, y.cf.observedSavings.p5Mcse, pct1)} –{' '}
                    {withMcse(y.cf.observedSavings.p95, y.cf.observedSavings.p95Mcse, pct1)})
                  </td>
                  <td>
                    {withMcse(y.sc.observedSavings.p50, y.sc.observedSavings.p50Mcse, pct1)} ({withMcse(y.sc.observedSavings.p5, y.sc.observedSavings.p5Mcse, pct1)} –{' '}
                    {withMcse(y.sc.observedSavings.p95, y.sc.observedSavings.p95Mcse, pct1)})
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    />
  );
}

/** Histogram of the last year's reduction (bins from the summary worker) with the target line. */
function HistogramView(props: { summary: Summary; extras: UiExtras }) {
  const h = () => props.extras.reductionHistLastYear;
  const year = () => props.summary.years[props.summary.years.length - 1].year;
  const { ref: svgRef, W, viewBox } = svgWidth(460);
  const H = 280;
  const m = MARGINS.histogram;
  const bins = () =>
    h().counts.map((c, i) => {
      const w = (h().hi - h().lo) / h().counts.length;
      return { c, from: h().lo + i * w, to: h().lo + (i + 1) * w };
    });
  const maxC = () => Math.max(1, ...h().counts);
  const x = (v: number) => m.l + ((v - h().lo) / (h().hi - h().lo)) * (W() - m.l - m.r);
  const y = (c: number) => H - m.b - (c / maxC()) * (H - m.t - m.b);
  const target = () => props.summary.target;
  // Up to 8 labels, fewer when the card is narrow, whatever the range of the runs.
  const ticks = () => niceTicks(h().lo, h().hi, Math.min(8, tickCount(W() - m.l - m.r, 55)));
  const yTicks = () => [0, 0.5, 1].map((f) => Math.round(f * maxC()));
  const pTarget = () => props.summary.years[props.summary.years.length - 1].pReachTarget.p;
  return (
    <ChartCard
      id="hist"
      title={t('histTitle', { y: year() })}
      caption={t('histCaption', { p: pct(pTarget(), 0) })}
      legend={[
        { label: t('belowTarget'), color: CF_COLOR, kind: 'bar' },
        { label: t('aboveTarget'), color: SC_COLOR, kind: 'bar' },
        { label: `${t('target')} ${pct(target(), 0)}`, color: TARGET_COLOR, kind: 'dash' },
      ]}
      chart={() => (
        <svg ref={svgRef} class="svg-chart" viewBox={viewBox(H)} role="img" aria-label={`${t('histTitle', { y: year() })}. ${t('histCaption', { p: pct(pTarget(), 0) })}`} data-testid="hist-chart">
          <For each={yTicks()}>
            {(c) => (
              <g>
                <line x1={m.l} x2={W() - m.r} y1={y(c)} y2={y(c)} stroke="#e2e2e2" />
                <text x={m.l - 6} y={y(c) + 4} text-anchor="end" font-size={String(TYPE.body)}>
                  {num(c)}
                </text>
              </g>
            )}
          </For>
          <Index each={bins()}>
            {(b) => (
              <rect
                x={x(b().from) + 0.5}
                y={y(b().c)}
                width={Math.max(0, x(b().to) - x(b().from) - 1)}
                height={H - m.b - y(b().c)}
                fill={b().from + 1e-12 >= target() ? SC_COLOR : b().to <= target() ? CF_COLOR : alpha(SC_COLOR, 0.55)}
              />
            )}
          </Index>
          <line x1={m.l} x2={W() - m.r} y1={H - m.b} y2={H - m.b} stroke="#333" />
          <For each={ticks()}>
            {(v) => (
              <g>
                <line x1={x(v)} x2={x(v)} y1={H - m.b} y2={H - m.b + 5} stroke="#333" />
                {/* The last label ends at the tick instead of being cut at the drawing's edge. */}
                <text x={x(v)} y={H - m.b + 19} text-anchor={x(v) > W() - m.r - 20 ? 'end' : 'middle'} font-size={String(TYPE.body)}>
                  {pct(v, Math.abs(v * 100 - Math.round(v * 100)) > 1e-9 ? 1 : 0)}
                </text>
              </g>
            )}
          </For>
          <line x1={x(target())} x2={x(target())} y1={m.t - 4} y2={H - m.b} stroke={TARGET_COLOR} stroke-width="2.5" stroke-dasharray="5 4" />
          {/* Right of the target line, or left of it when the target lies in the right half (a region whose runs fall short of it), so the label stays in the drawing. */}
          <text
            x={x(target()) > (m.l + W() - m.r) / 2 ? x(target()) - 6 : x(target()) + 6}
            y={m.t + 8}
            text-anchor={x(target()) > (m.l + W() - m.r) / 2 ? 'end' : 'start'}
            font-size={String(TYPE.body)}
            fill="#8a2f00"
          >
            {t('target')} · P = {pct(pTarget(), 0)}
          </text>
          {h().below > 0 ? (
            <text x={m.l + 2} y={m.t + 28} font-size={String(TYPE.note)} fill="#444">
              ◂ {t('histBelow', { n: h().below })}
            </text>
          ) : null}
          {h().above > 0 ? (
            <text x={W() - m.r - 2} y={m.t + 28} text-anchor="end" font-size={String(TYPE.note)} fill="#444">
              {t('histAbove', { n: h().above })} ▸
            </text>
          ) : null}
          <text x={(m.l + W() - m.r) / 2} y={H - 6} text-anchor="middle" font-size={String(TYPE.body)}>
            {t('reduction')} {year()} (%)
          </text>
          <text transform={`translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)`} text-anchor="middle" font-size={String(TYPE.body)}>
            {t('runsCount')}
          </text>
        </svg>
      )}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('binFrom')}</th>
              <th scope="col">{t('binTo')}</th>
              <th scope="col">{t('runsCount')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>–</td>
              <td>{pct(h().lo, 2)}</td>
              <td>{num(h().below)}</td>
            </tr>
            <For each={bins()}>
              {(b) => (
                <tr>
                  <td>{pct(b.from, 2)}</td>
                  <td>{pct(b.to, 2)}</td>
                  <td>{num(b.c)}</td>
                </tr>
              )}
            </For>
            <tr>
              <td>{pct(h().hi, 2)}</td>
              <td>–</td>
              <td>{num(h().above)}</td>
            </tr>
          </tbody>
        </table>
      )}
    />
  );
}

/** The result views beyond the headline fan chart, grouped by the users' questions. */
export function ResultViews(props: { summary: Summary; extras: UiExtras }) {
  return (
    <>
      {/* One view per queued job (in document order): mounting them all at once was a long task. */}
      <div class="grid2">
        <Later>
          <LinesView summary={props.summary} />
        </Later>
        <Later>
          <MovedView summary={props.summary} />
        </Later>
      </div>
      <h2>{t('questionTargetLong')}</h2>
      <div class="grid2">
        <Later>
          <HistogramView summary={props.summary} extras={props.extras} />
        </Later>
        <Later>
          <ReductionView summary={props.summary} />
        </Later>
      </div>
      <div class="grid2">
        <Later>
          <ProbabilityView summary={props.summary} />
        </Later>
        <Later>
          <ObservedView summary={props.summary} />
        </Later>
      </div>
      <Later>
        <DetectView summary={props.summary} />
      </Later>
    </>
  );
}
