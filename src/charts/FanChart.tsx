import { createMemo, For } from 'solid-js';
import type uPlot from 'uplot';
import type { Summary } from '../../models/summary/summarize';
import type { Stat } from '../../models/summary/stats';
import { CF_COLOR, SC_COLOR, alpha } from '../colors';
import { num } from '../format';
import { ts } from '../components/summaryTexts';
import { lang, t } from '../i18n';
import { ChartCard } from '../components/ChartCard';
import { UPlot } from './UPlot';
import { axisFont, yearAxis } from './axes';

const mln = (s: Stat[], k: keyof Stat) => s.map((x) => (x[k] as number) / 1e6);
/** Table cells in € mln (the unit in the table's note), so seven columns fit the card on a laptop. */
const m1 = (x: number) => num(x / 1e6, 1);

/**
 * A percentile (or a range of two) in € mln with its Monte Carlo errors on a second, smaller line,
 * so that the seven-column table keeps within its card; summaries without errors show none.
 */
function McCell(props: { x: number[]; se: (number | undefined)[] }) {
  const errs = () => props.se.filter((e): e is number => e !== undefined && Number.isFinite(e));
  return (
    <>
      {props.x.map(m1).join(' – ')}
      {errs().length === props.x.length ? (
        <span class="mc-line">
          {errs()
            .map((e) => `± ${m1(e)}`)
            .join(' · ')}
        </span>
      ) : null}
    </>
  );
}

/**
 * Fan chart of total regional cost per year: median line with 50% and 90% bands, counterfactual
 * in grey behind the scenario. The percentiles come from the worker's summary.
 */
export function FanChart(props: { summary: Summary }) {
  const data = createMemo<uPlot.AlignedData>(() => {
    const ys = props.summary.years;
    const cf = ys.map((y) => y.cf.total);
    const sc = ys.map((y) => y.sc.total);
    return [ys.map((y) => y.year), mln(cf, 'p95'), mln(cf, 'p5'), mln(cf, 'p75'), mln(cf, 'p25'), mln(cf, 'p50'), mln(sc, 'p95'), mln(sc, 'p5'), mln(sc, 'p75'), mln(sc, 'p25'), mln(sc, 'p50')];
  });

  const options = createMemo(() => {
    lang(); // rebuild labels on a language switch
    const edge = (label: string): uPlot.Series => ({ label, stroke: 'transparent', width: 0, points: { show: false } });
    const mid = (label: string, color: string, dash?: number[]): uPlot.Series => ({
      label,
      stroke: color,
      width: 2.5,
      points: { show: true, size: 5, fill: color },
      ...(dash ? { dash } : {}),
    });
    const cf = t('counterfactual');
    const sc = t('scenarioSide');
    const opts: Omit<uPlot.Options, 'width' | 'height'> = {
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [
        yearAxis(t('axisYear')),
        {
          label: t('axisCostMln'),
          font: axisFont,
          labelFont: axisFont,
          size: 70,
          values: (_u, vals) => vals.map((v) => num(v, 0)),
        },
      ],
      series: [
        {},
        edge(`${cf} p95`),
        edge(`${cf} p5`),
        edge(`${cf} p75`),
        edge(`${cf} p25`),
        mid(`${cf} ${t('median')}`, CF_COLOR, [8, 5]),
        edge(`${sc} p95`),
        edge(`${sc} p5`),
        edge(`${sc} p75`),
        edge(`${sc} p25`),
        mid(`${sc} ${t('median')}`, SC_COLOR),
      ],
      bands: [
        { series: [1, 2], fill: alpha(CF_COLOR, 0.14) },
        { series: [3, 4], fill: alpha(CF_COLOR, 0.28) },
        { series: [6, 7], fill: alpha(SC_COLOR, 0.16) },
        { series: [8, 9], fill: alpha(SC_COLOR, 0.34) },
      ],
    };
    return opts;
  });

  return (
    <ChartCard
      id="fan"
      title={t('fanTitle')}
      caption={t('fanCaption')}
      legend={[
        { label: `${t('counterfactual')} (${t('median')})`, color: CF_COLOR, kind: 'dash' },
        { label: `${t('scenarioSide')} (${t('median')})`, color: SC_COLOR, kind: 'line' },
        { label: '50% / 90%', color: SC_COLOR, kind: 'band' },
      ]}
      chart={() => <UPlot options={options} data={data} label={`${t('fanTitle')}: ${t('fanCaption')}`} testId="fan-chart" />}
      table={() => (
        <table class="data fan-table">
          <caption class="table-note">{ts('fanTableNote')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col">
                {t('counterfactual')}: {t('median')}
              </th>
              <th scope="col">{t('counterfactual')}: 25%–75%</th>
              <th scope="col">{t('counterfactual')}: 5%–95%</th>
              <th scope="col">
                {t('scenarioSide')}: {t('median')}
              </th>
              <th scope="col">{t('scenarioSide')}: 25%–75%</th>
              <th scope="col">{t('scenarioSide')}: 5%–95%</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.summary.years}>
              {(y) => (
                <tr>
                  <th scope="row">{y.year}</th>
                  <td>
                    <McCell x={[y.cf.total.p50]} se={[y.cf.total.p50Mcse]} />
                  </td>
                  <td>
                    <McCell x={[y.cf.total.p25, y.cf.total.p75]} se={[y.cf.total.p25Mcse, y.cf.total.p75Mcse]} />
                  </td>
                  <td>
                    <McCell x={[y.cf.total.p5, y.cf.total.p95]} se={[y.cf.total.p5Mcse, y.cf.total.p95Mcse]} />
                  </td>
                  <td>
                    <McCell x={[y.sc.total.p50]} se={[y.sc.total.p50Mcse]} />
                  </td>
                  <td>
                    <McCell x={[y.sc.total.p25, y.sc.total.p75]} se={[y.sc.total.p25Mcse, y.sc.total.p75Mcse]} />
                  </td>
                  <td>
                    <McCell x={[y.sc.total.p5, y.sc.total.p95]} se={[y.sc.total.p5Mcse, y.sc.total.p95Mcse]} />
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
