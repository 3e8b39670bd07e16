import { createSignal } from 'solid-js';

/**
 * Charts are drawn at a fixed pixel width, so a chart drawn for the screen is cut at the edge of
 * the paper. Before printing, each chart redraws itself at the width it will have on the page.
 *
 * Two moments: `beforeprint` (the browser's print dialog; the page still has its screen layout,
 * so the width is worked out from the A4 page and the print style sheet's insets), and the
 * change of `matchMedia('print')` (the print layout applies, so the real width can be measured;
 * this is also what a headless browser's PDF export triggers). After printing, the screen width.
 */

/** A4 width minus the @page margins in print.css, in mm. */
const PAGE_CONTENT_MM = 210 - 2 * 14;
/** A card's padding in print.css (mm) and its border (px), on each side. */
const CARD_PAD_MM = 3;
const CARD_BORDER_PX = 1;
const PX_PER_MM = 96 / 25.4;

/** The width `el` will have on an A4 page, worked out from the print style sheet. */
export function estimatedPrintWidth(el: Element): number {
  let w = PAGE_CONTENT_MM * PX_PER_MM;
  for (let p = el.parentElement; p; p = p.parentElement) if (p.classList.contains('card')) w -= 2 * (CARD_PAD_MM * PX_PER_MM + CARD_BORDER_PX);
  return Math.floor(w);
}

export type PrintPhase = 'estimate' | 'measured' | 'screen';
type Phase = PrintPhase;
const listeners = new Set<(phase: Phase) => void>();
let installed = false;
const [printingSignal, setPrinting] = createSignal(false);
/** True from the moment printing starts until it ends: paper-only content (the charts' tables) renders then. */
export const printing = () => {
  install();
  return printingSignal();
};

function install(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  const fire = (phase: Phase) => {
    setPrinting(phase !== 'screen');
    for (const f of [...listeners]) {
      try {
        f(phase);
      } catch {
        // one chart failing to redraw must not keep the others at screen width
      }
    }
  };
  window.addEventListener('beforeprint', () => fire('estimate'));
  window.addEventListener('afterprint', () => fire('screen'));
  const mq = window.matchMedia?.('print');
  mq?.addEventListener?.('change', (e) => fire(e.matches ? 'measured' : 'screen'));
}

/** Each chart's way to redraw at a width, by the element whose width it fills. */
const sizers = new Map<Element, { resize: (width: number) => void; screenWidth: () => number }>();

/**
 * Calls `resize(width)` with the chart's print width before printing and with `screenWidth()`
 * after. `el` is the element whose width the chart fills. Returns the unsubscribe function.
 */
export function onPrintResize(el: Element, resize: (width: number) => void, screenWidth: () => number): () => void {
  install();
  const f = (phase: Phase) => {
    if (!el.isConnected) return;
    if (phase === 'estimate') resize(estimatedPrintWidth(el));
    else if (phase === 'measured') {
      const w = el.getBoundingClientRect().width;
      if (w > 0) resize(Math.floor(w));
    } else resize(screenWidth());
  };
  listeners.add(f);
  const sizer = { resize, screenWidth };
  sizers.set(el, sizer);
  return () => {
    listeners.delete(f);
    if (sizers.get(el) === sizer) sizers.delete(el);
  };
}

/**
 * Runs `f` while the chart drawn in `el` (or in an element inside it) is redrawn at `width`
 * (e.g. a picture for a slide, the same size whatever the card's width), then redraws it at
 * its screen width. Charts without a sizer are left as they are.
 */
export async function atWidth<T>(el: Element, width: number, f: () => Promise<T>): Promise<T> {
  const entry = [...sizers].find(([e]) => e === el || el.contains(e));
  if (!entry) return f();
  entry[1].resize(width);
  try {
    return await f();
  } finally {
    entry[1].resize(entry[1].screenWidth());
  }
}

/** Calls `f` at each print phase (see above). Returns the unsubscribe function. */
export function onPrintPhase(f: (phase: PrintPhase) => void): () => void {
  install();
  listeners.add(f);
  return () => listeners.delete(f);
}
