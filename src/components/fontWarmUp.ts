/**
 * Looks up, before the first run, every font size, weight and style the result views use.
 *
 * The first layout of text in a size the page has not used yet makes Chromium ask the browser
 * process for the font and its rendering settings (on Linux a synchronous round trip per size).
 * On a busy 2-core machine, with the simulation workers using both cores, those round trips
 * turned the layout after the first partial results into a 50–80 ms main-thread task in about
 * one run in six (traced: 8 lookups, 40–70 ms of wall time, under 4 ms of CPU). Laid out here
 * while the workers are still starting, they cost nothing during the run.
 *
 * The list must cover what the views use; the end-to-end tests compare it with the fonts of all
 * visible text in the results after a run, so a new size in the stylesheet or a chart fails there
 * until it is added here. SVG charts draw text one to one (see `svgWidth`), so their sizes are
 * the px values written in them.
 */

import { TYPE } from '../charts/chartDefaults';

/** [size, weight, style, family] — size in rem (the stylesheet's unit) or px (SVG charts). */
type Sample = [size: string, weight?: number, style?: 'italic', family?: 'monospace'];

const SAMPLES: Sample[] = [
  // Body text, tables, captions, legends, buttons, selects (styles.css).
  ...['0.72rem', '0.78rem', '0.8rem', '0.82rem', '0.85rem', '0.88rem', '0.9rem', '0.92rem', '0.95rem', '1rem'].map((s): Sample => [s, 400]),
  ['0.88rem', 500],
  ['0.92rem', 500],
  ['0.78rem', 600],
  ['0.88rem', 600],
  ['1rem', 600],
  // Headings, figures, numbered model markers (0.8em of a 0.88rem table).
  ...['0.704rem', '0.88rem', '0.92rem', '1rem', '1.02rem', '1.1rem', '1.25rem', '1.4rem', '1.6rem'].map((s): Sample => [s, 700]),
  ['0.78rem', 400, 'italic'],
  ['0.85rem', 400, 'italic'],
  ['1rem', 400, undefined, 'monospace'],
  ['0.8rem', 400, undefined, 'monospace'],
  // SVG charts (font-size attributes from the charts' type scale, drawn one to one).
  ...[TYPE.mark, TYPE.note, TYPE.body, TYPE.axis]
    .map((px) => `${px}px`)
    .flatMap((s): Sample[] => [
      [s, 400],
      [s, 700],
    ]),
];

/** Letters, digits and the symbols the views show (some come from fallback fonts). */
const GLYPHS = 'Aa0123456789 \u00a0€±≥≤–—−→←▸◂✓⚠▶⤓⤒↺…●·×%ëéï';

/** Samples laid out per task: a few lookups each, so no task of its own gets long. */
const PER_TASK = 6;

/** "13.26 700 normal system-ui": how the end-to-end tests name a font in use. */
export function fontKey(cs: CSSStyleDeclaration): string {
  return `${parseFloat(cs.fontSize).toFixed(2)} ${cs.fontWeight} ${cs.fontStyle} ${cs.fontFamily.split(',')[0].trim().replace(/['"]/g, '')}`;
}

let done: Promise<string[]> | null = null;

/**
 * Lays out the samples off screen, a few per task; resolves with the fonts it covered (as
 * `fontKey`s, also kept in `window.__proeftuinFonts` for the tests). Runs once per page.
 */
export function warmUpFonts(): Promise<string[]> {
  if (done) return done;
  done = new Promise((resolve) => {
    if (typeof document === 'undefined') return resolve([]);
    const box = document.createElement('div');
    box.setAttribute('aria-hidden', 'true');
    box.style.cssText = 'position:absolute;left:-10000px;top:0;width:600px;visibility:hidden;pointer-events:none';
    document.body.append(box);
    const keys = new Set<string>();
    let i = 0;
    const step = () => {
      const spans = SAMPLES.slice(i, i + PER_TASK).map(([size, weight, style, family]) => {
        const s = document.createElement('span');
        s.textContent = GLYPHS;
        s.style.cssText = `font-size:${size};font-weight:${weight ?? 400};${style ? `font-style:${style};` : ''}${family ? `font-family:${family};` : ''}`;
        box.append(s);
        return s;
      });
      void box.offsetWidth; // layout now: this is where the fonts are looked up
      for (const s of spans) keys.add(fontKey(getComputedStyle(s)));
      i += PER_TASK;
      if (i < SAMPLES.length) setTimeout(step, 0);
      else {
        box.remove();
        const list = [...keys].sort();
        (window as { __proeftuinFonts?: string[] }).__proeftuinFonts = list;
        resolve(list);
      }
    };
    setTimeout(step, 0);
  });
  return done;
}
