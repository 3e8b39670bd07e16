import { DEFAULT_SCENARIO, env, hookOf, test } from '../fixtures';
import type { BrowserContext, Locator } from '@playwright/test';
import type { Page } from '@playwright/test';
import { assert } from '../harness';
const RUNS = 200;
const editorScenario = (page: Page) => page.evaluate(() => (window as any).__proeftuinEditor?.scenario());
/** Replaces a field's text by typing it key by key, as a person does. */
async function retype(page: Page, sel: string, text: string) {
  await page.click(sel, { clickCount: 3 });
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text, { delay: 30 });
}

/** The numbers in a cell's text, read in the page's notation (euro signs dropped so a minus stays with its digits). */
function numbers(text: string, lang: 'nl' | 'en'): number[] {
  const t = text.replace(/€\s*/g, '').replace(/−/g, '-');
  const re = lang === 'nl' ? /-?\d{1,3}(?:\.\d{3})*(?:,\d+)?/g : /-?\d{1,3}(?:,\d{3})*(?:\.\d+)?/g;
  return (t.match(re) ?? []).map((s) => Number(lang === 'nl' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '')));
}
/**
 * The designer's proposal row against the financing table's proposal row, party by party: the
 * same mean change (both rounded to € 0,1 mln), the same chance of being worse off (whole
 * percent), and the Monte Carlo error within the rounding of the designer's one decimal.
 */
async function sameAsDesigner(page: Page, lang: 'nl' | 'en') {
  const design = await page.$$eval('[data-testid="design-nash"] td[data-party]', (els) => els.map((e) => ({ p: e.getAttribute('data-party')!, t: e.textContent ?? '' })));
  const fin = await page.$$eval('[data-testid="fin-design-nash"] td[data-party]', (els) => els.map((e) => ({ p: e.getAttribute('data-party')!, t: e.textContent ?? '' })));
  assert(design.length > 1 && fin.length === design.length, `a cell per signing party: designer ${design.length}, table ${fin.length}`);
  const worse = lang === 'nl' ? /slechter af \d+%$/ : /worse off \d+%$/;
  for (const d of design) {
    const f = fin.find((x) => x.p === d.p);
    assert(f !== undefined, `the table has ${d.p}`);
    assert(worse.test(f!.t.trim()), `${d.p}: chance of being worse off in ${lang} words: ${f!.t}`);
    const [g, e, w] = numbers(d.t, lang);
    const [g2, e2, w2] = numbers(f!.t, lang);
    assert(g === g2 && w === w2 && Math.abs(e - e2) <= 0.05 + 1e-9, `${d.p}: designer "${d.t}" vs table "${f!.t}"`);
  }
  const note = (await page.textContent('[data-testid="fin-design-note"]')) ?? '';
  assert(lang === 'nl' ? /dezelfde gesimuleerde zorg \(\d+ runs\)/.test(note) : /the same simulated care \(\d+ runs\)/.test(note), `the note says it is the same simulated care: ${note}`);
}

/**
 * "Welk contract kan iedereen tekenen?" as a steering group uses it: pick a contract and its
 * terms, type the ranges and each party's limits, search (Stop works), read the map, the
 * frontier and the proposal, add the proposal as a contract, and undo that.
 */
