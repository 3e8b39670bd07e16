import { DIST_FACTS } from '../../models/scenario/distributions';
import type { Lang } from '../i18n';
import { render, type Entry, type Label, type Vars } from '../texts/catalogue';
import { textFormat } from '../texts/format';
import { LINES } from '../../models/core/names';
import { LINE_FACTS } from '../../models/core/lines';

type L = Label & { unit?: Label };
const u = (nl: string, en = nl): Label => ({ nl, en });
const EUR = u('€');
const EUR_Y = u('€ per jaar', '€ per year');
const FRAC = u('fractie 0–1', 'fraction 0–1');
const PER_Y = u('fractie per jaar', 'fraction per year');
const YEARS = u('jaar', 'years');

/** Labels and units of scenario fields by key. Keys not listed show their own name. */
export const FIELD_LABELS: Record<string, L> = {
  meta: { nl: 'Beschrijving', en: 'Description' },
  title: { nl: 'Titel', en: 'Title' },
  description: { nl: 'Omschrijving', en: 'Description' },
  author: { nl: 'Auteur', en: 'Author' },
  created: { nl: 'Gemaakt op', en: 'Created' },
  notes: { nl: 'Notities voor de stuurgroep', en: 'Notes for the steering group' },
  question: { nl: 'Vraag', en: 'Question' },
  source: { nl: 'Bron', en: 'Source' },
  illustrative: { nl: 'Illustratief (geen bron)', en: 'Illustrative (no source)' },
  simulation: { nl: 'Simulatie', en: 'Simulation' },
  runs: { nl: 'Aantal runs', en: 'Number of runs' },
  horizonYears: { nl: 'Aantal jaren', en: 'Years simulated', unit: YEARS },
  startYear: { nl: 'Startjaar', en: 'Start year' },
  seed: { nl: 'Startwaarde toevalsgenerator (seed)', en: 'Random seed' },
  targetReduction: { nl: 'Doel: besparing', en: 'Target reduction', unit: FRAC },
  randomVariation: { nl: 'Toevallige variatie in zorggebruik', en: 'Random variation in care use' },
  parameterUncertainty: { nl: 'Onzekerheid in aannames', en: 'Uncertainty in assumptions' },
  varianceSplitRuns: { nl: 'Runs voor de variantie-splitsing', en: 'Runs for the variance split' },
  confidence: { nl: 'Zekerheid voor de minimale besparing', en: 'Confidence for the minimum savings rate', unit: FRAC },
  region: { nl: 'Regio en bevolking', en: 'Region and population' },
  name: { nl: 'Naam', en: 'Name' },
  population: { nl: 'Verzekerden in de regio', en: 'Insured in the region', unit: u('personen', 'people') },
  segments: { nl: 'Groepen (segmenten)', en: 'Segments' },
  id: { nl: 'Code', en: 'Id' },
  share: { nl: 'Aandeel in de bevolking', en: 'Share of population', unit: FRAC },
  growth: { nl: 'Groei van de groep', en: 'Growth of the segment', unit: PER_Y },
  lines: { nl: 'Zorgvormen', en: 'Care lines' },
  ...Object.fromEntries(LINES.map((l) => [l, LINE_FACTS[l].label])),
  contacts: { nl: 'Contacten per persoon', en: 'Contacts per person', unit: u('per jaar', 'per year') },
  dispersion: { nl: 'Spreiding tussen personen (k)', en: 'Spread between people (k)' },
  costPerContact: { nl: 'Kosten per contact', en: 'Cost per contact', unit: EUR },
  costCV: { nl: 'Variatie in kosten per contact (CV)', en: 'Variation of cost per contact (CV)' },
  highCost: { nl: 'Dure zorg (hoge-kostengevallen)', en: 'High-cost cases' },
  rate: { nl: 'Kans per persoon per jaar', en: 'Probability per person-year', unit: FRAC },
  severity: { nl: 'Kosten per geval', en: 'Cost per case' },
  mean: { nl: 'Gemiddelde', en: 'Mean' },
  cv: { nl: 'Variatie (CV)', en: 'Variation (CV)' },
  median: { nl: 'Mediaan', en: 'Median', unit: EUR },
  p99: { nl: '99e percentiel', en: '99th percentile', unit: EUR },
  persistence: { nl: 'Blijvend hoge kosten (correlatie tussen jaren)', en: 'Persistence of high cost (correlation between years)', unit: FRAC },
  trend: { nl: 'Kostengroei per contact', en: 'Cost growth per contact', unit: PER_Y },
  benchmark: { nl: 'Benchmark van het contract', en: 'Contract benchmark' },
  coverage: { nl: 'Dekking (deel van de verzekerden)', en: 'Coverage (share of the insured)', unit: FRAC },
  behaviour: { nl: 'Gedrag: zorgaanbieders reageren op het contract', en: 'Behaviour: providers respond to the contract' },
  elasticity: { nl: 'Volume-elasticiteit voor de marginale opbrengst', en: 'Volume elasticity to marginal revenue', unit: u('0–5') },
  discretionary: { nl: 'Stuurbaar deel van de contacten per zorgvorm', en: 'Discretionary share of contacts per line', unit: FRAC },
  holdBack: { nl: 'Terughoudendheid zonder deel in de besparing', en: 'Hold-back without a share of the saving', unit: FRAC },
  controlledBy: { nl: 'Wie beslist erover', en: 'Who decides it' },
  weights: { nl: 'Gewichten van de basisjaren', en: 'Weights of the base years', unit: FRAC },
  rebase: { nl: 'Opnieuw vaststellen (rebasing)', en: 'Rebasing' },
  everyYears: { nl: 'Elke … jaar', en: 'Every … years', unit: YEARS },
  ratchet: { nl: 'Deel van de besparing dat de benchmark verlaagt (ratchet)', en: 'Share of the saving that lowers the benchmark (ratchet)', unit: FRAC },
  method: { nl: 'Hoe de benchmark wordt bepaald', en: 'How the benchmark is set' },
  pot: { nl: 'Vaste pot per jaar', en: 'Fixed pot per year', unit: EUR_Y },
  scope: { nl: 'Zorgvormen in het contract', en: 'Care lines in the contract' },
  headline: { nl: 'Kernboodschap', en: 'Headline' },
  preContractYears: { nl: 'Jaren vóór het contract voor de benchmark', en: 'Pre-contract years for the benchmark', unit: YEARS },
  quality: { nl: 'Kwaliteit', en: 'Quality', unit: u('punten', 'points') },
  baseline: { nl: 'Kwaliteitsscore zonder verandering', en: 'Quality score without change', unit: u('0–100') },
  noiseSD: { nl: 'Meetruis per jaar (SD)', en: 'Measurement noise per year (SD)', unit: u('punten', 'points') },
  substitution: { nl: 'Substitutie', en: 'Substitution' },
  from: { nl: 'Van', en: 'From' },
  to: { nl: 'Naar', en: 'To' },
  eligible: { nl: 'Deel van de contacten dat kan verschuiven', en: 'Share of contacts that could move', unit: FRAC },
  maxShift: { nl: 'Deel dat verschuift bij volledige invoering', en: 'Share moved at full uptake', unit: FRAC },
  uptake: { nl: 'Invoering', en: 'Uptake' },
  midpointYears: { nl: 'Jaren tot halve invoering', en: 'Years to half uptake', unit: YEARS },
  steepness: { nl: 'Steilheid van de invoering', en: 'Steepness of uptake', unit: u('per jaar', 'per year') },
  additionality: { nl: 'Extra contacten per verschoven contact', en: 'Extra contacts per moved contact' },
  refill: { nl: 'Deel van vrijgekomen capaciteit dat weer volloopt', en: 'Share of freed capacity refilled', unit: FRAC },
  interventions: { nl: 'Interventies', en: 'Interventions' },
  pilot: { nl: 'Proeftuin / project', en: 'Pilot / project' },
  reach: { nl: 'Bereik', en: 'Reach' },
  max: { nl: 'Maximum', en: 'Maximum' },
  reachMax: { nl: 'Maximaal bereik', en: 'Maximum reach', unit: FRAC },
  rampYears: { nl: 'Jaren tot vol bereik', en: 'Years to full reach', unit: YEARS },
  lagYears: { nl: 'Vertraging tot effect', en: 'Delay until effect', unit: YEARS },
  effects: { nl: 'Effecten bij bereikte personen', en: 'Effects among people reached' },
  price: { nl: 'Lagere prijs per contact', en: 'Lower price per contact' },
  highCostRate: { nl: 'Minder dure zorg (kans)', en: 'Fewer high-cost cases (rate)', unit: FRAC },
  cost: { nl: 'Kosten van de interventie', en: 'Cost of the intervention' },
  oneOff: { nl: 'Eenmalig', en: 'One-off', unit: EUR },
  perYear: { nl: 'Vast per jaar', en: 'Fixed per year', unit: EUR_Y },
  perParticipant: { nl: 'Per bereikte persoon per jaar', en: 'Per person reached per year', unit: EUR },
  payer: { nl: 'Wie betaalt', en: 'Who pays' },
  insurer: { nl: 'Zorgverzekeraar', en: 'Insurer' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  patients: { nl: 'Patiënten', en: 'Patients' },
  financing: { nl: 'Bekostiging', en: 'Financing' },
  parties: { nl: 'Partijen', en: 'Parties' },
  intermediateProvider: { nl: 'Wie levert anderhalvelijnszorg', en: 'Who provides 1.5-line care' },
  fixedShare: { nl: 'Vaste kosten (deel)', en: 'Fixed costs (share)', unit: FRAC },
  adjustment: { nl: 'Aanpassing van capaciteit per jaar', en: 'Capacity adjustment per year', unit: FRAC },
  costRatio: { nl: 'Kosten / tarief', en: 'Cost / tariff' },
  insurerMargin: { nl: 'Marge van de verzekeraar', en: 'Insurer margin', unit: FRAC },
  deductibleShare: { nl: 'Deel betaald via eigen risico', en: 'Share paid through the deductible', unit: FRAC },
  models: { nl: 'Bekostigingsmodellen', en: 'Financing models' },
  kind: { nl: 'Soort contract', en: 'Kind of contract' },
  perInsured: { nl: 'Bedrag per verzekerde', en: 'Amount per insured', unit: EUR_Y },
  qualityThreshold: { nl: 'Minimale kwaliteitsscore', en: 'Minimum quality score' },
  costTarget: { nl: 'Kostendoel (besparing)', en: 'Cost target (saving)', unit: FRAC },
  sided: { nl: 'Eenzijdig of tweezijdig', en: 'One- or two-sided' },
  minimumSavingsRate: { nl: 'Minimale besparing voor uitbetaling (MSR)', en: 'Minimum savings rate (MSR)' },
  minimumLossRate: { nl: 'Minimaal verlies voor terugbetaling (MLR)', en: 'Minimum loss rate (MLR)' },
  sharingRate: { nl: 'Deel van de besparing voor aanbieders', en: "Providers' share of savings", unit: FRAC },
  lossSharingRate: { nl: 'Deel van het verlies voor aanbieders', en: "Providers' share of losses", unit: FRAC },
  savingsCap: { nl: 'Plafond uitbetaling', en: 'Cap on payments', unit: FRAC },
  lossCap: { nl: 'Plafond terugbetaling', en: 'Cap on repayments', unit: FRAC },
  qualityGate: { nl: 'Kwaliteitsdrempel', en: 'Quality gate' },
  firstEuro: { nl: 'Delen vanaf de eerste euro', en: 'Share from the first euro' },
  settlementYears: { nl: 'Jaren per afrekening', en: 'Years per settlement', unit: YEARS },
  discount: { nl: 'Korting in het budget', en: 'Discount in the budget', unit: FRAC },
  owner: { nl: 'Eigenaren van de integrator', en: 'Owners of the integrator' },
  stopLoss: { nl: 'Herverzekering dure gevallen (stop-loss)', en: 'Stop-loss for high-cost cases' },
  threshold: { nl: 'Drempel per geval', en: 'Threshold per case', unit: EUR },
  loading: { nl: 'Opslag', en: 'Loading', unit: FRAC },
  glide: { nl: 'Groei van het budget', en: 'Budget growth', unit: PER_Y },
  band: { nl: 'Bandbreedte', en: 'Band', unit: FRAC },
  corridor: { nl: 'Risicocorridor', en: 'Risk corridor' },
  marginal: { nl: 'Vergoeding per extra contact', en: 'Payment per extra contact', unit: FRAC },
  split: { nl: 'Verdeling', en: 'Split' },
  formulas: { nl: 'Formules per partij', en: 'Formulas per party' },
  fixed: { nl: 'Vast percentage', en: 'Fixed rate', unit: FRAC },
};

export function fieldLabel(key: string | number, lang: Lang): string {
  if (typeof key === 'number') return `#${key + 1}`;
  const e = FIELD_LABELS[key];
  return e ? render(e, lang) : key;
}

export function fieldUnit(key: string | number, lang: Lang): string | undefined {
  const unit = typeof key === 'string' ? FIELD_LABELS[key]?.unit : undefined;
  return unit && render(unit, lang);
}

/** Labels of fields whose meaning depends on where they sit. */
export const PLACED_LABELS = {
  /** startYear inside a substitution or intervention is an offset in years, not a calendar year. */
  offsetStartYear: { nl: 'Begint na (jaren na het startjaar)', en: 'Starts after (years after the start year)' },
  effectContacts: { nl: 'Minder contacten (fractie per zorgvorm)', en: 'Fewer contacts (fraction per care line)' },
  effectPrice: { nl: 'Lagere prijs per contact (fractie per zorgvorm)', en: 'Lower price per contact (fraction per care line)' },
  effectQuality: { nl: 'Verandering van de kwaliteitsscore', en: 'Change of the quality score' },
  formula: { nl: 'Formule: extra betaling aan {who} per jaar', en: 'Formula: yearly extra payment to {who}' },
  /** The benchmark's trend is the growth the contract assumes, not a care line's cost growth. */
  benchmarkTrend: { nl: 'Trend waarmee de benchmark wordt doorgetrokken', en: 'Trend the benchmark is projected with' },
  /** A list entry that is no number, named by the field and its place in the list. */
  listPosition: { nl: '{field}, nummer {i}: {problem}', en: '{field}, number {i}: {problem}' },
} satisfies Record<string, Entry>;

/** Who a custom contract's formula pays, where the party's own name would be too vague. */
export const FORMULA_PAYEES: Record<string, Label> = {
  gp: { nl: 'de huisartsen (zorggroep)', en: 'the GP care group' },
  hospital: { nl: 'het ziekenhuis', en: 'the hospital' },
};

/** The words for a choice's options (never the file's codes such as `one`/`two`). */
export const OPTION_WORDS: Record<string, Label> = {
  one: { nl: 'eenzijdig (alleen besparingen gedeeld)', en: 'one-sided (savings shared only)' },
  two: { nl: 'tweezijdig (ook verliezen gedeeld)', en: 'two-sided (losses shared too)' },
  estimated: { nl: 'geschat uit de jaren vóór het contract', en: 'estimated from the pre-contract years' },
  expected: { nl: 'verwachte waarde (ter vergelijking)', en: 'expected value (for reference)' },
};

/**
 * The three trends a contract's benchmark can assume: the region's own expected growth (the
 * field left out), a fixed rate, or a national trend with its uncertainty (a distribution).
 */
export const TREND_CHOICES = {
  label: { nl: 'Welke trend neemt het contract aan?', en: 'Which trend does the contract assume?' },
  region: { nl: 'verwachte groei van de regio', en: "the region's expected growth" },
  fixed: { nl: 'vast percentage', en: 'fixed rate' },
  national: { nl: 'landelijke trend met onzekerheid', en: 'national trend with uncertainty' },
  regionHelp: {
    nl: 'De benchmark groeit met de kostengroei die het scenario zelf verwacht zonder verandering (alle aannames op hun gemiddelde, inclusief de verschuiving tussen groepen), zodat hij zonder besparing niet wegloopt van de kosten.',
    en: 'The benchmark grows with the cost growth the scenario itself expects without any change (every assumption at its mean, the shift between segments included), so that without a saving it does not drift from the cost.',
  },
  fixedHelp: {
    nl: 'Eén groeivoet voor elke run, zoals een contract die vastlegt; wijkt hij af van de verwachte groei, dan loopt de benchmark weg van de kosten (zie de financiering).',
    en: 'One growth rate for every run, as a contract fixes it; when it differs from the expected growth, the benchmark drifts from the cost (see financing).',
  },
  // {lo}, {mode}, {hi}: the start's numbers, from NATIONAL_TREND_START (trendStartVars), so the help cannot describe another start.
  nationalHelp: {
    nl: 'Een trend die per run wordt getrokken: de onzekerheid van een landelijke raming komt zo in de benchmark en in ieders resultaat. Begint op PERT {lo}–{mode}–{hi}% per jaar: RIVM VTV-2018 ({lo}%) en CPB 2023 ({hi}%) als grenzen, het midden illustratief.',
    en: "A trend drawn per run: the uncertainty of a national projection enters the benchmark and everyone's result. Starts at PERT {lo}–{mode}–{hi}% a year: RIVM VTV-2018 ({lo}%) and CPB 2023 ({hi}%) as the bounds, the middle illustrative.",
  },
} satisfies Record<string, Entry>;

/** Where a national trend starts when it is chosen: the two national projections as its bounds (../shared/domain.md). */
export const NATIONAL_TREND_START = {
  dist: 'pert',
  min: 0.029,
  mode: 0.032,
  max: 0.035,
  source: {
    nl: 'RIVM VTV-2018 raamt 2,9% reële groei per jaar (2015–2040), CPB (2023) ongeveer 3,5% per jaar tot 2028 (domain.md): de grenzen; het midden is illustratief',
    en: 'RIVM VTV-2018 projects 2.9% real growth a year (2015–2040), CPB (2023) about 3.5% a year to 2028 (domain.md): the bounds; the middle is illustrative',
  },
} as const;

/** The national trend's start as percentages in language `l`'s notation, for the trend choice's help. */
export function trendStartVars(l: Lang): Vars {
  const pct = (x: number) => textFormat(l).num(+(x * 100).toFixed(6));
  return { lo: pct(NATIONAL_TREND_START.min), mode: pct(NATIONAL_TREND_START.mode), hi: pct(NATIONAL_TREND_START.max) };
}

/** The distribution picker's choice for a plain number. */
export const FIXED_CHOICE: Label = { nl: 'vast getal', en: 'fixed number' };

/** The parts of a number or distribution (a fixed value, min, mode, …), as the editor names them. */
export const DIST_PARTS: Record<string, Label> = {
  value: { nl: 'waarde', en: 'value' },
  ...Object.fromEntries(Object.values(DIST_FACTS).flatMap((f) => f.parts.map((p) => [p.name, p.label]))),
};
