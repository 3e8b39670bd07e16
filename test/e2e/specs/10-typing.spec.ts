import { storedWorkspace } from '../stored';
import { env, test, eventually, DEFAULT_SCENARIO } from '../fixtures';
import type { BrowserContext } from '@playwright/test';
import { join } from 'node:path';
import { localText } from '../../../models/scenario/localText';
import type { Page } from '@playwright/test';
import { assert } from '../harness';
import { reveal } from '../page';
import type { E2EEnv } from '../fixtures';
import type { ProeftuinHook } from '../../../src/testHook';
import { pathString } from '../../../src/workspace/paths';
/**
 * Typing in the editor as a person does: key by key, with a pause between keys, in every kind of
 * field. `fill()` sends a whole value in one event and so never showed that a field element was
 * re-created (and focus lost) after the first keystroke.
 */

type Path = (string | number)[];
interface Case {
  /** What the check is called (kind of field and entry). */
  name: string;
  sel: string;
  typed: string;
  /** Where the value lands in the scenario, and what it must be there. */
  path: Path;
  expect: unknown;
  /** The field's text right after typing (default: exactly what was typed). */
  shown?: string;
  /** A select: the keys are type-ahead letters and the field's value is the option's value. */
  select?: boolean;
}
const dp = (p: string) => `[data-path="${p}"]`;
function getAt(root: unknown, path: Path): unknown {
  let v: any = root;
  for (const k of path) v = v == null ? undefined : v[k as any];
  return v;
}
/**
 * Focuses the field, selects what it holds and types `text` key by key. Returns what happened to
 * the element meanwhile: it must stay in the page, keep focus and never blur.
 */
