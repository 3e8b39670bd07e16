import { LINES, type Line } from '../../models/core/names';
import { LINE_FACTS, OTHER_ZVW_PARTS } from '../../models/core/lines';
import type { Summary } from '../../models/summary/summarize';
import type { Lang } from '../i18n';

type Year = Summary['years'][number];

/** The lines with cost in the year without the scenario: what the regional total adds up. */
export function linesInTotal(y: Year): Line[] {
  return LINES.filter((l) => (y.cf.claims[l]?.mean ?? 0) > 0 || (y.sc.claims[l]?.mean ?? 0) > 0);
}

const list = (xs: string[], l: Lang) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${l === 'nl' ? 'en' : 'and'} ${xs[xs.length - 1]}`);

/**
 * What "total care cost" includes, in a sentence: a steering group compares it with its own
 * Vektis figures, and a total over some lines only makes a 2% target look easier than it is.
 */
export function totalIncludes(y: Year, l: Lang): string {
  const lines = linesInTotal(y);
  const names = lines.map((x) => LINE_FACTS[x].inText[l]);
  const zvwAll = lines.includes('mentalHealth') && lines.includes('otherZvw');
  return l === 'nl'
    ? `Totale zorgkosten: ${list(names, l)}, plus de kosten van de interventies${zvwAll ? ' (alle Zvw-zorg)' : ' (niet alle Zvw-zorg)'}.`
    : `Total care cost: ${list(names, l)}, plus the cost of the interventions${zvwAll ? ' (all Zvw care)' : ' (not all Zvw care)'}.`;
}

/** The same in a few words, for a line that has no room (the full sentence goes in its tooltip). */
export function totalShort(y: Year, l: Lang): string {
  const lines = linesInTotal(y);
  const zvwAll = lines.includes('mentalHealth') && lines.includes('otherZvw');
  const self = lines.includes('selfcare');
  if (zvwAll) return l === 'nl' ? `totaal: alle Zvw-zorg${self ? ' en zelfzorg' : ''}` : `total: all Zvw care${self ? ' and self-care' : ''}`;
  return l === 'nl' ? `totaal: ${lines.length} zorglijnen, niet alle Zvw-zorg` : `total: ${lines.length} care lines, not all Zvw care`;
}

/** The parts of the other-Zvw line, for a tooltip or the printed report. */
export function otherZvwParts(l: Lang): string {
  return `${LINE_FACTS.otherZvw.label[l]}: ${list(
    OTHER_ZVW_PARTS.map((p) => p.label[l]),
    l,
  )}.`;
}
