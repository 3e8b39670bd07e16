import { parsePath } from '../../models/scenario/paths';
import { localText } from '../../models/scenario/localText';
import type { Lang } from '../i18n';
import { render, type Label } from '../texts/catalogue';
import { LINES, PARTIES } from '../../models/core/names';
import { PLACED_LABELS, fieldLabel } from '../editor/labels';
import { partyLabelIn } from '../parties';

/** What kind of item a path belongs to, for the tooltip. */
export const PARAM_GROUPS: Record<string, Label> = {
  substitution: { nl: 'Substitutie', en: 'Substitution' },
  interventions: { nl: 'Interventie', en: 'Intervention' },
  segments: { nl: 'Groep', en: 'Segment' },
  lines: { nl: 'Zorgvorm', en: 'Care line' },
  models: { nl: 'Bekostigingsmodel', en: 'Financing model' },
  parties: { nl: 'Partij', en: 'Party' },
};

/** What a party's subject is called beside its name. */
export const PARTY_WORD: Label = { nl: 'partij', en: 'party' };

/** Leaf keys that say little on their own: shown with their parent ("Kosten per geval: gemiddelde"). */
const GENERIC = new Set<string>(['max', 'min', 'mean', 'cv', 'median', 'p99', 'value', 'rate', ...LINES, ...PARTIES]);
/** Container keys left out of the label. */
const SKIP = new Set(['effects', 'value']);

const lower = (s: string) => (s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s);

/** A chart row's hover text for a parameter: its kind of item, its name and its path. */
export const paramHover = (x: { group: string; label: string; path: string }): string => `${x.group ? `${x.group} · ` : ''}${x.label}\n${x.path}`;

/**
 * A readable name for a scenario parameter path, using the scenario's own item names:
 * `substitution[0].maxShift` → "Ziekenhuis → anderhalvelijnszorg (Blauwe Zorg): deel dat verschuift
 * bij volledige invoering". `group` is the kind of item (substitution, intervention, …).
 */
export function paramLabel(path: string, scenario: unknown, lang: Lang): { label: string; group: string } {
  let keys: (string | number)[];
  try {
    keys = parsePath(path);
  } catch {
    return { label: path, group: '' };
  }
  // The subject: the last named item (array element with a name) or a line/party key.
  let subject = '';
  let group = '';
  let rest = 0;
  let node: any = scenario;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    node = node && typeof node === 'object' ? node[k as any] : undefined;
    const prev = keys[i - 1];
    if (typeof k === 'number' && typeof prev === 'string' && i < keys.length - 1) {
      subject = localText(node?.name, lang) || `${fieldLabel(prev, lang)} ${k + 1}`;
      group = PARAM_GROUPS[prev] ? render(PARAM_GROUPS[prev], lang) : fieldLabel(prev, lang);
      rest = i + 1;
    } else if ((prev === 'lines' || prev === 'parties') && typeof k === 'string' && i < keys.length - 1) {
      group = render(PARAM_GROUPS[prev], lang);
      subject = prev === 'parties' ? `${partyLabelIn(k, lang)} (${render(PARTY_WORD, lang)})` : fieldLabel(k, lang);
      rest = i + 1;
    }
  }
  const tail = keys.slice(rest).filter((k) => typeof k === 'string' && !SKIP.has(k)) as string[];
  let what = '';
  if (tail.length > 0) {
    const leaf = tail[tail.length - 1];
    const parent = tail[tail.length - 2];
    if (leaf === 'max' && parent === 'reach') what = fieldLabel('reachMax', lang);
    else if (GENERIC.has(leaf) && parent) {
      const p =
        parent === 'contacts'
          ? lang === 'nl'
            ? 'Effect op contacten'
            : 'Effect on contacts'
          : parent === 'price'
            ? lang === 'nl'
              ? 'Effect op prijs per contact'
              : 'Effect on price per contact'
            : fieldLabel(parent, lang);
      what = `${p}${parent === 'contacts' || parent === 'price' ? ',' : ':'} ${lower(fieldLabel(leaf, lang))}`;
    } else what = fieldLabel(leaf, lang);
  }
  // The benchmark's trend is not a line's cost growth, though both are called `trend` in the file.
  const named = (k: string, i: number) => (k === 'trend' && i === 1 && tail[0] === 'benchmark' ? render(PLACED_LABELS.benchmarkTrend, lang) : fieldLabel(k, lang));
  if (!subject) return { label: tail.length > 1 ? tail.map(named).join(' › ') : what || path, group: fieldLabel(String(keys[0]), lang) };
  return { label: what ? `${subject}: ${lower(what)}` : subject, group };
}

/**
 * Splits `text` into at most `lines` lines of at most `width` characters, at spaces where possible;
 * what does not fit ends in "…".
 */
export function wrapLabel(text: string, width: number, lines = 2): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let cur = '';
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i];
    const next = cur ? `${cur} ${w}` : w;
    if (next.length <= width) {
      cur = next;
      continue;
    }
    if (cur) out.push(cur);
    else out.push(w.slice(0, width)); // one word longer than a line
    cur = cur ? w : '';
    if (out.length === lines) break;
  }
  if (out.length < lines && cur) {
    out.push(cur);
    cur = '';
    i = words.length;
  }
  const truncated = i < words.length || cur !== '';
  if (truncated && out.length > 0) {
    let last = out[out.length - 1];
    if (last.length > width - 1) last = last.slice(0, width - 1).trimEnd();
    out[out.length - 1] = `${last}…`;
  }
  return out;
}
