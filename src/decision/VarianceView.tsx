import { createSignal, For, Show } from 'solid-js';
import type { Summary } from '../../models/summary/summarize';
import type { VarianceSplit } from '../../models/summary/varianceSplit';
import { ChartCard } from '../components/ChartCard';
import { OKABE_ITO } from '../colors';
import { euroMln, num, pct } from '../format';
import { partyName, td } from './texts';
import { svgWidth } from '../charts/svgWidth';

const RANDOM = OKABE_ITO.skyBlue;
const PARAM = OKABE_ITO.vermillion;

interface Row {
  key: string;
  label: string;
  split: VarianceSplit;
  /** How to show the spread (SD) in the output's own unit. */
  sd: (v: number) => string;
}

/** "Chance or not knowing?": per key output, the variance split into random variation and parameter uncertainty. */
export function VarianceView(props: { summary: Summary; modelNames: Record<string, string> }) {
  const vs = () => props.summary.varianceSplit;
  const years = () => props.summary.years;
  const lastYear = () => years()[years().length - 1].year;
  const models = () => [...new Set(vs().parties.map((p) => p.model))];
  const [model, setModel] = createSignal<string>('');
  const chosen = () => (models().includes(model()) ? model() : (models().find((m) => m !== 'ffs') ?? models()[0] ?? ''));
  const [period, setPeriod] = createSignal<'horizon' | 'firstYear'>('horizon');
  const pairs = () => vs().reductionLastYear.pairs;

  const rows = (): Row[] => [
    { key: 'reduction', label: td('varReduction', { y: lastYear() }), split: vs().reductionLastYear, sd: (v) => pct(v, 2) },
    { key: 'cost-sc', label: td('varCostSc', { y: lastYear() }), split: vs().totalCostLastYear.sc, sd: (v) => euroMln(v) },
    { key: 'cost-cf', label: td('varCostCf', { y: lastYear() }), split: vs().totalCostLastYear.cf, sd: (v) => euroMln(v) },
    ...vs()
      .parties.filter((p) => p.model === chosen())
      .map((p) => ({
        key: `party-${p.party}`,
        label: td('varParty', { p: partyName(p.party) }),
        split: period() === 'horizon' ? p.horizon : p.firstYear,
        sd: (v: number) => euroMln(v),
      })),
  ];

  const redShare = () => vs().reductionLastYear.randomShare;
  const sentence = () => {
    const s = vs().reductionLastYear;
    if (!(s.pairs > 0) || !Number.isFinite(s.randomShare)) return '';
    return s.randomShare >= 0.5 ? td('varMostlyRandom', { s: `${pct(s.randomShare, 0)} ${td('varRandom')}` }) : td('varMostlyParam', { s: `${pct(s.parameterShare, 0)} ${td('varParam')}` });
  };

  const { ref: svgRef, W, viewBox } = svgWidth(800, 620);
  const labelW = 300;
  const textW = 160;
  const rowH = 34;
  const barW = () => W() - labelW - textW;
  const x = (f: number) => labelW + f * barW();

  return (
    <ChartCard
      id="variance"
      title={td('varTitle')}
      caption={pairs() > 0 ? td('varCaption', { n: num(pairs()) }) : undefined}
      controls={() => (
        <Show when={pairs() > 0}>
          <div class="var-controls">
            <label>
              {td('varModel')}{' '}
              <select data-testid="variance-model" value={chosen()} onChange={(e) => setModel(e.currentTarget.value)}>
                <For each={models()}>{(m) => <option value={m}>{props.modelNames[m] ?? m}</option>}</For>
              </select>
            </label>
            <label>
              {td('varPeriod')}{' '}
              <select data-testid="variance-period" value={period()} onChange={(e) => setPeriod(e.currentTarget.value as 'horizon' | 'firstYear')}>
                <option value="horizon">{td('varHorizon')}</option>
                <option value="firstYear">{td('varFirstYear', { y: years()[0].year })}</option>
              </select>
            </label>
          </div>
        </Show>
      )}
      chart={() => (
        <div>
          {/* Solid swatches, as the bars are drawn (the shared legend's bands are pale). */}
          <ul class="legend" data-testid="variance-legend">
            <li>
              <span class="swatch-solid" style={{ background: RANDOM }} aria-hidden="true" />
              <span>
                <strong>{td('varRandom')}</strong>: {td('varRandomTech')}
              </span>
            </li>
            <li>
              <span class="swatch-solid" style={{ background: PARAM }} aria-hidden="true" />
              <span>
                <strong>{td('varParam')}</strong>: {td('varParamTech')}
              </span>
            </li>
          </ul>
          <p class="muted var-intro">{td('varIntro')}</p>
          <Show
            when={pairs() > 0}
            fallback={
              <p class="note" role="status" data-testid="variance-no-twins">
                {td('varNoTwins')}
              </p>
            }
          >
            <p class="decision-sentence" data-testid="variance-sentence" data-random-share={String(redShare())}>
              {sentence()}
            </p>
            <svg ref={svgRef} class="svg-chart" viewBox={viewBox(rowH * rows().length + 40)} role="img" aria-label={`${td('varTitle')} ${sentence()}`} data-testid="variance-chart">
              <For each={[0, 0.25, 0.5, 0.75, 1]}>
                {(f) => (
                  <g>
                    <line x1={x(f)} x2={x(f)} y1={0} y2={rowH * rows().length} stroke="#ddd" />
                    <text x={x(f)} y={rowH * rows().length + 16} text-anchor="middle" font-size="13">
                      {pct(f, 0)}
                    </text>
                  </g>
                )}
              </For>
              <text x={labelW + barW() / 2} y={rowH * rows().length + 36} text-anchor="middle" font-size="13">
                {td('varAxis')}
              </text>
              <For each={rows()}>
                {(r, i) => {
                  const ok = () => Number.isFinite(r.split.randomShare);
                  const se = () => (Number.isFinite(r.split.randomShareSe) ? r.split.randomShareSe : 0);
                  return (
                    <g transform={`translate(0 ${i() * rowH})`} data-testid={`variance-row-${r.key}`} data-random-share={String(r.split.randomShare)}>
                      <text x={labelW - 8} y={rowH / 2 + 5} text-anchor="end" font-size="14">
                        {r.label}
                      </text>
                      <Show
                        when={ok()}
                        fallback={
                          <text x={labelW + 4} y={rowH / 2 + 5} font-size="13">
                            –
                          </text>
                        }
                      >
                        <rect class="var-random" x={x(0)} y={6} width={r.split.randomShare * barW()} height={rowH - 12} fill={RANDOM} />
                        <rect class="var-param" x={x(r.split.randomShare)} y={6} width={(1 - r.split.randomShare) * barW()} height={rowH - 12} fill={PARAM} />
                        <line x1={x(Math.max(0, r.split.randomShare - se()))} x2={x(Math.min(1, r.split.randomShare + se()))} y1={rowH / 2} y2={rowH / 2} stroke="#000" stroke-width="2" />
                        <line x1={x(r.split.randomShare)} x2={x(r.split.randomShare)} y1={8} y2={rowH - 8} stroke="#000" stroke-width="2" />
                        <text x={W() - textW + 8} y={rowH / 2 + 5} font-size="13">
                          {pct(r.split.randomShare, 0)} ± {pct(se(), 1)} {td('varRandom')}
                        </text>
                      </Show>
                    </g>
                  );
                }}
              </For>
            </svg>
          </Show>
        </div>
      )}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{td('varOutput')}</th>
              <th scope="col">{td('varRandom')} ± MCSE</th>
              <th scope="col">{td('varParam')}</th>
              <th scope="col">{td('varSd')}</th>
              <th scope="col">{td('varPairs')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr>
                  <th scope="row">{r.label}</th>
                  <td>
                    {pct(r.split.randomShare, 1)} ± {pct(r.split.randomShareSe, 1)}
                  </td>
                  <td>{pct(r.split.parameterShare, 1)}</td>
                  <td>{r.sd(Math.sqrt(r.split.total))}</td>
                  <td>{num(r.split.pairs)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    />
  );
}
