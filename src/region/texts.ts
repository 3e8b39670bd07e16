import { lang, translator } from '../i18n';
import { render, type Entry } from '../texts/catalogue';
import type { Category } from '../../models/region/vektis';

const R = {
  open: { nl: '⤒ Regio uit Vektis-bestand…', en: '⤒ Region from a Vektis file…' },
  title: { nl: 'Regio uit de open data van Vektis', en: 'Region from the Vektis open data' },
  intro: {
    nl: 'Kies het bestand "Open Databestand Zorgverzekeringswet" (per gemeente of per postcode-3) dat u van vektis.nl hebt gedownload. Het bestand blijft op deze computer. De kosten per contact van de zorglijnen worden zo ingesteld dat de verwachte kosten per verzekerde in het startjaar gelijk zijn aan die van de gekozen gebieden; gebruik, spreiding en dure patiënten blijven zoals het huidige scenario ze heeft.',
    en: 'Choose the "Open Databestand Zorgverzekeringswet" file (per municipality or postcode-3) you downloaded from vektis.nl. The file stays on this computer. The cost per contact of the care lines is set so that the expected cost per insured in the start year equals that of the chosen areas; use, spread and high-cost patients stay as the current scenario has them.',
  },
  file: { nl: 'Vektis-bestand (.csv)', en: 'Vektis file (.csv)' },
  reading: { nl: 'Bestand lezen: {p}', en: 'Reading the file: {p}' },
  fileInfo: {
    nl: (v, f) => `${v.f}: ${f.count(Number(v.n), { one: 'gebied', other: 'gebieden' })} (${v.k}), ${v.y}`,
    en: (v, f) => `${v.f}: ${f.count(Number(v.n), { one: 'area', other: 'areas' })} (${v.k}), ${v.y}`,
  },
  gemeente: { nl: 'gemeenten', en: 'municipalities' },
  postcode3: { nl: 'postcode-3-gebieden', en: 'postcode-3 areas' },
  year: { nl: 'Jaar van de gegevens', en: 'Year of the data' },
  yearMissing: { nl: 'De bestandsnaam noemt geen jaar: vul het jaar van de gegevens in.', en: 'The file name has no year: enter the year of the data.' },
  search: { nl: 'Zoek een gebied', en: 'Search an area' },
  more: {
    nl: (v, f) => `nog ${f.count(Number(v.n), { one: 'gebied', other: 'gebieden' })}: typ om te zoeken`,
    en: (v, f) => `${f.num(Number(v.n))} more ${f.plural(Number(v.n), { one: 'area', other: 'areas' })}: type to search`,
  },
  none: { nl: 'Geen gebied gevonden voor "{q}".', en: 'No area found for "{q}".' },
  chosen: { nl: 'Gekozen ({n}): {a}', en: 'Chosen ({n}): {a}' },
  noneChosen: { nl: 'Nog geen gebied gekozen.', en: 'No area chosen yet.' },
  insured: { nl: '{n} verzekerdenjaren', en: '{n} insured-years' },
  bands: { nl: 'Leeftijdsgroepen', en: 'Age bands' },
  build: { nl: 'Scenario berekenen', en: 'Calibrate the scenario' },
  building: { nl: 'Bezig…', en: 'Working…' },
  result: { nl: 'Kosten per verzekerde in {y} (startjaar)', en: 'Cost per insured in {y} (start year)' },
  colLines: { nl: 'Zorglijnen', en: 'Care lines' },
  colChange: { nl: 'Scenario nu → uit de gegevens', en: 'Scenario now → from the data' },
  fromData: { nl: '{d} in {y} × prijsindex {i}', en: '{d} in {y} × price index {i}' },
  outside: { nl: 'Niet in een gemodelleerde zorglijn (per verzekerdenjaar, {y}): {list}', en: 'Not in any modelled care line (per insured-year, {y}): {list}' },
  skew: {
    nl: 'Scheefheid: variatiecoëfficiënt per persoon {cv} (gepubliceerd 2–3); de duurste 1% draagt {top} van de kosten (gepubliceerd 23–25%, domain.md).',
    en: 'Skew: coefficient of variation per person {cv} (published 2–3); the costliest 1% carry {top} of the cost (published 23–25%, domain.md).',
  },
  standardised: {
    nl: 'Kosten t.o.v. het landelijk gemiddelde bij dezelfde leeftijd en geslacht: {r} (1 = landelijk).',
    en: 'Cost against the national average at the same age and sex: {r} (1 = national).',
  },
  openAsNew: { nl: 'Openen als nieuw scenario', en: 'Open as a new scenario' },
  close: { nl: 'Sluiten', en: 'Close' },
  opened: { nl: 'Regio uit {f} geopend; het vorige scenario staat in de werkruimte', en: 'Region from {f} opened; the previous scenario is kept in the workspace' },
  // Problems, by the engine's code.
  separator: { nl: "Rij 1: de kolommen zijn niet door puntkomma's (;) gescheiden. Is dit een Vektis-bestand?", en: 'Row 1: the columns are not separated by semicolons (;). Is this a Vektis file?' },
  missingColumn: {
    nl: 'Rij 1: de kolom "{c}" ontbreekt. Is dit een Vektis-bestand per gemeente of postcode-3?',
    en: 'Row 1: the column "{c}" is missing. Is this a Vektis file per municipality or postcode-3?',
  },
  fieldCount: { nl: 'Rij {r}: het aantal velden klopt niet met de kopregel.', en: 'Row {r}: the number of fields does not match the header.' },
  number: { nl: 'Rij {r}, kolom "{c}": geen getal of leeftijdsklasse.', en: 'Row {r}, column "{c}": not a number or age class.' },
  empty: { nl: 'Het bestand is leeg.', en: 'The file is empty.' },
  unknownArea: { nl: 'Een gekozen gebied staat niet in het bestand.', en: 'A chosen area is not in the file.' },
  noCostColumns: { nl: 'Rij 1: geen kostenkolommen (kosten_…) gevonden.', en: 'Row 1: no cost columns (kosten_…) found.' },
  calibration: { nl: 'Het scenario laat zich niet op deze gegevens instellen.', en: 'The scenario cannot be calibrated to these data.' },
  base: { nl: 'Het huidige scenario is niet geldig; herstel het eerst in de editor.', en: 'The current scenario is not valid; fix it in the editor first.' },
  read: { nl: 'Het bestand kon niet worden gelezen.', en: 'The file could not be read.' },
  crashed: { nl: 'Het inlezen is gestopt (te weinig geheugen?). Er is niets veranderd.', en: 'Reading stopped (out of memory?). Nothing has changed.' },
  detail: { nl: 'Details (Engels): {m}', en: 'Details: {m}' },
  unchanged: { nl: 'Er is niets veranderd aan uw scenario of werkruimte.', en: 'Nothing in your scenario or workspace has changed.' },
} satisfies Record<string, Entry>;
/** The table itself, for the catalogue's test. */
export { R as REGION_TEXTS };

export const tr = translator(R).get;
export type RegionTextKey = keyof typeof R;

/** Vektis's cost categories in the interface language. */
export const CATEGORY_NAMES = {
  hospital: { nl: 'medisch-specialistische zorg', en: 'medical-specialist care' },
  pharmacy: { nl: 'farmacie', en: 'pharmacy' },
  gp: { nl: 'huisartsenzorg', en: 'GP care' },
  mentalHealth: { nl: 'ggz', en: 'mental health' },
  nursing: { nl: 'verpleging, revalidatie en eerstelijnsverblijf', en: 'nursing, rehabilitation and short-stay care' },
  devices: { nl: 'hulpmiddelen', en: 'medical devices' },
  paramedical: { nl: 'paramedische zorg', en: 'paramedical care' },
  transport: { nl: 'ziekenvervoer', en: 'patient transport' },
  dental: { nl: 'mondzorg', en: 'dental care' },
  maternity: { nl: 'kraam- en verloskundige zorg', en: 'maternity care' },
  other: { nl: 'overige Zvw-zorg', en: 'other Zvw care' },
} satisfies Record<Category, Entry>;
export const categoryName = (c: Category) => render(CATEGORY_NAMES[c], lang());
