// Diagnostic, not a test: the e2e long-task measurement alone, repeated, so changes that affect
// main-thread responsiveness can be compared.   npx tsx test/e2e/longTasks.ts [dist-dir] [repeats]
import { chromium } from 'playwright-core';
import { serveStatic } from './server';

async function main() {
  const dist = process.argv[2] ?? 'dist';
  const repeats = Number(process.argv[3] ?? 3);
  const server = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (let i = 0; i < repeats; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
      await ctx.addInitScript(
        'window.__longtasks = []; try { new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { window.__longtasks.push([e.startTime, e.duration]); }); }).observe({ type: "longtask", buffered: true }); } catch (e) {}',
      );
      const page = await ctx.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => (window as any).__proeftuin?.state === 'done', null, { timeout: 120_000, polling: 100 });
      const tasks = (await page.evaluate('window.__longtasks')) as [number, number][];
      const timing = (await page.evaluate(() => (window as any).__proeftuin.timing)) as { startedAt: number; runEndedAt: number; firstResultsAt: number };
      const during = tasks.filter(([s]) => s >= timing.startedAt && s <= timing.runEndedAt);
      console.log(
        `run ${(timing.runEndedAt - timing.startedAt).toFixed(0)} ms, first results ${(timing.firstResultsAt - timing.startedAt).toFixed(0)} ms; during the run: ${during.length} tasks > 50 ms, longest ${during.length ? Math.max(...during.map(([, d]) => d)).toFixed(0) : 0} ms ${JSON.stringify(during.map(([s, d]) => [Math.round(s - timing.startedAt), Math.round(d)]))}`,
      );
      await ctx.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
void main();
