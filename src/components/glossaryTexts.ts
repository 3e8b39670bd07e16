import type { Label } from '../texts/catalogue';

/** The glossary's terms and what they mean, in the order shown. */
export const GLOSSARY: { term: Label; meaning: Label }[] = [
  {
    term: { nl: 'Zonder verandering (counterfactual)', en: 'No change (counterfactual)' },
    meaning: {
      nl: 'Dezelfde regio met dezelfde toevalstrekkingen, maar zonder substitutie en interventies.',
      en: 'The same region with the same random draws, but without substitution and interventions.',
    },
  },
  { term: { nl: 'Besparing', en: 'Reduction' }, meaning: { nl: '1 − kosten met scenario / kosten zonder verandering, per run.', en: '1 − cost with scenario / cost without change, per run.' } },
  {
    term: { nl: 'Run', en: 'Run' },
    meaning: {
      nl: 'Eén doorrekening met één trekking van alle onzekere aannames en van het toevallige zorggebruik.',
      en: 'One simulation with one draw of every uncertain assumption and of random care use.',
    },
  },
  {
    term: { nl: 'Monte-Carlo-standaardfout (±)', en: 'Monte Carlo standard error (±)' },
    meaning: { nl: 'Hoe nauwkeurig een gemiddelde is door het beperkte aantal runs; meer runs maken hem kleiner.', en: 'How precise a mean is given the number of runs; more runs make it smaller.' },
  },
  {
    term: { nl: '50%- en 90%-band', en: '50% and 90% band' },
    meaning: { nl: 'De middelste 50% en 90% van de runs: de spreiding door toeval en onzekere aannames.', en: 'The middle 50% and 90% of runs: the spread from chance and uncertain assumptions.' },
  },
  {
    term: { nl: 'Benchmark', en: 'Benchmark' },
    meaning: {
      nl: 'De verwachte kosten waartegen een contract de besparing meet, geschat uit de jaren vóór het contract.',
      en: 'The expected cost against which a contract measures savings, estimated from the years before the contract.',
    },
  },
  {
    term: { nl: 'Minimale besparing (minimum savings rate, MSR)', en: 'Minimum savings rate (MSR)' },
    meaning: {
      nl: 'De kleinste gemeten besparing die niet waarschijnlijk door toeval komt; kleiner bij een grotere populatie.',
      en: 'The smallest measured saving unlikely to come from chance alone; smaller for a larger population.',
    },
  },
  {
    term: { nl: 'PERT', en: 'PERT' },
    meaning: { nl: 'Een onzeker getal uit minimum, meest waarschijnlijke waarde en maximum.', en: 'An uncertain number given by minimum, most likely value and maximum.' },
  },
  {
    term: { nl: 'Substitutie', en: 'Substitution' },
    meaning: { nl: 'Zorg verschuift naar een lagere lijn (bijv. van ziekenhuis naar anderhalvelijnszorg).', en: 'Care moves down the chain (e.g. from hospital to 1.5-line care).' },
  },
  {
    term: { nl: 'Extra zorg (additionaliteit)', en: 'Additionality' },
    meaning: { nl: 'Nieuwe contacten op de ontvangende lijn die niets vervangen.', en: 'New contacts on the receiving line that replace nothing.' },
  },
  {
    term: { nl: 'Slechtste 5% van de jaren (expected shortfall)', en: 'Worst 5% of years (expected shortfall)' },
    meaning: { nl: 'Het gemiddelde resultaat in de 5% slechtste runs.', en: 'The mean result in the worst 5% of runs.' },
  },
  {
    term: { nl: 'Populatiebekostiging', en: 'Population-based payment' },
    meaning: {
      nl: 'Een budget per persoon voor een (deel)populatie; het netwerk van aanbieders draagt het kostenrisico.',
      en: 'A budget per person for a (sub)population; the provider network carries the cost risk.',
    },
  },
  {
    term: { nl: 'Shared savings', en: 'Shared savings' },
    meaning: {
      nl: 'Aanbieders krijgen een deel van de gerealiseerde besparing (eenzijdig), of delen ook in overschrijdingen (tweezijdig).',
      en: 'Providers receive a share of realised savings (one-sided), or also share overruns (two-sided).',
    },
  },
];
