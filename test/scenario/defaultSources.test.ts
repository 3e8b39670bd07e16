import { describe, expect, it } from 'vitest';
import { localText } from '../../models/scenario/localText';
import { defaultInput } from '../helpers';

// The default scenario is the real Maastricht-Heuvelland: every number it takes from the Vektis
// data cites the data and its areas, and every number it assumes says why it is an assumption.
// The walk visits every number in the file; only the run settings, ids, years, the population
// (cited in the description, checked below) and contract terms the steering group sets are exempt.
const AREAS = ['EIJSDEN-MARGRATEN', 'GULPEN-WITTEM', 'MAASTRICHT', 'MEERSSEN', 'VAALS', 'VALKENBURG AAN DE GEUL'];
const VEKTIS = 'Bron: Vektis, Open Databestand Zvw 2023';
const EXEMPT = /^(version|simulation\.|region\.population$|benchmark\.preContractYears$)|startYear$|\.payer(\.|$)/;
const CONTRACT_SETTING = /^financing\.models\[\d+\]\.(qualityThreshold|qualityGate|split\.\w+|owner\.\w+|stopLoss\.threshold|minimum(Savings|Loss)Rate\.confidence|settlementYears)$/;

interface Finding {
  path: string;
  why: string;
}

/** Every way the file's numbers can fail the rule, by path. */
function audit(file: unknown): Finding[] {
  const out: Finding[] = [];
  const texts = (src: unknown): string[] => (typeof src === 'string' ? [src] : src && typeof src === 'object' ? (['nl', 'en'] as const).map((l) => localText(src as never, l)) : []);
  const checkSource = (o: Record<string, unknown>, path: string) => {
    const t = texts(o.source);
    if (t.length === 0 || t.some((x) => x.trim().length === 0)) return out.push({ path, why: 'no source' });
    const illustrative = o.illustrative === true || t.some((x) => /^illustrati/i.test(x));
    if (illustrative) {
      if (o.illustrative !== true) out.push({ path, why: 'says illustrative but is not marked so' });
      // "Illustrative: <why>", or a cited figure that says which part of it is assumed, in each
      // language: a bare mark does not tell the reader what to check.
      for (const x of t)
        if (!/^(Illustrative|Illustratief): \S.{9,}/.test(x) && !(!/^illustrati/i.test(x) && /illustrati/i.test(x) && x.length >= 40)) out.push({ path, why: `illustrative without a reason: "${x}"` });
    }
    // A number taken from the Vektis data names it as the licence asks, with the areas (an
    // assumption may mention the data to say why it is one).
    for (const x of t)
      if (!illustrative && /Vektis[^.;]*2023|2023[^.;]*Vektis/.test(x) && !x.includes(VEKTIS)) out.push({ path, why: `cites the 2023 data without "${VEKTIS}"` });
      else if (x.includes(VEKTIS) && !AREAS.every((a) => x.toUpperCase().includes(a))) out.push({ path, why: 'cites the data without its areas' });
  };
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (typeof v === 'number') {
      if (!EXEMPT.test(path) && !CONTRACT_SETTING.test(path)) out.push({ path, why: 'a bare number' });
      return;
    }
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    // A parameter ({ value } or a distribution), a segment (its share) or a rank correlation.
    const param = 'value' in o || 'dist' in o;
    if (param || 'share' in o || 'rank' in o) checkSource(o, path);
    if (param) return;
    for (const [k, x] of Object.entries(o)) if (!(k === 'share' || k === 'rank') || !('source' in o)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(file, '');
  return out;
}

describe('the default scenario cites every number', () => {
  it('every number has a source; every assumption says why it is one; every Vektis-derived number cites the data with its areas', () => {
    expect(audit(defaultInput())).toEqual([]);
  });

  it('the population (191,412 insured-years) is cited with the data and the areas in both languages', () => {
    const d = (defaultInput() as any).meta.description;
    const nl = localText(d, 'nl');
    const en = localText(d, 'en');
    expect(nl).toContain('191.412 verzekerdenjaren');
    expect(en).toContain('191,412 insured-years');
    for (const t of [nl, en]) {
      expect(t).toContain(VEKTIS);
      for (const a of AREAS) expect(t.toUpperCase()).toContain(a);
    }
  });

  it('fails on a removed source, a bare "Illustrative", a bare number and an uncited Vektis figure', () => {
    const base = defaultInput() as any;
    const without = structuredClone(base);
    delete without.region.segments[2].lines.mentalHealth.dispersion.source;
    expect(audit(without)).toEqual([{ path: 'region.segments[2].lines.mentalHealth.dispersion', why: 'no source' }]);
    const bare = structuredClone(base);
    bare.interventions[1].cost.oneOff.source = 'Illustrative';
    expect(audit(bare).map((f) => f.path)).toEqual(['interventions[1].cost.oneOff']);
    const unmarked = structuredClone(base);
    delete unmarked.substitution[0].refill.illustrative;
    expect(audit(unmarked).map((f) => f.why)).toEqual(['says illustrative but is not marked so']);
    const number = structuredClone(base);
    number.financing.parties.insurerMargin = 0.01;
    expect(audit(number).map((f) => f.path)).toEqual(['financing.parties.insurerMargin']);
    const uncited = structuredClone(base);
    uncited.financing.parties.deductibleShare.otherZvw.source = 'of the €759 per insured-year (Vektis 2023, Maastricht-Heuvelland)';
    expect(audit(uncited).map((f) => f.why)).toEqual([`cites the 2023 data without "${VEKTIS}"`]);
    const noAreas = structuredClone(base);
    noAreas.region.segments[0].lines.hospital.costPerContact.source = `${VEKTIS}; medisch-specialistische zorg`;
    expect(audit(noAreas).map((f) => f.why)).toEqual(['cites the data without its areas']);
    const bilingual = structuredClone(base);
    bilingual.quality.baseline.source = { nl: 'Illustratief', en: 'Illustrative: quality score on a 0–100 scale' };
    expect(audit(bilingual).map((f) => f.why)).toEqual(['illustrative without a reason: "Illustratief"']);
  });
});
