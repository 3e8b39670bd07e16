import { LINES, PARTIES, type Line, type Party } from '../models/core/names';
import { LINE_FACTS } from '../models/core/lines';
import { PARTY_FACTS } from '../models/core/parties';
import type { ColourToken } from '../models/core/text';

/**
 * Okabe–Ito colour-blind-safe palette. One colour per party and per financing model everywhere;
 * the counterfactual is always grey and the scenario blue.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const satisfies Record<ColourToken, string>;

export const CF_COLOR = '#6b6b6b';
export const SC_COLOR = OKABE_ITO.blue;

export const PARTY_COLORS = Object.fromEntries(PARTIES.map((p) => [p, OKABE_ITO[PARTY_FACTS[p].colour]])) as Record<Party, string>;

export const LINE_COLORS = Object.fromEntries(LINES.map((l) => [l, OKABE_ITO[LINE_FACTS[l].colour]])) as Record<Line, string>;

/** `#rrggbb` with an alpha channel, for bands. */
export function alpha(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
}

/** One colour per financing model, in the order the scenario lists them (yellow last: weakest contrast). */
export const MODEL_COLORS = [OKABE_ITO.black, OKABE_ITO.orange, OKABE_ITO.skyBlue, OKABE_ITO.bluishGreen, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, OKABE_ITO.blue, '#8c6d00'] as const;
