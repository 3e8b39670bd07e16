import { createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { t } from '../i18n';
import { chartToPng, type PngInfo } from '../charts/png';
import { pngMeta, registerChart } from '../report/pngSet';
import { rt } from '../report/texts';
import { printing } from '../report/printWidth';

export interface LegendItem {
  label: string;
  color: string;
  /** 'line' for a median line, 'band' for a shaded band; drawn differently so colour is not the only cue. */
  /** line/dash/dot: a line; band: a pale range (fan charts); bar: a solid block (bars). */
  kind?: 'line' | 'band' | 'dash' | 'dot' | 'bar' | 'point';
}

/** A titled chart with a legend, a caption and a table behind it (toggle). */
export function ChartCard(props: {
  id: string;
  title: string;
  caption?: string;
  legend?: LegendItem[];
  /** Controls that choose what the chart and its table show (above the legend, kept when toggling). */
  controls?: () => JSX.Element;
  chart: () => JSX.Element;
  table: () => JSX.Element;
  /** What numbered markers in the chart stand for ("1. Fee-for-service", …), for the saved picture. */
  pngKey?: () => string[];
}) {
  const [showTable, setShowTable] = createSignal(false);
  let body!: HTMLDivElement;
  const pngInfo = (): PngInfo => ({ title: props.title, legend: props.legend ?? [], meta: pngMeta(), key: props.pngKey?.(), keyTitle: rt('pngKey') });
  onMount(() => onCleanup(registerChart({ id: props.id, body, info: pngInfo })));
  return (
    <section class="card" classList={{ 'table-mode': showTable() }} aria-labelledby={`${props.id}-title`} data-testid={`card-${props.id}`}>
      <header class="card-head">
        <h3 id={`${props.id}-title`}>{props.title}</h3>
        <div class="card-actions">
          <Show when={!showTable()}>
            <button type="button" class="toggle" data-testid={`${props.id}-png`} aria-label={`${t('savePng')}: ${props.title}`} onClick={() => void chartToPng(body, `${props.id}.png`, pngInfo())}>
              PNG
            </button>
          </Show>
          <button type="button" class="toggle" aria-pressed={showTable()} data-testid={`${props.id}-table-toggle`} onClick={() => setShowTable((v) => !v)}>
            {showTable() ? t('showChart') : t('showTable')}
          </button>
        </div>
      </header>
      {props.controls?.()}
      <Show when={props.legend && props.legend.length > 0}>
        <ul class="legend">
          <For each={props.legend}>
            {(item) => (
              <li>
                <span class={`swatch ${item.kind ?? 'line'}`} style={{ '--c': item.color }} aria-hidden="true" />
                {item.label}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div ref={body}>
        <Show when={showTable()} fallback={props.chart()}>
          <div class="table-wrap" data-testid={`${props.id}-table`}>
            {props.table()}
          </div>
        </Show>
      </div>
      <Show when={props.caption}>
        <p class="caption">{props.caption}</p>
      </Show>
      {/* On paper each chart comes with its table; built only while printing. */}
      <Show when={printing() && !showTable()}>
        <div class="print-only print-table" data-testid={`${props.id}-print-table`}>
          {props.table()}
        </div>
      </Show>
    </section>
  );
}
