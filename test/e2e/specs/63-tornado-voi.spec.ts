import { DEFAULT_SCENARIO, env, test } from '../fixtures';
import { uncertainParameters } from '../../../models/analysis/decisionValue';
import { validateScenario } from '../../../models/pipeline/validate';
import type { BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';
import { typeInto } from '../typing';
import { computeVoi, openDefault } from '../voi';

const TORNADO = '[data-testid="card-tornado"]';
const VOI = '[data-testid="card-voi"]';

type Box = { x: number; y: number; width: number; height: number };
const box = async (page: Page, sel: string): Promise<Box> => {
  const b = await page.locator(sel).boundingBox();
  assert(b !== null, `${sel} is drawn`);
  return b!;
};

/** Each chart's text lies inside its drawing and its card, and nothing in the card reaches past the window's right edge. */
async function nothingCut(page: Page, chart: string, card: string, what: string): Promise<void> {
  const problems = await page.$eval(
    chart,
    (svg, cardSel) => {
      const s = svg.getBoundingClientRect();
      const c = document.querySelector(cardSel)!.getBoundingClientRect();
      const out: string[] = [];
      if (c.right > document.documentElement.clientWidth + 0.5) out.push(`card right ${c.right} > window ${document.documentElement.clientWidth}`);
      for (const t of svg.querySelectorAll('text')) {
        const r = t.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < s.left - 0.5 || r.right > s.right + 0.5 || r.top < s.top - 0.5 || r.bottom > s.bottom + 0.5)
          out.push(
            `"${t.textContent}" at ${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)} outside ${Math.round(s.left)}–${Math.round(s.right)} × ${Math.round(s.top)}–${Math.round(s.bottom)}`,
          );
      }
      if (s.height < 100) out.push(`drawing only ${s.height} px high`);
      return out;
    },
    card,
  );
  assert(problems.length === 0, `${what}: ${problems.join('; ')}`);
}

/** Hover texts of each chart's rows: group · label, then the path. */
const rowTitles = (page: Page, sel: string) => page.$$eval(`${sel} g > title`, (els) => els.map((e) => e.textContent ?? ''));

/** The pair as a whole (the sticky top bar kept out of the picture), and the window as the user sees it with the pair's top at its top. */
async function shot(page: Page, name: string): Promise<void> {
  const pair = page.locator('[data-testid="sens-pair"]');
  await pair.screenshot({ path: `${env.artifacts}/${name}.png`, style: '.top { position: static !important; }' });
  await pair.evaluate((e) => window.scrollBy(0, e.getBoundingClientRect().top - (document.querySelector('.top')?.getBoundingClientRect().height ?? 0)));
  await page.screenshot({ path: `${env.artifacts}/${name}-window.png` });
}

/**
 * The ranked value of information beside the tornado: the same names for the assumptions, side by
 * side at 1920×1080 and stacked at 1366×768 in both languages, a one-line note on the difference,
 * a group picked before the first computation, readable in the presentation mode, and a result
 * that leaves when the scenario is run again.
 */
