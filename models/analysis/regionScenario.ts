/**
 * A scenario from a region of the Vektis open data, its segments the region's age bands. The open
 * data hold insured-years and cost per insured-year by sex and age class, not health status or
 * contacts, so:
 * - each band's share is its share of the areas' insured-years, and its cost per insured-year per
 *   care line is the data's (× the price index): the cost per contact is set so that the closed-form
 *   expected cost (parameters at their means) equals it;
 * - use, dispersion, cost CV, growth and high-cost cases come from the base scenario: a base segment
 *   with the band's id gives its own (so re-importing an imported scenario keeps every per-band
 *   assumption the user made); otherwise the base's population average, with its sources;
 * - interventions and substitutions aimed at base segments that are no band are spread over all
 *   bands with their reach (eligible share) scaled so that they reach as many people (contacts).
 * The mapping from the file's columns to categories to care lines travels in the scenario
 * (`region.import`) and is what a re-import uses.
 */
import { CATEGORIES, LINES, type Category, type Line } from '../core/names';
import type { LineUse, Param, Scenario, Segment } from '../scenario/schema';
import type { LineGroupRecord, RegionImport } from '../scenario/regionImport';
import { DIST_FACTS, partValues } from '../scenario/distributions';
import { compile } from '../pipeline/compile';
import { severityLogParams, val } from '../define/definition';
import { drawParams } from '../params/registry';
import { expectedPerCapita } from '../finance/expected';
import { personCostMoments } from '../define/personCost';
import { exp, ipow } from '../random/math';
import type { AgeBand, Region } from '../region/select';
import { DEFAULT_COLUMN_RULES, type ColumnRule } from '../region/vektis';
import { CalibrationError, DEFAULT_LINE_GROUPS, calibrate, scaleParam, topShare, type CalibratedGroup, type Calibration } from './calibrate';
import { paramMean } from '../scenario/param';

/** The mapping a base scenario carries, or the defaults. */
export function mappingOf(base: Pick<Scenario, 'region'>): { columns: ColumnRule[]; lines: LineGroupRecord[] } {
  const m = base.region.import;
  return {
    columns: structuredClone(m?.columns ?? DEFAULT_COLUMN_RULES),
    lines: structuredClone(m?.lines ?? DEFAULT_LINE_GROUPS.map((g) => ({ lines: [...g.lines], categories: [...g.categories], note: g.note }))),
  };
}

/** The segment id of an age band: `age-0-17`, `age-75-plus`. */
export const bandId = (b: AgeBand) => (b.hi === Infinity ? `age-${b.lo}-plus` : `age-${b.lo}-${b.hi}`);

/** An intervention or substitution now aimed at every band (its reach or eligible share × factor), or correlations dropped. */
export type RemapNote = { kind: 'intervention' | 'substitution'; id: string; segments: string[]; factor: number } | { kind: 'correlations'; count: number };

/** A remap note in English (the command line's; the interface has its own texts). */
export function remapNoteEn(n: RemapNote): string {
  if (n.kind === 'correlations') return `${n.count} correlation(s) between segment parameters dropped (the segments are now age bands)`;
  return `${n.kind} ${n.id}: aimed at ${n.segments.join(', ')}, now at every age band with its ${n.kind === 'intervention' ? 'reach' : 'eligible share'} × ${n.factor.toPrecision(4)}`;
}

export interface RegionImportResult extends Omit<Calibration, 'scenario'> {
  scenario: Scenario;
  /** What the import did to the base's interventions, substitutions and correlations aimed at segments that are gone. */
  notes: RemapNote[];
  /** Per segment: its share and its expected cost per insured in the start year (closed form). */
  segments: { id: string; label: string; share: number; perInsured: number }[];
}

const meanOf = (p: Param | undefined): number => (p === undefined ? 0 : paramMean(p));
const sourceText = (p: Param | undefined): string | undefined => {
  if (typeof p !== 'object' || p.source === undefined) return undefined;
  return typeof p.source === 'string' ? p.source : (p.source.en ?? p.source.nl);
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Six significant digits: what a file shows, a million times finer than the 0.5% the data are held to. */
const round6 = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(6)));

/** `p` with mean `mean` and source `source`, keeping its form (and illustrative mark). */
function withMean(p: Param, mean: number, source: string): Param {
  const illustrative = typeof p === 'object' && p.illustrative === true;
  const m = meanOf(p);
  const q = typeof p === 'object' && 'dist' in p && m > 0 ? roundParts(scaleParam(p, mean / m, source)) : { value: mean, source };
  return illustrative && typeof q === 'object' ? { ...q, illustrative: true } : q;
}

