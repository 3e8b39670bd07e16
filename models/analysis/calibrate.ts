/**
 * A scenario calibrated to a region's Vektis data: the cost per contact of the modelled care lines
 * is set so that the closed-form expected cost per insured in the start year (every parameter at
 * its mean) equals the data, price-indexed from the data year to the start year with the
 * scenario's own expected cost trend per line. Use, dispersion, cost CV and high-cost cases stay
 * as the base scenario states them, with their sources: the open data hold cost per insured-year,
 * not contacts or health status, so only the price level can be read from them.
 */
import { LINES, type Line } from '../core/names';
import type { Param, Scenario } from '../scenario/schema';
import { DIST_FACTS, partValues } from '../scenario/distributions';
import { compile } from '../pipeline/compile';
import { severityLogParams, val } from '../define/definition';
import { drawParams } from '../params/registry';
import { expectedPerCapita } from '../finance/expected';
import { personCostMoments } from '../define/personCost';
import { exp, ipow } from '../random/math';
import { makeSamplers } from '../random/samplers';
import { STREAMS, streamFor } from '../random/rng';
import type { Model } from '../pipeline/compile';
import { CATEGORIES, type Category } from '../region/vektis';

/** Which Vektis categories a group of modelled care lines stands for; the lines share one price factor. */
export interface LineGroup {
  lines: Line[];
  categories: Category[];
  /** Why the lines and categories belong together (shown as part of every calibrated number's source). */
  note: string;
}

/**
 * The default mapping. GP and 1.5-line care together stand for Vektis's GP columns: 1.5-line care
 * in the pilot regions was paid through the GP care group's contract (huisarts MDZ and
 * "overig" columns, domain.md), and the open data cannot split it off. Self-care is paid by
 * nobody in the Zvw and has no Vektis column; it keeps the base scenario's numbers.
 */
export const DEFAULT_LINE_GROUPS: readonly LineGroup[] = [
  { lines: ['hospital'], categories: ['hospital'], note: 'medisch-specialistische zorg; high-cost episodes kept as the base scenario states them' },
  { lines: ['pharmacy'], categories: ['pharmacy'], note: 'farmacie' },
  { lines: ['gp', 'intermediate'], categories: ['gp'], note: 'huisartsenzorg, incl. 1.5-line care paid through the care group (assumption: the data cannot split it)' },
  { lines: ['mentalHealth'], categories: ['mentalHealth'], note: 'GGZ' },
  {
    lines: ['otherZvw'],
    categories: ['nursing', 'devices', 'paramedical', 'transport', 'dental', 'maternity', 'other'],
    note: 'verpleging en verzorging, eerstelijnsverblijf, geriatrische revalidatie, hulpmiddelen, paramedische zorg, ziekenvervoer, mondzorg, kraam- en verloskundige zorg, overige Zvw-zorg',
  },
];

export interface RegionData {
  /** Cost per insured-year per Vektis category in the data year, euros. */
  costPerInsuredYear: Record<Category, number>;
  insuredYears: number;
  dataYear: number;
  /** "Bron: Vektis, …" with the file and areas: cited by every calibrated number. */
  source: string;
}

export interface CalibratedGroup {
  lines: Line[];
  categories: Category[];
  /** Data × index: the start-year target per insured, euros. */
  target: number;
  /** Price index from the data year to the start year (the lines' mean trend, compounded). */
  index: number;
  /** The base scenario's expected cost per insured of these lines before calibration. */
  before: number;
  /** The factor applied to their cost per contact. */
  factor: number;
}

export interface Calibration {
  scenario: Scenario;
  groups: CalibratedGroup[];
  /** Zvw categories that no modelled line stands for, per insured-year in the data year. */
  outside: { category: Category; perInsuredYear: number }[];
  /** Person-cost CV (parameters at their means) of the calibrated scenario, against the published 2–3 (domain.md). */
  personCv: number;
  /** Share of the start-year cost carried by the costliest 1% of people, with its Monte Carlo error (published: 23–25%, domain.md). */
  top1: { share: number; se: number };
}

