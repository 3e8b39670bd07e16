import { PARTY_COLORS } from '../colors';
import { lang } from '../i18n';
import { partyLabelIn } from '../parties';

/** A party's name in the chosen language. */
export const partyLabel = (p: string) => partyLabelIn(p, lang());

/** A party's colour in every chart and table (grey for an unknown id). */
export const partyColor = (p: string) => (PARTY_COLORS as Record<string, string>)[p] ?? '#444';

/** Black or white text, whichever has the higher WCAG contrast on `hex`. */
export const inkOn = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const L = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return (L + 0.05) / 0.05 >= 1.05 / (L + 0.05) ? '#000' : '#fff';
};
