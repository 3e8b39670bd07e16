import { createEffect, on, onCleanup, onMount, untrack } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UPlotProps {
  /** Options without width/height; rebuilt (and the chart recreated) when it changes. */
  options: () => Omit<uPlot.Options, 'width' | 'height'>;
  data: () => uPlot.AlignedData;
  height?: number;
  /** Accessible description of what the chart shows. */
  label: string;
  testId?: string;
}

/** A uPlot chart that fills its container's width. Charts only draw: data arrive summarised. */
export function UPlot(props: UPlotProps) {
  let box!: HTMLDivElement;
  let chart: uPlot | null = null;
  const height = () => props.height ?? 320;

  const build = () => {
    chart?.destroy();
    const width = Math.max(280, box.clientWidth);
    chart = new uPlot({ ...props.options(), width, height: height() }, untrack(props.data), box);
  };

  onMount(() => {
    // New options (e.g. language) rebuild the chart; new data (e.g. partial results) only redraw it.
    createEffect(() => {
      props.options();
      build();
    });
    createEffect(on(props.data, (d) => chart?.setData(d), { defer: true }));
    const ro = new ResizeObserver(() => {
      if (chart && Math.abs(chart.width - box.clientWidth) > 2) chart.setSize({ width: Math.max(280, box.clientWidth), height: height() });
    });
    ro.observe(box);
    onCleanup(() => {
      ro.disconnect();
      chart?.destroy();
      chart = null;
    });
  });

  return <div class="chart" ref={box} role="img" aria-label={props.label} data-testid={props.testId} />;
}
