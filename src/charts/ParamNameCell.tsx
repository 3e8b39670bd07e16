/** A parameter's row header in a chart's table: its readable name above its path in the scenario file. */
export function ParamNameCell(props: { label: string; path: string }) {
  return (
    <th scope="row" class="param-name">
      {props.label}
      <br />
      <code class="muted">{props.path}</code>
    </th>
  );
}