/**
 * The weighted mean of parameters (undefined counts as 0): the parameter itself when every one is
 * the same; otherwise the mean in the form of the one that weighs most, citing their sources.
 */
function averageParam(entries: { p: Param | undefined; w: number }[], weighting: string): Param | undefined {
  const used = entries.filter((e) => e.w > 0);
  const defined = used.filter((e) => e.p !== undefined);
  if (defined.length === 0) return undefined;
  if (defined.length === used.length && defined.every((e) => same(e.p, defined[0].p))) return structuredClone(defined[0].p);
  const W = used.reduce((s, e) => s + e.w, 0);
  const mean = used.reduce((s, e) => s + e.w * meanOf(e.p), 0) / W;
  const heavy = defined.reduce((a, b) => (b.w > a.w ? b : a));
  const sources = [...new Set(defined.map((e) => sourceText(e.p)).filter((s): s is string => !!s))];
  return withMean(heavy.p!, round6(mean), `Mean of the base scenario's segments weighted by ${weighting}${sources.length ? `: ${sources.join(' | ')}` : ''}`);
}

/** The base's population-average use of one line (undefined when no segment uses it). */
function averageUse(segs: Segment[], l: Line): LineUse | undefined {
  const uses = segs.map((s) => ({ u: s.lines[l], share: s.share }));
  if (uses.every((x) => !x.u)) return undefined;
  const byShare = uses.map((x) => ({ p: x.u?.contacts ?? 0, w: x.share }));
  const byContacts = uses.filter((x) => x.u).map((x) => ({ w: x.share * meanOf(x.u!.contacts), u: x.u! }));
  const contactsWeighted = byContacts.some((x) => x.w > 0);
  const w = (x: (typeof byContacts)[number]) => (contactsWeighted ? x.w : 1);
  const what = contactsWeighted ? 'their contacts' : 'count';
  const withDisp = byContacts.filter((x) => x.u.dispersion !== undefined);
  const out: LineUse = {
    contacts: averageParam(byShare, 'their shares')!,
    costPerContact: averageParam(
      byContacts.map((x) => ({ p: x.u.costPerContact, w: w(x) })),
      what,
    )!,
    costCV: averageParam(
      byContacts.map((x) => ({ p: x.u.costCV, w: w(x) })),
      what,
    )!,
  };
  if (withDisp.length) {
    out.dispersion = averageParam(
      withDisp.map((x) => ({ p: x.u.dispersion, w: w(x) })),
      what,
    );
    // Keep the key order of the format (contacts, dispersion, costPerContact, costCV).
    return { contacts: out.contacts, dispersion: out.dispersion, costPerContact: out.costPerContact, costCV: out.costCV };
  }
  return out;
}

/**
 * The base's population-average high-cost cases: the rate as the share-weighted mean (segments
 * without cases count as 0); the episode cost the base's own when every segment has the same,
 * otherwise a lognormal with the mean and CV of the base's mixture of episodes (weighted by
 * share × rate, parameters at their means).
 */
function averageHighCost(base: Scenario): { rate: Param; severity: NonNullable<Segment['highCost']>['severity']; persistence?: Param } | undefined {
  const segs = base.region.segments;
  const rate = averageParam(
    segs.map((s) => ({ p: s.highCost?.rate ?? 0, w: s.share })),
    'their shares',
  );
  if (rate === undefined || !(meanOf(rate) > 0)) return undefined;
  const withHc = segs.map((s, i) => ({ s, i })).filter((x) => x.s.highCost);
  const w = (s: Segment) => s.share * meanOf(s.highCost!.rate);
  let severity = structuredClone(withHc[0].s.highCost!.severity);
  if (!withHc.every((x) => same(x.s.highCost!.severity, withHc[0].s.highCost!.severity))) {
    const model = compile(base);
    const theta = drawParams(model.registry, model.blocks, model.seed, 0, false);
    let W = 0;
    let m1 = 0;
    let m2 = 0;
    for (const { s, i } of withHc) {
      const { mu, sigma } = severityLogParams(theta, model.segments[i].highCost!);
      W += w(s);
      m1 += w(s) * exp(mu + (sigma * sigma) / 2);
      m2 += w(s) * exp(2 * mu + 2 * sigma * sigma);
    }
    const mean = m1 / W;
    const cv = Math.sqrt(Math.max(0, m2 / W / (mean * mean) - 1));
    const note = "A lognormal with the mean and CV of the base scenario's episodes of all segments (weighted by share × rate)";
    severity = { mean: { value: round6(mean), source: note }, cv: { value: round6(cv), source: note } };
  }
  const persistence = averageParam(
    withHc.map((x) => ({ p: x.s.highCost!.persistence ?? 0, w: w(x.s) })),
    'their high-cost cases',
  );
  return { rate, severity, ...(persistence !== undefined && meanOf(persistence) > 0 ? { persistence } : {}) };
}

