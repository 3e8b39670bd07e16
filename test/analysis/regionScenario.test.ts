import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, LINES, type Category, type Line } from '../../models/core/names';
import { parseVektis } from '../../models/region/vektis';
import { parseBands, regionSource, selectRegion } from '../../models/region/select';
import { bandId, importRegion, mappingOf } from '../../models/analysis/regionScenario';
import { validateScenario } from '../../models/pipeline/validate';
import type { RegionImport } from '../../models/scenario/regionImport';
import type { Param, Scenario } from '../../models/scenario/schema';
import { defaultInput, root, run, valid, yearValues } from '../helpers';
import { AGES_2023, HEADER_2023, fixture, type Fixture } from '../region/fixtures';
import { paramMean } from '../../models/scenario/param';

/**
 * A region of an invented Vektis file (fixtures.ts: the 2023 layout, seeded random numbers, not
 * Vektis data) made into a scenario on the default base, checked against slow sums written here
 * apart from the importer.
 */
const meanOf = (p: Param | undefined) => (p === undefined ? 0 : paramMean(p));
const AREAS = ['MAASTRICHT', 'VAALS'];
const BANDS = '0-17,18-44,45-64,65-74,75+';
const SHA = 'ab'.repeat(32);

function build(fx: Fixture, base: Scenario, opts: { bands?: string; segments?: 'ageBands' | 'base' } = {}) {
  const mapping = mappingOf(base);
  const stored = base.region.import;
  const bands = opts.bands ?? stored?.bands ?? BANDS;
  const file = parseVektis(fx.text, { rules: mapping.columns });
  const region = selectRegion(file, stored?.areas ?? AREAS, parseBands(bands));
  const meta = { name: 'fixture 2023.csv', year: 2023, sha256: SHA };
  const record: RegionImport = {
    source: regionSource(meta, region),
    file: meta,
    areaKind: region.areaKind,
    areas: region.areas,
    bands,
    segments: opts.segments ?? stored?.segments ?? 'ageBands',
    columns: mapping.columns,
    lines: mapping.lines,
  };
  return { region, result: importRegion(base, { region, record }) };
}

/** Share of a five-year class "a t/m b jaar" (or "90+") in ages lo..hi, people spread evenly over the class. */
function overlap(age: string, lo: number, hi: number): number {
  const m = /^(\d+)\s*t\/m\s*(\d+)/.exec(age);
  if (!m) return Number(age.slice(0, 2)) >= lo && Number(age.slice(0, 2)) <= hi ? 1 : 0;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return Math.max(0, Math.min(b, hi) - Math.max(a, lo) + 1) / (b - a + 1);
}

/** Insured-years and cost per category per band, summed slowly over the fixture's rows. */
function bandSums(fx: Fixture, bands: [number, number][]) {
  return bands.map(([lo, hi]) => {
    let years = 0;
    const cost = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    for (const r of fx.rows.filter((x) => AREAS.includes(x.area))) {
      const w = overlap(r.age, lo, hi);
      years += w * r.years;
      for (const c of CATEGORIES) cost[c] += w * r.cost[c];
    }
    return { years, cost };
  });
}

/** The start-year expected cost per insured of one segment and line (parameters at their means; hospital with its high-cost episodes). */
function closedForm(seg: Scenario['region']['segments'][number], l: Line): number {
  const u = seg.lines[l];
  let c = u ? meanOf(u.contacts) * meanOf(u.costPerContact) : 0;
  if (l === 'hospital' && seg.highCost) {
    const sev = seg.highCost.severity;
    expect('mean' in sev, 'the default states episodes by mean and CV').toBe(true);
    c += meanOf(seg.highCost.rate) * meanOf((sev as { mean: Param }).mean);
  }
  return c;
}

