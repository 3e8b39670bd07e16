import type { Lang } from '../i18n';
import { render, type Label } from '../texts/catalogue';
import { bothTexts } from '../../models/scenario/localText';

type Obj = Record<string, any>;

export const NEW_ITEM_STEMS: Record<string, { id: Label; name: Label }> = {
  segments: { id: { nl: 'groep', en: 'segment' }, name: { nl: 'Nieuwe groep', en: 'New segment' } },
  substitution: { id: { nl: 'substitutie', en: 'substitution' }, name: { nl: 'Nieuwe substitutie', en: 'New substitution' } },
  interventions: { id: { nl: 'interventie', en: 'intervention' }, name: { nl: 'Nieuwe interventie', en: 'New intervention' } },
  models: { id: { nl: 'contract', en: 'contract' }, name: { nl: 'Nieuw contract', en: 'New contract' } },
};

/** The name of a new item in a list without its own stem. */
export const NEW_ITEM: Label = { nl: 'Nieuw', en: 'New' };

const ZERO = { value: 0, illustrative: true };

/** Every parameter inside `x` set to a fixed 0 (an effect or cost that does nothing yet). */
function zeroed(x: unknown): unknown {
  if (typeof x === 'number') return { ...ZERO };
  if (!x || typeof x !== 'object' || Array.isArray(x)) return x;
  const o = x as Obj;
  if ('value' in o || 'dist' in o) return { ...ZERO };
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, zeroed(v)]));
}

/**
 * A new, neutral item for a list of the scenario ("+ Toevoegen"): a fresh id and a plain name,
 * the structure of the list's example (`template`, the default scenario's first item) and values
 * that change nothing until the group fills them in: a segment with a share of 0, a substitution
 * with nothing eligible, an intervention with no reach, effect or cost, a fee-for-service
 * contract. Not a copy of an existing item.
 */
export function neutralItem(listKey: string, template: unknown, list: unknown[], lang: Lang): unknown {
  const stem = NEW_ITEM_STEMS[listKey];
  const ids = new Set(list.map((x) => (x && typeof x === 'object' ? (x as Obj).id : undefined)));
  const names = new Set(list.flatMap((x) => (x && typeof x === 'object' ? Object.values(bothTexts((x as Obj).name)) : [])));
  let n = 1;
  const idStem = stem ? render(stem.id, lang) : 'item';
  const nameStem = render(stem?.name ?? NEW_ITEM, lang);
  while (ids.has(`${idStem}-${n}`) || names.has(`${nameStem} ${n}`)) n++;
  const id = `${idStem}-${n}`;
  const name = `${nameStem} ${n}`;
  if (listKey === 'models') return { id, name, kind: 'ffs' };
  if (!template || typeof template !== 'object') return template;
  const item = JSON.parse(JSON.stringify(template)) as Obj;
  delete item.description;
  delete item.pilot;
  item.id = id;
  if ('name' in item || stem) item.name = name;
  switch (listKey) {
    case 'segments':
      item.share = 0;
      delete item.source;
      item.illustrative = true;
      break;
    case 'substitution':
      item.eligible = { ...ZERO };
      item.segments = [];
      break;
    case 'interventions':
      item.segments = [];
      if (item.reach && typeof item.reach === 'object') item.reach.max = { ...ZERO };
      if (item.effects) item.effects = zeroed(item.effects);
      if (item.cost) item.cost = zeroed(item.cost);
      break;
  }
  return item;
}
