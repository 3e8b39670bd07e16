import { translator, type Lang } from '../i18n';
import type { Entry } from '../texts/catalogue';

/**
 * Texts of the hand-outs (printed report, tables, slide pictures, comparison), in their own table
 * so that they do not collide with edits to src/i18n.ts elsewhere. Same conventions as there.
 */
const R = {
  // printed report
  sumTitle: { nl: 'Samenvatting', en: 'Summary' },
  sumCostQ: { nl: 'Wat gebeurt er met zorg en kosten?', en: 'What happens to care and cost?' },
  sumCost: {
    nl: 'Totale zorgkosten in {y}: {cf} zonder verandering, {sc} met het scenario. Besparing {r} (90% van de runs tussen {a} en {b}).',
    en: 'Total care cost in {y}: {cf} without change, {sc} with the scenario. Reduction {r} (90% of runs between {a} and {b}).',
  },
  sumTargetQ: { nl: 'Halen we het doel van {t}, en hoe zeker is dat?', en: 'Do we reach the {t} target, and how sure are we?' },
  sumTarget: {
    nl: 'Kans dat de besparing in {y} minstens {t} is: {p}. Kans dat een evaluator dat ook ziet (gemeten tegen de benchmark): {o}; zonder echte besparing ziet hij het toch in {c} van de runs.',
    en: 'Chance that the reduction in {y} is at least {t}: {p}. Chance that an evaluator sees it too (measured against the benchmark): {o}; without a real reduction he sees it anyway in {c} of runs.',
  },
  sumRiskQ: { nl: 'Wie draagt het risico onder elk contract?', en: 'Who carries the risk under each contract?' },
  sumRiskIntro: {
    nl: 'Verschil met de huidige situatie (fee-for-service zonder het scenario) over de hele looptijd {a}–{b}, gemiddeld, in € mln; daaronder de kans dat de partij slechter af is dan nu. Negatief = slechter af. Een streepje: de partij doet niet mee in dat contract.',
    en: 'Change against the status quo (fee-for-service without the scenario) over the whole horizon {a}–{b}, mean, in € mln; below it the chance that the party is worse off than now. Negative = worse off. A dash: the party is not in that contract.',
  },
  sumContract: { nl: 'Contract', en: 'Contract' },
  sumWorse: { nl: 'slechter af: {p}', en: 'worse off: {p}' },
  sumNoFinancing: { nl: 'Het scenario heeft geen bekostigingsmodellen.', en: 'The scenario has no financing models.' },
  sumPartial: { nl: 'Let op: tussenstand na {n} van {m} runs.', en: 'Note: interim results after {n} of {m} runs.' },
  printMeta: { nl: 'Afgedrukt op {d} · seed {s} · {n} runs', en: 'Printed on {d} · seed {s} · {n} runs' },
  printNotes: { nl: 'Notities', en: 'Notes' },
  apxTitle: { nl: 'Bijlage: aannames en bronnen', en: 'Appendix: assumptions and sources' },
  apxIntro: {
    nl: 'Elke aanname van het scenario, gegroepeerd zoals in de editor. Een getal tussen haken verwijst naar de bronnenlijst onderaan; "illustratief" betekent: een aanname om over te praten, geen bevinding.',
    en: 'Every assumption of the scenario, grouped as in the editor. A number in brackets refers to the list of sources at the end; "illustrative" means: an assumption to argue about, not a finding.',
  },
  apxSources: { nl: 'Bronnen (zoals vermeld in het scenariobestand)', en: 'Sources (as written in the scenario file)' },
  apxGeneral: { nl: 'Algemeen', en: 'General' },
  apxCareTrends: { nl: 'Kostengroei per zorgvorm', en: 'Cost growth per care line' },
  illustrative: { nl: 'illustratief', en: 'illustrative' },
  // tables for Excel
  exportXlsx: { nl: 'Excel (.xlsx)', en: 'Excel (.xlsx)' },
  exportPngSet: { nl: 'Alle grafieken (PNG, zip)', en: 'All charts (PNG, zip)' },
  // slide pictures
  pngMeta: { nl: '{d} · {n} runs · seed {s}', en: '{d} · {n} runs · seed {s}' },
  pngKey: { nl: 'Nummers:', en: 'Numbers:' },
  // comparison
  cmpPartiesTitle: { nl: 'Wie draagt het risico? Verschil met de huidige situatie per partij en contract', en: 'Who carries the risk? Change against the status quo per party and contract' },
  cmpPartiesCaption: {
    nl: 'Over de hele looptijd, gemiddeld, in € mln; tussen haken de kans slechter af te zijn dan nu. Een streepje: de partij doet niet mee in dat contract of het scenario heeft dat contract niet.',
    en: 'Over the whole horizon, mean, in € mln; in brackets the chance of being worse off than now. A dash: the party is not in that contract, or the scenario lacks that contract.',
  },
  cmpChangedTitle: { nl: 'Wat is er anders?', en: 'What changed?' },
  cmpChangedNone: { nl: "De vergeleken scenario's hebben dezelfde aannames.", en: 'The compared scenarios have the same assumptions.' },
  cmpChangedIntro: { nl: 'Elke aanname die verschilt, met de waarde in elk scenario (— = ontbreekt).', en: 'Every assumption that differs, with its value in each scenario (— = absent).' },
  cmpAssumption: { nl: 'Aanname', en: 'Assumption' },
  cmpNoResults: { nl: 'geen resultaten bewaard', en: 'no results kept' },
} satisfies Record<string, Entry>;
/** The table itself, for the catalogue's test. */
export { R as REPORT_TEXTS };

export type ReportKey = keyof typeof R;

const report = translator(R);
export const rt = report.get;
export const rtIn = report.inLang;

/** A date and time as the language writes it. */
export function dateText(d: Date, l: Lang): string {
  return d.toLocaleString(l === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
