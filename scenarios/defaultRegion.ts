// The default scenario is the real Maastricht-Heuvelland: its cost level per line group comes from
// the Vektis open data of 2023 (../shared/data, used for calibration and tests only, never copied
// into the repository). `npm run default:region` rewrites scenarios/default.json with this code and
// test/region/defaultRegion.test.ts re-derives it and compares.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CATEGORIES, type Category } from '../models/region/vektis';
import { calibrate, type Calibration, type RegionData } from '../models/analysis/calibrate';
import type { Distribution, Param, Scenario } from '../models/scenario/schema';

/** The names the shared reference file gives the care categories (../shared/data/README.md). */
export const SHARED_CATEGORY_NAMES: Record<string, Category> = {
  'Medical specialist care': 'hospital',
  Pharmacy: 'pharmacy',
  'General practice': 'gp',
  'Mental health (GGZ)': 'mentalHealth',
  'Nursing, rehabilitation and short-stay care': 'nursing',
  'Medical devices': 'devices',
  'Paramedical care': 'paramedical',
  'Patient transport': 'transport',
  'Dental care': 'dental',
  'Maternity care': 'maternity',
  'Other Zvw care': 'other',
};

/** Where the shared reference data live, seen from the repository root. */
export const SHARED_REGION_FILE = '../shared/data/vektis2023-maastricht-heuvelland.csv';

/**
 * The shared file of Maastricht-Heuvelland 2023 (one row per municipality × category: cost in
 * euros and the municipality's insured-years) as region data, with its name, hash and areas as
 * the source every derived number cites.
 */
export function readSharedRegion(path: string): RegionData & { areas: string[] } {
  const text = readFileSync(path, 'utf8');
  const cost = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const years = new Map<string, number>();
  const rows = text.trim().split('\n');
  if (rows[0].trim() !== 'gemeentenaam;care_category;actual_cost_eur;insured_years') throw new Error(`${path}: unexpected header ${rows[0]}`);
  for (const [i, line] of rows.slice(1).entries()) {
    const [area, category, eur, insured] = line.trim().split(';');
    const c = SHARED_CATEGORY_NAMES[category];
    if (!c || !Number.isFinite(Number(eur)) || !Number.isFinite(Number(insured))) throw new Error(`${path}: row ${i + 2} does not parse`);
    cost[c] += Number(eur);
    years.set(area, Number(insured));
  }
  const areas = [...years.keys()].sort();
  const insuredYears = [...years.values()].reduce((s, v) => s + v, 0);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return {
    costPerInsuredYear: Object.fromEntries(CATEGORIES.map((c) => [c, cost[c] / insuredYears])) as Record<Category, number>,
    insuredYears,
    dataYear: 2023,
    source: `Bron: Vektis, Open Databestand Zvw 2023 (${basename(path)}, sha256 ${sha256.slice(0, 12)}), gemeenten: ${areas.join(', ')}`,
    areas,
  };
}

/** A cost to whole cents: what the file shows, well inside the 0.5% the calibration is held to. */
function cents(p: Param): Param {
  const r = (x: number) => Math.round(x * 100) / 100;
  if (typeof p === 'number') return r(p);
  if (!('dist' in p)) return { ...p, value: r(p.value) };
  switch (p.dist) {
    case 'uniform':
      return { ...p, min: r(p.min), max: r(p.max) };
    case 'triangular':
    case 'pert':
      return { ...p, min: r(p.min), mode: r(p.mode), max: r(p.max) };
    case 'normal':
    case 'lognormal':
      return { ...p, mean: r(p.mean), sd: r(p.sd) };
    default:
      return p;
  }
}

/**
 * How often a high-cost case is followed by one the next year (the lag-1 correlation ρ of a
 * person's yearly indicator; with rates of at most 3.6% a year, ρ is within 4% of the share of
 * this year's cases that have one next year). The model's high-cost episodes stand for the
 * costliest 1% or so of the insured, so the published persistence of the top 1% sets the mode.
 */
export const DEFAULT_PERSISTENCE: Distribution = {
  dist: 'pert',
  min: 0.1,
  mode: 0.2,
  max: 0.3,
  source:
    "US top 1% of spenders: 18–25% are in the top 1% again the next year (Cohen & Yu, AHRQ MEPS Statistical Briefs #124, #191, #309, #354: 25% 2002–03, nearly 25% 2004–05, 18.2% 2007–08, 20.0% 2008–09), the mode; the wider top 5% keeps 30% (Monheit, Med Care 2003), the upper end. The lower end is an assumption: a second high-cost hospital episode is narrower than staying among the costliest, part of whose persistence is chronic cost on other lines. Netherlands: the top 1% carry a quarter of spending in one year and more than a fifth over three (Bakx, O'Donnell & van Doorslaer 2016), a high persistence that includes long-term (Wlz) care outside this model, so it gives no Zvw-only figure. The same range for every segment, drawn independently (rank-correlating them would refuse a fixed number typed into one segment; the results move little with ρ, README)",
};

/** `base` with the default's high-cost persistence in every segment that has high-cost cases. */
export function withDefaultPersistence(base: Scenario): Scenario {
  const s = structuredClone(base);
  for (const seg of s.region.segments) if (seg.highCost) seg.highCost.persistence = structuredClone(DEFAULT_PERSISTENCE);
  return s;
}

/** `base` calibrated to the region, its cost per contact in cents, its region named after the data and the default's persistence. */
export function rebaseDefault(base: Scenario, data: RegionData): Calibration {
  const cal = calibrate(withDefaultPersistence(base), data, undefined, { factorInSource: false });
  for (const seg of cal.scenario.region.segments) for (const u of Object.values(seg.lines)) if (u) u.costPerContact = cents(u.costPerContact);
  return cal;
}
