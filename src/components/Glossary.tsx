import { For } from 'solid-js';
import { lang, t } from '../i18n';

const TERMS: { nl: [string, string]; en: [string, string] }[] = [
  {
    nl: ['Zonder verandering (counterfactual)', 'Dezelfde regio met dezelfde toevalstrekkingen, maar zonder substitutie en interventies.'],
    en: ['No change (counterfactual)', 'The same region with the same random draws, but without substitution and interventions.'],
  },
  { nl: ['Besparing', '1 − kosten met scenario / kosten zonder verandering, per run.'], en: ['Reduction', '1 − cost with scenario / cost without change, per run.'] },
  {
    nl: ['Run', 'Eén doorrekening met één trekking van alle onzekere aannames en van het toevallige zorggebruik.'],
    en: ['Run', 'One simulation with one draw of every uncertain assumption and of random care use.'],
  },
  {
    nl: ['Monte-Carlo-standaardfout (±)', 'Hoe nauwkeurig een gemiddelde is door het beperkte aantal runs; meer runs maken hem kleiner.'],
    en: ['Monte Carlo standard error (±)', 'How precise a mean is given the number of runs; more runs make it smaller.'],
  },
  {
    nl: ['50%- en 90%-band', 'De middelste 50% en 90% van de runs: de spreiding door toeval en onzekere aannames.'],
    en: ['50% and 90% band', 'The middle 50% and 90% of runs: the spread from chance and uncertain assumptions.'],
  },
  {
    nl: ['Benchmark', 'De verwachte kosten waartegen een contract de besparing meet, geschat uit de jaren vóór het contract.'],
    en: ['Benchmark', 'The expected cost against which a contract measures savings, estimated from the years before the contract.'],
  },
  {
    nl: ['Minimale besparing (minimum savings rate, MSR)', 'De kleinste gemeten besparing die niet waarschijnlijk door toeval komt; kleiner bij een grotere populatie.'],
    en: ['Minimum savings rate (MSR)', 'The smallest measured saving unlikely to come from chance alone; smaller for a larger population.'],
  },
  { nl: ['PERT', 'Een onzeker getal uit minimum, meest waarschijnlijke waarde en maximum.'], en: ['PERT', 'An uncertain number given by minimum, most likely value and maximum.'] },
  {
    nl: ['Substitutie', 'Zorg verschuift naar een lagere lijn (bijv. van ziekenhuis naar anderhalvelijnszorg).'],
    en: ['Substitution', 'Care moves down the chain (e.g. from hospital to 1.5-line care).'],
  },
  { nl: ['Extra zorg (additionaliteit)', 'Nieuwe contacten op de ontvangende lijn die niets vervangen.'], en: ['Additionality', 'New contacts on the receiving line that replace nothing.'] },
  {
    nl: ['Slechtste 5% van de jaren (expected shortfall)', 'Het gemiddelde resultaat in de 5% slechtste runs.'],
    en: ['Worst 5% of years (expected shortfall)', 'The mean result in the worst 5% of runs.'],
  },
  {
    nl: ['Populatiebekostiging', 'Een budget per persoon voor een (deel)populatie; het netwerk van aanbieders draagt het kostenrisico.'],
    en: ['Population-based payment', 'A budget per person for a (sub)population; the provider network carries the cost risk.'],
  },
  {
    nl: ['Shared savings', 'Aanbieders krijgen een deel van de gerealiseerde besparing (eenzijdig), of delen ook in overschrijdingen (tweezijdig).'],
    en: ['Shared savings', 'Providers receive a share of realised savings (one-sided), or also share overruns (two-sided).'],
  },
];

export function Glossary() {
  return (
    <details class="card glossary" data-testid="glossary">
      <summary>
        <h2>{t('glossary')}</h2>
      </summary>
      <dl>
        <For each={TERMS}>
          {(g) => (
            <>
              <dt>{g[lang()][0]}</dt>
              <dd>{g[lang()][1]}</dd>
            </>
          )}
        </For>
      </dl>
    </details>
  );
}
