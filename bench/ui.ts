// npm run bench:ui [-- --opens N] [--edits N] [--only open|design] [--dist DIR] [--record]
// The workbench as a person meets it, in Debian's Chromium on the production build (dist/, served
// with its Content-Security-Policy by test/e2e/server.ts): the time from opening the page to the
// complete default answer (2,000 runs, every view drawn and the page idle again), the time from
// the last keystroke of an edit (the population, then a contract's sharing rate, typed key by key)
// to the complete updated answer,
// each web worker's time from being created to answering its first message, the main
// thread's long tasks (over 50 ms) in each of those spans, and the contract designer's search of
// 8 values per term of three terms (512 variants) on 2,000 runs: the click to the complete
// result, the progress updates shown, and Stop's click to the panel idle again. Printed; with --record appended to
// bench/README.md with the date. Nothing here is asserted: the numbers depend on the machine.
import { appendFileSync, existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from '../test/e2e/server';
import type { ProeftuinHook } from '../src/testHook';
import { median } from './core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIST = join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Typed into the population field one key at a time (Dutch notation, the page's default language). */
const EDITS = ['165000', '170000', '175000', '168000', '172000'];
/** Typed into the one-sided shared-savings contract's sharing rate (per cent): only contract terms change, so the workers settle their kept care. */
const TERM_EDITS = ['55', '60', '45', '65', '40'];
const POPULATION = 'region.population';
const SHARING_RATE = 'financing.models[2].sharingRate.value';
const KEY_DELAY_MS = 60;

/**
 * Runs in the page before its own scripts. Every web worker the page creates is sent one comlink
 * request of our own at once (a GET of a property no API has, with an id comlink's callers never
 * use, which they ignore); its reply marks the moment the worker has loaded and answers. Long
 * tasks and the last keydown are recorded too.
 */
const INIT = `(() => {
  const B = (window.__bench = { workers: [], longTasks: [], lastKey: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  addEventListener('keydown', (e) => { B.lastKey = performance.now(); }, true);
  B.lastClick = 0;
  addEventListener('click', () => { B.lastClick = performance.now(); }, true);
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(url, opts) {
      super(url, opts);
      const rec = { url: String(url), created: performance.now(), ready: null };
      B.workers.push(rec);
      const id = 'bench-ready-' + B.workers.length;
      const onReply = (ev) => {
        if (!ev.data || ev.data.id !== id) return;
        rec.ready = performance.now();
        this.removeEventListener('message', onReply);
        ev.stopImmediatePropagation();
      };
      this.addEventListener('message', onReply);
      this.postMessage({ id, type: 'GET', path: ['__benchReadyProbe'] });
    }
  };
})()`;

interface BenchState {
  workers: { url: string; created: number; ready: number | null }[];
  longTasks: { start: number; duration: number }[];
  lastKey: number;
}

/** Resolves, in page time, when the page shows a complete answer of at least generation `g`. */
async function answered(page: Page, g: number): Promise<number> {
  const h = await page.waitForFunction(
    (gen) => {
      const p = (window as any).__proeftuin;
      if (p && p.state === 'error') throw new Error(`run failed: ${p.error}`);
      return p && p.state === 'done' && p.generation >= gen && p.settled !== false && !p.shownPartial ? performance.now() : 0;
    },
    g,
    { timeout: 10 * 60_000, polling: 'raf' },
  );
  return (await h.jsonValue()) as number;
}

const bench = (page: Page) => page.evaluate(() => (window as any).__bench as BenchState);
const hookOf = (page: Page) => page.evaluate(() => (window as any).__proeftuin as ProeftuinHook);
const tasksIn = (s: BenchState, from: number, to: number) => s.longTasks.filter((t) => t.start + t.duration > from && t.start < to);

interface Open {
  ms: number;
  runStart: number;
  runEnd: number;
  summarized: number;
  runs: number;
  workers: { name: string; created: number; readyAfter: number | null }[];
  longTasks: number;
  maxLongTask: number;
}
interface Edit {
  ms: number;
  /** Last keystroke → the first updated (partial) numbers on screen. */
  firstMs: number;
  /** Last keystroke → the run started (the pause after typing), the run itself, and its end → every view drawn. */
  startMs: number;
  runMs: number;
  /** Run started → the first runs reported done (the scenario validated, defined and loaded by the workers). */
  firstRunsMs: number;
  drawMs: number;
  /** Run ended → its final summary (made in the summary worker) on the UI thread. */
  summaryMs: number;
  longTasks: number;
  maxLongTask: number;
}

