// Diagnostic, not a test: profiles the main thread while the default scenario (2,000 runs) runs and
// prints what the long tasks (> 50 ms of busy main thread) spend their time on.
//   npx vite build --minify false --outDir /tmp/dist-plain && npx tsx test/e2e/profileLongTasks.ts /tmp/dist-plain
import { chromium } from 'playwright-core';
import { serveStatic } from './server';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main() {
  const dist = process.argv[2] ?? 'dist';
  const server = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(server.url);
    await page.waitForFunction(() => (window as any).__proeftuin?.state === 'done', null, { timeout: 120_000, polling: 100 });
    await page.waitForTimeout(500);
    const pageNow = (await page.evaluate(() => performance.now())) as number;
    const timing = (await page.evaluate(() => (window as any).__proeftuin.timing)) as { startedAt: number; runEndedAt: number };
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number } };
    // Page time of the profile's start (approximately: the stop call follows the page's clock reading).
    const pageAtProfileStart = pageNow - ((profile as any).endTime - profile.startTime) / 1000;
    console.log(`run from ${(timing.startedAt - pageAtProfileStart).toFixed(0)} to ${(timing.runEndedAt - pageAtProfileStart).toFixed(0)} ms (profile time)`);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    const idle = (id: number) => ['(idle)', '(program)'].includes(byId.get(id)!.callFrame.functionName);
    // Spans of consecutive busy samples.
    let t = profile.startTime;
    const times = profile.timeDeltas.map((d) => (t += d));
    const spans: { from: number; to: number }[] = [];
    let start = -1;
    for (let i = 0; i < profile.samples.length; i++) {
      const busy = !idle(profile.samples[i]);
      if (busy && start < 0) start = i;
      if (!busy && start >= 0) {
        spans.push({ from: start, to: i });
        start = -1;
      }
    }
    /** Adds sample i's time to every distinct function on its stack (inclusive time). */
    const addInclusive = (m: Map<string, number>, i: number, dt: number) => {
      const seen = new Set<string>();
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        const k = name(byId.get(id)!);
        if (seen.has(k)) continue;
        seen.add(k);
        m.set(k, (m.get(k) ?? 0) + dt);
      }
    };
    const top = (m: Map<string, number>, k: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([f, v]) => `${v.toFixed(1).padStart(6)} ms  ${f}`)
        .join('\n    ');
    // The main thread's busy time while the workers run, and what it goes to: on two cores all of it
    // is taken from the run.
    const runFrom = (timing.startedAt - pageAtProfileStart) * 1000 + profile.startTime;
    const runTo = (timing.runEndedAt - pageAtProfileStart) * 1000 + profile.startTime;
    const during = new Map<string, number>();
    let busyDuring = 0;
    for (let i = 0; i + 1 < profile.samples.length; i++) {
      if (times[i] < runFrom || times[i] >= runTo || idle(profile.samples[i])) continue;
      const dt = (times[i + 1] - times[i]) / 1000;
      busyDuring += dt;
      addInclusive(during, i, dt);
    }
    console.log(`main thread busy ${busyDuring.toFixed(0)} ms of the run's ${((runTo - runFrom) / 1000).toFixed(0)} ms; inclusive:\n    ${top(during, Number(process.env.TOP ?? 40))}`);
    for (const s of spans) {
      const ms = (times[s.to] - times[s.from]) / 1000;
      if (ms < Number(process.env.MIN_SPAN_MS ?? 40)) continue;
      const self = new Map<string, number>();
      const incl = new Map<string, number>();
      for (let i = s.from; i < s.to; i++) {
        const dt = (times[i + 1] - times[i]) / 1000;
        const n = name(byId.get(profile.samples[i])!);
        self.set(n, (self.get(n) ?? 0) + dt);
        addInclusive(incl, i, dt);
      }
      console.log(`\n=== busy span at ${((times[s.from] - profile.startTime) / 1000).toFixed(0)} ms, ${ms.toFixed(0)} ms\n  self:\n    ${top(self, 12)}\n  inclusive:\n    ${top(incl, 30)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
void main();