async function typeInto(page: Page, sel: string, text: string): Promise<{ connected: boolean; active: boolean; blurs: number; value: string }> {
  const el = await reveal(page, sel);
  await el.evaluate((e: any) => {
    e.__typingMark = true;
    e.__blurs = 0;
    e.addEventListener('blur', () => e.__blurs++);
  });
  await el.focus();
  await el.evaluate((e: any) => {
    e.__blurs = 0;
  });
  if ((await el.evaluate((e) => e.tagName)) !== 'SELECT') await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text, { delay: 40 });
  return el.evaluate((e: any) => ({
    connected: e.isConnected as boolean,
    active: document.activeElement === e && (document.activeElement as any).__typingMark === true,
    blurs: e.__blurs as number,
    value: String(e.value),
  }));
}
const editorScenario = (page: Page) => page.evaluate(() => window.__proeftuinEditor?.scenario());
const hookOf = (page: Page) => page.evaluate(() => (window as any).__proeftuin as ProeftuinHook);
function typeCases(pageOf: () => Page, cases: Case[], label: string): void {
  for (const c of cases) {
    test(`typing (${label}) ${c.name}: "${c.typed}" key by key, same element focused throughout`, async () => {
      const page = pageOf();
      const r = await typeInto(page, c.sel, c.typed);
      assert(r.connected, `the field element was replaced while typing (field now ${JSON.stringify(await page.$eval(c.sel, (e: any) => e.value).catch(() => '?'))})`);
      assert(
        r.active && r.blurs === 0,
        `focus left the field while typing (${r.blurs} blur(s); active element: ${await page.evaluate(() => document.activeElement?.tagName + '#' + document.activeElement?.id)})`,
      );
      if (!c.select) assert(r.value === (c.shown ?? c.typed), `field shows ${JSON.stringify(r.value)}, typed ${JSON.stringify(c.typed)}`);
      await eventually(async () => JSON.stringify(getAt(await editorScenario(page), c.path)) === JSON.stringify(c.expect));
      const got = getAt(await editorScenario(page), c.path);
      assert(JSON.stringify(got) === JSON.stringify(c.expect), `scenario holds ${JSON.stringify(got)} at ${c.path.join('.')}, expected ${JSON.stringify(c.expect)}`);
    });
  }
}
/** Waits for a valid scenario, runs it, and checks that the run got every typed value. */
function runAndCheck(pageOf: () => Page, cases: Case[], label: string): void {
  test(`typing (${label}): the next run uses every typed value`, async () => {
    const page = pageOf();
    await page
      .waitForFunction(
        () => {
          const b = document.querySelector<HTMLButtonElement>('[data-testid="run-button"]');
          return b !== null && !b.disabled && document.querySelector('[data-testid="editor-errors"]') === null;
        },
        null,
        { timeout: 10_000 },
      )
      .catch(async () => {
        const errs = await page.$eval('[data-testid="editor-errors"]', (e) => e.textContent).catch(() => '');
        throw new Error(`the scenario does not become runnable: ${errs}`);
      });
    const g = (await hookOf(page)).generation;
    await page.click('[data-testid="run-button"]');
    const hk = await env.waitDone(page, g + 1, 60_000);
    assert(hk.state === 'done' && !hk.cancelled, `run ended as ${hk.state}`);
    const wrong = cases
      .map((c) => ({ c, got: getAt(hk.input, c.path) }))
      .filter(({ c, got }) => JSON.stringify(got) !== JSON.stringify(c.expect))
      .map(({ c, got }) => `${c.path.join('.')}: ran with ${JSON.stringify(got)}, typed ${JSON.stringify(c.typed)}`);
    assert(wrong.length === 0, wrong.join('; '));
    const runs = getAt(hk.input, ['simulation', 'runs']);
    assert(hk.summary?.runs === runs, `the run made ${hk.summary?.runs} runs, the scenario asks ${runs}`);
  });
}
/** An entry the field must refuse: a message at the field, in the interface language, and no run. */
function refused(pageOf: () => Page, sel: string, path: Path, typed: string, word: RegExp, label: string): void {
  test(`typing (${label}) refuses the unclear entry "${typed}" at the field, with a message`, async () => {
    const page = pageOf();
    const r = await typeInto(page, sel, typed);
    assert(r.connected && r.active && r.blurs === 0, 'the field lost focus or was replaced');
    assert(r.value === typed, `field shows ${JSON.stringify(r.value)}`);
    const field = await page.waitForSelector(`[data-field="${pathString(path)}"] [data-testid="number-problem"]`, { timeout: 5000 });
    const msg = (await field.textContent()) ?? '';
    assert(word.test(msg), `message at the field: ${JSON.stringify(msg)}`);
    const v = getAt(await editorScenario(page), path);
    assert(typeof v !== 'number', `the scenario took ${JSON.stringify(v)} from "${typed}" (a guess)`);
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('[data-testid="run-button"]')?.disabled === true, null, { timeout: 5000 });
  });
}