async function openOnce(browser: Browser, base: string): Promise<{ open: Open; page: Page; close: () => Promise<void> }> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
  await ctx.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  await ctx.addInitScript(INIT);
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(base);
  const done = await answered(page, 1);
  if (problems.length) throw new Error(`page errors: ${problems.join('; ')}`);
  // The workers' first replies may come after the answer only for workers made late (analyses).
  await page.waitForTimeout(300);
  const s = await bench(page);
  const hook = await hookOf(page);
  const tasks = tasksIn(s, 0, done);
  return {
    open: {
      ms: done,
      runStart: hook.timing.startedAt,
      runEnd: hook.timing.runEndedAt,
      summarized: hook.timing.summarizedAt,
      runs: hook.summary?.runs ?? 0,
      workers: s.workers.map((w) => ({ name: w.url.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '.js'), created: w.created, readyAfter: w.ready === null ? null : w.ready - w.created })),
      longTasks: tasks.length,
      maxLongTask: Math.max(0, ...tasks.map((t) => t.duration)),
    },
    page,
    close: () => ctx.close(),
  };
}

async function editOnce(page: Page, path: string, text: string): Promise<Edit> {
  const sel = `[data-path="${path}"]`;
  const el = await page.waitForSelector(sel, { state: 'attached' });
  await el.evaluate((e) => {
    for (let p = e.parentElement; p; p = p.parentElement) if (p instanceof HTMLDetailsElement) p.open = true;
  });
  await el.scrollIntoViewIfNeeded();
  const g = (await hookOf(page)).generation;
  await el.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text, { delay: KEY_DELAY_MS });
  const done = await answered(page, g + 1);
  const s = await bench(page);
  const tasks = tasksIn(s, s.lastKey, done);
  const t = (await hookOf(page)).timing;
  return {
    ms: done - s.lastKey,
    firstMs: t.firstResultsAt - s.lastKey,
    startMs: t.startedAt - s.lastKey,
    runMs: t.runEndedAt - t.startedAt,
    firstRunsMs: t.firstProgressAt - t.startedAt,
    drawMs: done - t.runEndedAt,
    summaryMs: t.summarizedAt - t.runEndedAt,
    longTasks: tasks.length,
    maxLongTask: Math.max(0, ...tasks.map((x) => x.duration)),
  };
}

/** The designer's search the bench asks for: the one-sided shared-savings contract, three of its terms. */
const DESIGN = { contract: 'ss-one', terms: ['sharingRate', 'minimumSavingsRate.fixed', 'savingsCap'], levels: 8, runs: 2000 };

interface DesignRun {
  ms: number;
  progressUpdates: number;
  /** Click → the first variant settled (the care simulated), and → the last one settled (the rest is drawing the result). */
  firstSettledMs: number;
  lastSettledMs: number;
  found: string;
  longTasks: number;
  maxLongTask: number;
  /** The longest main-thread task from the last variant settled to the result drawn. */
  maxDrawTask: number;
}
interface DesignStop {
  /** What the panel showed when Stop was clicked. */
  at: string;
  ms: number;
}

/** The designer's form set to `DESIGN`, every number typed key by key. */
async function designForm(page: Page) {
  const panel = page.locator('[data-testid="design-panel"]');
  await panel.scrollIntoViewIfNeeded();
  await page.selectOption('[data-testid="design-contract"]', DESIGN.contract);
  for (const [i, t] of DESIGN.terms.entries()) await page.selectOption(`[data-testid="design-term-${i}"]`, t);
  for (const [sel, text] of [
    ['design-levels', String(DESIGN.levels)],
    ['design-runs', String(DESIGN.runs)],
  ]) {
    await page.click(`[data-testid="${sel}"]`, { clickCount: 3 });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text, { delay: KEY_DELAY_MS });
  }
}

/** Counts, in the page, each new text of the designer's progress line until `stopCount` is called. */
const watchProgress = (page: Page) =>
  page.evaluate(() => {
    const B = (window as any).__bench;
    B.progress = [];
    let last = '';
    const panel = document.querySelector('[data-testid="design-panel"]')!;
    B.progressObserver?.disconnect();
    B.progressObserver = new MutationObserver(() => {
      const t = panel.querySelector('[data-testid="design-progress"]')?.textContent ?? '';
      if (t && t !== last) B.progress.push({ t, at: performance.now() });
      last = t;
    });
    B.progressObserver.observe(panel, { subtree: true, childList: true, characterData: true });
  });

