import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSharedRegion, SHARED_REGION_FILE } from '../../scenarios/defaultRegion';
import { OWN_REGION_FILES, REBASED_FILES, rebaseLibraryFile } from '../../scenarios/libraryRegion';
import { DEFAULT_LINE_GROUPS } from '../../models/analysis/calibrate';
import { expectedPerCapita } from '../../models/finance/expected';
import { compile } from '../../models/pipeline/compile';
import { LINES } from '../../models/core/names';
import { localText } from '../../models/scenario/localText';
import { readJson, root, valid } from '../helpers';
import { paramMean } from '../../models/scenario/param';
import { slowSums } from '../region/fixtures';

const AREAS = ['EIJSDEN-MARGRATEN', 'GULPEN-WITTEM', 'MAASTRICHT', 'MEERSSEN', 'VAALS', 'VALKENBURG AAN DE GEUL'];

/** Cost per insured-year per shared-file category, summed slowly apart from the reader. */
function slowPerInsured(file: string): Map<string, number> {
  const { cost, insuredYears } = slowSums(file);
  return new Map([...cost].map(([c, v]) => [c, v / insuredYears]));
}

describe('library files re-based on Maastricht-Heuvelland (Vektis 2023)', () => {
  const file = join(root, SHARED_REGION_FILE);
  it('has the shared reference data', () => expect(existsSync(file), `${file} is needed (the shared reference data)`).toBe(true));
  const data = readSharedRegion(file);
  const perInsured = slowPerInsured(file);
  const def = readJson('scenarios/default.json') as any;
  // The Vektis categories of the shared file each line group stands for (its README's names).
  const CATEGORIES: Record<string, string[]> = {
    hospital: ['Medical specialist care'],
    'gp+intermediate': ['General practice'],
    pharmacy: ['Pharmacy'],
    mentalHealth: ['Mental health (GGZ)'],
    otherZvw: ['Nursing, rehabilitation and short-stay care', 'Medical devices', 'Paramedical care', 'Patient transport', 'Dental care', 'Maternity care', 'Other Zvw care'],
  };

  for (const f of Object.keys(REBASED_FILES)) {
    const raw = readJson(`scenarios/${f}`) as any;
    it(`${f}: closed-form start-year cost per insured = data × index within 0.5% per line group and in total (all Zvw)`, () => {
      const s = valid(raw);
      const perLine = expectedPerCapita(compile(s), []).lines;
      const years = s.simulation.startYear - data.dataYear;
      let got = 0;
      let want = 0;
      for (const g of DEFAULT_LINE_GROUPS) {
        const cats = CATEGORIES[g.lines.join('+')];
        const index = new Set(g.lines.map((l) => (1 + paramMean(s.lines[l]!.trend)) ** years));
        expect(index.size).toBe(1);
        const target = cats.reduce((t, c) => t + perInsured.get(c)!, 0) * [...index][0];
        const sum = g.lines.reduce((t, l) => t + perLine[LINES.indexOf(l)], 0);
        expect(Math.abs(sum / target - 1), `${f} ${g.lines.join('+')}: €${sum} vs €${target}`).toBeLessThan(0.005);
        got += sum;
        want += target;
      }
      expect(Object.values(CATEGORIES).flat().sort()).toEqual([...perInsured.keys()].sort());
      expect(Math.abs(got / want - 1)).toBeLessThan(0.005);
    });

    it(`${f}: is what \`npm run library:region\` writes (re-deriving changes nothing), keeps its own size, and cites the data`, () => {
      expect(rebaseLibraryFile(raw, def, data)).toEqual(raw);
      expect(raw.region.name).toBe('Maastricht-Heuvelland');
      expect(raw.region.population).toBe(Number(f.match(/(\d+)k/)?.[1] ?? 170) * 1000);
      const sha = data.source.match(/sha256 ([0-9a-f]{12})/)![1];
      for (const seg of raw.region.segments)
        for (const l of LINES) {
          if (l === 'selfcare' || !seg.lines[l]) continue;
          const src = seg.lines[l].costPerContact.source as string;
          expect(src, `${seg.id}.${l}`).toMatch(/^Bron: Vektis, Open Databestand Zvw 2023 \(vektis2023-maastricht-heuvelland\.csv, sha256 /);
          expect(src).toContain(sha);
          for (const a of AREAS) expect(src).toContain(a);
          expect(seg.lines[l].costPerContact.illustrative).toBeUndefined();
        }
      for (const l of ['nl', 'en'] as const)
        expect(localText(raw.meta.description, l)).toMatch(
          /Bron: Vektis, Open Databestand Zvw 2023; (gemeenten|municipalities) Eijsden-Margraten, Gulpen-Wittem, Maastricht, Meerssen, Vaals (en|and) Valkenburg aan de Geul/,
        );
    });
  }

  it('rebasing an old library file adds mental health and other Zvw care with the default use, so the total is all of the Zvw', () => {
    const raw = readJson('scenarios/farmacie-shared-savings.json') as any;
    expect(raw.region.segments[0].lines.mentalHealth).toBeUndefined();
    const out = rebaseLibraryFile(raw, def, data);
    for (const [i, seg] of out.region.segments.entries())
      for (const l of ['mentalHealth', 'otherZvw']) {
        expect(seg.lines[l].contacts).toEqual(def.region.segments[i].lines[l].contacts);
        expect(seg.lines[l].costPerContact.source).toContain('Bron: Vektis');
      }
    expect(out.lines.mentalHealth).toEqual(def.lines.mentalHealth);
    expect(out.financing.parties.deductibleShare.otherZvw).toEqual(def.financing.parties.deductibleShare.otherZvw);
    // Everything but the region, the lines and the deductible shares stays the file's own.
    for (const k of ['meta', 'simulation', 'interventions', 'substitution', 'benchmark']) expect(out[k], k).toEqual(raw[k]);
    expect(out.financing.models).toEqual(raw.financing.models);
    expect(out.region.population).toBe(raw.region.population);
  });

  for (const [f, region] of Object.entries(OWN_REGION_FILES))
    it(`${f} keeps its illustrative region and says, in Dutch and English, that ${region.en}'s Vektis data can be imported`, () => {
      const raw = readJson(`scenarios/${f}`) as any;
      expect(raw.region.name).not.toBe('Maastricht-Heuvelland');
      const nl = localText(raw.meta.description, 'nl');
      const en = localText(raw.meta.description, 'en');
      expect(nl).toContain(`De Vektis-gegevens van ${region.nl} kunnen worden ingelezen met ‘Regio uit Vektis-bestand…’ of met \`npm run region`);
      expect(en).toContain(`The Vektis data of ${region.en} can be imported with ‘Region from a Vektis file…’ or with \`npm run region`);
      for (const t of [nl, en]) expect(t).toContain(`--areas "${region.areas}" --base scenarios/${f}`);
      expect(nl).toMatch(/niet alle Zvw-zorg/);
      expect(en).toMatch(/not all Zvw care/);
      // The illustrative cost level is no Vektis number and must not say it is.
      for (const seg of raw.region.segments) for (const u of Object.values(seg.lines) as any[]) expect(JSON.stringify(u.costPerContact)).not.toContain('Bron: Vektis');
    });

  it('every library file is either re-based or keeps its own region', () => {
    const files = readdirSync(join(root, 'scenarios')).filter((x) => x.endsWith('.json') && x !== 'scenario.schema.json' && x !== 'default.json');
    expect(files.sort()).toEqual([...Object.keys(REBASED_FILES), ...Object.keys(OWN_REGION_FILES)].sort());
  });
});
