import { createMemo, For, Show } from 'solid-js';
import type uPlot from 'uplot';
import type { SavedScenario } from '../workspace/store';
import { OKABE_ITO, OKABE_ITO as P } from '../colors';
import { euroMln, num, pct } from '../format';
import { lang, t } from '../i18n';
import { ChartCard } from '../components/ChartCard';
import { UPlot } from './UPlot';
import { axisFont, yearAxis } from './axes';

/** Colours for compared scenarios, in order (never grey: grey is the counterfactual). */
const COMPARE_COLORS = [P.blue, P.orange, P.bluishGreen, P.reddishPurple];

/** Two to four kept scenarios side by side: key numbers in a table and reductions on shared axes. */
export function CompareView(props: { items: SavedScenario[] }) {
  const withResult = () => props.items.filter((s) => s.result);
  const data = createMemo<uPlot.AlignedData>(() => {
    const all = withResult();
    const years = [...new Set(all.flatMap((s) => s.result!.summary.years.map((y) => y.year)))].sort((a, b) => a - b);
    const col = (s: SavedScenario) => years.map((yr) => {
      const y = s.result!.summary.years.find((x) => x.year === yr);
      return y ? y.reduction.p50 * 100 : null;
    });
    const target = all[0]?.result!.summary.target ?? 0.02;
    return [years, ...all.map(col), years.map(() => target * 100)] as uPlot.AlignedData;
  });
  const options = createMemo(() => {
    lang();
    return {
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [yearAxis(t('axisYear')), { label: t('axisReduction'), font: axisFont, labelFont: axisFont, size: 60, values: (_u: uPlot, v: number[]) => v.map((x) => num(x, 1)) }],
      series: [
        {},
        ...withResult().map((s, i) => ({ label: s.name, stroke: COMPARE_COLORS[i % 4], width: 2.5, dash: i % 2 ? [10, 4] : undefined, points: { show: true, size: 5 } })),
        { label: t('target'), stroke: OKABE_ITO.vermillion, width: 2, dash: [3, 4], points: { show: false } },
      ],
    } as Omit<uPlot.Options, 'width' | 'height'>;
  });
  const last = (s: SavedScenario) => s.result!.summary.years[s.result!.summary.years.length - 1];
  const rows: { label: () => string; cell: (s: SavedScenario) => string }[] = [
    { label: () => t('populationLabel'), cell: (s) => num(s.result!.summary.minimumSavingsRate.population) },
    { label: () => `${t('totalCostIn')} ${t('lastYear')}: ${t('counterfactual').toLowerCase()}`, cell: (s) => `${euroMln(last(s).cf.total.mean)} ± ${euroMln(last(s).cf.total.mcse, 2)} (${last(s).year})` },
    { label: () => `${t('totalCostIn')} ${t('lastYear')}: ${t('scenarioSide').toLowerCase()}`, cell: (s) => `${euroMln(last(s).sc.total.mean)} ± ${euroMln(last(s).sc.total.mcse, 2)} (${last(s).year})` },
    { label: () => t('reduction'), cell: (s) => `${pct(last(s).reduction.mean, 2)} ± ${pct(last(s).reduction.mcse, 2)}` },
    { label: () => t('pTarget', { t: pct(props.items[0]?.result?.summary.target ?? 0.02, 0) }), cell: (s) => `${pct(last(s).pReachTarget.p, 0)} ± ${pct(last(s).pReachTarget.mcse, 1)}` },
    { label: () => t('pObserve', { t: pct(props.items[0]?.result?.summary.target ?? 0.02, 0) }), cell: (s) => `${pct(last(s).pObserveTarget.p, 0)} (${t('byChance')}: ${pct(last(s).pObserveTargetByChance.p, 0)})` },
    { label: () => 'MSR', cell: (s) => pct(s.result!.summary.minimumSavingsRate.closedForm, 2) },
    { label: () => 'runs · seed', cell: (s) => `${num(s.result!.summary.runs)} · ${String(s.scenario.simulation?.seed ?? '')}` },
  ];
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
                    <span class="swatch" style={{ '--c': s.result ? COMPARE_COLORS[withResult().indexOf(s) % 4] : '#999' }} aria-hidden="true" /> {s.name}
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
      <Show when={withResult().length >= 2}>
        <ChartCard
          id="compare"
          title={t('compareReduction')}
          caption={t('compareCaption')}
          legend={[...withResult().map((s, i) => ({ label: s.name, color: COMPARE_COLORS[i % 4], kind: (i % 2 ? 'dash' : 'line') as 'dash' | 'line' })), { label: t('target'), color: OKABE_ITO.vermillion, kind: 'dash' as const }]}
          chart={() => <UPlot options={options} data={data} label={t('compareReduction')} testId="compare-chart" height={260} />}
          table={() => (
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{t('year')}</th>
                  <For each={withResult()}>{(s) => <th scope="col">{s.name}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={data()[0] as number[]}>
                  {(yr, i) => (
                    <tr>
                      <th scope="row">{yr}</th>
                      <For each={withResult()}>{(_s, j) => <td>{(() => { const v = (data()[j() + 1] as (number | null)[])[i()]; return v === null ? '–' : `${num(v, 2)}%`; })()}</td>}</For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          )}
        />
      </Show>
    </section>
  );
}
