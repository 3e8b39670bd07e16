import type { Lang } from './i18n';

/** The parties' names as every view shows them (one list, so tables, charts and texts agree). */
export const PARTY_LABELS: Record<string, Record<Lang, string>> = {
  insurer: { nl: 'Zorgverzekeraar', en: 'Insurer' },
  hospital: { nl: 'Ziekenhuis', en: 'Hospital' },
  gp: { nl: 'Huisartsen (zorggroep)', en: 'GP care group' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  patients: { nl: 'Patiënten', en: 'Patients' },
  integrator: { nl: 'Integrator', en: 'Integrator' },
};

/** A party's name in language `l`; unknown ids as they are. (No runtime i18n import: usable in tests.) */
export const partyLabelIn = (p: string, l: Lang): string => PARTY_LABELS[p]?.[l] ?? p;
