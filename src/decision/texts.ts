import { lang, translator, type Lang } from '../i18n';
import type { Entry } from '../texts/catalogue';
import { partyLabelIn } from '../parties';
import type { Line } from '../../models/core/names';
import { LINE_FACTS } from '../../models/core/lines';

/**
 * Texts of the decision-support views (issue 6), in their own table so that they do not collide
 * with edits to src/i18n.ts elsewhere. Same conventions: plain words first, the technical term after.
 */
const D = {
  decisionTitle: { nl: 'Wat bepaalt de uitkomst, en wat is ervoor nodig?', en: 'What drives the result, and what does it take?' },
  // variance split
  varTitle: { nl: 'Toeval of niet weten?', en: 'Chance or not knowing?' },
  varIntro: {
    nl: 'Hoeveel van de spreiding in de uitkomsten komt door toeval en hoeveel door wat we niet weten?',
    en: 'How much of the spread in the results comes from chance, and how much from what we do not know?',
  },
  varRandom: { nl: 'toeval', en: 'chance' },
  varRandomTech: {
    nl: 'wie er ziek wordt, wat zorg kost; wordt relatief kleiner in een grotere regio (toevallige variatie)',
    en: 'who falls ill, what care costs; shrinks relative to the total in a bigger region (random variation)',
  },
  varParam: { nl: 'niet weten', en: 'not knowing' },
  varParamTech: {
    nl: 'onzekere aannames; blijft even groot, hoe groot de regio ook is (parameteronzekerheid)',
    en: 'uncertain assumptions; stays the same however big the region (parameter uncertainty)',
  },
  varReduction: { nl: 'Besparing {y}', en: 'Reduction {y}' },
  varCostSc: { nl: 'Zorgkosten {y}, met scenario', en: 'Care cost {y}, with scenario' },
  varCostCf: { nl: 'Zorgkosten {y}, zonder verandering', en: 'Care cost {y}, no change' },
  varParty: { nl: 'Resultaat {p}', en: 'Result {p}' },
  varModel: { nl: 'Bekostigingsmodel', en: 'Financing model' },
  varPeriod: { nl: 'Periode', en: 'Period' },
  varHorizon: { nl: 'hele looptijd', en: 'whole horizon' },
  varFirstYear: { nl: 'eerste contractjaar ({y})', en: 'first contract year ({y})' },
  varAxis: { nl: 'Aandeel in de spreiding (%)', en: 'Share of the spread (%)' },
  varCaption: {
    nl: 'Balk: aandeel van de variantie door toeval (blauw) en door niet weten (oranje); zwart streepje: ± Monte-Carlo-standaardfout. Uit {n} tweelingruns (zelfde aannames, ander toeval).',
    en: 'Bar: share of the variance from chance (blue) and from not knowing (orange); black tick: ± Monte Carlo standard error. From {n} twin runs (same assumptions, other chance).',
  },
  varMostlyRandom: {
    nl: 'De besparing wisselt vooral door toeval ({s}): meer zekerheid komt van een grotere regio of van meerdere jaren samen beoordelen, niet van beter onderzoek naar de aannames.',
    en: 'The reduction varies mostly by chance ({s}): more certainty comes from a bigger region or judging several years together, not from better research into the assumptions.',
  },
  varMostlyParam: {
    nl: 'De besparing wisselt vooral door wat we niet weten ({s}): meer zekerheid komt van betere kennis (proeftuindata, de bovenste aannames in de tornado), niet van een grotere regio.',
    en: 'The reduction varies mostly by what we do not know ({s}): more certainty comes from better knowledge (pilot data, the top assumptions in the tornado), not from a bigger region.',
  },
  varNoTwins: {
    nl: 'Geen tweelingruns in deze doorrekening, dus geen splitsing. Zet onder Simulatie "Runs voor de variantie-splitsing" hoger dan 0 (en toevallige variatie aan) en reken opnieuw door.',
    en: 'No twin runs in this run, so no split. Under Simulation set "Runs for the variance split" above 0 (with random variation on) and run again.',
  },
  varOutput: { nl: 'Uitkomst', en: 'Output' },
  varSd: { nl: 'spreiding (SD)', en: 'spread (SD)' },
  varPairs: { nl: 'tweelingparen', en: 'twin pairs' },
  // detectability
  detTitle: { nl: 'Kan iemand de besparing zien? Naar regiogrootte', en: 'Can the saving be seen? By region size' },
  detThr90: { nl: 'grens voor toeval (90% zeker)', en: 'chance threshold (90% sure)' },
  detThr95: { nl: 'grens voor toeval (95% zeker)', en: 'chance threshold (95% sure)' },
  detP90: { nl: 'kans dat een echte besparing zo groot als het doel boven de grens uitkomt (90%)', en: 'chance that a true saving the size of the target is measured above the threshold (90%)' },
  detP95: { nl: 'kans dat een echte besparing zo groot als het doel boven de grens uitkomt (95%)', en: 'chance that a true saving the size of the target is measured above the threshold (95%)' },
  detOwn: { nl: 'deze regio ({n})', en: 'this region ({n})' },
  detAxisX: { nl: 'Verzekerden (logaritmische schaal)', en: 'Insured (log scale)' },
  detAxisY: { nl: 'Gemeten besparing (%)', en: 'Measured saving (%)' },
  detAxisP: { nl: 'Kans (%)', en: 'Chance (%)' },
  detCaption: {
    nl: 'Zwart (linkeras): de kleinste gemeten besparing die niet op toeval berust (minimum savings rate). Oranje (rechteras): de kans dat een evaluator een besparing boven die grens meet als de echte besparing precies het doel ({t}) is. Bij {n} verzekerden: grens {a} (90%) en {b} (95%); kans {p} (90%) en {q} (95%). Formule (normale benadering, benchmark uit {y} eerdere jaren), dus zonder Monte-Carlo-fout.',
    en: 'Black (left axis): the smallest measured saving not due to chance (minimum savings rate). Orange (right axis): the chance that an evaluator measures a saving above that threshold when the true saving is exactly the target ({t}). At {n} insured: threshold {a} (90%) and {b} (95%); chance {p} (90%) and {q} (95%). Formula (normal approximation, benchmark from {y} earlier years), so without Monte Carlo error.',
  },
  detPopulation: { nl: 'Verzekerden', en: 'Insured' },
  // goal seeking
  goalTitle: { nl: 'Wat is ervoor nodig?', en: 'What does it take?' },
  goalIntro: {
    nl: 'Zoek de kleinste waarde waarbij het doel gehaald wordt. Elke stap rekent het scenario opnieuw door met dezelfde runs (zelfde seed), alleen die ene waarde verschilt.',
    en: 'Find the smallest value at which the goal is met. Each step runs the scenario again with the same runs (same seed); only that one value differs.',
  },
  goalForScenario: { nl: 'Voor het scenario van de laatste doorrekening: {s}.', en: 'For the scenario of the last run: {s}.' },
  goalKindParam: { nl: 'Hoe groot moet een aanname zijn om het doel te halen?', en: 'How large must an assumption be to reach the target?' },
  goalKindPop: { nl: 'Hoe groot moet de regio zijn om het risico te dragen?', en: 'How large must the region be to carry the risk?' },
  goalKind: { nl: 'Vraag', en: 'Question' },
  goalParam: { nl: 'Aanname', en: 'Assumption' },
  goalFrom: { nl: 'zoeken van (%)', en: 'search from (%)' },
  goalTo: { nl: 'tot (%)', en: 'to (%)' },
  goalProb: { nl: 'gewenste kans dat de besparing ≥ {t} is (%)', en: 'wanted chance that the reduction is ≥ {t} (%)' },
  goalModel: { nl: 'Populatiebekostiging', en: 'Population-based payment' },
  goalShare: { nl: 'slechtste 5% van de jaren mag hoogstens dit deel van het budget kosten (%)', en: 'the worst 5% of years may cost at most this share of the budget (%)' },
  goalShareTech: { nl: 'expected shortfall 95% van de integrator ÷ zijn budget, eerste contractjaar', en: "the integrator's expected shortfall 95% ÷ its budget, first contract year" },
  goalPopFrom: { nl: 'verzekerden van', en: 'insured from' },
  goalPopTo: { nl: 'tot', en: 'to' },
  goalRuns: { nl: 'runs per stap', en: 'runs per step' },
  goalRunsHelp: {
    nl: 'Meer runs per stap: nauwkeuriger antwoord, maar langzamer (ongeveer 10 stappen).',
    en: 'More runs per step: a more precise answer, but slower (about 10 steps).',
  },
  goalStart: { nl: 'Zoeken', en: 'Search' },
  goalCancel: { nl: 'Zoeken stoppen', en: 'Stop searching' },
  goalWaitRun: { nl: 'Wacht tot de doorrekening klaar is.', en: 'Wait until the run has finished.' },
  goalNoPop: { nl: 'Dit scenario heeft geen populatiebekostiging.', en: 'This scenario has no population-based payment.' },
  goalNoParams: { nl: 'Dit scenario heeft geen substitutie of interventie om te variëren.', en: 'This scenario has no substitution or intervention to vary.' },
  goalStep: { nl: 'Stap {i} van hoogstens {m}', en: 'Step {i} of at most {m}' },
  goalRunning: { nl: 'Bezig met zoeken', en: 'Searching' },
  goalAnswerParam: {
    nl: 'Antwoord: {p} moet minstens {x} zijn (90%-interval {lo} – {hi}). Dan is de kans dat de besparing ≥ {t} is {v} ± {se}.',
    en: 'Answer: {p} must be at least {x} (90% interval {lo} – {hi}). Then the chance that the reduction is ≥ {t} is {v} ± {se}.',
  },
  goalAnswerPop: {
    nl: 'Antwoord: vanaf {x} verzekerden (90%-interval {lo} – {hi}) kost het slechtste 5% van de jaren de integrator gemiddeld {v} ± {se} van zijn budget.',
    en: 'Answer: from {x} insured (90% interval {lo} – {hi}) the worst 5% of years cost the integrator on average {v} ± {se} of its budget.',
  },
  goalUnreachableParam: {
    nl: 'Niet haalbaar in dit bereik: zelfs bij {x} is de kans dat de besparing ≥ {t} is maar {v}, onder de gewenste {g}.',
    en: 'Not reachable in this range: even at {x} the chance that the reduction is ≥ {t} is only {v}, below the wanted {g}.',
  },
  goalUnreachablePop: {
    nl: 'Niet haalbaar in dit bereik: zelfs bij {x} verzekerden kost het slechtste 5% van de jaren {v} van het budget, meer dan {g}.',
    en: 'Not reachable in this range: even at {x} insured the worst 5% of years cost {v} of the budget, more than {g}.',
  },
  goalAtLow: {
    nl: 'Het doel wordt al gehaald aan de onderkant van het bereik; zoek eventueel vanaf een lagere waarde.',
    en: 'The goal is already met at the bottom of the range; search from a lower value if needed.',
  },
  goalCancelled: { nl: 'Zoeken gestopt.', en: 'Search stopped.' },
  goalError: { nl: 'Zoeken mislukt: {m}', en: 'Search failed: {m}' },
  goalTook: { nl: '{n} stappen van {r} runs in {s}.', en: '{n} steps of {r} runs in {s}.' },
  goalStepsTitle: { nl: 'Zoekstappen', en: 'Search steps' },
  goalStepsCaption: {
    nl: 'Elke stip is één doorrekening; oranje stippellijn: het doel. Gevuld: doel gehaald; open: niet gehaald.',
    en: 'Each dot is one run of the scenario; orange dashed line: the goal. Filled: goal met; open: not met.',
  },
  goalStepX: { nl: 'Waarde', en: 'Value' },
  goalStepOut: { nl: 'Uitkomst ± Monte-Carlo-fout', en: 'Output ± Monte Carlo error' },
  goalStepMet: { nl: 'doel gehaald?', en: 'goal met?' },
  goalLine: { nl: 'doel {g}', en: 'goal {g}' },
  yes: { nl: 'ja', en: 'yes' },
  no: { nl: 'nee', en: 'no' },
  goalOutProb: { nl: 'Kans besparing ≥ {t} (%)', en: 'Chance reduction ≥ {t} (%)' },
  goalOutEs: { nl: 'Slechtste 5% ÷ budget (%)', en: 'Worst 5% ÷ budget (%)' },
  problem_range: { nl: 'Het bereik moet tussen 0 en 100% liggen, met "van" kleiner dan "tot".', en: 'The range must lie within 0–100%, with "from" below "to".' },
  problem_probability: { nl: 'De gewenste kans moet tussen 0 en 100% liggen.', en: 'The wanted chance must lie between 0 and 100%.' },
  problem_share: { nl: 'Het deel van het budget moet tussen 0 en 100% liggen.', en: 'The share of the budget must lie between 0 and 100%.' },
  problem_population: {
    nl: 'Het aantal verzekerden moet tussen 1 en 20.000.000 liggen, met "van" kleiner dan "tot".',
    en: 'The number of insured must lie between 1 and 20,000,000, with "from" below "to".',
  },
  problem_missing: { nl: 'Kies eerst wat er gevarieerd wordt.', en: 'Choose what to vary first.' },
  field_maxShift: { nl: 'maximale verschuiving', en: 'maximum shift' },
  field_eligible: { nl: 'deel dat verschoven kan worden', en: 'share that could be moved' },
  field_reach: { nl: 'maximaal bereik', en: 'maximum reach' },
  field_contacts: { nl: 'minder contacten {l}', en: 'fewer contacts {l}' },
  field_price: { nl: 'lagere prijs {l}', en: 'lower price {l}' },
  field_highCostRate: { nl: 'minder dure episodes', en: 'fewer high-cost episodes' },
  group_substitution: { nl: 'Substitutie', en: 'Substitution' },
  group_intervention: { nl: 'Interventie', en: 'Intervention' },
  nowFixed: { nl: 'nu {v}', en: 'now {v}' },
  nowUncertain: { nl: 'nu onzeker, {a}–{b}', en: 'now uncertain, {a}–{b}' },
  // enough runs
  precTitle: { nl: 'Genoeg runs?', en: 'Enough runs?' },
  precEnable: { nl: 'Runs toevoegen tot de cijfers nauwkeurig genoeg zijn', en: 'Keep adding runs until the numbers are precise enough' },
  precRed: { nl: 'besparing: ± hoogstens (procentpunt)', en: 'reduction: ± at most (percentage points)' },
  precProb: { nl: 'kans op het doel: ± hoogstens (procentpunt)', en: 'chance of the target: ± at most (percentage points)' },
  precCost: { nl: 'zorgkosten: ± hoogstens (% van het gemiddelde)', en: 'care cost: ± at most (% of the mean)' },
  precMax: { nl: 'hoogstens runs', en: 'at most runs' },
  precHelp: {
    nl: '± is de Monte-Carlo-standaardfout in het laatste jaar. Na de eerste runs komen er telkens half zoveel bij, tot alle grenzen gehaald zijn of het maximum bereikt is; de resultaten zijn die van alle runs.',
    en: '± is the Monte Carlo standard error in the last year. After the first runs, half as many are added at a time until every limit is met or the maximum is reached; the results are those of all runs.',
  },
  precBad: { nl: 'Vul positieve getallen in.', en: 'Enter positive numbers.' },
  precReached: { nl: 'Nauwkeurig genoeg na {n} runs.', en: 'Precise enough after {n} runs.' },
  precNotReached: { nl: 'Niet nauwkeurig genoeg: gestopt bij het maximum van {n} runs.', en: 'Not precise enough: stopped at the maximum of {n} runs.' },
  precCancelled: { nl: 'Gestopt na {n} runs, voordat de nauwkeurigheid bereikt was.', en: 'Stopped after {n} runs, before the precision was reached.' },
  precErrors: { nl: 'besparing ± {r} pp, kans ± {p} pp, kosten ± {c}', en: 'reduction ± {r} pp, chance ± {p} pp, cost ± {c}' },
  precChecking: { nl: 'Na {n} runs: {e}', en: 'After {n} runs: {e}' },
} satisfies Record<string, Entry>;
/** The table itself, for the catalogue's test. */
export { D as DECISION_TEXTS };

export type DKey = keyof typeof D;

export const td = translator(D).get;

export const partyName = (p: string) => partyLabelIn(p, lang());

export const lineName = (l: string) => (l in LINE_FACTS ? LINE_FACTS[l as Line].inText[lang()] : l);
