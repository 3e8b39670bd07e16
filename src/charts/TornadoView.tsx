import { createMemo, createSignal, For, Index, Show } from 'solid-js';
import type { Summary } from '../../models/summary/summarize';
import { SC_COLOR, CF_COLOR } from '../colors';
import { euroMln, num, pct, signed } from '../format';
import { lang, t, textOf } from '../i18n';
import { ChartCard } from '../components/ChartCard';
import { partyLabel } from './partyStyle';
import { paramHover, paramLabel } from './paramLabel';
import type { ImportanceLike } from './financeShape';
import { svgWidth } from './svgWidth';
import { RowLabel, rowLayout } from './RowLabel';
import { ParamNameCell } from './ParamNameCell';
import { TYPE } from './chartDefaults';

/** The output the tornado explains: the last year's reduction, or one party's result under one model. */
type Output = { kind: 'reduction' } | { kind: 'party'; model: string; party: string };
const key = (o: Output) => (o.kind === 'reduction' ? 'reduction' : `${o.model}|${o.party}`);

/**
 * Sensitivity tornado: the output's mean when each assumption is in its lowest vs highest decile
 * of the runs (from the engine's summary), with readable assumption names from the scenario.
 */
export function TornadoView(props: { summary: Summary; scenario: unknown }) {
  const [sel, setSel] = createSignal<string>('reduction');
  const lastYear = () => props.summary.years[props.summary.years.length - 1];
  const span = () => ({ a: props.summary.startYear, b: props.summary.startYear + props.summary.years.length - 1 });
  const results = () => props.summary.sensitivity?.results ?? [];
  const models = () => props.summary.financing?.models ?? [];
  const output = createMemo<Output>(() => {
    const [model, party] = sel().split('|');
    return party && results().some((r) => r.model === model && r.party === party) ? { kind: 'party', model, party } : { kind: 'reduction' };
  });
  const view = createMemo(() => {
    const o = output();
    if (o.kind === 'reduction') {
      return {
        items: props.summary.sensitivity.reductionLastYear as ImportanceLike[],
        mean: lastYear().reduction.mean,
        fmt: (v: number) => pct(v, 2),
        axis: `${t('reduction')} ${lastYear().year} (%)`,
        title: t('sensTitle', { y: lastYear().year }),
        caption: t('sensCaption'),
      };
    }
    const m = models().find((x) => x.id === o.model);
    return {
      items: (results().find((r) => r.model === o.model && r.party === o.party)?.drivers ?? []) as ImportanceLike[],
      mean: m?.horizon[o.party as 'insurer']?.result.mean ?? NaN,
      fmt: (v: number) => euroMln(v, 1),
      axis: t('axisMeanResult'),
      title: t('sensTitleParty', { p: partyLabel(o.party), m: m ? textOf(m.name) : o.model, ...span() }),
      caption: t('sensCaptionParty'),
    };
  });
  const named = createMemo(() => {
    const l = lang();
    // The engine ranks by rank regression; the chart orders by the swing it draws, so the longest
    // bar is on top as the caption says.
    return view()
      .items.map((x) => ({ ...x, ...paramLabel(x.path, props.scenario, l) }))
      .sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing));
  });
  const top = () => named().slice(0, 8);

  const { ref: svgRef, W, viewBox } = svgWidth(900, 560);
  const { rowH, labelW, lines } = rowLayout(W);
  const lo = () => Math.min(view().mean, ...top().flatMap((x) => [x.lowDecileMean, x.highDecileMean]));
  const hi = () => Math.max(view().mean, ...top().flatMap((x) => [x.lowDecileMean, x.highDecileMean]));
  const sx = (v: number) => labelW() + 10 + ((v - lo()) / (hi() - lo() || 1)) * (W() - labelW() - 180);

  const picker = () => (
    <label class="tornado-output">
      {t('sensOutput')}{' '}
      <select data-testid="tornado-output" value={sel()} onChange={(e) => setSel(e.currentTarget.value)}>
        <option value="reduction">{t('sensOutReduction', { y: lastYear().year })}</option>
        <For each={models().filter((m) => results().some((r) => r.model === m.id))}>
          {(m) => (
            <optgroup label={textOf(m.name)}>
              <For each={results().filter((r) => r.model === m.id)}>
                {(r) => <option value={key({ kind: 'party', model: r.model, party: r.party })}>{t('sensOutParty', { p: partyLabel(r.party), m: textOf(m.name) })}</option>}
              </For>
            </optgroup>
          )}
        </For>
      </select>
    </label>
  );

  return (
    <ChartCard
      id="tornado"
      title={view().title}
      caption={view().caption}
      legend={[
        { label: t('sensLow'), color: CF_COLOR, kind: 'bar' },
        { label: t('sensHigh'), color: SC_COLOR, kind: 'bar' },
      ]}
      controls={picker}
      chart={() => (
        <>
          <Show when={top().length > 0} fallback={<p class="muted">{t('sensNone')}</p>}>
            <svg ref={svgRef} class="svg-chart" viewBox={viewBox(rowH() * top().length + 52)} role="img" aria-label={`${view().title}. ${view().caption}`} data-testid="tornado-chart">
              <line x1={sx(view().mean)} x2={sx(view().mean)} y1={0} y2={rowH() * top().length} stroke="#333" />
              <text x={sx(view().mean)} y={rowH() * top().length + 18} text-anchor="middle" font-size={String(TYPE.body)}>
                {t('sensMean')}: {view().fmt(view().mean)}
              </text>
              <text x={(labelW() + 10 + W() - 170) / 2} y={rowH() * top().length + 44} text-anchor="middle" font-size={String(TYPE.body)} data-testid="tornado-axis">
                {view().axis}
              </text>
              <Index each={top()}>
                {(x, i) => {
                  return (
                    <g transform={`translate(0 ${i * rowH()})`} data-testid="tornado-row">
                      <title>{paramHover(x())}</title>
                      <RowLabel x={labelW() - 6} mid={rowH() / 2} lines={lines(x().label)} />
                      <rect x={Math.min(sx(x().lowDecileMean), sx(view().mean))} y={8} width={Math.abs(sx(x().lowDecileMean) - sx(view().mean))} height={rowH() - 16} fill={CF_COLOR} />
                      <rect x={Math.min(sx(x().highDecileMean), sx(view().mean))} y={8} width={Math.abs(sx(x().highDecileMean) - sx(view().mean))} height={rowH() - 16} fill={SC_COLOR} />
                      <text x={Math.max(sx(x().lowDecileMean), sx(x().highDecileMean)) + 5} y={rowH() / 2 + 4} font-size={String(TYPE.note)}>
                        {/* Shift of the mean in the low and high decile ("±" is kept for Monte Carlo errors). */}
                        {signed(x().lowDecileMean - view().mean, view().fmt)} / {signed(x().highDecileMean - view().mean, view().fmt)}
                      </text>
                    </g>
                  );
                }}
              </Index>
            </svg>
          </Show>
        </>
      )}
      table={() => (
        <>
          <table class="data">
            <caption class="sr-only">{view().title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assumption')}</th>
                <th scope="col">{t('sensLow')}</th>
                <th scope="col">{t('sensHigh')}</th>
                <th scope="col">Spearman</th>
              </tr>
            </thead>
            <tbody>
              <For each={named()}>
                {(x) => (
                  <tr>
                    <ParamNameCell label={x.label} path={x.path} />
                    <td>{view().fmt(x.lowDecileMean)}</td>
                    <td>{view().fmt(x.highDecileMean)}</td>
                    <td>{num(x.spearman, 2)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </>
      )}
    />
  );
}