describe('a scenario from a region of the Vektis open data, its segments the age bands', () => {
  const fx = fixture(HEADER_2023, ['MAASTRICHT', 'VAALS', 'MEERSSEN'], AGES_2023, { seed: 'bands' });
  const base = valid(defaultInput());
  const { region, result } = build(fx, base);
  const s = result.scenario;
  const BAND_AGES: [number, number][] = [
    [0, 17],
    [18, 44],
    [45, 64],
    [65, 74],
    [75, Infinity],
  ];
  const slow = bandSums(fx, BAND_AGES);
  const totalYears = fx.rows.filter((x) => AREAS.includes(x.area)).reduce((a, r) => a + r.years, 0);

  it("has one segment per age band, its share the band's insured-years, the population the areas' insured-years", () => {
    expect(s.region.segments.map((g) => g.id)).toEqual(['age-0-17', 'age-18-44', 'age-45-64', 'age-65-74', 'age-75-plus']);
    expect(s.region.segments.map((g) => g.name)).toEqual(
      BAND_AGES.map(([lo, hi]) => ({ nl: `Leeftijd ${hi === Infinity ? `${lo}+` : `${lo}–${hi}`}`, en: `Age ${hi === Infinity ? `${lo}+` : `${lo}–${hi}`}` })),
    );
    s.region.segments.forEach((g, i) => expect(Math.abs(g.share - slow[i].years / totalYears), g.id).toBeLessThan(1e-12));
    expect(s.region.population).toBe(Math.round(totalYears));
    expect(region.insuredYears).toBe(totalYears);
    expect(validateScenario(s).ok).toBe(true);
  });

  it('reproduces data × price index per band and care line in the closed form (within 0.5%; here to the 6 digits written)', () => {
    const years = s.simulation.startYear - 2023;
    const index = (l: Line) => (1 + meanOf(base.lines[l]!.trend)) ** years;
    // GP and 1.5-line care share the GP columns in the base's proportion of their expected cost.
    const perLine = (l: Line) => base.region.segments.reduce((a, g) => a + g.share * closedForm(g, l), 0);
    const gpShare = perLine('gp') / (perLine('gp') + perLine('intermediate'));
    const want: Record<Exclude<Line, 'selfcare'>, (c: Record<Category, number>) => number> = {
      hospital: (c) => c.hospital,
      pharmacy: (c) => c.pharmacy,
      gp: (c) => c.gp * gpShare,
      intermediate: (c) => c.gp * (1 - gpShare),
      mentalHealth: (c) => c.mentalHealth,
      otherZvw: (c) => c.nursing + c.devices + c.paramedical + c.transport + c.dental + c.maternity + c.other,
    };
    let worst = 0;
    s.region.segments.forEach((g, i) => {
      for (const l of Object.keys(want) as (keyof typeof want)[]) {
        const data = want[l](slow[i].cost) / slow[i].years;
        const rel = Math.abs(closedForm(g, l) / (data * index(l)) - 1);
        worst = Math.max(worst, rel);
        expect(rel, `${g.id} ${l}`).toBeLessThan(1e-5);
      }
    });
    expect(worst).toBeLessThan(0.005);
    // Over the bands the lines add up to the areas' totals × index: Σ share × band = region.
    const regionHospital = s.region.segments.reduce((a, g) => a + g.share * closedForm(g, 'hospital'), 0);
    expect(Math.abs(regionHospital / ((region.cost.hospital / region.insuredYears) * index('hospital')) - 1)).toBeLessThan(1e-5);
  });

  it("takes use, dispersion and cost CV from the base's population average with its sources, and cites the file on every derived number", () => {
    const avgContacts = base.region.segments.reduce((a, g) => a + g.share * meanOf(g.lines.gp!.contacts), 0);
    for (const g of s.region.segments) {
      expect(meanOf(g.lines.gp!.contacts)).toBeCloseTo(avgContacts, 5);
      const c = g.lines.gp!.contacts;
      expect(typeof c === 'object' && c.source).toMatch(/^Mean of the base scenario's segments weighted by their shares: Illustrative/);
      expect(g.source).toContain(result.scenario.region.import!.source);
      for (const l of LINES) {
        if (l === 'selfcare') continue;
        const p = g.lines[l]!.costPerContact;
        expect(typeof p === 'object' && p.source, `${g.id} ${l}`).toMatch(/^Bron: Vektis, Open Databestand Zvw 2023 \(fixture 2023\.csv, sha256 abababababab\), gemeenten: MAASTRICHT, VAALS; /);
        expect(typeof p === 'object' && 'illustrative' in p).toBe(false);
      }
    }
    // The region's high-cost rate is the base's, spread in proportion to the bands' hospital cost.
    const rate = (x: Scenario) => x.region.segments.reduce((a, g) => a + g.share * meanOf(g.highCost?.rate), 0);
    expect(rate(s) / rate(base)).toBeCloseTo(1, 5);
  });

  it('aims interventions and substitutions at every band, reaching as many people (contacts) as in the base', () => {
    const frail = base.region.segments.find((g) => g.id === 'frail')!.share;
    const before = base.interventions.find((x) => x.id === 'velp-ouderen')!;
    const after = s.interventions.find((x) => x.id === 'velp-ouderen')!;
    expect(before.segments).toEqual(['frail']);
    expect(after.segments).toEqual([]);
    expect(meanOf(after.reach.max) / meanOf(before.reach.max)).toBeCloseTo(frail, 6);
    expect(result.notes).toContainEqual({ kind: 'intervention', id: 'velp-ouderen', segments: ['frail'], factor: frail });
    const sub = s.substitution.find((x) => x.id === 'anderhalvelijn')!;
    const subBase = base.substitution.find((x) => x.id === 'anderhalvelijn')!;
    const hosp = (ids: string[] | null) => base.region.segments.filter((g) => !ids || ids.includes(g.id)).reduce((a, g) => a + g.share * meanOf(g.lines.hospital!.contacts), 0);
    expect(meanOf(sub.eligible) / meanOf(subBase.eligible)).toBeCloseTo(hosp(subBase.segments) / hosp(null), 5);
    expect(sub.segments).toEqual([]);
  });

  it('runs, and validates against the published JSON Schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'scenarios', 'scenario.schema.json'), 'utf8'));
    const check = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const file = JSON.parse(JSON.stringify(s));
    expect(check(file), JSON.stringify(check.errors?.slice(0, 2))).toBe(true);
    const input = structuredClone(file);
    input.simulation = { ...input.simulation, runs: 20, horizonYears: 2, varianceSplitRuns: 0 };
    const { block } = run(input, 20);
    expect(block.years).toBe(2);
    const total = yearValues(block, 'cf.total', 0);
    for (const v of total) expect(Number.isFinite(v) && v > 0, String(v)).toBe(true);
  });

  it('re-imports the same file with the stored mapping to the same scenario (deep-equal)', () => {
    const again = build(fx, valid(JSON.parse(JSON.stringify(s)))).result.scenario;
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(s)));
  });

  it("keeps a band's own assumptions on re-import, and uses an edited mapping", () => {
    const edited = JSON.parse(JSON.stringify(s));
    edited.region.segments[4].lines.gp.contacts = { value: 9, source: 'our own count' };
    // Pharmacy's columns now counted with the GP's: the stored mapping is what a re-import reads.
    edited.region.import.columns = edited.region.import.columns.map((r: { match: string }) => (r.match === 'kosten_farmacie' ? { ...r, category: 'gp' } : r));
    const again = build(fx, valid(edited)).result.scenario;
    const old = again.region.segments[4];
    expect(old.lines.gp!.contacts).toEqual({ value: 9, source: 'our own count' });
    const years = s.simulation.startYear - 2023;
    const idx = (1 + meanOf(base.lines.gp!.trend)) ** years;
    const share = again.region.import!.lines.find((g) => g.lines.includes('gp'))!.shares!.gp!;
    const data = (slow[4].cost.gp + slow[4].cost.pharmacy) / slow[4].years;
    expect(Math.abs(closedForm(old, 'gp') / (data * share * idx) - 1)).toBeLessThan(1e-5);
  });

  it('refuses a bad mapping entry, naming it', () => {
    const bad = (edit: (m: RegionImport) => void) => {
      const f = JSON.parse(JSON.stringify(s));
      edit(f.region.import);
      const r = validateScenario(f);
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(bad((m) => ((m.lines[1].categories as string[])[0] = 'farmacy'))).toEqual([expect.stringMatching(/^region\.import\.lines\[1\]\.categories\[0\]: must be one of "hospital", "pharmacy"/)]);
    expect(bad((m) => ((m.columns[3].category as string) = 'ggz'))).toEqual([expect.stringMatching(/^region\.import\.columns\[3\]\.category: must be one of/)]);
    expect(bad((m) => m.lines[0].categories.push('pharmacy'))).toEqual(['region.import.lines[1].categories[0]: category "pharmacy" is already mapped by line group 1; each may be in one group only']);
    expect(bad((m) => m.lines[1].lines.push('hospital'))).toEqual(['region.import.lines[1].lines[1]: care line "hospital" is already mapped by line group 1; each may be in one group only']);
    expect(bad((m) => (m.lines[2].shares = { gp: 0.9, intermediate: 0.2 }))).toEqual(['region.import.lines[2].shares: shares must sum to 1 (now 1.1)']);
    expect(bad((m) => (m.lines[2].shares = { gp: 0.9, pharmacy: 0.1 }))).toEqual(['region.import.lines[2].shares.pharmacy: line "pharmacy" is not one of this group\'s lines']);
  });

  it("keeps the base's segments and scales their cost level with segments 'base'", () => {
    const b = build(fx, base, { segments: 'base' }).result.scenario;
    expect(b.region.segments.map((g) => g.id)).toEqual(base.region.segments.map((g) => g.id));
    expect(b.region.import!.segments).toBe('base');
    expect(b.interventions).toEqual(base.interventions);
  });

  it('makes the bands asked for', () => {
    const three = build(fx, base, { bands: '0-39,40-64,65+' }).result.scenario;
    expect(three.region.segments.map((g) => g.id)).toEqual([bandId({ lo: 0, hi: 39, label: '' }), 'age-40-64', 'age-65-plus']);
    expect(three.region.import!.bands).toBe('0-39,40-64,65+');
  });
});
