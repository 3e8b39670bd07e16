import { env, eventually, test } from '../fixtures';
import type { ProeftuinHook } from '../../../src/testHook';
import type { BrowserContext } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import type { Page } from '@playwright/test';
import { assert } from '../harness';
import { DEFAULT_LINE_GROUPS } from '../../../models/analysis/calibrate';
const RUNS = 60;
const HEADER =
  'geslacht;leeftijdsklasse;gemeentenaam;aantal_bsn;aantal_verzekerdejaren;kosten_medisch_specialistische_z;kosten_farmacie;kosten_huisarts_inschrijftarief;kosten_huisarts_consult;kosten_huisarts_mdz;kosten_huisarts_overig;kosten_hulpmiddelen;kosten_mondzorg;kosten_paramedische_zorg_fysioth;kosten_paramedische_zorg_overig;kosten_ziekenvervoer_zittend;kosten_ziekenvervoer_liggend;kosten_kraamzorg;kosten_verloskundige_zorg;kosten_grensoverschrijdende_zorg;kosten_eerstelijns_ondersteuning;kosten_geriatrische_revalidatiez;kosten_eerstelijnsverblijf;kosten_verpleging_en_verzorging;kosten_gzsp;kosten_integrale_geboortezorg;kosten_innovatiegelden_ggz;kosten_overig;kosten_consulten_ggz;kosten_intramuraal_verblijf_ggz;kosten_overige_prestaties_ggz';
const AGES = ['0 t/m  4 jaar', ...Array.from({ length: 17 }, (_, i) => `${5 * (i + 1)} t/m ${5 * (i + 1) + 4} jaar`), '90+'];
const AREAS = ['MAASTRICHT', 'VAALS', 'MEERSSEN', 'AMSTERDAM', 'MAASDRIEL'];
/** A 2023 gemeente file in Vektis's layout with invented numbers (seeded), and its insured-years per area. */
function fixture(): { text: string; years: Map<string, number> } {
  const rnd = seedrandom('e2e-vektis');
  const cols = HEADER.split(';');
  const years = new Map<string, number>();
  const lines = [HEADER];
  for (const area of AREAS)
    for (const sex of ['M', 'V'])
      for (const age of AGES) {
        const y = Math.round(200 + 2000 * rnd()) + 0.25;
        years.set(area, (years.get(area) ?? 0) + y);
        lines.push(
          cols
            .map((c) =>
              c === 'geslacht'
                ? sex
                : c === 'leeftijdsklasse'
                  ? age
                  : c === 'gemeentenaam'
                    ? area
                    : c === 'aantal_bsn'
                      ? String(Math.round(y + 10))
                      : c === 'aantal_verzekerdejaren'
                        ? String(y)
                        : (y * (c === 'kosten_medisch_specialistische_z' ? 1500 + 900 * rnd() : 20 + 200 * rnd())).toFixed(2),
            )
            .join(';'),
        );
      }
  return { text: lines.join('\r\n') + '\r\n', years };
}
const value = (p: Page, path: string) => p.inputValue(`[data-path="${path}"]`);
const digits = (s: string) => Number(s.replace(/[^\d]/g, ''));
/**
 * The segment names the editor shows, in order: once every segment's fields are made (a closed
 * item makes them when opened or in idle time).
 */
async function segmentNames(p: Page): Promise<string[]> {
  const names = '[data-path^="region.segments["][data-path$="].name"]';
  await p.waitForFunction(
    (sel) => {
      const items = document.querySelectorAll('[data-list="region.segments"] > [data-testid^="item-region.segments["]').length;
      return items > 0 && document.querySelectorAll(sel).length === items;
    },
    names,
    { polling: 50 },
  );
  return p.$$eval(names, (els) => els.map((e) => (e as HTMLInputElement).value));
}

/**
 * A region from the Vektis open data, as a steering-group member would make it: open the
 * importer, pick the downloaded file, search areas by typing, calibrate, open as a new scenario
 * (the current one kept); a wrong file says what is wrong in the interface language and changes
 * nothing.
 */