export interface RegionImportInput {
  region: Region;
  /** The record written into the scenario: file, areas, bands, mode and mapping (shares filled in here when absent). */
  record: RegionImport;
}

/**
 * `base` with its region replaced by `region`: age bands (`record.segments === 'ageBands'`) or the
 * base's segments with their cost level scaled (`'base'`, calibrate.ts). Throws CalibrationError
 * when the data cannot be carried by the base's assumptions (a line the data has cost for but the
 * base has no contacts on, or high-cost cases worth more than a band's hospital cost).
 */
export function importRegion(base: Scenario, { region, record }: RegionImportInput): RegionImportResult {
  const dataYear = record.file.year;
  const source = record.source;
  if (record.segments === 'base') {
    const groups = record.lines.map((g) => ({ lines: g.lines, categories: g.categories, note: g.note ?? g.categories.join(', ') }));
    const cal = calibrate(base, { costPerInsuredYear: region.costPerInsuredYear, insuredYears: region.insuredYears, dataYear, source }, groups);
    const s = cal.scenario;
    s.region.name = region.areas.join(', ');
    s.region.import = structuredClone(record);
    delete s.results;
    return { ...cal, scenario: s, notes: [], segments: segmentReport(s) };
  }

  const baseModel = compile(base);
  const theta = drawParams(baseModel.registry, baseModel.blocks, baseModel.seed, 0, false);
  const perLineBase = expectedPerCapita(baseModel, []).lines;
  const years = base.simulation.startYear - dataYear;
  const indexOf = (l: Line) => ipow(1 + val(theta, baseModel.trend[LINES.indexOf(l)]), years);
  const uses = (l: Line) => base.region.segments.some((seg) => seg.lines[l]);

  // The groups the base can carry, each line's share of its group's cost fixed once.
  const lineGroups: LineGroupRecord[] = [];
  const active: { g: LineGroupRecord; shares: Map<Line, number> }[] = [];
  for (const g0 of record.lines) {
    const g = structuredClone(g0);
    lineGroups.push(g);
    if (!g.lines.some(uses)) continue;
    if (g.lines.length > 1 && !g.shares) {
      const sum = g.lines.reduce((s, l) => s + perLineBase[LINES.indexOf(l)], 0);
      if (!(sum > 0)) throw new CalibrationError(`lines ${g.lines.join(' + ')} have no expected cost in the base scenario to split the data over`);
      g.shares = Object.fromEntries(g.lines.map((l) => [l, round6(perLineBase[LINES.indexOf(l)] / sum)]));
      // The rounded shares sum to 1 again: the largest takes the rest.
      const big = g.lines.reduce((a, b) => (g.shares![b]! > g.shares![a]! ? b : a));
      g.shares[big] = round6(1 - g.lines.filter((l) => l !== big).reduce((s, l) => s + g.shares![l]!, 0));
    }
    const shares = new Map(g.lines.map((l) => [l, g.lines.length === 1 ? 1 : (g.shares?.[l] ?? 0)]));
    active.push({ g, shares });
  }
  const lineGroup = new Map<Line, (typeof active)[number]>();
  for (const a of active) for (const l of a.g.lines) lineGroup.set(l, a);
  const dataOf = (cost: Record<Category, number>, g: LineGroupRecord) => g.categories.reduce((s, c) => s + cost[c], 0);
  const hospitalGroup = lineGroup.get('hospital')?.g;

  const avgHc = averageHighCost(base);
  const avgUse = new Map(LINES.map((l) => [l, averageUse(base.region.segments, l)]));
  const avgGrowth = averageParam(
    base.region.segments.map((s) => ({ p: s.growth ?? 0, w: s.share })),
    'their shares',
  );
  const baseIds = new Map(base.region.segments.map((s) => [s.id, s]));

  const segments: Segment[] = region.bands.map((b) => {
    const id = bandId(b.band);
    const own = baseIds.get(id);
    const share = b.insuredYears / region.insuredYears;
    const lines = {} as Segment['lines'];
    for (const l of LINES) {
      const u = own ? own.lines[l] : avgUse.get(l);
      if (u) lines[l] = structuredClone(u);
    }
    let highCost: Segment['highCost'];
    if (own) highCost = structuredClone(own.highCost);
    else if (avgHc) {
      // High-cost episodes are concentrated where hospital cost is: the region's rate spread over
      // the bands in proportion to their hospital cost per insured-year.
      const f = hospitalGroup ? dataOf(b.costPerInsuredYear, hospitalGroup) / dataOf(region.costPerInsuredYear, hospitalGroup) : 1;
      const src = `${sourceText(avgHc.rate) ?? 'The base scenario'}; spread over the age bands in proportion to their hospital cost per insured-year (${source}): × ${f.toPrecision(4)} for ages ${b.band.label}`;
      const rate = withMean(avgHc.rate, round6(meanOf(avgHc.rate) * f), src);
      highCost = { rate, severity: structuredClone(avgHc.severity), ...(avgHc.persistence !== undefined ? { persistence: structuredClone(avgHc.persistence) } : {}) };
    }
    const growth = own ? own.growth : avgGrowth;
    const seg: Segment = {
      id,
      name: { nl: `Leeftijd ${b.band.label}`, en: `Age ${b.band.label}` },
      share,
      source: `${source}; insured-years aged ${b.band.label} ÷ all insured-years of the areas (five-year age classes split by the ages on each side of a band boundary)`,
      ...(growth !== undefined ? { growth: structuredClone(growth) } : {}),
      lines,
      ...(highCost ? { highCost } : {}),
    };
    return seg;
  });

  const s: Scenario = structuredClone(base);
  s.region = { name: region.areas.join(', '), population: Math.round(region.insuredYears), segments, import: { ...structuredClone(record), lines: lineGroups } };
  delete s.results;
  const notes = remapTargets(base, s);

  // Cost per contact from the data, with every other number of the segment as it now stands.
  const model = compile(s);
  const th = drawParams(model.registry, model.blocks, model.seed, 0, false);
  model.segments.forEach((ms, i) => {
    const seg = s.region.segments[i];
    const band = region.bands[i];
    let hc = 0;
    if (ms.highCost) {
      const { mu, sigma } = severityLogParams(th, ms.highCost);
      hc = val(th, ms.highCost.rate) * exp(mu + (sigma * sigma) / 2);
    }
    for (const l of LINES) {
      const a = lineGroup.get(l);
      const u = seg.lines[l];
      if (!a) continue;
      const data = dataOf(band.costPerInsuredYear, a.g);
      const index = indexOf(l);
      const target = data * a.shares.get(l)! * index;
      const need = target - (l === 'hospital' ? hc : 0);
      const contacts = u ? val(th, ms.lines[LINES.indexOf(l)]!.contacts) : 0;
      if (need < 0)
        throw new CalibrationError(
          `ages ${band.band.label}: the high-cost episodes alone (€${Math.round(hc)} per insured) exceed the data's hospital cost (€${Math.round(target)} per insured at start-year prices)`,
        );
      if (need > 0 && !(contacts > 0))
        throw new CalibrationError(`ages ${band.band.label}: the data have ${l} cost (€${Math.round(target)} per insured) but the base scenario has no ${l} contacts to carry it`);
      if (!u) continue;
      const perContact = contacts > 0 ? need / contacts : 0;
      const split = a.g.lines.length > 1 ? ` × ${a.shares.get(l)} (this line's share of the group, from the base scenario)` : '';
      const note = `${source}; ${a.g.note ?? a.g.categories.join(', ')}. Calibrated: cost per contact set so that expected ${l} cost per insured-year of ages ${band.band.label} in ${s.simulation.startYear} = €${data.toFixed(2)} (${dataYear})${split} × ${index.toFixed(4)} (the line's mean trend, ${years} years)${l === 'hospital' && hc > 0 ? `, high-cost episodes (€${hc.toFixed(2)}) included` : ''}`;
      const m = meanOf(u.costPerContact);
      // A cost already at the data (a re-import) keeps its numbers, so that re-importing is a fixed point.
      const keep = perContact > 0 ? Math.abs(m / perContact - 1) < 1e-5 : m === 0;
      u.costPerContact = keep
        ? withSource(u.costPerContact, note)
        : typeof u.costPerContact === 'object' && 'dist' in u.costPerContact
          ? roundParts(scaleParam(u.costPerContact, m > 0 ? perContact / m : 0, note))
          : { value: round6(perContact), source: note };
    }
  });

  const groups: CalibratedGroup[] = active.map(({ g, shares }) => {
    const index = g.lines.reduce((sum, l) => sum + shares.get(l)! * indexOf(l), 0);
    const target = dataOf(region.costPerInsuredYear, g) * index;
    const before = g.lines.reduce((sum, l) => sum + perLineBase[LINES.indexOf(l)], 0);
    return { lines: g.lines, categories: g.categories, target, index, before, factor: before > 0 ? target / before : NaN };
  });
  const used = new Set(active.flatMap((a) => a.g.categories));
  const outside = CATEGORIES.filter((c) => !used.has(c) && region.costPerInsuredYear[c] > 0).map((category) => ({ category, perInsuredYear: region.costPerInsuredYear[category] }));
  const calibrated = compile(s);
  return { scenario: s, groups, outside, personCv: personCostMoments(calibrated).cv, top1: topShare(calibrated, 0.01), notes, segments: segmentReport(s) };
}