export class CalibrationError extends Error {}

/** `p` multiplied by `f` (> 0): every form keeps its shape, so its mean is multiplied by `f` exactly. */
export function scaleParam(p: Param, f: number, source: string): Param {
  if (typeof p === 'number') return { value: p * f, source };
  const base = { ...p, source };
  delete (base as { illustrative?: boolean }).illustrative;
  if (!('dist' in base)) return { ...base, value: base.value * f };
  const v = partValues(base);
  const scaled = DIST_FACTS[base.dist].parts.filter((q) => q.inFieldUnit).map((q) => [q.name, v[q.name] * f]);
  return { ...base, ...Object.fromEntries(scaled) };
}

/** Expected high-cost cost per insured in the start year (parameters at their means): part of the hospital line. */
function expectedHighCost(s: Scenario): number {
  const model = compile(s);
  const theta = drawParams(model.registry, model.blocks, model.seed, 0, false);
  let sum = 0;
  for (const seg of model.segments) {
    if (!seg.highCost) continue;
    const { mu, sigma } = severityLogParams(theta, seg.highCost);
    sum += seg.share * val(theta, seg.highCost.rate) * exp(mu + (sigma * sigma) / 2);
  }
  return sum;
}

/**
 * `base` with its modelled lines' cost per contact scaled so that each group's expected start-year
 * cost per insured equals the data × index. The hospital group's high-cost part is kept and the
 * rest of hospital care takes up the difference, so the split stays the base scenario's sourced one.
 */
export function calibrate(base: Scenario, data: RegionData, groups: readonly LineGroup[] = DEFAULT_LINE_GROUPS, opts: { factorInSource?: boolean } = {}): Calibration {
  const model = compile(base);
  const theta = drawParams(model.registry, model.blocks, model.seed, 0, false);
  const { lines: perLine } = expectedPerCapita(model, []);
  const years = base.simulation.startYear - data.dataYear;
  const highCost = expectedHighCost(base);
  const used = new Set<Category>();
  const factors = new Map<Line, number>();
  const out: CalibratedGroup[] = [];
  for (const g of groups) {
    const idx = g.lines.map((l) => LINES.indexOf(l));
    // One index for the group: its lines' trends weighted by their share of its cost.
    const before = idx.reduce((s, l) => s + perLine[l], 0);
    // A base that has no use of these lines at all (a file from before they existed) keeps them
    // empty: their categories are listed as outside the modelled lines.
    if (before === 0 && g.lines.every((l) => base.region.segments.every((seg) => !seg.lines[l]))) continue;
    if (!(before > 0)) throw new CalibrationError(`lines ${g.lines.join(' + ')} have no expected cost in the base scenario to scale`);
    const index = idx.reduce((s, l) => s + perLine[l] * ipow(1 + val(theta, model.trend[l]), years), 0) / before;
    const target = g.categories.reduce((s, c) => s + data.costPerInsuredYear[c], 0) * index;
    const fixed = g.lines.includes('hospital') ? highCost : 0;
    const factor = (target - fixed) / (before - fixed);
    if (!(factor > 0) || !Number.isFinite(factor))
      throw new CalibrationError(
        `the base scenario's high-cost episodes alone (€${Math.round(fixed)} per insured) exceed the data's ${g.categories.join(' + ')} cost (€${Math.round(target)} per insured at start-year prices)`,
      );
    for (const c of g.categories) used.add(c);
    for (const l of g.lines) factors.set(l, factor);
    out.push({ lines: g.lines, categories: g.categories, target, index, before, factor });
  }
  const scenario: Scenario = structuredClone(base);
  for (const seg of scenario.region.segments) {
    for (const l of LINES) {
      const u = seg.lines[l];
      const f = factors.get(l);
      if (!u || f === undefined) continue;
      const group = groups.find((g) => g.lines.includes(l))!;
      const g = out.find((x) => x.lines.includes(l))!;
      // Without the factor the note is a fixed point: calibrating the calibrated scenario again
      // writes the same text (the default scenario is generated that way).
      const how = opts.factorInSource === false ? 'cost per contact set' : `the base scenario's cost per contact × ${f.toPrecision(4)}`;
      const note = `${data.source}; ${group.note}. Calibrated: ${how} so that expected ${g.lines.join(' + ')} cost per insured in ${base.simulation.startYear} = €${Math.round(g.target / g.index)} (${data.dataYear}) × ${g.index.toFixed(4)} (the lines' mean trend, ${years} years)`;
      u.costPerContact = scaleParam(u.costPerContact, f, note);
    }
  }
  scenario.region.population = Math.round(data.insuredYears);
  const outside = CATEGORIES.filter((c) => !used.has(c) && data.costPerInsuredYear[c] > 0).map((category) => ({ category, perInsuredYear: data.costPerInsuredYear[category] }));
  const calibrated = compile(scenario);
  return { scenario, groups: out, outside, personCv: personCostMoments(calibrated).cv, top1: topShare(calibrated, 0.01) };
}