test.describe.serial('60-region-import', () => {
  let dir: string;
  let fx: { text: string; years: Map<string, number> };
  let good: string;
  let bad: string;
  let ctx: BrowserContext;
  let page: Page;
  let first: ProeftuinHook;
  let popBefore: string;
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'proeftuin-e2e-region-'));
    fx = fixture();
    good = join(dir, 'Vektis Open Databestand Zorgverzekeringswet 2023 - gemeente.csv');
    writeFileSync(good, fx.text);
    bad = join(dir, 'vektis-komma.csv');
    writeFileSync(bad, fx.text.replace(/;/g, ','));

    ctx = await env.newContext(env.browser);
    page = await ctx.newPage();
    env.watch(page);
    await page.goto(`${env.baseUrl}?runs=${RUNS}`);
    first = await env.waitDone(page);
    popBefore = await value(page, 'region.population');
  });
  test('region import: a file with commas is refused naming row 1, in Dutch and in English, and nothing changes', async () => {
    await page.click('[data-testid="region-import-open"]');
    await page.setInputFiles('[data-testid="region-file"]', bad);
    await page.waitForSelector('[data-testid="region-problem"]');
    const nl = await page.textContent('[data-testid="region-problem"]');
    assert(/Rij 1: de kolommen zijn niet door puntkomma/.test(nl ?? ''), `Dutch message: ${nl}`);
    assert(/niets veranderd/.test(nl ?? ''), 'says nothing changed');
    await page.click('[data-testid="lang-en"]');
    const en = await page.textContent('[data-testid="region-problem"]');
    assert(/Row 1: the columns are not separated by semicolons/.test(en ?? ''), `English message: ${en}`);
    await page.click('[data-testid="lang-nl"]');
    assert((await value(page, 'region.population')) === popBefore, 'population unchanged');
  });
  test('region import: areas are found by typing, the calibration is shown, and opening keeps the previous scenario', async () => {
    await page.setInputFiles('[data-testid="region-file"]', good);
    await page.waitForSelector('[data-testid="region-file-info"]');
    const info = await page.textContent('[data-testid="region-file-info"]');
    assert(/5 gebieden \(gemeenten\), 2023/.test(info ?? ''), `file info: ${info}`);
    await page.click('[data-testid="region-search"]');
    await page.keyboard.type('maas', { delay: 40 });
    const listed = await page.$$eval('[data-testid="region-areas"] li', (els) => els.map((e) => e.textContent ?? ''));
    assert(listed.length === 2 && listed[0].startsWith('MAASDRIEL') && listed[1].startsWith('MAASTRICHT'), `search "maas": ${listed.join(' | ')}`);
    await page.click('[data-testid="region-areas"] li:nth-child(2) input');
    await page.click('[data-testid="region-search"]', { clickCount: 3 });
    await page.keyboard.type('Vaa', { delay: 40 });
    await page.click('[data-testid="region-areas"] li:nth-child(1) input');
    const chosen = await page.textContent('[data-testid="region-chosen"]');
    assert(/Gekozen \(2\): MAASTRICHT, VAALS/.test(chosen ?? ''), `chosen: ${chosen}`);
    // National rates for the age–sex comparison: a broken file is named with its row in Dutch, the
    // real 2023 rates (read from ../shared/data) are then taken and the ratio is shown.
    const badRates = join(dir, 'landelijk-kapot.csv');
    writeFileSync(badRates, 'geslacht,leeftijdsklasse,national_actual_cost,national_insured_years\nM,0 t/m  4 jaar,veel,10\n');
    await page.setInputFiles('[data-testid="region-national"]', badRates);
    const ratesProblem = await page.textContent('[data-testid="region-national-problem"]');
    assert(/landelijk-kapot\.csv is niet gebruikt: Rij 2, kolom "national_actual_cost"/.test(ratesProblem ?? ''), `bad rates named in Dutch: ${ratesProblem}`);
    const rates = join(env.root, '..', 'shared', 'data', 'vektis2023-national-age-sex.csv');
    // One class per data row of the file (after its header).
    const classes = readFileSync(rates, 'utf8').trim().split('\n').length - 1;
    await page.setInputFiles('[data-testid="region-national"]', rates);
    const ratesInfo = await page.textContent('[data-testid="region-national-info"]');
    assert(new RegExp(`${classes} klassen van geslacht × leeftijd gelezen`).test(ratesInfo ?? ''), `national rates read (${classes} in the file): ${ratesInfo}`);
    await page.click('[data-testid="region-build"]');
    await page.waitForSelector('[data-testid="region-result"]');
    const standardised = await page.textContent('[data-testid="region-result"]');
    assert(/landelijk gemiddelde bij dezelfde leeftijd en geslacht: \d+,\d{3} \(1 = landelijk\)/.test(standardised ?? ''), `the age–sex ratio in Dutch notation: ${standardised}`);
    const rows = await page.$$eval('[data-testid="region-groups"] tbody tr', (els) => els.map((e) => e.textContent ?? ''));
    assert(rows.length === DEFAULT_LINE_GROUPS.length, `one row per line group: ${rows.join(' | ')}`);
    assert(
      rows.some((r) => r.startsWith('Ziekenhuis')),
      `Dutch line names: ${rows[0]}`,
    );
    const result = await page.textContent('[data-testid="region-result"]');
    assert(/Bron: Vektis, Open Databestand Zvw 2023 \(.*sha256 [0-9a-f]{12}\), gemeenten: MAASTRICHT, VAALS/.test(result ?? ''), 'cites the file and the areas');
    assert(/duurste 1% draagt \d+,\d% ± \d,\d%/.test(result ?? ''), 'shows the top-1% share in Dutch notation');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('[data-testid="region-result"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(env.artifacts, 'region-import-nl-1366.png') });
    const segRows = await page.$$eval('[data-testid="region-segments"] tbody tr th', (els) => els.map((e) => e.textContent ?? ''));
    assert(segRows.join('|') === 'Leeftijd 0–17|Leeftijd 18–44|Leeftijd 45–64|Leeftijd 65–74|Leeftijd 75+', `the new scenario's segments are the age bands: ${segRows.join(' | ')}`);
    const mapping = await page.textContent('[data-testid="region-mapping"]');
    assert(/kosten_farmacie/.test(mapping ?? '') && /region\.import/.test(mapping ?? ''), `the mapping is shown and where to edit it: ${mapping}`);
    const notes = await page.textContent('[data-testid="region-notes"]');
    assert(/velp-ouderen/.test(notes ?? ''), `says which interventions now aim at every band: ${notes}`);
    const keptBefore = await page.$$eval('[data-testid="saved-item"]', (els) => els.length);
    await page.click('[data-testid="region-open-scenario"]');
    await env.waitDone(page, first.generation + 1);
    assert((await value(page, 'region.name')) === 'MAASTRICHT, VAALS', 'region name from the areas');
    const want = Math.round(fx.years.get('MAASTRICHT')! + fx.years.get('VAALS')!);
    assert(digits(await value(page, 'region.population')) === want, `population = the areas' insured-years (${want})`);
    const keptAfter = await page.$$eval('[data-testid="saved-item"]', (els) => els.length);
    assert(keptAfter === keptBefore + 1, `the previous scenario is kept in the workspace (${keptBefore} → ${keptAfter})`);
    assert((await page.$('[data-testid="region-import"]')) === null, 'the importer closes');
    assert((await segmentNames(page)).join('|') === 'Leeftijd 0–17|Leeftijd 18–44|Leeftijd 45–64|Leeftijd 65–74|Leeftijd 75+', `editor segments: ${(await segmentNames(page)).join(' | ')}`);
  });
  test('region import: age bands typed key by key become the segments, and the stored bands come back when importing again', async () => {
    const before = await env.waitDone(page);
    await page.click('[data-testid="region-import-open"]');
    await page.setInputFiles('[data-testid="region-file"]', good);
    await page.waitForSelector('[data-testid="region-file-info"]');
    // The current scenario came from an import: its bands are offered again.
    assert((await page.inputValue('[data-testid="region-bands"]')) === '0-17,18-44,45-64,65-74,75+', 'stored bands offered');
    await page.click('[data-testid="region-search"]', { clickCount: 3 });
    await page.keyboard.type('meer', { delay: 30 });
    await page.click('[data-testid="region-areas"] li:nth-child(1) input');
    await page.click('[data-testid="region-bands"]', { clickCount: 3 });
    await page.keyboard.press('Backspace');
    await page.keyboard.type('0-17,18-', { delay: 30 });
    await page.click('[data-testid="region-build"]');
    await page.waitForSelector('[data-testid="region-problem"]');
    const problem = await page.textContent('[data-testid="region-problem"]');
    assert(/leeftijdsgroepen kloppen niet/.test(problem ?? ''), `bad bands are named in Dutch: ${problem}`);
    await page.click('[data-testid="region-bands"]');
    await page.keyboard.press('End');
    await page.keyboard.type('64,65+', { delay: 30 });
    assert((await page.inputValue('[data-testid="region-bands"]')) === '0-17,18-64,65+', `typed bands: ${await page.inputValue('[data-testid="region-bands"]')}`);
    await page.click('[data-testid="region-build"]');
    await page.waitForSelector('[data-testid="region-result"]');
    const segRows = await page.$$eval('[data-testid="region-segments"] tbody tr th', (els) => els.map((e) => e.textContent ?? ''));
    assert(segRows.join('|') === 'Leeftijd 0–17|Leeftijd 18–64|Leeftijd 65+', `three bands: ${segRows.join(' | ')}`);
    // Pharmacy taken out of the modelled lines in the mapping table: built again, listed as outside.
    await page.click('[data-testid="region-mapping"] summary');
    await page.selectOption('[data-testid="region-map-pharmacy"]', '-1');
    const groupRows = () => page.$$eval('[data-testid="region-groups"] tbody tr', (els) => els.length);
    await eventually(async () => (await groupRows()) === DEFAULT_LINE_GROUPS.length - 1);
    assert((await groupRows()) === DEFAULT_LINE_GROUPS.length - 1, `one row fewer: ${await groupRows()}`);
    const outside = await page.textContent('[data-testid="region-result"]');
    assert(/Niet in een gemodelleerde zorglijn .*farmacie/.test(outside ?? ''), 'pharmacy listed as outside the modelled lines');
    await page.click('[data-testid="region-open-scenario"]');
    await env.waitDone(page, before.generation + 1);
    assert((await value(page, 'region.name')) === 'MEERSSEN', 'region name from the area');
    assert((await segmentNames(page)).join('|') === 'Leeftijd 0–17|Leeftijd 18–64|Leeftijd 65+', `editor segments: ${(await segmentNames(page)).join(' | ')}`);
    await page.click('[data-testid="lang-en"]');
    assert((await segmentNames(page)).join('|') === 'Age 0–17|Age 18–64|Age 65+', `English segment names: ${(await segmentNames(page)).join(' | ')}`);
    await page.click('[data-testid="lang-nl"]');
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
