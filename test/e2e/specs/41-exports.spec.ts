import { env, test, languageShown } from '../fixtures';
import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { localText } from '../../../models/scenario/localText';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import type { Page } from '@playwright/test';
import { assert } from '../harness';
import type { ProeftuinHook } from '../../../src/testHook';
import { readPng } from '../png';
type Fin = { parties: string[]; models: { name: unknown; horizon: Record<string, any>; years: Record<string, any>[] }[] };
const PARTY_NL: Record<string, string> = {
  insurer: 'Zorgverzekeraar',
  hospital: 'Ziekenhuis',
  gp: 'Huisartsen (zorggroep)',
  municipality: 'Gemeente',
  patients: 'Patiënten',
  integrator: 'Integrator',
};
const PARTY_EN: Record<string, string> = { insurer: 'Insurer', hospital: 'Hospital', gp: 'GP care group', municipality: 'Municipality', patients: 'Patients', integrator: 'Integrator' };
/** The rule the views use: a party is in a contract when money moves for it. */
const inContract = (r: any) => !!r && (r.revenue !== 0 || r.cost !== 0);
/** A CSV of titled sections (title line, header line, rows; a blank line between sections). */
function sections(csv: string, sep: string): Map<string, { header: string[]; rows: string[][] }> {
  const split = (line: string) => {
    const out: string[] = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (q) {
        if (ch === '"' && line[i + 1] === '"') ((cur += '"'), i++);
        else if (ch === '"') q = false;
        else cur += ch;
      } else if (ch === '"') q = true;
      else if (ch === sep) (out.push(cur), (cur = ''));
      else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const out = new Map<string, { header: string[]; rows: string[][] }>();
  for (const block of csv.trim().split(/\r\n\r\n/)) {
    const lines = block.split(/\r\n/);
    out.set(split(lines[0])[0], { header: split(lines[1]), rows: lines.slice(2).map(split) });
  }
  return out;
}
/** What the screen shows: € mln to 1 decimal, shares of runs to whole percents, in the language's notation. */
const shown = (x: number, d: number, nl: boolean) => {
  const s = (Math.round(x * 10 ** d) / 10 ** d).toFixed(d);
  return nl ? s.replace('.', ',') : s;
};
async function save(page: Page, testId: string, path: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-testid="${testId}"]`)]);
  await dl.saveAs(path);
  return path;
}

test.describe.serial('41-exports', () => {
  let ctx: BrowserContext;
  let page: Page;
  let hook: ProeftuinHook;
  let fin: Fin;
  test.beforeAll(async () => {
    ({ ctx, page } = await env.openPage());
    await page.goto(`${env.baseUrl}?runs=200`);
    hook = await env.waitDone(page);
    fin = (hook.summary as any).financing as Fin;
    await page.waitForSelector('[data-testid="riskreturn-chart"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="tornado-chart"], [data-testid="card-tornado"]', { timeout: 30_000 });
  });
  for (const lang of ['nl', 'en'] as const)
    test.describe.serial(() => {
      let nl: boolean;
      let P: Record<string, string>;
      test.beforeAll(async () => {
        nl = lang === 'nl';
        if (!nl) {
          await page.click('[data-testid="lang-en"]');
          await languageShown(page, 'en');
        }
        P = nl ? PARTY_NL : PARTY_EN;
      });
      test(`CSV (${lang}): the party × contract rows, over the horizon and per year, agree with the summary at the screen's rounding`, async () => {
        const csv = readFileSync(await save(page, 'export-csv', join(env.artifacts, `tables-${lang}.csv`)), 'utf8');
        const sep = nl ? ';' : ',';
        const s = sections(csv, sep);
        const cost = s.get(nl ? 'Kosten per jaar' : 'Cost per year');
        const horizon = s.get(nl ? 'Partijen, hele looptijd' : 'Parties, whole horizon');
        const years = s.get(nl ? 'Partijen per jaar' : 'Parties per year');
        assert(cost && horizon && years, `CSV sections: ${[...s.keys()].join(' | ')}`);
        assert(cost.rows.length === hook.summary!.years.length, `cost rows ${cost.rows.length}`);
        assert(cost.header[2] === (nl ? 'Totale kosten zonder verandering, gemiddeld (€ mln)' : 'Total cost without change, mean (€ mln)'), `cost header ${cost.header[2]}`);
        assert(cost.rows[0][2] === shown(hook.summary!.years[0].cf.total.mean / 1e6, 1, nl), `cost cell ${cost.rows[0][2]}`);
        const col = (h: string[], name: string) => {
          const i = h.indexOf(name);
          assert(i >= 0, `no column "${name}" in ${h.join(' | ')}`);
          return i;
        };
        const hh = horizon.header;
        const cMean = col(hh, nl ? 'Resultaat, gemiddeld (€ mln)' : 'Result, mean (€ mln)');
        const cP5 = col(hh, nl ? 'Resultaat, 5e percentiel (€ mln)' : 'Result, 5th percentile (€ mln)');
        const cLoss = col(hh, nl ? 'Kans op verlies (%)' : 'Chance of a loss (%)');
        const cEs = col(hh, nl ? 'Verlies in de slechtste 5% (ES, € mln)' : 'Loss in the worst 5% (ES, € mln)');
        const cChange = col(hh, nl ? 'Verschil met huidige situatie, gemiddeld (€ mln)' : 'Change vs status quo, mean (€ mln)');
        const cWorse = col(hh, nl ? 'Kans slechter af dan nu (%)' : 'Chance worse off than now (%)');
        let checked = 0;
        for (const m of fin.models) {
          for (const p of fin.parties) {
            const r = m.horizon[p];
            const name = localText(m.name, lang);
            const row = horizon.rows.find((x) => x[0] === name && x[1] === P[p]);
            if (!inContract(r)) {
              assert(!row, `${localText(m.name, lang)} × ${p}: a row for a party outside the contract`);
              continue;
            }
            assert(row, `${localText(m.name, lang)} × ${p}: no row`);
            const want = [
              [cMean, shown(r.result.mean / 1e6, 1, nl)],
              [cP5, shown(r.result.p5 / 1e6, 1, nl)],
              [cLoss, shown(r.pLoss.p * 100, 0, nl)],
              [cEs, shown(r.es95 / 1e6, 1, nl)],
              [cChange, shown(r.changeVsStatusQuo.mean / 1e6, 1, nl)],
              [cWorse, shown(r.pWorseOff.p * 100, 0, nl)],
            ] as const;
            for (const [c, v] of want) assert(row[c] === v, `${localText(m.name, lang)} × ${p}, ${hh[c]}: CSV ${row[c]}, summary ${v}`);
            checked++;
            // Per year: the last contract year's row.
            const t = m.years.length - 1;
            const yr = years.rows.find((x) => x[0] === name && x[1] === P[p] && x[2] === String(hook.summary!.startYear + t));
            if (inContract(m.years[t][p])) assert(yr && yr[3] === shown(m.years[t][p].result.mean / 1e6, 1, nl), `${localText(m.name, lang)} × ${p} ${t}: per-year row ${yr?.join('|')}`);
          }
        }
        assert(checked >= 20, `only ${checked} party rows checked`);
        const sq = horizon.rows.filter((x) => x[0].startsWith(nl ? 'Huidige situatie' : 'Status quo'));
        assert(sq.length >= 4, `${sq.length} status-quo rows`);
      });
      test(`xlsx (${lang}): the workbook opens, one sheet per table, the same rounded numbers`, async () => {
        const sheets = await readXlsxFile(await save(page, 'export-xlsx', join(env.artifacts, `tables-${lang}.xlsx`)));
        const names = sheets.map((s) => s.sheet);
        const want = nl ? ['Kosten per jaar', 'Partijen, hele looptijd', 'Partijen per jaar'] : ['Cost per year', 'Parties, whole horizon', 'Parties per year'];
        assert(JSON.stringify(names) === JSON.stringify(want), `sheets ${names.join(' | ')}`);
        const parties = sheets[1].data;
        const m = fin.models[0];
        const p = fin.parties.find((q) => inContract(m.horizon[q]))!;
        const row = parties.find((r) => r[0] === localText(m.name, lang) && r[1] === P[p]);
        assert(row, `no row ${localText(m.name, lang)} × ${p}`);
        const mean = Math.round((m.horizon[p].result.mean / 1e6) * 10) / 10;
        assert(typeof row[2] === 'number' && Math.abs((row[2] as number) - mean) < 1e-9, `xlsx result ${row[2]}, summary ${mean}`);
        assert(sheets[0].data.length === hook.summary!.years.length + 1, `cost sheet rows ${sheets[0].data.length}`);
      });
      test(`PNG set (${lang}): one zip of chart pictures named by question, each with a header band of text`, async () => {
        const zip = unzipSync(readFileSync(await save(page, 'export-png-set', join(env.artifacts, `charts-${lang}.zip`))));
        const names = Object.keys(zip).sort();
        assert(names.length >= 10, `only ${names.length} pictures: ${names.join(', ')}`);
        for (const q of ['1-', '2-', '3-', '4-'])
          assert(
            names.some((n) => n.startsWith(q)),
            `no picture for question ${q}`,
          );
        for (const n of names) {
          const img = readPng(Buffer.from(zip[n]));
          assert(img.width >= 600 && img.height >= 250, `${n}: ${img.width}×${img.height}`);
          // The header band (title and run line) carries dark text pixels at the left.
          const band = (y0: number, y1: number) => {
            let dark = 0;
            for (let y = Math.floor(y0); y < Math.min(img.height, y1); y++) for (let x = 0; x < img.width / 2; x++) if (img.grey(x, y) < 110) dark++;
            return dark;
          };
          const k = img.width > 1200 ? 2 : 1;
          assert(band(0, 44 * k) > 100, `${n}: no title in the header band`);
          // The run line (scenario, date, runs, seed) is drawn in grey #444 under the title: rows of
          // the header whose text is that grey and has none of the title's and legend's near-black.
          let greyRows = 0;
          for (let y = 0; y < Math.min(img.height, 110 * k); y++) {
            let grey = 0;
            let black = 0;
            for (let x = 0; x < img.width; x++) {
              const g = img.grey(x, y);
              if (g >= 62 && g <= 74) grey++;
              else if (g < 45) black++;
            }
            if (grey >= 5 && black === 0) greyRows++;
          }
          assert(greyRows >= 5 * k, `${n}: no run line (date, runs, seed) under the title (${greyRows} grey text rows)`);
        }
        const rr = names.find((n) => n.includes('riskreturn'))!;
        const img = readPng(Buffer.from(zip[rr]));
        let keyInk = 0;
        for (let y = img.height - 60; y < img.height - 10; y++) for (let x = 0; x < img.width; x++) if (img.grey(x, y) < 110) keyInk++;
        assert(keyInk > 200, `risk–return picture has no key under the chart (${keyInk} dark pixels)`);
      });
    });
  test('histogram: the last axis label lies inside the drawing (so the PNG keeps it)', async () => {
    const r = (await page.evaluate(`(() => {
      const svg = document.querySelector('[data-testid="hist-chart"]');
      const w = Number(svg.getAttribute('viewBox').split(' ')[2]);
      let right = 0;
      for (const t of svg.querySelectorAll('text')) { const b = t.getBBox(); right = Math.max(right, b.x + b.width); }
      return { w, right };
    })()`)) as { w: number; right: number };
    assert(r.right <= r.w, `a label ends at ${r.right.toFixed(1)}, the drawing at ${r.w}`);
    const img = readPng(readFileSync(await save(page, 'hist-png', join(env.artifacts, 'hist.png'))));
    assert(img.width >= 600, `${img.width} px wide`);
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