async function designOnce(page: Page): Promise<DesignRun> {
  await watchProgress(page);
  await page.click('[data-testid="design-run"]');
  const h = await page.waitForFunction(
    () => {
      const msg = document.querySelector('[data-testid="design-message"]');
      if (msg) throw new Error(`the search failed: ${msg.textContent}`);
      const done = document.querySelector('[data-testid="design-result"]') && !document.querySelector('[data-testid="design-cancel"]');
      return done ? performance.now() : 0;
    },
    null,
    { timeout: 10 * 60_000, polling: 'raf' },
  );
  const end = (await h.jsonValue()) as number;
  const s = (await bench(page)) as BenchState & { lastClick: number; progress: { t: string; at: number }[] };
  const tasks = tasksIn(s, s.lastClick, end);
  // The first text is the "simulating care" line; the others are the variants' progress.
  const settled = s.progress.filter((p) => /^\d/.test(p.t));
  return {
    ms: end - s.lastClick,
    progressUpdates: settled.length,
    firstSettledMs: (settled[0]?.at ?? NaN) - s.lastClick,
    lastSettledMs: (settled[settled.length - 1]?.at ?? NaN) - s.lastClick,
    found: ((await page.textContent('[data-testid="design-found"]')) ?? '').trim(),
    longTasks: tasks.length,
    maxLongTask: Math.max(0, ...tasks.map((t) => t.duration)),
    maxDrawTask: Math.max(0, ...tasksIn(s, settled[settled.length - 1]?.at ?? s.lastClick, end).map((t) => t.duration)),
  };
}

/** Starts the search, clicks Stop once the progress line shows `when`, and times the click to the panel idle (Stopped shown, Search enabled). */
async function stopOnce(page: Page, when: 'simulating' | 'settling'): Promise<DesignStop> {
  await watchProgress(page);
  await page.click('[data-testid="design-run"]');
  await page.waitForFunction(
    (w) => {
      const t = document.querySelector('[data-testid="design-progress"]')?.textContent ?? '';
      return w === 'simulating' ? t !== '' : /^\d/.test(t) && !t.startsWith('0 ');
    },
    when,
    { timeout: 10 * 60_000, polling: 'raf' },
  );
  const at = ((await page.textContent('[data-testid="design-progress"]')) ?? '').trim();
  await page.click('[data-testid="design-cancel"]');
  const h = await page.waitForFunction(
    () => {
      const idle = document.querySelector('[data-testid="design-cancelled"]') && !(document.querySelector('[data-testid="design-run"]') as HTMLButtonElement).disabled;
      return idle ? performance.now() : 0;
    },
    null,
    { timeout: 60_000, polling: 'raf' },
  );
  const end = (await h.jsonValue()) as number;
  const s = (await bench(page)) as BenchState & { lastClick: number };
  return { at, ms: end - s.lastClick };
}

