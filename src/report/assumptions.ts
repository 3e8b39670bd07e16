import type { Lang } from '../i18n';
import { render, type Label } from '../texts/catalogue';
import { isTextPerLanguage, localText } from '../../models/scenario/localText';
import type { Path } from '../workspace/paths';
import { pathString } from '../workspace/paths';
import { isParamField } from '../editor/schemaHelp';
import { fieldLabel, fieldUnit } from '../editor/labels';
import { paramLabel } from '../charts/paramLabel';
import { rtIn } from './texts';
import { DIST_FACTS, isDistKind } from '../../models/scenario/distributions';

const locale = (l: Lang) => (l === 'nl' ? 'nl-NL' : 'en-GB');

/** A fraction shown as a percentage, by the unit the editor gives the field. */
function isShare(key: string | number | undefined): boolean {
  if (key === undefined) return false;
  const u = fieldUnit(key, 'en');
  return u === 'fraction 0–1' || u === 'fraction per year';
}

/** A number as the language writes it, in full (no rounding beyond 10 decimals); shares as %. */
export function numberText(x: number, l: Lang, share = false): string {
  if (!Number.isFinite(x)) return String(x);
  if (share) return new Intl.NumberFormat(locale(l), { style: 'percent', maximumFractionDigits: 8 }).format(x);
  return new Intl.NumberFormat(locale(l), { maximumFractionDigits: 10 }).format(x);
}

/** The unit to show after a value (not for shares: they carry their %). */
function unitText(key: string | number | undefined, l: Lang): string {
  if (key === undefined || isShare(key)) return '';
  const u = fieldUnit(key, l);
  return u ? ` ${u}` : '';
}

/**
 * A parameter value in words: "0,3", "€ 650", "PERT: min 20% · meest waarschijnlijk 30% · max 40%".
 * `key` is the field's own key (it gives the unit).
 */
export function paramValueText(v: unknown, l: Lang, key?: string | number): string {
  const share = isShare(key);
  const unit = unitText(key, l);
  if (typeof v === 'number') return numberText(v, l, share) + unit;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if ('value' in o) return paramValueText(o.value, l, key);
    if (typeof o.dist === 'string') {
      const facts = isDistKind(o.dist) ? DIST_FACTS[o.dist] : undefined;
      const parts = Object.entries(o)
        .filter(([k]) => k !== 'dist' && k !== 'source' && k !== 'illustrative')
        .map(([k, x]) => {
          const part = facts?.parts.find((p) => p.name === k);
          return `${part?.label[l] ?? k} ${typeof x === 'number' ? numberText(x, l, share && (part?.inFieldUnit ?? true)) : String(x)}`;
        });
      return `${facts?.name[l] ?? o.dist}: ${parts.join(' · ')}${unit}`;
    }
  }
  if (typeof v === 'boolean') return l === 'nl' ? (v ? 'ja' : 'nee') : v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (isTextPerLanguage(v)) return localText(v, l);
  return v === undefined ? '—' : JSON.stringify(v);
}

export interface AssumptionRow {
  path: string;
  label: string;
  value: string;
  /** Index into the report's list of sources (1-based), when the value names one. */
  source?: number;
  illustrative: boolean;
}
export interface AssumptionItem {
  /** The item the rows belong to (a segment, an intervention, a contract), or '' for the group itself. */
  heading: string;
  rows: AssumptionRow[];
}
export interface AssumptionGroup {
  id: string;
  title: string;
  items: AssumptionItem[];
}
export interface Assumptions {
  groups: AssumptionGroup[];
  sources: string[];
}

/** The editor's top-level groups, by the first key of a path. */
export const ASSUMPTION_GROUPS: { id: string; keys: string[]; title: Label }[] = [
  { id: 'region', keys: ['region'], title: { nl: 'Regio en bevolking', en: 'Region and population' } },
  { id: 'care', keys: ['lines', 'benchmark', 'quality'], title: { nl: 'Zorggebruik en kosten', en: 'Care use and costs' } },
  { id: 'substitution', keys: ['substitution'], title: { nl: 'Substitutie', en: 'Substitution' } },
  { id: 'interventions', keys: ['interventions'], title: { nl: 'Interventies', en: 'Interventions' } },
  { id: 'financing', keys: ['financing'], title: { nl: 'Bekostigingsmodellen', en: 'Financing models' } },
  { id: 'simulation', keys: ['simulation'], title: { nl: 'Simulatie', en: 'Simulation' } },
];

/** The item a path belongs to, as the editor shows it: a named list element, a care line or a party. */
function itemOf(path: Path, scenario: unknown, l: Lang): string {
  let node: any = scenario;
  let heading = '';
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    node = node && typeof node === 'object' ? node[k as any] : undefined;
    const prev = path[i - 1];
    if (typeof k === 'number' && typeof prev === 'string') heading = localText(node?.name, l) || `${fieldLabel(prev, l)} ${k + 1}`;
    else if (prev === 'lines' && typeof k === 'string' && path[0] === 'lines') heading = rtIn('apxCareTrends', l);
  }
  return heading;
}

/** Every parameter of the scenario, grouped as the editor groups them, with one list of sources. */
export function assumptionsOf(scenario: unknown, l: Lang): Assumptions {
  const sources: string[] = [];
  const sourceNo = new Map<string, number>();
  const groups: AssumptionGroup[] = ASSUMPTION_GROUPS.map((g) => ({ id: g.id, title: render(g.title, l), items: [] }));
  const walk = (v: unknown, path: Path) => {
    if (path.length > 0 && isParamField(path)) {
      const key = path[path.length - 1];
      let source: number | undefined;
      let illustrative = false;
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        illustrative = o.illustrative === true;
        if (localText(o.source, l).trim()) {
          const s = localText(o.source, l).trim();
          if (!sourceNo.has(s)) {
            sources.push(s);
            sourceNo.set(s, sources.length);
          }
          source = sourceNo.get(s);
        }
      }
      const top =
        groups[
          Math.max(
            0,
            ASSUMPTION_GROUPS.findIndex((g) => g.keys.includes(String(path[0]))),
          )
        ];
      const heading = itemOf(path, scenario, l);
      const ps = pathString(path);
      let label = paramLabel(ps, scenario, l).label;
      if (heading && label.startsWith(`${heading}: `)) label = label.slice(heading.length + 2);
      label = label.charAt(0).toUpperCase() + label.slice(1);
      let item = top.items.find((it) => it.heading === heading);
      if (!item) top.items.push((item = { heading, rows: [] }));
      item.rows.push({ path: ps, label, value: paramValueText(v, l, typeof key === 'number' ? path[path.length - 2] : key), source, illustrative });
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'meta' && k !== 'results') walk(x, [...path, k]);
  };
  walk(scenario, []);
  // Items without a heading (the group's own fields) first, then the items in scenario order.
  for (const g of groups) g.items.sort((a, b) => (a.heading === '' ? -1 : 0) - (b.heading === '' ? -1 : 0));
  return { groups: groups.filter((g) => g.items.length > 0), sources };
}
