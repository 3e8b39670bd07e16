import type { Lang } from './i18n';
import { PARTIES } from '../models/core/names';
import { PARTY_FACTS } from '../models/core/parties';

/** The parties' names as every view shows them (from the party table, so tables, charts and texts agree). */
export const PARTY_LABELS: Record<string, Record<Lang, string>> = Object.fromEntries(PARTIES.map((p) => [p, PARTY_FACTS[p].label]));

/** A party's name in language `l`; unknown ids as they are. (No runtime i18n import: usable in tests.) */
export const partyLabelIn = (p: string, l: Lang): string => PARTY_LABELS[p]?.[l] ?? p;
