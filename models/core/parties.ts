import type { Party } from './names';
import type { Bilingual, ColourToken } from './text';

/** What every stage and view needs to know about one party. */
export interface PartyFacts {
  label: Bilingual;
  colour: ColourToken;
  /** Reported only under population-based payment (the integrator exists only there). */
  populationOnly: boolean;
}

/** Facts for every party of a set of party names. */
export type PartyTable<P extends string> = { readonly [K in P]: PartyFacts };

/** Every party's facts. A party in `PARTIES` without an entry here does not compile. */
export const PARTY_FACTS: PartyTable<Party> = {
  insurer: { label: { nl: 'Zorgverzekeraar', en: 'Insurer' }, colour: 'blue', populationOnly: false },
  hospital: { label: { nl: 'Ziekenhuis', en: 'Hospital' }, colour: 'vermillion', populationOnly: false },
  gp: { label: { nl: 'Huisartsen (zorggroep)', en: 'GP care group' }, colour: 'bluishGreen', populationOnly: false },
  municipality: { label: { nl: 'Gemeente', en: 'Municipality' }, colour: 'orange', populationOnly: false },
  patients: { label: { nl: 'Patiënten', en: 'Patients' }, colour: 'reddishPurple', populationOnly: false },
  integrator: { label: { nl: 'Integrator', en: 'Integrator' }, colour: 'skyBlue', populationOnly: true },
};