/** Undo and redo (keys and buttons) of edits typed key by key, after a reload. */
function undoAcrossReload(): void {
  test.describe.serial(() => {
    let ctx: BrowserContext;
    let page: Page;

    const now = async () => (await editorScenario(page)) as any;
    let start: any;
    test.beforeAll(async () => {
      ({ ctx, page } = await env.openPage());
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(env.baseUrl);
      await env.waitDone(page, 1, 90_000);
      start = await now();
    });
    test('undo/redo: edits typed key by key are undone one field at a time after a reload (Ctrl+Z, Ctrl+Shift+Z, buttons)', async () => {
      await typeInto(page, dp('region.population'), '85000');
      await typeInto(page, '#f-region-name', 'Westelijke Mijnstreek');
      const add = await reveal(page, '[data-testid="add-interventions"]');
      await add.click();
      await eventually(
        async () =>
          (await page.evaluate(() => localStorage.getItem('proeftuin.history.v1') ?? '')).includes('Nieuwe interventie') &&
          (await storedWorkspace(page)).scenario?.interventions?.length === start.interventions.length + 1,
      ); // both saves are debounced (250 ms)
      await page.reload();
      await page.waitForFunction(() => (document.querySelector('[data-path="region.population"]') as HTMLInputElement | null)?.value === '85.000', null, { timeout: 15_000 });
      assert((await now()).interventions.length === start.interventions.length + 1, 'the added intervention was not restored');
      await page.click('[data-testid="scenario-title"]'); // focus outside the fields
      await page.keyboard.press('ControlOrMeta+z');
      await eventually(async () => (await now()).interventions.length === start.interventions.length);
      assert((await now()).interventions.length === start.interventions.length, 'Ctrl+Z did not undo the added intervention');
      await page.keyboard.press('ControlOrMeta+z');
      await eventually(async () => (await now()).region.name === start.region.name);
      assert((await now()).region.name === start.region.name, `Ctrl+Z did not undo the name: ${(await now()).region.name}`);
      assert((await now()).region.population === 85000, 'the population went back with the name: typing was not one step');
      await page.keyboard.press('ControlOrMeta+z');
      await eventually(async () => (await page.inputValue(dp('region.population'))) === '170.000');
      const pop = await page.inputValue(dp('region.population'));
      const startPop = start.region.population as number;
      const startShown = startPop.toLocaleString('nl-NL');
      assert((await now()).region.population === startPop && pop === startShown, `Ctrl+Z did not undo the typed population: ${(await now()).region.population}, field ${pop}`);
      await page.keyboard.press('ControlOrMeta+Shift+z');
      await eventually(async () => (await now()).region.population === 85000);
      assert((await now()).region.population === 85000, 'Ctrl+Shift+Z did not redo');
      // Inside a field too, and the field keeps its focus.
      const el = await reveal(page, dp('region.population'));
      await el.focus();
      await page.keyboard.press('ControlOrMeta+z');
      await eventually(async () => (await now()).region.population === 170000);
      assert((await now()).region.population === startPop && (await page.inputValue(dp('region.population'))) === startShown, 'Ctrl+Z in the field did not undo');
      assert(await el.evaluate((e) => document.activeElement === e), 'the field lost focus on undo');
      const redo = await reveal(page, '[data-testid="redo"]');
      await redo.click();
      await eventually(async () => (await now()).region.population === 85000);
      assert((await now()).region.population === 85000, 'the redo button did not redo');
      const undo = await reveal(page, '[data-testid="undo"]');
      await undo.click();
      await eventually(async () => JSON.stringify(await now()) === JSON.stringify(start));
      assert(JSON.stringify(await now()) === JSON.stringify(start), 'after undoing everything the scenario is not the one we started with');
      assert(await page.isDisabled('[data-testid="undo"]'), 'undo still offered with nothing to undo');
      await page.screenshot({ path: join(env.artifacts, 'editor-undo-nl.png') });
    });
    test.afterAll(async () => {
      await ctx.close();
    });
  });
}

