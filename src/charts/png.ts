import { atWidth } from '../report/printWidth';
import { chartFont, TYPE } from './chartDefaults';

/** One legend entry as drawn in the PNG: a line (dashed or dotted), a pale band or a solid block. */
export interface PngLegendItem {
  label: string;
  color: string;
  kind?: 'line' | 'band' | 'dash' | 'dot' | 'bar' | 'point';
}

/** What a picture says about itself, so it reads on a slide without the workbench around it. */
export interface PngInfo {
  title: string;
  legend?: PngLegendItem[];
  /** The run: scenario title, date, runs and seed, on one line under the title. */
  meta?: string;
  /** A key for numbered markers ("1. Fee-for-service", …), under the chart. */
  key?: string[];
  /** The key's heading ("Nummers:"). */
  keyTitle?: string;
}

/** Legend entries in rows that fit `width`: [x, y] per entry (y is the row's text baseline). */
export function legendLayout(widths: number[], width: number, x0 = 16, rowH = 24, gap = 22, swatch = 28): { x: number; row: number }[] {
  const out: { x: number; row: number }[] = [];
  let x = x0;
  let row = 0;
  for (const w of widths) {
    const need = swatch + 6 + w;
    if (x > x0 && x + need > width - x0) {
      x = x0;
      row++;
    }
    out.push({ x, row });
    x += need + gap;
  }
  return out;
}

/** The chart's drawing: a uPlot canvas as it is, an SVG drawn at twice its size. */
async function chartImage(container: HTMLElement): Promise<{ source: CanvasImageSource; w: number; h: number; scale: number } | null> {
  const canvas = container.querySelector('canvas');
  const svg = container.querySelector('svg.svg-chart') as SVGSVGElement | null;
  if (canvas) {
    // A copy: the chart is redrawn at its screen width once this returns.
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    copy.getContext('2d')!.drawImage(canvas, 0, 0);
    return { source: copy, w: canvas.width, h: canvas.height, scale: Math.max(1, window.devicePixelRatio || 1) };
  }
  if (!svg) return null;
  // The drawing's own size (its viewBox), which may differ from its box on the page while it is
  // redrawn at a picture's width.
  const vb = svg.viewBox?.baseVal;
  const box = vb && vb.width > 0 ? { width: vb.width, height: vb.height } : svg.getBoundingClientRect();
  const scale = 2;
  const w = Math.round(box.width * scale);
  const h = Math.round(box.height * scale);
  if (w === 0 || h === 0) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.setAttribute('font-family', getComputedStyle(svg).fontFamily);
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  try {
    const img = await new Promise<HTMLImageElement>((ok, fail) => {
      const im = new Image();
      im.onload = () => ok(im);
      im.onerror = () => fail(new Error('could not draw the chart'));
      im.src = url;
    });
    return { source: img, w, h, scale };
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** Words of `text` in lines no wider than `width` as `ctx` measures them. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of text.split(/\s+/)) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && ctx.measureText(next).width > width) {
      out.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * A chart (a uPlot canvas or an SVG) as a PNG: a header band with its title and the run it comes
 * from, its legend, the chart, and a key for numbered markers, on white. Text is sized with the
 * chart's own scale so that it stays in proportion on a slide. Null when there is no chart.
 */
/** The width (CSS px) every chart is drawn at for a picture: the same on a slide whichever card it came from. */
export const PICTURE_WIDTH = 960;

export async function renderChartPng(container: HTMLElement, info: PngInfo): Promise<Blob | null> {
  const img = await atWidth(container, PICTURE_WIDTH, () => chartImage(container));
  if (!img) return null;
  const k = Math.max(1, img.scale);
  const pad = Math.round(16 * k);
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d')!;
  const font = (px: number, weight = '400') => chartFont(Math.round(px * k), weight);
  const legend = info.legend ?? [];
  const width = img.w + 2 * pad;
  ctx.font = font(TYPE.legend);
  const rowH = Math.round(24 * k);
  const spots = legendLayout(
    legend.map((l) => ctx.measureText(l.label).width),
    width,
    pad,
    rowH,
    Math.round(22 * k),
    Math.round(28 * k),
  );
  const legendRows = legend.length ? Math.max(...spots.map((p) => p.row)) + 1 : 0;
  ctx.font = font(TYPE.axis);
  const keyLines = info.key?.length ? wrap(ctx, `${info.keyTitle ?? ''} ${info.key.join(' · ')}`.trim(), width - 2 * pad) : [];
  ctx.font = font(TYPE.title, '600');
  const titleLines = wrap(ctx, info.title, width - 2 * pad).slice(0, 2);
  const titleH = Math.round((titleLines.length * 28 + 10) * k);
  const metaH = info.meta ? Math.round(24 * k) : 0;
  const headerH = titleH + metaH + Math.round(6 * k);
  const legendH = legendRows * rowH + (legendRows ? Math.round(8 * k) : 0);
  const keyH = keyLines.length * Math.round(21 * k) + (keyLines.length ? Math.round(10 * k) : 0);
  out.width = width;
  out.height = headerH + legendH + img.h + keyH + pad;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = font(TYPE.title, '600');
  titleLines.forEach((line, i) => ctx.fillText(line, pad, Math.round((30 + i * 28) * k)));
  if (info.meta) {
    ctx.fillStyle = '#444';
    ctx.font = font(TYPE.axis);
    ctx.fillText(info.meta, pad, titleH + Math.round(14 * k));
  }
  ctx.font = font(TYPE.legend);
  legend.forEach((l, i) => {
    const { x, row } = spots[i];
    const y = headerH + row * rowH + Math.round(12 * k);
    const sw = Math.round(28 * k);
    ctx.save();
    if (l.kind === 'band' || l.kind === 'bar') {
      ctx.globalAlpha = l.kind === 'band' ? 0.35 : 1;
      ctx.fillStyle = l.color;
      ctx.fillRect(x, y - Math.round(7 * k), sw, Math.round(14 * k));
    } else if (l.kind === 'point') {
      ctx.fillStyle = l.color;
      ctx.beginPath();
      ctx.arc(x + sw / 2, y, 6 * k, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.strokeStyle = l.color;
      ctx.lineWidth = 3 * k;
      ctx.setLineDash(l.kind === 'dash' ? [7 * k, 4 * k] : l.kind === 'dot' ? [2 * k, 4 * k] : []);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + sw, y);
      ctx.stroke();
    }
    ctx.restore();
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(l.label, x + sw + Math.round(6 * k), y + Math.round(5 * k));
  });
  ctx.drawImage(img.source, pad, headerH + legendH, img.w, img.h);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = font(TYPE.axis);
  keyLines.forEach((line, i) => ctx.fillText(line, pad, headerH + legendH + img.h + Math.round((22 + i * 21) * k)));
  return new Promise<Blob | null>((ok) => out.toBlob(ok, 'image/png'));
}

/** Starts the download of `blob` as `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Saves a chart as a PNG (see renderChartPng). */
export async function chartToPng(container: HTMLElement, fileName: string, info: PngInfo): Promise<void> {
  const blob = await renderChartPng(container, info);
  if (blob) saveBlob(blob, fileName);
}
