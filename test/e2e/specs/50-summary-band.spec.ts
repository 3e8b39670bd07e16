import { env, test } from '../fixtures';
import type { BrowserContext } from '@playwright/test';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { assert } from '../harness';
import { typeInto } from '../typing';
import { storedWorkspace } from '../stored';
import type { ProeftuinHook } from '../../../src/testHook';
/**
 * One screen for the three questions: the summary band at the top of the results, fully in the
 * first viewport at 1366×768 and 1920×1080 in both languages, its parties × contracts numbers
 * equal to the page's summary at screen rounding; the financing table's status-quo row; the
 * presentation mode's type sizes; edits that recompute by themselves; Stop leaving the bar and
 * the results on the same run count; an opened file never shown beside the previous scenario's
 * numbers. No timing is asserted anywhere (waits have generous timeouts only).
 */

const RUNS = 200;
const VIEWPORTS = [
  { w: 1366, h: 768 },
  { w: 1920, h: 1080 },
] as const;
type Lang = 'nl' | 'en';
const locale = (l: Lang) => (l === 'nl' ? 'nl-NL' : 'en-GB');
/** The screen's rounding, written independently of src/format.ts: 1 decimal in € mln, a true minus, no sign on a zero. */
function signedMln(x: number, l: Lang): string {
  const f = new Intl.NumberFormat(locale(l), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const shown = f.format(Math.abs(x / 1e6));
  const zero = f.format(0);
  return `${x > 0 && shown !== zero ? '+' : x < 0 && shown !== zero ? '−' : ''}${shown}`;
}
const pct0 = (p: number, l: Lang) => new Intl.NumberFormat(locale(l), { style: 'percent', maximumFractionDigits: 0 }).format(p);
/** In the page: every visible text's font size in the results, HTML and SVG apart (SVG at its drawn size). */
const TEXT_SIZES = `(() => {
  const html = [];
  const svg = [];
  for (const el of document.querySelectorAll('#results *')) {
    if (el.closest('.print-only') || !el.getClientRects().length) continue;
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible') continue;
    let px = parseFloat(cs.fontSize);
    const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + (el.closest('[data-testid]') ? ' in ' + el.closest('[data-testid]').getAttribute('data-testid') : '') + ': ' + el.textContent.trim().slice(0, 30);
    if (el instanceof SVGElement) {
      const m = el.getScreenCTM();
      if (m) px *= Math.hypot(m.a, m.b);
      svg.push([px, name]);
    } else html.push([px, name]);
  }
  return { html, svg };
})()`;
async function hook(page: Page): Promise<ProeftuinHook> {
  return (await page.evaluate(() => (window as any).__proeftuin)) as ProeftuinHook;
}

test.describe.serial('50-summary-band', () => {
  for (const vp of VIEWPORTS)
    test.describe.serial(() => {
      for (const l of ['nl', 'en'] as const)
        test.describe.serial(() => {
          let ctx: BrowserContext;
          let page: Page;
          test.beforeAll(async () => {
            ctx = await env.browser.newContext({ viewport: { width: vp.w, height: vp.h }, deviceScaleFactor: 1, acceptDownloads: true });
            ctx.setDefaultTimeout(20_000);
            await ctx.route('**/*', (route) => (route.request().url().startsWith(env.baseUrl) ? route.continue() : route.abort()));
            page = await ctx.newPage();
            env.watch(page);
          });
          test(`summary band ${vp.w}×${vp.h} ${l}: the three answers inside the first viewport, numbers equal the summary`, async () => {
            await page.goto(`${env.baseUrl}?runs=${RUNS}&lang=${l}`);
            const hk = await env.waitDone(page);
            const fin = (hk.summary as any).financing;
            assert(fin?.models?.length > 0, 'the default scenario has no financing');
            await page.waitForSelector('[data-testid="band-table"]:not(.old)');
            await page.waitForSelector('[data-testid="fin-table"]');
            await page.evaluate(() => window.scrollTo(0, 0));
            // Fully inside the first viewport: the band and each of its answers.
            for (const id of ['summary-band', 'answer-cost', 'answer-target', 'answer-see', 'answer-parties', 'band-table']) {
              const b = await page.locator(`[data-testid="${id}"]`).boundingBox();
              assert(b, `${id} not shown`);
              assert(
                b.x >= 0 && b.y >= 0 && b.x + b.width <= vp.w + 0.5 && b.y + b.height <= vp.h + 0.5,
                `${id} not inside ${vp.w}×${vp.h}: x ${b.x.toFixed(0)}–${(b.x + b.width).toFixed(0)}, y ${b.y.toFixed(0)}–${(b.y + b.height).toFixed(0)}`,
              );
            }
            // The table fits its card (no horizontal scrolling).
            const fits = await page.$eval('[data-testid="band-table"]', (t) => t.scrollWidth <= (t.parentElement as HTMLElement).clientWidth + 1);
            assert(fits, 'the band table needs horizontal scrolling');
            // Every party × contract cell: the change, P(worse off) and the bad case, at screen rounding.
            const cells = await page.$$eval('[data-testid="band-table"] tbody tr', (trs) =>
              trs.flatMap((tr) =>
                [...tr.querySelectorAll('td[data-party]')].map((td) => ({
                  model: tr.getAttribute('data-model')!,
                  party: td.getAttribute('data-party')!,
                  v: td.querySelector('.v')!.textContent!.trim(),
                  worse: td.querySelector('.worse')!.textContent!.trim(),
                  bad: td.querySelector('.bad')!.textContent!.trim(),
                })),
              ),
            );
            const inContract = (r: any) => r.revenue !== 0 || r.cost !== 0;
            const want = fin.models.flatMap((m: any) => fin.parties.filter((p: string) => inContract(m.horizon[p])).map((p: string) => ({ m, p })));
            assert(cells.length === want.length, `band shows ${cells.length} cells, the summary has ${want.length} party × contract results`);
            for (const c of cells) {
              const m = fin.models.find((x: any) => x.id === c.model);
              const r = m.horizon[c.party];
              const exp = { v: signedMln(r.changeVsStatusQuo.mean, l), worse: pct0(r.pWorseOff.p, l), bad: signedMln(-r.changeEs95, l) };
              assert(c.v === exp.v && c.worse === exp.worse && c.bad === exp.bad, `${c.model} × ${c.party}: shown ${c.v} / ${c.worse} / ${c.bad}, summary ${exp.v} / ${exp.worse} / ${exp.bad}`);
            }
            // The headline answers against the summary, and the 90% spread beside the cost change.
            const last = hk.summary!.years.at(-1)!;
            assert(Number(await page.getAttribute('[data-testid="band-reduction"]', 'data-value')) === last.reduction.mean, 'band reduction ≠ summary');
            assert((await page.textContent('[data-testid="band-p-target"]'))!.trim() === pct0(last.pReachTarget.p, l), 'band P(target) ≠ summary');
            assert((await page.textContent('[data-testid="band-p-observe"]'))!.trim() === pct0(last.pObserveTarget.p, l), 'band P(observe) ≠ summary');
            const spread = (await page.textContent('[data-testid="band-reduction-spread"]'))!;
            assert(spread.includes(l === 'nl' ? '90% van de runs' : '90% of runs'), `spread not in plain words: ${spread}`);
            assert((await page.getAttribute('[data-testid="band-mc"]', 'title'))!.length > 40, 'the MC error has no explanation on hover');
            // The financing table's reference row: the status quo, before the contracts.
            const sq = await page.textContent('[data-testid="fin-sq-row"] th');
            assert(sq && (l === 'nl' ? sq.includes('Huidige situatie') : sq.includes('Status quo')), `status-quo row: ${sq}`);
            const rows = await page.locator('[data-testid="fin-table"] tbody tr.model-row').count();
            assert(rows === fin.models.length, `fin table has ${rows} contract rows for ${fin.models.length} models`);
            // The band's fonts were looked up before the run (see fontWarmUp.ts; a new size would cost a long task).
            const missing = await page.evaluate(() => {
              const warm = (window as any).__proeftuinFonts as string[];
              const out: string[] = [];
              for (const el of document.querySelectorAll('[data-testid="summary-band"] *')) {
                if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
                const cs = getComputedStyle(el);
                const k = `${parseFloat(cs.fontSize).toFixed(2)} ${cs.fontWeight} ${cs.fontStyle} ${cs.fontFamily.split(',')[0].trim().replace(/['"]/g, '')}`;
                if (!warm.includes(k)) out.push(`${k} (${el.tagName})`);
              }
              return [...new Set(out)];
            });
            assert(missing.length === 0, `band fonts not warmed up: ${missing.join('; ')}`);
            // Each party's colour spans its column's top edge (a key beside the name was left on a line of its own when the name wrapped).
            const keys = await page.$$eval('[data-testid="band-table"] thead th[data-party]', (els) =>
              els.map((e) => ({ p: e.getAttribute('data-party'), w: parseFloat(getComputedStyle(e).borderTopWidth), c: getComputedStyle(e).borderTopColor })),
            );
            assert(keys.length > 0 && keys.every((k) => k.w >= 3 && k.c !== 'rgba(0, 0, 0, 0)'), `a coloured bar over each party column: ${JSON.stringify(keys)}`);
            assert(new Set(keys.map((k) => k.c)).size === keys.length, `each party its own colour: ${JSON.stringify(keys)}`);
            await page.screenshot({ path: join(env.artifacts, `50-summary-band-${vp.w}x${vp.h}-${l}.png`) });
          });
          if (vp.w === 1366)
            test.describe.serial(() => {
              test(`presentation mode ${l} at 1366 px: key P toggles it (not while typing), text ≥ 16 px, chart labels ≥ 14 px`, async () => {
                await page.waitForSelector('[data-testid="riskreturn-chart"]', { state: 'attached' });
                await page.waitForSelector('[data-testid="hist-chart"]', { state: 'attached' });
                // A "p" typed into a field stays in the field.
                await typeInto(page, '[data-testid="keep-name"]', '');
                await page.focus('[data-testid="keep-name"]');
                await page.keyboard.type('p', { delay: 40 });
                assert(!(await page.evaluate(() => document.documentElement.classList.contains('presenting'))), 'typing p in a field switched to presentation mode');
                assert((await page.inputValue('[data-testid="keep-name"]')) === 'p', 'the p did not reach the field');
                await typeInto(page, '[data-testid="keep-name"]', '');
                await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
                await page.keyboard.press('p');
                await page.waitForFunction(() => document.documentElement.classList.contains('presenting'));
                assert(!(await page.isVisible('.editor-pane')), 'the editor is still shown');
                assert((await page.getAttribute('[data-testid="present-toggle"]', 'aria-pressed')) === 'true', 'the button does not show the mode');
                // SVG charts redraw at their new width before their text is measured.
                await page.waitForFunction(() => {
                  const svg = document.querySelector('[data-testid="hist-chart"]') as SVGSVGElement | null;
                  return !!svg && Math.abs((svg.viewBox.baseVal?.width ?? 0) - svg.getBoundingClientRect().width) < 1;
                });
                const sizes = (await page.evaluate(TEXT_SIZES)) as { html: [number, string][]; svg: [number, string][] };
                assert(sizes.html.length > 50 && sizes.svg.length > 20, `too little text measured (${sizes.html.length} HTML, ${sizes.svg.length} SVG)`);
                const small = sizes.html.filter(([px]) => px < 16 - 1e-6);
                assert(small.length === 0, `text below 16 px: ${[...new Set(small.map(([px, n]) => `${px.toFixed(1)} ${n}`))].slice(0, 8).join('; ')}`);
                const smallSvg = sizes.svg.filter(([px]) => px < 14 - 1e-3);
                assert(smallSvg.length === 0, `chart labels below 14 px: ${[...new Set(smallSvg.map(([px, n]) => `${px.toFixed(1)} ${n}`))].slice(0, 8).join('; ')}`);
                await page.evaluate(() => window.scrollTo(0, 0));
                await page.screenshot({ path: join(env.artifacts, `50-presentation-1366-${l}.png`) });
                await page.keyboard.press('p');
                await page.waitForFunction(() => !document.documentElement.classList.contains('presenting'));
                assert(await page.isVisible('.editor-pane'), 'the editor did not come back');
              });
            });
          if (vp.w === 1366 && l === 'nl')
            test.describe.serial(() => {
              test("the per-party chart opens on the scenario's party; a party column in the band opens it on that party", async () => {
                await page.waitForSelector('[data-testid="fin-party"] button[aria-pressed="true"]');
                // The default scenario: three of its six other contracts pay the GP group (financeFocus.ts).
                const pressed = () => page.getAttribute('[data-testid="fin-party"] button[aria-pressed="true"]', 'data-party');
                assert((await pressed()) === 'gp', `opens on ${await pressed()}`);
                await page.click('[data-testid="band-table"] thead th[data-party="integrator"] a');
                await page.waitForFunction(() => document.querySelector('[data-testid="fin-party"] button[aria-pressed="true"]')?.getAttribute('data-party') === 'integrator');
                const top = await page.locator('#partydist-title').boundingBox();
                assert(top && top.y >= 0 && top.y < 768, `the link did not bring the chart into view (title at y=${top?.y})`);
                await page.click('[data-testid="band-table"] tbody tr:first-child th a');
                const row = await page.locator('#fin-row-0').boundingBox();
                assert(row && row.y >= 0 && row.y < 768, `the contract link did not bring its row into view (y=${row?.y})`);
                await page.evaluate(() => window.scrollTo(0, 0));
              });
              test('an edit typed key by key recomputes by itself (no run button), and the changed numbers light up', async () => {
                const before = await hook(page);
                // The yearly cost of the first intervention (€ 100.000 in the file): it changes every year's scenario cost.
                const field = '[data-path="interventions[0].cost.perYear.value"]';
                await page.waitForSelector(field, { state: 'attached' });
                await page.$eval(field, (el) => {
                  for (let p = el.parentElement; p; p = p.parentElement) if (p instanceof HTMLDetailsElement) p.open = true;
                });
                // Watches for the highlight from now on (no time limit on how long it stays), and reads how
                // it is drawn the moment it appears: lit, with no CSS animation (one would make the page
                // draw every frame while the lit numbers stay).
                const lit = page
                  .waitForFunction(
                    () => {
                      const el = document.querySelector('[data-testid="summary-band"] .changed');
                      if (!el) return false;
                      return { background: getComputedStyle(el).backgroundColor, animations: document.getAnimations().flatMap((a) => (a instanceof CSSAnimation ? [a.animationName] : [])) };
                    },
                    null,
                    { polling: 'raf', timeout: 120_000 },
                  )
                  .then(
                    (h) => h.jsonValue(),
                    () => null,
                  );
                await page.focus(field);
                await page.keyboard.press('Control+A');
                await page.keyboard.type('250000', { delay: 40 });
                // Until the edit's run starts, the page must not report the previous run as the answer.
                const waiting = await hook(page);
                assert(waiting.state === 'running', `right after the last key the page reports ${waiting.state}`);
                const after = await env.waitDone(page, before.generation + 1, 120_000);
                assert(after.generation > before.generation, 'no new run');
                assert(after.scenarioHash !== before.scenarioHash, 'the run did not use the typed value (same scenario hash)');
                const a = before.summary!.years.at(-1)!;
                const b = after.summary!.years.at(-1)!;
                assert(b.sc.total.mean !== a.sc.total.mean && b.cf.total.mean === a.cf.total.mean, 'the scenario numbers did not change (or the counterfactual did)');
                const shown = Number(await page.getAttribute('[data-testid="band-reduction"]', 'data-value'));
                assert(shown === b.reduction.mean, 'the band does not show the new run');
                const flash = await lit;
                assert(flash, 'no number of the band lit up');
                assert(flash.background === 'rgb(255, 233, 168)', `the changed number is not lit: ${JSON.stringify(flash)}`);
                assert(flash.animations.length === 0, `animations run while the number is lit: ${JSON.stringify(flash)}`);
                // The workspace as stored (IndexedDB); the save follows the edit after a short debounce.
                let saved: unknown;
                for (let i = 0; i < 100 && saved !== 250000; i++) {
                  saved = (await storedWorkspace(page))?.scenario?.interventions?.[0]?.cost?.perYear?.value;
                  if (saved !== 250000) await new Promise((r) => setTimeout(r, 100));
                }
                assert(saved === 250000, `the typed value is ${saved} in the workspace`);
              });
              test("an opened file's numbers never share the screen with the previous scenario's", async () => {
                // A file with a results summary of the edited scenario…
                await page.waitForFunction(() => !(document.querySelector('[data-testid="export-with-results"]') as HTMLInputElement | null)?.disabled);
                await page.check('[data-testid="export-with-results"]');
                const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-scenario"]')]);
                const file = join(env.artifacts, '50-edited-with-results.json');
                await dl.saveAs(file);
                // …opened while the default scenario's results are on screen.
                const g0 = (await hook(page)).generation;
                await page.click('[data-testid="reset-scenario"]');
                const def = await env.waitDone(page, g0 + 1, 120_000);
                const old = String(def.summary!.years.at(-1)!.reduction.mean);
                await page.evaluate(() => {
                  const seen: (string | null)[] = [];
                  (window as any).__bandSeen = seen;
                  new MutationObserver(() => {
                    if (!document.querySelector('[data-testid="file-results"]')) return;
                    seen.push(document.querySelector('[data-testid="band-reduction"]')?.getAttribute('data-value') ?? null);
                  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
                });
                await page.setInputFiles('[data-testid="import-file"]', file);
                await page.waitForSelector('[data-testid="file-results"]');
                const again = await env.waitDone(page, def.generation + 1, 120_000);
                await page.waitForSelector('[data-testid="file-results"]:not([data-verdict="pending"])');
                const seen = (await page.evaluate(() => (window as any).__bandSeen)) as (string | null)[];
                assert(seen.length > 0, 'the file results were never seen');
                assert(!seen.includes(old), `the previous scenario's reduction (${old}) was on screen beside the file's numbers`);
                assert(seen.at(-1) === String(again.summary!.years.at(-1)!.reduction.mean), 'the band does not end on the re-run');
              });
            });
          test.afterAll(async () => {
            await ctx.close();
          });
        });
    });
  test('Stop: the progress bar, the runs note and the results agree on the number of runs', async () => {
    const ctx = await env.newContext(env.browser);
    const page = await ctx.newPage();
    env.watch(page);
    await page.goto(`${env.baseUrl}?runs=100000`);
    await page.waitForFunction(() => /^[1-9]/.test(document.querySelector('[data-testid="progress-text"]')?.textContent ?? ''), null, { timeout: 60_000, polling: 50 });
    await page.click('[data-testid="cancel-button"]');
    const hk = await env.waitDone(page, 1, 60_000);
    assert(hk.cancelled, 'not marked cancelled');
    const n = hk.summary!.runs;
    const bar = Number(await page.getAttribute('[role="progressbar"]', 'aria-valuenow'));
    const text = (await page.textContent('[data-testid="progress-text"]'))!;
    const runsNote = (await page.textContent('[data-testid="runs-note"]'))!;
    const nl = new Intl.NumberFormat('nl-NL').format(n);
    assert(bar === n, `progress bar at ${bar}, results of ${n} runs`);
    assert(text.startsWith(`${nl} / 100.000`), `progress text "${text}", results of ${n} runs`);
    assert(runsNote.includes(`${nl} runs`), `runs note "${runsNote}", results of ${n} runs`);
    await ctx.close();
  });
});
