/** Saves a chart (a uPlot canvas or an SVG) as a PNG with its title, on a white background. */
export async function chartToPng(container: HTMLElement, title: string, fileName: string): Promise<void> {
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
  const titleH = 44;
  const out = document.createElement('canvas');
  out.width = w + 32;
  out.height = h + titleH + 16;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = '600 22px system-ui, sans-serif';
  ctx.fillText(title, 16, 30);
  ctx.drawImage(source, 16, titleH, w, h);
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
