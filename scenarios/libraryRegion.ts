// The library scenarios that describe Maastricht-Heuvelland (or no region of their own) stand on
// the same Vektis data as the default: `npm run library:region` rewrites them with this code and
// test/scenario/libraryRegion.test.ts re-derives them and compares. The questions of other pilot
// regions keep their illustrative region and say how to import their own region's data.
import { LINES, type Line } from '../models/core/names';
import type { RegionData } from '../models/analysis/calibrate';
import { parseScenarioText } from '../models/pipeline/validate';
import { rebaseDefault } from './defaultRegion';

/**
 * Re-based files, and why each may stand on Maastricht-Heuvelland's data. Each keeps its
 * population: the size is part of its question (and 170,000 is the ZIO care group Blauwe Zorg
 * covers, RIVM, domain.md).
 */
export const REBASED_FILES: Record<string, string> = {
  'anderhalvelijn-170k.json': '1.5-line care of Blauwe Zorg (Maastricht-Heuvelland)',
  'populatie-10k.json': 'no region of its own: a GP group of 10,000 insured',
  'populatie-170k.json': 'no region of its own: a region of 170,000 insured',
  'ziekenhuisbudget-substitutie.json': 'no region of its own: a multi-year hospital contract',
  'welk-contract-substitutie.json': '1.5-line care of Blauwe Zorg (Maastricht-Heuvelland) under contracts that change behaviour',
};

/** The questions of other pilot regions: each keeps its numbers and names the region (and its Vektis areas) whose data can be imported. */
export const OWN_REGION_FILES: Record<string, { nl: string; en: string; areas: string }> = {
  'farmacie-shared-savings.json': { nl: 'Zeeuws-Vlaanderen', en: 'Zeeuws-Vlaanderen', areas: 'HULST,SLUIS,TERNEUZEN' },
  'investeren-velp-utrecht.json': { nl: 'Velp (gemeente Rheden) of Utrecht', en: 'Velp (municipality of Rheden) or Utrecht', areas: 'RHEDEN' },
  'zelfzorg-gemeente.json': { nl: 'Eindhoven', en: 'Eindhoven', areas: 'EINDHOVEN' },
};

/** The lines a file from before mental health and other Zvw care existed lacks; it takes the default's assumptions on their use. */
const ADDED_LINES: readonly Line[] = ['mentalHealth', 'otherZvw'];

type Json = any;

/** `obj` with its keys in the order `order` gives them (the rest after), so a rewritten file reads like the default. */
function ordered(obj: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const keys = [...order.filter((k) => k in obj), ...Object.keys(obj).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

/** Where `own` has the same number as `theirs` (apart from its note), it takes their note; recursively. */
function adoptSources(own: Json, theirs: Json): void {
  if (!own || !theirs || typeof own !== 'object' || typeof theirs !== 'object') return;
  const bare = (x: Json) => JSON.stringify(x, (k, v) => (k === 'source' ? undefined : v && typeof v === 'object' && !Array.isArray(v) && 'source' in v && k !== '' ? { ...v, source: undefined } : v));
  if ('source' in own && 'source' in theirs && bare({ ...own, lines: undefined }) === bare({ ...theirs, lines: undefined })) own.source = theirs.source;
  for (const k of Object.keys(own)) if (k !== 'source' && k in theirs) adoptSources(own[k], theirs[k]);
}

/**
 * A library file re-based on the region data: the lines it lacks get the default scenario's use,
 * trend and deductible share (segments matched by id), its region takes the default's name, and the
 * cost per contact of every Zvw line is calibrated as the default's is. Its own population,
 * segments' use, interventions, substitution and contracts stay as they are.
 */
export function rebaseLibraryFile(raw: Json, defaultRaw: Json, data: RegionData): Json {
  const out = structuredClone(raw);
  const def = defaultRaw;
  const lineOrder = Object.keys(def.lines);
  for (const l of ADDED_LINES) {
    if (!out.lines[l]) out.lines[l] = structuredClone(def.lines[l]);
    const share = out.financing?.parties?.deductibleShare;
    if (share && !share[l] && def.financing.parties.deductibleShare[l]) share[l] = structuredClone(def.financing.parties.deductibleShare[l]);
  }
  out.lines = ordered(out.lines, lineOrder);
  if (out.financing?.parties?.deductibleShare) out.financing.parties.deductibleShare = ordered(out.financing.parties.deductibleShare, Object.keys(def.financing.parties.deductibleShare));
  for (const seg of out.region.segments) {
    const twin = def.region.segments.find((s: Json) => s.id === seg.id);
    for (const l of ADDED_LINES) {
      if (seg.lines[l]) continue;
      if (!twin?.lines[l]) throw new Error(`segment ${seg.id}: no ${l} use in the default scenario to take over`);
      seg.lines[l] = structuredClone(twin.lines[l]);
    }
    // The same assumption as the default's carries the default's note on why it is one (the notes
    // written for the invented cost level said the segment mix reproduced CBS totals).
    if (twin) adoptSources(seg, twin);
    seg.lines = ordered(seg.lines, Object.keys(def.region.segments[0].lines));
  }
  out.region.name = def.region.name;
  const parsed = parseScenarioText(JSON.stringify(out));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  const cal = rebaseDefault(parsed.scenario, data);
  // A group already at the data keeps its costs: recalibrating costs rounded to cents moves them by
  // a cent each time (the rounding of the many small GP costs is made up on 1.5-line care), so the
  // rewrite would never be a fixed point. 1e-4 is far inside the 0.5% the costs are held to.
  const settled = new Set(cal.groups.filter((g) => Math.abs(g.factor - 1) < 1e-4).flatMap((g) => g.lines));
  out.region.segments.forEach((seg: Json, i: number) => {
    const lines = cal.scenario.region.segments[i].lines as Record<string, { costPerContact: Json }>;
    for (const l of LINES) {
      if (!seg.lines[l] || !lines[l]) continue;
      if (!settled.has(l)) seg.lines[l].costPerContact = lines[l].costPerContact;
      else if (typeof seg.lines[l].costPerContact === 'object') seg.lines[l].costPerContact.source = lines[l].costPerContact.source;
    }
  });
  return out;
}
