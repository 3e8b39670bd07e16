// End-to-end test of the built app in Debian's headless Chromium: npx tsx test/e2e/run.ts
// Needs `npm run build` first (npm test does that). Screenshots go to test-artifacts/.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from './server';
import { Harness, KnownIssue, assert } from './harness';
import { defaultWithRuns, differences, maxRelativeDifference, nodeReference } from './reference';
import { MATH_PROBE, probeDifferences, runProbeHere, type ProbeResult } from './mathProbe';
import type { ProeftuinHook } from '../../src/testHook';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Runs per page load: small enough for a 2-core machine, large enough for stable numbers. */
const RUNS = 400;
const TIMEOUT_MS = 170_000;

/**
 * Bit-identity with Node is required by the engine's design, but Chromium's V8 and Node 20's V8
 * round Math.exp/log/pow differently in the last bit (measured by the math probe), so until the
 * engine uses its own implementations of those functions the results can only agree to ~1e-12.
 * With E2E_BIT_IDENTICAL=1 a bit difference fails the run; otherwise it is reported as a known
 * engine issue when (and only when) the probe shows the two engines' Math functions differ.
 */
const STRICT_BITS = process.env.E2E_BIT_IDENTICAL === '1';
/** Agreement required in any case: far below Monte Carlo noise, far above last-bit rounding. */
const REL_TOLERANCE = 1e-9;

const h = new Harness();

async function waitDone(page: Page, minGeneration = 1, timeout = 60_000): Promise<ProeftuinHook> {
  await page.waitForFunction(
    (g) => {
      const p = (window as any).__proeftuin;
      return p && (p.state === 'error' || (p.state === 'done' && p.generation >= g));
    },
    minGeneration,
    { timeout, polling: 100 },
  );
  const hook = (await page.evaluate(() => (window as any).__proeftuin)) as ProeftuinHook;
  assert(hook.state === 'done', `page reports state ${hook.state}: ${hook.error ?? ''}`);
  return hook;
}

