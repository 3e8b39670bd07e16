import { createEffect, on, onCleanup, onMount, untrack } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { schedule } from '../components/schedule';
import { axisFont } from './axes';
import { onPrintResize } from '../report/printWidth';

/**
 * Draws one small chart off screen while the page is idle (before the first run's results), so
 * the first real chart, built while a run keeps both cores busy, does not pay for uPlot's
 * first-time work (compiling its code paths, measuring fonts). Measured: the largest main-thread
 * task of a run went from 13-15 ms to about 10 ms of CPU.
 */
function warmUp(): void {
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = 'position:absolute;left:-10000px;top:0;width:400px;height:200px;visibility:hidden';
  // (The fonts of the views' text are looked up apart, before the first run: warmUpFonts.)
  document.body.append(box);
  try {
    const u = new uPlot(
      {
        width: 400,
        height: 200,
        legend: { show: false },
        scales: { x: { time: false } },
        axes: [
          { font: axisFont, labelFont: axisFont, label: 'x' },
          { font: axisFont, labelFont: axisFont, label: 'y' },
        ],
        series: [{}, { stroke: '#000', width: 2, points: { show: true } }, { stroke: 'transparent' }],
        bands: [{ series: [1, 2], fill: 'rgba(0,0,0,0.1)' }],
      },
      [
        [1, 2, 3],
        [1, 3, 2],
        [0, 1, 1],
      ],
      box,
    );
    u.setData([
      [1, 2, 3],
      [2, 1, 3],
      [0, 1, 1],
    ]);
    queueMicrotask(() => {
      u.destroy();
      box.remove();
    });
  } catch {
    box.remove();
  }
}
if (typeof window !== 'undefined') {
  const idle = (window as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  if (idle) idle(warmUp, { timeout: 2000 });
  else setTimeout(warmUp, 200);
}

export interface UPlotProps {
  /** Options without width/height; rebuilt (and the chart recreated) when it changes. */
  options: () => Omit<uPlot.Options, 'width' | 'height'>;
  data: () => uPlot.AlignedData;
  height?: number;
  /** Accessible description of what the chart shows. */
  label: string;
  testId?: string;
}

/**
 * A uPlot chart that fills its container's width. Charts only draw: data arrive summarised.
 * Building and redrawing go through the UI job queue, one chart per job, so a page of charts
 * (or a partial summary updating all of them) never becomes one long main-thread task.
 */
export function UPlot(props: UPlotProps) {
  let box!: HTMLDivElement;
  let chart: uPlot | null = null;
  let alive = true;
  const height = () => props.height ?? 320;
  let buildQueued: (() => void) | null = null;
  let dataQueued: (() => void) | null = null;

  const build = () => {
    buildQueued = null;
    if (!alive) return;
    chart?.destroy();
    const width = Math.max(280, box.clientWidth);
    chart = new uPlot({ ...untrack(props.options), width, height: height() }, untrack(props.data), box);
  };

  onMount(() => {
    // New options (e.g. language) rebuild the chart; new data (e.g. partial results) only redraw it.
    createEffect(() => {
      props.options();
      dataQueued?.();
      dataQueued = null;
      if (!buildQueued) buildQueued = schedule(build, true);
    });
    createEffect(
      on(
        props.data,
        () => {
          // A pending build takes the newest data itself; otherwise one redraw per queued job.
          if (buildQueued || dataQueued) return;
          dataQueued = schedule(() => {
            dataQueued = null;
            if (alive && chart) chart.setData(untrack(props.data));
          }, true);
        },
        { defer: true },
      ),
    );
    const ro = new ResizeObserver(() => {
      if (chart && Math.abs(chart.width - box.clientWidth) > 2) chart.setSize({ width: Math.max(280, box.clientWidth), height: height() });
    });
    ro.observe(box);
    // Drawn at once (batch), not in a microtask: the print dialog lays out the page right after.
    const offPrint = onPrintResize(
      box,
      (width) => chart?.batch(() => chart?.setSize({ width: Math.max(280, width), height: height() })),
      () => box.clientWidth,
    );
    onCleanup(() => {
      offPrint();
      alive = false;
      buildQueued?.();
      dataQueued?.();
      ro.disconnect();
      chart?.destroy();
      chart = null;
    });
  });

  return <div class="chart" ref={box} role="img" aria-label={props.label} data-testid={props.testId} style={{ 'min-height': `${height()}px` }} />;
}