function withSource(p: Param, source: string): Param {
  if (typeof p === 'number') return { value: p, source };
  const q = { ...p, source };
  delete (q as { illustrative?: boolean }).illustrative;
  return q;
}

function roundParts(p: Param): Param {
  if (typeof p !== 'object') return round6(p);
  if (!('dist' in p)) return { ...p, value: round6(p.value) };
  const names = DIST_FACTS[p.dist].parts.filter((q) => q.inFieldUnit).map((q) => q.name);
  const v = partValues(p);
  return { ...p, ...Object.fromEntries(names.map((n) => [n, round6(v[n])])) };
}

/**
 * Interventions and substitutions aimed at segments that are no longer there: each now aims at
 * every band, with its reach (an intervention) or its eligible share (a substitution) multiplied
 * by what the targeted segments held of the base (their share of people; their share of the
 * sending line's contacts), so that it reaches as many people and may move as many contacts as in
 * the base. Its relative effects then apply to the bands' average people. Correlations naming a
 * segment's parameter are dropped (the segment is gone). Returns what was changed.
 */
function remapTargets(base: Scenario, s: Scenario): RemapNote[] {
  const notes: RemapNote[] = [];
  const ids = new Set(s.region.segments.map((g) => g.id));
  const share = new Map(base.region.segments.map((g) => [g.id, g.share]));
  const names = (list: string[]) => list.join(', ');
  s.interventions.forEach((iv) => {
    if (iv.segments.length === 0 || iv.segments.every((id) => ids.has(id))) return;
    const f = iv.segments.reduce((sum, id) => sum + (share.get(id) ?? 0), 0);
    const why = `spread over all age bands by the region import: × ${f.toPrecision(4)}, the base scenario's share of ${names(iv.segments)}, so that as many people are reached`;
    iv.reach.max = withMean(iv.reach.max, round6(meanOf(iv.reach.max) * f), `${sourceText(iv.reach.max) ?? 'The base scenario'}; ${why}`);
    notes.push({ kind: 'intervention', id: iv.id, segments: iv.segments, factor: f });
    iv.segments = [];
  });
  s.substitution.forEach((sub) => {
    if (sub.segments.length === 0 || sub.segments.every((id) => ids.has(id))) return;
    const contacts = (g: Segment) => g.share * meanOf(g.lines[sub.from]?.contacts);
    const all = base.region.segments.reduce((sum, g) => sum + contacts(g), 0);
    const f = all > 0 ? base.region.segments.filter((g) => sub.segments.includes(g.id)).reduce((sum, g) => sum + contacts(g), 0) / all : 0;
    const why = `spread over all age bands by the region import: × ${f.toPrecision(4)}, the share of the base scenario's ${sub.from} contacts in ${names(sub.segments)}, so that as many contacts may move`;
    sub.eligible = withMean(sub.eligible, round6(meanOf(sub.eligible) * f), `${sourceText(sub.eligible) ?? 'The base scenario'}; ${why}`);
    notes.push({ kind: 'substitution', id: sub.id, segments: sub.segments, factor: f });
    sub.segments = [];
  });
  const kept = s.correlations.filter((c) => !c.between.some((p) => p.startsWith('region.segments')));
  if (kept.length < s.correlations.length) notes.push({ kind: 'correlations', count: s.correlations.length - kept.length });
  s.correlations = kept;
  return notes;
}

function segmentReport(s: Scenario): RegionImportResult['segments'] {
  const model = compile(s);
  const theta = drawParams(model.registry, model.blocks, model.seed, 0, false);
  return model.segments.map((ms, i) => {
    const seg = s.region.segments[i];
    let perInsured = 0;
    ms.lines.forEach((u) => u && (perInsured += val(theta, u.contacts) * val(theta, u.cost)));
    if (ms.highCost) {
      const { mu, sigma } = severityLogParams(theta, ms.highCost);
      perInsured += val(theta, ms.highCost.rate) * exp(mu + (sigma * sigma) / 2);
    }
    const label = typeof seg.name === 'string' ? seg.name : (seg.name.en ?? seg.name.nl ?? seg.id);
    return { id: seg.id, label, share: seg.share, perInsured };
  });
}
