// Helpers that read what the page drew: canvas pixels, fonts in use, collapsed groups.
import type { ElementHandle, Page } from '@playwright/test';

/**
 * In the page: the fonts of all visible text in the results pane, as fontKey() names them
 * (src/components/fontWarmUp.ts), each with an example element. SVG text at its drawn size.
 */
export const FONTS_IN_RESULTS = `(() => {
  const out = {};
  for (const el of document.querySelectorAll('#results *')) {
    if (el.closest('.print-only') || !el.getClientRects().length) continue;
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible') continue;
    let px = parseFloat(cs.fontSize);
    if (el instanceof SVGElement && el.getScreenCTM()) { const m = el.getScreenCTM(); px *= Math.hypot(m.a, m.b); }
    const k = px.toFixed(2) + ' ' + cs.fontWeight + ' ' + cs.fontStyle + ' ' + cs.fontFamily.split(',')[0].trim().replace(/['"]/g, '');
    out[k] = out[k] || (el.tagName.toLowerCase() + (el.closest('[data-testid]') ? ' in ' + el.closest('[data-testid]').getAttribute('data-testid') : ''));
  }
  return out;
})()`;

/** Pixels of a chart's canvas: all painted ones and those in the scenario's blue. */
export async function canvasPixels(page: Page, testId: string): Promise<{ width: number; height: number; painted: number; blue: number; grey: number }> {
  await page.waitForSelector(`[data-testid="${testId}"] canvas`, { timeout: 10_000 });
  return page.evaluate((id) => {
    const c = document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement | null;
    if (!c) throw new Error(`no canvas in ${id}`);
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    let blue = 0;
    let grey = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b, a] = [d[i], d[i + 1], d[i + 2], d[i + 3]];
      if (a === 0) continue;
      if (r > 245 && g > 245 && b > 245) continue;
      painted++;
      if (b > r + 60 && b > g + 20) blue++;
      else if (Math.abs(r - g) < 12 && Math.abs(g - b) < 12 && r > 60 && r < 235) grey++;
    }
    return { width: c.width, height: c.height, painted, blue, grey };
  }, testId);
}

/** Pixels of a chart's canvas close to each of `colors` (#rrggbb), e.g. one count per model's line colour. */
export async function colourPixels(page: Page, testId: string, colors: string[]): Promise<number[]> {
  await page.waitForSelector(`[data-testid="${testId}"] canvas`, { timeout: 10_000 });
  return page.evaluate(
    ([id, cs]) => {
      const c = document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const rgb = (cs as string[]).map((h) => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16)));
      const n = rgb.map(() => 0);
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] < 200) continue;
        rgb.forEach(([r, g, b], k) => {
          if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 40) n[k]++;
        });
      }
      return n;
    },
    [testId, colors] as const,
  );
}

/** Parses a Dutch percentage ("12,3%", "0,0 %") into a number of percent. */
export const nlPct = (s: string) => Number(s.replace(/[^\d,-]/g, '').replace(',', '.'));

/**
 * Opens every collapsed group around an element, as a user would by clicking the group titles,
 * and scrolls it into view; returns the element.
 */
export async function reveal(page: Page, selector: string): Promise<ElementHandle<HTMLElement>> {
  const el = (await page.waitForSelector(selector, { state: 'attached' })) as ElementHandle<HTMLElement>;
  await el.evaluate((e) => {
    for (let p = e.parentElement; p; p = p.parentElement) if (p instanceof HTMLDetailsElement) p.open = true;
  });
  await el.scrollIntoViewIfNeeded();
  return el;
}
