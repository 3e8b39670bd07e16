import { createSignal } from 'solid-js';
import { localText } from '../models/scenario/localText';
import { fill, translator as catalogueTranslator, type Entry, type Vars } from './texts/catalogue';

import type { Lang } from './texts/format';
export type { Lang };

const STORAGE_KEY = 'proeftuin.lang';

function initialLang(): Lang {
  // Outside a page (unit tests of modules that show texts) there is no address: Dutch.
  if (typeof location === 'undefined') return 'nl';
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'nl' || fromUrl === 'en') return fromUrl;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // storage may be blocked; Dutch is the default
  }
  return 'nl';
}

const [lang, setLangSignal] = createSignal<Lang>(initialLang());
export { lang };

/**
 * A scenario's own text (a name, description or source, written once or per language) in the
 * interface language, or in `l`.
 */
export const textOf = (text: unknown, l: Lang = lang()): string => localText(text, l);

export function setLang(l: Lang): void {
  setLangSignal(l);
  document.documentElement.lang = l;
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // not fatal
  }
}

/** Interface texts. Plain words first; the technical term goes in the `…Tech` entries shown on hover. */
const M = {
  appTitle: { nl: 'Proeftuin', en: 'Proeftuin' },
  appSubtitle: { nl: 'Zorgsubstitutie en bekostiging doorrekenen', en: 'Test care substitution and financing' },
  language: { nl: 'Taal', en: 'Language' },
  run: { nl: 'Doorrekenen', en: 'Run' },
  rerun: { nl: 'Opnieuw doorrekenen', en: 'Run again' },
  cancel: { nl: 'Stoppen', en: 'Cancel' },
  stateIdle: { nl: 'Nog niet doorgerekend', en: 'Not run yet' },
  stateRunning: { nl: 'Bezig met doorrekenen', en: 'Running' },
  stateSummarizing: { nl: 'Resultaten samenvatten', en: 'Summarising results' },
  stateDone: { nl: 'Klaar', en: 'Done' },
  stateCancelled: { nl: 'Gestopt: resultaten van de afgeronde runs', en: 'Cancelled: results of the finished runs' },
  stateError: { nl: 'Fout', en: 'Error' },
  runsDone: { nl: 'runs klaar', en: 'runs done' },
  timeLeft: { nl: 'nog', en: 'left' },
  seconds: { nl: 's', en: 's' },
  scenario: { nl: 'Scenario', en: 'Scenario' },
  counterfactual: { nl: 'Zonder verandering', en: 'No change' },
  counterfactualTech: { nl: 'counterfactual: dezelfde regio zonder substitutie en interventies', en: 'counterfactual: the same region without substitution and interventions' },
  scenarioSide: { nl: 'Met scenario', en: 'With scenario' },
  totalCostIn: { nl: 'Totale zorgkosten in', en: 'Total care cost in' },
  reduction: { nl: 'Besparing', en: 'Reduction' },
  reductionTech: { nl: '1 − scenario / zonder verandering, gemiddeld over de runs', en: '1 − scenario / no change, mean over runs' },
  pTarget: { nl: 'Kans dat de besparing ≥ {t} is', en: 'Chance that the reduction is ≥ {t}' },
  pTargetTech: { nl: 'P(besparing ≥ doel) in het laatste jaar', en: 'P(reduction ≥ target) in the last year' },
  msr: { nl: 'Kleinste besparing die niet op toeval kan berusten', en: 'Smallest saving unlikely to be chance' },
  msrShortLegend: { nl: 'grens voor toeval', en: 'chance threshold' },
  msrTech: {
    nl: 'bij {c} zekerheid, {n} verzekerden, benchmark uit {y} eerdere jaren (zonder benchmarkfout, CMS-formule voor de MSR: {cms})',
    en: 'at {c} confidence, {n} insured, benchmark from {y} earlier years (without benchmark error, the CMS formula for the MSR: {cms})',
  },
  between: { nl: 'tussen {a} en {b}', en: 'between {a} and {b}' },
  in90: { nl: '90% van de runs', en: '90% of runs' },
  mcseNote: { nl: '± is de Monte-Carlo-standaardfout (onzekerheid door het aantal runs)', en: '± is the Monte Carlo standard error (uncertainty from the number of runs)' },
  fanTitle: { nl: 'Totale zorgkosten per jaar', en: 'Total care cost per year' },
  fanCaption: { nl: 'Lijn: mediaan. Donkere band: middelste 50% van de runs; lichte band: middelste 90%.', en: 'Line: median. Dark band: middle 50% of runs; light band: middle 90%.' },
  axisYear: { nl: 'Jaar', en: 'Year' },
  axisCostMln: { nl: 'Zorgkosten (€ mln per jaar)', en: 'Care cost (€ mln per year)' },
  runsOf: { nl: '{n} runs', en: '{n} runs' },
  financingTitle: { nl: 'Wie draagt het risico? (partijen × bekostigingsmodellen)', en: 'Who carries the risk? (parties × financing models)' },
  financingPending: {
    nl: 'Nog geen resultaten: kies Doorrekenen. Dan staan hier per partij en bekostigingsmodel het gemiddelde resultaat, de kans op verlies en het slechtste 5% van de runs.',
    en: 'No results yet: choose Run. Then each party gets its mean result, chance of loss and worst 5% of runs under each financing model here.',
  },
  errorTitle: { nl: 'Er ging iets mis', en: 'Something went wrong' },
  questionCost: { nl: 'Wat gebeurt er met zorg en kosten?', en: 'What happens to care and cost?' },
  questionTarget: { nl: 'Halen we het doel?', en: 'Do we reach the target?' },
  showTable: { nl: 'Tabel', en: 'Table' },
  showChart: { nl: 'Grafiek', en: 'Chart' },
  median: { nl: 'mediaan', en: 'median' },
  year: { nl: 'Jaar', en: 'Year' },
  mean: { nl: 'gemiddelde', en: 'mean' },
  meanAdj: { nl: 'gemiddeld', en: 'mean' },
  illustrative: { nl: 'illustratief', en: 'illustrative' },
  partial: { nl: 'tussenstand', en: 'partial' },
  resetDefault: { nl: 'Terug naar de standaardwaarde', en: 'Reset to default' },
  illustrativeHelp: { nl: 'Aanname zonder bron: om over te discussiëren', en: 'Assumption without a source: to be argued about' },
  distribution: { nl: 'vorm van de onzekerheid', en: 'kind of uncertainty' },
  source: { nl: 'Bron', en: 'Source' },
  emptyMeansAll: { nl: 'niets aangevinkt = alle groepen', en: 'none ticked = all segments' },
  problems: { nl: 'problemen', en: 'problems' },
  copy: { nl: 'Kopiëren', en: 'Copy' },
  remove: { nl: 'Verwijderen', en: 'Remove' },
  add: { nl: 'Toevoegen', en: 'Add' },
  editorTitle: { nl: 'Scenario bewerken', en: 'Edit scenario' },
  invalidSummary: {
    nl: (v, f) =>
      `${f.count(Number(v.n), { one: 'invoer klopt', other: 'invoeren kloppen' })} niet. Doorrekenen kan pas als ${f.plural(Number(v.n), { one: 'die is', other: 'ze zijn' })} opgelost; uw invoer blijft bewaard.`,
    en: (v, f) =>
      `${f.count(Number(v.n), { one: 'value is', other: 'values are' })} not valid. The scenario can run once ${f.plural(Number(v.n), { one: 'it is', other: 'they are' })} fixed; what you typed is kept.`,
  },
  groupMeta: { nl: 'Beschrijving en notities', en: 'Description and notes' },
  groupRegion: { nl: 'Regio en bevolking', en: 'Region and population' },
  groupCare: { nl: 'Zorggebruik en kosten', en: 'Care use and costs' },
  groupSubstitution: { nl: 'Substitutie', en: 'Substitution' },
  groupInterventions: { nl: 'Interventies', en: 'Interventions' },
  groupFinancing: { nl: 'Bekostigingsmodellen', en: 'Financing models' },
  groupSimulation: { nl: 'Simulatie', en: 'Simulation' },
  careTrends: { nl: 'Kostengroei per zorgvorm', en: 'Cost growth per care line' },
  segmentsCare: { nl: 'Zorggebruik per groep staat bij elke groep onder "Regio en bevolking".', en: 'Care use per segment is listed with each segment under "Region and population".' },
  financingEditorPending: { nl: 'Dit scenario heeft geen bekostigingsmodellen.', en: 'This scenario has no financing models.' },
  savedAt: { nl: 'Opgeslagen in deze browser', en: 'Saved in this browser' },
  exportScenario: { nl: 'Scenario downloaden (JSON)', en: 'Download scenario (JSON)' },
  importScenario: { nl: 'Scenario openen…', en: 'Open scenario…' },
  dropHint: { nl: 'of sleep een scenariobestand op deze pagina', en: 'or drop a scenario file on this page' },
  dropHere: { nl: 'Laat los om het scenario te openen', en: 'Drop to open the scenario' },
  shareLink: { nl: 'Link kopiëren', en: 'Copy link' },
  linkCopied: { nl: 'Link met het scenario gekopieerd', en: 'Link with the scenario copied' },
  exportCsv: { nl: 'Resultaten als CSV', en: 'Results as CSV' },
  exportResultsJson: { nl: 'Resultaten als JSON', en: 'Results as JSON' },
  resetScenario: { nl: 'Standaardscenario', en: 'Default scenario' },
  importFailed: {
    nl: (v, f) => `"${v.f}" is niet geopend: het bevat ${f.count(Number(v.n), { one: 'fout', other: 'fouten' })}. Uw werk is ongewijzigd.`,
    en: (v, f) => `"${v.f}" was not opened: it has ${f.count(Number(v.n), { one: 'error', other: 'errors' })}. Your work is unchanged.`,
  },
  imported: { nl: 'Scenario geopend', en: 'Scenario opened' },
  close: { nl: 'Sluiten', en: 'Close' },
  cannotRun: { nl: 'Eerst de fouten in het scenario oplossen', en: 'Fix the errors in the scenario first' },
  staleResults: { nl: 'Het scenario is gewijzigd na deze berekening. Reken opnieuw door om de gevolgen te zien.', en: 'The scenario changed after this run. Run again to see the effect.' },
  linkScenarioLoaded: { nl: 'Scenario uit de link geladen', en: 'Scenario loaded from the link' },
  linkScenarioBad: { nl: 'Het scenario in de link is ongeldig; uw opgeslagen werk is geladen.', en: 'The scenario in the link is invalid; your saved work was loaded.' },
  skipToResults: { nl: 'Naar de resultaten', en: 'Skip to results' },
  results: { nl: 'Resultaten', en: 'Results' },
  seed: { nl: 'seed', en: 'seed' },
  pObserve: { nl: 'Kans dat een evaluator ≥ {t} besparing ziet', en: 'Chance an evaluator sees a saving ≥ {t}' },
  pObserveTech: { nl: 'P(waargenomen besparing t.o.v. de benchmark ≥ doel), laatste jaar', en: 'P(observed savings against the benchmark ≥ target), last year' },
  byChance: { nl: 'zonder echte verandering (toeval)', en: 'with no real change (chance)' },
  msrEmpirical: { nl: 'gesimuleerd, ook met trend- en parameteronzekerheid', en: 'simulated, also with trend and parameter uncertainty' },
  linesTitle: { nl: 'Zorgkosten per zorgvorm', en: 'Care cost per care line' },
  linesCaption: {
    nl: 'Gemiddelde per jaar. Gestreept: zonder verandering; doorgetrokken: met scenario. Kleine zorgvormen (zoals zelfzorg) liggen op de nullijn: kies "verschil" om ze te zien.',
    en: 'Mean per year. Dashed: no change; solid: with scenario. Small lines (such as self-care) lie on zero: choose "change" to see them.',
  },
  linesShow: { nl: 'Toon', en: 'Show' },
  movedAxis: { nl: 'Contacten per jaar (links weg, rechts erbij)', en: 'Contacts per year (left: out, right: in)' },
  gainsAxis: { nl: 'Verschil met de huidige situatie (€ mln)', en: 'Change vs status quo (€ mln)' },
  linesIvNote: {
    nl: 'De kosten van de interventies zelf ({c} in {y}) staan niet in een zorgvorm; de totalen bovenaan tellen ze wel mee.',
    en: 'The cost of the interventions themselves ({c} in {y}) is in no care line; the totals at the top include it.',
  },
  linesIvCol: { nl: 'Kosten interventies (met scenario)', en: 'Intervention cost (with scenario)' },
  linesLevel: { nl: 'zorgkosten', en: 'care cost' },
  linesDiff: { nl: 'verschil met zonder verandering', en: 'change vs no change' },
  linesCaptionDiff: {
    nl: 'Gemiddeld verschil per jaar: met scenario min zonder verandering. Onder 0: die zorgvorm kost minder, boven 0: meer. Zo is te zien waar de zorg naartoe gaat.',
    en: 'Mean change per year: with scenario minus no change. Below 0: that line costs less, above 0: more. This shows where care moves to.',
  },
  axisCostDiffMln: { nl: 'Verschil (€ mln per jaar)', en: 'Change (€ mln per year)' },
  linesTableNote: {
    nl: 'Per zorgvorm: zonder verandering → met scenario; kleine regel: het verschil (gemiddelden, € mln per jaar).',
    en: 'Per care line: no change → with scenario; small line: the change (means, € mln per year).',
  },
  movedTitle: { nl: 'Verschoven contacten per zorgvorm in {y}', en: 'Contacts moved per care line in {y}' },
  movedCaption: {
    nl: 'Gemiddeld aantal contacten per jaar dat een zorgvorm verlaat (links, negatief) of erbij komt (rechts), inclusief extra zorg.',
    en: 'Mean contacts per year leaving a care line (negative) or arriving (positive), including additional care.',
  },
  movedOut: { nl: 'weg', en: 'out' },
  movedIn: { nl: 'erbij', en: 'in' },
  movedAdded: { nl: 'waarvan extra', en: 'of which additional' },
  reductionTitle: { nl: 'Besparing per jaar, met het doel', en: 'Reduction per year, with the target' },
  reductionCaption: {
    nl: 'Lijn: mediaan; banden: middelste 50% en 90% van de runs. Oranje stippellijn: het doel.',
    en: 'Line: median; bands: middle 50% and 90% of runs. Orange dashed line: the target.',
  },
  axisReduction: { nl: 'Besparing (%)', en: 'Reduction (%)' },
  axisProb: { nl: 'Kans (%)', en: 'Probability (%)' },
  axisContacts: { nl: 'Contacten per jaar', en: 'Contacts per year' },
  target: { nl: 'doel', en: 'target' },
  probTitle: { nl: 'Kans om het doel te halen, per jaar', en: 'Chance of reaching the target, per year' },
  probCaption: {
    nl: 'Echt: de besparing is ≥ doel. Gezien: een evaluator meet ≥ doel tegen de benchmark. Toeval: dat meet hij ook zonder echte verandering.',
    en: 'Real: the reduction is ≥ target. Seen: an evaluator measures ≥ target against the benchmark. Chance: what he measures with no real change.',
  },
  probReal: { nl: 'echt ≥ doel', en: 'really ≥ target' },
  probSeen: { nl: 'gezien ≥ doel', en: 'seen ≥ target' },
  probChance: { nl: 'gezien door toeval', en: 'seen by chance' },
  observedTitle: { nl: 'Wat een evaluator ziet: besparing t.o.v. de benchmark', en: 'What an evaluator sees: savings against the benchmark' },
  observedCaption: {
    nl: 'Waargenomen besparing = (benchmark − werkelijke kosten) / benchmark. Grijs: zonder verandering; blauw: met scenario. Stippellijnen: doel en minimale besparing (MSR).',
    en: 'Observed savings = (benchmark − actual cost) / benchmark. Grey: no change; blue: with scenario. Dotted lines: target and minimum savings rate (MSR).',
  },
  axisObserved: { nl: 'Waargenomen besparing (%)', en: 'Observed savings (%)' },
  questionTargetLong: { nl: 'Halen we het doel, en kan iemand het zien?', en: 'Do we reach the target, and could anyone see it?' },
  sourceAndHelp: { nl: 'Bron en uitleg', en: 'Source and help' },
  helpOnly: { nl: 'Uitleg (geen bron opgegeven)', en: 'Help (no source given)' },
  partialNote: {
    nl: 'Tussenstand: {n} van {m} runs klaar; de cijfers worden nauwkeuriger naarmate er meer runs zijn.',
    en: 'Partial results: {n} of {m} runs done; the numbers get more precise as runs finish.',
  },
  histTitle: { nl: 'Verdeling van de besparing in {y}', en: 'Distribution of the reduction in {y}' },
  histCaption: {
    nl: 'Aantal runs per besparing. Rechts van de oranje stippellijn: doel gehaald ({p} van de runs).',
    en: 'Runs per reduction. Right of the orange dashed line: target reached ({p} of runs).',
  },
  belowTarget: { nl: 'onder het doel', en: 'below target' },
  aboveTarget: { nl: 'doel gehaald', en: 'target reached' },
  runsCount: { nl: 'runs', en: 'runs' },
  binFrom: { nl: 'besparing van', en: 'reduction from' },
  binTo: { nl: 'tot', en: 'to' },
  savePng: { nl: 'Grafiek opslaan als PNG', en: 'Save chart as PNG' },
  print: { nl: 'Rapport afdrukken (A4)', en: 'Print report (A4)' },
  perInsured: { nl: 'per verzekerde', en: 'per insured' },
  assumptionsTitle: { nl: 'Aannames en bronnen', en: 'Assumptions and sources' },
  assumption: { nl: 'Aanname', en: 'Assumption' },
  value: { nl: 'Waarde', en: 'Value' },
  printedOn: { nl: 'Afgedrukt op', en: 'Printed on' },
  glossary: { nl: 'Woordenlijst', en: 'Glossary' },
  workspaceTitle: { nl: "Scenario's in deze werkruimte", en: 'Scenarios in this workspace' },
  keepScenario: { nl: 'Bewaren voor vergelijking', en: 'Keep for comparison' },
  keepName: { nl: 'Naam', en: 'Name' },
  open: { nl: 'Openen', en: 'Open' },
  compareTick: { nl: 'vergelijken', en: 'compare' },
  notRun: { nl: 'niet doorgerekend', en: 'not run' },
  noneKept: {
    nl: "Nog geen scenario's bewaard. Bewaar het huidige scenario (met zijn resultaat) om het later naast andere te zetten.",
    en: 'No scenarios kept yet. Keep the current scenario (with its result) to set it beside others later.',
  },
  compareTitle: { nl: "Scenario's naast elkaar", en: 'Scenarios side by side' },
  compareHint: { nl: "Vink 2 tot 4 bewaarde scenario's aan om ze te vergelijken.", en: 'Tick 2 to 4 kept scenarios to compare them.' },
  compareReduction: { nl: 'Besparing per jaar (mediaan), per scenario', en: 'Reduction per year (median), per scenario' },
  compareCaption: { nl: "Zelfde assen voor alle scenario's; stippellijn: het doel.", en: 'Same axes for all scenarios; dotted line: the target.' },
  keyNumber: { nl: 'Kerngetal', en: 'Key number' },
  populationLabel: { nl: 'Verzekerden', en: 'Insured' },
  lastYear: { nl: 'het laatste jaar', en: 'the last year' },
  addField: { nl: 'veld toevoegen', en: 'add field' },
  detectTitle: { nl: 'Is de besparing te zien? Grens voor toeval naar regiogrootte', en: 'Can the saving be seen? Chance threshold by region size' },
  detectCaption: {
    nl: 'Zwarte lijn: de kleinste gemeten besparing die niet waarschijnlijk door toeval komt (MSR), per aantal verzekerden. Bij {n} verzekerden is dat {m}; de verwachte besparing is {r}.',
    en: 'Black line: the smallest measured saving unlikely to come from chance (MSR), by number of insured. At {n} insured it is {m}; the expected reduction is {r}.',
  },
  axisPopulation: { nl: 'Verzekerden (logaritmische schaal)', en: 'Insured (log scale)' },
  axisMsr: { nl: 'Besparing (%)', en: 'Saving (%)' },
  expectedReduction: { nl: 'verwachte besparing', en: 'expected reduction' },
  thisRegion: { nl: 'deze regio', en: 'this region' },
  finPeriod: { nl: 'Periode', en: 'Period' },
  finHorizon: { nl: 'hele looptijd ({a}–{b})', en: 'whole horizon ({a}–{b})' },
  finYear: { nl: 'jaar {y}', en: 'year {y}' },
  finMetric: { nl: 'Getal in de tabel', en: 'Number in the table' },
  mResult: { nl: 'gemiddeld resultaat (opbrengst − kosten)', en: 'mean result (revenue − cost)' },
  mPLoss: { nl: 'kans op verlies', en: 'chance of a loss' },
  mVar: { nl: 'verlies in het slechtste 5% (VaR 95%)', en: 'loss in the worst 5% (VaR 95%)' },
  mEs: { nl: 'gemiddeld verlies in het slechtste 5% (expected shortfall)', en: 'mean loss in the worst 5% (expected shortfall)' },
  mChange: { nl: 'verschil met de huidige situatie', en: 'change vs status quo' },
  mWorse: { nl: 'kans slechter af dan nu', en: 'chance of being worse off' },
  histBelow: { nl: (v, f) => `${f.count(Number(v.n), { one: 'run', other: 'runs' })} lager`, en: (v, f) => `${f.count(Number(v.n), { one: 'run', other: 'runs' })} below` },
  histAbove: { nl: (v, f) => `${f.count(Number(v.n), { one: 'run', other: 'runs' })} hoger`, en: (v, f) => `${f.count(Number(v.n), { one: 'run', other: 'runs' })} above` },
  pmMc: { nl: '± Monte-Carlo-fout', en: '± Monte Carlo error' },
  careLine: { nl: 'Zorgvorm', en: 'Care line' },
  unitEuroMln: { nl: 'in € mln', en: 'in € mln' },
  finTableTitle: { nl: 'Partijen × bekostigingsmodellen', en: 'Parties × financing models' },
  finDriftNote: {
    nl: 'Let op: het contract neemt een trend aan van {a} per jaar, de verwachte kostengroei van dit scenario is {g}. Zonder enige verandering komt de benchmark daardoor in {y} {d} naast de werkelijke kosten uit; dat telt mee als besparing of verlies in de contracten met een benchmark.',
    en: 'Note: the contract assumes a trend of {a} a year, the expected cost growth of this scenario is {g}. Without any change the benchmark therefore ends {d} against the actual cost by {y}; this counts as savings or losses in the contracts with a benchmark.',
  },
  finTableCaption: {
    nl: 'Resultaat = opbrengst − kosten per partij. Verliezen zijn positief bij VaR en expected shortfall. Huidige situatie = betaling per verrichting zonder interventies.',
    en: 'Result = revenue − cost per party. Losses are positive in VaR and expected shortfall. Status quo = fee-for-service without interventions.',
  },
  party: { nl: 'Partij', en: 'Party' },
  careTitle: { nl: 'Onder welk contract haalt de regio {p}?', en: 'Under which contract does the region reach {p}?' },
  careReduction: { nl: 'Kostenreductie {y}', en: 'Cost reduction {y}' },
  careChance: { nl: 'Kans op ≥ {p}', en: 'Chance of ≥ {p}' },
  careOwn: { nl: 'eigen zorggebruik', en: 'own care use' },
  careScenario: { nl: 'zorg van het scenario', en: "the scenario's care" },
  careCaption: {
    nl: 'Met gedrag aan reageren zorgaanbieders op hun contract: het volume dat te sturen is volgt de marginale opbrengst per contact, en wie een substitutie beslist houdt zich in naar gelang zijn deel van de besparing. Elk contract heeft dan zijn eigen zorggebruik; ± Monte-Carlo-fout.',
    en: 'With behaviour on, providers respond to their contract: the discretionary volume follows the marginal revenue per contact, and whoever decides a substitution holds back by its share of the saving. Each contract then has its own care use; ± Monte Carlo error.',
  },
  riskReturnTitle: { nl: 'Risico en rendement per partij en model', en: 'Risk and return per party and model' },
  riskReturnCaption: {
    nl: 'Rechts = meer risico (gemiddeld verlies in het slechtste 5%), boven = hoger gemiddeld resultaat. Kleur: partij; nummer: model.',
    en: 'Right = more risk (mean loss in the worst 5%), up = higher mean result. Colour: party; number: model.',
  },
  axisEs: { nl: 'Verlies in de slechtste 5% (ES, € mln)', en: 'Expected shortfall 95% (€ mln, loss)' },
  axisMeanResult: { nl: 'Gemiddeld resultaat (€ mln)', en: 'Mean result (€ mln)' },
  gainsTitle: { nl: 'Wie wint en wie verliest door de substitutie, bij {m}', en: 'Who gains and who loses from substitution, under {m}' },
  gainsCaption: { nl: 'Gemiddeld verschil met de huidige situatie, met de middelste 90% van de runs als lijn.', en: 'Mean change vs status quo, with the middle 90% of runs as a line.' },
  distTitle: { nl: 'Resultaat van {p} onder elk bekostigingsmodel', en: 'Result under each financing model: {p}' },
  distCaption: {
    nl: 'Resultaat (opbrengst − kosten) over de hele looptijd, per contract over elkaar gelegd. Hoe hoger de lijn, hoe meer runs daar uitkomen. Links van de stippellijn bij € 0: verlies. Nummer: het model in de tabel.',
    en: 'Result (revenue − cost) over the whole horizon, one line per contract, overlaid. The higher the line, the more runs end up there. Left of the dotted line at € 0: a loss. Number: the model in the table.',
  },
  noFinancing: { nl: 'Dit scenario heeft geen bekostigingsmodellen.', en: 'This scenario has no financing models.' },
  sensTitle: { nl: 'Welke aannames bepalen de besparing? ({y})', en: 'Which assumptions drive the reduction? ({y})' },
  sensCaption: {
    nl: 'Gemiddelde besparing in de runs met de laagste en de hoogste 10% van elke aanname (tornado). Bovenaan de aanname met de grootste invloed. Getallen rechts: verschil met het gemiddelde bij laag / hoog.',
    en: 'Mean reduction in the runs with the lowest and highest 10% of each assumption (tornado). The most influential assumption on top. Numbers on the right: change from the mean when low / high.',
  },
  sensLow: { nl: 'aanname laag (10%)', en: 'assumption low (10%)' },
  sensHigh: { nl: 'aanname hoog (10%)', en: 'assumption high (10%)' },
  financingModel: { nl: 'Bekostigingsmodel', en: 'Financing model' },
  libraryTitle: { nl: 'Beginnen met een vraag uit de proeftuinen', en: 'Start from a question of the pilot regions' },
  presetsTitle: { nl: 'Interventie uit een proeftuin toevoegen aan dit scenario', en: 'Add an intervention from a pilot region to this scenario' },
  finPartiesGroup: { nl: 'Kosten en marges van de partijen', en: "Parties' costs and margins" },
  distAxisX: { nl: 'Resultaat {a}–{b} (€ mln)', en: 'Result {a}–{b} (€ mln)' },
  distAxisY: { nl: 'Aandeel van de runs (%)', en: 'Share of runs (%)' },
  distLoss: { nl: 'verlies', en: 'loss' },
  distGain: { nl: 'winst', en: 'gain' },
  distRange: { nl: 'Resultaat over de looptijd', en: 'Result over the horizon' },
  distP5: { nl: 'slechtste 5% (5e percentiel)', en: 'worst 5% (5th percentile)' },
  distP95: { nl: 'beste 5% (95e percentiel)', en: 'best 5% (95th percentile)' },
  distBelow: { nl: 'lager dan {v}', en: 'below {v}' },
  distAbove: { nl: 'hoger dan {v}', en: 'above {v}' },
  finNotParty: { nl: 'geen partij in dit contract', en: 'not a party to this contract' },
  finIntro: {
    nl: 'Elke rij is een contract, elke kolom een partij: zo staan de bekostigingsmodellen van dit scenario naast elkaar, op dezelfde gesimuleerde zorg.',
    en: 'Each row is a contract, each column a party: the financing models of this scenario side by side, on the same simulated care.',
  },
  sensTitleParty: { nl: 'Welke aannames bepalen het resultaat van {p} onder {m}? ({a}–{b})', en: 'Which assumptions drive the result of {p} under {m}? ({a}–{b})' },
  sensCaptionParty: {
    nl: 'Gemiddeld resultaat (opbrengst − kosten, hele looptijd) in de runs met de laagste en de hoogste 10% van elke aanname (tornado). Bovenaan de aanname met de grootste invloed. Getallen rechts: verschil met het gemiddelde bij laag / hoog.',
    en: 'Mean result (revenue − cost, whole horizon) in the runs with the lowest and highest 10% of each assumption (tornado). The most influential assumption on top. Numbers on the right: change from the mean when low / high.',
  },
  sensOutput: { nl: 'Uitkomst', en: 'Outcome' },
  sensOutReduction: { nl: 'Besparing in {y}', en: 'Reduction in {y}' },
  sensOutParty: { nl: '{p}: resultaat onder {m}', en: '{p}: result under {m}' },
  sensMean: { nl: 'gemiddeld', en: 'mean' },
  sensNone: { nl: 'Geen onzekere aannames in dit scenario: er is niets te rangschikken.', en: 'No uncertain assumptions in this scenario: nothing to rank.' },
  cmpCostTitle: { nl: 'Totale zorgkosten per jaar, per scenario', en: 'Total care cost per year, per scenario' },
  cmpCostCaption: {
    nl: "Kosten met het scenario. Lijn: mediaan; band: middelste 90% van de runs. Zelfde assen voor alle scenario's.",
    en: 'Cost with the scenario. Line: median; band: middle 90% of runs. Same axes for all scenarios.',
  },
  cmpExTitle: { nl: 'Kans op minstens zoveel besparing in {y}', en: 'Chance of at least this much reduction in {y}' },
  cmpExCaption: {
    nl: 'Hoe hoger de lijn bij een besparing, hoe groter de kans dat die gehaald wordt. Punten: 5%, 25%, 50%, 75% en 95% van de runs en de kans bij het doel ({t}, oranje stippellijn).',
    en: 'The higher the line at a reduction, the likelier it is reached. Points: 5%, 25%, 50%, 75% and 95% of runs and the chance at the target ({t}, orange dashed line).',
  },
  cmpExAxisX: { nl: 'Besparing in {y} (%)', en: 'Reduction in {y} (%)' },
  cmpExAxisY: { nl: 'Kans op minstens deze besparing (%)', en: 'Chance of at least this reduction (%)' },
  cmpExRow: { nl: 'Kans', en: 'Chance' },
  cmpExAtLeast: { nl: '{p} kans op minstens', en: '{p} chance of at least' },
  cmpProbTitle: { nl: 'Kans dat de besparing ≥ {t} is, per jaar', en: 'Chance that the reduction is ≥ {t}, per year' },
  cmpProbCaption: { nl: 'Per scenario en jaar: het deel van de runs dat het doel haalt.', en: 'Per scenario and year: the share of runs reaching the target.' },
  exportAfterRun: {
    nl: 'Beschikbaar zodra de doorrekening van het scenario zoals het nu is klaar is.',
    en: 'Available once the run of the scenario as it is now has finished.',
  },
  withResults: { nl: 'met samenvatting van de resultaten', en: 'with a summary of the results' },
  withResultsUnavailable: { nl: 'mogelijk na een volledige doorrekening van dit scenario', en: 'available after a complete run of this scenario' },
  fileResultsTitle: { nl: 'Cijfers uit het bestand "{f}"', en: 'Numbers from the file "{f}"' },
  fileResultsMeta: { nl: 'Berekend op {d} met {n} runs (seed {s}), opgeslagen in het bestand.', en: 'Computed on {d} with {n} runs (seed {s}), stored in the file.' },
  fileResultsPending: { nl: 'Het scenario wordt nu opnieuw doorgerekend om deze cijfers te controleren…', en: 'The scenario is being re-run now to check these numbers…' },
  fileResultsIdentical: {
    nl: '✓ Opnieuw doorgerekend: precies dezelfde cijfers (zelfde scenario, seed en aantal runs).',
    en: '✓ Re-run: exactly the same numbers (same scenario, seed and number of runs).',
  },
  fileResultsDiffers: {
    nl: (v, f) =>
      `⚠ Zelfde scenario, seed en aantal runs, maar de nieuwe berekening geeft andere cijfers (${f.count(Number(v.n), { one: 'verschil', other: 'verschillen' })}). Het bestand komt mogelijk uit een andere versie van de werkbank, of de cijfers zijn aangepast. De resultaten hieronder komen uit de nieuwe berekening.`,
    en: (v, f) =>
      `⚠ Same scenario, seed and number of runs, yet the re-run gives other numbers (${f.count(Number(v.n), { one: 'difference', other: 'differences' })}). The file may come from another version of the workbench, or its numbers were edited. The results below are the re-run's.`,
  },
  fileResultsOther: {
    nl: 'De cijfers in het bestand horen bij een andere invoer dan de nieuwe berekening ({what}); verschillen zijn dan te verwachten.',
    en: 'The numbers in the file belong to other inputs than the re-run ({what}); differences are to be expected.',
  },
  fileResultsOtherSame: { nl: 'De cijfers zijn toch gelijk.', en: 'The numbers agree all the same.' },
  whatScenario: { nl: 'ander scenario', en: 'another scenario' },
  whatSeed: { nl: 'andere seed', en: 'another seed' },
  whatRuns: { nl: '{a} runs in het bestand, nu {b}', en: '{a} runs in the file, {b} now' },
  fileResultsCancelled: {
    nl: 'De nieuwe berekening is gestopt voordat hij klaar was; de cijfers zijn niet te vergelijken.',
    en: 'The re-run was stopped before it finished; the numbers cannot be compared.',
  },
  fileResultsFailed: {
    nl: 'De nieuwe berekening is mislukt (zie de foutmelding); de cijfers uit het bestand zijn niet gecontroleerd.',
    en: 'The re-run failed (see the error); the numbers from the file were not checked.',
  },
  fileResultsDetails: { nl: 'Alle jaren en bekostigingsmodellen uit het bestand', en: 'All years and financing models from the file' },
  fileResultsNote: {
    nl: 'Deze cijfers zijn alleen om te lezen: de werkbank rekent het scenario altijd zelf opnieuw door.',
    en: 'These numbers are for reading only: the workbench always re-runs the scenario itself.',
  },
  fileResultsParty: { nl: 'Per partij over de hele looptijd; resultaat = opbrengst − kosten.', en: 'Per party over the whole horizon; result = revenue − cost.' },
  kindChangeHelp: {
    nl: 'Een andere soort geeft het model de velden van die soort, met voorbeeldwaarden; code en naam blijven. Terugzetten haalt de eerdere waarden terug.',
    en: "Another kind gives the model that kind's fields, with example values; id and name stay. Switching back restores the earlier values.",
  },
  libraryIntro: {
    nl: 'Kies een vraag: het scenario wordt geopend en meteen doorgerekend. Uw huidige scenario wordt eerst bewaard in de werkruimte.',
    en: 'Pick a question: its scenario opens and runs at once. Your current scenario is kept in the workspace first.',
  },
  libraryCurrent: { nl: 'geopend', en: 'open' },
  defaultQuestion: {
    nl: 'Dalen de totale zorgkosten in de regio met 2%, en hoe zeker is dat? (het standaardscenario)',
    en: 'Does total regional care cost fall by 2%, and how sure are we? (the default scenario)',
  },
  formulaCommaHelp: {
    nl: 'Decimalen met een komma (0,3). Een komma tussen twee cijfers is een decimaalkomma; zet na de komma tussen argumenten een spatie: min(savings, 0,3) of max(1, 2).',
    en: 'Decimals with a point (0.3); a comma separates arguments: min(savings, 0.3).',
  },
  copySuffix: { nl: 'kopie', en: 'copy' },
  bilingualIn: { nl: 'Nederlandse tekst', en: 'English text' },
  bilingualHelp: {
    nl: 'Deze tekst staat in het bestand in het Nederlands en het Engels; u bewerkt de Nederlandse, de Engelse blijft zoals hij is.',
    en: 'The file has this text in Dutch and English; you are editing the English one, the Dutch one stays as it is.',
  },
  renameTo: { nl: 'Naam wijzigen in ‘{n}’', en: 'Rename to ‘{n}’' },
  renameKeep: { nl: 'Naam houden', en: 'Keep the name' },
  renameWhy: { nl: 'De naam hoort bij de vorige soort ({k}).', en: 'The name belongs to the previous kind ({k}).' },
  plausibilityTitle: { nl: 'Let op (rekent wel door):', en: 'Please check (still runs):' },
  runWhyErrors: {
    nl: (v, f) => `Doorrekenen kan niet: ${f.count(Number(v.n), { one: 'invoer klopt', other: 'invoeren kloppen' })} niet (zie de lijst links).`,
    en: (v, f) => `Cannot run: ${f.count(Number(v.n), { one: 'value is', other: 'values are' })} not valid (see the list on the left).`,
  },
  runWhyChecking: { nl: 'Het scenario wordt gecontroleerd…', en: 'Checking the scenario…' },
  undo: { nl: 'Ongedaan maken', en: 'Undo' },
  redo: { nl: 'Opnieuw', en: 'Redo' },
  undoTitle: { nl: 'Ongedaan maken (Ctrl+Z): {f}', en: 'Undo (Ctrl+Z): {f}' },
  redoTitle: { nl: 'Opnieuw (Ctrl+Shift+Z): {f}', en: 'Redo (Ctrl+Shift+Z): {f}' },
  nothingToUndo: { nl: 'Niets om ongedaan te maken', en: 'Nothing to undo' },
  nothingToRedo: { nl: 'Niets om opnieuw te doen', en: 'Nothing to redo' },
} satisfies Record<string, Entry>;
/** The table itself, for the catalogue's test. */
export { M as MESSAGES };

export type MessageKey = keyof typeof M;

export { fill };

/**
 * The lookup for one message table: the text for `key` in the current language (or in `l`),
 * with `{name}` placeholders filled in (src/texts/catalogue.ts). Each area keeps its own table; they share this.
 */
export function translator<K extends string>(table: Record<K, Entry>): { get: (key: K, vars?: Vars) => string; inLang: (key: K, l: Lang, vars?: Vars) => string } {
  return catalogueTranslator(table, lang);
}

/** The text for `key` in the current language, with `{name}` placeholders filled in. */
export const t = translator(M).get;
/** The text for `key` in language `l`. */
export const tIn = translator(M).inLang;
