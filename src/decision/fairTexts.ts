import { translator } from '../i18n';
import type { Entry } from '../texts/catalogue';

/** Texts of "Wie heeft de besparing gemaakt?" and "Wat is meer weten waard?". */
const X = {
  shapleyTitle: { nl: 'Wie heeft de besparing gemaakt?', en: 'Who created the saving?' },
  shapleyIntro: {
    nl: 'Elke combinatie van de interventies en verschuivingen wordt gesimuleerd met dezelfde toevalsgetallen; de Shapley-waarde geeft elke actie het gemiddelde van wat zij toevoegt, over alle volgordes. Tot en met 8 acties exact, daarboven met steekproeven van volgordes.',
    en: 'Every combination of the interventions and substitutions is simulated on the same random numbers; the Shapley value gives each action the mean of what it adds, over every order. Exact up to 8 actions, sampled orders above that.',
  },
  shapleyRun: { nl: 'Verdeel de besparing', en: 'Split the saving' },
  shapleyHeadline: { nl: 'Van de {t} die in {n} runs gemiddeld over de looptijd wordt bespaard:', en: 'Of the {t} saved over the horizon, on average over {n} runs:' },
  shapleyExact: { nl: 'Exact: {k} combinaties gesimuleerd.', en: 'Exact: {k} combinations simulated.' },
  shapleySampled: { nl: 'Steekproef van {p} volgordes ({k} combinaties gesimuleerd); ± is de Monte-Carlofout.', en: 'Sample of {p} orders ({k} combinations simulated); ± is the Monte Carlo error.' },
  action: { nl: 'Actie', en: 'Action' },
  carriedBy: { nl: 'Uitgevoerd door', en: 'Carried out by' },
  share: { nl: 'Deel van de besparing', en: 'Share of the saving' },
  byParty: { nl: 'Per partij die de acties uitvoert', en: 'Per party carrying out the actions' },
  party: { nl: 'Partij', en: 'Party' },
  created: { nl: 'Gemaakt (Shapley)', en: 'Created (Shapley)' },
  receives: { nl: 'Krijgt onder {c}', en: 'Receives under {c}' },
  receivesNote: {
    nl: 'Krijgt = gemiddeld verschil met de huidige situatie over de looptijd, uit de laatste doorrekening.',
    en: 'Receives = mean change against the status quo over the horizon, from the last run.',
  },
  chartTitle: { nl: 'Bijdrage van elke actie aan de besparing (€ mln)', en: 'Each action’s part of the saving (€ mln)' },
  table: { nl: 'Als tabel', en: 'As a table' },
  cancel: { nl: 'Stoppen', en: 'Stop' },
  cancelled: { nl: 'Gestopt. Er is niets veranderd.', en: 'Stopped. Nothing has changed.' },
  progress: { nl: '{d} van {p} combinaties gesimuleerd', en: '{d} of {p} combinations simulated' },
  progressVoi: { nl: '{d} van {p} regressies', en: '{d} of {p} regressions' },
  starting: { nl: 'Bezig…', en: 'Working…' },
  failed: { nl: 'Het rekenen lukte niet: {m}', en: 'The computation failed: {m}' },
  noActions: { nl: 'Het scenario heeft geen interventies of verschuivingen.', en: 'The scenario has no interventions or substitutions.' },
  voiTitle: { nl: 'Wat is meer weten waard?', en: 'What is knowing more worth?' },
  voiIntro: {
    nl: 'Hoeveel beter valt een beslissing gemiddeld uit als een onzekere parameter vóór het tekenen bekend is (EVPPI; alles bekend: EVPI)? Per parameter groepsgemiddelden (Strong & Oakley 2013), voor een groep regressie (Strong, Oakley & Brennan 2014), op {n} runs, in een eigen rekenproces.',
    en: 'How much better does a decision turn out on average if an uncertain parameter is known before signing (EVPPI; everything known: EVPI)? Group means per parameter (Strong & Oakley 2013), regression for a group (Strong, Oakley & Brennan 2014), on {n} runs, in a worker of its own.',
  },
  pairLabel: { nl: 'Wat het getal beweegt en wat de beslissing verandert', en: 'What moves the number and what changes the decision' },
  pairNote: {
    nl: 'De tornado rangschikt wat het getal beweegt; de waarde van informatie rangschikt wat de beslissing verandert.',
    en: 'The tornado ranks what moves the number; the value of information ranks what changes the decision.',
  },
  voiPending: {
    nl: 'Nog niet berekend. Kies eventueel tot drie parameters die samen bekend worden en klik op de knop; hier komt dan per parameter de waarde van kennis vóór het tekenen, de grootste bovenaan.',
    en: 'Not computed yet. Pick up to three parameters known together if you like and press the button; this then ranks each parameter by what knowing it before signing is worth, the largest on top.',
  },
  voiParamsLoading: { nl: 'De onzekere parameters worden opgehaald…', en: 'Fetching the uncertain parameters…' },
  voiNoParams: { nl: 'Het scenario heeft geen onzekere parameters: er valt niets bij te leren.', en: 'The scenario has no uncertain parameters: there is nothing to learn.' },
  staleNote: {
    nl: 'Het scenario is opnieuw doorgerekend; de vorige uitkomst is weggehaald. Bereken opnieuw voor dit scenario.',
    en: 'The scenario was run again; the previous result is taken away. Compute again for this scenario.',
  },
  voiAxis: { nl: 'Waarde van kennis vóór het tekenen (€ mln)', en: 'Value of knowing before signing (€ mln)' },
  voiLegend: { nl: 'EVPPI per parameter, ± bootstrapfout', en: 'EVPPI per parameter, ± bootstrap error' },
  voiLegendEvpi: { nl: 'EVPI: alles bekend (bovengrens)', en: 'EVPI: everything known (upper bound)' },
  voiTop: { nl: 'De {k} grootste van {n} parameters; de tabel geeft ze alle.', en: 'The {k} largest of {n} parameters; the table gives them all.' },
  decision: { nl: 'Beslissing', en: 'Decision' },
  decisionGo: { nl: 'Doorgaan of niet (besparing boven het doel)', en: 'Go or no-go (saving beyond the target)' },
  decisionParty: { nl: 'Keuze van {p} tussen de contracten', en: '{p}’s choice among the contracts' },
  group: { nl: 'Groep (samen bekend)', en: 'Group (known together)' },
  groupHint: { nl: 'Tot drie parameters die samen bekend worden (bijvoorbeeld uit één pilot):', en: 'Up to three parameters that become known together (from one pilot, say):' },
  none: { nl: '(geen)', en: '(none)' },
  pilotSizes: { nl: 'Pilot: aantal mensen (gescheiden door ;)', en: 'Pilot: people (separated by ;)' },
  pilotFixed: { nl: 'Vaste kosten pilot (€)', en: 'Pilot fixed cost (€)' },
  pilotPer: { nl: 'Kosten per deelnemer (€)', en: 'Cost per participant (€)' },
  voiRun: { nl: 'Bereken de waarde van informatie', en: 'Compute the value of information' },
  evpi: { nl: 'Alles weten vóór het tekenen (EVPI): {v} (± {e})', en: 'Knowing everything before signing (EVPI): {v} (± {e})' },
  parameter: { nl: 'Parameter', en: 'Parameter' },
  evppi: { nl: 'EVPPI', en: 'EVPPI' },
  fit: { nl: 'Fit R² (hoogste)', en: 'Fit R² (highest)' },
  groupRow: { nl: 'Groep: {g}', en: 'Group: {g}' },
  pilotTitle: { nl: 'Een pilot van één jaar: loont hij?', en: 'A one-year pilot: is it worth it?' },
  pilotNote: {
    nl: 'De pilot meet het eerste jaar het besparingspercentage bij n mensen, met de toevalsruis die de detecteerbaarheid ook gebruikt (EVSI, Strong et al. 2015).',
    en: 'The pilot measures the first year’s savings rate on n people, with the chance noise the detectability view uses (EVSI, Strong et al. 2015).',
  },
  people: { nl: 'Mensen', en: 'People' },
  evsi: { nl: 'EVSI', en: 'EVSI' },
  cost: { nl: 'Kosten', en: 'Cost' },
  net: { nl: 'Netto', en: 'Net' },
  badNumber: { nl: '{f}: {m}', en: '{f}: {m}' },
  fitNote: {
    nl: 'Fit R²: het deel van de spreiding van de nettowaarde dat de parameter verklaart (diagnose van de regressie); ± is de bootstrapfout.',
    en: 'Fit R²: the share of the net benefit’s spread the parameter explains (the regression’s diagnostic); ± is the bootstrap error.',
  },
} satisfies Record<string, Entry>;
/** The table itself, for the catalogue's test. */
export { X as FAIR_TEXTS };

export const fx = translator(X).get;
