import { Index } from 'solid-js';
import { TYPE } from './chartDefaults';

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