/** Plausibility notes (never blocking), the reason on a disabled run button, and the list actions. */
function checksAndNotes(): void {
  test.describe.serial(() => {
    let ctx: BrowserContext;
    let page: Page;

    const warningAt = async (path: string) => await page.$eval(`[data-field="${path}"] [data-testid="field-warning"]`, (e) => e.textContent ?? '').catch(() => '');
    test.beforeAll(async () => {
      ({ ctx, page } = await env.openPage());
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(env.baseUrl);
      await env.waitDone(page, 1, 90_000);
    });
    for (const lang of ['nl', 'en'] as const)
      test.describe.serial(() => {
        test.beforeAll(async () => {
          await page.click(`[data-testid="lang-${lang}"]`);
        });
        test(`plausibility (${lang}): unlikely values get a note at the field and above the run button, and the run goes ahead`, async () => {
          await typeInto(page, dp('region.population'), '500');
          await typeInto(page, dp('simulation.runs'), '150');
          await typeInto(page, dp('region.segments[0].lines.gp.costPerContact.value'), lang === 'nl' ? '€ 1.250' : '€ 1,250');
          await typeInto(page, dp('financing.models[4].stopLoss.loading.value'), '150');
          await eventually(async () => (await warningAt('region.population')) !== '');
          const pop = await warningAt('region.population');
          assert(lang === 'nl' ? /Bedoelde u 500\.000\?/.test(pop) : /Did you mean 500,000\?/.test(pop), `population note: ${JSON.stringify(pop)}`);
          const runs = await warningAt('simulation.runs');
          assert(/200/.test(runs), `runs note: ${JSON.stringify(runs)}`);
          const cost = await warningAt('region.segments[0].lines.gp.costPerContact');
          // The default's own value of this field, as the note compares with it.
          const base = DEFAULT_SCENARIO.region.segments[0].lines.gp.costPerContact;
          const times = Math.round(1250 / (typeof base === 'number' ? base : base.value));
          assert(new RegExp(lang === 'nl' ? `${times} keer hoger` : `${times} times higher`).test(cost), `cost note (${times}×): ${JSON.stringify(cost)}`);
          const share = await warningAt('financing.models[4].stopLoss.loading');
          assert(/150%/.test(share), `share note: ${JSON.stringify(share)}`);
          const notes = (await page.textContent('[data-testid="run-notes"]')) ?? '';
          assert(/4/.test(notes) && (lang === 'nl' ? /Let op/ : /Please check/).test(notes), `notes above the run button: ${notes}`);
          await page.click('[data-testid="run-notes"] > summary');
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: join(env.artifacts, `editor-notes-${lang}.png`) });
          await page.click('[data-testid="run-notes"] > summary');
          const g = (await hookOf(page)).generation;
          await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('[data-testid="run-button"]')?.disabled === false, null, { timeout: 10_000 });
          await page.click('[data-testid="run-button"]');
          const hk = await env.waitDone(page, g + 1, 60_000);
          assert(hk.summary?.runs === 150 && getAt(hk.input, ['region', 'population']) === 500, `ran ${hk.summary?.runs} runs for ${getAt(hk.input, ['region', 'population'])} people`);
        });
        test(`run button (${lang}): when disabled it says why, in plain words`, async () => {
          await typeInto(page, dp('region.population'), lang === 'nl' ? '1.5' : '1,5');
          const why = await page.waitForSelector('[data-testid="run-why"]', { timeout: 5000 });
          const text = (await why.textContent()) ?? '';
          assert(lang === 'nl' ? /Doorrekenen kan niet: 1 invoer/.test(text) : /Cannot run: 1 value/.test(text), `reason: ${text}`);
          assert(await page.isDisabled('[data-testid="run-button"]'), 'run button enabled');
          const list = (await page.textContent('[data-testid="editor-errors"]')) ?? '';
          assert(!/region\.population|mode:/.test(list) && (lang === 'nl' ? /Verzekerden in de regio/ : /Insured in the region/).test(list), `error list: ${list}`);
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: join(env.artifacts, `editor-run-why-${lang}.png`) });
          await typeInto(page, dp('region.population'), lang === 'nl' ? '170.000' : '170,000');
          await typeInto(page, dp('simulation.runs'), '300');
          await typeInto(page, dp('region.segments[0].lines.gp.costPerContact.value'), '30');
          await typeInto(page, dp('financing.models[4].stopLoss.loading.value'), '10');
          await page.waitForSelector('[data-testid="run-why"]', { state: 'detached', timeout: 5000 });
          await page.waitForSelector('[data-testid="run-notes"]', { state: 'detached', timeout: 5000 });
        });
      });
    test('lists: "+ Add" adds a neutral new item, copying says "copy"; the GP formula is labelled for the GP group', async () => {
      await page.click('[data-testid="lang-nl"]');
      const names = async () => ((await editorScenario(page)) as any).interventions.map((x: any) => x.name) as unknown[];
      const before = await names();
      const add = await reveal(page, '[data-testid="add-interventions"]');
      await add.click();
      await eventually(async () => (await names()).length === before.length + 1);
      const after = await names();
      assert(after.length === before.length + 1 && after.at(-1) === 'Nieuwe interventie 1', `added: ${after.at(-1)}`);
      const item = ((await editorScenario(page)) as any).interventions.at(-1);
      assert(item.reach.max.value === 0 && item.cost.oneOff.value === 0, `new intervention not neutral: ${JSON.stringify(item)}`);
      const copy = await reveal(page, `[data-testid="item-interventions[0]"] .item-actions button:first-child`);
      await copy.click();
      await eventually(async () => (await names()).length === before.length + 2);
      const copied = (await names()).at(-1)!;
      // Each language gets its own word: "(kopie)" after the Dutch name, "(copy)" after the English one.
      assert(localText(copied, 'nl') === `${localText(before[0], 'nl')} (kopie)` && localText(copied, 'en') === `${localText(before[0], 'en')} (copy)`, `copy named ${JSON.stringify(copied)}`);
      await page.waitForFunction(() => document.querySelector('[data-testid="editor-errors"]') === null, null, { timeout: 5000 });
      const label = await page.$eval('label[for="f-financing-models-6-formulas-gp"]', (e) => e.textContent ?? '');
      assert(/huisartsen \(zorggroep\)/.test(label), `GP formula label: ${label}`);
    });
    test('formula errors are in the interface language, with readable field names', async () => {
      await typeInto(page, '#f-financing-models-6-formulas-gp', 'savings *');
      const sel = '[data-field="financing.models[6].formulas.gp"] .field-errors';
      // Checked after each keystroke: wait (hang guard only) until the message is for the whole text, not for "saving".
      await page.waitForFunction((q) => /teken 10/.test(document.querySelector(q)?.textContent ?? ''), sel, { timeout: 10_000 }).catch(() => undefined);
      const nl = (await page.textContent(sel)) ?? '';
      assert(/houdt onverwacht op/.test(nl) && /bij teken 10/.test(nl), `message: ${nl}`);
      await page.click('[data-testid="lang-en"]');
      const en = (await page.textContent('[data-field="financing.models[6].formulas.gp"] .field-errors')) ?? '';
      assert(/Unexpected end of expression/.test(en), `message: ${en}`);
      await typeInto(page, '#f-financing-models-6-formulas-gp', 'savings * 0.3');
      await page.waitForSelector('[data-testid="editor-errors"]', { state: 'detached', timeout: 5000 });
    });
    test.afterAll(async () => {
      await ctx.close();
    });
  });
}