/**
 * The share of one start-year's cost carried by the costliest fraction `p` of people (parameters at
 * their means), from `persons` people drawn one by one in the segments' shares. The Monte Carlo
 * error is from the estimator's influence function, which counts the uncertainty of the cut-off
 * quantile q: IFᵢ = (xᵢ·1{xᵢ>q} − q·(1{xᵢ>q} − p) − T·xᵢ) / x̄.
 */
export function topShare(model: Model, p: number, persons = 200_000): { share: number; se: number } {
  const theta = drawParams(model.registry, model.blocks, model.seed, 0, false);
  const rng = makeSamplers(streamFor(model.seed, 0, STREAMS.calibration));
  const x = new Float64Array(persons);
  let i = 0;
  for (const seg of model.segments) {
    const n = seg === model.segments[model.segments.length - 1] ? persons - i : Math.round(persons * seg.share);
    const lines = seg.lines.flatMap((u) => {
      if (!u) return [];
      const cv = val(theta, u.cv);
      return [{ k: u.dispersion < 0 ? Infinity : val(theta, u.dispersion), lambda: val(theta, u.contacts), mu: val(theta, u.cost), alpha: cv > 0 ? 1 / (cv * cv) : Infinity }];
    });
    const hc = seg.highCost && { rate: val(theta, seg.highCost.rate), ...severityLogParams(theta, seg.highCost) };
    for (let j = 0; j < n && i < persons; j++, i++) {
      let cost = 0;
      for (const u of lines) {
        const K = rng.poisson(u.k === Infinity ? u.lambda : rng.gamma(u.k, u.lambda / u.k));
        // The sum of K gamma costs of mean μ and shape α is gamma with shape Kα.
        if (K > 0) cost += u.alpha === Infinity ? K * u.mu : rng.gamma(K * u.alpha, u.mu / u.alpha);
      }
      if (hc && rng.uniform() < hc.rate) cost += rng.lognormal(hc.mu, hc.sigma);
      x[i] = cost;
    }
  }
  const sorted = Float64Array.from(x).sort();
  const cut = Math.floor(persons * (1 - p));
  const q = sorted[cut - 1];
  let total = 0;
  let above = 0;
  for (let j = 0; j < persons; j++) {
    total += sorted[j];
    if (j >= cut) above += sorted[j];
  }
  const share = above / total;
  const mean = total / persons;
  let ss = 0;
  for (let j = 0; j < persons; j++) {
    const hi = j >= cut ? 1 : 0;
    const f = (sorted[j] * hi - q * (hi - p) - share * sorted[j]) / mean;
    ss += f * f;
  }
  return { share, se: Math.sqrt(ss / (persons - 1) / persons) };
}