test.describe.serial('61-design', () => {
  let ctx: BrowserContext;
  let page: Page;
  let panel: Locator;
  let before: any;
  test.beforeAll(async () => {
    ({ ctx, page } = await env.openPage());
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${env.baseUrl}?runs=${RUNS}`);
    await env.waitDone(page, 1, 120_000);
    panel = page.locator('[data-testid="design-panel"]');
    await panel.scrollIntoViewIfNeeded();
  });
  test('designer: a range that is not a number is refused naming the term, in Dutch', async () => {
    await page.selectOption('[data-testid="design-contract"]', 'ss-one');
    await retype(page, '[data-testid="design-hi-0"]', 'veel');
    await page.click('[data-testid="design-run"]');
    const msg = await page.textContent('[data-testid="design-message"]');
    assert(/Deel van de besparing voor aanbieders \(tot\)/.test(msg ?? ''), `message names the term: ${msg}`);
  });
  test('designer: Stop ends a search at once and changes nothing', async () => {
    await retype(page, '[data-testid="design-hi-0"]', '100%');
    // A search of 5.000 runs, which the page's runs cannot serve: it lasts long enough for the
    // click on Stop to come during it on any machine (a search on the page's runs could end first).
    const runs = await page.inputValue('[data-testid="design-runs"]');
    await retype(page, '[data-testid="design-runs"]', '5000');
    await page.click('[data-testid="design-run"]');
    await page.click('[data-testid="design-cancel"]');
    await page.waitForSelector('[data-testid="design-cancelled"]');
    assert((await page.$('[data-testid="design-result"]')) === null, 'no result after Stop');
    await retype(page, '[data-testid="design-runs"]', runs);
  });
  test('designer: typed ranges and limits give the acceptable set, a map, the frontier and a proposal', async () => {
    before = await editorScenario(page);
    // Sharing rate 20–100%, minimum savings rate 0–4%; the hospital accepts a 60% chance of being worse off.
    await retype(page, '[data-testid="design-lo-0"]', '20');
    await retype(page, '[data-testid="design-hi-1"]', '4');
    await retype(page, '[data-testid="design-limit-hospital-worse"]', '60');
    await page.click('[data-testid="design-run"]');
    await page.waitForSelector('[data-testid="design-result"], [data-testid="design-message"]', { timeout: 300_000 }).catch(() => {});
    const problem = await page.$('[data-testid="design-message"]');
    assert(problem === null, `the search failed: ${await problem?.textContent()}`);
    assert((await page.$('[data-testid="design-result"]')) !== null, `no result: ${await page.textContent('[data-testid="design-panel"] p:has(button)')}`);
    const care = (await page.textContent('[data-testid="design-care"]')) ?? '';
    assert(/^Afrekening opnieuw toegepast op dezelfde gesimuleerde zorg \(\d+(\.\d{3})* runs\)\.$/.test(care.trim()), `says the variants were settled on the same care, not simulated again: ${care}`);
    assert((await page.$('[data-testid="design-stale"]')) === null, 'a fresh result is not marked as old');
    const found = await page.textContent('[data-testid="design-found"]');
    const m = /(\d+) van (\d+) varianten/.exec(found ?? '');
    assert(m !== null && Number(m[2]) > 49, `refined beyond the 7 × 7 grid: ${found}`);
    assert(Number(m![1]) > 0 && Number(m![1]) < Number(m![2]), `some but not all acceptable: ${found}`);
    const cells = await page.$$eval('[data-testid="design-map"] rect', (els) => els.length);
    assert(cells === Number(m![2]), `one map cell per variant (${cells})`);
    const ticks = await page.$$eval('[data-testid="design-map"] text', (els) => els.map((e) => e.textContent ?? ''));
    assert(ticks.some((t) => /^\d+%$/.test(t)) && ticks.some((t) => /^\d,\d%$|^\d%$/.test(t)), `percent ticks in Dutch notation: ${ticks.join(' ')}`);
    assert(ticks.includes('N'), 'the Nash proposal is marked on the map');
    const dots = await page.$$eval('[data-testid="design-frontier"] circle', (els) => els.length);
    assert(dots === Number(m![2]), `one frontier point per variant (${dots})`);
    const nash = await page.textContent('[data-testid="design-nash"]');
    assert(/Deel van de besparing voor aanbieders \d+%/.test(nash ?? '') && /€/.test(nash ?? ''), `proposal row: ${nash}`);
    await page.locator('[data-testid="design-form-top"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${env.artifacts}/design-form-nl-1366.png` });
    await page.locator('[data-testid="design-map"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${env.artifacts}/design-nl-1366.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('[data-testid="design-map"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${env.artifacts}/design-nl-1920.png` });
    await page.setViewportSize({ width: 1366, height: 768 });
  });
  test('designer: the proposal is a marked row of the financing table with the designer’s numbers, until it is added', async () => {
    const head = (await page.textContent('[data-testid="fin-design-nash"] th')) ?? '';
    assert(/Voorstel \(Nash\)/.test(head), `the row is named as the designer's proposal: ${head}`);
    await sameAsDesigner(page, 'nl');
    await page.locator('[data-testid="fin-design-nash"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${env.artifacts}/design-fin-row-nl-1366.png` });
  });
  test('designer: the proposal is added as a new contract in one click, and Ctrl+Z takes it back', async () => {
    const shown = await hookOf(page);
    assert((await page.$('[data-testid="fin-design-nash"]')) !== null, 'the proposal row is there before it is added');
    await page.click('[data-testid="design-add"]');
    // A contract now (after the next run): no longer the designer's row. Gone while the run it
    // was searched for is still the one on screen: the adding took it away, not the run after it
    // (a finished new run makes any proposal an older run's and would hide the row by itself).
    assert((await page.$('[data-testid="fin-design-nash"]')) === null, 'the proposal row goes once it is added');
    const still = await hookOf(page);
    assert(still.generation === shown.generation, `the row was checked after a new run (generation ${shown.generation} → ${still.generation})`);
    const added = await page.textContent('[data-testid="design-added"]');
    // Named after the picked contract as the scenario names it in Dutch.
    const picked = (DEFAULT_SCENARIO.financing.models as { id: string; name: { nl: string } }[]).find((m) => m.id === 'ss-one')!.name.nl;
    assert((added ?? '').includes(`Toegevoegd als "${picked} (voorstel)"`), `added note: ${added}`);
    const after = await editorScenario(page);
    assert(after.financing.models.length === before.financing.models.length + 1, 'one contract more');
    const c = after.financing.models[after.financing.models.length - 1];
    assert(c.id === 'ss-one-voorstel' && c.kind === 'sharedSavings' && typeof c.sharingRate === 'number', `the new contract: ${JSON.stringify(c).slice(0, 200)}`);
    // The scenario with the added contract is run again: the search stays, marked as the previous run's.
    await page.waitForSelector('[data-testid="design-stale"]', { timeout: 120_000 });
    await page.click('[data-testid="scenario-title"]');
    await page.keyboard.press('ControlOrMeta+z');
    await page.waitForFunction((n) => (window as any).__proeftuinEditor?.scenario().financing.models.length === n, before.financing.models.length, { timeout: 5_000 });
  });
  test('designer: three terms give a map of two of them, the third held at the proposal’s value and named', async () => {
    await page.selectOption('[data-testid="design-term-2"]', 'savingsCap');
    await page.selectOption('[data-testid="design-es-unit"]', 'revenue');
    await page.selectOption('[data-testid="design-es-over"]', 'year');
    // A limit the region's insurer cannot meet in every variant: its worst years lose more than 0,01% of its revenue.
    await retype(page, '[data-testid="design-limit-insurer-es"]', '0,01');
    await page.click('[data-testid="design-run"]');
    await page.waitForSelector('[data-testid="design-slice"], [data-testid="design-message"]', { timeout: 300_000 });
    const problem = await page.$('[data-testid="design-message"]');
    assert(problem === null, `the search failed: ${await problem?.textContent()}`);
    // The insurer's limit in % of its yearly revenue binds: it is named in that unit.
    const binding = (await page.textContent('[data-testid="design-binding"]')) ?? '';
    // Values per term as the form holds them: the grid has that many to the power of the terms.
    const levels3 = Number(await page.inputValue('[data-testid="design-levels"]'));
    assert(
      new RegExp(`Zorgverzekeraar: verlies in de slechtste 5% van de jaren (nooit onder 0,01% van de omzet|\\(% van de omzet\\) — in \\d+ van de ${levels3 ** 3} varianten)`).test(binding),
      `the insurer's limit named in its unit: ${binding}`,
    );
    await retype(page, '[data-testid="design-limit-insurer-es"]', '10');
    await page.click('[data-testid="design-run"]');
    await page.waitForSelector('[data-testid="design-nash"], [data-testid="design-message"]', { timeout: 300_000 });
    const found = await page.textContent('[data-testid="design-found"]');
    const total = Number(/ van (\d+) varianten/.exec(found ?? '')?.[1]);
    assert(total >= levels3 ** 3, `the ${levels3}³ grid and any points refined along the boundary: ${found}`);
    const note = (await page.textContent('[data-testid="design-slice-note"]')) ?? '';
    assert(/^De kaart toont .+ tegen .+, met .+ \d+(,\d)?%\.$/.test(note), `the held term is named with its value: ${note}`);
    const cells = await page.$$eval('[data-testid="design-slice"] [data-testid="design-map"] rect', (els) => els.map((e) => e.getAttribute('fill')));
    const inSlice = Number(await page.getAttribute('[data-testid="design-slice"] [data-testid="design-map"]', 'data-points'));
    assert(cells.length === inSlice, `one cell per variant of the slice (${cells.length} cells, ${inSlice} variants)`);
    // Held at its lowest value (always a grid level): the slice's grid cells are the map terms' grid, the rest refined points between them.
    const proposalHeld = await page.$eval('[data-testid="design-map-held-2"]', (e) => (e as HTMLSelectElement).value);
    const lowest = await page.$eval('[data-testid="design-map-held-2"] option', (e) => (e as HTMLOptionElement).value);
    await page.selectOption('[data-testid="design-map-held-2"]', lowest);
    const atLowest = Number(await page.getAttribute('[data-testid="design-slice"] [data-testid="design-map"]', 'data-points'));
    const gridCells = await page.$$eval('[data-testid="design-slice"] [data-testid="design-map"] rect:not([data-refined])', (els) => els.length);
    const allCells = await page.$$eval('[data-testid="design-slice"] [data-testid="design-map"] rect', (els) => els.length);
    assert(gridCells === levels3 ** 2 && allCells === atLowest, `the slice's grid cells: ${levels3} × ${levels3} (${gridCells}), one cell per variant (${allCells} of ${atLowest})`);
    await page.selectOption('[data-testid="design-map-held-2"]', proposalHeld);
    assert(
      cells.some((f) => f !== '#d9d9d9'),
      'the proposal’s slice has acceptable cells',
    );
    const levels = await page.$$eval('[data-testid="design-map-held-2"] option', (els) => els.map((e) => (e as HTMLOptionElement).value));
    const current = await page.$eval('[data-testid="design-map-held-2"]', (e) => (e as HTMLSelectElement).value);
    const other = levels.find((v) => v !== current)!;
    await page.selectOption('[data-testid="design-map-held-2"]', other);
    const note2 = (await page.textContent('[data-testid="design-slice-note"]')) ?? '';
    assert(note2 !== note && new RegExp(` ${Math.round(Number(other) * 100)}(,0)?%\\.$`).test(note2), `a picked level is named: ${note2}`);
    // A slice where no variant is acceptable says so in words instead of leaving an all-grey map to be read.
    const cells2 = await page.$$eval('[data-testid="design-slice"] [data-testid="design-map"] rect', (els) => els.map((e) => e.getAttribute('fill')));
    const empty = await page.$('[data-testid="design-slice-empty"]');
    assert((empty !== null) === cells2.every((f) => f === '#d9d9d9'), `the empty-slice note shows exactly when every cell is grey (${cells2.length} cells, note ${empty !== null})`);
    if (empty) assert(/^Met .+ is geen enkele variant voor iedereen acceptabel/.test((await empty.textContent()) ?? ''), 'the empty-slice note in Dutch');
    const head = await page.textContent('.design-limits thead th:nth-child(4)');
    assert(/% van de jaaromzet/.test(head ?? ''), `the limit's unit is stated: ${head}`);
    await page.locator('[data-testid="design-slice"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${env.artifacts}/design-3terms-nl-1366.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('[data-testid="design-slice"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${env.artifacts}/design-3terms-nl-1920.png` });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  test('designer: in English', async () => {
    await page.click('[data-testid="lang-en"]');
    const title = await page.textContent('#design-title');
    assert(title === 'Which contract can every party sign?', `title: ${title}`);
    const found = await page.textContent('[data-testid="design-found"]');
    assert(/\d+ of \d+ variants are acceptable/.test(found ?? ''), `found: ${found}`);
    const note = (await page.textContent('[data-testid="design-slice-note"]')) ?? '';
    assert(/^The map shows .+ against .+, with .+\.$/.test(note), `slice note in English: ${note}`);
    await page.locator('[data-testid="design-slice"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${env.artifacts}/design-3terms-en-1366.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('[data-testid="design-slice"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${env.artifacts}/design-3terms-en-1920.png` });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.click('[data-testid="lang-nl"]');
  });
  test('designer: a new search’s proposal shows in the financing table in both languages, and goes when the scenario is run again', async () => {
    const gen = ((await page.evaluate(() => (window as any).__proeftuin)) as { generation: number }).generation;
    await env.waitDone(page, gen, 120_000);
    await page.click('[data-testid="design-run"]');
    await page.waitForSelector('[data-testid="design-nash"], [data-testid="design-message"]', { timeout: 300_000 });
    await page.waitForSelector('[data-testid="fin-design-nash"]', { timeout: 10_000 });
    await sameAsDesigner(page, 'nl');
    await page.click('[data-testid="lang-en"]');
    const head = (await page.textContent('[data-testid="fin-design-nash"] th')) ?? '';
    assert(/Proposal \(Nash\)/.test(head), `named in English: ${head}`);
    await sameAsDesigner(page, 'en');
    await page.locator('[data-testid="fin-design-nash"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${env.artifacts}/design-fin-row-en-1366.png` });
    await page.click('[data-testid="run-button"]');
    await env.waitDone(page, gen + 1, 120_000);
    await page.waitForSelector('[data-testid="design-stale"]', { timeout: 10_000 });
    assert((await page.$('[data-testid="fin-design-nash"]')) === null, 'the row of an older run is gone');
    assert((await page.$('[data-testid="fin-design-note"]')) === null, 'its note too');
    await page.click('[data-testid="lang-nl"]');
  });
  test('designer: values per term and runs are typed, refused outside their bounds in both languages, and used', async () => {
    await retype(page, '[data-testid="design-levels"]', '12');
    await page.click('[data-testid="design-run"]');
    const nl = await page.textContent('[data-testid="design-message"]');
    assert(nl === 'Waarden per voorwaarde: een geheel getal van 2 tot en met 10.', `Dutch message: ${nl}`);
    await page.click('[data-testid="lang-en"]');
    await retype(page, '[data-testid="design-levels"]', '3');
    await retype(page, '[data-testid="design-runs"]', '50');
    await page.click('[data-testid="design-run"]');
    const en = await page.textContent('[data-testid="design-message"]');
    assert(en === 'Runs: a whole number from 100 to 10,000.', `English message: ${en}`);
    // A typed number keeps its value across the language switch: "1,000" in English is "1.000" in Dutch, not 1.
    await retype(page, '[data-testid="design-runs"]', '1,000');
    await page.click('[data-testid="lang-nl"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="design-runs"]') as HTMLInputElement | null)?.value === '1.000', null, { timeout: 5_000 });
    await retype(page, '[data-testid="design-runs"]', '300');
    await page.click('[data-testid="design-run"]');
    await page.waitForSelector('[data-testid="design-nash"], [data-testid="design-message"]', { timeout: 300_000 });
    const problem = await page.$('[data-testid="design-message"]');
    assert(problem === null, `the search failed: ${await problem?.textContent()}`);
    const found = await page.textContent('[data-testid="design-found"]');
    const n = Number(/ van (\d+) varianten/.exec(found ?? '')?.[1]);
    assert(n >= 27, `three terms at 3 values (27 on the grid, and any points refined along the boundary): ${found}`);
    const care = (await page.textContent('[data-testid="design-care"]')) ?? '';
    assert(/\(300 runs\)/.test(care), `the typed runs are simulated: ${care}`);
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
