import { translator, type Lang } from '../i18n';
import type { Entry } from '../texts/catalogue';

/**
 * Texts of the summary band, the presentation mode and the run's "about to start" state, in their
 * own table so that they do not collide with edits to src/i18n.ts elsewhere. Plain words first,
 * the technical term on hover.
 */
const S = {
  bandTitle: { nl: 'Samenvatting', en: 'Summary' },
  q1: { nl: 'Wat gebeurt er met de kosten?', en: 'What happens to cost?' },
  q2: { nl: 'Halen we {t}?', en: 'Do we reach {t}?' },
  q3: { nl: 'Kan iemand het zien?', en: 'Could anyone see it?' },
  q4: { nl: 'Wie wint en wie verliest, per contract?', en: 'Who gains and who loses, per contract?' },
  costMain: { nl: 'lagere zorgkosten in {y} dan zonder scenario', en: 'lower care cost in {y} than without the scenario' },
  costMainUp: { nl: 'hogere zorgkosten in {y} dan zonder scenario', en: 'higher care cost in {y} than without the scenario' },
  costEuro: { nl: '{a} → {b} per jaar ({d})', en: '{a} → {b} a year ({d})' },
  spread90: { nl: '90% van de runs tussen {a} en {b}', en: '90% of runs between {a} and {b}' },
  mcShort: { nl: 'MC-fout ± {e}', en: 'MC error ± {e}' },
  mcTitle: {
    nl: 'Monte-Carlo-standaardfout: hoeveel dit gemiddelde nog kan verschuiven door het aantal runs. Meer runs maken hem kleiner; de spreiding (90% van de runs) blijft.',
    en: 'Monte Carlo standard error: how much this mean could still move because of the number of runs. More runs make it smaller; the spread (90% of runs) stays.',
  },
  targetMain: { nl: 'kans dat de besparing in {y} ten minste {t} is', en: 'chance that the reduction in {y} is at least {t}' },
  targetTech: { nl: 'P(besparing ≥ doel) over de runs, laatste jaar', en: 'P(reduction ≥ target) over runs, last year' },
  seeMain: { nl: 'kans dat een evaluator in {y} een besparing van ten minste {t} meet', en: 'chance that an evaluator measures a saving of at least {t} in {y}' },
  seeSentence: {
    nl: 'Gemeten tegen een benchmark uit eerdere jaren, zoals bij een evaluatie. Grens voor toeval en CMS-formule: bij de kerncijfers.',
    en: 'Measured against a benchmark from earlier years, as in an evaluation. Chance threshold and CMS formula: with the key figures.',
  },
  seeTech: {
    nl: 'P(waargenomen besparing t.o.v. de geschatte benchmark ≥ doel), met scenario, laatste jaar',
    en: 'P(observed savings against the estimated benchmark ≥ target), with scenario, last year',
  },
  tableCaption: {
    nl: 'Per partij en contract: gemiddeld verschil met de huidige situatie (betaling per verrichting, zonder scenario), € mln over {a}–{b} samen. Kleine regel: kans slechter af · verschil in de slechtste 5% van de runs.',
    en: 'Per party and contract: mean change against the status quo (fee-for-service, without the scenario), € mln over {a}–{b} together. Small line: chance of being worse off · change in the worst 5% of runs.',
  },
  cellTitle: {
    nl: '{p} onder {m}: gemiddeld {d} t.o.v. nu (± {e} MC-fout); kans slechter af dan nu {w}; in de slechtste 5% van de runs gemiddeld {b}.',
    en: '{p} under {m}: on average {d} against now (± {e} MC error); chance of being worse off {w}; in the worst 5% of runs {b} on average.',
  },
  worseShort: { nl: 'slechter af', en: 'worse off' },
  badShort: { nl: 'slecht', en: 'bad' },
  partyLink: { nl: 'Naar de verdeling van {p} onder elk contract', en: 'To the distribution for {p} under each contract' },
  modelLink: { nl: 'Naar {m} in de tabel partijen × bekostigingsmodellen', en: 'To {m} in the parties × financing models table' },
  tablePending: { nl: 'De tabel per partij en contract volgt als de doorrekening klaar is.', en: 'The table per party and contract follows when the run has finished.' },
  tableOld: { nl: 'Van de vorige doorrekening; wordt bijgewerkt.', en: 'From the previous run; being updated.' },
  noFinancing: { nl: 'Dit scenario heeft geen bekostigingsmodellen.', en: 'This scenario has no financing models.' },
  firstRun: { nl: 'De doorrekening start…', en: 'The run is starting…' },
  firstRunLong: {
    nl: 'De doorrekening van dit scenario start; de eerste resultaten staan hier binnen enkele seconden.',
    en: 'The run of this scenario is starting; the first results appear here within seconds.',
  },
  finRunning: {
    nl: 'Wordt doorgerekend: zodra de runs klaar zijn staan hier per partij en bekostigingsmodel het gemiddelde resultaat, de kans op verlies en het slechtste 5% van de runs.',
    en: 'Running: once the runs have finished, each party gets its mean result, chance of loss and worst 5% of runs under each financing model here.',
  },
  stateStarting: { nl: 'Doorrekening start…', en: 'Run starting…' },
  stateWaiting: { nl: 'Rekent zo opnieuw door…', en: 'Recomputing shortly…' },
  present: { nl: 'Presentatie', en: 'Present' },
  presentTitle: { nl: 'Presentatiemodus: alleen de resultaten, groter (toets P)', en: 'Presentation mode: results only, larger (key P)' },
  presentExit: { nl: 'Presentatie sluiten', en: 'Exit presentation' },
  statusQuoRow: { nl: 'Huidige situatie (per verrichting, zonder scenario)', en: 'Status quo (fee-for-service, without the scenario)' },
  statusQuoTitle: {
    nl: 'Referentie: betaling per verrichting op de zorg zonder substitutie en interventies. Alle verschillen in de tabel zijn hiertegen gemeten.',
    en: 'Reference: fee-for-service on the care without substitution and interventions. Every change in the table is measured against it.',
  },
  patientsNote: {
    nl: 'Patiënten (Δ): verschil met de huidige situatie. Hun eigen risico is geen contractrisico; het verandert alleen doordat zorg verschuift.',
    en: 'Patients (Δ): change against the status quo. Their deductible is no contract risk; it changes only because care moves.',
  },
  patientsCellTitle: {
    nl: 'Patiënten: verschil met de huidige situatie (hun eigen risico verandert met de substitutie)',
    en: 'Patients: change against the status quo (their deductible payments change with substitution)',
  },
  rrCaption: {
    nl: 'Alles t.o.v. de huidige situatie (per verrichting, zonder scenario). Rechts = meer risico (verlies t.o.v. nu in de slechtste 5% van de runs), boven = gemiddeld meer dan nu. Kleur: partij; nummer: model.',
    en: 'Everything against the status quo (fee-for-service, without the scenario). Right = more risk (loss against now in the worst 5% of runs), up = more than now on average. Colour: party; number: model.',
  },
  rrAxisX: { nl: 'Verlies t.o.v. nu in de slechtste 5% (€ mln)', en: 'Loss vs now in the worst 5% (€ mln)' },
  rrAxisY: { nl: 'Gemiddeld verschil met nu (€ mln)', en: 'Mean change vs now (€ mln)' },
  rrBad: { nl: 'slechtste 5% t.o.v. nu', en: 'worst 5% vs now' },
  msrVariants: { nl: 'Drie manieren om de grens voor toeval te bepalen', en: 'Three ways to set the chance threshold' },
  msrCms: { nl: 'CMS-formule (alleen toeval, benchmark exact bekend)', en: 'CMS formula (chance only, benchmark known exactly)' },
  msrBench: { nl: 'met geschatte benchmark (toeval + benchmarkfout)', en: 'with an estimated benchmark (chance + benchmark error)' },
  msrSim: { nl: 'gesimuleerd (toeval, benchmark, trend en aannames)', en: 'simulated (chance, benchmark, trend and assumptions)' },
  fanTableNote: { nl: 'Totale zorgkosten in € mln per jaar: mediaan en de middelste 50% en 90% van de runs.', en: 'Total care cost in € mln per year: median and the middle 50% and 90% of runs.' },
  noResultsYet: { nl: 'Nog geen resultaten: kies Doorrekenen (eerst eventuele fouten in het scenario oplossen).', en: 'No results yet: choose Run (fix any errors in the scenario first).' },
} satisfies Record<string, Entry>;
/** The table itself, for the catalogue's test. */
export { S as SUMMARY_TEXTS };

export type SKey = keyof typeof S;

export const ts = translator(S).get;
