import type { Lang } from '../i18n';
import { localText } from '../../models/scenario/localText';
import { DEFAULT_SCENARIO } from '../workspace/store';
import { pathString, type Path } from '../workspace/paths';
import { isParamField, schemaAt } from './schemaHelp';
import { isShareAt } from './shares';

/**
 * Plausibility notes: values the format accepts but that are probably a typing slip or make the
 * results hard to read. They never block a run; they are shown at the field and above the run
 * button. The bounds:
 * - population under 1,000 (too few people for a regional contract) or over 20 million (more
 *   than the Netherlands, about 18 million insured, CBS);
 * - a share over 100% where the format allows one;
 * - fewer than 200 runs (the Monte Carlo error of a probability is then up to 3.5 percentage
 *   points, √(0.25/200));
 * - a cost per contact more than 10 times above or below the default scenario's value for the
 *   same care line (the value with its source note).
 */
export interface Note {
  path: Path;
  text: string;
}

const fmt = (x: number, l: Lang, digits = 2) => new Intl.NumberFormat(l === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits }).format(x);

/** The central value of a parameter (a number, {value} or a distribution), or undefined. */
function centre(v: unknown): number | undefined {
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  if (typeof v === 'number') return n(v);
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if ('value' in o) return n(o.value);
  return n(o.mode) ?? n(o.mean) ?? (n(o.min) !== undefined && n(o.max) !== undefined ? ((o.min as number) + (o.max as number)) / 2 : undefined);
}

/** The source note of a parameter, when it has one. */
const sourceOf = (v: unknown): unknown => (v && typeof v === 'object' ? (v as { source?: unknown }).source : undefined);

/** The default scenario's cost per contact on `line` for a segment (same id, else the mean over its segments). */
function referenceCost(line: string, segmentId?: unknown): { value: number; source?: unknown } | undefined {
  const segs = (DEFAULT_SCENARIO.region?.segments ?? []) as any[];
  const same = segs.find((s) => s?.id === segmentId);
  const pick = (s: any) => s?.lines?.[line]?.costPerContact;
  if (same && centre(pick(same)) !== undefined) return { value: centre(pick(same))!, source: sourceOf(pick(same)) };
  const vals = segs.map((s) => centre(pick(s))).filter((x): x is number => x !== undefined && x > 0);
  if (vals.length === 0) return undefined;
  return { value: vals.reduce((a, b) => a + b, 0) / vals.length, source: sourceOf(pick(segs.find((s) => centre(pick(s)) !== undefined))) };
}

/** Whether the format lets the field at `path` hold more than 1. */
function allowsAboveOne(path: Path): boolean {
  const n = schemaAt(path);
  return typeof n?.maximum === 'number' ? n.maximum > 1 : true;
}

function costNote(path: Path, v: unknown, ref: { value: number; source?: unknown } | undefined, l: Lang): Note | undefined {
  const c = centre(v);
  if (c === undefined || !ref || !(ref.value > 0) || !(c > 0)) return undefined;
  const ratio = c / ref.value;
  if (ratio <= 10 && ratio >= 0.1) return undefined;
  const times = ratio > 1 ? fmt(ratio, l, 0) : fmt(1 / ratio, l, 0);
  // A source that starts with its own "Bron:" (Vektis asks for those words) is not named twice.
  const source = localText(ref.source, l).replace(/^(bron|source):\s*/i, '');
  const src = source ? (l === 'nl' ? ` (bron: ${source})` : ` (source: ${source})`) : '';
  const text =
    l === 'nl'
      ? `Kosten per contact € ${fmt(c, l)} is ${times} keer ${ratio > 1 ? 'hoger' : 'lager'} dan in het standaardscenario (€ ${fmt(ref.value, l)}${src}). Klopt dat bedrag?`
      : `Cost per contact €${fmt(c, l)} is ${times} times ${ratio > 1 ? 'higher' : 'lower'} than in the default scenario (€${fmt(ref.value, l)}${src}). Is that amount right?`;
  return { path, text };
}

