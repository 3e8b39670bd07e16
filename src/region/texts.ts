import { lang, translator } from '../i18n';
import { render, type Entry } from '../texts/catalogue';
import type { Category } from '../../models/region/vektis';

const R = {
  open: { nl: '⤒ Regio uit Vektis-bestand…', en: '⤒ Region from a Vektis file…' },
  title: { nl: 'Regio uit de open data van Vektis', en: 'Region from the Vektis open data' },
  intro: {
    nl: 'Kies het bestand "Open Databestand Zorgverzekeringswet" (per gemeente of per postcode-3) dat u van vektis.nl hebt gedownload. Het bestand blijft op deze computer. De groepen van het scenario worden de leeftijdsgroepen van de gekozen gebieden, met hun aandeel in de verzekerdenjaren; de kosten per contact worden zo ingesteld dat de verwachte kosten per verzekerde in het startjaar per leeftijdsgroep en zorglijn gelijk zijn aan de gegevens. Gebruik, spreiding en dure patiënten komen uit het huidige scenario (het gemiddelde over zijn groepen).',
    en: 'Choose the "Open Databestand Zorgverzekeringswet" file (per municipality or postcode-3) you downloaded from vektis.nl. The file stays on this computer. The scenario\'s segments become the age bands of the chosen areas, with their share of the insured-years; the cost per contact is set so that the expected cost per insured in the start year equals the data per age band and care line. Use, spread and high-cost patients come from the current scenario (the average over its segments).',
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
  segmentsLegend: { nl: 'Groepen in het scenario', en: 'Segments of the scenario' },
  segmentsBands: { nl: 'leeftijdsgroepen uit de gegevens', en: 'age bands from the data' },
  segmentsBase: { nl: 'de groepen van het huidige scenario houden (alleen het kostenniveau aanpassen)', en: "keep the current scenario's segments (adjust only the cost level)" },
  segmentsCaption: { nl: 'Groepen van het nieuwe scenario ({y})', en: 'Segments of the new scenario ({y})' },
  colSegment: { nl: 'Groep', en: 'Segment' },
  colShare: { nl: 'Aandeel', en: 'Share' },
  colPerInsured: { nl: 'Kosten per verzekerde', en: 'Cost per insured' },
  remapped: {
    nl: 'Aangepast omdat hun doelgroepen geen leeftijdsgroep zijn; ze gelden nu voor alle leeftijdsgroepen en bereiken evenveel mensen: {list}.',
    en: 'Changed because their target segments are no age band; they now apply to every age band and reach as many people: {list}.',
  },
  remapIntervention: { nl: 'interventie {id} (was {s}): bereik × {f}', en: 'intervention {id} (was {s}): reach × {f}' },
  remapSubstitution: { nl: 'substitutie {id} (was {s}): verplaatsbaar deel × {f}', en: 'substitution {id} (was {s}): eligible share × {f}' },
  remapCorrelations: {
    nl: (v, f) => `${f.count(Number(v.n), { one: 'correlatie', other: 'correlaties' })} tussen groepsparameters vervallen`,
    en: (v, f) => `${f.count(Number(v.n), { one: 'correlation', other: 'correlations' })} between segment parameters dropped`,
  },
  mappingSummary: { nl: 'Koppeling van Vektis-kolommen aan zorglijnen', en: 'Mapping of Vektis columns to care lines' },
  mappingCaption: { nl: 'Kolommen → zorgcategorie → zorglijn', en: 'Columns → care category → care line' },
  colColumns: { nl: 'Kolommen in het bestand', en: 'Columns in the file' },
  colCategory: { nl: 'Zorgcategorie', en: 'Care category' },
  mapTo: { nl: 'Zorglijn voor {c}', en: 'Care line for {c}' },
  notModelled: { nl: 'geen zorglijn (buiten het model)', en: 'no care line (outside the model)' },
  mappingEdit: {
    nl: 'Kies per zorgcategorie de zorglijn; het scenario wordt dan opnieuw berekend. De koppeling komt in het scenariobestand (region.import: columns voor de kolommen, lines voor de zorglijnen) en wordt bij opnieuw inlezen gebruikt; de kolommen zijn daar aan te passen.',
    en: 'Choose the care line for each care category; the scenario is then calibrated again. The mapping goes into the scenario file (region.import: columns for the columns, lines for the care lines) and is used when importing again; the columns can be edited there.',
  },
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
  mapping: { nl: 'De koppeling van zorgcategorieën aan zorglijnen klopt niet.', en: 'The mapping of care categories to care lines is not valid.' },
  badBands: {
    nl: 'De leeftijdsgroepen kloppen niet: schrijf ze als 0-17,18-44,45-64,65-74,75+ (vanaf 0, zonder gaten, de laatste open).',
    en: 'The age bands are not right: write them as 0-17,18-44,45-64,65-74,75+ (from 0, without gaps, the last one open).',
  },
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
