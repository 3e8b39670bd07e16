import { env, test, eventually, noEditorErrors } from '../fixtures';
import type { Summary } from '../../../models/summary/summarize';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { localText } from '../../../models/scenario/localText';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { serveStatic } from '../server';
import { assert } from '../harness';
import { typeInto } from '../typing';
import { storedWorkspace } from '../stored';
import { defaultWithRuns, differences, maxRelativeDifference, nodeReference } from '../reference';
import { A11Y_SCRIPT } from '../a11y';
import { MATH_PROBE, probeDifferences, runProbeHere, type ProbeResult } from '../mathProbe';
import type { ProeftuinHook } from '../../../src/testHook';
import { newContext, problems, waitDone, type E2EEnv } from '../fixtures';
import { canvasPixels, colourPixels, FONTS_IN_RESULTS, nlPct, reveal } from '../page';
/** Runs per page load: small enough for a 2-core machine, large enough for stable numbers. */
const RUNS = 400;

/** Decision support in a fresh profile on the default scenario: chance or not knowing, can it be seen, what it takes, enough runs. */
test.describe.serial('02-decision', () => {
  let url: string;
  let ctx6: BrowserContext;
  let p6: Page;
  let hk6: ProeftuinHook;
  let s6: Summary;
  test.beforeAll(async () => {
    url = `${env.baseUrl}?runs=${RUNS}`;
    ctx6 = await env.newContext(env.browser);
    p6 = await ctx6.newPage();
    env.watch(p6);
    await p6.goto(url);
    hk6 = await waitDone(p6);
    s6 = hk6.summary!;
  });
  test('decision: "chance or not knowing?" shows split bars for the reduction and the parties, with ± and a sentence', async () => {
    await p6.waitForSelector('[data-testid="variance-chart"]', { timeout: 10_000 });
    const vs = (s6 as any).varianceSplit;
    assert(vs.reductionLastYear.pairs > 0, 'the default scenario should have twin runs');
    const row = async (key: string) =>
      p6.$eval(`[data-testid="variance-row-${key}"]`, (g) => ({
        share: Number(g.getAttribute('data-random-share')),
        random: Number(g.querySelector('rect.var-random')?.getAttribute('width') ?? NaN),
        param: Number(g.querySelector('rect.var-param')?.getAttribute('width') ?? NaN),
        text: g.textContent ?? '',
      }));
    const red = await row('reduction');
    assert(red.share === vs.reductionLastYear.randomShare, `reduction share ${red.share} ≠ summary ${vs.reductionLastYear.randomShare}`);
    assert(red.random + red.param > 100 && Math.abs(red.random / (red.random + red.param) - red.share) < 1e-6, `reduction bar does not show the share: ${JSON.stringify(red)}`);
    assert(/±/.test(red.text) && /toeval/.test(red.text), `no ± or label on the reduction bar: ${red.text}`);
    const parties = await p6.$$eval('[data-testid^="variance-row-party-"]', (gs) =>
      gs.map((g) => Number(g.querySelector('rect.var-random')?.getAttribute('width') ?? NaN) + Number(g.querySelector('rect.var-param')?.getAttribute('width') ?? NaN)),
    );
    assert(parties.length >= 1 && parties.filter((w) => w > 100).length >= 1, `party bars missing: ${JSON.stringify(parties)}`);
    const sentence = (await p6.textContent('[data-testid="variance-sentence"]'))!;
    assert(/(grotere regio|betere kennis)/.test(sentence), `no sentence on what it means for the decision: "${sentence}"`);
    await p6.locator('[data-testid="card-variance"]').screenshot({ path: join(env.artifacts, '15-variance-split.png') });
    await p6.click('[data-testid="variance-table-toggle"]');
    const rows = await p6.$$eval('[data-testid="variance-table"] tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    const want = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(vs.reductionLastYear.randomShare);
    assert(rows.length === 3 + parties.length && rows[0].includes(want) && rows[0].includes('±'), `table lacks ${want} ±: ${rows[0]}`);
    await p6.click('[data-testid="variance-table-toggle"]');
  });
  test('decision: "can it be seen?" curve is drawn and marks the scenario\'s own population', async () => {
    const px = await canvasPixels(p6, 'detect-chart');
    assert(px.painted > px.width * px.height * 0.02, `only ${px.painted} painted pixels`);
    // The own-population marker (a vertical line and two dots) is the only blue on this chart.
    assert(px.blue > px.height * 0.8, `own population not marked: ${px.blue} blue pixels on a ${px.height}-pixel-high chart`);
    const own = (s6 as any).detectability.scenarioPopulation as number;
    const caption = (await p6.textContent('[data-testid="card-detect"] .caption'))!;
    assert(caption.includes(new Intl.NumberFormat('nl-NL').format(own)), `caption lacks the population ${own}`);
    await p6.locator('[data-testid="card-detect"]').screenshot({ path: join(env.artifacts, '16-detectability.png') });
    await p6.click('[data-testid="detect-table-toggle"]');
    const ownRow = (await p6.textContent('[data-testid="detect-table"] tr[data-own="true"]')) ?? '';
    const pt = (s6 as any).detectability.points.find((q: any) => q.population === own);
    const fmt = (v: number) => new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
    assert(ownRow.includes('deze regio') && ownRow.includes(fmt(pt.threshold90)) && ownRow.includes(fmt(pt.threshold95)), `own row: ${ownRow}`);
    await p6.click('[data-testid="detect-table-toggle"]');
  });
  test('decision: goal search (substitution maximum shift) answers, with steps; cancel stops it', async () => {
    await p6.selectOption('[data-testid="goal-param"]', 'substitution[0].maxShift');
    await typeInto(p6, '[data-testid="goal-runs"]', '300');
    // A wanted chance the real region can reach by this lever (at the default 80% it cannot, and the
    // search rightly stops after its first step): the search then brackets and bisects.
    await typeInto(p6, '[data-testid="goal-prob"]', '10');
    const t0 = Date.now();
    await p6.click('[data-testid="goal-start"]');
    await p6.waitForSelector('[data-testid="goal-cancel"]', { timeout: 5000 });
    await p6.waitForFunction(() => ['done', 'error', 'cancelled'].includes(document.querySelector('[data-testid="goal-status"]')?.getAttribute('data-status') ?? ''), null, {
      timeout: 40_000,
      polling: 100,
    });
    const ms = Date.now() - t0;
    const status = await p6.getAttribute('[data-testid="goal-status"]', 'data-status');
    assert(status === 'done', `search ended ${status}: ${await p6.textContent('[data-testid="goal-status"]')}`);
    const inPage = Number(await p6.getAttribute('[data-testid="goal-took"]', 'data-ms'));
    console.log(`        measured: goal search ${inPage} ms in the page (${ms} ms from the click), 300 runs per step`);
    const answer = (await p6.textContent('[data-testid="goal-answer"]'))!;
    const reachable = (await p6.getAttribute('[data-testid="goal-answer"]', 'data-reachable')) === 'true';
    const steps = await p6.$$eval('[data-testid="goal-steps-chart"] circle', (cs) => cs.length);
    assert(steps >= 2, `only ${steps} steps drawn`);
    await p6.locator('[data-testid="goal-panel"]').screenshot({ path: join(env.artifacts, '17-goal-search.png') });
    await p6.click('[data-testid="goal-steps-table-toggle"]');
    const rows = await p6.$$eval('[data-testid="goal-steps-table"] tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')));
    assert(rows.length === steps, `table has ${rows.length} steps, chart ${steps}`);
    assert(
      rows.every((r) => /±/.test(r[2])),
      'steps lack ± MCSE',
    );
    await p6.click('[data-testid="goal-steps-table-toggle"]');
    if (reachable) {
      assert(/minstens .* \(90%-interval .* – .*\)/.test(answer) && /±/.test(answer), `answer lacks value, interval or ±: ${answer}`);
      const x = Number(await p6.getAttribute('[data-testid="goal-answer"]', 'data-value'));
      // The answer is the smallest value tried that meets the goal: a value just below it does not.
      const met = rows.map((r) => ({ x: Number(r[1].replace(/\s?%/, '').replace(',', '.')) / 100, ok: r[3] === 'ja' }));
      assert(
        met.some((m) => Math.abs(m.x - x) < 0.0006 && m.ok),
        `answer ${x} is not a step meeting the goal`,
      );
      assert(x === 0 || met.some((m) => m.x < x && !m.ok), `no step below ${x} fails the goal`);
    } else assert(/^Niet haalbaar in dit bereik/.test(answer.trim()), `unclear unreachable answer: ${answer}`);

    // Cancel: a search with many runs per step stops promptly and says so.
    await typeInto(p6, '[data-testid="goal-runs"]', '5000');
    await p6.click('[data-testid="goal-start"]');
    await p6.waitForSelector('[data-testid="goal-progress-text"]', { timeout: 10_000 });
    const tc = Date.now();
    await p6.click('[data-testid="goal-cancel"]');
    await p6.waitForSelector('[data-testid="goal-status"][data-status="cancelled"]', { timeout: 60_000 });
    console.log(`        measured: goal search cancelled ${Date.now() - tc} ms after the click`);
    assert(await p6.isVisible('[data-testid="goal-cancelled"]'), 'no "stopped" message');
    await typeInto(p6, '[data-testid="goal-runs"]', '400');
  });
  test('decision: goal search (population the integrator needs) answers; the answer meets the goal, a smaller population tried does not', async () => {
    await p6.check('[data-testid="goal-kind-population"]');
    await typeInto(p6, '[data-testid="goal-share"]', '5');
    await typeInto(p6, '[data-testid="goal-runs"]', '300');
    const t0 = Date.now();
    await p6.click('[data-testid="goal-start"]');
    await p6.waitForFunction(() => ['done', 'error', 'cancelled'].includes(document.querySelector('[data-testid="goal-status"]')?.getAttribute('data-status') ?? ''), null, {
      timeout: 40_000,
      polling: 100,
    });
    const ms = Date.now() - t0;
    const status = await p6.getAttribute('[data-testid="goal-status"]', 'data-status');
    assert(status === 'done', `search ended ${status}: ${await p6.textContent('[data-testid="goal-status"]')}`);
    console.log(`        measured: population goal search ${await p6.getAttribute('[data-testid="goal-took"]', 'data-ms')} ms in the page (${ms} ms from the click), 300 runs per step`);
    const answer = (await p6.textContent('[data-testid="goal-answer"]'))!;
    const reachable = (await p6.getAttribute('[data-testid="goal-answer"]', 'data-reachable')) === 'true';
    await p6.click('[data-testid="goal-steps-table-toggle"]');
    const rows = await p6.$$eval('[data-testid="goal-steps-table"] tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')));
    assert(rows.length >= 2 && rows.every((r) => /±/.test(r[2])), `steps: ${JSON.stringify(rows)}`);
    const met = rows.map((r) => ({ x: Number(r[1].replace(/\D/g, '')), ok: r[3] === 'ja' }));
    if (reachable) {
      const x = Number(await p6.getAttribute('[data-testid="goal-answer"]', 'data-value'));
      assert(Number.isInteger(x) && x > 0, `answer ${x} is not a population`);
      assert(answer.includes(new Intl.NumberFormat('nl-NL').format(x)) && /90%-interval/.test(answer), `answer lacks the population or its interval: ${answer}`);
      assert(
        met.some((m) => m.x === x && m.ok),
        `answer ${x} is not a step meeting the goal: ${JSON.stringify(met)}`,
      );
      assert(
        met.some((m) => m.x < x && !m.ok),
        `no smaller population tried fails the goal: ${JSON.stringify(met)}`,
      );
    } else assert(/^Niet haalbaar in dit bereik/.test(answer.trim()), `unclear unreachable answer: ${answer}`);
    await p6.locator('[data-testid="goal-panel"]').screenshot({ path: join(env.artifacts, '17-goal-population.png') });
    await p6.click('[data-testid="goal-steps-table-toggle"]');
    await p6.check('[data-testid="goal-kind-parameter"]');
    await typeInto(p6, '[data-testid="goal-runs"]', '400');
  });
  test("enough runs: adds runs until precise (or the maximum); the runs shown equal the summary's", async () => {
    await p6.click('[data-testid="precision-option"] > summary');
    await p6.check('[data-testid="precision-enable"]');
    await typeInto(p6, '[data-testid="precision-max"]', '6000');
    await p6.screenshot({ path: join(env.artifacts, '18-enough-runs-option.png') });
    await p6.click('[data-testid="precision-option"] > summary');
    const g = hk6.generation;
    await p6.click('[data-testid="run-button"]');
    const hk = await waitDone(p6, g + 1, 60_000);
    const n = hk.summary!.runs;
    const note = await p6.waitForSelector('[data-testid="precision-note"]', { timeout: 5000 });
    const precise = (await note.getAttribute('data-precise')) === 'true';
    assert(Number(await note.getAttribute('data-runs')) === n, `note says ${await note.getAttribute('data-runs')} runs, summary ${n}`);
    const text = (await note.textContent())!;
    assert(text.includes(new Intl.NumberFormat('nl-NL').format(precise ? n : 6000)), `note lacks the run count: ${text}`);
    const runsNote = (await p6.textContent('[data-testid="runs-note"]'))!;
    assert(runsNote.includes(`${new Intl.NumberFormat('nl-NL').format(n)} runs`), `runs note "${runsNote}" ≠ ${n}`);
    const last = hk.summary!.years[hk.summary!.years.length - 1];
    if (precise) {
      assert(n > 400, `precise already after the first ${n} runs: the tolerances are not being checked`);
      assert(last.reduction.mcse <= 0.0005 * (1 + 1e-9), `reported precise but MCSE of the reduction is ${last.reduction.mcse}`);
      assert(last.pReachTarget.mcse <= 0.01 * (1 + 1e-9), `reported precise but MCSE of P(target) is ${last.pReachTarget.mcse}`);
      assert(last.sc.total.mcse / last.sc.total.mean <= 0.001 * (1 + 1e-9), 'reported precise but cost MCSE too large');
    } else assert(n === 6000, `not precise but stopped at ${n} runs, not the maximum`);
    console.log(`        measured: enough runs stopped at ${n} runs (${precise ? 'tolerances met' : 'maximum'})`);
    await p6.evaluate(() => window.scrollTo(0, 0));
    await p6.screenshot({ path: join(env.artifacts, '19-enough-runs-result.png') });
  });
  test('decision: without twin runs the variance view says so instead of drawing bars', async () => {
    await p6.click('[data-testid="precision-option"] > summary');
    await p6.uncheck('[data-testid="precision-enable"]');
    await p6.click('[data-testid="precision-option"] > summary');
    const field = '[data-path="simulation.varianceSplitRuns"]';
    await reveal(p6, field);
    await typeInto(p6, field, '0');
    await eventually(async () => (await storedWorkspace(p6)).scenario?.simulation?.varianceSplitRuns === 0 && (await noEditorErrors(p6)));
    const g = ((await p6.evaluate(() => (window as any).__proeftuin)) as ProeftuinHook).generation;
    await p6.click('[data-testid="run-button"]');
    const hk = await waitDone(p6, g + 1, 60_000);
    assert(hk.summary!.runs === RUNS, `ran ${hk.summary!.runs} runs`);
    assert((hk.summary as any).varianceSplit.reductionLastYear.pairs === 0, 'twins were simulated');
    const msg = await p6.waitForSelector('[data-testid="variance-no-twins"]', { timeout: 10_000 });
    assert(/Geen tweelingruns/.test((await msg.textContent())!), 'no explanation');
    assert((await p6.locator('[data-testid="variance-chart"]').count()) === 0, 'bars drawn without twin runs');
  });
  test.afterAll(async () => {
    await ctx6.close();
  });
});
