import { LINES, type Line, type Party } from './names';
import type { Bilingual, ColourToken } from './text';

/** What every stage and view needs to know about one care line. */
export interface LineFacts {
  /**
   * Who is paid for the line's claims: a provider party, the party the scenario names as the
   * 1.5-line provider (`financing.parties.intermediateProvider`), or null when the line's providers
   * are paid at cost outside the parties (pharmacies, self-care and welfare).
   */
  provider: 'hospital' | 'gp' | 'intermediateProvider' | null;
  /** Who pays the line's claims, with an income fixed ex ante for their expected amount. */
  payer: Extract<Party, 'insurer' | 'municipality'>;
  /** Patients pay a deductible share of the line's claims (to the insurer). */
  deductible: boolean;
  /** In a contract's scope when the contract names none. */
  defaultScope: boolean;
  /** The name in the editor and the assumption list. */
  label: Bilingual;
  /** The short name in charts and legends. */
  short: Bilingual;
  /** The name inside a sentence. */
  inText: Bilingual;
  colour: ColourToken;
  /** The contract formulas' variable holding this line's claims of the year, and what it says. */
  variable: { name: string; about: string };
}

/** Facts for every line of a set of line names. */
export type LineTable<L extends string> = { readonly [K in L]: LineFacts };

/** Every care line's facts. A line in `LINES` without an entry here does not compile. */
export const LINE_FACTS: LineTable<Line> = {
  selfcare: {
    provider: null,
    payer: 'municipality',
    deductible: false,
    defaultScope: false,
    label: { nl: 'Zelfzorg en welzijn (0e lijn)', en: 'Self-care and welfare (line 0)' },
    short: { nl: 'Zelfzorg', en: 'Self-care' },
    inText: { nl: 'zelfzorg', en: 'self-care' },
    colour: 'bluishGreen',
    variable: { name: 'claimsSelfcare', about: 'self-care claims, euros' },
  },
  gp: {
    provider: 'gp',
    payer: 'insurer',
    deductible: false,
    defaultScope: true,
    label: { nl: 'Huisarts (1e lijn)', en: 'GP (first line)' },
    short: { nl: 'Huisarts', en: 'GP' },
    inText: { nl: 'huisarts', en: 'GP' },
    colour: 'orange',
    variable: { name: 'claimsGp', about: 'GP claims, euros' },
  },
  intermediate: {
    provider: 'intermediateProvider',
    payer: 'insurer',
    deductible: true,
    defaultScope: true,
    label: { nl: 'Anderhalvelijnszorg', en: '1.5-line care' },
    short: { nl: '1,5e lijn', en: '1.5 line' },
    inText: { nl: '1,5e lijn', en: '1.5 line' },
    colour: 'skyBlue',
    variable: { name: 'claimsIntermediate', about: '1.5-line claims, euros' },
  },
  hospital: {
    provider: 'hospital',
    payer: 'insurer',
    deductible: true,
    defaultScope: true,
    label: { nl: 'Ziekenhuis (2e lijn)', en: 'Hospital (second line)' },
    short: { nl: 'Ziekenhuis', en: 'Hospital' },
    inText: { nl: 'ziekenhuis', en: 'hospital' },
    colour: 'vermillion',
    variable: { name: 'claimsHospital', about: 'hospital claims, euros' },
  },
  pharmacy: {
    provider: null,
    payer: 'insurer',
    deductible: true,
    defaultScope: true,
    label: { nl: 'Farmacie', en: 'Pharmacy' },
    short: { nl: 'Farmacie', en: 'Pharmacy' },
    inText: { nl: 'farmacie', en: 'pharmacy' },
    colour: 'reddishPurple',
    variable: { name: 'claimsPharmacy', about: 'pharmacy claims, euros' },
  },
};

/** The lines a contract covers when it names none. */
export const DEFAULT_SCOPE: readonly Line[] = LINES.filter((l) => LINE_FACTS[l].defaultScope);