test.describe.serial('63-tornado-voi', () => {
  let ctx: BrowserContext;
  let page: Page;
  test.beforeAll(async () => {
    ({ ctx, page } = await openDefault());
  });

  test('before any computation: the note on the difference, and a group of up to three to pick from the scenario’s uncertain parameters', async () => {
    await page.locator('[data-testid="sens-pair"]').scrollIntoViewIfNeeded();
    const note = (await page.textContent('[data-testid="sens-pair-note"]')) ?? '';
    assert(/^De tornado rangschikt wat het getal beweegt; de waarde van informatie rangschikt wat de beslissing verandert\.$/.test(note), `note: ${note}`);
    await page.waitForSelector('[data-testid="voi-group-2"]');
    assert((await page.$('[data-testid="voi-group-3"]')) === null, 'at most three in a group');
    assert((await page.$('[data-testid="voi-pending"]')) !== null, 'says what will appear');
    const options = await page.$$eval('[data-testid="voi-group-0"] option', (els) => els.map((e) => ({ v: (e as HTMLOptionElement).value, t: e.textContent ?? '' })));
    // The default scenario's uncertain parameters (decisionValue.test lists them the slow way), and "(geen)".
    const v = validateScenario(DEFAULT_SCENARIO);
    if (!v.ok) throw new Error('the default scenario is invalid');
    const want = uncertainParameters(v.scenario);
    assert(want.length >= 20 && options.length === want.length + 1 && options[0].v === '', `options: ${options.length} for ${want.length} uncertain parameters`);
    assert(
      options.slice(1).every((o) => want.includes(o.v)),
      `every option is an uncertain parameter: ${options.map((o) => o.v).join(', ')}`,
    );
    const trend = options.find((o) => o.v === 'lines.hospital.trend');
    const refill = options.find((o) => o.v === 'substitution[0].refill');
    assert(trend !== undefined && refill !== undefined, `the hospital trend and the refill share can be picked: ${options.map((o) => o.v).join(', ')}`);
    await page.selectOption('[data-testid="voi-group-0"]', trend!.v);
    await page.selectOption('[data-testid="voi-group-1"]', refill!.v);
    await typeInto(page, '[data-testid="voi-pilot-sizes"]', '5.000');
    await computeVoi(page);
    const g = (await page.textContent('[data-testid="voi-group-value"]')) ?? '';
    assert(g.startsWith(`Groep: ${trend!.t} + ${refill!.t}: €`), `the group picked before the computation is valued: ${g}`);
    const pilot = await page.$$eval('[data-testid="voi-pilot"] tbody tr', (els) => els.map((e) => e.textContent ?? ''));
    assert(pilot.length === 1 && /^5\.000/.test(pilot[0]), `the typed pilot size: ${pilot.join(' | ')}`);
  });

  test('at 1366×768 the two are stacked, name each assumption alike, and nothing is cut off (Dutch, then English)', async () => {
    await page.waitForSelector('[data-testid="tornado-chart"]');
    const t = await box(page, TORNADO);
    const v = await box(page, VOI);
    assert(v.y >= t.y + t.height - 1, `stacked: tornado ${JSON.stringify(t)}, value of information ${JSON.stringify(v)}`);
    const tornado = await rowTitles(page, '[data-testid="tornado-chart"]');
    const voi = await rowTitles(page, '[data-testid="voi-chart"]');
    assert(voi.length === 8 && tornado.length === 8, `eight ranked rows like the tornado: ${voi.length} and ${tornado.length}`);
    const path = (s: string) => s.split('\n')[1];
    const shared = voi.filter((x) => tornado.some((y) => path(y) === path(x)));
    assert(shared.length > 0, `an assumption in both charts: ${voi.map(path).join(', ')} / ${tornado.map(path).join(', ')}`);
    for (const x of shared) assert(tornado.includes(x), `the same name in both charts: ${x}`);
    const values = await page.$$eval('[data-testid="voi-value"]', (els) => els.map((e) => Number((e.textContent ?? '').replace(/\./g, '').replace(',', '.'))));
    assert(
      values.every((x, i) => i === 0 || x <= values[i - 1]),
      `ranked, largest on top: ${values.join(' ')}`,
    );
    await nothingCut(page, '[data-testid="tornado-chart"]', TORNADO, 'tornado nl 1366');
    await nothingCut(page, '[data-testid="voi-chart"]', VOI, 'value of information nl 1366');
    await shot(page, 'tornado-voi-nl-1366');
    await page.click('[data-testid="lang-en"]');
    // What was typed in Dutch is rewritten in English notation ("5.000" would read as 5 people).
    const typed = await page.inputValue('[data-testid="voi-pilot-sizes"]');
    assert(typed === '5,000', `pilot sizes in English notation: ${typed}`);
    const note = (await page.textContent('[data-testid="sens-pair-note"]')) ?? '';
    assert(/^The tornado ranks what moves the number; the value of information ranks what changes the decision\.$/.test(note), `note: ${note}`);
    const en = await rowTitles(page, '[data-testid="voi-chart"]');
    const enTornado = await rowTitles(page, '[data-testid="tornado-chart"]');
    for (const x of en.filter((a) => enTornado.some((b) => path(b) === path(a)))) assert(enTornado.includes(x), `the same English name in both charts: ${x}`);
    assert((await page.textContent('[data-testid="voi-chart"]'))?.includes('Value of knowing before signing'), 'English axis');
    await nothingCut(page, '[data-testid="tornado-chart"]', TORNADO, 'tornado en 1366');
    await nothingCut(page, '[data-testid="voi-chart"]', VOI, 'value of information en 1366');
    await shot(page, 'tornado-voi-en-1366');
  });

  test('at 1920×1080 the two stand side by side, at the same height, in both languages', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const l of ['en', 'nl'] as const) {
      await page.click(`[data-testid="lang-${l}"]`);
      await page.locator('[data-testid="sens-pair"]').scrollIntoViewIfNeeded();
      const t = await box(page, TORNADO);
      const v = await box(page, VOI);
      assert(Math.abs(v.y - t.y) < 1 && v.x >= t.x + t.width, `side by side (${l}): tornado ${JSON.stringify(t)}, value of information ${JSON.stringify(v)}`);
      assert(t.width > 600 && v.width > 600, `each at least 600 px wide (${l}): ${t.width}, ${v.width}`);
      const lines = await page.$eval('[data-testid="sens-pair-note"]', (p) => {
        const r = document.createRange();
        r.selectNodeContents(p);
        return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
      });
      assert(lines === 1, `the note is one line (${l}): ${lines}`);
      await nothingCut(page, '[data-testid="tornado-chart"]', TORNADO, `tornado ${l} 1920`);
      await nothingCut(page, '[data-testid="voi-chart"]', VOI, `value of information ${l} 1920`);
      await shot(page, `tornado-voi-${l}-1920`);
    }
  });

  test('on a projector (presentation mode at 1366 px) the two are stacked and the chart text is at least 14 px', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.click('[data-testid="present-toggle"]');
    const t = await box(page, TORNADO);
    const v = await box(page, VOI);
    assert(v.y >= t.y + t.height - 1, `stacked when presenting: ${JSON.stringify(t)} / ${JSON.stringify(v)}`);
    const sizes = await page.$$eval('[data-testid="voi-chart"] text', (els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    assert(Math.min(...sizes) >= 14, `chart text on a projector: ${sizes.join(', ')}`);
    await nothingCut(page, '[data-testid="voi-chart"]', VOI, 'value of information presenting');
    await shot(page, 'tornado-voi-nl-1366-presenting');
    await page.click('[data-testid="present-toggle"]');
  });

  test('a new run of the scenario takes the previous result away and says so; the picked group stays', async () => {
    await page.click('[data-testid="run-button"]');
    await env.waitDone(page, 2, 120_000);
    await page.waitForSelector('[data-testid="voi-stale"]');
    assert((await page.$('[data-testid="voi-result"]')) === null, 'no value of information of the previous run');
    assert((await page.$('[data-testid="voi-pending"]')) !== null, 'the chart says what will appear');
    await page.waitForFunction(() => (document.querySelector('[data-testid="voi-group-1"]') as HTMLSelectElement | null)?.value === 'substitution[0].refill');
  });

  test.afterAll(async () => {
    await ctx.close();
  });
});
