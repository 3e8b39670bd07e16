import { For } from 'solid-js';
import { SC_COLOR, CF_COLOR } from '../colors';
import { pct } from '../format';
import { t } from '../i18n';
import { ChartCard } from '../components/ChartCard';
import type { ImportanceLike } from './financeShape';

/** Sensitivity tornado: the reduction when each assumption is in its lowest vs highest decile. */
export function TornadoView(props: { items: ImportanceLike[]; mean: number; year: number }) {
  const top = () => props.items.slice(0, 8);
  const W = 900;
  const rowH = 28;
  const labelW = 380;
  const lo = () => Math.min(props.mean, ...top().flatMap((x) => [x.lowDecileMean, x.highDecileMean]));
  const hi = () => Math.max(props.mean, ...top().flatMap((x) => [x.lowDecileMean, x.highDecileMean]));
  const sx = (v: number) => labelW + ((v - lo()) / (hi() - lo() || 1)) * (W - labelW - 70);
  return (
    <ChartCard
      id="tornado"
      title={t('sensTitle', { y: props.year })}
      caption={t('sensCaption')}
      legend={[
        { label: t('sensLow'), color: CF_COLOR, kind: 'band' },
        { label: t('sensHigh'), color: SC_COLOR, kind: 'band' },
      ]}
      chart={() => (
        <svg class="svg-chart" viewBox={`0 0 ${W} ${rowH * top().length + 26}`} role="img" aria-label={t('sensTitle', { y: props.year })} data-testid="tornado-chart">
          <line x1={sx(props.mean)} x2={sx(props.mean)} y1={0} y2={rowH * top().length} stroke="#333" />
          <text x={sx(props.mean)} y={rowH * top().length + 18} text-anchor="middle" font-size="12">{pct(props.mean, 2)}</text>
          <For each={top()}>
            {(x, i) => (
              <g transform={`translate(0 ${i() * rowH})`}>
                <text x={labelW - 8} y={rowH / 2 + 4} text-anchor="end" font-size="12">{x.path}</text>
                <rect x={Math.min(sx(x.lowDecileMean), sx(props.mean))} y={5} width={Math.abs(sx(x.lowDecileMean) - sx(props.mean))} height={rowH - 10} fill={CF_COLOR} />
                <rect x={Math.min(sx(x.highDecileMean), sx(props.mean))} y={5} width={Math.abs(sx(x.highDecileMean) - sx(props.mean))} height={rowH - 10} fill={SC_COLOR} />
                <text x={Math.max(sx(x.lowDecileMean), sx(x.highDecileMean)) + 4} y={rowH / 2 + 4} font-size="11">±{pct(x.swing / 2, 2)}</text>
              </g>
            )}
          </For>
        </svg>
      )}
      table={() => (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">{t('sensLow')}</th>
              <th scope="col">{t('sensHigh')}</th>
              <th scope="col">Spearman</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.items}>
              {(x) => (
                <tr>
                  <th scope="row"><code>{x.path}</code></th>
                  <td>{pct(x.lowDecileMean, 2)}</td>
                  <td>{pct(x.highDecileMean, 2)}</td>
                  <td>{x.spearman.toFixed(2)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      )}
    />
  );
}
