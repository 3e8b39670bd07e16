/** A text in both interface languages. */
export interface Bilingual {
  nl: string;
  en: string;
}

/**
 * The colour-blind-safe Okabe–Ito palette by name: the tables here name a colour, the page maps
 * the name to its value (`src/colors.ts`).
 */
export type ColourToken = 'orange' | 'skyBlue' | 'bluishGreen' | 'yellow' | 'blue' | 'vermillion' | 'reddishPurple' | 'black';
