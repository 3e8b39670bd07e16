/**
 * "€ 38,8 mln (± € 0,6 mln)" in a table cell: the value and its error each stay on one line, so a
 * narrow column breaks only between them, never inside an amount.
 */
export function ValueSe(props: { v: string; e: string }) {
  return (
    <>
      <span class="nowrap">{props.v}</span> <span class="nowrap">(± {props.e})</span>
    </>
  );
}
