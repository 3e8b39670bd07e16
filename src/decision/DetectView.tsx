import { createMemo, For } from 'solid-js';
import type uPlot from 'uplot';
import type { Summary } from '../../models/summary/summarize';
import { ChartCard } from '../components/ChartCard';
import { UPlot } from '../charts/UPlot';
import { axisFont } from '../charts/axes';
import { OKABE_ITO, SC_COLOR } from '../colors';
import { num, pct } from '../format';
import { lang, t } from '../i18n';
import { td } from './texts';

const THR = OKABE_ITO.black;
const PROB = OKABE_ITO.orange;
const TARGET = OKABE_ITO.vermillion;
/** The scenario's own population: the only blue on this chart (the e2e test looks for it). */
const OWN = SC_COLOR;

/**
 * "Can it be seen?": over population size, the savings rate chance alone exceeds at 90% and 95%
 * confidence, and the chance that an evaluator observes a true saving equal to the target above
 * it; the scenario's own population marked. All from the summary's detectability curve.
 */
export function DetectView(props: { summary: Summary }) {
  const d = () => props.summary.detectability;
  const n0 = () => d().scenarioPopulation;
  const own = () => d().points.find((p) => p.population === n0()) ?? d().points[0];
  const target = () => props.summary.target;
  const data = createMemo<uPlot.AlignedData>(() => {
    const pts = d().points;
    return [
      pts.map((p) => p.population),
      pts.map((p) => p.threshold90 * 100),
      pts.map((p) => p.threshold95 * 100),
      pts.map(() => target() * 100),
      pts.map((p) => p.pDetect90 * 100),
      pts.map((p) => p.pDetect95 * 100),
      pts.map((p) => (p.population === n0() ? p.threshold90 * 100 : null)),
      pts.map((p) => (p.population === n0() ? p.pDetect90 * 100 : null)),
    ];
  });
  const options = createMemo<Omit<uPlot.Options, 'width' | 'height'>>(() => {
    lang();
    const marker = (label: string, scale: string): uPlot.Series => ({ label, scale, stroke: OWN, width: 0, points: { show: true, size: 14, fill: OWN, stroke: '#fff', width: 2 } });
    return {
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, distr: 3, range: () => [d().points[0].population, d().points[d().points.length - 1].population] },
        pct: { range: (_u, _lo, hi) => [0, Math.min(Math.max(hi * 1.1, target() * 150), 20)] },
        prob: { range: [0, 100] },
      },
      axes: [
        {
          label: td('detAxisX'),
          font: axisFont,
          labelFont: axisFont,
          values: (_u, vals) => vals.map((v) => (v != null && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? num(v) : '')),
        },
        { scale: 'pct', label: td('detAxisY'), font: axisFont, labelFont: axisFont, size: 60, values: (_u, vals) => vals.map((v) => num(v, 1)) },
        { scale: 'prob', side: 1, label: td('detAxisP'), font: axisFont, labelFont: axisFont, size: 60, grid: { show: false }, values: (_u, vals) => vals.map((v) => num(v, 0)) },
      ],
      series: [
        {},
        { label: td('detThr90'), scale: 'pct', stroke: THR, width: 2.5, points: { show: false } },
        { label: td('detThr95'), scale: 'pct', stroke: THR, width: 2, dash: [8, 5], points: { show: false } },
        { label: 'target', scale: 'pct', stroke: TARGET, width: 2, dash: [3, 4], points: { show: false } },
        { label: td('detP90'), scale: 'prob', stroke: PROB, width: 2.5, points: { show: false } },
        { label: td('detP95'), scale: 'prob', stroke: PROB, width: 2, dash: [8, 5], points: { show: false } },
        marker(td('detOwn', { n: num(n0()) }), 'pct'),
        marker(td('detOwn', { n: num(n0()) }), 'prob'),
      ],
      hooks: {
        // A vertical line at the scenario's own population.
        draw: [
          (u) => {
            const xp = u.valToPos(n0(), 'x', true);
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = OWN;
            ctx.lineWidth = 2;
            ctx.setLineDash([6, 4]);
            ctx.beginPath();
            ctx.moveTo(xp, u.bbox.top);
            ctx.lineTo(xp, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.restore();
          },
        ],
      },
    };
  });
  const caption = () =>
    td('detCaption', {
      t: pct(target(), 0),
      n: num(n0()),
      a: pct(own().threshold90, 2),
      b: pct(own().threshold95, 2),
      p: pct(own().pDetect90, 0),
      q: pct(own().pDetect95, 0),
      y: d().preYears,
    });
  return (
    <ChartCard
      id="detect"
      title={td('detTitle')}
      caption={caption()}
      legend={[
        { label: td('detThr90'), color: THR },
        { label: td('detThr95'), color: THR, kind: 'dash' },
        { label: `${td('detP90')}`, color: PROB },
        { label: `${td('detP95')}`, color: PROB, kind: 'dash' },
        { label: `${t('target')} ${pct(target(), 0)}`, color: TARGET, kind: 'dash' },
        { label: `● ${td('detOwn', { n: num(n0()) })}`, color: OWN, kind: 'dash' },
      ]}
      chart={() => <UPlot options={options} data={data} label={`${td('detTitle')}. ${caption()}`} testId="detect-chart" height={300} />}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{td('detPopulation')}</th>
              <th scope="col">{td('detThr90')}</th>
              <th scope="col">{td('detThr95')}</th>
              <th scope="col">{td('detP90')}</th>
              <th scope="col">{td('detP95')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={d().points}>
              {(p) => (
                <tr classList={{ mark: p.population === n0() }} data-own={p.population === n0() ? 'true' : undefined}>
                  <th scope="row">{p.population === n0() ? td('detOwn', { n: num(p.population) }) : num(p.population)}</th>
                  <td>{pct(p.threshold90, 2)}</td>
                  <td>{pct(p.threshold95, 2)}</td>
                  <td>{pct(p.pDetect90, 1)}</td>
                  <td>{pct(p.pDetect95, 1)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    />
  );
}
