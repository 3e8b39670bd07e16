import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebaseDefault, readSharedRegion, SHARED_REGION_FILE } from '../../scenarios/defaultRegion';
import { DEFAULT_LINE_GROUPS } from '../../models/analysis/calibrate';
import { expectedPerCapita } from '../../models/finance/expected';
import { compile } from '../../models/pipeline/compile';
import { LINES } from '../../models/core/names';
import { defaultInput, root, valid } from '../helpers';
import { paramMean } from '../../models/scenario/param';
import { slowSums } from './fixtures';

describe('the default scenario is the real Maastricht-Heuvelland (Vektis 2023)', () => {
  const file = join(root, SHARED_REGION_FILE);
  it('has the shared reference data', () => expect(existsSync(file), `${file} is needed (the shared reference data)`).toBe(true));
  const data = readSharedRegion(file);
  const scenario = valid(defaultInput());
  const model = compile(scenario);
  const perLine = expectedPerCapita(model, []).lines;
  const years = scenario.simulation.startYear - data.dataYear;
  // The documented index: each line's mean cost trend (RIVM/CPB, domain.md) compounded from the data year.
  const index = (l: (typeof LINES)[number]) => (1 + paramMean(scenario.lines[l]!.trend)) ** years;
  const { cost, insuredYears } = slowSums(file);
  const dataOf = (names: string[]) => names.reduce((s, n) => s + cost.get(n)!, 0) / insuredYears;
  const WANT: { lines: (typeof LINES)[number][]; categories: string[] }[] = [
    { lines: ['hospital'], categories: ['Medical specialist care'] },
    { lines: ['pharmacy'], categories: ['Pharmacy'] },
    { lines: ['gp', 'intermediate'], categories: ['General practice'] },
    { lines: ['mentalHealth'], categories: ['Mental health (GGZ)'] },
    {
      lines: ['otherZvw'],
      categories: ['Nursing, rehabilitation and short-stay care', 'Medical devices', 'Paramedical care', 'Patient transport', 'Dental care', 'Maternity care', 'Other Zvw care'],
    },
  ];

  it('has 191,412 insured-years, all of them in the population', () => {
    expect(Math.round(insuredYears)).toBe(191412);
    expect(scenario.region.population).toBe(Math.round(insuredYears));
  });

  it('reproduces data × index per line group and in total within 0.5% (closed form, start year)', () => {
    let got = 0;
    let want = 0;
    for (const g of WANT) {
      const idx = new Set(g.lines.map(index));
      expect(idx.size, g.lines.join('+')).toBe(1);
      const target = dataOf(g.categories) * [...idx][0];
      const sum = g.lines.reduce((s, l) => s + perLine[LINES.indexOf(l)], 0);
      expect(Math.abs(sum / target - 1), `${g.lines.join('+')}: €${sum} vs €${target}`).toBeLessThan(0.005);
      got += sum;
      want += target;
    }
    // Every Zvw category of the file is in one of the groups: the total is all of the Zvw.
    expect(WANT.flatMap((g) => g.categories).sort()).toEqual([...cost.keys()].sort());
    expect(Math.abs(got / want - 1)).toBeLessThan(0.005);
    // €3,774 per insured-year in 2023 (../shared/data/README.md).
    expect(Math.round(dataOf([...cost.keys()]))).toBe(3774);
  });

  it('is what `npm run default:region` derives from the data: re-deriving changes no number', () => {
    const again = rebaseDefault(scenario, data);
    expect(again.outside).toEqual([]);
    expect(again.groups.map((g) => g.lines)).toEqual(DEFAULT_LINE_GROUPS.map((g) => g.lines));
    // The same file but for the costs, each within the cent it is rounded to (a recalibration of
    // rounded costs may move one by a cent; the 0.5% above is what the costs are held to).
    const costs: [number, number][] = [];
    const strip = (r: typeof scenario.region, into: number[]) => JSON.stringify(r, (k, v) => (k === 'costPerContact' ? (into.push(paramMean(v)), typeof v === 'object' ? v.source : '') : v));
    const a: number[] = [];
    const b: number[] = [];
    expect(strip(again.scenario.region, a)).toBe(strip(scenario.region, b));
    a.forEach((x, i) => costs.push([x, b[i]]));
    for (const [x, y] of costs) expect(Math.abs(x - y)).toBeLessThanOrEqual(0.01 + 1e-9);
  });

  it('cites the Vektis file with its hash and areas in every calibrated cost, and says why the rest is illustrative', () => {
    const sha = data.source.match(/sha256 ([0-9a-f]{12})/)![1];
    for (const seg of scenario.region.segments) {
      expect(seg.illustrative && seg.source).toMatch(/no health status|see the healthy segment/);
      for (const l of LINES) {
        const u = seg.lines[l];
        if (!u) continue;
        const p = u.costPerContact;
        const src = typeof p === 'object' ? p.source : undefined;
        if (l === 'selfcare') {
          expect(src).toMatch(/not Zvw care/);
          continue;
        }
        expect(src, `${seg.id}.${l}`).toMatch(/^Bron: Vektis, Open Databestand Zvw 2023 \(vektis2023-maastricht-heuvelland\.csv, sha256 /);
        expect(src).toContain(sha);
        for (const area of ['EIJSDEN-MARGRATEN', 'GULPEN-WITTEM', 'MAASTRICHT', 'MEERSSEN', 'VAALS', 'VALKENBURG AAN DE GEUL']) expect(src).toContain(area);
        expect(typeof p === 'object' && 'illustrative' in p).toBe(false);
        expect(typeof u.contacts === 'object' && u.contacts.source).toMatch(/open data hold cost per insured-year, not contacts/);
      }
    }
  });
});
