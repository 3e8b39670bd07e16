import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { onPrintResize } from '../report/printWidth';

/**
 * The drawn width of an SVG chart, so its viewBox can match it one to one: text then appears at
 * the sizes written in the chart (11–14 px) whatever the card's width, instead of being scaled
 * with the drawing (down to 9.5 px in narrow cards). It also keeps the set of font sizes on the
 * page small and known, so the fonts can be looked up before a run (see `warmUpFonts`): the
 * first layout of text in a new size asks the browser process for the font, a round trip that
 * took 40–70 ms of main-thread wall time on a busy 2-core machine during the first run.
 *
 * `initial` is used until the first measurement (and when the element has no width, e.g. in a
 * hidden tab); `min` keeps very narrow cards readable (the drawing is scaled down below it).
 */
export function svgWidth(initial: number, min = 260): { ref: (el: SVGSVGElement) => void; W: Accessor<number>; viewBox: (height: number) => string | undefined } {
  const [W, setW] = createSignal(initial);
  const [measured, setMeasured] = createSignal(false);
  /**
   * No viewBox until the width is known: the first layout then draws user units as pixels, so even
   * that layout's text is at the written sizes (with a viewBox sized for `initial` it would be
   * scaled, and each scaled size is one more font lookup).
   */
  const viewBox = (height: number) => (measured() ? `0 0 ${W()} ${height}` : undefined);
  let ro: ResizeObserver | undefined;
  let offPrint: (() => void) | undefined;
  const ref = (el: SVGSVGElement) => {
    if (typeof ResizeObserver === 'undefined') return;
    ro?.disconnect();
    offPrint?.();
    // Redrawn at the paper's width before printing (a signal update changes the SVG at once).
    offPrint = onPrintResize(
      el,
      (w) => {
        if (w > 0) {
          setW(Math.max(min, w));
          setMeasured(true);
        }
      },
      () => el.getBoundingClientRect().width,
    );
    ro = new ResizeObserver((entries) => {
      const w = entries[entries.length - 1].contentRect.width;
      if (w > 0) {
        setW(Math.max(min, w));
        setMeasured(true);
      }
    });
    ro.observe(el);
  };
  onCleanup(() => {
    ro?.disconnect();
    offPrint?.();
  });
  return { ref, W, viewBox };
}
