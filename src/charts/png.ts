/** One legend entry as drawn in the PNG: a line (dashed or dotted), a pale band or a solid block. */
export interface PngLegendItem {
  label: string;
  color: string;
  kind?: 'line' | 'band' | 'dash' | 'dot' | 'bar' | 'point';
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

/**
 * Saves a chart (a uPlot canvas or an SVG) as a PNG with its title and legend on a white
 * background, so the picture reads on its own on a slide.
 */
export async function chartToPng(container: HTMLElement, title: string, fileName: string, legend: PngLegendItem[] = []): Promise<void> {
  const canvas = container.querySelector('canvas');
  const svg = container.querySelector('svg.svg-chart') as SVGSVGElement | null;
  let source: CanvasImageSource;
  let w: number;
  let h: number;
  if (canvas) {
    source = canvas;
    w = canvas.width;
    h = canvas.height;
  } else if (svg) {
    const box = svg.getBoundingClientRect();
    const scale = 2;
    w = Math.round(box.width * scale);
    h = Math.round(box.height * scale);
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    clone.setAttribute('width', String(w));
    clone.setAttribute('height', String(h));
    clone.setAttribute('font-family', getComputedStyle(svg).fontFamily);
    const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
    try {
      source = await new Promise<HTMLImageElement>((ok, fail) => {
        const img = new Image();
        img.onload = () => ok(img);
        img.onerror = () => fail(new Error('could not draw the chart'));
        img.src = url;
      });
    } finally {
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }
  } else return;
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d')!;
  const legendFont = '16px system-ui, sans-serif';
  ctx.font = legendFont;
  const width = w + 32;
  const spots = legendLayout(legend.map((l) => ctx.measureText(l.label).width), width);
  const rows = legend.length ? Math.max(...spots.map((p) => p.row)) + 1 : 0;
  const titleH = 44;
  const legendH = rows * 24 + (rows ? 8 : 0);
  out.width = width;
  out.height = h + titleH + legendH + 16;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = '600 22px system-ui, sans-serif';
  ctx.fillText(title, 16, 30);
  ctx.font = legendFont;
  legend.forEach((l, i) => {
    const { x, row } = spots[i];
    const y = titleH + row * 24 + 12;
    ctx.save();
    if (l.kind === 'band' || l.kind === 'bar') {
      ctx.globalAlpha = l.kind === 'band' ? 0.35 : 1;
      ctx.fillStyle = l.color;
      ctx.fillRect(x, y - 7, 28, 14);
    } else if (l.kind === 'point') {
      ctx.fillStyle = l.color;
      ctx.beginPath();
      ctx.arc(x + 14, y, 6, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.strokeStyle = l.color;
      ctx.lineWidth = 3;
      ctx.setLineDash(l.kind === 'dash' ? [7, 4] : l.kind === 'dot' ? [2, 4] : []);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + 28, y);
      ctx.stroke();
    }
    ctx.restore();
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(l.label, x + 34, y + 5);
  });
  ctx.drawImage(source, 16, titleH + legendH, w, h);
  const blob = await new Promise<Blob | null>((ok) => out.toBlob(ok, 'image/png'));
  if (!blob) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
