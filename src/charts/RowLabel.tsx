import { Index } from 'solid-js';
import { TYPE } from './chartDefaults';
import { wrapLabel } from './paramLabel';

/**
 * A bar chart's row name, right-aligned against the bars at `x` and centred on the row whose middle
 * is `mid`, in the lines `wrapLabel` made of it (the tornado and the value-of-information chart
 * name the same parameters the same way).
 */
export function RowLabel(props: { x: number; mid: number; lines: string[] }) {
  return (
    <text x={props.x} y={props.mid + 4 - (props.lines.length - 1) * 8} text-anchor="end" font-size={String(TYPE.body)}>
      <Index each={props.lines}>
        {(l, j) => (
          <tspan x={props.x} dy={j === 0 ? 0 : 16}>
            {l()}
          </tspan>
        )}
      </Index>
    </text>
  );
}

/**
 * The rows of the tornado and of the value-of-information chart, laid out alike for a chart `W`
 * pixels wide: three label lines where the chart is narrow, a label column of up to 400 px and at
 * most 45% of the width, and the characters a line holds at the body font (average glyph ≈ 0.55 em).
 */
export function rowLayout(W: () => number) {
  const maxLines = () => (W() < 800 ? 3 : 2);
  const rowH = () => (maxLines() === 3 ? 54 : 42);
  const labelW = () => Math.min(400, Math.round(0.45 * W()));
  const chars = () => Math.floor((labelW() - 14) / (TYPE.body * 0.55));
  return { rowH, labelW, lines: (label: string) => wrapLabel(label, chars(), maxLines()) };
}
