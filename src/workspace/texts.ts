import { translator, type Lang } from '../i18n';
import type { Entry } from '../texts/catalogue';

/**
 * Texts about keeping work (storage, share links, other tabs, interrupted runs), in their own
 * table so that they do not collide with edits to src/i18n.ts elsewhere.
 */
const W = {
  saveFailed: {
    nl: 'Opslaan in deze browser is mislukt: uw laatste wijzigingen staan alleen nog in dit tabblad.',
    en: 'Saving in this browser failed: your latest changes exist only in this tab.',
  },
  saveFailedQuota: {
    nl: 'De opslagruimte van de browser is vol.',
    en: "The browser's storage is full.",
  },
  saveFailedAdvice: {
    nl: "Download de werkruimte als bestand, zodat er niets verloren gaat; verwijder daarna bewaarde scenario's die u niet meer nodig hebt.",
    en: 'Download the workspace as a file so that nothing is lost; then remove kept scenarios you no longer need.',
  },
  downloadWorkspace: { nl: 'Werkruimte downloaden', en: 'Download workspace' },
  retrySave: { nl: 'Opnieuw opslaan', en: 'Try saving again' },
  storageUsed: { nl: 'Opslag in deze browser: {u} gebruikt van {q}', en: 'Storage in this browser: {u} used of {q}' },
  linkTruncated: {
    nl: 'De link bevat geen leesbaar scenario (afgebroken of beschadigd?); er is niets veranderd.',
    en: 'The link holds no readable scenario (cut off or damaged?); nothing was changed.',
  },
  linkInvalid: {
    nl: 'Het scenario in de link is ongeldig ({n} fouten, eerste: {e}); er is niets veranderd.',
    en: 'The scenario in the link is invalid ({n} errors, first: {e}); nothing was changed.',
  },
  linkLoadedKept: {
    nl: 'Scenario uit de link geladen; uw vorige scenario is bewaard in de werkruimte.',
    en: 'Scenario loaded from the link; your previous scenario is kept in the workspace.',
  },
  otherTab: { nl: '{t} (ander tabblad)', en: '{t} (other tab)' },
  otherTabEditing: {
    nl: 'Dit scenario wordt ook in een ander tabblad bewerkt. Beide versies blijven bewaard: bij het opslaan komt de versie van het andere tabblad in de werkruimte als "(ander tabblad)".',
    en: 'This scenario is also being edited in another tab. Both versions are kept: on saving, the other tab\'s version goes into the workspace as "(other tab)".',
  },
  interrupted: {
    nl: 'De vorige berekening van dit scenario is niet goed afgerond (de pagina liep vast of sloot). Daarom is hij niet vanzelf opnieuw gestart.',
    en: 'The last run of this scenario did not finish properly (the page froze or closed). So it was not started again by itself.',
  },
  runAnyway: { nl: 'Toch doorrekenen', en: 'Run anyway' },
  runFailedPartial: {
    nl: 'De berekening is mislukt na {n} van {m} runs: {e}. Hieronder de resultaten van de runs die wel klaar waren (onvolledig).',
    en: 'The run failed after {n} of {m} runs: {e}. Below are the results of the runs that did finish (incomplete).',
  },
  runFailedNone: {
    nl: 'De berekening is mislukt voordat er runs klaar waren; er zijn geen resultaten van dit scenario.',
    en: 'The run failed before any run finished; there are no results for this scenario.',
  },
  viewFailed: {
    nl: 'Dit onderdeel kon niet worden getekend: {e}',
    en: 'This part could not be drawn: {e}',
  },
} satisfies Record<string, Entry>;
/** The table itself, for the catalogue's test. */
export { W as WORKSPACE_TEXTS };

export type WKey = keyof typeof W;

export const tw = translator(W).get;

/** The name under which another tab's version of the current scenario is kept. */
export const otherTabName = (title: string) => tw('otherTab', { t: title });
