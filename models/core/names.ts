/**
 * Care lines, from self-care (line 0) to hospital (line 2), plus pharmacy (domain.md table), then
 * the rest of the Zvw so that the regional total is all of it: mental health (GGZ) and the other
 * Zvw care in one line. New lines go at the end: a line's index names its random streams.
 */
export const LINES = ['selfcare', 'gp', 'intermediate', 'hospital', 'pharmacy', 'mentalHealth', 'otherZvw'] as const;
export type Line = (typeof LINES)[number];

/** Parties that carry money. The integrator exists only under population-based payment. */
export const PARTIES = ['insurer', 'hospital', 'gp', 'municipality', 'patients', 'integrator'] as const;
export type Party = (typeof PARTIES)[number];

/** Parties that can pay for an intervention. */
export const PAYERS = ['insurer', 'hospital', 'gp', 'municipality', 'patients'] as const;
export type Payer = (typeof PAYERS)[number];

export const lineIndex = (l: Line): number => LINES.indexOf(l);

/**
 * Care categories as Vektis groups the cost columns of its open data (the category mapping of
 * ../shared/data): the middle step between a file's columns and a scenario's care lines.
 */
export const CATEGORIES = ['hospital', 'pharmacy', 'gp', 'mentalHealth', 'nursing', 'devices', 'paramedical', 'transport', 'dental', 'maternity', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