/** Pixels of a chart's canvas: all painted ones and those in the scenario's blue. */
async function canvasPixels(page: Page, testId: string): Promise<{ width: number; height: number; painted: number; blue: number; grey: number }> {
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

async function main() {
  assert(existsSync(join(DIST, 'index.html')), 'dist/ is missing: run `npm run build` first');
  assert(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  mkdirSync(ARTIFACTS, { recursive: true });

  console.log(`E2E: Node reference for the default scenario, ${RUNS} runs…`);
  const input = defaultWithRuns(RUNS);
  const ref = await nodeReference(input, RUNS);

  const server = await serveStatic(DIST);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
    // No network beyond the static server: anything else is a bug (the app must work offline).
    await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });

    const url = `${server.url}?runs=${RUNS}`;
    let hook: ProeftuinHook | null = null;

    await h.check('load: default scenario runs on open and finishes', async () => {
      await page.goto(url);
      await page.waitForSelector('[data-testid="run-state"]', { timeout: 10_000 });
      hook = await waitDone(page);
      assert(hook.summary && hook.summary.runs === RUNS, `expected ${RUNS} runs, got ${hook.summary?.runs}`);
      assert(!hook.cancelled, 'run reported as cancelled');
    });

    await h.check('headline numbers visible, plausible and in Dutch notation', async () => {
      assert(hook?.summary, 'no summary');
      const s = hook.summary;
      const last = s.years[s.years.length - 1];
      const val = async (id: string) => Number(await page.getAttribute(`[data-testid="${id}"]`, 'data-value'));
      assert((await val('headline-cf-total')) === last.cf.total.mean, 'cf total in DOM ≠ summary');
      assert((await val('headline-sc-total')) === last.sc.total.mean, 'sc total in DOM ≠ summary');
      assert((await val('headline-reduction')) === last.reduction.mean, 'reduction in DOM ≠ summary');
      assert((await val('headline-p-target')) === last.pReachTarget.p, 'P(target) in DOM ≠ summary');
      assert((await val('headline-msr')) === s.minimumSavingsRate.closedForm, 'MSR in DOM ≠ summary');
      assert(last.cf.total.mean > 1e8 && last.cf.total.mean < 2e9, `cf total implausible: ${last.cf.total.mean}`);
      assert(last.reduction.mean > -0.1 && last.reduction.mean < 0.2, `reduction implausible: ${last.reduction.mean}`);
      assert(last.pReachTarget.p >= 0 && last.pReachTarget.p <= 1, 'P(target) not a probability');
      assert(s.minimumSavingsRate.closedForm > 0 && s.minimumSavingsRate.closedForm < 0.2, 'MSR implausible');
      const euroText = (await page.textContent('[data-testid="headline-cf-total-euro"]'))!.trim();
      assert(/^€\s\d{1,3}(\.\d{3})+$/.test(euroText), `not Dutch euro notation: "${euroText}"`);
      const headline = (await page.textContent('[data-testid="headline"]'))!;
      assert(headline.includes('mln') && headline.includes('±'), 'headline lacks mln amounts or ±');
      assert(/Kans dat de besparing ≥ 2\s?% is/.test(headline), 'P(target) not explained in plain Dutch');
      assert(/\d+,\d+\s?%/.test(headline), 'percentages not in Dutch notation (decimal comma)');
    });

    await h.check('fan chart canvas is not blank (scenario blue and counterfactual grey drawn)', async () => {
      const px = await canvasPixels(page, 'fan-chart');
      const area = px.width * px.height;
      assert(area > 100_000, `canvas too small: ${px.width}×${px.height}`);
      assert(px.painted > area * 0.05, `only ${px.painted} painted pixels of ${area}`);
      assert(px.blue > area * 0.01, `only ${px.blue} scenario-blue pixels`);
      assert(px.grey > area * 0.005, `only ${px.grey} grey pixels`);
    });
    await page.screenshot({ path: join(ARTIFACTS, '01-default-nl.png'), fullPage: true });

    await h.check(`browser summary equals Node's (${RUNS} runs, in-process worker) to ${REL_TOLERANCE} relative, same scenario hash`, async () => {
      assert(hook?.summary, 'no summary');
      assert(hook.scenarioHash === ref.hash, `scenario hash ${hook.scenarioHash} ≠ Node ${ref.hash}`);
      const worst = maxRelativeDifference(hook.summary, ref.summary);
      assert(worst.rel <= REL_TOLERANCE, `largest relative difference ${worst.rel} at ${worst.path}`);
    });

    await h.check(`browser summary is bit-identical to Node's`, async () => {
      assert(hook?.summary, 'no summary');
      const diff = differences(hook.summary, ref.summary, '', [], 5);
      if (diff.length === 0) return;
      const probe = probeDifferences(runProbeHere(), (await page.evaluate(MATH_PROBE)) as ProbeResult);
      const engineMathDiffers = Object.values(probe).some((n) => n > 0);
      const msg = `differs in the last bits at:\n      ${diff.join('\n      ')}\n      Math probe, values differing Node vs Chromium: ${JSON.stringify(probe)}`;
      if (STRICT_BITS || !engineMathDiffers) throw new Error(msg);
      throw new KnownIssue(`${msg}\n      (engine issue: models/ use the engines' own Math.exp/log/pow; set E2E_BIT_IDENTICAL=1 to fail on it)`);
    });

    await h.check('table view behind the fan chart shows the same numbers', async () => {
      await page.click('[data-testid="fan-table-toggle"]');
      const rows = await page.$$eval('[data-testid="fan-table"] tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
      assert(rows.length === hook!.summary!.years.length, `table has ${rows.length} rows`);
      const y0 = hook!.summary!.years[0];
      const nl = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(y0.cf.total.p50);
      assert(rows[0].includes(nl), `first row lacks ${nl}: ${rows[0]}`);
      await page.screenshot({ path: join(ARTIFACTS, '02-fan-table.png'), fullPage: true });
      await page.click('[data-testid="fan-table-toggle"]');
      await page.waitForSelector('[data-testid="fan-chart"] canvas');
    });

    await h.check('switch language to English and back', async () => {
      await page.click('[data-testid="lang-en"]');
      const headline = (await page.textContent('[data-testid="headline"]'))!;
      assert(headline.includes('Chance that the reduction is ≥ 2%'), 'English headline missing');
      const euroText = (await page.textContent('[data-testid="headline-cf-total-euro"]'))!.trim();
      assert(/^€\d{1,3}(,\d{3})+$/.test(euroText), `not English euro notation: "${euroText}"`);
      await page.screenshot({ path: join(ARTIFACTS, '03-default-en.png'), fullPage: true });
      await page.click('[data-testid="lang-nl"]');
      assert((await page.textContent('[data-testid="headline"]'))!.includes('Kans dat'), 'Dutch not restored');
    });

    await h.check('cancel: progress shows runs done and time left; cancel keeps a partial summary', async () => {
      const p2 = await context.newPage();
      p2.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await p2.goto(`${server.url}?runs=100000`);
      await p2.waitForFunction(() => {
        const t = document.querySelector('[data-testid="progress-text"]')?.textContent ?? '';
        return /^[1-9][\d.]* \/ 100\.000 runs klaar · nog [\d,]+ s/.test(t);
      }, null, { timeout: 20_000, polling: 50 });
      await p2.screenshot({ path: join(ARTIFACTS, '04-running.png') });
      await p2.click('[data-testid="cancel-button"]');
      const hk = await waitDone(p2, 1, 30_000);
      assert(hk.cancelled, 'not marked cancelled');
      assert(hk.summary && hk.summary.runs > 0 && hk.summary.runs < 100_000, `partial summary has ${hk.summary?.runs} runs`);
      const state = await p2.getAttribute('[data-testid="run-state"]', 'data-phase');
      assert(state === 'cancelled', `run state shows ${state}`);
      await p2.close();
    });

    await h.check('no page errors, console errors or CSP violations', async () => {
      assert(problems.length === 0, problems.join('\n      '));
    });
  } finally {
    await browser?.close();
    await server.close();
  }
}

const timer = setTimeout(() => {
  console.log(`  FAIL  timeout: the e2e run took longer than ${TIMEOUT_MS / 1000} s`);
  h.failed++;
  console.log(h.summaryLine());
  process.exit(1);
}, TIMEOUT_MS);

main()
  .catch((e: unknown) => {
    h.failed++;
    console.log(`  FAIL  setup: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  })
  .finally(() => {
    clearTimeout(timer);
    const known = h.knownLine();
    if (known) console.log(known);
    console.log(h.summaryLine());
    process.exit(h.failed === 0 && h.passed > 0 ? 0 : 1);
  });