async function main() {
  const { values } = parseArgs({ options: { opens: { type: 'string' }, edits: { type: 'string' }, only: { type: 'string' }, record: { type: 'boolean' }, dist: { type: 'string' } } });
  // Another build's directory (a copy of dist/ from another commit), to alternate builds in A/B comparisons.
  const DIST = values.dist ? resolve(values.dist) : DEFAULT_DIST;
  const only = values.only;
  if (only !== undefined && only !== 'open' && only !== 'design') throw new Error(`--only ${only}: choose open (opening and edits) or design (the contract designer)`);
  const opens = Number(values.opens ?? 3);
  const edits = Math.min(EDITS.length, Number(values.edits ?? 3));
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} holds no build: run \`npm run build\` first (npm run bench:ui does), or give --dist a copy of dist/`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const version = browser.version();
  const load0 = loadavg()[0];
  const rows: [string, string][] = [];
  const say = (what: string, result: string) => {
    rows.push([what, result]);
    process.stdout.write(`${what}: ${result}\n`);
  };
  const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
  const list = (xs: number[]) => `median ${ms(median(xs))} (${xs.map((x) => Math.round(x)).join(' / ')} ms)`;
  try {
    const o: Open[] = [];
    const e: Edit[] = [];
    const te: Edit[] = [];
    for (let k = 0; k < (only === 'design' ? 0 : opens); k++) {
      const r = await openOnce(browser, server.url);
      o.push(r.open);
      // Edits in the last page only: each is typed into the field of the page as a person left it.
      if (k === opens - 1) {
        // The page makes its offline cache once the first answer is drawn (about a second of a
        // core); a person reads that answer before typing, so the edits start after it.
        await r.page.evaluate(() => navigator.serviceWorker?.ready);
        for (let j = 0; j < edits; j++) e.push(await editOnce(r.page, POPULATION, EDITS[j]));
        for (let j = 0; j < edits; j++) te.push(await editOnce(r.page, SHARING_RATE, TERM_EDITS[j]));
      }
      await r.close();
    }
    if (o.length) say(`open → complete default answer (${o[0].runs.toLocaleString('en')} runs, every view drawn, page idle), fresh profile, ${opens} opens`, list(o.map((x) => x.ms)));
    if (o.length) say('  of which: open → run started', list(o.map((x) => x.runStart)));
    if (o.length) say('  of which: run started → run ended', list(o.map((x) => x.runEnd - x.runStart)));
    if (o.length) say('  of which: run ended → every view drawn', list(o.map((x) => x.ms - x.runEnd)));
    if (o.length) say('    of which: run ended → final summary on the UI thread', list(o.map((x) => x.summarized - x.runEnd)));
    if (o.length)
      say(
        'main-thread long tasks (> 50 ms) from open to the answer',
        `count median ${median(o.map((x) => x.longTasks))} (${o.map((x) => x.longTasks).join(' / ')}), longest median ${ms(median(o.map((x) => x.maxLongTask)))} (${o.map((x) => Math.round(x.maxLongTask)).join(' / ')} ms)`,
      );
    const names = [...new Set(o.flatMap((x) => x.workers.map((w) => w.name)))];
    for (const name of names) {
      const ready = o.flatMap((x) => x.workers.filter((w) => w.name === name)).map((w) => w.readyAfter);
      const created = o.flatMap((x) => x.workers.filter((w) => w.name === name)).map((w) => w.created);
      const per = o[0].workers.filter((w) => w.name === name).length;
      say(
        `worker ${name} (${per} per page): created → answering`,
        `${ready.some((x) => x === null) ? `${ready.filter((x) => x === null).length} never answered; ` : ''}${list(ready.filter((x): x is number => x !== null))}; created at ${list(created)} after opening`,
      );
    }
    for (const [what, xs] of [
      ['population', e],
      ['a contract term (the sharing rate of ss-one)', te],
    ] as const) {
      if (!xs.length) continue;
      say(
        `last keystroke of an edit of ${what} (typed key by key, ${KEY_DELAY_MS} ms between keys) → first updated numbers on screen (partial results; they show 200–400 ms after the last key at the earliest, three times the typist's usual gap, while the run starts at the keys)`,
        list(xs.map((x) => x.firstMs)),
      );
      say(`last keystroke of an edit of ${what} (typed key by key, ${KEY_DELAY_MS} ms between keys) → complete updated answer, ${xs.length} edits`, list(xs.map((x) => x.ms)));
      say('  of which: last keystroke → run started', list(xs.map((x) => x.startMs)));
      say('  of which: run started → run ended', list(xs.map((x) => x.runMs)));
      say('    of which: run started → first runs done (validated, defined, loaded)', list(xs.map((x) => x.firstRunsMs)));
      say('  of which: run ended → every view drawn', list(xs.map((x) => x.drawMs)));
      say('    of which: run ended → final summary on the UI thread', list(xs.map((x) => x.summaryMs)));
      say(
        `main-thread long tasks from the last keystroke to the answer (${what})`,
        `count median ${median(xs.map((x) => x.longTasks))} (${xs.map((x) => x.longTasks).join(' / ')}), longest median ${ms(median(xs.map((x) => x.maxLongTask)))} (${xs.map((x) => Math.round(x.maxLongTask)).join(' / ')} ms)`,
      );
    }
    if (only !== 'open') {
      // A page of its own, opened and answered as a person meets it, then the designer used twice: a whole search, and one stopped at each stage.
      const r = await openOnce(browser, server.url);
      await designForm(r.page);
      const d = await designOnce(r.page);
      const stops = [await stopOnce(r.page, 'simulating'), await stopOnce(r.page, 'settling')];
      await r.close();
      const what = `${DESIGN.contract}, ${DESIGN.terms.length} terms × ${DESIGN.levels} values (${(DESIGN.levels ** DESIGN.terms.length).toLocaleString('en')} variants) on ${DESIGN.runs.toLocaleString('en')} runs, 2 workers`;
      say(`designer: click Search → complete result (${what}; target under 10 s)`, `${ms(d.ms)}; panel says "${d.found}"`);
      say('  of which: click → first variants settled (the care simulated on 2,000 runs)', ms(d.firstSettledMs));
      say('  of which: first → last variants settled', ms(d.lastSettledMs - d.firstSettledMs));
      say('  of which: last variants settled → result drawn, page idle', ms(d.ms - d.lastSettledMs));
      say('designer: progress updates shown during that search ("n of 512 variants settled")', String(d.progressUpdates));
      say('designer: main-thread long tasks during that search', `count ${d.longTasks}, longest ${ms(d.maxLongTask)}`);
      say('designer: longest main-thread long task drawing the result (last variants settled → page idle)', ms(d.maxDrawTask));
      for (const x of stops) say(`designer: click Stop → panel idle (Stopped shown, Search enabled), stopped at "${x.at}" (target under 1 s)`, ms(x.ms));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const load = `load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
  process.stdout.write(`${load}\n`);
  if (values.record) {
    const date = new Date().toISOString().slice(0, 10);
    const machine = `${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Chromium ${version}; ${load}`;
    const table = ['| measure | result |', '|---|---|', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
    appendFileSync(join(ROOT, 'bench/README.md'), `\n## ${date}, bench:ui (${machine})\n\n${table}\n`);
    process.stdout.write('recorded in bench/README.md\n');
  }
}

await main();
