/**
 * What every chart shares: the type scale, the font, the plot margins and the tick spacing. A chart
 * draws text only in a size from TYPE (a test collects every size the chart sources use), so the
 * page stays at a few known sizes (see `fontWarmUp`) and the charts read as one family.
 */

/** The charts' type scale in px (SVG text is drawn one to one, see `svgWidth`; canvas text is multiplied by the pixel ratio). */
export const TYPE = {
  /** Labels inside marks (numbered dots, bar values). */
  mark: 11,
  /** Notes and secondary labels. */
  note: 12,
  /** Tick labels and row labels of SVG charts. */
  body: 13,
  /** uPlot axes, large enough to read on a projector; the PNG export's meta and key lines. */
  axis: 14,
  /** The PNG export's legend. */
  legend: 16,
  /** The PNG export's title. */
  title: 22,
} as const;

export const FONT_FAMILY = 'system-ui, sans-serif';

/** A CSS/canvas font string at a size of the scale, `scale` times (a canvas's device pixel ratio). */
export const chartFont = (px: number, weight: number | string = 400, scale = 1): string => `${weight} ${Math.round(px * scale)}px ${FONT_FAMILY}`;

/** uPlot's axis and axis-label font. */
export const axisFont = `${TYPE.axis}px ${FONT_FAMILY}`;

/** Plot margins (px) of the SVG charts with two axes: left leaves room for the tick labels, bottom for ticks and axis title. */
export const MARGINS = {
  /** Scatter of risk against return (tick labels in € mln on the left). */
  scatter: { l: 64, r: 14, t: 14, b: 46 },
  /** Histogram of the reduction (percentages on the left, notes above the plot). */
  histogram: { l: 50, r: 10, t: 22, b: 46 },
} as const;

/** Least gap between ticks (px): ticks come from `ticks.ts` with this spacing. */
export const TICK_GAP = 60;
