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
  // GGZ: its providers (mental-health institutions, independent practitioners) are paid at cost
  // outside the parties; the deductible applies (domain.md: only GP, maternity, district nursing,
  // chronic-care programmes and under-18s are exempt).
  mentalHealth: {
    provider: null,
    payer: 'insurer',
    deductible: true,
    defaultScope: false,
    label: { nl: 'Geestelijke gezondheidszorg (GGZ)', en: 'Mental health care (GGZ)' },
    short: { nl: 'GGZ', en: 'Mental health' },
    inText: { nl: 'GGZ', en: 'mental health care' },
    colour: 'blue',
    variable: { name: 'claimsMentalHealth', about: 'mental-health (GGZ) claims, euros' },
  },
  // The rest of the Zvw in one line, its parts as Vektis groups them (OTHER_ZVW_PARTS). Part of it
  // is exempt from the deductible (maternity, district nursing): the scenario's deductible share of
  // this line says how much of it patients pay.
  otherZvw: {
    provider: null,
    payer: 'insurer',
    deductible: true,
    defaultScope: false,
    label: { nl: 'Overige Zvw-zorg', en: 'Other Zvw care' },
    short: { nl: 'Overige Zvw', en: 'Other Zvw' },
    inText: { nl: 'overige Zvw-zorg', en: 'other Zvw care' },
    colour: 'black',
    variable: { name: 'claimsOtherZvw', about: 'other Zvw claims (nursing, devices, paramedical, transport, dental, maternity, other), euros' },
  },
};

/**
 * What the other-Zvw line stands for: the Vektis categories it adds up, in the order of their size in
 * Maastricht-Heuvelland 2023 (€ per insured-year: nursing and short stay 342, devices 119,
 * paramedical 106, other 73, transport 48, dental 44, maternity 27; ../shared/data/README.md).
 */
export const OTHER_ZVW_PARTS: readonly { id: string; label: Bilingual }[] = [
  { id: 'nursing', label: { nl: 'verpleging, verzorging en eerstelijnsverblijf', en: 'nursing, rehabilitation and short-stay care' } },
  { id: 'devices', label: { nl: 'hulpmiddelen', en: 'medical devices' } },
  { id: 'paramedical', label: { nl: 'paramedische zorg', en: 'paramedical care' } },
  { id: 'other', label: { nl: 'overige Zvw-zorg', en: 'other Zvw care' } },
  { id: 'transport', label: { nl: 'ziekenvervoer', en: 'patient transport' } },
  { id: 'dental', label: { nl: 'mondzorg', en: 'dental care' } },
  { id: 'maternity', label: { nl: 'kraam- en verloskundige zorg', en: 'maternity care' } },
];

/** The lines a contract covers when it names none. */
export const DEFAULT_SCOPE: readonly Line[] = LINES.filter((l) => LINE_FACTS[l].defaultScope);