/** Every plausibility note for the scenario, in the interface's language. */
export function plausibilityNotes(scenario: unknown, l: Lang): Note[] {
  const out: Note[] = [];
  const s = scenario as any;
  const pop = s?.region?.population;
  if (typeof pop === 'number' && Number.isFinite(pop)) {
    if (pop < 1000)
      out.push({
        path: ['region', 'population'],
        text:
          l === 'nl'
            ? `Maar ${fmt(pop, l)} verzekerden: een regio heeft er meestal tienduizenden. Bedoelde u ${fmt(pop * 1000, l)}?`
            : `Only ${fmt(pop, l)} insured: a region usually has tens of thousands. Did you mean ${fmt(pop * 1000, l)}?`,
      });
    else if (pop > 20_000_000)
      out.push({
        path: ['region', 'population'],
        text:
          l === 'nl'
            ? `${fmt(pop, l)} verzekerden is meer dan heel Nederland (ongeveer 18 miljoen). Klopt dat getal?`
            : `${fmt(pop, l)} insured is more than all of the Netherlands (about 18 million). Is that number right?`,
      });
  }
  const runs = s?.simulation?.runs;
  if (typeof runs === 'number' && runs >= 1 && runs < 200)
    out.push({
      path: ['simulation', 'runs'],
      text:
        l === 'nl'
          ? `Met ${fmt(runs, l)} runs zijn de uitkomsten te onrustig om te lezen (een kans kan er enkele procentpunten naast zitten). Neem er minstens 200, liefst 2.000.`
          : `With ${fmt(runs, l)} runs the results are too noisy to read (a probability can be off by several percentage points). Use at least 200, preferably 2,000.`,
    });
  (Array.isArray(s?.region?.segments) ? s.region.segments : []).forEach((seg: any, i: number) => {
    for (const [line, lv] of Object.entries((seg?.lines ?? {}) as Record<string, any>)) {
      const n = costNote(['region', 'segments', i, 'lines', line, 'costPerContact'], lv?.costPerContact, referenceCost(line, seg?.id), l);
      if (n) out.push(n);
    }
  });
  (Array.isArray(s?.substitution) ? s.substitution : []).forEach((sub: any, i: number) => {
    const def = ((DEFAULT_SCENARIO.substitution ?? []) as any[]).find((d) => d?.id === sub?.id && d?.to === sub?.to);
    const ref =
      def && centre(def.costPerContact) !== undefined ? { value: centre(def.costPerContact)!, source: sourceOf(def.costPerContact) } : typeof sub?.to === 'string' ? referenceCost(sub.to) : undefined;
    const n = costNote(['substitution', i, 'costPerContact'], sub?.costPerContact, ref, l);
    if (n) out.push(n);
  });
  // Shares over 100% where the format would take them.
  const walk = (v: unknown, path: Path) => {
    if (path.length > 12) return;
    if (typeof v === 'number' || (v && typeof v === 'object' && !Array.isArray(v) && isParamField(path))) {
      const parts = typeof v === 'number' ? [v] : ['value', 'min', 'mode', 'max', 'mean'].map((k) => (v as any)[k]).filter((x) => typeof x === 'number');
      if (parts.some((x) => x > 1) && isShareAt(path, isParamField) && allowsAboveOne(path))
        out.push({
          path,
          text:
            l === 'nl'
              ? `Een aandeel van meer dan 100% (${fmt(Math.max(...parts) * 100, l)}%). Is dat bedoeld?`
              : `A share of more than 100% (${fmt(Math.max(...parts) * 100, l)}%). Is that intended?`,
        });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'source') walk(x, [...path, k]);
  };
  walk(scenario, []);
  return out;
}

/** The notes for the field at `path` (a distribution's notes sit on the field itself). */
export function plausibilityAt(scenario: unknown, path: Path, l: Lang): string[] {
  const p = pathString(path);
  return plausibilityNotes(scenario, l)
    .filter((n) => pathString(n.path) === p)
    .map((n) => n.text);
}
