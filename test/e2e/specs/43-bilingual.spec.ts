import { env, test, languageShown } from '../fixtures';
import type { BrowserContext } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { assert } from '../harness';
import { reveal } from '../page';
import type { ProeftuinHook } from '../../../src/testHook';
/**
 * A scenario file with its names in Dutch and English (format version 2), opened as a person
 * does: the editor, the summary band and the table export show the interface language's text and
 * follow the language switch; a language the file leaves out shows the other one; typing edits
 * one language and keeps the other. Changing a contract's kind offers to rename it, one undoable
 * step.
 */

const NAMES = {
  title: { nl: 'Tweetalige regio', en: 'Bilingual region' },
  segment0: { nl: 'Gezonde mensen NL', en: 'Healthy people EN' },
  segment1: { en: 'Only English EN' },
  model1: { nl: 'Bonus NL-naam', en: 'Bonus EN name' },
};
const editorScenario = (page: Page) => page.evaluate(() => (window as any).__proeftuinEditor?.scenario()) as Promise<any>;
const hookOf = (page: Page) => page.evaluate(() => (window as any).__proeftuin as ProeftuinHook);
async function save(page: Page, testId: string, path: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-testid="${testId}"]`)]);
  await dl.saveAs(path);
  return path;
}
const valueOf = async (page: Page, sel: string) => (await reveal(page, sel)).evaluate((e) => (e as HTMLInputElement).value);
const textOf = async (page: Page, sel: string) => ((await page.textContent(sel)) ?? '').trim();

test.describe.serial('43-bilingual', () => {
  let s: any;
  let file: string;
  let ctx: BrowserContext;
  let page: Page;
  let first: ProeftuinHook;
  let g: number;
  test.beforeAll(async () => {
    s = JSON.parse(readFileSync(join(env.root, 'scenarios', 'default.json'), 'utf8'));
    s.meta.title = NAMES.title;
    s.simulation.runs = 200;
    s.region.segments[0].name = NAMES.segment0;
    s.region.segments[1].name = NAMES.segment1;
    s.financing.models[1].name = NAMES.model1;
    file = join(env.artifacts, 'bilingual.json');
    writeFileSync(file, JSON.stringify(s, null, 2));

    ctx = await env.newContext(env.browser);
    page = await ctx.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    env.watch(page);
    await page.goto(`${env.baseUrl}?runs=200`);
    first = await env.waitDone(page, 1, 120_000);
    await page.click('[data-testid="lang-nl"]');
    await page.setInputFiles('[data-testid="import-file"]', file);
    await env.waitDone(page, first.generation + 1, 120_000);
    await page.waitForSelector('[data-testid="band-table"]', { timeout: 30_000 });
  });
  test('bilingual file (nl): title, segment and contract names in Dutch in the editor and the summary band; a missing Dutch name shows the English one', async () => {
    assert((await textOf(page, '[data-testid="scenario-title"]')) === NAMES.title.nl, `title: ${await textOf(page, '[data-testid="scenario-title"]')}`);
    assert((await valueOf(page, '#f-region-segments-0-name')) === NAMES.segment0.nl, `segment field: ${await valueOf(page, '#f-region-segments-0-name')}`);
    assert((await valueOf(page, '#f-region-segments-1-name')) === NAMES.segment1.en, 'the English-only name is not shown in Dutch');
    const item = await textOf(page, '[data-testid="item-region.segments[0]"] > summary .item-name');
    assert(item === NAMES.segment0.nl, `segment item: ${item}`);
    const band = await textOf(page, '[data-testid="band-table"]');
    assert(band.includes(NAMES.model1.nl) && !band.includes(NAMES.model1.en), `band: ${band.slice(0, 300)}`);
    const lang = await textOf(page, '[data-field="region.segments[0].name"] [data-testid="text-language"]');
    assert(/Nederlandse tekst/.test(lang), `no note that the Dutch text is edited: ${lang}`);
  });
  test("changing a contract's kind offers to rename it (keyboard, then a click); accepting is one step that undo takes back", async () => {
    const kindSel = '[data-testid="model-kind-financing.models[0]"]';
    const before = (await editorScenario(page)).financing.models[0];
    assert(before.kind === 'ffs' && typeof before.name === 'object', `model 0 is ${JSON.stringify(before)}`);
    const select = await reveal(page, kindSel);
    await select.focus();
    // Type-ahead on the closed select, as a keyboard user chooses.
    await page.keyboard.type('Pop', { delay: 60 });
    await page.waitForFunction(() => (window as any).__proeftuinEditor?.scenario().financing.models[0].kind === 'population', null, { timeout: 5000 });
    const offer = await page.waitForSelector('[data-testid="rename-accept-financing.models[0]"]', { timeout: 5000 });
    const label = ((await offer.textContent()) ?? '').trim();
    assert(label === 'Naam wijzigen in ‘Populatiebekostiging (integrator)’', `offer: ${label}`);
    assert(JSON.stringify((await editorScenario(page)).financing.models[0].name) === JSON.stringify(before.name), 'the name changed before the offer was taken');
    await offer.click();
    const renamed = (await editorScenario(page)).financing.models[0].name;
    assert(renamed?.nl === 'Populatiebekostiging (integrator)' && renamed?.en === 'Population-based payment (integrator)', `renamed: ${JSON.stringify(renamed)}`);
    assert((await valueOf(page, '#f-financing-models-0-name')) === 'Populatiebekostiging (integrator)', 'the name field does not show the new name');
    await page.waitForSelector('[data-testid="rename-offer-financing.models[0]"]', { state: 'detached', timeout: 5000 });
    await page.click('[data-testid="undo"]');
    const undone = (await editorScenario(page)).financing.models[0];
    assert(JSON.stringify(undone.name) === JSON.stringify(before.name) && undone.kind === 'population', `after one undo: ${JSON.stringify({ name: undone.name, kind: undone.kind })}`);
    assert((await valueOf(page, '#f-financing-models-0-name')) === before.name.nl, 'the name field does not show the restored name');
    // Type-ahead passed through the kind starting with "P" (the bonus) on its way to "Pop…": one
    // more step per kind it went through, the name untouched by each.
    for (let i = 0; i < 3 && (await editorScenario(page)).financing.models[0].kind !== 'ffs'; i++) await page.click('[data-testid="undo"]');
    const back = (await editorScenario(page)).financing.models[0];
    assert(back.kind === 'ffs' && JSON.stringify(back.name) === JSON.stringify(before.name), `after undoing the kind: ${JSON.stringify(back)}`);
  });
  test('bilingual file (en): the language switch shows the English names in the editor, the summary band and the CSV export', async () => {
    g = (await hookOf(page)).generation;
    await env.waitDone(page, g, 120_000);
    await page.click('[data-testid="lang-en"]');
    await languageShown(page, 'en');
    assert((await textOf(page, '[data-testid="scenario-title"]')) === NAMES.title.en, `title: ${await textOf(page, '[data-testid="scenario-title"]')}`);
    assert((await valueOf(page, '#f-region-segments-0-name')) === NAMES.segment0.en, `segment field: ${await valueOf(page, '#f-region-segments-0-name')}`);
    const band = await textOf(page, '[data-testid="band-table"]');
    assert(band.includes(NAMES.model1.en) && !band.includes(NAMES.model1.nl), `band: ${band.slice(0, 300)}`);
    const csv = readFileSync(await save(page, 'export-csv', join(env.artifacts, 'bilingual-en.csv')), 'utf8');
    assert(
      csv.split(/\r\n/).some((line) => line.startsWith(`${NAMES.model1.en},`)),
      'no CSV row named by the English contract name',
    );
    assert(!csv.includes(NAMES.model1.nl), 'the Dutch contract name in the English CSV');
  });
  test('typing a bilingual name in English (key by key) changes the English text and keeps the Dutch one', async () => {
    const el = await reveal(page, '#f-region-segments-0-name');
    await el.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Healthy', { delay: 40 });
    const name = (await editorScenario(page)).region.segments[0].name;
    assert(name?.en === 'Healthy' && name?.nl === NAMES.segment0.nl, `name: ${JSON.stringify(name)}`);
    assert(await el.evaluate((e) => document.activeElement === e), 'focus left the field');
    await page.click('[data-testid="lang-nl"]');
    assert((await valueOf(page, '#f-region-segments-0-name')) === NAMES.segment0.nl, 'the Dutch text is not shown after switching back');
  });
  test.afterAll(async () => {
    await page.screenshot({ path: join(env.artifacts, 'bilingual-nl.png') });
    await ctx.close();
  });
});
