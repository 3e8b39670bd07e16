// Diagnostic, not a test: records a Chromium trace while the default scenario (2,000 runs) runs
// and prints, for each main-thread task over 40 ms, where its time went (script, style, layout,
// paint) and which script functions ran, and how many font lookups (a synchronous round trip to
// the browser process per new font size, see src/components/fontWarmUp.ts) fell inside the run.
//   npx tsx test/e2e/traceLongTasks.ts [dist-dir]
import { chromium } from 'playwright-core';
import { serveStatic } from './server';

interface Ev {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: any;
}

async function main() {
  const dist = process.argv[2] ?? 'dist';
  const server = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    await browser.startTracing(page, { categories: ['fonts', 'blink', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    await page.goto(server.url);
    await page.waitForFunction(() => (window as any).__proeftuin?.state === 'done', null, { timeout: 120_000, polling: 100 });
    await page.waitForTimeout(800);
    const buf = await browser.stopTracing();
    const { traceEvents } = JSON.parse(buf.toString()) as { traceEvents: Ev[] };
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const timing = (await page.evaluate(() => (window as any).__proeftuin.timing)) as { startedAt: number; runEndedAt: number };
    const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'));
    console.log(`DOM elements at the end: ${nodes}`);
    // The renderer main thread: the thread named CrRendererMain with the most RunTask time.
    const mains = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
    const busy = new Map<string, number>();
    for (const e of traceEvents) if (e.name === 'RunTask' && e.ph === 'X' && mains.includes(`${e.pid}:${e.tid}`)) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
    const main = [...busy].sort((a, b) => b[1] - a[1])[0][0];
    const evs = traceEvents.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X').sort((a, b) => a.ts - b.ts);
    const all = evs.filter((e) => e.name === 'RunTask');
    if (nav) {
      // CPU time of the main thread's tasks during the run: what the page's own work costs,
      // whatever else the machine is doing (wall time stretches when the CPU is shared).
      const during = all.filter((e) => (e.ts - nav.ts) / 1000 >= timing.startedAt && (e.ts - nav.ts) / 1000 <= timing.runEndedAt);
      const cpu = during.map((e) => ((e as any).tdur ?? 0) / 1000).sort((a, b) => b - a);
      const wall = during.map((e) => (e.dur ?? 0) / 1000).sort((a, b) => b - a);
      console.log(
        `during the run: ${during.length} tasks; CPU per task, largest: ${cpu
          .slice(0, 8)
          .map((x) => x.toFixed(1))
          .join(', ')} ms; wall, largest: ${wall
          .slice(0, 8)
          .map((x) => x.toFixed(0))
          .join(', ')} ms; total CPU ${cpu.reduce((a, b) => a + b, 0).toFixed(0)} ms`,
      );
    }
    if (nav) {
      const inRun = evs.filter((e) => (e.ts - nav.ts) / 1000 >= timing.startedAt && (e.ts - nav.ts) / 1000 <= timing.runEndedAt);
      const lookups = inRun.filter((e) => e.name === 'WebSandboxSupportLinux::GetWebFontRenderStyleForStrike');
      console.log(`font lookups during the run: ${lookups.length} (${(lookups.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000).toFixed(0)} ms wall)`);
    }
    const minCpu = Number(process.env.MIN_CPU_MS ?? 15) * 1000;
    const tasks = all.filter((e) => (e.dur ?? 0) > Number(process.env.MIN_WALL_MS ?? 40) * 1000 || ((e as any).tdur ?? 0) > minCpu);
    const t0 = nav ? nav.ts : evs[0].ts;
    if (nav) console.log(`run from ${timing.startedAt.toFixed(0)} to ${timing.runEndedAt.toFixed(0)} ms (page time)`);
    for (const task of tasks) {
      const inside = evs.filter((e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && e !== task);
      const sum = new Map<string, { n: number; ms: number }>();
      for (const e of inside) {
        if (
          ![
            'Layout',
            'UpdateLayoutTree',
            'Paint',
            'FunctionCall',
            'TimerFire',
            'EventDispatch',
            'ParseHTML',
            'MajorGC',
            'MinorGC',
            'V8.GC_MARK_COMPACTOR',
            'ResizeObserver',
            'UpdateLayerTree',
            'PrePaint',
            'Layerize',
            'FireAnimationFrame',
            'HitTest',
            'RecalculateStyles',
            'v8.compile',
            'v8.run',
            'EvaluateScript',
          ].includes(e.name)
        )
          continue;
        const s = sum.get(e.name) ?? { n: 0, ms: 0 };
        s.n++;
        s.ms += (e.dur ?? 0) / 1000;
        sum.set(e.name, s);
      }
      const layouts = inside
        .filter((e) => e.name === 'Layout')
        .map((e) => `${((e.dur ?? 0) / 1000).toFixed(1)}${e.args?.beginData?.stackTrace?.[0] ? ` (forced by ${e.args.beginData.stackTrace[0].functionName})` : ''}`);
      const styles = inside.filter((e) => e.name === 'UpdateLayoutTree').map((e) => `${((e.dur ?? 0) / 1000).toFixed(1)}/${e.args?.elementCount ?? '?'}el`);
      console.log(`\n=== task at ${((task.ts - t0) / 1000).toFixed(0)} ms: ${((task.dur ?? 0) / 1000).toFixed(1)} ms wall, ${(((task as any).tdur ?? 0) / 1000).toFixed(1)} ms on the CPU`);
      // Direct children (not inside another child): where the wall time went.
      const direct = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) && (o.dur ?? 0) > (e.dur ?? 0)));
      console.log(
        '    direct: ' +
          direct
            .filter((e) => (e.dur ?? 0) > 1000)
            .map((e) => `${e.name}${e.args?.data?.functionName ? '(' + e.args.data.functionName + ')' : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}/${(((e as any).tdur ?? 0) / 1000).toFixed(1)}`)
            .join(', '),
      );
      for (const [k, v] of [...sum].sort((a, b) => b[1].ms - a[1].ms)) console.log(`    ${k.padEnd(20)} ${String(v.n).padStart(4)}×  ${v.ms.toFixed(1)} ms`);
      console.log(`    layouts: ${layouts.join(', ')}`);
      const calls = inside.filter((e) => (e.name === 'FunctionCall' || e.name === 'TimerFire' || e.name === 'EventDispatch') && (e.dur ?? 0) > 2000);
      console.log(
        `    calls: ${calls.map((e) => `${e.name}:${e.args?.data?.functionName || e.args?.data?.type || ''}@${(e.args?.data?.url ?? '').split('/').pop()}:${e.args?.data?.lineNumber ?? ''} ${((e.dur ?? 0) / 1000).toFixed(1)}/${(((e as any).tdur ?? 0) / 1000).toFixed(1)}`).join(', ')}`,
      );
      console.log(`    style recalcs: ${styles.join(', ')}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
void main();