test.describe.serial('10-typing', () => {
  let ctx: BrowserContext;
  let page: Page;
  const pg = () => page;
  // Every kind of field, in Dutch. Shares are shown and typed as percentages.
  const basics: Case[] = [
    { name: 'integer (runs)', sel: dp('simulation.runs'), typed: '300', path: ['simulation', 'runs'], expect: 300 },
    { name: 'integer (population)', sel: dp('region.population'), typed: '85000', path: ['region', 'population'], expect: 85000 },
    { name: 'integer (horizon)', sel: dp('simulation.horizonYears'), typed: '8', path: ['simulation', 'horizonYears'], expect: 8 },
    { name: 'text (seed)', sel: '#f-simulation-seed', typed: 'vergadering-3', path: ['simulation', 'seed'], expect: 'vergadering-3' },
    { name: 'text (title)', sel: '#f-meta-title', typed: 'Stuurgroep december', path: ['meta', 'title', 'nl'], expect: 'Stuurgroep december' },
    { name: 'text area (notes)', sel: '#f-meta-notes', typed: 'Besproken in de stuurgroep.', path: ['meta', 'notes', 'nl'], expect: 'Besproken in de stuurgroep.' },
    { name: 'text (region name)', sel: '#f-region-name', typed: 'Westelijke Mijnstreek', path: ['region', 'name'], expect: 'Westelijke Mijnstreek' },
    { name: 'text (segment name)', sel: '#f-region-segments-0-name', typed: 'Gezond', path: ['region', 'segments', 0, 'name', 'nl'], expect: 'Gezond' },
    { name: 'text (contract name)', sel: '#f-financing-models-1-name', typed: 'Bonus per verzekerde', path: ['financing', 'models', 1, 'name', 'nl'], expect: 'Bonus per verzekerde' },
    { name: 'contract term (quality threshold)', sel: dp('financing.models[1].qualityThreshold'), typed: '72', path: ['financing', 'models', 1, 'qualityThreshold'], expect: 72 },
    { name: 'contract term (settlement years)', sel: dp('financing.models[2].settlementYears'), typed: '2', path: ['financing', 'models', 2, 'settlementYears'], expect: 2 },
    { name: 'share, plain number (target)', sel: dp('simulation.targetReduction'), typed: '3', path: ['simulation', 'targetReduction'], expect: 0.03 },
    { name: 'share, parameter (sharing rate)', sel: dp('financing.models[2].sharingRate.value'), typed: '40', path: ['financing', 'models', 2, 'sharingRate', 'value'], expect: 0.4 },
    {
      name: 'amount, parameter (cost per GP contact)',
      sel: dp('region.segments[0].lines.gp.costPerContact.value'),
      typed: '35',
      path: ['region', 'segments', 0, 'lines', 'gp', 'costPerContact', 'value'],
      expect: 35,
    },
    { name: 'distribution min', sel: dp('substitution[0].eligible.min'), typed: '5', path: ['substitution', 0, 'eligible', 'min'], expect: 0.05 },
    { name: 'distribution max', sel: dp('substitution[0].eligible.max'), typed: '12', path: ['substitution', 0, 'eligible', 'max'], expect: 0.12 },
    { name: 'distribution most likely', sel: dp('substitution[0].eligible.mode'), typed: '7', path: ['substitution', 0, 'eligible', 'mode'], expect: 0.07 },
    { name: 'formula', sel: '#f-financing-models-6-formulas-gp', typed: 'savings / 4', path: ['financing', 'models', 6, 'formulas', 'gp'], expect: 'savings / 4' },
    { name: 'choice (who pays)', sel: '#f-interventions-0-payer', typed: 'Gem', path: ['interventions', 0, 'payer'], expect: 'municipality', select: true },
    {
      name: 'kind of uncertainty (fixed → PERT)',
      sel: '[data-testid="kind-region.segments[0].lines.gp.contacts"]',
      typed: 'PERT',
      path: ['region', 'segments', 0, 'lines', 'gp', 'contacts', 'dist'],
      expect: 'pert',
      select: true,
    },
    { name: 'new distribution sub-field', sel: dp('region.segments[0].lines.gp.contacts.mode'), typed: '2,6', path: ['region', 'segments', 0, 'lines', 'gp', 'contacts', 'mode'], expect: 2.6 },
  ];
  // Dutch number notation, typed key by key.
  const nl: Case[] = [
    { name: 'thousands dot', sel: dp('region.population'), typed: '170.000', path: ['region', 'population'], expect: 170000 },
    { name: 'thousands dot (amount)', sel: dp('interventions[0].cost.oneOff.value'), typed: '1.250', path: ['interventions', 0, 'cost', 'oneOff', 'value'], expect: 1250 },
    { name: 'decimal comma', sel: dp('region.segments[0].lines.gp.costCV.value'), typed: '0,65', path: ['region', 'segments', 0, 'lines', 'gp', 'costCV', 'value'], expect: 0.65 },
    { name: 'percent sign', sel: dp('financing.models[3].sharingRate.value'), typed: '60%', path: ['financing', 'models', 3, 'sharingRate', 'value'], expect: 0.6 },
    { name: 'euro sign and space', sel: dp('interventions[0].cost.perParticipant.value'), typed: '€ 650', path: ['interventions', 0, 'cost', 'perParticipant', 'value'], expect: 650 },
    { name: 'euro sign', sel: dp('interventions[0].cost.perYear.value'), typed: '€650', path: ['interventions', 0, 'cost', 'perYear', 'value'], expect: 650 },
    {
      name: 'decimal comma in a formula',
      sel: '#f-financing-models-6-formulas-gp',
      typed: 'savingsRate >= 0,02 ? min(0,3 * savings, 100000) : 0',
      path: ['financing', 'models', 6, 'formulas', 'gp'],
      expect: 'savingsRate >= 0.02 ? min(0.3 * savings, 100000) : 0',
    },
  ];
  // English notation: the comma separates thousands, the point is the decimal sign.
  const en: Case[] = [
    { name: 'thousands comma', sel: dp('region.population'), typed: '120,000', path: ['region', 'population'], expect: 120000 },
    { name: 'thousands comma', sel: dp('region.population'), typed: '170,000', path: ['region', 'population'], expect: 170000 },
    { name: 'thousands comma (amount)', sel: dp('interventions[0].cost.oneOff.value'), typed: '1,250', path: ['interventions', 0, 'cost', 'oneOff', 'value'], expect: 1250 },
    { name: 'decimal point', sel: dp('region.segments[0].lines.gp.costCV.value'), typed: '0.65', path: ['region', 'segments', 0, 'lines', 'gp', 'costCV', 'value'], expect: 0.65 },
    { name: 'percent sign', sel: dp('financing.models[3].sharingRate.value'), typed: '55%', path: ['financing', 'models', 3, 'sharingRate', 'value'], expect: 0.55 },
    { name: 'euro sign and space', sel: dp('interventions[0].cost.perParticipant.value'), typed: '€ 650', path: ['interventions', 0, 'cost', 'perParticipant', 'value'], expect: 650 },
    { name: 'euro sign', sel: dp('interventions[0].cost.perYear.value'), typed: '€650', path: ['interventions', 0, 'cost', 'perYear', 'value'], expect: 650 },
    { name: 'formula', sel: '#f-financing-models-6-formulas-gp', typed: 'max(0.25 * savings, 0)', path: ['financing', 'models', 6, 'formulas', 'gp'], expect: 'max(0.25 * savings, 0)' },
  ];
  test.beforeAll(async () => {
    ({ ctx, page } = await env.openPage());
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(env.baseUrl);
    await env.waitDone(page, 1, 90_000);
  });
  typeCases(pg, basics, 'nl');
  runAndCheck(pg, basics, 'nl');
  test('choices show words, not codes (one/two)', async () => {
    const opts = await page.$$eval('#f-financing-models-2-sided option', (os) => os.map((o) => o.textContent ?? ''));
    assert(opts.length === 2 && !opts.includes('one') && !opts.includes('two'), `options: ${opts.join(', ')}`);
  });
  typeCases(pg, nl, 'nl notation');
  typeCases(
    pg,
    [{ name: 'negative with both separators', sel: dp('region.segments[0].growth.value'), typed: '-1.234,5', path: ['region', 'segments', 0, 'growth', 'value'], expect: -12.345 }],
    'nl notation',
  );
  typeCases(pg, [{ name: 'back to a valid growth', sel: dp('region.segments[0].growth.value'), typed: '-0,2', path: ['region', 'segments', 0, 'growth', 'value'], expect: -0.002 }], 'nl notation');
  refused(pg, dp('region.population'), ['region', 'population'], '1.5', /Onduidelijk/, 'nl');
  refused(pg, dp('region.population'), ['region', 'population'], '1,2,3', /Onduidelijk/, 'nl');
  typeCases(pg, [nl[0]], 'nl notation, again');
  runAndCheck(pg, nl, 'nl notation');

  test.describe.serial(() => {
    test.beforeAll(async () => {
      await page.screenshot({ path: join(env.artifacts, 'typing-nl.png') });
      await page.click('[data-testid="lang-en"]');
    });
    typeCases(pg, en, 'en notation');
    typeCases(
      pg,
      [{ name: 'negative with both separators', sel: dp('region.segments[0].growth.value'), typed: '-1,234.5', path: ['region', 'segments', 0, 'growth', 'value'], expect: -12.345 }],
      'en notation',
    );
    typeCases(pg, [{ name: 'back to a valid growth', sel: dp('region.segments[0].growth.value'), typed: '-0.2', path: ['region', 'segments', 0, 'growth', 'value'], expect: -0.002 }], 'en notation');
    refused(pg, dp('region.population'), ['region', 'population'], '1,5', /Unclear/, 'en');
    refused(pg, dp('region.population'), ['region', 'population'], '1.234,5', /Unclear/, 'en');
    typeCases(pg, [en[1]], 'en notation, again');
    runAndCheck(pg, en.slice(1), 'en notation');

    test.afterAll(async () => {
      await page.screenshot({ path: join(env.artifacts, 'typing-en.png') });
    });
  });
  test.afterAll(async () => {
    await ctx.close();
  });
  checksAndNotes();
  undoAcrossReload();
});
