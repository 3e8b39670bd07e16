import { localText, type LocalText } from '../../models/scenario/localText';
import type { Label } from '../texts/catalogue';

/**
 * Changing the kind of a financing model in the editor: the model takes the new kind's fields
 * (not the old kind's, which the format would refuse) and keeps its id, name and description, and
 * the scope and split when the new kind has them too.
 */
export const FINANCING_KINDS = ['ffs', 'bonus', 'sharedSavings', 'population', 'hospitalBudget', 'custom'] as const;
export type FinancingKind = (typeof FINANCING_KINDS)[number];

type Model = Record<string, unknown>;

const ill = (value: number, what: string) => ({ value, source: `Illustrative: ${what}`, illustrative: true });

/** The kinds as the steering group names them. */
export const KIND_LABELS: Record<FinancingKind, Label> = {
  ffs: { nl: 'Betaling per verrichting (fee-for-service)', en: 'Fee-for-service' },
  bonus: { nl: 'Per verrichting + bonus (prestatieopslag)', en: 'Fee-for-service + performance bonus' },
  sharedSavings: { nl: 'Gedeelde besparingen (shared savings)', en: 'Shared savings' },
  population: { nl: 'Populatiebekostiging (integrator)', en: 'Population-based payment (integrator)' },
  hospitalBudget: { nl: 'Meerjarig ziekenhuisbudget', en: 'Multi-year hospital budget' },
  custom: { nl: 'Eigen contract (formule)', en: 'Custom contract (formula)' },
};

export const isFinancingKind = (k: unknown): k is FinancingKind => (FINANCING_KINDS as readonly unknown[]).includes(k);

/**
 * Starting values per kind when the default scenario has no model of that kind to copy. Every
 * number is marked illustrative (a unit test checks that each one makes a valid scenario).
 */
export const KIND_TEMPLATES: Record<FinancingKind, Model> = {
  ffs: { kind: 'ffs' },
  bonus: { kind: 'bonus', perInsured: ill(5, 'bonus per insured per year'), qualityThreshold: 70, split: { gp: 0.7, hospital: 0.3 } },
  sharedSavings: { kind: 'sharedSavings', sided: 'one', minimumSavingsRate: { fixed: 0.02 }, sharingRate: ill(0.5, 'half of the savings to the providers'), split: { gp: 0.5, hospital: 0.5 } },
  population: { kind: 'population', discount: ill(0.01, "the insurer's saving built into the budget"), owner: { gp: 0.5, hospital: 0.5 } },
  hospitalBudget: { kind: 'hospitalBudget', glide: ill(0.03, 'yearly budget growth'), band: ill(0.02, 'volume band without settlement'), marginal: ill(0.3, 'volume outside the band paid at 30%') },
  custom: { kind: 'custom', formulas: { gp: '0', hospital: '0' } },
};

/** Fields a model keeps when its kind changes, if the new kind has them. */
const KEEP = ['id', 'name', 'description'] as const;
const CARRY: Record<string, readonly FinancingKind[]> = { scope: ['bonus', 'sharedSavings', 'population'], split: ['bonus', 'sharedSavings'] };

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * The model `old` turned into a model of `kind`: the template of the new kind (`previous`, the
 * same model as it was before under that kind, if given; else the first model of that kind in
 * `examples`; else the built-in one), with the old model's id, name and description, and its scope
 * and split where the new kind has them. Order: id, name, description, kind, rest.
 */
export function changeKind(old: Model, kind: FinancingKind, examples: readonly Model[] = [], previous?: Model): Model {
  if (old.kind === kind) return old;
  const fromBefore = previous?.kind === kind;
  const example = fromBefore ? previous : examples.find((m) => m && m.kind === kind);
  const template = clone(example ?? KIND_TEMPLATES[kind]);
  const out: Model = {};
  for (const k of KEEP) if (old[k] !== undefined) out[k] = old[k];
  out.kind = kind;
  for (const [k, v] of Object.entries(template)) if (!(KEEP as readonly string[]).includes(k) && k !== 'kind') out[k] = v;
  // The model's own values under its earlier kind win over what the old kind carries across.
  if (!fromBefore) for (const [k, kinds] of Object.entries(CARRY)) if (old[k] !== undefined && kinds.includes(kind)) out[k] = clone(old[k]);
  return out;
}

/**
 * Words that name a kind inside a contract's name, besides the kind's own labels (which contain
 * them). The longest match decides: "FFS + prestatieopslag" names a bonus, not fee-for-service.
 */
const NAME_WORDS: Record<FinancingKind, readonly string[]> = {
  ffs: ['fee-for-service', 'betaling per verrichting', 'ffs'],
  bonus: ['prestatieopslag', 'performance bonus', 'bonus'],
  sharedSavings: ['shared savings', 'gedeelde besparingen', 'gedeelde besparing'],
  population: ['populatiebekostiging', 'population-based payment', 'population payment'],
  hospitalBudget: ['ziekenhuisbudget', 'hospital budget'],
  custom: ['eigen contract', 'custom contract'],
};

/** The kind a contract's name speaks of (in either language), or undefined when it names none. */
export function kindNamed(name: unknown): FinancingKind | undefined {
  const texts = [localText(name, 'nl'), localText(name, 'en')].map((x) => x.toLowerCase());
  let best: { kind: FinancingKind; len: number } | undefined;
  for (const kind of FINANCING_KINDS)
    for (const w of [KIND_LABELS[kind].nl, KIND_LABELS[kind].en, ...NAME_WORDS[kind]].map((x) => x.toLowerCase()))
      if (texts.some((x) => x.includes(w)) && (!best || w.length > best.len)) best = { kind, len: w.length };
  return best?.kind;
}

/**
 * After a model's kind changed from `from` to `to`: the name to offer in its place, when the
 * model's name still speaks of the old kind (the old kind's label, or words such as "shared
 * savings" in it); undefined when the name is the user's own. The offer is the new kind's label
 * in both languages, so the name follows the language switch.
 */
export function renameOffer(name: unknown, from: FinancingKind, to: FinancingKind): LocalText | undefined {
  if (from === to || kindNamed(name) !== from) return undefined;
  return { nl: KIND_LABELS[to].nl, en: KIND_LABELS[to].en };
}
